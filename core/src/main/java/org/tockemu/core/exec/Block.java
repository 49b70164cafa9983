package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.mem.LittleEndian;
import org.tockemu.core.mem.Region;

/**
 * A decoded straight-line run of instructions for the interpreter's block mode
 * ({@link Interpreter#run}): {@link #nMid} "middle" instructions that never write the PC or the
 * mode (ALU operations, single loads and stores, LDM/STM without the PC, multiplies, IT and the
 * conditional instructions of its IT block: the IT state at every instruction is known when the
 * block is built, as blocks start outside IT blocks), then at most one terminator, any
 * instruction, executed exactly as {@link Interpreter#step} does.
 * Cached on the decoded instruction at its first address ({@link Insn#block}) and validated on
 * every entry against the bytes in memory, so code writes are seen at the next block entry.
 * Performance only: executing a block is exactly executing its instructions one by one.
 */
public final class Block {
    /** Longest block, in instructions. */
    static final int MAX = 32;

    /** The instructions: insns[0 .. nMid) middle ones, then the terminator when nMid < insns.length. */
    final Insn[] insns;
    final int nMid;
    /** The terminator runs inside an IT block (then it is executed by step()). */
    final boolean termInIt;
    /** The middle instructions, specialized. */
    final BlockOp[] ops;
    /** pcAt[k]: address of instruction k (pcAt[n]: the end); cycAt[k]: cycles of the instructions before k. */
    final int[] pcAt, cycAt;
    /** Bytes from the block's first address that must lie in the execute window (covers validation reads). */
    final int span;
    /** The code bytes as little-endian words, the last one masked by lastMask (validation). */
    final int[] words;
    final int lastMask;
    /** Cycles of every instruction but the last: the block runs unchecked when cycles + this < limit. */
    final long cyclesBeforeLast;
    /** Address after the last instruction (fall-through successor). */
    final int endPc;
    /**
     * In memory that plain stores reach through the fast write window, which the bus does not
     * report: validated against the bytes on every entry. Elsewhere every change of code memory
     * goes through the bus and bumps Cpu.codeWrites, and a block validated since is trusted.
     */
    final boolean ramCode;
    /** Cpu.codeWrites when the bytes were last found equal (meaningless for ramCode blocks). */
    int checkedGen;
    /** Chained successors (performance only; each is validated on use): the fall-through block and the last taken target. */
    Block fall, taken;
    int takenPc;

    private Block(Insn[] insns, int[] its, int nMid, int span, int[] words, int lastMask, long cyclesBeforeLast, int endPc, boolean ramCode, int gen) {
        this.insns = insns; this.nMid = nMid; this.span = span; this.words = words; this.lastMask = lastMask;
        this.cyclesBeforeLast = cyclesBeforeLast; this.endPc = endPc; this.ramCode = ramCode; this.checkedGen = gen;
        int n = insns.length;
        pcAt = new int[n + 1];
        cycAt = new int[n + 1];
        int p = endPc;
        for (int k = n - 1; k >= 0; k--) p -= insns[k].size;
        int c = 0;
        for (int k = 0; k < n; k++) { pcAt[k] = p; cycAt[k] = c; p += insns[k].size; c += insns[k].cycles; }
        pcAt[n] = p;
        cycAt[n] = c;
        ops = new BlockOp[nMid];
        for (int k = 0; k < nMid; k++) ops[k] = BlockOp.of(insns[k], pcAt[k], cycAt[k], its[k]);
        termInIt = nMid < n && its[nMid] != 0;
    }

    /** True when this block (at pc) may run now: it lies in the execute window and memory still holds its code. */
    boolean usable(Cpu cpu, int pc) {
        int off = pc - cpu.xStart;
        int len = cpu.xLen;
        if (Integer.compareUnsigned(off, len) >= 0 || off + span > len) return false;
        if (!ramCode && checkedGen == cpu.codeWrites) return true;
        if (!matches(cpu.xMem, pc - cpu.xBase)) return false;
        checkedGen = cpu.codeWrites;
        return true;
    }

    /** True when mem at idx still holds this block's encodings. */
    boolean matches(byte[] mem, int idx) {
        int[] w = words;
        int last = w.length - 1;
        for (int k = 0; k < last; k++) if (LittleEndian.get32(mem, idx + 4 * k) != w[k]) return false;
        return (LittleEndian.get32(mem, idx + 4 * last) & lastMask) == w[last];
    }

    /**
     * Decodes the block at pc (inside the execute window, IT state 0) through the decode cache and
     * caches it on its first instruction; null when not even one instruction is fetchable from the window.
     */
    static Block build(Cpu cpu, int pc) {
        byte[] mem = cpu.xMem;
        int xStart = cpu.xStart, xLen = cpu.xLen, xBase = cpu.xBase;
        // code in memory that plain stores reach through the fast write window: a store may rewrite
        // the block itself, so stores end the block there (elsewhere stores into code take the slow
        // path, which ends the block too)
        Region reg = cpu.bus.find(pc);
        boolean ramCode = reg == null || (reg.writable && !reg.executableCodeStore());
        Insn[] tmp = new Insn[MAX];
        int[] its = new int[MAX];
        int n = 0, p = pc, nMid = -1, it = 0;
        while (n < MAX) {
            int off = p - xStart;
            if (!(Integer.compareUnsigned(off, xLen) < 0 && off <= xLen - 4)) break;
            int idx = p - xBase;
            Insn in = cpu.xCache[idx >>> 1];
            if (in == null || (LittleEndian.get32(mem, idx) & in.encMask) != in.encKey) in = Interpreter.refill(cpu, idx);
            its[n] = it; // the IT state this instruction executes with (blocks start outside IT blocks)
            tmp[n++] = in;
            p += in.size;
            boolean itInsn = in.group == Group.BRANCH && in.op == BranchSystem.IT;
            if (itInsn ? it != 0 : !Interpreter.isMiddle(in, ramCode)) { nMid = n - 1; break; }
            it = itInsn ? in.imm : (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
        }
        if (n == 0) return null;
        if (nMid < 0) nMid = n;
        Insn[] insns = java.util.Arrays.copyOf(tmp, n);
        int codeLen = p - pc;
        int lastOff = codeLen - insns[n - 1].size;
        int nw = (codeLen + 3) >>> 2;
        int span = Math.max(lastOff + 4, 4 * nw);
        if (pc - xStart + span > xLen) { // the last word read would leave the window: drop the last instruction
            if (n == 1) return null;
            n--;
            insns = java.util.Arrays.copyOf(insns, n);
            nMid = Math.min(nMid, n);
            codeLen -= tmp[n].size;
            lastOff = codeLen - insns[n - 1].size;
            nw = (codeLen + 3) >>> 2;
            span = Math.max(lastOff + 4, 4 * nw);
            if (pc - xStart + span > xLen) return null;
        }
        int idx = pc - xBase;
        int[] words = new int[nw];
        for (int k = 0; k < nw; k++) words[k] = LittleEndian.get32(mem, idx + 4 * k);
        int lastMask = (codeLen & 3) == 0 ? -1 : 0xFFFF;
        words[nw - 1] &= lastMask;
        long cyc = 0;
        for (int k = 0; k < n - 1; k++) cyc += insns[k].cycles;
        Block b = new Block(insns, java.util.Arrays.copyOf(its, n), nMid, span, words, lastMask, cyc, pc + codeLen, ramCode, cpu.codeWrites);
        insns[0].block = b;
        return b;
    }
}
