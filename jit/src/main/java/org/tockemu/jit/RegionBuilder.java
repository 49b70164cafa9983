package org.tockemu.jit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exec.Alu;
import org.tockemu.core.exec.BranchSystem;
import org.tockemu.core.exec.DataProcessing;
import org.tockemu.core.exec.LoadStore;
import org.tockemu.core.exec.LoadStoreMultiple;
import org.tockemu.core.exec.MultiplyDsp;
import org.tockemu.core.mem.LittleEndian;
import org.tockemu.core.mem.Region;

/**
 * The frontend and the passes: discovers a region from a hot entry (fall-through and direct
 * branches, backward ones included), classifies each instruction for the backend, then runs the
 * passes: literal folding (LDR literal from the code store becomes a constant) and flag liveness
 * (each instruction computes only the NZCV bits a later instruction or an exit may observe).
 */
final class RegionBuilder {
    final Region code;
    final int entry;
    final int maxInsns;
    final List<IrNode> nodes = new ArrayList<>();
    final Map<Integer, IrNode> byPc = new HashMap<>();
    int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
    final List<Integer> literals = new ArrayList<>();
    /** Guest registers r0-r14 the region keeps in locals, and those its code assigns (written back at exits). */
    int usedRegs, writtenRegs;

    /** No lambdas or streams on the translation path: their first use costs milliseconds in a cold JVM. */
    private static final Comparator<IrNode> BY_PC = new Comparator<IrNode>() {
        @Override public int compare(IrNode a, IrNode b) { return Integer.compare(a.pc, b.pc); }
    };

    /** The size bound cut the discovery short. */
    boolean truncated;
    /** The engine's translations of this code region (index (pc - base) >> 1), or null. */
    private final JitRegion[] translated;

    RegionBuilder(Region code, int entry, int maxInsns) {
        this(code, entry, maxInsns, null);
    }

    /**
     * With the engine's table: a region cut short by the size bound stops at the loop headers of
     * other regions (an exit to them) instead of copying part of the loop, so the loop is entered
     * whole through its own region.
     */
    RegionBuilder(Region code, int entry, int maxInsns, JitRegion[] translated) {
        this.code = code;
        this.entry = entry;
        this.maxInsns = maxInsns;
        this.translated = translated;
    }

    private boolean enteredElsewhere(int pc, int it) {
        if (translated == null || it != 0 || pc == entry) return false;
        int i = (pc - code.base) >>> 1;
        if (i < 0 || i >= translated.length) return false;
        JitRegion r = translated[i];
        return r != null && r != JitEngine.FAILED && (pc != r.entry || r.code.entryIsLoopHeader);
    }

    /** Breadth-first from the entry along fall-through and direct branches; true when maxInsns cut it short. */
    private boolean discover(boolean stopAtOtherRegions) {
        ArrayDeque<int[]> work = new ArrayDeque<>();
        work.add(new int[] {entry, 0});
        boolean truncated = false;
        while (!work.isEmpty()) {
            int[] w = work.poll();
            int pc = w[0], it = w[1];
            if (byPc.containsKey(pc) || (stopAtOtherRegions && enteredElsewhere(pc, it))) continue;
            if (nodes.size() >= maxInsns) { truncated = true; continue; }
            IrNode n = decodeNode(pc, it);
            if (n == null) continue;
            n.index = nodes.size();
            nodes.add(n);
            byPc.put(pc, n);
            if (n.next != -1) work.add(new int[] {n.next, n.itAfter});
            if (n.target != -1) work.add(new int[] {n.target, n.itAfter});
        }
        return truncated;
    }

