package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.mem.LittleEndian;
import org.tockemu.core.mem.Region;

/**
 * The reference execution engine: fetch from the decoded-instruction cache, execute, count.
 * Between instructions it checks one flag ({@link Cpu#attention}) and one cycle limit; everything
 * else (exceptions, timers, sleep, stop requests) is handled by {@link ExceptionUnit#service}.
 */
public final class Interpreter {
    private Interpreter() {}

    /**
     * Runs until budgetCycles have elapsed or something stops the core; returns a {@link StopReason}.
     */
    public static int run(Cpu cpu, long budgetCycles) {
        return run(cpu, budgetCycles, true);
    }

    /**
     * As {@link #run(Cpu, long)}; blocks false executes one {@link #step} per instruction instead
     * of cached blocks (the reference block mode is checked against).
     */
    public static int run(Cpu cpu, long budgetCycles, boolean blocks) {
        long end = budgetCycles >= Long.MAX_VALUE - cpu.cycles ? Long.MAX_VALUE : cpu.cycles + budgetCycles;
        ExceptionUnit exc = cpu.exceptions;
        for (;;) {
            try {
                long limit = Math.min(end, exc.nextEventCycle());
                for (;;) {
                    if (cpu.attention || cpu.cycles >= limit) {
                        int reason = serviceBoundary(cpu, exc, end);
                        if (reason != 0) return reason;
                        limit = Math.min(end, exc.nextEventCycle());
                        continue;
                    }
                    if (!blocks || cpu.itState != 0 || !tryBlock(cpu, limit)) step(cpu);
                }
            } catch (GuestFault f) {
                exc.takeFault();
            }
        }
    }

    // ---- block mode (see Block): run() executes a cached straight-line block at a time when the
    // IT state is 0, the block lies in the execute window and its cycles cannot reach the limit
    // before its last instruction; otherwise it single-steps. Observable state is exactly as
    // with step(): cpu.cycles is current during every instruction (devices read it), cpu.pc,
    // nextPc and the counters are committed at the block's end, at an early exit (attention set,
    // a slow-path store) and before a fault propagates.

    /** Runs blocks from cpu.pc if possible; false when the caller must step instead. */
    private static boolean tryBlock(Cpu cpu, long limit) {
        int pc = cpu.pc;
        Block b = blockAt(cpu, pc);
        if (b == null || cpu.cycles + b.cyclesBeforeLast >= limit) return false;
        runBlocks(cpu, b, pc, limit);
        return true;
    }

    /** The valid block at pc (IT state 0 assumed), building it when needed; null when pc is outside the execute window. */
    private static Block blockAt(Cpu cpu, int pc) {
        int off = pc - cpu.xStart;
        if (Integer.compareUnsigned(off, cpu.xLen) >= 0) return null;
        Insn first = cpu.xCache[(pc - cpu.xBase) >>> 1];
        Block b;
        if (first == null || (b = first.block) == null || !b.usable(cpu, pc)) return Block.build(cpu, pc);
        return b;
    }

    /** True when in may run in the middle of a block (see Block): it never writes the PC, IT state or mode. */
    static boolean isMiddle(Insn in, boolean ramCode) {
        switch (in.fast) {
            case F_LOGICAL: case F_ARITH:
            case F_MOV_R: case F_AND_R: case F_EOR_R: case F_ORR_R: case F_ADD_I: case F_ADD_R:
            case F_SUB_I: case F_SUB_R: case F_CMP_I: case F_CMP_R: case F_MOV_I:
            case F_LDR_I: case F_LDRB_I: case F_LDRH_I: case F_LDRSB_I: case F_LDRSH_I:
            case F_LDR_R: case F_LDRB_R: case F_LDRH_R: case F_LDRSB_R: case F_LDRSH_R:
            case F_LD_WB: case F_LDR_LIT: case F_MUL: case F_MLA: case F_MULDSP:
                return true;
            case F_STR_I: case F_STRB_I: case F_STRH_I: case F_STR_R: case F_STRB_R: case F_STRH_R: case F_ST_WB:
                return !ramCode;
            case F_DP_OTHER:
                return in.op != DataProcessing.ADD_PC && in.op != DataProcessing.MOV_PC;
            case F_MEMORY:
                switch (in.op) {
                    case LoadStoreMultiple.LDM: case LoadStoreMultiple.LDMDB: return (in.list & 0x8000) == 0;
                    case LoadStoreMultiple.LDRD: return true;
                    case LoadStoreMultiple.STM: case LoadStoreMultiple.STMDB: case LoadStoreMultiple.STRD: return !ramCode;
                    default: return false;
                }
            default:
                return false;
        }
    }

