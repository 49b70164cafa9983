package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.boards.BoardConfig;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.SyscallReturn;
import org.tockemu.kernel.Task;

/** Humidity, Pressure, SoundPressure and AmbientLight at the syscall level (see CapsuleHarness). */
class SensorCapsulesTest {
    static final int HUMIDITY = DriverNumbers.HUMIDITY;

    static void assertSuccess(SyscallReturn r) { assertEquals(SyscallReturn.SUCCESS, r.variant, r.toString()); }

    static void assertFailure(int err, SyscallReturn r) {
        assertEquals(SyscallReturn.FAILURE, r.variant, r.toString());
        assertEquals(err, r.r1, r.toString());
    }

    static void assertEvent(Task t, int a0, int a1, int a2) {
        assertFalse(t.functionCall(), "no upcall subscribed: a ReturnValue task");
        assertEquals(List.of(a0, a1, a2), List.of(t.arg0(), t.arg1(), t.arg2()));
    }

    @Test
    void humidityReadsAfterTheConversionTime() {
        CapsuleHarness h = new CapsuleHarness(1);
        assertSuccess(h.command(HUMIDITY, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(HUMIDITY, 2, 0, 0, 0));
        assertSuccess(h.command(HUMIDITY, 1, 0, 0, 0));
        assertFailure(ErrorCode.BUSY, h.command(HUMIDITY, 1, 0, 0, 0));
        h.runMicros(Humidity.CONVERSION_US - 10);
        assertTrue(h.takeEvents(0, HUMIDITY).isEmpty());
        h.runMicros(10);
        List<Task> ev = h.takeEvents(0, HUMIDITY);
        assertEquals(1, ev.size());
        assertEvent(ev.get(0), 4500, 0, 0);
        assertSuccess(h.command(HUMIDITY, 1, 0, 0, 0)); // idle again
    }

    @Test
    void humidityIsBusyForOtherProcessesDuringAReading() {
        CapsuleHarness h = new CapsuleHarness(2);
        assertSuccess(h.command(HUMIDITY, 1, 0, 0, 0));
        assertFailure(ErrorCode.BUSY, h.command(HUMIDITY, 1, 0, 0, 1));
        h.runMicros(Humidity.CONVERSION_US);
        assertEquals(1, h.takeEvents(0, HUMIDITY).size());
        assertTrue(h.takeEvents(1, HUMIDITY).isEmpty(), "a BUSY request is not served");
    }

    @Test
    void humidityValueComesFromTheBoardDescription() {
        BoardConfig cfg = BoardConfig.builtin();
        cfg.set("peripherals.humidity_centi_percent", "6_123");
        CapsuleHarness h = new CapsuleHarness(cfg, 1);
        assertSuccess(h.command(HUMIDITY, 1, 0, 0, 0));
        h.runMicros(Humidity.CONVERSION_US);
        assertEvent(h.takeEvents(0, HUMIDITY).get(0), 6123, 0, 0);
    }

    @Test
    void pressureMarksABusyRequesterWhichStillGetsTheReading() {
        CapsuleHarness h = new CapsuleHarness(2);
        int d = Pressure.DRIVER_NUM;
        assertSuccess(h.command(d, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(d, 2, 0, 0, 0));
        assertSuccess(h.command(d, 1, 0, 0, 0));
        assertFailure(ErrorCode.BUSY, h.command(d, 1, 0, 0, 1));
        h.runMicros(Pressure.CONVERSION_US);
        assertEvent(h.takeEvents(0, d).get(0), 1013, 0, 0);
        List<Task> second = h.takeEvents(1, d);
        assertEquals(1, second.size(), "pressure.rs sets subscribed before its busy check");
        assertEvent(second.get(0), 1013, 0, 0);
    }

    @Test
    void soundPressureEnableDisableAndRead() {
        CapsuleHarness h = new CapsuleHarness(1);
        int d = SoundPressure.DRIVER_NUM;
        assertSuccess(h.command(d, 0, 0, 0, 0));
        assertSuccess(h.command(d, 2, 0, 0, 0));
        assertSuccess(h.command(d, 1, 0, 0, 0));
        assertFailure(ErrorCode.BUSY, h.command(d, 1, 0, 0, 0));
        h.runMicros(SoundPressure.CONVERSION_US);
        assertEvent(h.takeEvents(0, d).get(0), 50, 0, 0);
        assertSuccess(h.command(d, 3, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(d, 4, 0, 0, 0));
    }

    @Test
    void ambientLightSharesOneReadingAndAlwaysSucceeds() {
        CapsuleHarness h = new CapsuleHarness(2);
        int d = AmbientLight.DRIVER_NUM;
        assertSuccess(h.command(d, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(d, 2, 0, 0, 0));
        assertSuccess(h.command(d, 1, 0, 0, 0));
        h.runMicros(AmbientLight.CONVERSION_US / 2);
        assertSuccess(h.command(d, 1, 0, 0, 1));
        assertSuccess(h.command(d, 1, 0, 0, 0)); // already pending: ignored, still Success
        h.runMicros(AmbientLight.CONVERSION_US / 2 + 1);
        List<Task> a = h.takeEvents(0, d), b = h.takeEvents(1, d);
        assertEquals(1, a.size());
        assertEquals(1, b.size(), "the second process shares the reading in flight");
        assertEvent(a.get(0), 300, 0, 0);
        assertEvent(b.get(0), 300, 0, 0);
        h.runMicros(AmbientLight.CONVERSION_US * 2);
        assertTrue(h.takeEvents(0, d).isEmpty() && h.takeEvents(1, d).isEmpty(), "one request, one upcall");
    }

    @Test
    void sensorDriversAreRegisteredOnTheDefaultBoard() {
        CapsuleHarness h = new CapsuleHarness(1);
        for (int d : new int[] {DriverNumbers.ADC, HUMIDITY, AmbientLight.DRIVER_NUM, NineDof.DRIVER_NUM, Proximity.DRIVER_NUM,
                SoundPressure.DRIVER_NUM, Pressure.DRIVER_NUM}) {
            assertTrue(h.command(d, 0, 0, 0, 0).isSuccess(), "driver 0x" + Integer.toHexString(d));
        }
    }
}
