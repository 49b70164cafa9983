package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;

/**
 * Packing, unpacking and byte-selection instructions of the DSP extension: SEL, USAD8/USADA8,
 * PKHBT/PKHTB, SXTB16/UXTB16 and SXTAB16/UXTAB16 (ARM ARM ARMv7-M A7.7). Rotations are the decoded
 * amounts 0, 8, 16 or 24. (SXTAB/SXTAH/UXTAB/UXTAH belong to the data-processing group.)
 */
public final class DspPack {
    private DspPack() {}

    /** SEL: byte i of the result from R[n] when GE[i] is set, else from R[m]. */
    public static int sel(Cpu cpu, int n, int m) {
        int ge = cpu.ge;
        int mask = ((ge & 1) * 0xFF) | ((ge >> 1 & 1) * 0xFF00) | ((ge >> 2 & 1) * 0xFF0000) | ((ge >>> 3 & 1) * 0xFF000000);
        return (n & mask) | (m & ~mask);
    }

    /** USAD8: sum of the absolute differences of the four unsigned byte pairs. */
    public static int usad8(int n, int m) {
        int sum = 0;
        for (int i = 0; i < 32; i += 8) sum += Math.abs(((n >>> i) & 0xFF) - ((m >>> i) & 0xFF));
        return sum;
    }

    /** PKHBT: bottom half of R[n], top half of LSL(R[m], shift) (shift 0..31). */
    public static int pkhbt(int n, int m, int shift) { return (n & 0xFFFF) | ((m << shift) & 0xFFFF0000); }

    /** PKHTB: top half of R[n], bottom half of ASR(R[m], shift); shift 1..31 (ASR #32 decodes to 31, same bits). */
    public static int pkhtb(int n, int m, int shift) { return (n & 0xFFFF0000) | ((m >> shift) & 0xFFFF); }

    /** SXTB16: bytes 0 and 2 of ROR(R[m], rot), sign-extended to halfwords. */
    public static int sxtb16(int m, int rot) {
        int x = Integer.rotateRight(m, rot);
        return ((byte) x & 0xFFFF) | ((byte) (x >> 16) << 16);
    }

    /** UXTB16: bytes 0 and 2 of ROR(R[m], rot), zero-extended to halfwords. */
    public static int uxtb16(int m, int rot) { return Integer.rotateRight(m, rot) & 0x00FF00FF; }

    /** SXTAB16: halfword-wise R[n] + SXTB16(R[m], rot). */
    public static int sxtab16(int n, int m, int rot) {
        int x = Integer.rotateRight(m, rot);
        return ((n + (byte) x) & 0xFFFF) | (((n >>> 16) + (byte) (x >> 16)) << 16);
    }

    /** UXTAB16: halfword-wise R[n] + UXTB16(R[m], rot). */
    public static int uxtab16(int n, int m, int rot) {
        int x = Integer.rotateRight(m, rot);
        return ((n + (x & 0xFF)) & 0xFFFF) | (((n >>> 16) + ((x >>> 16) & 0xFF)) << 16);
    }
}