    /**
     * Executes block b at pc (== cpu.pc; the caller checked IT state 0, the window, the bytes and
     * the cycle limit), then the blocks that follow while nothing needs the run loop.
     */
    private static void runBlocks(Cpu cpu, Block b, int pc, long limit) {
        final int[] r = cpu.r;
        long cyc = cpu.cycles;
        long count = cpu.instructions;
        for (;;) {
            final Insn[] ins = b.insns;
            final int nMid = b.nMid;
            // cpu.cycles stays at the block's start while its middle runs (see BlockOp)
            cpu.cycles = cyc;
            int i = nMid == 0 ? 0 : runMiddle(cpu, b, count, cyc);
            if (i < 0) {
                // ended early, as step() would let run() look at the next boundary (after a
                // slow-path store, which may have written code, the next block entry validates again)
                i = -i;
                commit(cpu, b.pcAt[i], count + i, cyc + b.cycAt[i]);
                return;
            }
            pc = b.pcAt[i];
            cyc += b.cycAt[i];
            count += i;
            if (nMid == ins.length) {
                commit(cpu, pc, count, cyc);
                return;
            }
            Insn in = ins[nMid];
            if (b.termInIt) {
                // inside an IT block: step() itself (it fetches the same, validated, instruction)
                commit(cpu, pc, count, cyc);
                step(cpu);
                pc = cpu.pc;
                count = cpu.instructions;
                cyc = cpu.cycles;
                if (cpu.attention || cpu.itState != 0) return;
                Block nb = blockAt(cpu, pc);
                if (nb == null || cyc + nb.cyclesBeforeLast >= limit) return;
                b = nb;
                continue;
            }
            // the terminator, exactly as step() (IT state is 0)
            r[15] = pc + 4;
            int next = pc + in.size;
            switch (in.fast) {
                case F_B: next = (pc + 4 + in.imm) & ~1; break;
                case F_BCOND: if (cpu.conditionPassed(in.cond)) next = (pc + 4 + in.imm) & ~1; break;
                case F_BL: r[14] = next | 1; next = (pc + 4 + in.imm) & ~1; break;
                case F_CBZ: if (r[in.rn] == 0) next = (pc + 4 + in.imm) & ~1; break;
                case F_CBNZ: if (r[in.rn] != 0) next = (pc + 4 + in.imm) & ~1; break;
                default:
                    cpu.pc = pc;
                    cpu.nextPc = next;
                    cpu.instructions = count;
                    cpu.cycles = cyc;
                    dispatch(cpu, in);
                    next = cpu.nextPc;
                    cyc = cpu.cycles;
                    break;
            }
            pc = next;
            count++;
            cyc += in.cycles;
            // chain to the next block unless run() has something to do (same checks as its loop)
            if (cpu.attention || cpu.itState != 0) {
                commit(cpu, pc, count, cyc);
                return;
            }
            Block nb = pc == b.endPc ? b.fall : pc == b.takenPc ? b.taken : null;
            if (nb == null || !nb.usable(cpu, pc)) {
                nb = blockAt(cpu, pc);
                if (nb == null) {
                    commit(cpu, pc, count, cyc);
                    return;
                }
                if (pc == b.endPc) b.fall = nb;
                else { b.takenPc = pc; b.taken = nb; }
            }
            if (cyc + nb.cyclesBeforeLast >= limit) {
                commit(cpu, pc, count, cyc);
                return;
            }
            b = nb;
        }
    }

