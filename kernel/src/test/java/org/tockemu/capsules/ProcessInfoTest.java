package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.AdcTest.assertU32;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessState;

class ProcessInfoTest {
    static final int D = ProcessInfo.DRIVER_NUM;

    @Test
    void listNameStatsAndControl() {
        CapsuleHarness h = new CapsuleHarness(2);
        Process p0 = h.processes.get(0), p1 = h.processes.get(1);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 6, 0, 0, 0));
        assertU32(2, h.command(D, 1, 0, 0, 0));
        h.growBreak(0, 4096);
        int buf = p0.memStart + 1024;
        h.syscall(0, 3, D, 0, buf, 6); // room for one id only
        assertU32(2, h.command(D, 2, 0, 0, 0));
        assertEquals(p0.id().identifier(), h.board.bus.read(buf, 4));
        h.syscall(0, 3, D, 0, buf, 64);
        assertU32(2, h.command(D, 2, 0, 0, 0));
        assertEquals(p1.id().identifier(), h.board.bus.read(buf + 4, 4));
        assertU32(2, h.command(D, 3, 0, 0, 0));
        assertEquals(0, h.board.bus.read(buf, 4)); // no ShortId: locally unique
        assertSuccess(h.command(D, 4, p1.id().identifier(), 0, 0));
        byte[] name = p1.name.getBytes();
        for (int i = 0; i < name.length; i++) assertEquals(name[i], (byte) h.board.bus.read(buf + i, 1));
        assertEquals(0, h.board.bus.read(buf + name.length, 1));
        assertSuccess(h.command(D, 5, p0.id().identifier(), 0, 0));
        assertEquals(p0.syscallCount(), h.board.bus.read(buf + 4, 4));
        assertEquals(1, h.board.bus.read(buf + 12, 4)); // yielded
        assertSuccess(h.command(D, 10, p1.id().identifier(), 2, 0)); // stop
        assertEquals(ProcessState.STOPPED_YIELDED, p1.state());
        assertSuccess(h.command(D, 5, p1.id().identifier(), 0, 0));
        assertEquals(3, h.board.bus.read(buf + 12, 4));
        assertSuccess(h.command(D, 10, p1.id().identifier(), 1, 0)); // start
        assertEquals(ProcessState.YIELDED, p1.state());
        assertSuccess(h.command(D, 10, p1.id().identifier(), 5, 0)); // boot: only a terminated process
        assertEquals(ProcessState.YIELDED, p1.state());
        assertSuccess(h.command(D, 10, p1.id().identifier(), 4, 0)); // terminate
        assertEquals(ProcessState.TERMINATED, p1.state());
        assertSuccess(h.command(D, 5, p1.id().identifier(), 0, 0));
        assertEquals(5, h.board.bus.read(buf + 12, 4));
        assertSuccess(h.command(D, 10, 12345, 4, 0)); // unknown id: nothing, Success
    }
}
