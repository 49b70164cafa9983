package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.mem.LittleEndian;

/**
 * One middle instruction of a {@link Block}, specialized when the block is built: its operands
 * are final fields, a PC value it reads is a constant, and the executing loop makes one virtual
 * call per instruction. Semantics are exactly the executors' with the IT state 0 (the only state
 * blocks run in), so "sets flags" is setFlags != 0.
 *
 * <p>While a block runs, cpu.cycles holds the cycle count at the block's start; an op that may
 * reach a device (the slow path of a memory access) adds its offset {@link #cyc} around the
 * access, so devices see exactly the count step() would have. A fault leaves cpu.cycles for the
 * block loop to fix. {@link #exec} returns true when the block must end after this instruction:
 * a store that took the slow path (it may have written code; devices that need the run loop set
 * cpu.attention themselves).
 */
abstract class BlockOp {
    /** Cycles of the block's instructions before this one. */
    final int cyc;

    BlockOp(int cyc) { this.cyc = cyc; }

    abstract boolean exec(Cpu cpu);

    /**
     * The op for middle instruction in at pc, cyc cycles into its block, executed with IT state it
     * (known when the block is built: blocks start outside IT blocks). Inside an IT block the op
     * checks the condition and advances cpu.itState as step() does.
     */
    static BlockOp of(Insn in, int pc, int cyc, int it) {
        if (in.group == org.tockemu.core.decode.Group.BRANCH && in.op == BranchSystem.IT) return new ItStart(cyc, in.imm);
        BlockOp op = unconditional(in, pc, cyc, in.setFlags == 1 || (in.setFlags == 2 && it == 0));
        if (it == 0) return op;
        return new ItCond(cyc, op, it >>> 4, (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F));
    }

