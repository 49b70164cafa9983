package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;

/**
 * Shared instruction semantics (ARM ARM pseudocode functions): small static methods that the
 * interpreter executors and the JIT's generated code both call, small enough for HotSpot to inline.
 */
public final class Alu {
    public static final int LSL = 0, LSR = 1, ASR = 2, ROR = 3, RRX = 4;

    private Alu() {}

    /** Shift(value, type, amount, carry_in) result; amount is the decoded amount (0..32+ for register shifts). */
    public static int shift(int value, int type, int amount, boolean carryIn) {
        if (amount == 0 && type != RRX) return value;
        switch (type) {
            case LSL: return amount >= 32 ? 0 : value << amount;
            case LSR: return amount >= 32 ? 0 : value >>> amount;
            case ASR: return amount >= 32 ? value >> 31 : value >> amount;
            case ROR: return Integer.rotateRight(value, amount & 31);
            default: return (value >>> 1) | (carryIn ? 0x80000000 : 0);
        }
    }

    /** Carry out of Shift_C(value, type, amount, carry_in). */
    public static boolean shiftCarry(int value, int type, int amount, boolean carryIn) {
        if (amount == 0 && type != RRX) return carryIn;
        switch (type) {
            case LSL: return amount > 32 ? false : ((value >>> (32 - amount)) & 1) != 0;
            case LSR: return amount > 32 ? false : ((value >>> (amount - 1)) & 1) != 0;
            case ASR: return amount >= 32 ? value < 0 : ((value >> (amount - 1)) & 1) != 0;
            case ROR: return Integer.rotateRight(value, amount & 31) < 0;
            default: return (value & 1) != 0;
        }
    }

    /** Sets N and Z from a result. */
    public static void nz(Cpu cpu, int result) {
        cpu.n = result < 0;
        cpu.z = result == 0;
    }

    /** AddWithCarry(a, b, carry) with optional NZCV update. */
    public static int addWithCarry(Cpu cpu, int a, int b, boolean carry, boolean setFlags) {
        int ci = carry ? 1 : 0;
        int result = a + b + ci;
        if (setFlags) {
            cpu.n = result < 0;
            cpu.z = result == 0;
            long unsigned = (a & 0xFFFFFFFFL) + (b & 0xFFFFFFFFL) + ci;
            cpu.c = (unsigned >>> 32) != 0;
            cpu.v = ((a ^ result) & (b ^ result)) < 0;
        }
        return result;
    }

    /** AddWithCarry(a, NOT(b), '1'): subtraction with optional NZCV update. */
    public static int sub(Cpu cpu, int a, int b, boolean setFlags) {
        return addWithCarry(cpu, a, ~b, true, setFlags);
    }

    /** Sets N, Z and C (logical instructions that set flags: C is the shifter/immediate carry out). */
    public static void nzc(Cpu cpu, int result, boolean carry) {
        cpu.n = result < 0;
        cpu.z = result == 0;
        cpu.c = carry;
    }

    /**
     * Shift_C with the carry taken from and written back to APSR.C: returns the shifted value and,
     * when setC, sets C to the shifter carry out (the carry-in is read first, so RRX is exact).
     */
    public static int shiftC(Cpu cpu, int value, int type, int amount, boolean setC) {
        boolean ci = cpu.c;
        if (setC) cpu.c = shiftCarry(value, type, amount, ci);
        return shift(value, type, amount, ci);
    }

    // ---- immediates (decode time; public for the disassembler and tests) ----

    /** ThumbExpandImm(imm12); the caller rejects {@link #thumbImmValid invalid} patterns. */
    public static int thumbExpandImm(int imm12) {
        int imm8 = imm12 & 0xFF;
        if ((imm12 >>> 10) == 0) {
            switch ((imm12 >>> 8) & 3) {
                case 0: return imm8;
                case 1: return imm8 << 16 | imm8;
                case 2: return imm8 << 24 | imm8 << 8;
                default: return imm8 * 0x01010101;
            }
        }
        return Integer.rotateRight(0x80 | (imm12 & 0x7F), imm12 >>> 7);
    }

    /** Carry out of ThumbExpandImm_C: -1 when the immediate leaves C unchanged, else 0 or 1 (bit 31 of the result). */
    public static int thumbExpandImmCarry(int imm12) {
        if ((imm12 >>> 10) == 0) return -1;
        return thumbExpandImm(imm12) >>> 31;
    }

    /** False for the UNPREDICTABLE ThumbExpandImm patterns (a replicated imm8 of zero). */
    public static boolean thumbImmValid(int imm12) {
        return (imm12 >>> 10) != 0 || ((imm12 >>> 8) & 3) == 0 || (imm12 & 0xFF) != 0;
    }

    /** DecodeImmShift(type, imm5) shift type: RRX for ROR #0. */
    public static int decodeShiftType(int type, int imm5) {
        return type == ROR && imm5 == 0 ? RRX : type;
    }

    /** DecodeImmShift(type, imm5) shift amount: LSR/ASR #0 mean 32, RRX shifts by 1. */
    public static int decodeShiftAmount(int type, int imm5) {
        if (imm5 != 0 || type == LSL) return imm5;
        return type == ROR ? 1 : 32;
    }

    // ---- bit fields, extends, byte reversal ----

    /** UBFX: width bits of x from lsb, zero-extended (1 <= width, lsb + width <= 32). */
    public static int ubfx(int x, int lsb, int width) {
        return (x << (32 - lsb - width)) >>> (32 - width);
    }

    /** SBFX: width bits of x from lsb, sign-extended (1 <= width, lsb + width <= 32). */
    public static int sbfx(int x, int lsb, int width) {
        return (x << (32 - lsb - width)) >> (32 - width);
    }

    /** BFI/BFC: dst with bits [msb:lsb] replaced by the low bits of src (mask has bits lsb..msb set). */
    public static int bfi(int dst, int src, int lsb, int mask) {
        return (dst & ~mask) | ((src << lsb) & mask);
    }

    /** Mask with bits lsb..msb set (lsb <= msb <= 31). */
    public static int bitMask(int lsb, int msb) {
        return (-1 >>> (31 - msb)) & (-1 << lsb);
    }

    public static int sxtb(int x, int rot) { return (byte) Integer.rotateRight(x, rot); }

    public static int sxth(int x, int rot) { return (short) Integer.rotateRight(x, rot); }

    public static int uxtb(int x, int rot) { return Integer.rotateRight(x, rot) & 0xFF; }

    public static int uxth(int x, int rot) { return Integer.rotateRight(x, rot) & 0xFFFF; }

    public static int clz(int x) { return Integer.numberOfLeadingZeros(x); }

    public static int rbit(int x) { return Integer.reverse(x); }

    public static int rev(int x) { return Integer.reverseBytes(x); }

    /** REV16: bytes swapped within each halfword. */
    public static int rev16(int x) { return ((x >>> 8) & 0x00FF00FF) | ((x << 8) & 0xFF00FF00); }

    /** REVSH: bytes of the low halfword swapped, sign-extended. */
    public static int revsh(int x) { return Short.reverseBytes((short) x); }
}
