package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.mem.Bus;

/** The shared ALU helpers against slow, literal transcriptions of the ARM ARM pseudocode. */
class DataProcessingAluTest {
    static final int[] VALUES = {0, 1, 2, 3, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFE, 0xFFFFFFFF, 0x12345678,
            0xEDCBA987, 0x0000FF80, 0x55555555, 0xAAAAAAAA, 0x40000000, 0x00010000};

    /** Shift_C one bit at a time (LSL_C/LSR_C/ASR_C/ROR_C/RRX_C); returns result in the low word, carry in bit 32. */
    static long refShiftC(int value, int type, int amount, boolean carryIn) {
        if (type == Alu.RRX) return (long) ((value >>> 1) | (carryIn ? 0x80000000 : 0)) & 0xFFFFFFFFL | ((value & 1L) << 32);
        if (amount == 0) return (value & 0xFFFFFFFFL) | (carryIn ? 1L << 32 : 0);
        int x = value;
        boolean c = carryIn;
        switch (type) {
            case Alu.LSL: for (int i = 0; i < amount; i++) { c = x < 0; x <<= 1; } break;
            case Alu.LSR: for (int i = 0; i < amount; i++) { c = (x & 1) != 0; x >>>= 1; } break;
            case Alu.ASR: for (int i = 0; i < amount; i++) { c = (x & 1) != 0; x >>= 1; } break;
            default: {
                // ROR_C(x, shift): result = ROR(x, shift MOD 32), carry = result<31> (shift != 0)
                for (int i = 0; i < amount % 32; i++) x = (x >>> 1) | (x << 31);
                c = x < 0;
                break;
            }
        }
        return (x & 0xFFFFFFFFL) | (c ? 1L << 32 : 0);
    }

    @Test
    void shiftAndCarryMatchThePseudocodeForEveryAmount() {
        for (int v : VALUES) {
            for (int type = 0; type <= 4; type++) {
                for (int amount = 0; amount <= 255; amount++) {
                    if (type == Alu.RRX && amount != 1) continue;
                    for (boolean ci : new boolean[] {false, true}) {
                        long ref = refShiftC(v, type, amount, ci);
                        String at = String.format("v=%08x type=%d n=%d c=%b", v, type, amount, ci);
                        assertEquals((int) ref, Alu.shift(v, type, amount, ci), at);
                        assertEquals((ref >>> 32) != 0, Alu.shiftCarry(v, type, amount, ci), at);
                    }
                }
            }
        }
    }

    @Test
    void addWithCarryMatchesUnsignedAndSignedSums() {
        Cpu cpu = new Cpu(new Bus());
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            int a = i < VALUES.length * VALUES.length ? VALUES[i % VALUES.length] : rnd.nextInt();
            int b = i < VALUES.length * VALUES.length ? VALUES[i / VALUES.length] : rnd.nextInt();
            boolean ci = (i & 1) != 0 || rnd.nextBoolean();
            int res = Alu.addWithCarry(cpu, a, b, ci, true);
            long uns = (a & 0xFFFFFFFFL) + (b & 0xFFFFFFFFL) + (ci ? 1 : 0);
            BigInteger sig = BigInteger.valueOf(a).add(BigInteger.valueOf(b)).add(ci ? BigInteger.ONE : BigInteger.ZERO);
            String at = String.format("%08x + %08x + %b", a, b, ci);
            assertEquals((int) uns, res, at);
            assertEquals(res < 0, cpu.n, at);
            assertEquals(res == 0, cpu.z, at);
            assertEquals(uns != (res & 0xFFFFFFFFL), cpu.c, at);
            assertEquals(!sig.equals(BigInteger.valueOf(res)), cpu.v, at);
        }
    }

    @Test
    void thumbExpandImmForEveryImm12() {
        for (int imm12 = 0; imm12 < 4096; imm12++) {
            int imm8 = imm12 & 0xFF;
            int want;
            int carry = -1;
            boolean valid = true;
            if ((imm12 >>> 10) == 0) {
                switch ((imm12 >>> 8) & 3) {
                    case 0: want = imm8; break;
                    case 1: want = (imm8 << 16) | imm8; valid = imm8 != 0; break;
                    case 2: want = (imm8 << 24) | (imm8 << 8); valid = imm8 != 0; break;
                    default: want = (imm8 << 24) | (imm8 << 16) | (imm8 << 8) | imm8; valid = imm8 != 0; break;
                }
            } else {
                long r = refShiftC(0x80 | (imm12 & 0x7F), Alu.ROR, imm12 >>> 7, false);
                want = (int) r;
                carry = (int) (r >>> 32);
            }
            assertEquals(want, Alu.thumbExpandImm(imm12), "imm12 " + imm12);
            assertEquals(carry, Alu.thumbExpandImmCarry(imm12), "imm12 " + imm12);
            assertEquals(valid, Alu.thumbImmValid(imm12), "imm12 " + imm12);
        }
    }

    @Test
    void bitFieldsExtendsAndReversals() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 20_000; i++) {
            int x = rnd.nextInt(), y = rnd.nextInt();
            int lsb = rnd.nextInt(32), width = 1 + rnd.nextInt(32 - lsb), msb = lsb + width - 1;
            long field = (x & 0xFFFFFFFFL) >>> lsb & ((1L << width) - 1);
            assertEquals((int) field, Alu.ubfx(x, lsb, width));
            long sfield = ((field >>> (width - 1)) & 1) != 0 ? field | (-1L << width) : field;
            assertEquals((int) sfield, Alu.sbfx(x, lsb, width));
            long mask = ((1L << width) - 1) << lsb;
            assertEquals((int) ((y & ~mask) | (((long) x << lsb) & mask)), Alu.bfi(y, x, lsb, Alu.bitMask(lsb, msb)));
            int rot = 8 * rnd.nextInt(4);
            int rx = Integer.rotateRight(x, rot);
            assertEquals((int) (byte) rx, Alu.sxtb(x, rot));
            assertEquals((int) (short) rx, Alu.sxth(x, rot));
            assertEquals(rx & 0xFF, Alu.uxtb(x, rot));
            assertEquals(rx & 0xFFFF, Alu.uxth(x, rot));
            int b0 = x & 0xFF, b1 = (x >>> 8) & 0xFF, b2 = (x >>> 16) & 0xFF, b3 = x >>> 24;
            assertEquals(b0 << 24 | b1 << 16 | b2 << 8 | b3, Alu.rev(x));
            assertEquals(b2 << 24 | b3 << 16 | b0 << 8 | b1, Alu.rev16(x));
            assertEquals(((int) (byte) b0 << 8) | b1, Alu.revsh(x));
            int bits = 0;
            for (int k = 0; k < 32; k++) if ((x >>> k & 1) != 0) bits |= 1 << (31 - k);
            assertEquals(bits, Alu.rbit(x));
            int lz = 0;
            while (lz < 32 && (x >>> (31 - lz) & 1) == 0) lz++;
            assertEquals(lz, Alu.clz(x));
        }
        assertEquals(32, Alu.clz(0));
    }
}
