package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;

/**
 * Signed halfword, dual and most-significant-word multiplies of the DSP extension (ARM ARM
 * ARMv7-M A7.7): SMULxy SMLAxy SMULWy SMLAWy SMLALxy, SMUAD(X) SMUSD(X) SMLAD(X) SMLSD(X)
 * SMLALD(X) SMLSLD(X), SMMUL(R) SMMLA(R) SMMLS(R). Half selectors are shift amounts (0 bottom,
 * 16 top); the X forms pass swap = 16 (ROR(R[m], 16)), else 0; rounding forms pass
 * round = 0x80000000L, else 0. 64-bit accumulators are passed and returned as longs (hi:lo).
 */
public final class DspMultiply {
    private DspMultiply() {}

    /** SMULxy: SInt(R[n] half) * SInt(R[m] half); cannot overflow. */
    public static int smulxy(int n, int m, int hn, int hm) { return (short) (n >>> hn) * (short) (m >>> hm); }

    /** SMLAxy: product + R[a], Q set on signed 32-bit overflow. */
    public static int smlaxy(Cpu cpu, int n, int m, int a, int hn, int hm) {
        long r = (long) ((short) (n >>> hn) * (short) (m >>> hm)) + a;
        if (r != (int) r) cpu.q = true;
        return (int) r;
    }

    /** SMULWy: (SInt(R[n]) * SInt(R[m] half))<47:16>. */
    public static int smulwy(int n, int m, int hm) { return (int) (((long) n * (short) (m >>> hm)) >> 16); }

    /** SMLAWy: (SInt(R[n]) * SInt(R[m] half) + (SInt(R[a]) << 16))<47:16>, Q set when that does not fit. */
    public static int smlawy(Cpu cpu, int n, int m, int a, int hm) {
        long r = (((long) n * (short) (m >>> hm)) >> 16) + a;
        if (r != (int) r) cpu.q = true;
        return (int) r;
    }

    /** SMLALxy: 64-bit accumulate of a halfword product. */
    public static long smlalxy(int n, int m, long acc, int hn, int hm) { return acc + (short) (n >>> hn) * (short) (m >>> hm); }

    /** Sum of the two halfword products (bottom*bottom + top*top, m pre-rotated by swap); fits a long, not always an int. */
    private static long dualSum(int n, int m) { return (long) ((short) n * (short) m) + (n >> 16) * (m >> 16); }

    /** Difference of the two halfword products; always fits an int. */
    private static int dualDiff(int n, int m) { return (short) n * (short) m - (n >> 16) * (m >> 16); }

    /** SMUAD(X): Q set on overflow (only 0x8000*0x8000 twice). */
    public static int smuad(Cpu cpu, int n, int m, int swap) {
        long r = dualSum(n, Integer.rotateRight(m, swap));
        if (r != (int) r) cpu.q = true;
        return (int) r;
    }

    /** SMUSD(X): cannot overflow. */
    public static int smusd(int n, int m, int swap) { return dualDiff(n, Integer.rotateRight(m, swap)); }

    /** SMLAD(X): products' sum + R[a], Q set on overflow. */
    public static int smlad(Cpu cpu, int n, int m, int a, int swap) {
        long r = dualSum(n, Integer.rotateRight(m, swap)) + a;
        if (r != (int) r) cpu.q = true;
        return (int) r;
    }

    /** SMLSD(X): products' difference + R[a], Q set on overflow. */
    public static int smlsd(Cpu cpu, int n, int m, int a, int swap) {
        long r = (long) dualDiff(n, Integer.rotateRight(m, swap)) + a;
        if (r != (int) r) cpu.q = true;
        return (int) r;
    }

    /** SMLALD(X): 64-bit accumulate of the products' sum. */
    public static long smlald(int n, int m, long acc, int swap) { return acc + dualSum(n, Integer.rotateRight(m, swap)); }

    /** SMLSLD(X): 64-bit accumulate of the products' difference. */
    public static long smlsld(int n, int m, long acc, int swap) { return acc + dualDiff(n, Integer.rotateRight(m, swap)); }

    /** SMMUL(R): (R[n] * R[m] + round)<63:32>. */
    public static int smmul(int n, int m, long round) { return (int) (((long) n * m + round) >> 32); }

    /** SMMLA(R): ((R[a] << 32) + R[n] * R[m] + round)<63:32> (modulo 2^64 keeps those bits exact). */
    public static int smmla(int n, int m, int a, long round) { return (int) ((((long) a << 32) + (long) n * m + round) >> 32); }

    /** SMMLS(R): ((R[a] << 32) - R[n] * R[m] + round)<63:32>. */
    public static int smmls(int n, int m, int a, long round) { return (int) ((((long) a << 32) - (long) n * m + round) >> 32); }
}
