package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;

/**
 * Parallel addition and subtraction of the DSP extension (ARM ARM ARMv7-M A5.3.15): the prefixes
 * S (signed, sets GE), Q (signed saturating), SH (signed halving), U (unsigned, sets GE), UQ
 * (unsigned saturating) and UH (unsigned halving) times ADD16, ASX, SAX, SUB16, ADD8 and SUB8.
 * Operands are (R[n], R[m]). The saturating forms never touch APSR.Q.
 */
public final class Simd {
    private Simd() {}

    // ------------------------------------------------------------------ lane helpers

    private static int pack16(int lo, int hi) { return (lo & 0xFFFF) | (hi << 16); }

    /** 3 when x >= 0 (a GE pair for a halfword lane), else 0. */
    private static int geNonNeg(int x) { return (~x >>> 31) * 3; }

    /** 3 when an unsigned halfword sum carried out (x >= 0x10000), else 0. */
    private static int geCarry16(int x) { return ((x >>> 16) & 1) * 3; }

    private static int sat16(int x) { return x > 0x7FFF ? 0x7FFF : x < -0x8000 ? -0x8000 : x; }

    private static int usat16(int x) { return x > 0xFFFF ? 0xFFFF : x < 0 ? 0 : x; }

    private static int sat8(int x) { return x > 0x7F ? 0x7F : x < -0x80 ? -0x80 : x; }

    private static int usat8(int x) { return x > 0xFF ? 0xFF : x < 0 ? 0 : x; }

    private static int sl(int x) { return (short) x; }

    private static int sh(int x) { return x >> 16; }

    private static int ul(int x) { return x & 0xFFFF; }

    private static int uh(int x) { return x >>> 16; }

    // ------------------------------------------------------------------ S: signed, GE

    public static int sadd16(Cpu cpu, int a, int b) {
        int lo = sl(a) + sl(b), hi = sh(a) + sh(b);
        cpu.ge = geNonNeg(lo) | geNonNeg(hi) << 2;
        return pack16(lo, hi);
    }

    public static int sasx(Cpu cpu, int a, int b) {
        int lo = sl(a) - sh(b), hi = sh(a) + sl(b);
        cpu.ge = geNonNeg(lo) | geNonNeg(hi) << 2;
        return pack16(lo, hi);
    }

    public static int ssax(Cpu cpu, int a, int b) {
        int lo = sl(a) + sh(b), hi = sh(a) - sl(b);
        cpu.ge = geNonNeg(lo) | geNonNeg(hi) << 2;
        return pack16(lo, hi);
    }

    public static int ssub16(Cpu cpu, int a, int b) {
        int lo = sl(a) - sl(b), hi = sh(a) - sh(b);
        cpu.ge = geNonNeg(lo) | geNonNeg(hi) << 2;
        return pack16(lo, hi);
    }

    public static int sadd8(Cpu cpu, int a, int b) {
        int r = 0, ge = 0;
        for (int i = 0; i < 4; i++) {
            int s = (byte) (a >> 8 * i) + (byte) (b >> 8 * i);
            ge |= (~s >>> 31) << i;
            r |= (s & 0xFF) << 8 * i;
        }
        cpu.ge = ge;
        return r;
    }

    public static int ssub8(Cpu cpu, int a, int b) {
        int r = 0, ge = 0;
        for (int i = 0; i < 4; i++) {
            int s = (byte) (a >> 8 * i) - (byte) (b >> 8 * i);
            ge |= (~s >>> 31) << i;
            r |= (s & 0xFF) << 8 * i;
        }
        cpu.ge = ge;
        return r;
    }

    // ------------------------------------------------------------------ Q: signed saturating

    public static int qadd16(int a, int b) { return pack16(sat16(sl(a) + sl(b)), sat16(sh(a) + sh(b))); }

    public static int qasx(int a, int b) { return pack16(sat16(sl(a) - sh(b)), sat16(sh(a) + sl(b))); }

    public static int qsax(int a, int b) { return pack16(sat16(sl(a) + sh(b)), sat16(sh(a) - sl(b))); }

    public static int qsub16(int a, int b) { return pack16(sat16(sl(a) - sl(b)), sat16(sh(a) - sh(b))); }

