package org.tockemu.jit;

import org.objectweb.asm.Label;
import org.tockemu.core.decode.Insn;

/**
 * One guest instruction in a region's IR: the decoded instruction, its static ITSTATE, how the
 * backend treats it ({@link #kind}), its successors inside the region and the results of the
 * passes (flags it must compute, folded literal).
 */
final class IrNode {
    /** Emitted inline. */
    static final int INLINE = 0;
    /** Unconditional direct branch (B, BL); conditional only through IT. */
    static final int BRANCH = 1;
    /** B&lt;cond&gt;. */
    static final int COND_BRANCH = 2;
    /** CBZ/CBNZ. */
    static final int CBZ = 3;
    /** IT: no code, the ITSTATE of the following instructions is static. */
    static final int IT = 4;
    /** Executed by the interpreter's executor; continues in the region. */
    static final int FALLBACK = 5;
    /** Executed by the interpreter's executor, then the region exits to cpu.nextPc. */
    static final int TERMINAL = 6;

    static final int N = 8, Z = 4, C = 2, V = 1, ALL = 15;

    final int pc;
    final Insn in;
    /** ITSTATE before this instruction, and after it (as the interpreter advances it). */
    final int it, itAfter;
    final int kind;
    int index;
    /** Fall-through PC and branch target PC (-1: none); whether each edge stays in the region. */
    int next = -1, target = -1;
    boolean nextIn, targetIn;
    /** Start of a counter span (entry and branch targets): counters are added on the edges into it. */
    boolean check;
    /**
     * Budget check before this instruction (the entry and targets of backward edges, so every loop
     * has one), and the bound it checks: the most cycles any path from here runs before its last
     * instruction, up to the next budget check or exit.
     */
    boolean budget;
    /** The target of a backward edge in the region. */
    boolean loopHeader;
    long budgetCycles;
    /** Cycles and instructions from the start of this node's span up to (not including) this node. */
    long pre = -1;
    int preN;
    /** Flag liveness. */
    int reads, writes, liveIn, liveOut;
    /** Index of the node whose subtraction set C and V / that set N and Z, on every path to this one (-1: unknown). */
    int cvSrc = -1, nzSrc = -1;
    /** TBB/TBH folded: the branch target for each index below the length (others take the executor). */
    int[] switchTargets;
    /** LDR literal folded to a constant. */
    boolean folded;
    int literal;
    final Label label = new Label();

    IrNode(int pc, Insn in, int it, int itAfter, int kind) {
        this.pc = pc; this.in = in; this.it = it; this.itAfter = itAfter; this.kind = kind;
    }

    /** True when the instruction runs only if its IT condition passes. */
    boolean conditional() {
        return it != 0 && (it >>> 4) < 14;
    }

    /** The flags the instruction computes (needed by later reads or exits). */
    int needed() { return writes & liveOut; }

    @Override public String toString() { return String.format("%08x it=%02x %s", pc, it, in); }
}
