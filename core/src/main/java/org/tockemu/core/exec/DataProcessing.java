package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.decode.Insn;

/**
 * Integer data processing: the logical and arithmetic ALU operations in their immediate, register
 * and shifted-register forms, register-controlled shifts, ADR, MOVW/MOVT, bit fields, extends and
 * CLZ/RBIT/REV* (ARM ARM A5.2.1-A5.2.3, A5.3.1, A5.3.3, A5.3.11, A5.3.12).
 *
 * <p>Operand fields ({@link Insn}): rd, rn, rm as in the ARM ARM (16-bit two-operand forms have
 * rn == rd); imm is the expanded immediate; immCarry the ThumbExpandImm_C carry (-1: C unchanged);
 * shiftType/shiftN the DecodeImmShift result for the _S (shifted register) forms, the shift type
 * for {@link #SHIFT_REG}, the rotation for the extends and lsb for the bit-field ops; setFlags 0
 * never, 1 always, 2 only outside an IT block. Per-op specifics are documented at the constants.
 *
 * <p>Ops come in triples for the ALU operations: _I (operand 2 is imm), _R (operand 2 is R[rm],
 * unshifted) and _S (operand 2 is Shift_C(R[rm], shiftType, shiftN, C)). Writes of an ADD/SUB/MOV
 * result to SP clear bits [1:0] (SP[1:0] are RAZ/WI on M profile, as QEMU does); the decoder makes
 * every other form with Rd = SP or PC UNDEFINED, except the 16-bit ADD/MOV to PC ({@link #ADD_PC},
 * {@link #MOV_PC}), which are branches. The numbering is relied on: for ALU ops,
 * (op - AND_I) / 3 is the operation and (op - AND_I) % 3 the operand form, and the decoder turns an
 * _S op whose shift is LSL #0 into the _R op (op - 1). Compare forms (TST/TEQ/CMP/CMN) have rd = 15
 * and never write it.
 */
public final class DataProcessing {
    public static final int
            AND_I = 1, AND_R = 2, AND_S = 3,
            BIC_I = 4, BIC_R = 5, BIC_S = 6,
            ORR_I = 7, ORR_R = 8, ORR_S = 9,
            ORN_I = 10, ORN_R = 11, ORN_S = 12,
            EOR_I = 13, EOR_R = 14, EOR_S = 15,
            MOV_I = 16, MOV_R = 17, MOV_S = 18,
            MVN_I = 19, MVN_R = 20, MVN_S = 21,
            TST_I = 22, TST_R = 23, TST_S = 24,
            TEQ_I = 25, TEQ_R = 26, TEQ_S = 27,
            ADD_I = 28, ADD_R = 29, ADD_S = 30,
            ADC_I = 31, ADC_R = 32, ADC_S = 33,
            SUB_I = 34, SUB_R = 35, SUB_S = 36,
            SBC_I = 37, SBC_R = 38, SBC_S = 39,
            RSB_I = 40, RSB_R = 41, RSB_S = 42,
            CMP_I = 43, CMP_R = 44, CMP_S = 45,
            CMN_I = 46, CMN_R = 47, CMN_S = 48;
    /** Rd = Shift_C(Rn, shiftType, Rm[7:0], C) (LSL/LSR/ASR/ROR by register). */
    public static final int SHIFT_REG = 49;
    /** Rd = Align(PC, 4) + imm (imm negative for the subtract form). */
    public static final int ADR = 50;
    /** 16-bit ADD PC, Rm: BranchWritePC(PC + Rm). */
    public static final int ADD_PC = 51;
    /** 16-bit MOV PC, Rm: BranchWritePC(Rm). */
    public static final int MOV_PC = 52;
    /** Rd[31:16] = imm. */
    public static final int MOVT = 53;
    /** BFI: imm = mask of bits lsb..msb, shiftN = lsb. BFC: the same with no source. */
    public static final int BFI = 54, BFC = 55;
    /** UBFX/SBFX: shiftN = lsb, imm = width. */
    public static final int UBFX = 56, SBFX = 57;
    /** Extends: shiftN = rotation; the _A forms add Rn. */
    public static final int SXTB = 58, SXTH = 59, UXTB = 60, UXTH = 61, SXTAB = 62, SXTAH = 63, UXTAB = 64, UXTAH = 65;
    public static final int CLZ = 66, RBIT = 67, REV = 68, REV16 = 69, REVSH = 70;

    private DataProcessing() {}

    public static void execute(Cpu cpu, Insn in) {
        int op = in.op;
        if (op <= TEQ_S) logical(cpu, in, op);
        else if (op <= CMN_S) arithmetic(cpu, in, op);
        else other(cpu, in, op);
    }

    /** True when this execution updates the flags (setFlags 2: only outside an IT block). */
    public static boolean setsFlags(Cpu cpu, Insn in) {
        int s = in.setFlags;
        return s == 1 || (s == 2 && cpu.itState == 0);
    }

    /** Writes an ADD/SUB/MOV result: SP bits [1:0] are RAZ/WI. */
    public static void writeReg(int[] r, int d, int value) {
        r[d] = d == 13 ? value & ~3 : value;
    }

    /** Operand 2 of a shifted-register form; sets C to the shifter carry out when setC. */
    private static int shifted(Cpu cpu, Insn in, boolean setC) {
        return Alu.shiftC(cpu, cpu.r[in.rm], in.shiftType, in.shiftN, setC);
    }