    /** The op for in, s telling whether it sets the flags. */
    private static BlockOp unconditional(Insn in, int pc, int cyc, boolean s) {
        int rd = in.rd, rn = in.rn, rm = in.rm;
        switch (in.fast) {
            case Interpreter.F_MOV_I:
                if (rd == 15) break;
                return s ? new MovIS(cyc, rd, in.imm, in.immCarry) : new SetReg(cyc, rd, rd == 13 ? in.imm & ~3 : in.imm);
            case Interpreter.F_MOV_R:
                if (rd == 15 || rm == 15) break;
                if (s) return new MovRS(cyc, rd, rm);
                return rd == 13 ? new MovRSp(cyc, rm) : new MovR(cyc, rd, rm);
            case Interpreter.F_AND_R: if (rd == 15 || rn == 15 || rm == 15) break; return new AndR(cyc, rd, rn, rm, s);
            case Interpreter.F_EOR_R: if (rd == 15 || rn == 15 || rm == 15) break; return new EorR(cyc, rd, rn, rm, s);
            case Interpreter.F_ORR_R: if (rd == 15 || rn == 15 || rm == 15) break; return new OrrR(cyc, rd, rn, rm, s);
            case Interpreter.F_ADD_I:
                if (rd == 15 || rn == 15) break;
                return s ? new AddIS(cyc, rd, rn, in.imm) : rd == 13 ? new AddISp(cyc, rn, in.imm) : new AddI(cyc, rd, rn, in.imm);
            case Interpreter.F_SUB_I:
                if (rd == 15 || rn == 15) break;
                return s ? new SubIS(cyc, rd, rn, in.imm) : rd == 13 ? new AddISp(cyc, rn, -in.imm) : new AddI(cyc, rd, rn, -in.imm);
            case Interpreter.F_ADD_R:
                if (rd == 15 || rn == 15 || rm == 15) break;
                return s ? new AddRS(cyc, rd, rn, rm) : new AddR(cyc, rd, rn, rm);
            case Interpreter.F_SUB_R:
                if (rd == 15 || rn == 15 || rm == 15) break;
                return s ? new SubRS(cyc, rd, rn, rm) : new SubR(cyc, rd, rn, rm);
            case Interpreter.F_CMP_I: if (rn == 15) break; return new CmpI(cyc, rn, in.imm);
            case Interpreter.F_CMP_R: if (rn == 15 || rm == 15) break; return new CmpR(cyc, rn, rm);
            case Interpreter.F_MUL: if (rd == 15 || rn == 15 || rm == 15) break; return new Mul(cyc, rd, rn, rm, s);
            case Interpreter.F_MLA: if (rd == 15 || rn == 15 || rm == 15 || in.ra == 15) break; return new Mla(cyc, rd, rn, rm, in.ra);

            case Interpreter.F_LDR_I: if (rd == 15 || rn == 15) break; return new LdrI(cyc, rd, rn, in.imm);
            case Interpreter.F_LDRB_I: if (rd == 15 || rn == 15) break; return new LdrbI(cyc, rd, rn, in.imm);
            case Interpreter.F_LDRH_I: if (rd == 15 || rn == 15) break; return new LdrhI(cyc, rd, rn, in.imm);
            case Interpreter.F_LDRSB_I: if (rd == 15 || rn == 15) break; return new LdrsbI(cyc, rd, rn, in.imm);
            case Interpreter.F_LDRSH_I: if (rd == 15 || rn == 15) break; return new LdrshI(cyc, rd, rn, in.imm);
            case Interpreter.F_STR_I: if (rd == 15 || rn == 15) break; return new StrI(cyc, rd, rn, in.imm);
            case Interpreter.F_STRB_I: if (rd == 15 || rn == 15) break; return new StrbI(cyc, rd, rn, in.imm);
            case Interpreter.F_STRH_I: if (rd == 15 || rn == 15) break; return new StrhI(cyc, rd, rn, in.imm);
            case Interpreter.F_LDR_R: if (rd == 15 || rn == 15 || rm == 15) break; return new LdrR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_LDRH_R: if (rd == 15 || rn == 15 || rm == 15) break; return new LdrhR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_LDRSB_R: if (rd == 15 || rn == 15 || rm == 15) break; return new LdrsbR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_LDRSH_R: if (rd == 15 || rn == 15 || rm == 15) break; return new LdrshR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_STRH_R: if (rd == 15 || rn == 15 || rm == 15) break; return new StrhR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_LDRB_R: if (rd == 15 || rn == 15 || rm == 15) break; return new LdrbR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_STR_R: if (rd == 15 || rn == 15 || rm == 15) break; return new StrR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_STRB_R: if (rd == 15 || rn == 15 || rm == 15) break; return new StrbR(cyc, rd, rn, rm, in.shiftN);
            case Interpreter.F_LDR_LIT: if (rd == 15) break; return new LdrAbs(cyc, rd, ((pc + 4) & ~3) + in.imm);

            case Interpreter.F_LD_WB:
                if (rd == 15 || rn == 15) break;
                return new LdWb(cyc, in);
            case Interpreter.F_ST_WB:
                if (rd == 15 || rn == 15) break;
                return new StWb(cyc, in);
            case Interpreter.F_MEMORY:
                if (rd == 15 || rn == 15 || in.ra == 15 || (in.list & 0x8000) != 0) break;
                switch (in.op) {
                    case LoadStoreMultiple.LDM: case LoadStoreMultiple.LDMDB: case LoadStoreMultiple.LDRD: return new LoadMultiple(cyc, in);
                    case LoadStoreMultiple.STM: case LoadStoreMultiple.STMDB: case LoadStoreMultiple.STRD: return new StoreMultiple(cyc, in);
                    default: break;
                }
                break;
            case Interpreter.F_DP_OTHER:
                if (in.op == DataProcessing.ADR && rd != 15) return new SetReg(cyc, rd, ((pc + 4) & ~3) + in.imm);
                if (rd == 15 || rn == 15 || rm == 15) break;
                return new Other(cyc, in);
            case Interpreter.F_LOGICAL: {
                int op = in.op;
                boolean mov = op >= DataProcessing.MOV_I && op <= DataProcessing.MVN_S; // no Rn (encoded as 15)
                if ((!mov && rn == 15) || rm == 15) break;
                int t = in.shiftType, n = in.shiftN;
                if (!s && rd != 15) {
                    switch (op) {
                        case DataProcessing.MOV_S: return rd == 13 ? new Logical(cyc, in) : new ShiftImm(cyc, rd, rm, t, n);
                        case DataProcessing.AND_S: return new AndSh(cyc, rd, rn, rm, t, n);
                        case DataProcessing.BIC_S: return new BicSh(cyc, rd, rn, rm, t, n);
                        case DataProcessing.ORR_S: return new OrrSh(cyc, rd, rn, rm, t, n);
                        case DataProcessing.ORN_S: return new OrnSh(cyc, rd, rn, rm, t, n);
                        case DataProcessing.EOR_S: return new EorSh(cyc, rd, rn, rm, t, n);
                        case DataProcessing.BIC_R: return new BicR(cyc, rd, rn, rm);
                        default: break;
                    }
                }
                if (s && op == DataProcessing.MOV_S && rd != 13 && rd != 15) return new ShiftImmS(cyc, rd, rm, t, n);
                return new Logical(cyc, in);
            }
            case Interpreter.F_MULDSP:
                if (rd == 15 || rn == 15 || rm == 15 || in.ra == 15) break;
                return new MulDsp(cyc, in, pc);
            case Interpreter.F_ARITH:
                if (rn == 15 || rm == 15) break;
                return new Arith(cyc, in);
            default:
                break;
        }
        return new Generic(cyc, in, pc);
    }