    public static int qadd8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= (sat8((byte) (a >> i) + (byte) (b >> i)) & 0xFF) << i;
        return r;
    }

    public static int qsub8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= (sat8((byte) (a >> i) - (byte) (b >> i)) & 0xFF) << i;
        return r;
    }

    // ------------------------------------------------------------------ SH: signed halving

    public static int shadd16(int a, int b) { return pack16((sl(a) + sl(b)) >> 1, (sh(a) + sh(b)) >> 1); }

    public static int shasx(int a, int b) { return pack16((sl(a) - sh(b)) >> 1, (sh(a) + sl(b)) >> 1); }

    public static int shsax(int a, int b) { return pack16((sl(a) + sh(b)) >> 1, (sh(a) - sl(b)) >> 1); }

    public static int shsub16(int a, int b) { return pack16((sl(a) - sl(b)) >> 1, (sh(a) - sh(b)) >> 1); }

    public static int shadd8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= (((byte) (a >> i) + (byte) (b >> i)) >> 1 & 0xFF) << i;
        return r;
    }

    public static int shsub8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= (((byte) (a >> i) - (byte) (b >> i)) >> 1 & 0xFF) << i;
        return r;
    }

    // ------------------------------------------------------------------ U: unsigned, GE

    public static int uadd16(Cpu cpu, int a, int b) {
        int lo = ul(a) + ul(b), hi = uh(a) + uh(b);
        cpu.ge = geCarry16(lo) | geCarry16(hi) << 2;
        return pack16(lo, hi);
    }

    public static int uasx(Cpu cpu, int a, int b) {
        int lo = ul(a) - uh(b), hi = uh(a) + ul(b);
        cpu.ge = geNonNeg(lo) | geCarry16(hi) << 2;
        return pack16(lo, hi);
    }

    public static int usax(Cpu cpu, int a, int b) {
        int lo = ul(a) + uh(b), hi = uh(a) - ul(b);
        cpu.ge = geCarry16(lo) | geNonNeg(hi) << 2;
        return pack16(lo, hi);
    }

    public static int usub16(Cpu cpu, int a, int b) {
        int lo = ul(a) - ul(b), hi = uh(a) - uh(b);
        cpu.ge = geNonNeg(lo) | geNonNeg(hi) << 2;
        return pack16(lo, hi);
    }

    public static int uadd8(Cpu cpu, int a, int b) {
        int r = 0, ge = 0;
        for (int i = 0; i < 4; i++) {
            int s = ((a >>> 8 * i) & 0xFF) + ((b >>> 8 * i) & 0xFF);
            ge |= (s >>> 8) << i;
            r |= (s & 0xFF) << 8 * i;
        }
        cpu.ge = ge;
        return r;
    }

    public static int usub8(Cpu cpu, int a, int b) {
        int r = 0, ge = 0;
        for (int i = 0; i < 4; i++) {
            int s = ((a >>> 8 * i) & 0xFF) - ((b >>> 8 * i) & 0xFF);
            ge |= (~s >>> 31) << i;
            r |= (s & 0xFF) << 8 * i;
        }
        cpu.ge = ge;
        return r;
    }

    // ------------------------------------------------------------------ UQ: unsigned saturating

    public static int uqadd16(int a, int b) { return pack16(usat16(ul(a) + ul(b)), usat16(uh(a) + uh(b))); }

    public static int uqasx(int a, int b) { return pack16(usat16(ul(a) - uh(b)), usat16(uh(a) + ul(b))); }

    public static int uqsax(int a, int b) { return pack16(usat16(ul(a) + uh(b)), usat16(uh(a) - ul(b))); }

    public static int uqsub16(int a, int b) { return pack16(usat16(ul(a) - ul(b)), usat16(uh(a) - uh(b))); }

    public static int uqadd8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= usat8(((a >>> i) & 0xFF) + ((b >>> i) & 0xFF)) << i;
        return r;
    }

    public static int uqsub8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= usat8(((a >>> i) & 0xFF) - ((b >>> i) & 0xFF)) << i;
        return r;
    }

    // ------------------------------------------------------------------ UH: unsigned halving

    public static int uhadd16(int a, int b) { return pack16((ul(a) + ul(b)) >> 1, (uh(a) + uh(b)) >> 1); }

    public static int uhasx(int a, int b) { return pack16((ul(a) - uh(b)) >> 1, (uh(a) + ul(b)) >> 1); }

    public static int uhsax(int a, int b) { return pack16((ul(a) + uh(b)) >> 1, (uh(a) - ul(b)) >> 1); }

    public static int uhsub16(int a, int b) { return pack16((ul(a) - ul(b)) >> 1, (uh(a) - uh(b)) >> 1); }

    public static int uhadd8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= ((((a >>> i) & 0xFF) + ((b >>> i) & 0xFF)) >> 1 & 0xFF) << i;
        return r;
    }

    public static int uhsub8(int a, int b) {
        int r = 0;
        for (int i = 0; i < 32; i += 8) r |= ((((a >>> i) & 0xFF) - ((b >>> i) & 0xFF)) >> 1 & 0xFF) << i;
        return r;
    }
}
