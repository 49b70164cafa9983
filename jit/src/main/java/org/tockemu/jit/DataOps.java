package org.tockemu.jit;

import static org.objectweb.asm.Opcodes.*;
import static org.tockemu.jit.Emitter.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exec.Alu;
import org.tockemu.core.exec.DataProcessing;
import org.tockemu.core.exec.MultiplyDsp;

/**
 * The backend's data-processing and multiply instructions: operands from the register locals,
 * results to them, N/Z and the lazy C/V values only where the flag liveness pass asks for them
 * (see Emitter); bit-field, extend, reverse and DSP operations call the interpreter's static
 * helpers (Alu, DspMultiply), which HotSpot inlines.
 */
final class DataOps extends EmitterPart {
    DataOps(Emitter e, MethodVisitor mv) {
        super(e, mv);
    }

    void data(IrNode n) {
        Insn in = n.in;
        int op = in.op;
        int need = n.needed();
        boolean s = in.setFlags == 1 || (in.setFlags == 2 && n.it == 0);
        if (op <= DataProcessing.TEQ_S) {
            int form = (op - 1) % 3, kind = (op - 1) / 3;
            boolean flags = s || kind >= 7;
            // operand 2 -> T0 (and the new C -> T1 when a shifter carry is needed)
            boolean shC = s && form == 2 && (in.shiftType == Alu.RRX || in.shiftN != 0) && (need & IrNode.C) != 0;
            if (form == 0) e.iconst(in.imm);
            else if (form == 1) e.reg(n, in.rm);
            else {
                if (shC) {
                    e.reg(n, in.rm); e.iconst(in.shiftType); e.iconst(in.shiftN); e.pushC();
                    mv.visitMethodInsn(INVOKESTATIC, ALU, "shiftCarry", "(IIIZ)Z", false);
                    mv.visitVarInsn(ISTORE, T1);
                }
                e.reg(n, in.rm);
                e.shiftImm(in.shiftType, in.shiftN);
            }
            if (kind == 5 || kind == 6) { // MOV, MVN
                if (kind == 6) { e.iconst(-1); mv.visitInsn(IXOR); }
            } else {
                mv.visitVarInsn(ISTORE, T0);
                e.reg(n, in.rn);
                mv.visitVarInsn(ILOAD, T0);
                switch (kind) {
                    case 0: case 7: mv.visitInsn(IAND); break;
                    case 1: e.iconst(-1); mv.visitInsn(IXOR); mv.visitInsn(IAND); break;
                    case 2: mv.visitInsn(IOR); break;
                    case 3: e.iconst(-1); mv.visitInsn(IXOR); mv.visitInsn(IOR); break;
                    default: mv.visitInsn(IXOR); break;
                }
            }
            if (kind < 7) {
                if (flags) mv.visitInsn(DUP);
                if (kind == 5) e.setRegSp(in.rd); else e.setReg(in.rd);
            }
            if (flags) {
                e.setNZ(n);
                if ((need & IrNode.C) != 0) {
                    if (s && form == 0 && in.immCarry >= 0) { e.iconst(in.immCarry); e.setC(); }
                    else if (shC) { mv.visitVarInsn(ILOAD, T1); e.setC(); }
                }
            }
            return;
        }
        if (op <= DataProcessing.CMN_S) {
            int form = (op - DataProcessing.ADD_I) % 3, kind = (op - DataProcessing.ADD_I) / 3;
            boolean flags = s || kind >= 5;
            // x -> T0, y -> T1, carry in -> T3 (or constant), result -> T2
            // operand 2
            if (form == 0) e.iconst(in.imm);
            else if (form == 1) e.reg(n, in.rm);
            else { e.reg(n, in.rm); e.shiftImm(in.shiftType, in.shiftN); }
            boolean invB = kind == 2 || kind == 3 || kind == 5;
            if (invB) { e.iconst(-1); mv.visitInsn(IXOR); }
            mv.visitVarInsn(ISTORE, T1);
            e.reg(n, in.rn);
            if (kind == 4) { e.iconst(-1); mv.visitInsn(IXOR); }
            mv.visitVarInsn(ISTORE, T0);
            // carry in
            int ci; // -1: C local
            switch (kind) {
                case 1: case 3: ci = -1; break;
                case 2: case 4: case 5: ci = 1; break;
                default: ci = 0;
            }
            mv.visitVarInsn(ILOAD, T0); mv.visitVarInsn(ILOAD, T1); mv.visitInsn(IADD);
            if (ci == 1) { e.iconst(1); mv.visitInsn(IADD); }
            else if (ci == -1) { e.pushC(); mv.visitInsn(IADD); }
            if (flags) { mv.visitInsn(DUP); mv.visitVarInsn(ISTORE, T2); }
            if (kind < 5) {
                if (kind == 0 || kind == 2) e.setRegSp(in.rd); else e.setReg(in.rd);
            } else mv.visitInsn(POP);
            if (flags) {
                e.setCV(need, T0, T1, T2);
                mv.visitVarInsn(ILOAD, T2);
                e.setNZ(n);
            }
            return;
        }
        switch (op) {
            case DataProcessing.SHIFT_REG: {
                boolean fl = s;
                e.reg(n, in.rm); e.iconst(0xFF); mv.visitInsn(IAND); mv.visitVarInsn(ISTORE, T1);
                e.reg(n, in.rn); mv.visitVarInsn(ISTORE, T0);
                mv.visitVarInsn(ILOAD, T0); e.iconst(in.shiftType); mv.visitVarInsn(ILOAD, T1); e.pushC();
                mv.visitMethodInsn(INVOKESTATIC, ALU, "shift", "(IIIZ)I", false);
                mv.visitVarInsn(ISTORE, T2);
                if (fl && (need & IrNode.C) != 0) {
                    mv.visitVarInsn(ILOAD, T0); e.iconst(in.shiftType); mv.visitVarInsn(ILOAD, T1); e.pushC();
                    mv.visitMethodInsn(INVOKESTATIC, ALU, "shiftCarry", "(IIIZ)Z", false);
                    e.setC();
                }
                mv.visitVarInsn(ILOAD, T2); e.setReg(in.rd);
                if (fl) { mv.visitVarInsn(ILOAD, T2); e.setNZ(n); }
                return;
            }
            case DataProcessing.ADR: e.iconst(((n.pc + 4) & ~3) + in.imm); e.setReg(in.rd); return;
            case DataProcessing.MOVT: e.reg(n, in.rd); e.iconst(0xFFFF); mv.visitInsn(IAND); e.iconst(in.imm << 16); mv.visitInsn(IOR); e.setReg(in.rd); return;
            case DataProcessing.BFI:
                e.reg(n, in.rd); e.reg(n, in.rn); e.iconst(in.shiftN); e.iconst(in.imm);
                mv.visitMethodInsn(INVOKESTATIC, ALU, "bfi", "(IIII)I", false); e.setReg(in.rd); return;
            case DataProcessing.BFC: e.reg(n, in.rd); e.iconst(~in.imm); mv.visitInsn(IAND); e.setReg(in.rd); return;
            case DataProcessing.UBFX: case DataProcessing.SBFX:
                e.reg(n, in.rn); e.iconst(in.shiftN); e.iconst(in.imm);
                mv.visitMethodInsn(INVOKESTATIC, ALU, op == DataProcessing.UBFX ? "ubfx" : "sbfx", "(III)I", false); e.setReg(in.rd); return;
            case DataProcessing.SXTB: case DataProcessing.SXTH: case DataProcessing.UXTB: case DataProcessing.UXTH:
                e.reg(n, in.rm); e.iconst(in.shiftN);
                mv.visitMethodInsn(INVOKESTATIC, ALU, EXT[op - DataProcessing.SXTB], "(II)I", false); e.setReg(in.rd); return;
            case DataProcessing.SXTAB: case DataProcessing.SXTAH: case DataProcessing.UXTAB: case DataProcessing.UXTAH:
                e.reg(n, in.rn); e.reg(n, in.rm); e.iconst(in.shiftN);
                mv.visitMethodInsn(INVOKESTATIC, ALU, EXT[op - DataProcessing.SXTAB], "(II)I", false);
                mv.visitInsn(IADD); e.setReg(in.rd); return;
            case DataProcessing.CLZ: case DataProcessing.RBIT: case DataProcessing.REV: case DataProcessing.REV16: case DataProcessing.REVSH:
                e.reg(n, in.rm);
                mv.visitMethodInsn(INVOKESTATIC, ALU, UNARY[op - DataProcessing.CLZ], "(I)I", false); e.setReg(in.rd); return;
            default:
                throw new IllegalStateException("not inline: " + in);
        }
    }

