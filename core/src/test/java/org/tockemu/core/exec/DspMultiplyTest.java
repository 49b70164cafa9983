package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tockemu.core.exec.MultiplyDspTest.exec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.testing.Asm;

/**
 * Halfword, dual and most-significant-word multiplies: SMULxy SMLAxy SMULWy SMLAWy SMLALxy,
 * SMUAD(X) SMUSD(X) SMLAD(X) SMLSD(X) SMLALD(X) SMLSLD(X), SMMUL(R) SMMLA(R) SMMLS(R), USAD8 USADA8.
 * Operands: r1 = Rn, r2 = Rm, r3 = Ra; long forms accumulate into r4 (lo) / r5 (hi).
 */
class DspMultiplyTest {
    static final int Q = 1 << 27;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    static void check(String asm, int want, boolean q, int n, int m, int a) {
        Cpu c = exec(asm, 0, n, m, a);
        assertEquals(want, c.r[0], asm);
        assertEquals(q ? Q : 0, c.apsr(), asm + ": APSR");
    }

    static void checkLong(String asm, long want, int n, int m, long acc) {
        Cpu c = exec(asm, 0, n, m, 0, (int) acc, (int) (acc >>> 32));
        assertEquals(want, MultiplyDsp.pair(c.r[5], c.r[4]), asm);
        assertEquals(0, c.apsr(), asm + ": APSR");
    }

    @Test
    void smulxySelectsHalves() {
        int n = 0x8000_0003, m = 0xFFFE_7FFF; // n: top -32768, bottom 3; m: top -2, bottom 32767
        check("smulbb r0, r1, r2", 3 * 32767, false, n, m, 0);
        check("smulbt r0, r1, r2", 3 * -2, false, n, m, 0);
        check("smultb r0, r1, r2", -32768 * 32767, false, n, m, 0);
        check("smultt r0, r1, r2", -32768 * -2, false, n, m, 0);
        check("smulbb r0, r1, r2", 0x40000000, false, 0x8000, 0x8000, 0); // largest product, no overflow
    }

    @Test
    void smlaxyOverflowSetsQ() {
        int n = 0x8000_0003, m = 0xFFFE_7FFF;
        check("smlabb r0, r1, r2, r3", 3 * 32767 + 10, false, n, m, 10);
        check("smlabt r0, r1, r2, r3", -6 + 10, false, n, m, 10);
        check("smlatb r0, r1, r2, r3", -32768 * 32767 + 10, false, n, m, 10);
        check("smlatt r0, r1, r2, r3", 65536 + 10, false, n, m, 10);
        check("smlabb r0, r1, r2, r3", 0x80000000, true, 0x8000, 0x8000, 0x40000000);   // 0x8000*0x8000 + 2^30 wraps
        check("smlatt r0, r1, r2, r3", 0x7FFFFFFF, false, 0x80000000, 0x80000000, 0x3FFFFFFF);
        check("smlabb r0, r1, r2, r3", 0x7FFFFFFF, true, 0xFFFF, 1, 0x80000000);           // -1 + INT_MIN
    }

    @Test
    void smulwySmlawy() {
        // (R[n] * half) >> 16
        check("smulwb r0, r1, r2", 0x12345678 * 2 >> 16, false, 0x12345678, 0x7FFF0002, 0);
        check("smulwt r0, r1, r2", (int) ((0x12345678L * 0x7FFF) >> 16), false, 0x12345678, 0x7FFF0002, 0);
        check("smulwb r0, r1, r2", 0x40000000, false, 0x80000000, 0x8000, 0);            // (-2^31 * -2^15) >> 16
        check("smulwt r0, r1, r2", -1, false, -1, 0x00010000, 0);                           // floor(-1/65536)
        check("smlawb r0, r1, r2, r3", 0x7FFFFFFF, false, 0x80000000, 0x8000, 0x3FFFFFFF);
        check("smlawb r0, r1, r2, r3", 0x80000000, true, 0x80000000, 0x8000, 0x40000000);
        check("smlawt r0, r1, r2, r3", 0x7FFFFFFF, true, -1, 0x00010000, 0x80000000);
    }

    @Test
    void smlalxyAccumulates64() {
        checkLong("smlalbb r4, r5, r1, r2", 0x0000_0001_4000_0000L - 1, 0x8000, 0x8000, 0xFFFFFFFFL);
        checkLong("smlalbt r4, r5, r1, r2", -6L, 3, 0xFFFE0000, 0);
        checkLong("smlaltb r4, r5, r1, r2", 0x7FFFFFFFFFFFFFFFL + 1 - 32768, 0x80000000, 1, 0x7FFFFFFFFFFFFFFFL + 1);
        checkLong("smlaltt r4, r5, r1, r2", 0x7FFFFFFF_00000000L + 0x40000000L, 0x80000000, 0x80000000, 0x7FFFFFFF_00000000L);
    }