    // ------------------------------------------------------------------ memory access helpers

    static int ld32(Cpu cpu, int a, int cyc) {
        if ((a & 3) == 0 && Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) return LittleEndian.get32(cpu.r0Mem, a - cpu.r0Base);
        cpu.cycles += cyc;
        int v = cpu.read32(a);
        cpu.cycles -= cyc;
        return v;
    }

    static int ld16(Cpu cpu, int a, int cyc) {
        if ((a & 1) == 0 && Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) return LittleEndian.get16(cpu.r0Mem, a - cpu.r0Base);
        cpu.cycles += cyc;
        int v = cpu.read16(a);
        cpu.cycles -= cyc;
        return v;
    }

    static int ld8(Cpu cpu, int a, int cyc) {
        if (Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) return cpu.r0Mem[a - cpu.r0Base] & 0xFF;
        cpu.cycles += cyc;
        int v = cpu.read8(a);
        cpu.cycles -= cyc;
        return v;
    }

    /** Stores: false on the fast path, true after the slow path (the block ends). */
    static boolean st32(Cpu cpu, int a, int v, int cyc) {
        if ((a & 3) == 0 && Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0) { LittleEndian.put32(cpu.wMem, a - cpu.wBase, v); return false; }
        cpu.cycles += cyc;
        cpu.write32(a, v);
        cpu.cycles -= cyc;
        return true;
    }

    static boolean st16(Cpu cpu, int a, int v, int cyc) {
        if ((a & 1) == 0 && Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0) { LittleEndian.put16(cpu.wMem, a - cpu.wBase, v); return false; }
        cpu.cycles += cyc;
        cpu.write16(a, v);
        cpu.cycles -= cyc;
        return true;
    }

    static boolean st8(Cpu cpu, int a, int v, int cyc) {
        if (Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0) { cpu.wMem[a - cpu.wBase] = (byte) v; return false; }
        cpu.cycles += cyc;
        cpu.write8(a, v);
        cpu.cycles -= cyc;
        return true;
    }

    /** True when every word of [a, a + bytes) goes through the fast write window. */
    static boolean fastStores(Cpu cpu, int a, int bytes) {
        return (a & 3) == 0 && Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0
                && Integer.compareUnsigned(a + bytes - 4 - cpu.wStart, cpu.wLen) < 0;
    }

    // ------------------------------------------------------------------ data processing

    /** Rd = constant (MOV imm without flags, ADR). */
    static final class SetReg extends BlockOp {
        final int rd, v;
        SetReg(int cyc, int rd, int v) { super(cyc); this.rd = rd; this.v = v; }
        @Override boolean exec(Cpu cpu) { cpu.r[rd] = v; return false; }
    }

    static final class MovIS extends BlockOp {
        final int rd, v, carry;
        MovIS(int cyc, int rd, int v, int carry) { super(cyc); this.rd = rd; this.v = v; this.carry = carry; }
        @Override boolean exec(Cpu cpu) {
            DataProcessing.immCarryToC(cpu, carry);
            DataProcessing.writeReg(cpu.r, rd, v);
            Alu.nz(cpu, v);
            return false;
        }
    }

