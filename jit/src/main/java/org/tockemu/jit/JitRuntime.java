package org.tockemu.jit;

/** Small static helpers the generated code calls (inlined by HotSpot). */
public final class JitRuntime {
    private JitRuntime() {}

    /** 1 when x == 0. */
    public static int isZero(int x) { return x == 0 ? 1 : 0; }

    /** Carry out of x + y + ci (AddWithCarry). */
    public static int addCarry(int x, int y, int ci) {
        return (int) (((x & 0xFFFFFFFFL) + (y & 0xFFFFFFFFL) + ci) >>> 32);
    }

    /** Overflow of x + y (+ ci) = res. */
    public static int addOverflow(int x, int y, int res) {
        return ((x ^ res) & (y ^ res)) >>> 31;
    }

    /** High word of the unsigned 64-bit product / sums, for UMULL etc. */
    public static long umull(int a, int b) {
        return (a & 0xFFFFFFFFL) * (b & 0xFFFFFFFFL);
    }
}
