package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.AdcTest.assertU32;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.SyscallReturn;
import org.tockemu.kernel.Task;

class AdcDedicatedTest {
    static final int D = DriverNumbers.ADC;

    static CapsuleHarness board(int n) {
        CapsuleHarness h = new CapsuleHarness(n);
        ((AdcDedicated) h.driver(D)).setSampler(ch -> 0x1000 * (ch + 1));
        return h;
    }

    @Test
    void ownershipAndErrors() {
        CapsuleHarness h = board(2);
        assertU32(6, h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOMEM, h.command(D, 0, 0, 0, 1)); // owned by process 0
        assertU32(12, h.command(D, 101, 0, 0, 0));
        assertU32(3300, h.command(D, 102, 0, 0, 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 1, 6, 0, 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 2, 0, 0, 0)); // 0 Hz
        assertFailure(ErrorCode.NOMEM, h.command(D, 3, 0, 100, 0)); // no buffer
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 6, 0, 0, 0));
        assertSuccess(h.command(D, 5, 0, 0, 0)); // stop while idle
        assertSuccess(h.command(D, 1, 4, 0, 0));
        assertFailure(ErrorCode.BUSY, h.command(D, 1, 4, 0, 0));
        h.runMicros(AdcDedicated.CONVERSION_US);
        assertEvent(h.takeEvents(0, D).get(0), 0, 4, 0x5000);
    }

    @Test
    void continuousSamplesUntilStopped() {
        CapsuleHarness h = board(1);
        assertSuccess(h.command(D, 2, 1, 10, 0)); // 10 Hz on channel 1
        h.runMicros(350_000);
        List<Task> ev = h.takeEvents(0, D);
        assertEquals(3, ev.size());
        for (Task t : ev) assertEvent(t, 1, 1, 0x2000);
        assertSuccess(h.command(D, 5, 0, 0, 0));
        h.runMicros(1_000_000);
        assertTrue(h.takeEvents(0, D).isEmpty());
        assertSuccess(h.command(D, 1, 0, 0, 0)); // idle again
    }

    @Test
    void bufferedAndContinuousBuffered() {
        CapsuleHarness h = board(1);
        h.growBreak(0, 4096);
        int base = h.processes.get(0).memStart;
        int[] a = h.syscall(0, 3, D, 0, base + 1024, 8); // 4 samples
        assertEquals(SyscallReturn.SUCCESS_2U32, a[0]);
        assertFailure(ErrorCode.NOMEM, h.command(D, 4, 0, 100, 0)); // continuous needs both buffers
        assertSuccess(h.command(D, 3, 2, 1000, 0)); // 4 samples at 1 kHz: 4 ms
        h.runMicros(3_900);
        assertTrue(h.takeEvents(0, D).isEmpty());
        h.runMicros(100);
        assertEvent(h.takeEvents(0, D).get(0), 2, 4 << 8 | 2, base + 1024);
        for (int i = 0; i < 4; i++) assertEquals(0x3000, h.board.bus.read(base + 1024 + 2 * i, 2));
        h.syscall(0, 3, D, 1, base + 2048, 4); // 2 samples
        assertSuccess(h.command(D, 4, 0, 1000, 0));
        h.runMicros(4_000 + 2_000 + 4_000);
        List<Task> ev = h.takeEvents(0, D);
        assertEquals(3, ev.size());
        assertEvent(ev.get(0), 3, 4 << 8, base + 1024);
        assertEvent(ev.get(1), 3, 2 << 8, base + 2048);
        assertEvent(ev.get(2), 3, 4 << 8, base + 1024);
        assertSuccess(h.command(D, 5, 0, 0, 0));
        h.runMicros(100_000);
        assertTrue(h.takeEvents(0, D).isEmpty());
    }
}
