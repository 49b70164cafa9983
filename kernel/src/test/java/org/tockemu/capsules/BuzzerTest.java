package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;

class BuzzerTest {
    static final int D = Buzzer.DRIVER_NUM;

    @Test
    void toneEndsWithAnUpcallAndQueuedTonesFollow() {
        CapsuleHarness h = new CapsuleHarness(2);
        Buzzer bz = (Buzzer) h.driver(D);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 4, 0, 0, 0));
        assertFailure(ErrorCode.OFF, h.command(D, 3, 0, 0, 0));
        assertSuccess(h.command(D, 1, 440, 100, 0));
        assertSuccess(h.command(D, 1, 880, 9_000, 1)); // queued; duration capped at 5 s
        assertFailure(ErrorCode.NOMEM, h.command(D, 1, 880, 10, 1));
        assertFailure(ErrorCode.RESERVE, h.command(D, 2, 880, 10, 1));
        assertFailure(ErrorCode.RESERVE, h.command(D, 3, 0, 0, 1));
        h.runMicros(99_900);
        assertTrue(h.takeEvents(0, D).isEmpty());
        h.runMicros(100);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 0);
        assertEquals(2, bz.tones().size());
        assertEquals(2, bz.toneCount());
        assertEquals(880, bz.tones().get(1)[1]);
        assertEquals(5000, bz.tones().get(1)[2]);
        h.runMicros(4_999_000);
        assertTrue(h.takeEvents(1, D).isEmpty());
        h.runMicros(1_000);
        assertEvent(h.takeEvents(1, D).get(0), 0, 0, 0);
    }

    @Test
    void buzzNowReplacesAndStopEndsAtOnce() {
        CapsuleHarness h = new CapsuleHarness(1);
        assertSuccess(h.command(D, 2, 440, 1_000, 0));
        h.runMicros(500_000);
        assertSuccess(h.command(D, 2, 660, 1_000, 0)); // replaces: ends 1 s from now
        h.runMicros(900_000);
        assertTrue(h.takeEvents(0, D).isEmpty());
        assertSuccess(h.command(D, 3, 0, 0, 0));
        h.runMicros(1);
        assertEquals(1, h.takeEvents(0, D).size());
        h.runMicros(2_000_000);
        assertTrue(h.takeEvents(0, D).isEmpty(), "the replaced and stopped tones end once");
        assertFailure(ErrorCode.OFF, h.command(D, 3, 0, 0, 0));
    }
}
