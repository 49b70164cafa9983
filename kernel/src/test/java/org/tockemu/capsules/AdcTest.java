package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.boards.BoardConfig;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.SyscallReturn;

/** AdcVirtualized. */
class AdcTest {
    static final int D = DriverNumbers.ADC;

    /** A board whose ADC is AdcVirtualized (the default is AdcDedicated). */
    static CapsuleHarness virtualized(int n) {
        BoardConfig cfg = BoardConfig.builtin();
        cfg.set("peripherals.adc_mode", "\"virtualized\"");
        return new CapsuleHarness(cfg, n);
    }

    static void assertU32(int v, SyscallReturn r) {
        assertEquals(SyscallReturn.SUCCESS_U32, r.variant, r.toString());
        assertEquals(v, r.r1);
    }

    @Test
    void queriesAndErrors() {
        CapsuleHarness h = virtualized(1);
        assertU32(6, h.command(D, 0, 0, 0, 0));
        assertU32(12, h.command(D, 101, 5, 0, 0));
        assertU32(3300, h.command(D, 102, 0, 0, 0));
        assertFailure(ErrorCode.NODEVICE, h.command(D, 101, 6, 0, 0));
        assertFailure(ErrorCode.NODEVICE, h.command(D, 102, -1, 0, 0));
        assertFailure(ErrorCode.NODEVICE, h.command(D, 1, 6, 0, 0));
        for (int cmd : new int[] {2, 3, 4, 5, 7}) assertFailure(ErrorCode.NOSUPPORT, h.command(D, cmd, 0, 100, 0));
    }

    @Test
    void singleSampleAndQueueing() {
        CapsuleHarness h = virtualized(2);
        ((Adc) h.driver(D)).setSampler(ch -> 0x1000 * (ch + 1));
        assertSuccess(h.command(D, 1, 2, 0, 0));
        assertSuccess(h.command(D, 1, 3, 0, 1)); // queued behind process 0
        assertFailure(ErrorCode.BUSY, h.command(D, 1, 4, 0, 1));
        h.runMicros(Adc.CONVERSION_US);
        // served at once: adc.rs reports the grant's stored channel (never set: 0)
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 0x3000);
        assertTrue(h.takeEvents(1, D).isEmpty());
        h.runMicros(Adc.CONVERSION_US);
        assertEvent(h.takeEvents(1, D).get(0), 0, 3, 0x4000);
        assertSuccess(h.command(D, 1, 0, 0, 0));
        h.runMicros(Adc.CONVERSION_US);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 0x1000);
    }

    @Test
    void defaultSampleIsHalfScale() {
        CapsuleHarness h = virtualized(1);
        assertSuccess(h.command(D, 1, 1, 0, 0));
        h.runMicros(Adc.CONVERSION_US);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 0x8000);
    }
}