    private static final String[] EXT = {"sxtb", "sxth", "uxtb", "uxth"};
    private static final String[] UNARY = {"clz", "rbit", "rev", "rev16", "revsh"};

    void mul(IrNode n) {
        Insn in = n.in;
        switch (in.op) {
            case MultiplyDsp.SDIV: case MultiplyDsp.UDIV: {
                // as MultiplyDsp.sdiv/udiv (the JVM's IDIV also gives 0x80000000 / -1 = 0x80000000);
                // x / 0 goes to the executor: 0, or the DIVBYZERO UsageFault when CCR.DIV_0_TRP is set
                Label zero = new Label(), done = new Label();
                e.reg(n, in.rm); mv.visitJumpInsn(IFEQ, zero);
                e.reg(n, in.rn); e.reg(n, in.rm);
                if (in.op == MultiplyDsp.SDIV) mv.visitInsn(IDIV);
                else mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "divideUnsigned", "(II)I", false);
                e.setReg(in.rd);
                e.executorSlowPath(n, zero, done);
                return;
            }
            case MultiplyDsp.MUL: {
                boolean s = in.setFlags == 1 || (in.setFlags == 2 && n.it == 0);
                e.reg(n, in.rn); e.reg(n, in.rm); mv.visitInsn(IMUL);
                if (s) mv.visitInsn(DUP);
                e.setReg(in.rd);
                if (s) e.setNZ(n);
                return;
            }
            case MultiplyDsp.SMULXY: e.reg(n, in.rn); e.reg(n, in.rm); e.iconst(in.shiftN); e.iconst(in.imm); dsp("smulxy", "(IIII)I"); e.setReg(in.rd); return;
            case MultiplyDsp.SMLAXY:
                mv.visitVarInsn(ALOAD, L_CPU); e.reg(n, in.rn); e.reg(n, in.rm); e.reg(n, in.ra); e.iconst(in.shiftN); e.iconst(in.imm);
                dsp("smlaxy", "(L" + CPU + ";IIIII)I"); e.setReg(in.rd); return;
            case MultiplyDsp.SMULWY: e.reg(n, in.rn); e.reg(n, in.rm); e.iconst(in.imm); dsp("smulwy", "(III)I"); e.setReg(in.rd); return;
            case MultiplyDsp.SMLAWY:
                mv.visitVarInsn(ALOAD, L_CPU); e.reg(n, in.rn); e.reg(n, in.rm); e.reg(n, in.ra); e.iconst(in.imm);
                dsp("smlawy", "(L" + CPU + ";IIII)I"); e.setReg(in.rd); return;
            case MultiplyDsp.SMUAD: mv.visitVarInsn(ALOAD, L_CPU); e.reg(n, in.rn); e.reg(n, in.rm); e.iconst(in.imm); dsp("smuad", "(L" + CPU + ";III)I"); e.setReg(in.rd); return;
            case MultiplyDsp.SMUSD: e.reg(n, in.rn); e.reg(n, in.rm); e.iconst(in.imm); dsp("smusd", "(III)I"); e.setReg(in.rd); return;
            case MultiplyDsp.SMLAD: case MultiplyDsp.SMLSD:
                mv.visitVarInsn(ALOAD, L_CPU); e.reg(n, in.rn); e.reg(n, in.rm); e.reg(n, in.ra); e.iconst(in.imm);
                dsp(in.op == MultiplyDsp.SMLAD ? "smlad" : "smlsd", "(L" + CPU + ";IIII)I"); e.setReg(in.rd); return;
            case MultiplyDsp.MLA: e.reg(n, in.rn); e.reg(n, in.rm); mv.visitInsn(IMUL); e.reg(n, in.ra); mv.visitInsn(IADD); e.setReg(in.rd); return;
            case MultiplyDsp.MLS: e.reg(n, in.ra); e.reg(n, in.rn); e.reg(n, in.rm); mv.visitInsn(IMUL); mv.visitInsn(ISUB); e.setReg(in.rd); return;
            default: {
                // long multiplies: ra = RdLo, rd = RdHi
                boolean signed = in.op == MultiplyDsp.SMULL || in.op == MultiplyDsp.SMLAL;
                boolean acc = in.op == MultiplyDsp.SMLAL || in.op == MultiplyDsp.UMLAL;
                if (signed) {
                    e.reg(n, in.rn); mv.visitInsn(I2L); e.reg(n, in.rm); mv.visitInsn(I2L); mv.visitInsn(LMUL);
                } else {
                    e.reg(n, in.rn); e.reg(n, in.rm); mv.visitMethodInsn(INVOKESTATIC, RT, "umull", "(II)J", false);
                }
                if (acc) {
                    e.reg(n, in.rd); mv.visitInsn(I2L); e.iconst(32); mv.visitInsn(LSHL);
                    e.reg(n, in.ra); mv.visitInsn(I2L); mv.visitLdcInsn(0xFFFFFFFFL); mv.visitInsn(LAND);
                    mv.visitInsn(LOR); mv.visitInsn(LADD);
                }
                mv.visitVarInsn(LSTORE, TL);
                mv.visitVarInsn(LLOAD, TL); mv.visitInsn(L2I); e.setReg(in.ra);
                mv.visitVarInsn(LLOAD, TL); e.iconst(32); mv.visitInsn(LUSHR); mv.visitInsn(L2I); e.setReg(in.rd);
            }
        }
    }

    private void dsp(String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, "org/tockemu/core/exec/DspMultiply", name, desc, false);
    }
}
