package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** MUL/MULS, MLA, MLS, the long multiplies, UMAAL, SDIV and UDIV. */
class MultiplyDspTest {
    static final int NZCV = 0xF0000000, Q = 1 << 27;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    /** Runs asm with r0.. = regs and the given APSR; returns the CPU. */
    static Cpu exec(int apsr, String asm, int... regs) {
        TestMachine tm = new TestMachine().asm(asm);
        for (int i = 0; i < regs.length; i++) tm.cpu.r[i] = regs[i];
        tm.cpu.setApsr(apsr);
        tm.run();
        return tm.cpu;
    }

    static Cpu exec(String asm, int... regs) { return exec(0, asm, regs); }

    @Test
    void mulsSetsNZOnlyAndKeepsCV() {
        Cpu c = exec(0x30000000, "muls r0, r1, r0", 0x10000, 0x10000);
        assertEquals(0, c.r[0]);
        assertTrue(c.z);
        assertFalse(c.n);
        assertTrue(c.c, "C unchanged");
        assertTrue(c.v, "V unchanged");
        c = exec(0x40000000, "muls r2, r3, r2", 0, 0, -3, 5);
        assertEquals(-15, c.r[2]);
        assertTrue(c.n);
        assertFalse(c.z);
        assertFalse(c.c);
        assertFalse(c.v);
    }

    @Test
    void mulInsideItBlockLeavesFlags() {
        // Z set so EQ passes; the 16-bit MUL inside IT does not set flags
        Cpu c = exec(0x40000000, "it eq\nmuleq r0, r1, r0", 0x80000000, 1);
        assertEquals(0x80000000, c.r[0]);
        assertTrue(c.z);
        assertFalse(c.n);
        // condition false: not executed at all
        c = exec(0, "it eq\nmuleq r0, r1, r0", 3, 5);
        assertEquals(3, c.r[0]);
    }

    @Test
    void mul32NeverSetsFlags() {
        Cpu c = exec(NZCV | Q, "mul r8, r9, r10", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12345678, 0x10);
        assertEquals(0x23456780, c.r[8]);
        assertEquals(NZCV | Q, c.apsr());
    }

    @Test
    void mlaAndMlsWrap() {
        assertEquals(0x7FFFFFFF + 6, exec("mla r0, r1, r2, r3", 0, 2, 3, 0x7FFFFFFF).r[0]);
        assertEquals(0x80000000 - 6, exec("mls r0, r1, r2, r3", 0, 2, 3, 0x80000000).r[0]);
        assertEquals(-1 - 0xFFFE0001, exec("mls r0, r1, r2, r3", 0, 0xFFFF, 0xFFFF, -1).r[0]);
        // destination equal to an operand: all operands are read first
        assertEquals(2 * 3 + 2, exec("mla r1, r1, r2, r1", 0, 2, 3).r[1]);
    }

    @Test
    void longMultiplies() {
        Cpu c = exec("smull r4, r5, r1, r2", 0, -1, -1);
        assertEquals(1, c.r[4]);
        assertEquals(0, c.r[5]);
        c = exec("umull r4, r5, r1, r2", 0, -1, -1);
        assertEquals(1, c.r[4]);
        assertEquals(0xFFFFFFFE, c.r[5]);
        c = exec("smull r4, r5, r1, r2", 0, 0x80000000, 0x80000000);
        assertEquals(0, c.r[4]);
        assertEquals(0x40000000, c.r[5]);
        c = exec("smull r4, r5, r1, r2", 0, 0x80000000, 0x7FFFFFFF);
        assertEquals(0x80000000, c.r[4]);
        assertEquals(0xC0000000, c.r[5]);
        // accumulate with carry across the halves
        c = exec("smlal r4, r5, r1, r2", 0, -1, 1, 0, 0, 0);
        assertEquals(-1, c.r[4]);
        assertEquals(-1, c.r[5]);
        c = exec("umlal r4, r5, r1, r2", 0, -1, -1, 0, -1, -1);
        assertEquals(0, c.r[4]);
        assertEquals(0xFFFFFFFE, c.r[5]);
        // source registers that are also destinations
        c = exec("smlal r0, r1, r0, r1", 3, -2);
        assertEquals(-6 + 3, c.r[0]);
        assertEquals(-2 - 1, c.r[1]);
        assertEquals(0, c.apsr(), "no flags");
    }

    @Test
    void umaalFillsExactly64Bits() {
        Cpu c = exec("umaal r4, r5, r1, r2", 0, -1, -1, 0, -1, -1);
        assertEquals(-1, c.r[4]);
        assertEquals(-1, c.r[5]);
        c = exec("umaal r4, r5, r1, r2", 0, 0x10000, 0x10000, 0, 7, 9);
        assertEquals(16, c.r[4]);
        assertEquals(1, c.r[5]);
    }

