package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tockemu.core.exec.MultiplyDspTest.exec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.testing.Asm;

/**
 * Parallel addition and subtraction (every prefix and kind, exact results and GE), SEL,
 * SXTB16/UXTB16/SXTAB16/UXTAB16 and PKHBT/PKHTB.
 */
class DspSimdTest {
    static final int NZCVQ = 0xF8000000;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    /** Runs "op r0, r1, r2" with GE = 0b0101 and NZCVQ set on entry; checks r0 and GE (-1: GE unchanged). */
    static void check(String op, int a, int b, int want, int ge) {
        Cpu c = exec(NZCVQ | (5 << 16), op + " r0, r1, r2", 0, a, b);
        assertEquals(want, c.r[0], () -> String.format("%s %08x %08x -> %08x", op, a, b, c.r[0]));
        assertEquals(ge < 0 ? 5 : ge, c.ge, op + ": GE");
        assertEquals(NZCVQ, c.apsr() & NZCVQ, op + ": NZCVQ untouched");
    }

    // a = 0x7FFE0003 (signed halves 32766 | 3, unsigned 0x7FFE | 3), b = 0x0003FFFE (3 | -2, unsigned 3 | 0xFFFE)
    static final int A = 0x7FFE0003, B = 0x0003FFFE;

    @Test
    void signedHalfwords() {
        check("sadd16", A, B, 0x80010001, 0xF);
        check("sasx", A, B, 0x7FFC0000, 0xF);
        check("ssax", A, B, 0x80000006, 0xF);
        check("ssub16", A, B, 0x7FFB0005, 0xF);
        // a = 0x80000001 (-32768 | 1), b = 0x00010002 (1 | 2): negative lanes clear their GE pair
        check("sadd16", 0x80000001, 0x00010002, 0x80010003, 0x3);
        check("sasx", 0x80000001, 0x00010002, 0x80020000, 0x3);
        check("ssax", 0x80000001, 0x00010002, 0x7FFE0002, 0x3);
        check("ssub16", 0x80000001, 0x00010002, 0x7FFFFFFF, 0x0);
    }

    @Test
    void signedSaturatingHalfwords() {
        check("qadd16", A, B, 0x7FFF0001, -1);
        check("qasx", A, B, 0x7FFC0000, -1);
        check("qsax", A, B, 0x7FFF0006, -1);
        check("qsub16", A, B, 0x7FFB0005, -1);
        check("qsub16", 0x80000001, 0x00010002, 0x8000FFFF, -1);
        check("qsax", 0x80000001, 0x00010002, 0x80000002, -1);
        check("qasx", 0x80000001, 0x00018000, 0x80000000, -1); // lo 1 - 1 = 0, hi -32768 + -32768 saturates
    }

    @Test
    void signedHalvingHalfwords() {
        check("shadd16", A, B, 0x40000000, -1);
        check("shasx", A, B, 0x3FFE0000, -1);
        check("shsax", A, B, 0x40000003, -1);
        check("shsub16", A, B, 0x3FFD0002, -1);
        check("shsub16", 0x80000001, 0x00010002, 0xBFFFFFFF, -1);
    }

    @Test
    void unsignedHalfwords() {
        check("uadd16", A, B, 0x80010001, 0x3);   // bottom carries out, top does not
        check("uasx", A, B, 0x7FFC0000, 0xF);     // bottom 3 - 3 >= 0, top carries out
        check("usax", A, B, 0x80000006, 0x0);     // bottom no carry, top borrows
        check("usub16", A, B, 0x7FFB0005, 0xC);
        check("uqadd16", A, B, 0x8001FFFF, -1);
        check("uqasx", A, B, 0xFFFF0000, -1);
        check("uqsax", A, B, 0x00000006, -1);
        check("uqsub16", A, B, 0x7FFB0000, -1);
        check("uhadd16", A, B, 0x40008000, -1);
        check("uhasx", A, B, 0xBFFE0000, -1);
        check("uhsax", A, B, 0xC0000003, -1);
        check("uhsub16", A, B, 0x3FFD8002, -1);
    }

    // bytes a = 7F 80 FF 01, b = 01 80 01 02
    static final int A8 = 0x7F80FF01, B8 = 0x01800102;

