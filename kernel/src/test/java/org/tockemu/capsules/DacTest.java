package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.SyscallReturn;

class DacTest {
    static final int D = Dac.DRIVER_NUM;

    @Test
    void setValues() {
        CapsuleHarness h = new CapsuleHarness(1);
        Dac dac = (Dac) h.driver(D);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertSuccess(h.command(D, 1, 0, 0, 0));
        assertSuccess(h.command(D, 2, 512, 0, 0));
        assertEquals(512, dac.value());
        assertFailure(ErrorCode.INVAL, h.command(D, 2, 1024, 0, 0));
        assertEquals(512, dac.value());
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 3, 0, 0, 0));
        int[] sub = h.syscall(0, 1, D, 0, 0, 0); // subscribe: no grant -> NOMEM
        assertEquals(SyscallReturn.FAILURE_2U32, sub[0]);
        assertEquals(ErrorCode.NOMEM, sub[1]);
    }
}
