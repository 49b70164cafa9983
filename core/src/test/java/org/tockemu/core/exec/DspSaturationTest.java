package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.exec.MultiplyDspTest.exec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** QADD QSUB QDADD QDSUB, SSAT USAT SSAT16 USAT16 and the sticky Q flag. */
class DspSaturationTest {
    static final int Q = 1 << 27;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    /** Result register r0 and whether Q ended up set, starting with Q clear. */
    static void check(String asm, int want, boolean q, int... regs) {
        Cpu c = exec(asm, regs);
        assertEquals(want, c.r[0], asm);
        assertEquals(q, c.q, asm + ": Q");
        assertEquals(0, c.apsr() & ~Q, asm + ": other flags untouched");
    }

    @Test
    void qaddQsub() {
        // qadd rd, rm, rn computes R[m] + R[n]
        check("qadd r0, r1, r2", 0x7FFFFFFF, false, 0, 0x7FFFFFFE, 1);
        check("qadd r0, r1, r2", 0x7FFFFFFF, true, 0, 0x7FFFFFFF, 1);
        check("qadd r0, r1, r2", 0x80000000, false, 0, 0x80000001, -1);
        check("qadd r0, r1, r2", 0x80000000, true, 0, 0x80000000, -1);
        check("qadd r0, r1, r2", 0x80000000, true, 0, 0x80000000, 0x80000000);
        check("qsub r0, r1, r2", 0x7FFFFFFF, true, 0, 0, 0x80000000);
        check("qsub r0, r1, r2", 0x7FFFFFFF, false, 0, -1, 0x80000000);
        check("qsub r0, r1, r2", 0x80000000, true, 0, 0x80000000, 1);
        check("qsub r0, r1, r2", 5, false, 0, 7, 2);
    }

    @Test
    void qdaddQdsubSaturateTheDoublingToo() {
        check("qdadd r0, r1, r2", 0x7FFFFFFE, true, 0, -1, 0x40000000);      // only 2*Rn saturates
        check("qdadd r0, r1, r2", 0x7FFFFFFF, false, 0, 1, 0x3FFFFFFF);
        check("qdadd r0, r1, r2", 0x7FFFFFFF, true, 0, 2, 0x3FFFFFFF);
        check("qdadd r0, r1, r2", 0x80000000, true, 0, -1, 0x80000000);
        check("qdadd r0, r1, r2", 0x00000000, false, 0, 0x10000, 0xFFFF8000);
        check("qdsub r0, r1, r2", 0x7FFFFFFF, true, 0, 0, 0x80000000);       // 0 - sat(2 * INT_MIN)
        check("qdsub r0, r1, r2", 0, false, 0, 0x80000000, 0xC0000000);
        check("qdsub r0, r1, r2", 0, true, 0, 0x80000000, 0xBFFFFFFF);      // only 2*Rn saturates
        check("qdsub r0, r1, r2", -2, false, 0, 0, 1);
        check("qdsub r0, r1, r2", 0x80000000, false, 0, -2, 0x3FFFFFFF);
        check("qdsub r0, r1, r2", 0x80000000, true, 0, -3, 0x3FFFFFFF);
    }

    @Test
    void qIsStickyAndNeverCleared() {
        Cpu c = exec(Q, "qadd r0, r1, r2", 0, 1, 2);
        assertEquals(3, c.r[0]);
        assertTrue(c.q);
        c = exec(Q | 0xF0000000 | (0xA << 16), "ssat r0, #8, r1", 0, 5);
        assertEquals(5, c.r[0]);
        assertEquals(Q | 0xF0000000 | (0xA << 16), c.apsr());
    }

    @Test
    void ssatBoundaries() {
        check("ssat r0, #8, r1", 127, false, 0, 127);
        check("ssat r0, #8, r1", 127, true, 0, 128);
        check("ssat r0, #8, r1", -128, false, 0, -128);
        check("ssat r0, #8, r1", -128, true, 0, -129);
        check("ssat r0, #1, r1", 0, false, 0, 0);
        check("ssat r0, #1, r1", -1, false, 0, -1);
        check("ssat r0, #1, r1", 0, true, 0, 1);
        check("ssat r0, #32, r1", 0x80000000, false, 0, 0x80000000);
        check("ssat r0, #16, r1, lsl #4", 0x7FFF, true, 0, 0x800);
        check("ssat r0, #16, r1, lsl #4", 0x7FF0, false, 0, 0x7FF);
        check("ssat r0, #16, r1, lsl #31", 0, false, 0, 2);              // the shift discards bit 1 first
        check("ssat r0, #16, r1, lsl #31", -0x8000, true, 0, 1);
        check("ssat r0, #12, r1, asr #31", -1, false, 0, 0x80000000);
        check("ssat r0, #4, r1, asr #20", 7, true, 0, 0x7FFFFFFF);
        check("ssat r0, #4, r1, asr #28", 7, false, 0, 0x7FFFFFFF);
    }

