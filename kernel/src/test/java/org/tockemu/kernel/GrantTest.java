package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tockemu.boards.Board;
import org.tockemu.boards.BoardConfig;

/** Grants: per-process state in the process's own RAM, charged byte for byte, unreachable outside enter. */
class GrantTest {
    static final class Counter extends GrantState {
        @Override public int size() { return 8; }
        int value() { return u32(0); }
        void set(int v) { setU32(0, v); }
    }

    static final class Huge extends GrantState {
        @Override public int size() { return 200_000; }
    }

    Board board;
    Grant<Counter> counters;
    Grant<Huge> huge;
    Process hello;

    @BeforeEach
    void boot() throws Exception {
        board = new Board(BoardConfig.builtin(), new ByteArrayOutputStream(), "interp", new PrintStream(new ByteArrayOutputStream()), null);
        counters = board.kernel.createGrant(0xABC0, 2, 1, 1, Counter::new);
        huge = board.kernel.createGrant(0xABC1, 0, 0, 0, Huge::new);
        board.load(List.of(new ProcessLoader.App("hello.tbf", Files.readAllBytes(AppRunner.prebuilt("cortex-m4", "hello")))));
        hello = board.kernel.processByName("hello");
        board.kernel.run(board.kernel.cyclesForMicros(1000), false);
    }

    @Test
    void allocationIsChargedAgainstTheProcessAndLivesInItsRam() {
        int before = hello.kernelMemoryUsed();
        int[] addr = {0};
        assertEquals(0, counters.enter(hello.id(), (s, k) -> { s.set(0x1234_5678); addr[0] = hello.kernelBreak(); }));
        assertEquals(before + counters.allocationSize(), hello.kernelMemoryUsed());
        assertEquals(4 + 8 * (2 + 1 + 1) + 8, counters.allocationSize());
        // the state's bytes are in the process's kernel-owned RAM, after the header and slots
        assertEquals(0x1234_5678, board.bus.read(addr[0] + 4 + 8 * 4, 4));
        assertEquals(0, counters.enter(hello.id(), (s, k) -> assertEquals(0x1234_5678, s.value())));
        assertTrue(Integer.compareUnsigned(hello.kernelBreak(), hello.appBreak()) > 0);
    }

    @Test
    void stateCannotBeUsedOutsideEnter() {
        Counter[] leaked = new Counter[1];
        ProcessBuffer[] leakedBuffer = new ProcessBuffer[1];
        counters.enter(hello.id(), (s, k) -> { leaked[0] = s; leakedBuffer[0] = k.readOnlyAllow(0); });
        assertThrows(IllegalStateException.class, () -> leaked[0].value());
        assertThrows(IllegalStateException.class, () -> leaked[0].set(1));
        assertThrows(IllegalStateException.class, () -> leakedBuffer[0].length());
    }

    @Test
    void reenteringTheSameProcessGrantIsRefused() {
        int[] inner = {-1};
        counters.enter(hello.id(), (s, k) -> inner[0] = counters.enter(hello.id(), (s2, k2) -> {}));
        assertEquals(ErrorCode.BUSY, inner[0]);
    }

    @Test
    void exhaustionFailsWithNomemAndMovesNothing() {
        int kb = hello.kernelBreak(), ab = hello.appBreak();
        assertEquals(ErrorCode.NOMEM, huge.enter(hello.id(), (s, k) -> fail("must not run")));
        assertEquals(kb, hello.kernelBreak());
        assertEquals(ab, hello.appBreak());
    }

    @Test
    void grantsAreFreedOnRestartAndStaleIdsRefused() {
        ProcessId old = hello.id();
        counters.enter(old, (s, k) -> s.set(7));
        int used = hello.kernelMemoryUsed();
        board.kernel.restart(hello, null);
        assertTrue(hello.kernelMemoryUsed() < used);
        assertEquals(ErrorCode.INVAL, counters.enter(old, (s, k) -> fail("stale id")));
        assertFalse(counters.isAllocated(hello.id()));
    }
}
