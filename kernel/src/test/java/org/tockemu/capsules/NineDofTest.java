package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.boards.BoardConfig;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Task;

class NineDofTest {
    static final int D = NineDof.DRIVER_NUM;

    @Test
    void readsEachSensor() {
        CapsuleHarness h = new CapsuleHarness(1);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 2, 0, 0, 0));
        int[][] expect = {{0, 0, 1000}, {220, -40, -420}, {0, 0, 0}};
        int[] cmds = {NineDof.ACCEL, NineDof.MAG, NineDof.GYRO};
        for (int i = 0; i < 3; i++) {
            assertSuccess(h.command(D, cmds[i], 0, 0, 0));
            h.runMicros(NineDof.READ_US);
            List<Task> ev = h.takeEvents(0, D);
            assertEquals(1, ev.size());
            assertEvent(ev.get(0), expect[i][0], expect[i][1], expect[i][2]);
        }
    }

    @Test
    void absentSensorIsNoDeviceAndFreesTheDriver() {
        BoardConfig cfg = BoardConfig.builtin();
        cfg.set("peripherals.gyroscope_dps", "\"none\"");
        cfg.set("peripherals.accelerometer_mg", "\"-5, 12, 990\"");
        CapsuleHarness h = new CapsuleHarness(cfg, 1);
        assertFailure(ErrorCode.NODEVICE, h.command(D, NineDof.GYRO, 0, 0, 0));
        assertSuccess(h.command(D, NineDof.ACCEL, 0, 0, 0));
        h.runMicros(NineDof.READ_US);
        assertEvent(h.takeEvents(0, D).get(0), -5, 12, 990);
    }

    @Test
    void secondProcessIsQueuedAndServedByANewRead() {
        CapsuleHarness h = new CapsuleHarness(2);
        assertSuccess(h.command(D, NineDof.ACCEL, 0, 0, 0));
        assertSuccess(h.command(D, NineDof.ACCEL, 0, 0, 1)); // queued
        assertFailure(ErrorCode.BUSY, h.command(D, NineDof.MAG, 0, 0, 1)); // already queued
        h.runMicros(NineDof.READ_US);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 1000);
        // ninedof.rs compares with the finished process's *stored* command (none: it was served at
        // once), so the queued request is re-issued rather than sharing the values
        assertTrue(h.takeEvents(1, D).isEmpty());
        h.runMicros(NineDof.READ_US);
        assertEvent(h.takeEvents(1, D).get(0), 0, 0, 1000);
        assertTrue(h.takeEvents(0, D).isEmpty());
    }

    @Test
    void parseVector() {
        assertArrayEquals(new int[] {1, -2, 3}, NineDof.parseVector(" 1, -2 ,3"));
        assertNull(NineDof.parseVector("none"));
        assertNull(NineDof.parseVector(""));
        assertThrows(IllegalArgumentException.class, () -> NineDof.parseVector("1,2"));
    }
}