    private static int operand2(Cpu cpu, Insn in, int form) {
        switch (form) {
            case 0: return in.imm;
            case 1: return cpu.r[in.rm];
            default: return Alu.shift(cpu.r[in.rm], in.shiftType, in.shiftN, cpu.c);
        }
    }

    static void logical(Cpu cpu, Insn in, int op) {
        int[] r = cpu.r;
        boolean s = setsFlags(cpu, in);
        int form = (op - AND_I) % 3;
        int b;
        if (form == 0) {
            b = in.imm;
            if (s) immCarryToC(cpu, in.immCarry);
        } else if (form == 1) {
            b = r[in.rm];
        } else {
            b = shifted(cpu, in, s);
        }
        int res;
        switch ((op - AND_I) / 3) {
            case 0: res = r[in.rn] & b; break;
            case 1: res = r[in.rn] & ~b; break;
            case 2: res = r[in.rn] | b; break;
            case 3: res = r[in.rn] | ~b; break;
            case 4: res = r[in.rn] ^ b; break;
            case 5: writeReg(r, in.rd, b); if (s) Alu.nz(cpu, b); return;
            case 6: res = ~b; break;
            case 7: Alu.nz(cpu, r[in.rn] & b); return;
            default: Alu.nz(cpu, r[in.rn] ^ b); return;
        }
        r[in.rd] = res;
        if (s) Alu.nz(cpu, res);
    }

    /** C from a modified immediate's carry (ThumbExpandImm_C), when it rotated. */
    public static void immCarryToC(Cpu cpu, int immCarry) {
        if (immCarry >= 0) cpu.c = immCarry != 0;
    }

    static void arithmetic(Cpu cpu, Insn in, int op) {
        int[] r = cpu.r;
        int b = operand2(cpu, in, (op - ADD_I) % 3);
        int a = r[in.rn];
        boolean s = setsFlags(cpu, in);
        switch ((op - ADD_I) / 3) {
            case 0: writeReg(r, in.rd, Alu.addWithCarry(cpu, a, b, false, s)); break;
            case 1: r[in.rd] = Alu.addWithCarry(cpu, a, b, cpu.c, s); break;
            case 2: writeReg(r, in.rd, Alu.addWithCarry(cpu, a, ~b, true, s)); break;
            case 3: r[in.rd] = Alu.addWithCarry(cpu, a, ~b, cpu.c, s); break;
            case 4: r[in.rd] = Alu.addWithCarry(cpu, ~a, b, true, s); break;
            case 5: Alu.addWithCarry(cpu, a, ~b, true, true); break;
            default: Alu.addWithCarry(cpu, a, b, false, true); break;
        }
    }

    static void other(Cpu cpu, Insn in, int op) {
        int[] r = cpu.r;
        switch (op) {
            case SHIFT_REG: {
                boolean s = setsFlags(cpu, in);
                int res = Alu.shiftC(cpu, r[in.rn], in.shiftType, r[in.rm] & 0xFF, s);
                r[in.rd] = res;
                if (s) Alu.nz(cpu, res);
                break;
            }
            case ADR: r[in.rd] = (r[15] & ~3) + in.imm; break;
            case ADD_PC: cpu.branchWritePC(r[15] + r[in.rm]); break;
            case MOV_PC: cpu.branchWritePC(r[in.rm]); break;
            case MOVT: r[in.rd] = (r[in.rd] & 0xFFFF) | (in.imm << 16); break;
            case BFI: r[in.rd] = Alu.bfi(r[in.rd], r[in.rn], in.shiftN, in.imm); break;
            case BFC: r[in.rd] &= ~in.imm; break;
            case UBFX: r[in.rd] = Alu.ubfx(r[in.rn], in.shiftN, in.imm); break;
            case SBFX: r[in.rd] = Alu.sbfx(r[in.rn], in.shiftN, in.imm); break;
            case SXTB: r[in.rd] = Alu.sxtb(r[in.rm], in.shiftN); break;
            case SXTH: r[in.rd] = Alu.sxth(r[in.rm], in.shiftN); break;
            case UXTB: r[in.rd] = Alu.uxtb(r[in.rm], in.shiftN); break;
            case UXTH: r[in.rd] = Alu.uxth(r[in.rm], in.shiftN); break;
            case SXTAB: r[in.rd] = r[in.rn] + Alu.sxtb(r[in.rm], in.shiftN); break;
            case SXTAH: r[in.rd] = r[in.rn] + Alu.sxth(r[in.rm], in.shiftN); break;
            case UXTAB: r[in.rd] = r[in.rn] + Alu.uxtb(r[in.rm], in.shiftN); break;
            case UXTAH: r[in.rd] = r[in.rn] + Alu.uxth(r[in.rm], in.shiftN); break;
            case CLZ: r[in.rd] = Alu.clz(r[in.rm]); break;
            case RBIT: r[in.rd] = Alu.rbit(r[in.rm]); break;
            case REV: r[in.rd] = Alu.rev(r[in.rm]); break;
            case REV16: r[in.rd] = Alu.rev16(r[in.rm]); break;
            case REVSH: r[in.rd] = Alu.revsh(r[in.rm]); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }
}
