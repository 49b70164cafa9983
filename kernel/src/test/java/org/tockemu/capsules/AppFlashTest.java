package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Process;

class AppFlashTest {
    static final int D = AppFlash.DRIVER_NUM;

    @Test
    void writesTheAllowedBufferIntoTheProcessFlash() {
        CapsuleHarness h = new CapsuleHarness(1);
        Process p = h.processes.get(0);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 2, 0, 0, 0));
        h.growBreak(0, 4096);
        int src = h.poke(0, 1024, new byte[] {(byte) 0xfe, (byte) 0xca, 0, 0, 7, 0, 0, 0});
        h.syscall(0, 4, D, 0, src, 8);
        int protEnd = (int) (p.flashStart + p.header.protectedSize());
        assertFailure(ErrorCode.INVAL, h.command(D, 1, protEnd - 4, 0, 0)); // the header is not writable
        assertFailure(ErrorCode.INVAL, h.command(D, 1, p.flashEnd() - 8, 0, 0)); // must end before flash end
        int dst = p.flashEnd() - 64;
        assertSuccess(h.command(D, 1, dst, 0, 0));
        assertSuccess(h.command(D, 1, dst, 0, 0)); // in flight: queued
        assertFailure(ErrorCode.NOMEM, h.command(D, 1, dst, 0, 0)); // one queued request per process
        h.runMicros(AppFlash.WRITE_US);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0, 0);
        assertEquals(0xcafe, h.board.bus.read(dst, 4));
        assertEquals(7, h.board.bus.read(dst + 4, 4));
        h.runMicros(AppFlash.WRITE_US * 2);
        assertTrue(h.takeEvents(0, D).isEmpty(), "the queued 8-byte write is dropped (app_flash_driver.rs wants 512)");
        assertSuccess(h.command(D, 1, dst, 0, 0)); // idle again
    }
}