    /**
     * Runs b's middle ops: returns how many ran, negated when the block must end after them
     * (cpu.attention set or a slow-path store). A fault leaves the state step() would.
     */
    private static int runMiddle(Cpu cpu, Block b, long count, long cyc) {
        final BlockOp[] ops = b.ops;
        final int n = ops.length;
        int i = 0;
        try {
            while (i < n) {
                boolean end = ops[i].exec(cpu);
                i++;
                if (end || cpu.attention) return -i;
            }
            return n;
        } catch (RuntimeException e) {
            // a fault in instruction i: pc at the instruction, not counted
            cpu.pc = b.pcAt[i];
            cpu.nextPc = b.pcAt[i + 1];
            cpu.instructions = count + i;
            cpu.cycles = cyc + b.cycAt[i];
            throw e;
        }
    }

    private static void commit(Cpu cpu, int pc, long count, long cyc) {
        cpu.pc = pc;
        cpu.nextPc = pc;
        cpu.instructions = count;
        cpu.cycles = cyc;
    }

    /** Work at an instruction boundary; returns a StopReason or 0 to go on. Shared by every engine. */
    public static int serviceBoundary(Cpu cpu, ExceptionUnit exc, long end) {
        cpu.attention = false;
        if (cpu.stopRequest != 0) {
            int reason = cpu.stopRequest;
            cpu.stopRequest = 0;
            return reason;
        }
        if (!cpu.thumb) throw cpu.usageFault(Fault.INVSTATE);
        int reason = exc.service(end);
        if (reason != 0) return reason;
        if (cpu.stopRequest != 0) {
            reason = cpu.stopRequest;
            cpu.stopRequest = 0;
            cpu.attention = false;
            return reason;
        }
        return cpu.cycles >= end ? StopReason.BUDGET : 0;
    }