    @Test
    void usatBoundaries() {
        check("usat r0, #8, r1", 255, false, 0, 255);
        check("usat r0, #8, r1", 255, true, 0, 256);
        check("usat r0, #8, r1", 0, true, 0, -1);
        check("usat r0, #8, r1", 0, false, 0, 0);
        check("usat r0, #0, r1", 0, false, 0, 0);
        check("usat r0, #0, r1", 0, true, 0, 1);
        check("usat r0, #0, r1", 0, true, 0, 0x80000000);
        check("usat r0, #31, r1", 0x7FFFFFFF, false, 0, 0x7FFFFFFF);
        check("usat r0, #31, r1", 0, true, 0, 0x80000000);
        check("usat r0, #31, r1, lsl #1", 0x7FFFFFFE, false, 0, 0x3FFFFFFF);
        check("usat r0, #31, r1, lsl #1", 0, true, 0, 0x40000000);       // LSL makes it negative
        check("usat r0, #16, r1, asr #8", 0xFFFF, true, 0, 0x01000000);
        check("usat r0, #16, r1, asr #8", 0xFFFF, false, 0, 0x00FFFFFF);
    }

    @Test
    void ssat16Usat16() {
        check("ssat16 r0, #4, r1", 0x00070007, false, 0, 0x00070007);
        check("ssat16 r0, #4, r1", 0xFFF80007, true, 0, 0x80000008);
        check("ssat16 r0, #4, r1", 0x0007FFF8, true, 0, 0x7FFFFFF8);    // only the top half saturates
        check("ssat16 r0, #16, r1", 0x80007FFF, false, 0, 0x80007FFF);
        check("ssat16 r0, #1, r1", 0xFFFF0000, true, 0, 0x80000001);
        check("usat16 r0, #0, r1", 0, true, 0, 0x00010000);
        check("usat16 r0, #0, r1", 0, false, 0, 0);
        check("usat16 r0, #9, r1", 0x01FF0000, true, 0, 0x7FFF8000);
        check("usat16 r0, #9, r1", 0x01FF01FF, false, 0, 0x01FF01FF);
        check("usat16 r0, #15, r1", 0x7FFF0000, true, 0, 0x7FFF8000);
    }

    @Test
    void shouldBeZeroAndUnpredictableEncodingsAreUndefined() {
        for (int[] enc : new int[][] {
                {0xF321, 0x0014},   // ssat16 r0, #5, r1 with bit 4 set (sat_imm 0x14)
                {0xF3A1, 0x0010},   // usat16 r0, #0, r1 with bit 4 set
                {0xF301, 0x0020},   // ssat with hw2 bit 5 set
                {0xF30D, 0x0007},   // ssat r0, #8, sp
                {0xF381, 0x0F07},   // usat pc, #7, r1
                {0xFA81, 0xF08F},   // qadd r0, pc, r1
                {0xFA81, 0x0082},   // qadd with hw2 bits 15:12 = 0000
        }) {
            TestMachine tm = new TestMachine();
            tm.load(new byte[] {(byte) enc[0], (byte) (enc[0] >> 8), (byte) enc[1], (byte) (enc[1] >> 8)});
            org.junit.jupiter.api.Assertions.assertThrows(org.tockemu.core.cpu.GuestFault.class, () -> tm.run(1),
                    String.format("%04x %04x", enc[0], enc[1]));
            assertEquals(org.tockemu.core.cpu.Fault.UNDEFINSTR, tm.cpu.faultStatus);
        }
    }

    @Test
    void helperFunctions() {
        assertEquals(0x7FFFFFFF, Saturation.signedSat(0x80000000L, 32));
        assertEquals(-0x80000000, Saturation.signedSat(-0x80000001L, 32));
        assertEquals(-1, Saturation.signedSat(-5, 1));
        assertEquals(0x7FFFFFFF, Saturation.unsignedSat(0xFFFFFFFFL, 31));
        assertEquals(0, Saturation.unsignedSat(-1, 0));
        Cpu cpu = new TestMachine().cpu;
        assertEquals(3, Saturation.sat32Q(cpu, 3));
        assertFalse(cpu.q);
        assertEquals(Integer.MIN_VALUE, Saturation.sat32Q(cpu, Integer.MIN_VALUE - 1L));
        assertTrue(cpu.q);
    }
}
