package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;
import static org.tockemu.capsules.SensorCapsulesTest.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.SyscallReturn;

class CrcTest {
    static final int D = Crc.DRIVER_NUM;

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    @Test
    void algorithmsMatchLibtockTestVectors() {
        // values from libtock-c examples/tests/crc/test_cases.h
        assertEquals(0x1541, Crc.compute(2, ascii("ABCDEFG")));
        assertEquals(0xB34B, Crc.compute(2, ascii("ABCD")));
        assertEquals(0x0E6F94BC, Crc.compute(0, ascii("ABCDEFG")));
        assertEquals(0x44050CDA, Crc.compute(0, ascii("A man, a plan, a canal, Panama")));
        assertEquals(0x2C775665, Crc.compute(1, ascii("ABCDEFG")));
        assertEquals(0xB5DDEB44, Crc.compute(1, ascii("A man, a plan, a canal, Panama")));
    }

    @Test
    void computeOverAnAllowedBuffer() {
        CapsuleHarness h = new CapsuleHarness(2);
        assertSuccess(h.command(D, 0, 0, 0, 0));
        assertFailure(ErrorCode.NOSUPPORT, h.command(D, 2, 0, 0, 0));
        assertFailure(ErrorCode.INVAL, h.command(D, 1, 3, 0, 0));
        assertFailure(ErrorCode.SIZE, h.command(D, 1, 0, 1, 0)); // nothing allowed yet
        h.growBreak(0, 4096);
        int addr = h.poke(0, 1024, ascii("0123xx"));
        int[] allow = h.syscall(0, 4, D, 0, addr, 4); // read-only allow 0
        assertEquals(SyscallReturn.SUCCESS_2U32, allow[0]);
        assertFailure(ErrorCode.SIZE, h.command(D, 1, 0, 5, 0));
        assertSuccess(h.command(D, 1, 0, 4, 0));
        assertFailure(ErrorCode.BUSY, h.command(D, 1, 1, 4, 0));
        h.runMicros(Crc.SETUP_US + 4 * Crc.BYTE_US);
        assertEvent(h.takeEvents(0, D).get(0), 0, 0xA6669D7D, 0);
        assertSuccess(h.command(D, 1, 2, 2, 0)); // "01" with CRC-16CCITT
        h.runMicros(100);
        assertEvent(h.takeEvents(0, D).get(0), 0, Crc.compute(2, ascii("01")), 2);
    }

    @Test
    void zeroLengthRequestGetsASizeUpcallAndFail() {
        CapsuleHarness h = new CapsuleHarness(1);
        assertFailure(ErrorCode.FAIL, h.command(D, 1, 0, 0, 0));
        assertEvent(h.takeEvents(0, D).get(0), ErrorCode.SIZE, 0, 0);
    }
}
