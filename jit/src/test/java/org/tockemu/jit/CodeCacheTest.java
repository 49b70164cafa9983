package org.tockemu.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** Translations are shared between boards with the same code bytes, and never reused for other bytes. */
class CodeCacheTest {
    static final String LOOP = "movs r0, #0\n movs r1, #200\n1: adds r0, r0, r1\n eors r2, r0, r1, ror #3\n subs r1, #1\n bne 1b\n bkpt #0\n";

    /** Runs code to its breakpoint under a fresh JIT engine (threshold 1); returns the engine. */
    static JitEngine run(byte[] code, int[] regsOut) {
        TestMachine m = DiffRunner.machine(code, null);
        JitEngine jit = new JitEngine(m.cpu);
        jit.threshold = 1;
        jit.run(m.cpu, 1_000_000);
        System.arraycopy(m.cpu.r, 0, regsOut, 0, 16);
        return jit;
    }

    @Test
    void aSecondBoardWithTheSameCodeReusesTheTranslations() {
        Asm.assumeAvailable();
        byte[] code = Asm.m4(LOOP);
        int[] a = new int[16], b = new int[16];
        JitEngine first = run(code, a);
        JitEngine second = run(code, b);
        assertTrue(first.regionsTranslated + first.regionsShared > 0, "the first board ran translated code");
        assertEquals(0, second.regionsTranslated, "nothing translated again");
        assertTrue(second.regionsShared > 0, "the second board reused the first one's translations");
        assertArrayEquals(a, b);
    }

    @Test
    void otherBytesAtTheSameAddressesAreTranslatedAfresh() {
        Asm.assumeAvailable();
        byte[] one = Asm.m4(LOOP);
        byte[] other = Asm.m4(LOOP.replace("adds r0, r0, r1", "subs r0, r0, r1"));
        int[] a = new int[16], b = new int[16];
        run(one, a);
        JitEngine second = run(other, b);
        assertTrue(second.regionsTranslated > 0, "the changed loop was translated, not taken from the cache");
        // and it computed its own result: the interpreter agrees with it
        String d = DiffRunner.compare(other, null, new long[] {1L << 40}, 10, 1);
        assertEquals(null, d, d);
        assertTrue(a[0] != b[0], "different programs, different results");
    }
}
