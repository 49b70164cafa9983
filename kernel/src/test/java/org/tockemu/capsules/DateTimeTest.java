package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;

class DateTimeTest {
    static final int D = DateTime.DRIVER_NUM;

    static int date(int y, int m, int d) { return y << 9 | m << 5 | d; }

    static int time(int dow, int h, int m, int s) { return dow << 17 | h << 12 | m << 6 | s; }

    @Test
    void readSetAndTick() {
        CapsuleHarness h = new CapsuleHarness(2);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 3, 0, 0, 0));
        assertSuccess(h.command(D, 1, 0, 0, 0));
        h.runMicros(1);
        assertEvent(h.takeEvents(0, D).get(0), 0, date(2000, 1, 1), time(6, 0, 0, 0)); // a Saturday
        // set 2023-01-01 12:30:01 "Monday" (as examples/rtc_app does; the weekday is kept as given)
        assertSuccess(h.command(D, 2, date(2023, 1, 1), time(1, 12, 30, 1), 0));
        assertSuccess(h.command(D, 1, 0, 0, 1)); // in flight: process 1 just waits for that result
        h.runMicros(1);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 0);
        assertEvent(h.takeEvents(1, D).get(0), 0, 0, 0);
        h.runMicros(2_000_000);
        assertSuccess(h.command(D, 1, 0, 0, 0));
        h.runMicros(1);
        assertEvent(h.takeEvents(0, D).get(0), 0, date(2023, 1, 1), time(1, 12, 30, 3));
        h.runMicros(86_400_000_000L); // a day later: Tuesday
        assertSuccess(h.command(D, 1, 0, 0, 0));
        h.runMicros(1);
        assertEvent(h.takeEvents(0, D).get(0), 0, date(2023, 1, 2), time(2, 12, 30, 3));
    }

    @Test
    void invalidDates() {
        CapsuleHarness h = new CapsuleHarness(1);
        assertFailure(ErrorCode.INVAL, h.command(D, 2, date(2023, 13, 1), time(0, 0, 0, 0), 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 2, date(2023, 1, 1), time(7, 0, 0, 0), 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 2, date(2023, 2, 30), time(0, 0, 0, 0), 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 2, date(2023, 1, 1), time(0, 25, 0, 0), 0));
    }
}
