package org.tockemu.core.exec;

import org.tockemu.core.cpu.Access;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.decode.Insn;

/**
 * Single-register loads and stores (ARM ARM A5.2.4, A5.2.5, A5.3.7-A5.3.10) and the memory hints;
 * multi-register transfers, dual, exclusive and table-branch forms are in {@link LoadStoreMultiple}.
 *
 * <p>Operand fields ({@link Insn}): rd = Rt, rn = Rn (15 for the literal forms, whose base is
 * Align(PC, 4)), rm/shiftN = Rm and its LSL amount for the register-offset forms, imm = the
 * offset already negated when U == 0. flags: {@link Insn#INDEX} (offset or pre-indexed address),
 * {@link Insn#WBACK}, {@link Insn#ADD} (U), {@link #REG} (register offset).
 *
 * <p>Ops are numbered as form + kind, kind being {@link #W}, {@link #B}, {@link #H}, {@link #SB},
 * {@link #SH} (stores: W, B, H only). Every form accesses memory before it writes any register,
 * so a fault leaves the architectural state untouched. Word and halfword accesses may be
 * unaligned (MemU); Cpu faults them only when CCR.UNALIGN_TRP is set.
 */
public final class LoadStore {
    /** Kinds: word, byte, halfword, signed byte, signed halfword. */
    public static final int W = 0, B = 1, H = 2, SB = 3, SH = 4;

    /** Rt = [Rn + imm] (offset addressing, no writeback). */
    public static final int LD_IMM = 1;
    /** [Rn + imm] = Rt. */
    public static final int ST_IMM = 6;
    /** Rt = [Rn + (Rm LSL shiftN)]. */
    public static final int LD_REG = 9;
    /** [Rn + (Rm LSL shiftN)] = Rt. */
    public static final int ST_REG = 14;
    /** Rt = [Align(PC, 4) + imm]. */
    public static final int LD_LIT = 17;
    /** Pre/post-indexed load with writeback: address = INDEX ? Rn + imm : Rn; Rn = Rn + imm. */
    public static final int LD_WB = 22;
    /** Pre/post-indexed store with writeback. */
    public static final int ST_WB = 27;
    /** LDRT/LDRBT/LDRHT/LDRSBT/LDRSHT: [Rn + imm] checked as unprivileged. */
    public static final int LD_T = 30;
    /** STRT/STRBT/STRHT. */
    public static final int ST_T = 35;
    /** LDR with Rt = PC, any addressing form (see class comment): LoadWritePC, word aligned. */
    public static final int LDR_PC = 38;
    /** PLD, PLI and the unallocated memory hints: no effect, no fault. */
    public static final int HINT = 39;
    /** LDR with Rt = SP, any addressing form: SP[1:0] are RAZ/WI on M profile (as QEMU), so the value is masked. */
    public static final int LDR_SP = 40;
    /** First op handled by {@link LoadStoreMultiple}. */
    public static final int FIRST_MULTIPLE = 41;

    /** Flag: the offset is a register (rm, shiftN) rather than imm. */
    public static final int REG = 8;

    private LoadStore() {}

