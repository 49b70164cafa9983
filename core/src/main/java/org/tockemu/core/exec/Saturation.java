package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;

/**
 * Saturating arithmetic of the DSP extension (ARM ARM ARMv7-M A2.2.3, A7.7): SignedSat/UnsignedSat,
 * QADD/QSUB/QDADD/QDSUB and SSAT/USAT/SSAT16/USAT16. Functions whose name ends in Q set the sticky
 * APSR.Q flag when they saturate and never clear it.
 */
public final class Saturation {
    private Saturation() {}

    // ------------------------------------------------------------------ pseudocode functions

    /** SignedSat(x, n) for 1 <= n <= 32 (no flag). */
    public static int signedSat(long x, int n) {
        long max = (1L << (n - 1)) - 1, min = -(1L << (n - 1));
        return (int) (x > max ? max : x < min ? min : x);
    }

    /** UnsignedSat(x, n) for 0 <= n <= 31 (no flag). */
    public static int unsignedSat(long x, int n) {
        long max = (1L << n) - 1;
        return (int) (x > max ? max : x < 0 ? 0 : x);
    }

    /** SignedSatQ(x, n) for 1 <= n <= 32: saturates and sets Q when it did. */
    public static int signedSatQ(Cpu cpu, long x, int n) {
        long max = (1L << (n - 1)) - 1, min = -(1L << (n - 1));
        if (x > max) { cpu.q = true; return (int) max; }
        if (x < min) { cpu.q = true; return (int) min; }
        return (int) x;
    }

    /** UnsignedSatQ(x, n) for 0 <= n <= 31: saturates and sets Q when it did. */
    public static int unsignedSatQ(Cpu cpu, long x, int n) {
        long max = (1L << n) - 1;
        if (x > max) { cpu.q = true; return (int) max; }
        if (x < 0) { cpu.q = true; return 0; }
        return (int) x;
    }

    /** Signed saturation of a 32-bit sum/difference held in a long (the common 32-bit case). */
    public static int sat32Q(Cpu cpu, long x) {
        if (x != (int) x) { cpu.q = true; return x < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE; }
        return (int) x;
    }

    // ------------------------------------------------------------------ QADD QSUB QDADD QDSUB (operands as R[m], R[n])

    /** QADD: SignedSatQ(R[m] + R[n], 32). */
    public static int qadd(Cpu cpu, int m, int n) { return sat32Q(cpu, (long) m + n); }

    /** QSUB: SignedSatQ(R[m] - R[n], 32). */
    public static int qsub(Cpu cpu, int m, int n) { return sat32Q(cpu, (long) m - n); }

    /** QDADD: SignedSatQ(R[m] + SignedSatQ(2 * R[n], 32), 32). */
    public static int qdadd(Cpu cpu, int m, int n) { return sat32Q(cpu, (long) m + sat32Q(cpu, 2L * n)); }

    /** QDSUB: SignedSatQ(R[m] - SignedSatQ(2 * R[n], 32), 32). */
    public static int qdsub(Cpu cpu, int m, int n) { return sat32Q(cpu, (long) m - sat32Q(cpu, 2L * n)); }

    // ------------------------------------------------------------------ SSAT USAT SSAT16 USAT16

    /** The shifted operand of SSAT/USAT: LSL #amount (asr false, 0..31) or ASR #amount (asr true, 1..31). */
    public static int satOperand(int value, boolean asr, int amount) { return asr ? value >> amount : value << amount; }

    /** SSAT to n bits (1..32) of an already shifted operand. */
    public static int ssat(Cpu cpu, int x, int n) { return signedSatQ(cpu, x, n); }

    /** USAT to n bits (0..31) of an already shifted operand. */
    public static int usat(Cpu cpu, int x, int n) { return unsignedSatQ(cpu, x, n); }

    /** SSAT16: each signed halfword saturated to n bits (1..16). */
    public static int ssat16(Cpu cpu, int x, int n) {
        int lo = signedSatQ(cpu, (short) x, n), hi = signedSatQ(cpu, x >> 16, n);
        return (lo & 0xFFFF) | (hi << 16);
    }

    /** USAT16: each signed halfword saturated to the unsigned range of n bits (0..15). */
    public static int usat16(Cpu cpu, int x, int n) {
        int lo = unsignedSatQ(cpu, (short) x, n), hi = unsignedSatQ(cpu, x >> 16, n);
        return lo | (hi << 16);
    }
}