    @Test
    void dualMultiplies() {
        int n = 0x0003_0002, m = 0x0005_0007;  // top 3, 5; bottom 2, 7
        check("smuad r0, r1, r2", 2 * 7 + 3 * 5, false, n, m, 0);
        check("smuadx r0, r1, r2", 2 * 5 + 3 * 7, false, n, m, 0);
        check("smusd r0, r1, r2", 2 * 7 - 3 * 5, false, n, m, 0);
        check("smusdx r0, r1, r2", 2 * 5 - 3 * 7, false, n, m, 0);
        check("smlad r0, r1, r2, r3", 29 + 100, false, n, m, 100);
        check("smladx r0, r1, r2, r3", 31 + 100, false, n, m, 100);
        check("smlsd r0, r1, r2, r3", -1 + 100, false, n, m, 100);
        check("smlsdx r0, r1, r2, r3", -11 + 100, false, n, m, 100);
    }

    @Test
    void dualMultiplyOverflowSetsQ() {
        int mm = 0x8000_8000;
        check("smuad r0, r1, r2", 0x80000000, true, mm, mm, 0);          // 2^30 + 2^30 overflows
        check("smuadx r0, r1, r2", 0x80000000, true, mm, mm, 0);
        check("smusd r0, r1, r2", 0, false, mm, mm, 0);                   // cannot overflow
        check("smusd r0, r1, r2", 0xBFFF8000, false, 0x80000001, 0x80008000, 0);  // -32768 - 2^30
        check("smlad r0, r1, r2, r3", 0x7FFFFFFF, false, mm, mm, -1);     // 2^31 - 1: the sum fits after all
        check("smlad r0, r1, r2, r3", 0x80000000, true, mm, mm, 0);
        check("smlad r0, r1, r2, r3", 0x80000001, true, 0x00008000, 0x00008000, 0x40000001);
        check("smlsd r0, r1, r2, r3", 0xBFFF7FFF, true, 0x80000000, 0x7FFF0000, 0x7FFFFFFF);
        check("smlsdx r0, r1, r2, r3", 0x7FFFFFFF + 1, true, 0x00008000, 0x80000000, 0x40000000);
    }

    @Test
    void dualLongMultiplies() {
        int n = 0x0003_0002, m = 0x0005_0007;
        checkLong("smlald r4, r5, r1, r2", 29L + 0xFFFFFFFFL, n, m, 0xFFFFFFFFL);
        checkLong("smlaldx r4, r5, r1, r2", 31L - 100, n, m, -100);
        checkLong("smlsld r4, r5, r1, r2", -1L + (1L << 40), n, m, 1L << 40);
        checkLong("smlsldx r4, r5, r1, r2", -11L, n, m, 0);
        checkLong("smlald r4, r5, r1, r2", 0x80000000L, 0x80008000, 0x80008000, 0);   // no Q in the long forms
        checkLong("smlald r4, r5, r1, r2", Long.MIN_VALUE + 0x7FFFFFFFL, 0x80008000, 0x80008000, Long.MAX_VALUE);
    }

    @Test
    void mostSignificantWord() {
        check("smmul r0, r1, r2", 0x40000000, false, 0x80000000, 0x80000000, 0);
        check("smmul r0, r1, r2", -1, false, -1, 1, 0);                      // truncates toward -inf
        check("smmulr r0, r1, r2", 0, false, -1, 1, 0);                      // rounds
        check("smmul r0, r1, r2", 0x00000000, false, 0x7FFFFFFF, 0x00000001, 0);
        check("smmulr r0, r1, r2", 0x00000000, false, 0x7FFFFFFF, 0x00000001, 0);
        check("smmulr r0, r1, r2", 0x00000001, false, 0x80000000, 0xFFFFFFFF, 0);
        check("smmla r0, r1, r2, r3", 0x40000000 + 5, false, 0x80000000, 0x80000000, 5);
        check("smmla r0, r1, r2, r3", 0x80000000, false, 0x80000000, 0x80000000, 0x40000000);  // wraps, no Q
        check("smmlar r0, r1, r2, r3", 5, false, -1, 1, 5);
        check("smmla r0, r1, r2, r3", 4, false, -1, 1, 5);
        check("smmls r0, r1, r2, r3", 5 - 0x40000000, false, 0x80000000, 0x80000000, 5);
        check("smmls r0, r1, r2, r3", 5, false, 1, 1, 6);                    // (6<<32) - 1 -> 5
        check("smmlsr r0, r1, r2, r3", 6, false, 1, 1, 6);
        check("smmlsr r0, r1, r2, r3", 6, false, 0x10000, 0x8000, 6);        // exactly half rounds up: 6 - 0.5
    }

    @Test
    void sumOfAbsoluteDifferences() {
        check("usad8 r0, r1, r2", 0xFF + 0xFF + 0 + 1, false, 0x00FF1234, 0xFF001235, 0);
        check("usad8 r0, r1, r2", 4 * 255, false, 0xFFFFFFFF, 0, 0);
        check("usada8 r0, r1, r2, r3", 4 * 255 - 1020, false, 0, 0xFFFFFFFF, -1020);
        check("usada8 r0, r1, r2, r3", 3, false, 0x01020304, 0x01020305, 2);
    }
}