    @Test
    void signedDivide() {
        assertEquals(-3, exec("sdiv r0, r1, r2", 0, 7, -2).r[0]);
        assertEquals(-3, exec("sdiv r0, r1, r2", 0, -7, 2).r[0]);
        assertEquals(3, exec("sdiv r0, r1, r2", 0, -7, -2).r[0]);
        assertEquals(0x80000000, exec("sdiv r0, r1, r2", 0, 0x80000000, -1).r[0], "INT_MIN / -1");
        assertEquals(0, exec("sdiv r0, r1, r2", 0, 0x80000000, 0).r[0], "divide by zero gives 0");
        assertEquals(0, exec("sdiv r0, r1, r2", 0, 0x7FFFFFFF, 0x80000000).r[0]);
        assertEquals(NZCV | Q, exec(NZCV | Q, "sdiv r0, r1, r2", 0, 1, 0).apsr());
    }

    @Test
    void divideByZeroTrapsWhenCcrDiv0TrpIsSet() {
        for (String op : new String[] {"sdiv", "udiv"}) {
            TestMachine tm = new TestMachine().asm(op + " r0, r1, r2");
            tm.cpu.exceptions.scb.write(0xD14, tm.cpu.exceptions.scb.read(0xD14) | ExceptionUnit.CCR_DIV_0_TRP);
            tm.cpu.r[0] = 0x1234;
            tm.cpu.r[1] = 7;
            tm.cpu.setApsr(NZCV);
            assertThrows(GuestFault.class, () -> tm.run(1), op);
            assertEquals(Fault.USAGEFAULT, tm.cpu.faultException);
            assertEquals(Fault.DIVBYZERO, tm.cpu.faultStatus);
            assertEquals(0x1234, tm.cpu.r[0], "destination not written");
            assertEquals(0, tm.cpu.pc, "not retired");
            assertEquals(NZCV, tm.cpu.apsr());
            // a non-zero divisor still divides with the trap enabled
            tm.cpu.r[2] = 2;
            tm.run(1);
            assertEquals(3, tm.cpu.r[0]);
        }
    }

    @Test
    void unsignedDivide() {
        assertEquals(0x7FFFFFFF, exec("udiv r0, r1, r2", 0, -1, 2).r[0]);
        assertEquals(1, exec("udiv r0, r1, r2", 0, 0x80000000, 0x80000000).r[0]);
        assertEquals(0, exec("udiv r0, r1, r2", 0, 5, -1).r[0]);
        assertEquals(0, exec("udiv r0, r1, r2", 0, -1, 0).r[0], "divide by zero gives 0");
        assertEquals(12, exec("udiv r11, r12, r10", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 61).r[11]);
    }

    @Test
    void unpredictableRegistersAreUndefined() {
        // smull r0, r0, r1, r2 (RdHi == RdLo): hand-encoded, the assembler rejects it
        for (int[] enc : new int[][] {
                {0xFB81, 0x0002},   // smull r0, r0, r1, r2
                {0xFBA1, 0xD002},   // umull sp, r0, r1, r2
                {0xFB01, 0xF00D},   // mul r0, r1, sp
                {0xFB01, 0xD002},   // mla r0, r1, r2, sp
                {0xFB01, 0xF012},   // mls r0, r1, r2, pc
                {0xFB91, 0xFFF2},   // sdiv pc, r1, r2
                {0xFBB1, 0xF0FF},   // udiv r0, r1, pc
                {0xFBE1, 0x0062},   // umaal r0, r0, r1, r2
        }) {
            TestMachine tm = new TestMachine();
            byte[] code = {(byte) enc[0], (byte) (enc[0] >> 8), (byte) enc[1], (byte) (enc[1] >> 8)};
            tm.load(code);
            assertThrows(GuestFault.class, () -> tm.run(1), String.format("%04x %04x", enc[0], enc[1]));
            assertEquals(Fault.USAGEFAULT, tm.cpu.faultException);
            assertEquals(Fault.UNDEFINSTR, tm.cpu.faultStatus);
            assertEquals(0, tm.cpu.pc, "not retired");
        }
    }

    @Test
    void divideShouldBeOneBitsAreUndefined() {
        // sdiv with hw2 bits 15:12 = 0000 and bits 7:4 = 1110: not SDIV
        for (int[] enc : new int[][] {{0xFB91, 0x00F2}, {0xFB91, 0xF0E2}, {0xFBB1, 0x70F2}}) {
            TestMachine tm = new TestMachine();
            tm.load(new byte[] {(byte) enc[0], (byte) (enc[0] >> 8), (byte) enc[1], (byte) (enc[1] >> 8)});
            assertThrows(GuestFault.class, () -> tm.run(1));
            assertEquals(Fault.UNDEFINSTR, tm.cpu.faultStatus);
        }
    }

    @Test
    void helpers() {
        assertEquals(0xFFFFFFFE00000001L, MultiplyDsp.umull(-1, -1));
        assertEquals(-1L, MultiplyDsp.umaal(-1, -1, -1, -1));
        assertEquals(0x1234567800000009L, MultiplyDsp.pair(0x12345678, 9));
        assertEquals(0x00000001FFFFFFFFL, MultiplyDsp.pair(1, -1));
    }
}