    static final class MovR extends BlockOp {
        final int rd, rm;
        MovR(int cyc, int rd, int rm) { super(cyc); this.rd = rd; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rm]; return false; }
    }

    static final class MovRSp extends BlockOp {
        final int rm;
        MovRSp(int cyc, int rm) { super(cyc); this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[13] = r[rm] & ~3; return false; }
    }

    static final class MovRS extends BlockOp {
        final int rd, rm;
        MovRS(int cyc, int rd, int rm) { super(cyc); this.rd = rd; this.rm = rm; }
        @Override boolean exec(Cpu cpu) {
            int[] r = cpu.r;
            int v = r[rm];
            DataProcessing.writeReg(r, rd, v);
            Alu.nz(cpu, v);
            return false;
        }
    }

    static final class AndR extends BlockOp {
        final int rd, rn, rm; final boolean s;
        AndR(int cyc, int rd, int rn, int rm, boolean s) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.s = s; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; int v = r[rn] & r[rm]; r[rd] = v; if (s) Alu.nz(cpu, v); return false; }
    }

    static final class EorR extends BlockOp {
        final int rd, rn, rm; final boolean s;
        EorR(int cyc, int rd, int rn, int rm, boolean s) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.s = s; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; int v = r[rn] ^ r[rm]; r[rd] = v; if (s) Alu.nz(cpu, v); return false; }
    }

    static final class OrrR extends BlockOp {
        final int rd, rn, rm; final boolean s;
        OrrR(int cyc, int rd, int rn, int rm, boolean s) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.s = s; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; int v = r[rn] | r[rm]; r[rd] = v; if (s) Alu.nz(cpu, v); return false; }
    }

    /** ADD/SUB immediate without flags (SUB as ADD of the negated immediate: the same result bits). */
    static final class AddI extends BlockOp {
        final int rd, rn, imm;
        AddI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] + imm; return false; }
    }

    static final class AddISp extends BlockOp {
        final int rn, imm;
        AddISp(int cyc, int rn, int imm) { super(cyc); this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[13] = (r[rn] + imm) & ~3; return false; }
    }

    static final class AddIS extends BlockOp {
        final int rd, rn, imm;
        AddIS(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) {
            int[] r = cpu.r;
            DataProcessing.writeReg(r, rd, Alu.addWithCarry(cpu, r[rn], imm, false, true));
            return false;
        }
    }

    static final class SubIS extends BlockOp {
        final int rd, rn, imm;
        SubIS(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) {
            int[] r = cpu.r;
            DataProcessing.writeReg(r, rd, Alu.addWithCarry(cpu, r[rn], ~imm, true, true));
            return false;
        }
    }

    static final class AddR extends BlockOp {
        final int rd, rn, rm;
        AddR(int cyc, int rd, int rn, int rm) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; DataProcessing.writeReg(r, rd, r[rn] + r[rm]); return false; }
    }

    static final class AddRS extends BlockOp {
        final int rd, rn, rm;
        AddRS(int cyc, int rd, int rn, int rm) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; DataProcessing.writeReg(r, rd, Alu.addWithCarry(cpu, r[rn], r[rm], false, true)); return false; }
    }

    static final class SubR extends BlockOp {
        final int rd, rn, rm;
        SubR(int cyc, int rd, int rn, int rm) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; DataProcessing.writeReg(r, rd, r[rn] - r[rm]); return false; }
    }

    static final class SubRS extends BlockOp {
        final int rd, rn, rm;
        SubRS(int cyc, int rd, int rn, int rm) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; DataProcessing.writeReg(r, rd, Alu.addWithCarry(cpu, r[rn], ~r[rm], true, true)); return false; }
    }

    static final class CmpI extends BlockOp {
        final int rn, imm;
        CmpI(int cyc, int rn, int imm) { super(cyc); this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { Alu.addWithCarry(cpu, cpu.r[rn], ~imm, true, true); return false; }
    }

    static final class CmpR extends BlockOp {
        final int rn, rm;
        CmpR(int cyc, int rn, int rm) { super(cyc); this.rn = rn; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; Alu.addWithCarry(cpu, r[rn], ~r[rm], true, true); return false; }
    }

    static final class Mul extends BlockOp {
        final int rd, rn, rm; final boolean s;
        Mul(int cyc, int rd, int rn, int rm, boolean s) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.s = s; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; int v = r[rn] * r[rm]; r[rd] = v; if (s) Alu.nz(cpu, v); return false; }
    }

    static final class Mla extends BlockOp {
        final int rd, rn, rm, ra;
        Mla(int cyc, int rd, int rn, int rm, int ra) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.ra = ra; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] * r[rm] + r[ra]; return false; }
    }

    /** MOV with an immediate shift (LSL/LSR/ASR/ROR/RRX #n), no flags. */
    static final class ShiftImm extends BlockOp {
        final int rd, rm, t, n;
        ShiftImm(int cyc, int rd, int rm, int t, int n) { super(cyc); this.rd = rd; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = Alu.shift(r[rm], t, n, cpu.c); return false; }
    }

    static final class ShiftImmS extends BlockOp {
        final int rd, rm, t, n;
        ShiftImmS(int cyc, int rd, int rm, int t, int n) { super(cyc); this.rd = rd; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; int v = Alu.shiftC(cpu, r[rm], t, n, true); r[rd] = v; Alu.nz(cpu, v); return false; }
    }

    /** AND/BIC/ORR/ORN/EOR with a shifted register, no flags. */
    static final class AndSh extends BlockOp {
        final int rd, rn, rm, t, n;
        AndSh(int cyc, int rd, int rn, int rm, int t, int n) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] & Alu.shift(r[rm], t, n, cpu.c); return false; }
    }

    static final class BicSh extends BlockOp {
        final int rd, rn, rm, t, n;
        BicSh(int cyc, int rd, int rn, int rm, int t, int n) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] & ~Alu.shift(r[rm], t, n, cpu.c); return false; }
    }

    static final class OrrSh extends BlockOp {
        final int rd, rn, rm, t, n;
        OrrSh(int cyc, int rd, int rn, int rm, int t, int n) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] | Alu.shift(r[rm], t, n, cpu.c); return false; }
    }

    static final class OrnSh extends BlockOp {
        final int rd, rn, rm, t, n;
        OrnSh(int cyc, int rd, int rn, int rm, int t, int n) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] | ~Alu.shift(r[rm], t, n, cpu.c); return false; }
    }

    static final class EorSh extends BlockOp {
        final int rd, rn, rm, t, n;
        EorSh(int cyc, int rd, int rn, int rm, int t, int n) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.t = t; this.n = n; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] ^ Alu.shift(r[rm], t, n, cpu.c); return false; }
    }

    static final class BicR extends BlockOp {
        final int rd, rn, rm;
        BicR(int cyc, int rd, int rn, int rm) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = r[rn] & ~r[rm]; return false; }
    }

    /** Multiply and DSP forms through their executor (no PC operand, no memory). */
    static final class MulDsp extends BlockOp {
        final Insn in;
        final int pc;
        MulDsp(int cyc, Insn in, int pc) { super(cyc); this.in = in; this.pc = pc; }
        @Override boolean exec(Cpu cpu) { cpu.r[15] = pc + 4; MultiplyDsp.execute(cpu, in); return false; }
    }

    /** IT: opens the IT block (the ops after it are ItCond). */
    static final class ItStart extends BlockOp {
        final int it;
        ItStart(int cyc, int it) { super(cyc); this.it = it; }
        @Override boolean exec(Cpu cpu) { cpu.itState = it; return false; }
    }

    /** An instruction inside an IT block: as step(), executed when the condition passes, then ITAdvance. */
    static final class ItCond extends BlockOp {
        final BlockOp op;
        final int cond, next;
        ItCond(int cyc, BlockOp op, int cond, int next) { super(cyc); this.op = op; this.cond = cond; this.next = next; }
        @Override boolean exec(Cpu cpu) {
            boolean end = cpu.conditionPassed(cond) && op.exec(cpu);
            cpu.itState = next;
            return end;
        }
    }

    /** The other ALU forms through their executors (no PC operand). */
    static final class Logical extends BlockOp {
        final Insn in;
        Logical(int cyc, Insn in) { super(cyc); this.in = in; }
        @Override boolean exec(Cpu cpu) { DataProcessing.logical(cpu, in, in.op); return false; }
    }

    static final class Arith extends BlockOp {
        final Insn in;
        Arith(int cyc, Insn in) { super(cyc); this.in = in; }
        @Override boolean exec(Cpu cpu) { DataProcessing.arithmetic(cpu, in, in.op); return false; }
    }

    static final class Other extends BlockOp {
        final Insn in;
        Other(int cyc, Insn in) { super(cyc); this.in = in; }
        @Override boolean exec(Cpu cpu) { DataProcessing.other(cpu, in, in.op); return false; }
    }

    // ------------------------------------------------------------------ loads and stores

    static final class LdrI extends BlockOp {
        final int rd, rn, imm;
        LdrI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = ld32(cpu, r[rn] + imm, cyc); return false; }
    }

    static final class LdrbI extends BlockOp {
        final int rd, rn, imm;
        LdrbI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = ld8(cpu, r[rn] + imm, cyc); return false; }
    }

    static final class LdrhI extends BlockOp {
        final int rd, rn, imm;
        LdrhI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = ld16(cpu, r[rn] + imm, cyc); return false; }
    }

    static final class LdrsbI extends BlockOp {
        final int rd, rn, imm;
        LdrsbI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = (byte) ld8(cpu, r[rn] + imm, cyc); return false; }
    }

    static final class LdrshI extends BlockOp {
        final int rd, rn, imm;
        LdrshI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = (short) ld16(cpu, r[rn] + imm, cyc); return false; }
    }

    static final class StrI extends BlockOp {
        final int rd, rn, imm;
        StrI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; return st32(cpu, r[rn] + imm, r[rd], cyc); }
    }

    static final class StrbI extends BlockOp {
        final int rd, rn, imm;
        StrbI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; return st8(cpu, r[rn] + imm, r[rd], cyc); }
    }

    static final class StrhI extends BlockOp {
        final int rd, rn, imm;
        StrhI(int cyc, int rd, int rn, int imm) { super(cyc); this.rd = rd; this.rn = rn; this.imm = imm; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; return st16(cpu, r[rn] + imm, r[rd], cyc); }
    }

    static final class LdrR extends BlockOp {
        final int rd, rn, rm, sh;
        LdrR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = ld32(cpu, r[rn] + (r[rm] << sh), cyc); return false; }
    }

    static final class LdrbR extends BlockOp {
        final int rd, rn, rm, sh;
        LdrbR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = ld8(cpu, r[rn] + (r[rm] << sh), cyc); return false; }
    }

    static final class LdrhR extends BlockOp {
        final int rd, rn, rm, sh;
        LdrhR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = ld16(cpu, r[rn] + (r[rm] << sh), cyc); return false; }
    }

    static final class LdrsbR extends BlockOp {
        final int rd, rn, rm, sh;
        LdrsbR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = (byte) ld8(cpu, r[rn] + (r[rm] << sh), cyc); return false; }
    }

    static final class LdrshR extends BlockOp {
        final int rd, rn, rm, sh;
        LdrshR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; r[rd] = (short) ld16(cpu, r[rn] + (r[rm] << sh), cyc); return false; }
    }

    static final class StrhR extends BlockOp {
        final int rd, rn, rm, sh;
        StrhR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; return st16(cpu, r[rn] + (r[rm] << sh), r[rd], cyc); }
    }

    static final class StrR extends BlockOp {
        final int rd, rn, rm, sh;
        StrR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; return st32(cpu, r[rn] + (r[rm] << sh), r[rd], cyc); }
    }

    static final class StrbR extends BlockOp {
        final int rd, rn, rm, sh;
        StrbR(int cyc, int rd, int rn, int rm, int sh) { super(cyc); this.rd = rd; this.rn = rn; this.rm = rm; this.sh = sh; }
        @Override boolean exec(Cpu cpu) { int[] r = cpu.r; return st8(cpu, r[rn] + (r[rm] << sh), r[rd], cyc); }
    }

    static final class LdWb extends BlockOp {
        final int rd, rn, imm, kind; final boolean index;
        LdWb(int cyc, Insn in) {
            super(cyc); rd = in.rd; rn = in.rn; imm = in.imm; kind = in.op - LoadStore.LD_WB; index = (in.flags & Insn.INDEX) != 0;
        }
        @Override boolean exec(Cpu cpu) {
            int[] r = cpu.r;
            int base = r[rn];
            int a = index ? base + imm : base;
            if (kind == LoadStore.W && (a & 3) == 0 && Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) {
                int v = LittleEndian.get32(cpu.r0Mem, a - cpu.r0Base);
                r[rn] = rn == 13 ? (base + imm) & ~3 : base + imm;
                r[rd] = v;
                return false;
            }
            cpu.cycles += cyc;
            LoadStore.loadWriteback(cpu, rd, rn, imm, index, kind);
            cpu.cycles -= cyc;
            return false;
        }
    }

    static final class StWb extends BlockOp {
        final int rd, rn, imm, kind; final boolean index;
        StWb(int cyc, Insn in) {
            super(cyc); rd = in.rd; rn = in.rn; imm = in.imm; kind = in.op - LoadStore.ST_WB; index = (in.flags & Insn.INDEX) != 0;
        }
        @Override boolean exec(Cpu cpu) {
            int[] r = cpu.r;
            int base = r[rn];
            int a = index ? base + imm : base;
            boolean slow;
            switch (kind) {
                case LoadStore.W: slow = st32(cpu, a, r[rd], cyc); break;
                case LoadStore.B: slow = st8(cpu, a, r[rd], cyc); break;
                default: slow = st16(cpu, a, r[rd], cyc); break;
            }
            r[rn] = rn == 13 ? (base + imm) & ~3 : base + imm;
            return slow;
        }
    }

    /** LDM/LDMDB without the PC, LDRD. */
    static final class LoadMultiple extends BlockOp {
        final Insn in;
        LoadMultiple(int cyc, Insn in) { super(cyc); this.in = in; }
        @Override boolean exec(Cpu cpu) {
            cpu.cycles += cyc;
            LoadStoreMultiple.execute(cpu, in);
            cpu.cycles -= cyc;
            return false;
        }
    }

    /** STM/STMDB (PUSH), STRD: the block ends unless every word went through the fast write window. */
    static final class StoreMultiple extends BlockOp {
        final Insn in;
        final int bytes;
        StoreMultiple(int cyc, Insn in) {
            super(cyc);
            this.in = in;
            this.bytes = in.op == LoadStoreMultiple.STRD ? 8 : 4 * Integer.bitCount(in.list);
        }
        @Override boolean exec(Cpu cpu) {
            int base = cpu.r[in.rn];
            int a;
            switch (in.op) {
                case LoadStoreMultiple.STM: a = base; break;
                case LoadStoreMultiple.STMDB: a = base - bytes; break;
                default: a = (in.flags & Insn.INDEX) != 0 ? base + in.imm : base; break;
            }
            boolean fast = fastStores(cpu, a, bytes);
            cpu.cycles += cyc;
            LoadStoreMultiple.execute(cpu, in);
            cpu.cycles -= cyc;
            return !fast;
        }
    }

    /** LDR from a constant address (the literal form: Align(PC, 4) + imm). */
    static final class LdrAbs extends BlockOp {
        final int rd, addr;
        LdrAbs(int cyc, int rd, int addr) { super(cyc); this.rd = rd; this.addr = addr; }
        @Override boolean exec(Cpu cpu) { cpu.r[rd] = ld32(cpu, addr, cyc); return false; }
    }

    /**
     * Any other middle instruction: executed by Interpreter.dispatch exactly as step() would (R15 =
     * PC + 4, cycles current during it); a store form ends the block.
     */
    static final class Generic extends BlockOp {
        final Insn in;
        final int pc;
        final boolean store;
        Generic(int cyc, Insn in, int pc) {
            super(cyc);
            this.in = in;
            this.pc = pc;
            this.store = !Interpreter.isMiddle(in, true); // the middle instructions that are stores
        }
        @Override boolean exec(Cpu cpu) {
            cpu.r[15] = pc + 4;
            cpu.cycles += cyc;
            Interpreter.dispatch(cpu, in);
            cpu.cycles -= cyc;
            return store;
        }
    }
}