    /** Builds the IR; false when the entry itself cannot be translated. */
    boolean build() {
        if (truncated = discover(false)) {
            // cut short by the size bound (typically inside a loop): stop instead where other regions
            // start, so the loop is entered whole through its own region, not partly copied here
            nodes.clear();
            byPc.clear();
            discover(true);
        }
        if (nodes.isEmpty()) return false;
        nodes.sort(BY_PC);
        for (int i = 0; i < nodes.size(); i++) nodes.get(i).index = i;
        for (IrNode n : nodes) {
            n.nextIn = n.next != -1 && inRegion(n.next, n.itAfter);
            n.targetIn = n.target != -1 && inRegion(n.target, n.itAfter);
            lo = Math.min(lo, n.pc);
            hi = Math.max(hi, n.pc + n.in.size);
        }
        byPc.get(entry).check = true;
        for (IrNode n : nodes) if (n.targetIn) byPc.get(n.target).check = true;
        foldLiterals();
        foldTableBranches();
        spans();
        flagLiveness();
        entryFlagReads();
        flagProducers();
        registers();
        resumeChains = Loops.resumeChains(this);
        return true;
    }

    /** The region's PCs as ranges of consecutive instructions, for debugging ("18c-19a 6e2-70e"). */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            IrNode n = nodes.get(i);
            if (i == 0 || nodes.get(i - 1).pc + nodes.get(i - 1).in.size != n.pc) b.append(i == 0 ? "" : " ").append(Integer.toHexString(n.pc));
            if (i + 1 == nodes.size() || n.pc + n.in.size != nodes.get(i + 1).pc) b.append('-').append(Integer.toHexString(n.pc));
        }
        return b.toString();
    }

    /** Successor k of n inside the region (0: fall-through, 1: branch target), or null. */
    IrNode succ(IrNode n, int k) {
        if (k == 0) return n.nextIn ? byPc.get(n.next) : null;
        return n.targetIn ? byPc.get(n.target) : null;
    }

    private boolean inRegion(int pc, int it) {
        IrNode t = byPc.get(pc);
        return t != null && t.it == it;
    }

    private IrNode decodeNode(int pc, int it) {
        int off = pc - code.base;
        if (off < 0 || off + 4 > code.size || (pc & 1) != 0) return null;
        int hw1 = LittleEndian.get16(code.data, off);
        int hw2 = Decoder.is32(hw1) ? LittleEndian.get16(code.data, off + 2) : 0;
        Insn in = Decoder.decode(hw1, hw2);
        int kind = classify(in, it);
        int itAfter;
        if (it == 0) itAfter = kind == IrNode.IT ? in.imm : 0;
        else itAfter = (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
        IrNode n = new IrNode(pc, in, it, itAfter, kind);
        int fall = pc + in.size;
        switch (kind) {
            case IrNode.BRANCH:
                n.target = pc + 4 + in.imm;
                if (n.conditional()) n.next = fall;
                break;
            case IrNode.COND_BRANCH: case IrNode.CBZ:
                n.target = pc + 4 + in.imm;
                n.next = fall;
                break;
            case IrNode.TERMINAL:
                break;
            default:
                n.next = fall;
        }
        return n;
    }

    /** How the backend handles an instruction (see {@link IrNode} kinds). */
    static int classify(Insn in, int it) {
        switch (in.group) {
            case Group.DATA: {
                int op = in.op;
                if (op == DataProcessing.ADD_PC || op == DataProcessing.MOV_PC) return IrNode.TERMINAL;
                if (op > DataProcessing.REVSH) return IrNode.FALLBACK;
                boolean writes = !(op >= DataProcessing.TST_I && op <= DataProcessing.TEQ_S) && !(op >= DataProcessing.CMP_I && op <= DataProcessing.CMN_S);
                if (writes && in.rd == 15) return IrNode.TERMINAL;
                return IrNode.INLINE;
            }
            case Group.MEMORY: {
                int op = in.op;
                if (op >= LoadStore.LD_IMM && op < LoadStore.LD_T) return in.rd == 15 || (isStore(op) && in.rn == 15) ? IrNode.FALLBACK : IrNode.INLINE;
                if (op == LoadStore.HINT) return IrNode.INLINE;
                if (op == LoadStore.LDR_PC || op == LoadStoreMultiple.TBB || op == LoadStoreMultiple.TBH) return IrNode.TERMINAL;
                if (op == LoadStoreMultiple.LDM || op == LoadStoreMultiple.LDMDB) {
                    if ((in.list & 0x8000) != 0) return IrNode.TERMINAL;
                    return in.rn == 15 || (in.list & 0x2000) != 0 ? IrNode.FALLBACK : IrNode.INLINE;
                }
                if (op == LoadStoreMultiple.LDRD || op == LoadStoreMultiple.STRD) {
                    return in.rd == 15 || in.ra == 15 || (op == LoadStoreMultiple.STRD && in.rn == 15) ? IrNode.FALLBACK : IrNode.INLINE;
                }
                if (op == LoadStoreMultiple.STM || op == LoadStoreMultiple.STMDB) {
                    return in.rn == 15 || (in.list & 0x8000) != 0 ? IrNode.FALLBACK : IrNode.INLINE;
                }
                return IrNode.FALLBACK;
            }
            case Group.BRANCH:
                switch (in.op) {
                    case BranchSystem.B: case BranchSystem.BL: return IrNode.BRANCH;
                    case BranchSystem.B_COND: return IrNode.COND_BRANCH;
                    case BranchSystem.CBZ: case BranchSystem.CBNZ: return IrNode.CBZ;
                    case BranchSystem.IT: return it == 0 ? IrNode.IT : IrNode.TERMINAL;
                    case BranchSystem.NOP: case BranchSystem.YIELD: case BranchSystem.BARRIER: return IrNode.INLINE;
                    case BranchSystem.CLREX: case BranchSystem.MRS: case BranchSystem.SEV: return IrNode.FALLBACK; // SEV sets the event register

                    default: return IrNode.TERMINAL;
                }
            case Group.MULDSP:
                switch (in.op) {
                    case MultiplyDsp.MUL: case MultiplyDsp.MLA: case MultiplyDsp.MLS:
                        return in.rd == 15 ? IrNode.TERMINAL : IrNode.INLINE;
                    case MultiplyDsp.SMULXY: case MultiplyDsp.SMLAXY: case MultiplyDsp.SMULWY: case MultiplyDsp.SMLAWY:
                    case MultiplyDsp.SMUAD: case MultiplyDsp.SMUSD: case MultiplyDsp.SMLAD: case MultiplyDsp.SMLSD:
                        return in.rd == 15 ? IrNode.TERMINAL : IrNode.INLINE;
                    case MultiplyDsp.SMULL: case MultiplyDsp.UMULL: case MultiplyDsp.SMLAL: case MultiplyDsp.UMLAL:
                        return in.rd == 15 || in.ra == 15 ? IrNode.TERMINAL : IrNode.INLINE;
                    case MultiplyDsp.SDIV: case MultiplyDsp.UDIV: // inline, x / 0 through the executor
                        return in.rd == 15 ? IrNode.TERMINAL : IrNode.INLINE;
                    default:
                        return in.rd == 15 ? IrNode.TERMINAL : IrNode.FALLBACK;
                }
            default:
                return IrNode.TERMINAL;
        }
    }

    static boolean isStore(int op) {
        return (op >= LoadStore.ST_IMM && op < LoadStore.LD_REG) || (op >= LoadStore.ST_REG && op < LoadStore.LD_LIT)
                || (op >= LoadStore.ST_WB && op < LoadStore.LD_T);
    }

    /** Memory instructions emitted inline (they have a slow path that may fault or exit). */
    static boolean isMemory(IrNode n) {
        return n.kind == IrNode.INLINE && n.in.group == Group.MEMORY && n.in.op != LoadStore.HINT && !n.folded;
    }

    /** LDM/LDMDB with the PC in its list (POP {..., pc}): a region exit, inline on its fast path (MemoryOps.loadMultipleWithPc). */
    static boolean loadsPc(IrNode n) {
        return n.kind == IrNode.TERMINAL && n.in.group == Group.MEMORY && (n.in.list & 0x8000) != 0;
    }

    /** Inline instructions whose slow path calls out (and may fault, or leave after it): memory accesses and divides. */
    static boolean callsOut(IrNode n) {
        return isMemory(n) || (n.kind == IrNode.INLINE && n.in.group == Group.MULDSP && (n.in.op == MultiplyDsp.SDIV || n.in.op == MultiplyDsp.UDIV));
    }

    // ------------------------------------------------------------------ passes

    /** LDR literal from the code store: the word is a constant (code writes invalidate the region). */
    private void foldLiterals() {
        for (IrNode n : nodes) {
            Insn in = n.in;
            if (n.kind != IrNode.INLINE || in.group != Group.MEMORY || in.op < LoadStore.LD_LIT || in.op > LoadStore.LD_LIT + LoadStore.SH) continue;
            int kind = in.op - LoadStore.LD_LIT;
            int addr = ((n.pc + 4) & ~3) + in.imm;
            int size = kind == LoadStore.W ? 4 : kind == LoadStore.B || kind == LoadStore.SB ? 1 : 2;
            if ((addr & (size - 1)) != 0 || !code.contains(addr, size)) continue;
            int off = addr - code.base;
            int v;
            switch (kind) {
                case LoadStore.W: v = LittleEndian.get32(code.data, off); break;
                case LoadStore.B: v = code.data[off] & 0xFF; break;
                case LoadStore.H: v = LittleEndian.get16(code.data, off); break;
                case LoadStore.SB: v = code.data[off]; break;
                default: v = (short) LittleEndian.get16(code.data, off); break;
            }
            n.folded = true;
            n.literal = v;
            literals.add(addr);
            if (size > 1) literals.add(addr + size - 1);
        }
    }

    /**
     * TBB/TBH on a table right after the instruction (Rn = PC) in the code store, bounds-checked
     * just before by {@code cmp Rm, #k; bhi}: the k + 1 entries are constants (code writes
     * invalidate), so the branch becomes a switch; other indices still take the executor.
     */
    private void foldTableBranches() {
        for (IrNode n : nodes) {
            Insn in = n.in;
            if (n.kind != IrNode.TERMINAL || in.group != Group.MEMORY
                    || (in.op != LoadStoreMultiple.TBB && in.op != LoadStoreMultiple.TBH) || in.rn != 15 || in.rm >= 13) continue;
            int count = boundChecked(n);
            if (count <= 0 || count > 256) continue;
            boolean half = in.op == LoadStoreMultiple.TBH;
            int table = n.pc + 4, size = half ? 2 : 1;
            if (!code.contains(table, count * size)) continue;
            int[] targets = new int[count];
            for (int i = 0; i < count; i++) {
                int off = table + i * size - code.base;
                int e = half ? LittleEndian.get16(code.data, off) : code.data[off] & 0xFF;
                targets[i] = n.pc + 4 + 2 * e;
                for (int b = 0; b < size; b++) literals.add(table + i * size + b);
            }
            n.switchTargets = targets;
        }
    }

    /** k + 1 when n is preceded in the region by {@code cmp Rm, #k; bhi} falling through to it, else 0. */
    private int boundChecked(IrNode n) {
        for (int d = 2; d <= 4; d += 2) {
            IrNode b = byPc.get(n.pc - d);
            if (b == null || b.kind != IrNode.COND_BRANCH || b.in.cond != 8 || b.next != n.pc || b.it != 0) continue;
            for (int e = 2; e <= 4; e += 2) {
                IrNode c = byPc.get(b.pc - e);
                if (c != null && c.kind == IrNode.INLINE && c.in.group == Group.DATA && c.in.op == DataProcessing.CMP_I
                        && c.in.rn == n.in.rm && c.next == b.pc && c.it == 0 && c.in.imm >= 0) return c.in.imm + 1;
            }
        }
        return 0;
    }

    /**
     * Counter spans: from each span start along fall-through to the next span start or exit, the
     * cycles and instructions before each node ({@link IrNode#pre}), added to the counters on the
     * edges out of the span. Budget checks: only at the entry and at targets of backward edges
     * (every cycle in the region passes one); each bounds the longest path to the next check.
     */
    private void spans() {
        for (IrNode n : nodes) {
            if (!n.check) continue;
            long sum = 0;
            int cnt = 0;
            IrNode m = n;
            for (int guard = 0; guard <= nodes.size(); guard++) {
                m.pre = sum;
                m.preN = cnt;
                sum += m.in.cycles;
                cnt++;
                if (!m.nextIn || (m.kind == IrNode.BRANCH && !m.conditional())) break;
                IrNode f = byPc.get(m.next);
                if (f.check) break;
                m = f;
            }
        }
        for (IrNode n : nodes) if (n.pre < 0) throw new IllegalStateException("node outside every span: " + n);
        byPc.get(entry).budget = true;
        for (IrNode n : nodes) {
            if (n.nextIn && n.next <= n.pc) byPc.get(n.next).budget = byPc.get(n.next).loopHeader = true;
            if (n.targetIn && n.target <= n.pc) byPc.get(n.target).budget = byPc.get(n.target).loopHeader = true;
        }
        // longest paths, in decreasing pc order: every edge between non-budget nodes goes forward
        long[] tail = new long[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            IrNode n = nodes.get(i);
            long best = -1;
            for (int k = 0; k < 2; k++) {
                IrNode s = succ(n, k);
                if (s == null || s.budget) continue;
                if (s.pc <= n.pc) throw new IllegalStateException("backward edge without a budget check: " + n);
                best = Math.max(best, tail[s.index]);
            }
            // tail: cycles of the instructions before the last one on the longest path from n
            tail[i] = best < 0 ? 0 : n.in.cycles + best;
            if (n.budget) n.budgetCycles = tail[i];
        }
    }

    /**
     * The PCs the region can be entered at, sorted: the entry and every loop header with ITSTATE 0
     * (each is a budget check, where a run can stop and resume), so a loop nest is one region
     * whichever header a run stops at.
     */
    int[] entries() {
        if (entries == null) entries = findEntries();
        return entries;
    }

    private int[] entries;

    private int[] findEntries() {
        if (truncated) return new int[] {entry}; // its loops may be partial: they get their own regions
        int k = 0;
        int[] pcs = new int[nodes.size()];
        for (IrNode n : nodes) if (n.budget && n.it == 0) pcs[k++] = n.pc; // nodes are sorted by pc
        return java.util.Arrays.copyOf(pcs, k);
    }

    private static int condFlags(int cond) {
        switch (cond >>> 1) {
            case 0: return IrNode.Z;
            case 1: return IrNode.C;
            case 2: return IrNode.N;
            case 3: return IrNode.V;
            case 4: return IrNode.C | IrNode.Z;
            case 5: return IrNode.N | IrNode.V;
            case 6: return IrNode.N | IrNode.V | IrNode.Z;
            default: return 0;
        }
    }

    private void flagLiveness() {
        for (IrNode n : nodes) {
            Insn in = n.in;
            int reads = n.conditional() ? condFlags(n.it >>> 4) : 0, writes = 0;
            boolean s = in.setFlags == 1 || (in.setFlags == 2 && n.it == 0);
            switch (n.kind) {
                case IrNode.COND_BRANCH: reads |= condFlags(in.cond); break;
                case IrNode.FALLBACK: case IrNode.TERMINAL: reads = IrNode.ALL; writes = IrNode.ALL; break;
                case IrNode.INLINE:
                    if (in.group == Group.DATA) {
                        int op = in.op;
                        if (op <= DataProcessing.TEQ_S) {
                            int form = (op - 1) % 3;
                            if (form == 2 && in.shiftType == Alu.RRX) reads |= IrNode.C;
                            if (s || op >= DataProcessing.TST_I) {
                                writes = IrNode.N | IrNode.Z;
                                if (s && form == 0 && in.immCarry >= 0) writes |= IrNode.C;
                                if (s && form == 2 && (in.shiftType == Alu.RRX || in.shiftN != 0)) writes |= IrNode.C;
                            }
                        } else if (op <= DataProcessing.CMN_S) {
                            int kind = (op - DataProcessing.ADD_I) / 3, form = (op - DataProcessing.ADD_I) % 3;
                            if (kind == 1 || kind == 3) reads |= IrNode.C;
                            if (form == 2 && in.shiftType == Alu.RRX) reads |= IrNode.C;
                            if (s || kind >= 5) writes = IrNode.ALL;
                        } else if (op == DataProcessing.SHIFT_REG && s) {
                            reads |= IrNode.C;
                            writes = IrNode.N | IrNode.Z | IrNode.C;
                        }
                    } else if (in.group == Group.MULDSP && in.op == MultiplyDsp.MUL && s) {
                        writes = IrNode.N | IrNode.Z;
                    }
                    break;
                default:
                    break;
            }
            n.reads = reads;
            n.writes = writes;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                IrNode n = nodes.get(i);
                int out = 0;
                if (n.next != -1) out |= n.nextIn ? byPc.get(n.next).liveIn : IrNode.ALL;
                if (n.target != -1) out |= n.targetIn ? byPc.get(n.target).liveIn : IrNode.ALL;
                if (n.kind == IrNode.TERMINAL || n.kind == IrNode.FALLBACK || callsOut(n)) out = IrNode.ALL;
                int kill = n.conditional() ? 0 : n.writes;
                int in = n.reads | (out & ~kill);
                if (n.budget || callsOut(n) || n.kind == IrNode.FALLBACK || n.kind == IrNode.TERMINAL) in = IrNode.ALL;
                if (out != n.liveOut || in != n.liveIn) {
                    n.liveOut = out;
                    n.liveIn = in;
                    changed = true;
                }
            }
        }
    }

    /**
     * Flag producers: for each node, the node whose subtraction (SUB/SUBS, CMP) set C and V, and
     * the node that set N and Z, on every path from the region's entries to it ({@link
     * IrNode#cvSrc}, {@link IrNode#nzSrc}; -1 when they differ, come from outside the region or
     * from anything else). A condition on a known subtraction compares its operands directly.
     */
    private void flagProducers() {
        int[] entries = entries();
        for (IrNode n : nodes) { n.nzSrc = n.cvSrc = UNSEEN; }
        for (int e : entries) { IrNode n = byPc.get(e); n.nzSrc = n.cvSrc = -1; }
        byPc.get(entry).nzSrc = byPc.get(entry).cvSrc = -1;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (IrNode n : nodes) {
                if (n.nzSrc == UNSEEN) continue;
                int nz = n.nzSrc, cv = n.cvSrc;
                int w = n.writes;
                if (n.kind == IrNode.FALLBACK || n.kind == IrNode.TERMINAL || (w != 0 && n.conditional())) {
                    nz = cv = -1;
                } else if (w != 0) {
                    if ((w & (IrNode.N | IrNode.Z)) != 0) nz = n.index;
                    if ((w & (IrNode.C | IrNode.V)) != 0) cv = subtraction(n) ? n.index : -1;
                }
                for (int k = 0; k < 2; k++) {
                    IrNode s = succ(n, k);
                    if (s == null) continue;
                    int snz = meet(s.nzSrc, nz), scv = meet(s.cvSrc, cv);
                    if (snz != s.nzSrc || scv != s.cvSrc) { s.nzSrc = snz; s.cvSrc = scv; changed = true; }
                }
            }
        }
    }

    private static final int UNSEEN = -2;

    /** Some node is a loop header (the target of a backward edge in the region). */
    boolean hasLoops;
    /**
     * The flags (IrNode.N/Z/C/V) an instruction may read through the region's locals before the
     * region wrote them, from any entry: a loop-free region loads only these from cpu (it stores
     * back only the flags it wrote, so exits, faults and executor calls need no entry values).
     */
    int entryFlagReads;

    private void entryFlagReads() {
        for (IrNode n : nodes) hasLoops |= n.loopHeader;
        // forward: the flags possibly not yet written at the start of each node (-1: unseen)
        int[] unwritten = new int[nodes.size()];
        java.util.Arrays.fill(unwritten, -1);
        ArrayDeque<IrNode> work = new ArrayDeque<>();
        for (int e : entries()) { IrNode n = byPc.get(e); unwritten[n.index] = IrNode.ALL; work.add(n); }
        while (!work.isEmpty()) {
            IrNode n = work.poll();
            int out = unwritten[n.index] & ~(runsExecutor(n) || n.conditional() ? 0 : n.writes);
            for (int k = 0; k < 2; k++) {
                IrNode s = succ(n, k);
                if (s == null) continue;
                int old = unwritten[s.index], merged = old == -1 ? out : old | out;
                if (merged != old) { unwritten[s.index] = merged; work.add(s); }
            }
        }
        int reads = 0;
        for (IrNode n : nodes) {
            if (unwritten[n.index] == -1) continue;
            int r = runsExecutor(n) ? (n.conditional() ? condFlags(n.it >>> 4) : 0) : n.reads;
            reads |= r & unwritten[n.index];
        }
        entryFlagReads = reads;
    }

    /**
     * The interpreter's executor runs it (FALLBACK, TERMINAL): it reads and writes cpu's flags, which
     * the backend stores first; the region's flag locals see only its IT condition.
     */
    private static boolean runsExecutor(IrNode n) {
        return n.kind == IrNode.FALLBACK || n.kind == IrNode.TERMINAL;
    }

    private static int meet(int a, int b) {
        return a == UNSEEN ? b : b == UNSEEN || a == b ? a : -1;
    }

    /** For each entry (as {@link #entries()}), the loop headers to pass on the way to it, outermost first (see {@link Loops}). */
    int[][] resumeChains;

    /** SUB/SUBS or CMP setting the flags: C and V are those of rn + ~op2 + 1 (the backend's CA/CB and VA/VB). */
    static boolean subtraction(IrNode n) {
        int op = n.in.op;
        if (n.kind != IrNode.INLINE || n.in.group != Group.DATA || op < DataProcessing.ADD_I || op > DataProcessing.CMN_S) return false;
        int kind = (op - DataProcessing.ADD_I) / 3;
        return kind == 2 || kind == 5;
    }

    private void registers() {
        int used = 0;
        for (IrNode n : nodes) {
            Insn in = n.in;
            used |= 1 << in.rd | 1 << in.rn | 1 << in.rm | 1 << in.ra;
            if (in.group == Group.MEMORY && in.op >= LoadStoreMultiple.LDM && in.op <= LoadStoreMultiple.STMDB) used |= in.list;
            if (in.group == Group.BRANCH && (in.op == BranchSystem.BL || in.op == BranchSystem.BLX)) used |= 1 << 14;
        }
        usedRegs = used & 0x7FFF;
        // what the generated code itself assigns (executors write cpu.r, and their registers are reloaded)
        int written = 0;
        for (IrNode n : nodes) {
            Insn in = n.in;
            if (n.kind == IrNode.INLINE) {
                written |= 1 << in.rd | 1 << in.ra;
                if (in.group == Group.MEMORY) {
                    written |= 1 << in.rn;
                    if (in.op >= LoadStoreMultiple.LDM && in.op <= LoadStoreMultiple.STMDB) written |= in.list;
                }
            } else if (in.group == Group.BRANCH && (in.op == BranchSystem.BL || in.op == BranchSystem.BLX)) {
                written |= 1 << 14;
            } else if (loadsPc(n)) {
                written |= in.list | 1 << in.rn; // LDM with the PC: the inline path (MemoryOps.loadMultipleWithPc)
            }
        }
        writtenRegs = written & usedRegs;
    }
}
