package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;

class ProximityTest {
    static final int D = Proximity.DRIVER_NUM;

    @Test
    void readAndThresholdWait() {
        CapsuleHarness h = new CapsuleHarness(2);
        Proximity prox = (Proximity) h.driver(D);
        prox.setSensor(c -> 40);
        h.runMicros(Proximity.CONVERSION_US); // the reading setSensor starts goes to nobody
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 3, 0, 0, 0));
        assertSuccess(h.command(D, 2, 10, 100, 1)); // 40 is inside [10, 100]: keeps waiting
        assertSuccess(h.command(D, 1, 0, 0, 0));
        assertFailure(ErrorCode.BUSY, h.command(D, 1, 0, 0, 0));
        h.runMicros(Proximity.CONVERSION_US);
        assertEvent(h.takeEvents(0, D).get(0), 40, 0, 0);
        assertTrue(h.takeEvents(1, D).isEmpty());
        assertFailure(ErrorCode.BUSY, h.command(D, 2, 0, 0, 1));
        prox.setSensor(c -> 150); // crosses the upper threshold
        h.runMicros(Proximity.CONVERSION_US);
        assertEvent(h.takeEvents(1, D).get(0), 150, 0, 0);
        assertTrue(h.takeEvents(0, D).isEmpty());
        assertSuccess(h.command(D, 2, 0, 0, 1));
    }
}