    public static void execute(Cpu cpu, Insn in) {
        int op = in.op;
        if (op >= FIRST_MULTIPLE) { LoadStoreMultiple.execute(cpu, in); return; }
        int[] r = cpu.r;
        switch (op) {
            case LD_IMM + W: r[in.rd] = cpu.read32(r[in.rn] + in.imm); break;
            case LD_IMM + B: r[in.rd] = cpu.read8(r[in.rn] + in.imm); break;
            case LD_IMM + H: r[in.rd] = cpu.read16(r[in.rn] + in.imm); break;
            case LD_IMM + SB: r[in.rd] = (byte) cpu.read8(r[in.rn] + in.imm); break;
            case LD_IMM + SH: r[in.rd] = (short) cpu.read16(r[in.rn] + in.imm); break;
            case ST_IMM + W: cpu.write32(r[in.rn] + in.imm, r[in.rd]); break;
            case ST_IMM + B: cpu.write8(r[in.rn] + in.imm, r[in.rd]); break;
            case ST_IMM + H: cpu.write16(r[in.rn] + in.imm, r[in.rd]); break;
            case LD_REG + W: r[in.rd] = cpu.read32(r[in.rn] + (r[in.rm] << in.shiftN)); break;
            case LD_REG + B: r[in.rd] = cpu.read8(r[in.rn] + (r[in.rm] << in.shiftN)); break;
            case LD_REG + H: r[in.rd] = cpu.read16(r[in.rn] + (r[in.rm] << in.shiftN)); break;
            case LD_REG + SB: r[in.rd] = (byte) cpu.read8(r[in.rn] + (r[in.rm] << in.shiftN)); break;
            case LD_REG + SH: r[in.rd] = (short) cpu.read16(r[in.rn] + (r[in.rm] << in.shiftN)); break;
            case ST_REG + W: cpu.write32(r[in.rn] + (r[in.rm] << in.shiftN), r[in.rd]); break;
            case ST_REG + B: cpu.write8(r[in.rn] + (r[in.rm] << in.shiftN), r[in.rd]); break;
            case ST_REG + H: cpu.write16(r[in.rn] + (r[in.rm] << in.shiftN), r[in.rd]); break;
            case LD_LIT + W: r[in.rd] = cpu.read32((r[15] & ~3) + in.imm); break;
            case LD_LIT + B: case LD_LIT + H: case LD_LIT + SB: case LD_LIT + SH:
                r[in.rd] = load(cpu, (r[15] & ~3) + in.imm, op - LD_LIT);
                break;
            case LD_WB + W: case LD_WB + B: case LD_WB + H: case LD_WB + SB: case LD_WB + SH:
                loadWriteback(cpu, in.rd, in.rn, in.imm, (in.flags & Insn.INDEX) != 0, op - LD_WB);
                break;
            case ST_WB + W: case ST_WB + B: case ST_WB + H:
                storeWriteback(cpu, in.rd, in.rn, in.imm, (in.flags & Insn.INDEX) != 0, op - ST_WB);
                break;
            case LD_T + W: case LD_T + B: case LD_T + H: case LD_T + SB: case LD_T + SH:
                r[in.rd] = loadUnprivileged(cpu, r[in.rn] + in.imm, op - LD_T);
                break;
            case ST_T + W: case ST_T + B: case ST_T + H:
                storeUnprivileged(cpu, r[in.rn] + in.imm, op - ST_T, r[in.rd]);
                break;
            case LDR_PC: cpu.bxWritePC(loadGeneric(cpu, in, Access.ALIGNED)); break;
            case LDR_SP: r[13] = loadGeneric(cpu, in, 0) & ~3; break;
            case HINT: break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }

    /** MemU load of one kind, zero- or sign-extended. */
    public static int load(Cpu cpu, int addr, int kind) {
        switch (kind) {
            case W: return cpu.read32(addr);
            case B: return cpu.read8(addr);
            case H: return cpu.read16(addr);
            case SB: return (byte) cpu.read8(addr);
            default: return (short) cpu.read16(addr);
        }
    }

    /** MemU_unpriv load of one kind (the T forms). */
    public static int loadUnprivileged(Cpu cpu, int addr, int kind) {
        switch (kind) {
            case W: return cpu.read(addr, 4, Access.UNPRIV);
            case B: return cpu.read(addr, 1, Access.UNPRIV) & 0xFF;
            case H: return cpu.read(addr, 2, Access.UNPRIV) & 0xFFFF;
            case SB: return (byte) cpu.read(addr, 1, Access.UNPRIV);
            default: return (short) cpu.read(addr, 2, Access.UNPRIV);
        }
    }

    /** MemU store of kind W, B or H. */
    public static void store(Cpu cpu, int addr, int kind, int value) {
        switch (kind) {
            case W: cpu.write32(addr, value); break;
            case B: cpu.write8(addr, value); break;
            default: cpu.write16(addr, value); break;
        }
    }

    /** MemU_unpriv store of kind W, B or H (the T forms). */
    public static void storeUnprivileged(Cpu cpu, int addr, int kind, int value) {
        cpu.write(addr, kind == W ? 4 : kind, value, Access.UNPRIV);
    }

    /** Pre-indexed (index) or post-indexed load with writeback; the decoder rejects rt == rn. */
    public static void loadWriteback(Cpu cpu, int rt, int rn, int imm, boolean index, int kind) {
        int[] r = cpu.r;
        int base = r[rn];
        int offsetAddr = base + imm;
        int value = load(cpu, index ? offsetAddr : base, kind);
        r[rn] = rn == 13 ? offsetAddr & ~3 : offsetAddr;
        r[rt] = value;
    }

    /** Pre-indexed (index) or post-indexed store with writeback. */
    public static void storeWriteback(Cpu cpu, int rt, int rn, int imm, boolean index, int kind) {
        int[] r = cpu.r;
        int base = r[rn];
        int offsetAddr = base + imm;
        store(cpu, index ? offsetAddr : base, kind, r[rt]);
        r[rn] = rn == 13 ? offsetAddr & ~3 : offsetAddr;
    }

    /**
     * LDR in any addressing form (imm, pre/post-indexed, register, literal), for the rare targets
     * PC and SP: loads the word and performs the writeback, returning the value for the caller to
     * commit. LDR PC passes Access.ALIGNED: a load to PC from an address that is not word aligned is
     * UNPREDICTABLE, and we raise the UNALIGNED UsageFault.
     */
    public static int loadGeneric(Cpu cpu, Insn in, int access) {
        int[] r = cpu.r;
        int base = in.rn == 15 ? r[15] & ~3 : r[in.rn];
        int offsetAddr = base + ((in.flags & REG) != 0 ? r[in.rm] << in.shiftN : in.imm);
        int value = cpu.read((in.flags & Insn.INDEX) != 0 ? offsetAddr : base, 4, access);
        if ((in.flags & Insn.WBACK) != 0) r[in.rn] = in.rn == 13 ? offsetAddr & ~3 : offsetAddr;
        return value;
    }
}
