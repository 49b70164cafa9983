package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.AdcTest.assertU32;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Task;

class NonvolatileStorageTest {
    static final int D = NonvolatileStorage.DRIVER_NUM;

    @Test
    void writeThenReadBack() {
        CapsuleHarness h = new CapsuleHarness(1);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertU32(32 * 1024, h.command(D, 1, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 4, 0, 0, 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 2, 32 * 1024, 1, 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 3, 32 * 1024 - 4, 8, 0));
        assertFailure(ErrorCode.RESERVE, h.command(D, 3, 0, 4, 0)); // nothing allowed
        h.growBreak(0, 4096);
        byte[] data = new byte[14];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        int w = h.poke(0, 1024, data);
        int rd = h.processes.get(0).memStart + 2048;
        h.syscall(0, 4, D, 0, w, 256);
        h.syscall(0, 3, D, 0, rd, 256);
        assertSuccess(h.command(D, 3, 20, 14, 0));
        assertSuccess(h.command(D, 2, 20, 14, 0)); // queued behind the write
        assertFailure(ErrorCode.NOMEM, h.command(D, 2, 20, 14, 0));
        h.runMicros(NonvolatileStorage.WRITE_US + NonvolatileStorage.READ_US);
        List<Task> done = h.takeEvents(0, D); // subscribe 0: the queued read
        List<Task> wrote = takeWrite(h);
        assertEquals(1, wrote.size());
        assertEvent(wrote.get(0), 14, 0, 0);
        assertEquals(1, done.size());
        assertEvent(done.get(0), 14, 0, 0);
        for (int i = 0; i < 14; i++) assertEquals(i, h.board.bus.read(rd + i, 1));
        byte[] c = ((NonvolatileStorage) h.driver(D)).contents();
        assertEquals(13, c[33]);
        assertEquals((byte) 0xFF, c[34]);
    }

    static List<Task> takeWrite(CapsuleHarness h) {
        return h.takeEvents(0, D, 1);
    }
}