    /** Executes one instruction at cpu.pc. */
    public static void step(Cpu cpu) {
        int pc = cpu.pc;
        // fetch(cpu, pc), written out: C2 does not inline a method whose own compiled code is big,
        // and fetch's may include the refill path
        Insn in;
        int off = pc - cpu.xStart, len = cpu.xLen;
        if (Integer.compareUnsigned(off, len) < 0 && off <= len - 4) {
            int idx = pc - cpu.xBase;
            in = cpu.xCache[idx >>> 1];
            if (in == null || (LittleEndian.get32(cpu.xMem, idx) & in.encMask) != in.encKey) in = refill(cpu, idx);
        } else {
            in = slowFetch(cpu, pc);
        }
        cpu.r[15] = pc + 4;
        cpu.nextPc = pc + in.size;
        int it = cpu.itState;
        if (it == 0) {
            dispatch(cpu, in);
        } else {
            if (cpu.conditionPassed(it >>> 4)) dispatch(cpu, in);
            cpu.itState = (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
        }
        cpu.pc = cpu.nextPc;
        cpu.instructions++;
        cpu.cycles += in.cycles;
    }

    /** Generic dispatch: the group's executor. */
    public static void execute(Cpu cpu, Insn in) {
        switch (in.group) {
            case Group.DATA: DataProcessing.execute(cpu, in); break;
            case Group.MEMORY: LoadStore.execute(cpu, in); break;
            case Group.BRANCH: BranchSystem.execute(cpu, in); break;
            case Group.MULDSP: MultiplyDsp.execute(cpu, in); break;
            default: throw cpu.usageFault(Fault.UNDEFINSTR);
        }
    }

    // ---- fast dispatch: one switch on Insn.fast for the most frequent instructions, with exactly
    // the executors' semantics (the same helpers, or a transcription of their one-line case);
    // everything else goes through execute(). Codes are assigned by classify() when an
    // instruction enters the decode cache; 0 (unclassified) is generic.
    static final int F_GENERIC = 1, F_DATA = 2, F_MEMORY = 3, F_BRANCH = 4, F_MULDSP = 5,
            F_LOGICAL = 6, F_ARITH = 7, F_DP_OTHER = 8,
            F_MOV_R = 9, F_AND_R = 10, F_EOR_R = 11, F_ORR_R = 12, F_ADD_I = 13, F_ADD_R = 14,
            F_SUB_I = 15, F_SUB_R = 16, F_CMP_I = 17, F_CMP_R = 18, F_MOV_I = 19,
            F_B = 20, F_BCOND = 21, F_BL = 22, F_BX = 23, F_CBZ = 24, F_CBNZ = 25,
            F_LDR_I = 26, F_LDRB_I = 27, F_LDRH_I = 28, F_LDRSB_I = 29, F_LDRSH_I = 30,
            F_STR_I = 31, F_STRB_I = 32, F_STRH_I = 33,
            F_LDR_R = 34, F_LDRB_R = 35, F_LDRH_R = 36, F_LDRSB_R = 37, F_LDRSH_R = 38,
            F_STR_R = 39, F_STRB_R = 40, F_STRH_R = 41,
            F_LD_WB = 42, F_ST_WB = 43, F_LDR_LIT = 44, F_MUL = 45, F_MLA = 46;

    /** Executes a decoded instruction (the IT condition already checked), taking the fast path when classified. */
    static void dispatch(Cpu cpu, Insn in) {
        int[] r = cpu.r;
        switch (in.fast) {
            case F_LOGICAL: DataProcessing.logical(cpu, in, in.op); return;
            case F_ARITH: DataProcessing.arithmetic(cpu, in, in.op); return;
            case F_DP_OTHER: DataProcessing.other(cpu, in, in.op); return;
            case F_MOV_R: {
                int b = r[in.rm];
                DataProcessing.writeReg(r, in.rd, b);
                if (DataProcessing.setsFlags(cpu, in)) Alu.nz(cpu, b);
                return;
            }
            case F_MOV_I: {
                boolean s = DataProcessing.setsFlags(cpu, in);
                int b = in.imm;
                if (s) DataProcessing.immCarryToC(cpu, in.immCarry);
                DataProcessing.writeReg(r, in.rd, b);
                if (s) Alu.nz(cpu, b);
                return;
            }
            case F_AND_R: { int res = r[in.rn] & r[in.rm]; r[in.rd] = res; if (DataProcessing.setsFlags(cpu, in)) Alu.nz(cpu, res); return; }
            case F_EOR_R: { int res = r[in.rn] ^ r[in.rm]; r[in.rd] = res; if (DataProcessing.setsFlags(cpu, in)) Alu.nz(cpu, res); return; }
            case F_ORR_R: { int res = r[in.rn] | r[in.rm]; r[in.rd] = res; if (DataProcessing.setsFlags(cpu, in)) Alu.nz(cpu, res); return; }
            case F_ADD_I: DataProcessing.writeReg(r, in.rd, Alu.addWithCarry(cpu, r[in.rn], in.imm, false, DataProcessing.setsFlags(cpu, in))); return;
            case F_ADD_R: DataProcessing.writeReg(r, in.rd, Alu.addWithCarry(cpu, r[in.rn], r[in.rm], false, DataProcessing.setsFlags(cpu, in))); return;
            case F_SUB_I: DataProcessing.writeReg(r, in.rd, Alu.addWithCarry(cpu, r[in.rn], ~in.imm, true, DataProcessing.setsFlags(cpu, in))); return;
            case F_SUB_R: DataProcessing.writeReg(r, in.rd, Alu.addWithCarry(cpu, r[in.rn], ~r[in.rm], true, DataProcessing.setsFlags(cpu, in))); return;
            case F_CMP_I: Alu.addWithCarry(cpu, r[in.rn], ~in.imm, true, true); return;
            case F_CMP_R: Alu.addWithCarry(cpu, r[in.rn], ~r[in.rm], true, true); return;

            case F_B: cpu.branchWritePC(r[15] + in.imm); return;
            case F_BCOND: if (cpu.conditionPassed(in.cond)) cpu.branchWritePC(r[15] + in.imm); return;
            case F_BL: r[14] = cpu.nextPc | 1; cpu.branchWritePC(r[15] + in.imm); return;
            case F_BX: cpu.bxWritePC(r[in.rm]); return;
            case F_CBZ: if (r[in.rn] == 0) cpu.branchWritePC(r[15] + in.imm); return;
            case F_CBNZ: if (r[in.rn] != 0) cpu.branchWritePC(r[15] + in.imm); return;

            case F_LDR_I: r[in.rd] = ld32(cpu, r[in.rn] + in.imm); return;
            case F_LDRB_I: r[in.rd] = ld8(cpu, r[in.rn] + in.imm); return;
            case F_LDRH_I: r[in.rd] = ld16(cpu, r[in.rn] + in.imm); return;
            case F_LDRSB_I: r[in.rd] = (byte) ld8(cpu, r[in.rn] + in.imm); return;
            case F_LDRSH_I: r[in.rd] = (short) ld16(cpu, r[in.rn] + in.imm); return;
            case F_STR_I: st32(cpu, r[in.rn] + in.imm, r[in.rd]); return;
            case F_STRB_I: st8(cpu, r[in.rn] + in.imm, r[in.rd]); return;
            case F_STRH_I: st16(cpu, r[in.rn] + in.imm, r[in.rd]); return;
            case F_LDR_R: r[in.rd] = ld32(cpu, r[in.rn] + (r[in.rm] << in.shiftN)); return;
            case F_LDRB_R: r[in.rd] = ld8(cpu, r[in.rn] + (r[in.rm] << in.shiftN)); return;
            case F_LDRH_R: r[in.rd] = ld16(cpu, r[in.rn] + (r[in.rm] << in.shiftN)); return;
            case F_LDRSB_R: r[in.rd] = (byte) ld8(cpu, r[in.rn] + (r[in.rm] << in.shiftN)); return;
            case F_LDRSH_R: r[in.rd] = (short) ld16(cpu, r[in.rn] + (r[in.rm] << in.shiftN)); return;
            case F_STR_R: st32(cpu, r[in.rn] + (r[in.rm] << in.shiftN), r[in.rd]); return;
            case F_STRB_R: st8(cpu, r[in.rn] + (r[in.rm] << in.shiftN), r[in.rd]); return;
            case F_STRH_R: st16(cpu, r[in.rn] + (r[in.rm] << in.shiftN), r[in.rd]); return;
            case F_LD_WB: LoadStore.loadWriteback(cpu, in.rd, in.rn, in.imm, (in.flags & Insn.INDEX) != 0, in.op - LoadStore.LD_WB); return;
            case F_ST_WB: LoadStore.storeWriteback(cpu, in.rd, in.rn, in.imm, (in.flags & Insn.INDEX) != 0, in.op - LoadStore.ST_WB); return;
            case F_LDR_LIT: r[in.rd] = ld32(cpu, (r[15] & ~3) + in.imm); return;

            case F_MUL: {
                int v = r[in.rn] * r[in.rm];
                r[in.rd] = v;
                if (in.setFlags == 1 || (in.setFlags == 2 && cpu.itState == 0)) Alu.nz(cpu, v);
                return;
            }
            case F_MLA: r[in.rd] = r[in.rn] * r[in.rm] + r[in.ra]; return;

            case F_DATA: DataProcessing.execute(cpu, in); return;
            case F_MEMORY: LoadStore.execute(cpu, in); return;
            case F_BRANCH: BranchSystem.execute(cpu, in); return;
            case F_MULDSP: MultiplyDsp.execute(cpu, in); return;
            default: execute(cpu, in);
        }
    }

    // ---- memory fast paths: Cpu.read32 etc. with the first window check inlined here (the Cpu
    // methods do the same checks again, then the second window and the slow path).

    private static int ld32(Cpu cpu, int a) {
        if ((a & 3) == 0 && Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) return LittleEndian.get32(cpu.r0Mem, a - cpu.r0Base);
        return cpu.read32(a);
    }

    private static int ld16(Cpu cpu, int a) {
        if ((a & 1) == 0 && Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) return LittleEndian.get16(cpu.r0Mem, a - cpu.r0Base);
        return cpu.read16(a);
    }

    private static int ld8(Cpu cpu, int a) {
        if (Integer.compareUnsigned(a - cpu.r0Start, cpu.r0Len) < 0) return cpu.r0Mem[a - cpu.r0Base] & 0xFF;
        return cpu.read8(a);
    }

    private static void st32(Cpu cpu, int a, int v) {
        if ((a & 3) == 0 && Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0) LittleEndian.put32(cpu.wMem, a - cpu.wBase, v);
        else cpu.write32(a, v);
    }

    private static void st16(Cpu cpu, int a, int v) {
        if ((a & 1) == 0 && Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0) LittleEndian.put16(cpu.wMem, a - cpu.wBase, v);
        else cpu.write16(a, v);
    }

    private static void st8(Cpu cpu, int a, int v) {
        if (Integer.compareUnsigned(a - cpu.wStart, cpu.wLen) < 0) cpu.wMem[a - cpu.wBase] = (byte) v;
        else cpu.write8(a, v);
    }

    /** Sets in.fast and the validation key (see {@link Insn#fast}); called when in enters the decode cache. */
    static void classify(Insn in) {
        in.fast = fastCode(in);
        if (in.size == 2) { in.encMask = 0xFFFF; in.encKey = in.hw1 & 0xFFFF; }
        else { in.encMask = -1; in.encKey = (in.hw1 & 0xFFFF) | (in.hw2 << 16); }
    }

    private static int fastCode(Insn in) {
        int op = in.op;
        switch (in.group) {
            case Group.DATA:
                switch (op) {
                    case DataProcessing.MOV_R: return F_MOV_R;
                    case DataProcessing.MOV_I: return F_MOV_I;
                    case DataProcessing.AND_R: return F_AND_R;
                    case DataProcessing.EOR_R: return F_EOR_R;
                    case DataProcessing.ORR_R: return F_ORR_R;
                    case DataProcessing.ADD_I: return F_ADD_I;
                    case DataProcessing.ADD_R: return F_ADD_R;
                    case DataProcessing.SUB_I: return F_SUB_I;
                    case DataProcessing.SUB_R: return F_SUB_R;
                    case DataProcessing.CMP_I: return F_CMP_I;
                    case DataProcessing.CMP_R: return F_CMP_R;
                    default:
                        if (op >= DataProcessing.AND_I && op <= DataProcessing.TEQ_S) return F_LOGICAL;
                        if (op >= DataProcessing.ADD_I && op <= DataProcessing.CMN_S) return F_ARITH;
                        if (op >= DataProcessing.SHIFT_REG && op <= DataProcessing.REVSH) return F_DP_OTHER;
                        return F_DATA;
                }
            case Group.BRANCH:
                switch (op) {
                    case BranchSystem.B: return F_B;
                    case BranchSystem.B_COND: return F_BCOND;
                    case BranchSystem.BL: return F_BL;
                    case BranchSystem.BX: return F_BX;
                    case BranchSystem.CBZ: return F_CBZ;
                    case BranchSystem.CBNZ: return F_CBNZ;
                    default: return F_BRANCH;
                }
            case Group.MEMORY:
                switch (op) {
                    case LoadStore.LD_IMM + LoadStore.W: return F_LDR_I;
                    case LoadStore.LD_IMM + LoadStore.B: return F_LDRB_I;
                    case LoadStore.LD_IMM + LoadStore.H: return F_LDRH_I;
                    case LoadStore.LD_IMM + LoadStore.SB: return F_LDRSB_I;
                    case LoadStore.LD_IMM + LoadStore.SH: return F_LDRSH_I;
                    case LoadStore.ST_IMM + LoadStore.W: return F_STR_I;
                    case LoadStore.ST_IMM + LoadStore.B: return F_STRB_I;
                    case LoadStore.ST_IMM + LoadStore.H: return F_STRH_I;
                    case LoadStore.LD_REG + LoadStore.W: return F_LDR_R;
                    case LoadStore.LD_REG + LoadStore.B: return F_LDRB_R;
                    case LoadStore.LD_REG + LoadStore.H: return F_LDRH_R;
                    case LoadStore.LD_REG + LoadStore.SB: return F_LDRSB_R;
                    case LoadStore.LD_REG + LoadStore.SH: return F_LDRSH_R;
                    case LoadStore.ST_REG + LoadStore.W: return F_STR_R;
                    case LoadStore.ST_REG + LoadStore.B: return F_STRB_R;
                    case LoadStore.ST_REG + LoadStore.H: return F_STRH_R;
                    case LoadStore.LD_LIT + LoadStore.W: return F_LDR_LIT;
                    default:
                        if (op >= LoadStore.LD_WB && op <= LoadStore.LD_WB + LoadStore.SH) return F_LD_WB;
                        if (op >= LoadStore.ST_WB && op <= LoadStore.ST_WB + LoadStore.H) return F_ST_WB;
                        return F_MEMORY;
                }
            case Group.MULDSP:
                switch (op) {
                    case MultiplyDsp.MUL: return F_MUL;
                    case MultiplyDsp.MLA: return F_MLA;
                    default: return F_MULDSP;
                }
            default:
                return F_GENERIC;
        }
    }

    /**
     * The decoded instruction at pc, from the per-region cache. A hit is validated against the
     * current bytes with one word read (Insn.encKey/encMask); misses, unclassified entries and
     * fetches outside the execute window take {@link #refill}/{@link #slowFetch}.
     */
    public static Insn fetch(Cpu cpu, int pc) {
        int off = pc - cpu.xStart;
        int len = cpu.xLen;
        if (Integer.compareUnsigned(off, len) < 0 && off <= len - 4) {
            int idx = pc - cpu.xBase;
            Insn in = cpu.xCache[idx >>> 1];
            if (in != null && (LittleEndian.get32(cpu.xMem, idx) & in.encMask) == in.encKey) return in;
            return refill(cpu, idx);
        }
        return slowFetch(cpu, pc);
    }

    /** Cache miss (or unclassified entry) inside the execute window. */
    static Insn refill(Cpu cpu, int idx) {
        byte[] mem = cpu.xMem;
        Insn[] cache = cpu.xCache;
        int hw1 = LittleEndian.get16(mem, idx);
        Insn in = cache[idx >>> 1];
        if (in == null || in.hw1 != hw1 || (in.size != 2 && in.hw2 != LittleEndian.get16(mem, idx + 2))) {
            in = Decoder.decode(hw1, Decoder.is32(hw1) ? LittleEndian.get16(mem, idx + 2) : 0);
            cache[idx >>> 1] = in;
        }
        classify(in);
        return in;
    }

    private static Insn slowFetch(Cpu cpu, int pc) {
        int hw1 = cpu.fetch16Slow(pc);
        int hw2 = Decoder.is32(hw1) ? cpu.fetch16Slow(pc + 2) : 0;
        Region reg = cpu.bus.find(pc);
        Insn[] cache = cpu.decodeCacheFor(reg);
        int slot = (pc - reg.base) >>> 1;
        Insn in = cache[slot];
        if (in != null && in.hw1 == hw1 && (in.size == 2 || in.hw2 == hw2)) {
            if (in.encMask == 0) classify(in);
            return in;
        }
        in = Decoder.decode(hw1, hw2);
        classify(in);
        cache[slot] = in;
        return in;
    }
}
