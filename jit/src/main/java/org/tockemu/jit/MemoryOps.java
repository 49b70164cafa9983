package org.tockemu.jit;

import static org.objectweb.asm.Opcodes.*;
import static org.tockemu.jit.Emitter.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exec.LoadStore;
import org.tockemu.core.exec.LoadStoreMultiple;

/**
 * The backend's loads and stores: every access checks the current MPU windows inline (a few
 * fields of the Cpu, unsigned compares) and then uses little-endian VarHandle access on the
 * window's byte[]; anything else (MMIO, faults, other windows) calls JitRuntime or the executor.
 */
final class MemoryOps extends EmitterPart {
    MemoryOps(Emitter e, MethodVisitor mv) {
        super(e, mv);
    }

    /** LDRD/STRD: both words in one window inline (aligned), else the executor. */
    void dual(IrNode n) {
        Insn in = n.in;
        boolean load = in.op == LoadStoreMultiple.LDRD;
        boolean index = (in.flags & Insn.INDEX) != 0, wback = (in.flags & Insn.WBACK) != 0;
        // offset address -> T3, access address -> T0
        if (in.rn == 15) e.iconst((n.pc + 4) & ~3); else e.reg(n, in.rn);
        if (in.imm != 0) { e.iconst(in.imm); mv.visitInsn(IADD); }
        mv.visitVarInsn(ISTORE, T3);
        if (index) mv.visitVarInsn(ILOAD, T3); else if (in.rn == 15) e.iconst((n.pc + 4) & ~3); else e.reg(n, in.rn);
        mv.visitVarInsn(ISTORE, T0);
        Label slow = new Label(), done = new Label();
        if (load) {
            readWindow(T0, 4, 4, slow);
            mv.visitVarInsn(ALOAD, MEM); mv.visitVarInsn(ILOAD, T1); mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get32", "([BI)I", false);
            mv.visitVarInsn(ISTORE, T2);
            mv.visitVarInsn(ALOAD, MEM); mv.visitVarInsn(ILOAD, T1); e.iconst(4); mv.visitInsn(IADD); mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get32", "([BI)I", false);
            mv.visitVarInsn(ISTORE, T5);
            if (wback) { mv.visitVarInsn(ILOAD, T3); e.setReg(in.rn); }
            mv.visitVarInsn(ILOAD, T2); e.setReg(in.rd);
            mv.visitVarInsn(ILOAD, T5); e.setReg(in.ra);
        } else {
            inWindowAligned(T0, 4, "w", slow);
            inWindow(T0, 4, "w", slow);
            mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "wMem", "[B");
            mv.visitVarInsn(ILOAD, T0); mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "wBase", "I"); mv.visitInsn(ISUB);
            mv.visitVarInsn(ISTORE, T1);
            mv.visitInsn(DUP); mv.visitVarInsn(ILOAD, T1); e.reg(n, in.rd); mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "put32", "([BII)V", false);
            mv.visitVarInsn(ILOAD, T1); e.iconst(4); mv.visitInsn(IADD); e.reg(n, in.ra); mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "put32", "([BII)V", false);
            if (wback) { mv.visitVarInsn(ILOAD, T3); e.setReg(in.rn); }
        }
        e.executorSlowPath(n, slow, done);
    }

    /** Leaves the windowed byte offset in T1 and the array in MEM, or jumps to slow. */
    private void readWindow(int addrLocal, int size, int lastOffset, Label slow) {
        Label found = new Label(), tryR1 = new Label();
        for (int w = 0; w < 2; w++) {
            String p = w == 0 ? "r0" : "r1";
            Label miss = w == 0 ? tryR1 : slow;
            inWindowAligned(addrLocal, size, p, miss);
            if (lastOffset != 0) inWindow(addrLocal, lastOffset, p, miss);
            mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, p + "Mem", "[B"); mv.visitVarInsn(ASTORE, MEM);
            mv.visitVarInsn(ILOAD, addrLocal); mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, p + "Base", "I");
            mv.visitInsn(ISUB); mv.visitVarInsn(ISTORE, T1);
            if (w == 0) { mv.visitJumpInsn(GOTO, found); mv.visitLabel(tryR1); }
        }
        mv.visitLabel(found);
    }

    /**
     * Jumps to miss unless the naturally aligned access of size bytes at addr lies in window p:
     * (addr - start) rotated right by log2(size) is below len / size exactly when the offset is
     * aligned (its low bits rotate into the top two) and in range, so one compare checks both (C2
     * folds the two signed tests into one unsigned compare). Windows start aligned; one that
     * does not only sends accesses to the slow path.
     */
    private void inWindowAligned(int addrLocal, int size, String p, Label miss) {
        if (size == 1) { inWindow(addrLocal, 0, p, miss); return; }
        int k = size == 4 ? 2 : 1;
        mv.visitVarInsn(ILOAD, addrLocal);
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, p + "Start", "I"); mv.visitInsn(ISUB);
        e.iconst(k); mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "rotateRight", "(II)I", false);
        mv.visitInsn(DUP); mv.visitVarInsn(ISTORE, TW);
        mv.visitJumpInsn(IFLT, miss);
        mv.visitVarInsn(ILOAD, TW);
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, p + "Len", "I"); e.iconst(k); mv.visitInsn(IUSHR);
        mv.visitJumpInsn(IF_ICMPGE, miss);
    }

    /**
     * Jumps to miss unless addr + off lies in window p: 0 &lt;= addr + off - start &lt; len, two signed
     * tests C2 folds into one unsigned compare because len &amp; 0x7FFFFFFF is known non-negative
     * (an xor-biased signed compare it leaves as it is). A window is far below 2 GiB.
     */
    private void inWindow(int addrLocal, int off, String p, Label miss) {
        mv.visitVarInsn(ILOAD, addrLocal);
        if (off != 0) { e.iconst(off); mv.visitInsn(IADD); }
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, p + "Start", "I"); mv.visitInsn(ISUB);
        mv.visitInsn(DUP); mv.visitVarInsn(ISTORE, TW);
        mv.visitJumpInsn(IFLT, miss);
        mv.visitVarInsn(ILOAD, TW);
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, p + "Len", "I"); e.iconst(Integer.MAX_VALUE); mv.visitInsn(IAND);
        mv.visitJumpInsn(IF_ICMPGE, miss);
    }


    /** Single loads and stores: address -> T0, value -> T2, then commit. */
    void single(IrNode n) {
        Insn in = n.in;
        int op = in.op;
        boolean store = RegionBuilder.isStore(op);
        int kind;
        boolean wback = false, index = true;
        if (op >= LoadStore.LD_WB) { kind = op - (store ? LoadStore.ST_WB : LoadStore.LD_WB); wback = true; index = (in.flags & Insn.INDEX) != 0; }
        else if (op >= LoadStore.LD_LIT) kind = op - LoadStore.LD_LIT;
        else if (op >= LoadStore.ST_REG) kind = op - LoadStore.ST_REG;
        else if (op >= LoadStore.LD_REG) kind = op - LoadStore.LD_REG;
        else if (op >= LoadStore.ST_IMM) kind = op - LoadStore.ST_IMM;
        else kind = op - LoadStore.LD_IMM;
        // offset address -> T3, access address -> T0
        if (op >= LoadStore.LD_LIT && op < LoadStore.LD_WB) e.iconst(((n.pc + 4) & ~3) + in.imm);
        else if ((op >= LoadStore.LD_REG && op < LoadStore.LD_LIT)) {
            e.reg(n, in.rn); e.reg(n, in.rm); if (in.shiftN != 0) { e.iconst(in.shiftN); mv.visitInsn(ISHL); } mv.visitInsn(IADD);
        } else { e.reg(n, in.rn); if (in.imm != 0) { e.iconst(in.imm); mv.visitInsn(IADD); } }
        mv.visitVarInsn(ISTORE, T3);
        if (index) mv.visitVarInsn(ILOAD, T3); else e.reg(n, in.rn);
        mv.visitVarInsn(ISTORE, T0);
        int size = kind == LoadStore.W ? 4 : kind == LoadStore.B || kind == LoadStore.SB ? 1 : 2;
        Label slow = new Label(), done = new Label();
        if (!store) {
            readWindow(T0, size, 0, slow);
            mv.visitVarInsn(ALOAD, MEM); mv.visitVarInsn(ILOAD, T1);
            switch (size) {
                case 4: mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get32", "([BI)I", false); break;
                case 2: mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get16", "([BI)I", false); if (kind == LoadStore.SH) mv.visitInsn(I2S); break;
                default: mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get8", "([BI)I", false); if (kind == LoadStore.SB) mv.visitInsn(I2B); break;
            }
            if (wback) { mv.visitVarInsn(ILOAD, T3); e.setRegSp(in.rn); }
            e.setReg(in.rd);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(slow);
            e.siteArgs(n);
            mv.visitVarInsn(ILOAD, T0);
            mv.visitMethodInsn(INVOKESTATIC, RT, size == 4 ? "read32" : size == 2 ? "read16" : "read8", SITE_DESC.replace(")", "I)") + "I", false);
            if (kind == LoadStore.SH) mv.visitInsn(I2S);
            if (kind == LoadStore.SB) mv.visitInsn(I2B);
            if (wback) { mv.visitVarInsn(ILOAD, T3); e.setRegSp(in.rn); }
            e.setReg(in.rd);
            e.exitIfAttention(n);
            mv.visitLabel(done);
        } else {
            // Cpu.tryWrite32/16/8, the interpreter's own fast path (small; HotSpot inlines it). Loads
            // stay inline: shared branch profiles of a load helper cost sha256 ~10%
            mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ILOAD, T0); e.reg(n, in.rd);
            mv.visitMethodInsn(INVOKEVIRTUAL, CPU, size == 4 ? "tryWrite32" : size == 2 ? "tryWrite16" : "tryWrite8", "(II)Z", false);
            mv.visitJumpInsn(IFEQ, slow);
            if (wback) { mv.visitVarInsn(ILOAD, T3); e.setRegSp(in.rn); }
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(slow);
            e.siteArgs(n);
            mv.visitVarInsn(ILOAD, T0); e.reg(n, in.rd);
            mv.visitMethodInsn(INVOKESTATIC, RT, size == 4 ? "write32" : size == 2 ? "write16" : "write8", SITE_DESC.replace(")", "II)") + "V", false);
            if (wback) { mv.visitVarInsn(ILOAD, T3); e.setRegSp(in.rn); }
            e.exitIfAttention(n);
            mv.visitLabel(done);
        }
    }

    /**
     * LDM/LDMDB with the PC (POP {..., pc}, the usual function return): the whole block in one
     * window and a loaded PC that is a Thumb address outside the EXC_RETURN range, inline, leaving
     * the region for it; anything else falls through to the executor before any state changed
     * (interworking to ARM state, exception return, faults). SP in the list or a written-back base
     * in the list (UNPREDICTABLE) always take the executor.
     */
    void loadMultipleWithPc(IrNode n) {
        Insn in = n.in;
        int list = in.list, count = Integer.bitCount(list);
        boolean wback = (in.flags & Insn.WBACK) != 0;
        if (in.rn == 15 || (list & 0x2000) != 0 || (wback && (list & (1 << in.rn)) != 0)) return;
        boolean db = in.op == LoadStoreMultiple.LDMDB;
        blockAddress(n, count, db);
        Label slow = new Label();
        readWindow(T0, 4, 4 * (count - 1), slow);
        // the PC is the highest register: the last word
        mv.visitVarInsn(ALOAD, MEM); mv.visitVarInsn(ILOAD, T1); e.iconst(4 * (count - 1)); mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get32", "([BI)I", false);
        mv.visitVarInsn(ISTORE, T2);
        mv.visitVarInsn(ILOAD, T2); e.iconst(1); mv.visitInsn(IAND); mv.visitJumpInsn(IFEQ, slow);
        mv.visitVarInsn(ILOAD, T2); e.iconst(28); mv.visitInsn(IUSHR); e.iconst(0xF); mv.visitJumpInsn(IF_ICMPEQ, slow);
        loadWords(list);
        if (wback) writeBackBase(in.rn, count, db);
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ILOAD, T2); e.iconst(~1); mv.visitInsn(IAND); mv.visitFieldInsn(PUTFIELD, CPU, "nextPc", "I");
        e.exitToNextPc(n);
        mv.visitLabel(slow);
    }

    /** LDM/LDMDB/STM/STMDB without the PC: whole block in one window inline, else the executor. */
    void multiple(IrNode n) {
        Insn in = n.in;
        int op = in.op;
        int list = in.list, count = Integer.bitCount(list);
        boolean wback = (in.flags & Insn.WBACK) != 0;
        boolean db = op == LoadStoreMultiple.LDMDB || op == LoadStoreMultiple.STMDB;
        boolean load = op == LoadStoreMultiple.LDM || op == LoadStoreMultiple.LDMDB;
        blockAddress(n, count, db);
        Label slow = new Label(), done = new Label();
        if (load) {
            readWindow(T0, 4, 4 * (count - 1), slow);
            loadWords(list); // all reads succeed: load straight into the registers
        } else {
            inWindowAligned(T0, 4, "w", slow);
            if (count > 1) inWindow(T0, 4 * (count - 1), "w", slow);
            mv.visitVarInsn(ILOAD, T0); mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "wBase", "I"); mv.visitInsn(ISUB);
            mv.visitVarInsn(ISTORE, T1);
            int k = 0;
            for (int l = list; l != 0; l &= l - 1, k++) {
                int r = Integer.numberOfTrailingZeros(l);
                mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "wMem", "[B"); mv.visitVarInsn(ILOAD, T1);
                if (k != 0) { e.iconst(4 * k); mv.visitInsn(IADD); }
                e.reg(n, r);
                mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "put32", "([BII)V", false);
            }
        }
        if (wback) writeBackBase(in.rn, count, db);
        e.executorSlowPath(n, slow, done);
    }

    /** The lowest address of an LDM/STM(DB) block of count words -> T0. */
    private void blockAddress(IrNode n, int count, boolean db) {
        e.reg(n, n.in.rn);
        if (db) { e.iconst(4 * count); mv.visitInsn(ISUB); }
        mv.visitVarInsn(ISTORE, T0);
    }

    /** The registers of list (r0-r14) from consecutive words of MEM from offset T1. */
    private void loadWords(int list) {
        int k = 0;
        for (int l = list & 0x7FFF; l != 0; l &= l - 1, k++) {
            mv.visitVarInsn(ALOAD, MEM); mv.visitVarInsn(ILOAD, T1);
            if (k != 0) { e.iconst(4 * k); mv.visitInsn(IADD); }
            mv.visitMethodInsn(INVOKESTATIC, UNCHECKED, "get32", "([BI)I", false);
            e.setReg(Integer.numberOfTrailingZeros(l));
        }
    }

    /** The written-back base of a block of count words at T0: T0 after DB, T0 + 4 * count after IA. */
    private void writeBackBase(int rn, int count, boolean db) {
        mv.visitVarInsn(ILOAD, T0);
        if (!db) { e.iconst(4 * count); mv.visitInsn(IADD); }
        e.setReg(rn);
    }
}
