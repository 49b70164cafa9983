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
}
