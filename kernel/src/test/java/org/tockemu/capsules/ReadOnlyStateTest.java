package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.boards.Board;
import org.tockemu.boards.BoardConfig;
import org.tockemu.core.testing.RepoRoot;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.ProcessLoader;
import org.tockemu.kernel.SyscallReturn;

class ReadOnlyStateTest {
    private static BoardConfig enabled() {
        BoardConfig cfg = BoardConfig.builtin();
        cfg.set("peripherals.read_only_state", "true");
        return cfg;
    }

    @Test
    void commandsAndAllowFollowTock() {
        CapsuleHarness h = new CapsuleHarness(enabled(), 1);
        assertEquals(SyscallReturn.SUCCESS, h.command(DriverNumbers.READ_ONLY_STATE, 0, 0, 0, 0).variant);
        SyscallReturn version = h.command(DriverNumbers.READ_ONLY_STATE, 1, 0, 0, 0);
        assertEquals(SyscallReturn.SUCCESS_U32, version.variant);
        assertEquals(1, version.r1);
        assertEquals(ErrorCode.NOSUPPORT, h.command(DriverNumbers.READ_ONLY_STATE, 2, 0, 0, 0).r1);
        h.growBreak(0, 1024);
        int buf = h.processes.get(0).memStart + 512;
        int[] r = h.syscall(0, 7, DriverNumbers.READ_ONLY_STATE, 0, buf, 16);
        assertEquals(SyscallReturn.SUCCESS_2U32, r[0]);
        assertEquals(0, r[1], "no previous buffer");
        int[] bad = h.syscall(0, 7, DriverNumbers.READ_ONLY_STATE, 1, buf, 16);
        assertEquals(SyscallReturn.FAILURE_2U32, bad[0]);
        assertEquals(ErrorCode.NOSUPPORT, bad[1]);
    }

    @Test
    void switchesWriteCountPendingTasksAndTicks() {
        CapsuleHarness h = new CapsuleHarness(enabled(), 1);
        h.growBreak(0, 1024);
        int buf = h.processes.get(0).memStart + 512;
        h.syscall(0, 7, DriverNumbers.READ_ONLY_STATE, 0, buf, 16);
        ReadOnlyState ros = (ReadOnlyState) h.driver(DriverNumbers.READ_ONLY_STATE);
        h.kernel.schedule(h.kernel.cyclesForMicros(1_000_000), () -> {});
        h.runMicros(1_000_000); // one virtual second: 32768 ticks of the 32 kHz timer
        ros.contextSwitch(h.processes.get(0));
        assertEquals(0, h.board.bus.read(buf, 4), "switch count before this switch");
        assertEquals(h.processes.get(0).queuedTasks(), h.board.bus.read(buf + 4, 4));
        assertEquals(32768, h.board.bus.read(buf + 8, 4));
        ros.contextSwitch(h.processes.get(0));
        assertEquals(1, h.board.bus.read(buf, 4));
    }

    @Test
    void theKernelCallsTheHookWhenSwitchingToAProcess() throws Exception {
        Board b = new Board(enabled(), new ByteArrayOutputStream(), "interp", new PrintStream(new ByteArrayOutputStream()), null);
        byte[] hello = Files.readAllBytes(RepoRoot.find().resolve("apps/prebuilt/cortex-m4/hello.tbf"));
        b.load(List.of(new ProcessLoader.App("hello.tbf", hello)));
        assertFalse(b.kernel.stats.grantAllocationsByDriver.containsKey(DriverNumbers.READ_ONLY_STATE));
        b.kernel.run(b.kernel.cyclesForMicros(100_000), true);
        // hello never uses driver 0x9: only the switch hook can have allocated its grant
        assertEquals(1L, b.kernel.stats.grantAllocationsByDriver.get(DriverNumbers.READ_ONLY_STATE));
    }
}