    @Test
    void bytes() {
        check("sadd8", A8, B8, 0x80000003, 0xB);
        check("ssub8", A8, B8, 0x7E00FEFF, 0xC);
        check("qadd8", A8, B8, 0x7F800003, -1);
        check("qsub8", A8, B8, 0x7E00FEFF, -1);
        check("qsub8", 0x807F0000, 0x01FF0000, 0x807F0000, -1);   // -128 - 1 and 127 - -1 saturate
        check("shadd8", A8, B8, 0x40800001, -1);
        check("shsub8", A8, B8, 0x3F00FFFF, -1);
        check("uadd8", A8, B8, 0x80000003, 0x6);
        check("usub8", A8, B8, 0x7E00FEFF, 0xE);
        check("uqadd8", A8, B8, 0x80FFFF03, -1);
        check("uqsub8", A8, B8, 0x7E00FE00, -1);
        check("uhadd8", A8, B8, 0x40808001, -1);
        check("uhsub8", A8, B8, 0x3F007FFF, -1);
    }

    @Test
    void selPicksBytesByGe() {
        check("sel", 0x11223344, 0xAABBCCDD, 0xAA22CC44, -1);   // GE = 0101
        Cpu c = exec("usub8 r3, r1, r2\nsel r0, r1, r2", 0, 0x10FF0080, 0x20010070);
        assertEquals(0x20FF0080, c.r[0], "bytewise unsigned max");
        assertEquals(0x7, c.ge);
        c = exec(0xF << 16, "sel r0, r1, r2", 0, 1, 2);
        assertEquals(1, c.r[0]);
        c = exec(0, "sel r0, r1, r2", 0, 1, 2);
        assertEquals(2, c.r[0]);
    }

    static int ext(String asm, int n, int m) { return exec(asm, 0, n, m).r[0]; }

    @Test
    void extends16() {
        assertEquals(0xFF80FF81, ext("sxtb16 r0, r2", 0, 0x12803481));
        assertEquals(0x00120034, ext("sxtb16 r0, r2, ror #8", 0, 0x12803481));
        assertEquals(0x00810080, ext("uxtb16 r0, r2, ror #16", 0, 0x12803481));
        assertEquals(0x00340012, ext("uxtb16 r0, r2, ror #24", 0, 0x12803481));
        assertEquals(0x00800081, ext("uxtb16 r0, r2", 0, 0x12803481));
        assertEquals(0xFF81FF7F, ext("sxtab16 r0, r1, r2", 0x0001FFFF, 0x00800080));   // no carry between halves
        assertEquals(0x0081007F, ext("uxtab16 r0, r1, r2", 0x0001FFFF, 0x00800080));
        assertEquals(0x00010080, ext("sxtab16 r0, r1, r2, ror #16", 0x00020001, 0xFF7FFFFF));
        assertEquals(0x00000001, ext("uxtab16 r0, r1, r2, ror #24", 0xFFFF0001, 0x00FF0100));
    }

    @Test
    void packHalfwords() {
        assertEquals(0x33332222, ext("pkhbt r0, r1, r2", 0x11112222, 0x33334444));
        assertEquals(0x44442222, ext("pkhbt r0, r1, r2, lsl #16", 0x11112222, 0x33334444));
        assertEquals(0x80002222, ext("pkhbt r0, r1, r2, lsl #31", 0x11112222, 0x33334445));
        assertEquals(0x11113333, ext("pkhtb r0, r1, r2, asr #16", 0x11112222, 0x33334444));
        assertEquals(0x1111C000, ext("pkhtb r0, r1, r2, asr #1", 0x11112222, 0x00018000));
        assertEquals(0x1111FFFF, ext("pkhtb r0, r1, r2, asr #32", 0x11112222, 0x80000000));
        assertEquals(0x11110000, ext("pkhtb r0, r1, r2, asr #32", 0x11112222, 0x7FFFFFFF));
    }

    @Test
    void geOnlyWrittenByTheGeForms() {
        Cpu c = exec(0xA << 16, "qadd16 r0, r1, r2\nuqsub8 r0, r1, r2\nshadd8 r0, r1, r2\nuhsub16 r0, r1, r2", 0, 5, 7);
        assertEquals(0xA, c.ge);
        c = exec(0xA << 16, "ssub8 r0, r1, r2", 0, 0, 0);
        assertEquals(0xF, c.ge);
        c = exec(0xF << 16, "uadd8 r0, r1, r2", 0, 0, 0);
        assertEquals(0, c.ge);
    }
}
