package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.SyscallReturn;

class CycleCountTest {
    static final int D = CycleCount.DRIVER_NUM;

    static long u64(SyscallReturn r) {
        assertEquals(SyscallReturn.SUCCESS_U64, r.variant, r.toString());
        return (r.r1 & 0xFFFFFFFFL) | ((long) r.r2 << 32);
    }

    @Test
    void countsVirtualCyclesWhileRunning() {
        CapsuleHarness h = new CapsuleHarness(2);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 5, 0, 0, 0));
        assertSuccess(h.command(D, 3, 0, 0, 0));
        assertEquals(0, u64(h.command(D, 2, 0, 0, 1)));
        assertSuccess(h.command(D, 1, 0, 0, 0));
        assertFailure(ErrorCode.RESERVE, h.command(D, 4, 0, 0, 1));
        h.runMicros(1000);
        assertEquals(h.kernel.cyclesForMicros(1000), u64(h.command(D, 2, 0, 0, 1)));
        assertSuccess(h.command(D, 4, 0, 0, 0));
        h.runMicros(1000);
        assertEquals(h.kernel.cyclesForMicros(1000), u64(h.command(D, 2, 0, 0, 0)), "stopped");
        assertSuccess(h.command(D, 3, 0, 0, 0));
        assertEquals(0, u64(h.command(D, 2, 0, 0, 0)));
    }
}
