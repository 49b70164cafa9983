package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.AdcTest.assertU32;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;

class AnalogComparatorTest {
    static final int D = AnalogComparator.DRIVER_NUM;

    @Test
    void compareAndInterrupt() {
        CapsuleHarness h = new CapsuleHarness(2);
        AnalogComparator ac = (AnalogComparator) h.driver(D);
        assertU32(2, h.command(D, 0, 0, 0, 0));
        assertU32(0, h.command(D, 1, 1, 0, 0));
        assertFailure(ErrorCode.NOMEM, h.command(D, 1, 1, 0, 1)); // claimed by process 0
        assertU32(2, h.command(D, 0, 0, 0, 1)); // the count is unconditional
        assertFailure(ErrorCode.INVAL, h.command(D, 1, 2, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 4, 0, 0, 0));
        assertSuccess(h.command(D, 2, 1, 0, 0));
        h.runMicros(1_000);
        assertTrue(h.takeEvents(0, D).isEmpty());
        ac.setInput(1, true);
        h.runMicros(AnalogComparator.RESPONSE_US);
        assertEvent(h.takeEvents(0, D).get(0), 1, 0, 0);
        assertU32(1, h.command(D, 1, 1, 0, 0));
        assertSuccess(h.command(D, 3, 1, 0, 0));
        ac.setInput(1, false);
        ac.setInput(1, true);
        h.runMicros(1_000);
        assertTrue(h.takeEvents(0, D).isEmpty(), "stopped");
    }
}
