package org.tockemu.jit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exec.Alu;
import org.tockemu.core.exec.BranchSystem;
import org.tockemu.core.exec.LoadStore;
import org.tockemu.core.exec.LoadStoreMultiple;

/**
 * The ASM backend: one hidden class per region whose run(Cpu, long) keeps r0-r14 and NZCV in JVM
 * locals, checks the cycle budget and attention at the entry and at branch targets, inlines the
 * memory window checks, and calls the interpreter's executors for everything else.
 */
final class Emitter {
    static final String CPU = "org/tockemu/core/cpu/Cpu";
    static final String INSN = "org/tockemu/core/decode/Insn";
    /** Little-endian access behind the inline window checks (unchecked when the JVM allows it). */
    static final String UNCHECKED = "org/tockemu/core/mem/UncheckedMemory";
    static final String RT = "org/tockemu/jit/JitRuntime";
    static final String ALU = "org/tockemu/core/exec/Alu";
    static final String BASE = "org/tockemu/jit/JitRegion";

    // locals
    static final int THIS = 0, L_CPU = 1, LIMIT = 2, R0 = 4, FNZ = 19, CA = 20, CB = 21, CR = 22, PK = 23, LIMS = 25,
            EXITK = 27, VA = 28, VB = 29, VR = 30, EPOCH = 32, T0 = 33, T1 = 34, T2 = 35, T3 = 36,
            RARR = 37, MEM = 38, TL = 39, T4 = 41, T5 = 42, RESUME = 43, TW = 44, DNZ = 45, DC = 46, DV = 47;

    private final RegionBuilder rb;
    private final String name;
    private MethodVisitor mv;
    private MemoryOps memory;
    private DataOps dataOps;
    private final Label exit = new Label(), exitNoWb = new Label(), handler = new Label();
    /** Sites: exits (pc/it to continue at, counters to add) and calls (pc/it of the instruction, counters before it). */
    final java.util.List<long[]> sites = new java.util.ArrayList<>();
    /**
     * (cpu, region, site, pk): pk packs the cycles (high word) and instructions (low word) counted
     * since the region was entered; cpu.cycles/instructions hold the entry values until an exit.
     */
    static final String SITE_DESC = "(L" + CPU + ";L" + BASE + ";IJ)";
    private int codeSize;

    Emitter(RegionBuilder rb, String name) {
        this.rb = rb;
        this.name = name;
    }

    int codeSize() { return codeSize; }

    byte[] generate() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        cw.visit(V1_6, ACC_FINAL | ACC_SUPER, name, null, BASE, null);
        MethodVisitor c = cw.visitMethod(0, "<init>", "([L" + INSN + ";I)V", null, null);
        c.visitCode();
        c.visitVarInsn(ALOAD, 0);
        c.visitVarInsn(ALOAD, 1);
        c.visitVarInsn(ILOAD, 2);
        c.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "([L" + INSN + ";I)V", false);
        c.visitInsn(RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();
        mv = cw.visitMethod(ACC_PUBLIC, "run", "(L" + CPU + ";J)V", null, null);
        memory = new MemoryOps(this, mv);
        dataOps = new DataOps(this, mv);
        mv.visitCode();
        Label tryStart = new Label(), tryEnd = new Label(), end = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "org/tockemu/core/cpu/GuestFault");
        prologue();
        mv.visitLabel(tryStart);
        entryDispatch();
        for (int i = 0; i < rb.nodes.size(); i++) {
            IrNode n = rb.nodes.get(i);
            mv.visitLabel(n.label);
            resumeDispatch(n);
            node(n);
            // fall through to the next node, or jump/exit
            if (n.next != -1 && !(n.kind == IrNode.TERMINAL)) {
                IrNode nx = i + 1 < rb.nodes.size() ? rb.nodes.get(i + 1) : null;
                if (n.nextIn) {
                    IrNode t = rb.byPc.get(n.next);
                    if (t.check) addCounters(n);
                    if (nx == null || nx.pc != n.next) mv.visitJumpInsn(GOTO, t.label);
                } else {
                    exitAfter(n, n.next, n.itAfter);
                }
            } else if (n.kind != IrNode.TERMINAL && n.kind != IrNode.BRANCH && n.kind != IrNode.COND_BRANCH && n.kind != IrNode.CBZ) {
                throw new IllegalStateException("node without successor: " + n);
            }
        }
        mv.visitLabel(tryEnd);
        // shared exit
        mv.visitLabel(exit);
        storeRegs();
        storeFlags();
        mv.visitLabel(exitNoWb);
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ALOAD, THIS); mv.visitVarInsn(ILOAD, EXITK);
        mv.visitVarInsn(LLOAD, PK);
        mv.visitMethodInsn(INVOKESTATIC, RT, "exit", SITE_DESC + "V", false);
        mv.visitInsn(RETURN);
        // fault: the state of the faulting instruction
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, T4);
        storeRegs();
        storeFlags(); // pc, itState and the counters were stored by the faulting call site
        mv.visitVarInsn(ALOAD, RARR); iconst(15); mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "pc", "I");
        iconst(4); mv.visitInsn(IADD); mv.visitInsn(IASTORE);
        mv.visitVarInsn(ALOAD, T4);
        mv.visitInsn(ATHROW);
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        codeSize = end.getOffset();
        cw.visitEnd();
        return cw.toByteArray();
    }

    // ------------------------------------------------------------------ entries

    /**
     * Jumps to the entry at cpu.pc (the hot entry or a loop header). An entry inside loops is
     * reached through their headers (RESUME holds its pc | 1 on the way, see {@link
     * #resumeDispatch}), so every loop keeps a single entry and stays reducible for C2.
     */
    private void entryDispatch() {
        int[] entries = rb.entries();
        Label[] to = new Label[entries.length];
        Label main = null;
        boolean direct = true;
        for (int i = 0; i < entries.length; i++) {
            int[] chain = rb.resumeChains[i];
            to[i] = chain.length == 0 ? rb.byPc.get(entries[i]).label : new Label();
            if (chain.length != 0) direct = false;
            if (entries[i] == rb.entry) main = to[i];
        }
        if (entries.length > 1) {
            mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "pc", "I");
            mv.visitLookupSwitchInsn(main, entries, to);
        } else if (!direct || rb.nodes.get(0).pc != rb.entry) {
            mv.visitJumpInsn(GOTO, main);
        }
        for (int i = 0; i < entries.length; i++) {
            int[] chain = rb.resumeChains[i];
            if (chain.length == 0) continue;
            mv.visitLabel(to[i]);
            iconst(entries[i] | 1); mv.visitVarInsn(ISTORE, RESUME);
            mv.visitJumpInsn(GOTO, rb.byPc.get(chain[0]).label);
        }
    }

    /** At a loop header on the way to an entry inside its loop: on to the next header, or the entry (RESUME cleared). */
    private void resumeDispatch(IrNode n) {
        int[] entries = rb.entries();
        int count = 0;
        int[] keys = new int[entries.length];
        Label[] hops = new Label[entries.length];
        int[] next = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            int[] chain = rb.resumeChains[i];
            for (int k = 0; k < chain.length; k++) {
                if (chain[k] != n.pc) continue;
                keys[count] = entries[i] | 1;
                next[count] = k + 1 < chain.length ? chain[k + 1] : -1 - entries[i];
                hops[count++] = new Label();
            }
        }
        if (count == 0) return;
        Label normal = new Label();
        mv.visitVarInsn(ILOAD, RESUME); mv.visitJumpInsn(IFEQ, normal);
        mv.visitVarInsn(ILOAD, RESUME);
        mv.visitLookupSwitchInsn(normal, java.util.Arrays.copyOf(keys, count), java.util.Arrays.copyOf(hops, count));
        for (int i = 0; i < count; i++) {
            mv.visitLabel(hops[i]);
            if (next[i] < 0) { iconst(0); mv.visitVarInsn(ISTORE, RESUME); }
            mv.visitJumpInsn(GOTO, rb.byPc.get(next[i] < 0 ? -1 - next[i] : next[i]).label);
        }
        mv.visitLabel(normal);
    }

    // ------------------------------------------------------------------ state

    private boolean used(int r) { return r < 15 && (rb.usedRegs & (1 << r)) != 0; }

    private void prologue() {
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "r", "[I"); mv.visitVarInsn(ASTORE, RARR);
        loadRegs();
        loadFlags();
        mv.visitInsn(LCONST_0); mv.visitVarInsn(LSTORE, PK);
        // LIMS: the budget in pk's high word, at most 2^30 cycles per run so the instruction count never carries
        mv.visitVarInsn(LLOAD, LIMIT); mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "cycles", "J"); mv.visitInsn(LSUB);
        mv.visitLdcInsn(1L << 30); mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false);
        iconst(32); mv.visitInsn(LSHL); mv.visitVarInsn(LSTORE, LIMS);
        pushEpoch(); mv.visitVarInsn(ISTORE, EPOCH);
        for (int l : new int[] {EXITK, T0, T1, T2, T3, T5, RESUME}) { iconst(0); mv.visitVarInsn(ISTORE, l); }
        mv.visitInsn(ACONST_NULL); mv.visitVarInsn(ASTORE, MEM);
        mv.visitInsn(LCONST_0); mv.visitVarInsn(LSTORE, TL);
    }

    private void loadRegs() {
        for (int r = 0; r < 15; r++) {
            if (!used(r)) continue;
            mv.visitVarInsn(ALOAD, RARR); iconst(r); mv.visitInsn(IALOAD); mv.visitVarInsn(ISTORE, R0 + r);
        }
    }

    /** Writes back the registers the region's code assigns (the others still equal cpu.r). */
    private void storeRegs() {
        for (int r = 0; r < 15; r++) {
            if ((rb.writtenRegs & (1 << r)) == 0) continue;
            mv.visitVarInsn(ALOAD, RARR); iconst(r); mv.visitVarInsn(ILOAD, R0 + r); mv.visitInsn(IASTORE);
        }
    }

    // Lazy flags: the flag-setting instructions only name values, the flags are derived where read.
    // N and Z: FNZ (N = FNZ < 0, Z = FNZ == 0; N and Z both set is not representable, the engine
    // does not enter a region in that state). C and V: the operands and result of the last
    // add/subtract, C = carry out of CA + CB (+ carry in) = CR, V = its signed overflow of VA + VB = VR;
    // an explicit C is CA = CB = C << 31; loaded flags are a triple that encodes both C and V.

    // A region without loops (a small function called from a loop, say) loads the entry flags only
    // when an instruction may read them before the region writes them (RegionBuilder.entryFlagReads),
    // and stores back only the flags it wrote (the DNZ/DC/DV locals; cpu still holds the others), so
    // most calls convert no flags in and only the written ones out. Regions with loops load and store
    // all four: C2 compiled their loops worse with constant-initialized flag locals (sha256 +12%).

    private void loadFlags() {
        int reads = rb.hasLoops ? IrNode.ALL : rb.entryFlagReads;
        if (!rb.hasLoops) for (int d : new int[] {DNZ, DC, DV}) { iconst(0); mv.visitVarInsn(ISTORE, d); }
        if ((reads & (IrNode.N | IrNode.Z)) != 0) {
            mv.visitVarInsn(ALOAD, L_CPU); mv.visitMethodInsn(INVOKESTATIC, RT, "nzOf", "(L" + CPU + ";)I", false);
        } else {
            iconst(1); // never read or stored before the region sets it
        }
        mv.visitVarInsn(ISTORE, FNZ);
        // one triple that gives both C and V (bit 31 of a, b, r: C&V, C, V&~C), in both the C and the V
        // locals: they stay the same values until an explicit C, so HotSpot keeps one copy
        boolean cv = (reads & (IrNode.C | IrNode.V)) != 0;
        for (int k = 0; k < 3; k++) {
            if (cv) {
                mv.visitVarInsn(ALOAD, L_CPU);
                mv.visitMethodInsn(INVOKESTATIC, RT, k == 0 ? "cvA" : k == 1 ? "cvB" : "cvR", "(L" + CPU + ";)I", false);
            } else {
                iconst(0);
            }
            mv.visitInsn(DUP); mv.visitVarInsn(ISTORE, CA + k); mv.visitVarInsn(ISTORE, k == 0 ? VA : k == 1 ? VB : VR);
        }
    }

    /** Stores the flags into cpu: all four in a region with loops, else those the region wrote. */
    private void storeFlags() {
        Label noNz = new Label(), noC = new Label(), noV = new Label();
        boolean tested = !rb.hasLoops;
        if (tested) { mv.visitVarInsn(ILOAD, DNZ); mv.visitJumpInsn(IFEQ, noNz); }
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ILOAD, FNZ); iconst(31); mv.visitInsn(IUSHR); mv.visitFieldInsn(PUTFIELD, CPU, "n", "Z");
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ILOAD, FNZ); mv.visitMethodInsn(INVOKESTATIC, RT, "isZero", "(I)I", false); mv.visitFieldInsn(PUTFIELD, CPU, "z", "Z");
        mv.visitLabel(noNz);
        if (tested) { mv.visitVarInsn(ILOAD, DC); mv.visitJumpInsn(IFEQ, noC); }
        mv.visitVarInsn(ALOAD, L_CPU); pushC(); mv.visitFieldInsn(PUTFIELD, CPU, "c", "Z");
        mv.visitLabel(noC);
        if (tested) { mv.visitVarInsn(ILOAD, DV); mv.visitJumpInsn(IFEQ, noV); }
        mv.visitVarInsn(ALOAD, L_CPU); pushV(); mv.visitFieldInsn(PUTFIELD, CPU, "v", "Z");
        mv.visitLabel(noV);
    }

    /** Marks a flag group written (d: DNZ, DC or DV), in regions that track it. */
    private void written(int d) {
        if (!rb.hasLoops) { iconst(1); mv.visitVarInsn(ISTORE, d); }
    }

    /** Pushes C (0/1). */
    void pushC() {
        mv.visitVarInsn(ILOAD, CA); mv.visitVarInsn(ILOAD, CB); mv.visitVarInsn(ILOAD, CR);
        mv.visitMethodInsn(INVOKESTATIC, RT, "carryOf", "(III)I", false);
    }

    /** Pushes V (0/1). */
    private void pushV() {
        mv.visitVarInsn(ILOAD, VA); mv.visitVarInsn(ILOAD, VB); mv.visitVarInsn(ILOAD, VR);
        mv.visitMethodInsn(INVOKESTATIC, RT, "addOverflow", "(III)I", false);
    }

    /** Pushes N (0/1). */
    private void pushN() { mv.visitVarInsn(ILOAD, FNZ); iconst(31); mv.visitInsn(IUSHR); }

    /** Pushes Z (0/1). */
    private void pushZ() { mv.visitVarInsn(ILOAD, FNZ); mv.visitMethodInsn(INVOKESTATIC, RT, "isZero", "(I)I", false); }

    /** C = the 0/1 int on the stack (consumed). */
    void setC() {
        iconst(31); mv.visitInsn(ISHL); mv.visitInsn(DUP); mv.visitVarInsn(ISTORE, CA); mv.visitVarInsn(ISTORE, CB);
        written(DC);
    }

    /** C and V of x + y (+ carry in) = res, from locals. */
    void setCV(int need, int x, int y, int res) {
        if ((need & IrNode.C) != 0) {
            mv.visitVarInsn(ILOAD, x); mv.visitVarInsn(ISTORE, CA);
            mv.visitVarInsn(ILOAD, y); mv.visitVarInsn(ISTORE, CB);
            mv.visitVarInsn(ILOAD, res); mv.visitVarInsn(ISTORE, CR);
            written(DC);
        }
        if ((need & IrNode.V) != 0) {
            mv.visitVarInsn(ILOAD, x); mv.visitVarInsn(ISTORE, VA);
            mv.visitVarInsn(ILOAD, y); mv.visitVarInsn(ISTORE, VB);
            mv.visitVarInsn(ILOAD, res); mv.visitVarInsn(ISTORE, VR);
            written(DV);
        }
    }

    /** Exit before any instruction of the span ran (span start). */
    private void exitTo(int pc, int it) {
        exitSite(site(pc, it, 0, 0, -1), exit);
    }

    /** Exit after node n completed. */
    private void exitAfter(IrNode n, int pc, int it) {
        exitSite(site(pc, it, n.pre + n.in.cycles, n.preN + 1, -1), exit);
    }

    private void exitSite(int k, Label to) {
        iconst(k); mv.visitVarInsn(ISTORE, EXITK);
        mv.visitJumpInsn(GOTO, to);
    }

    /** A site: pc, itState (-1: keep cpu's), cycles and instructions, instruction index. */
    private int site(int pc, int it, long cyc, long n, int insn) {
        sites.add(new long[] {pc, it, cyc, n, insn});
        return sites.size() - 1;
    }

    /** Pushes cpu, this, the site of n, cyc, icnt (the arguments of JitRuntime's site methods). */
    void siteArgs(IrNode n) {
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ALOAD, THIS);
        iconst(site(n.pc, n.it, n.pre, n.preN, n.index));
        mv.visitVarInsn(LLOAD, PK);
    }

    /** pk += the span's cycles and instructions up to and including n. */
    private void addCounters(IrNode n) {
        mv.visitVarInsn(LLOAD, PK); mv.visitLdcInsn(((n.pre + n.in.cycles) << 32) + n.preN + 1); mv.visitInsn(LADD); mv.visitVarInsn(LSTORE, PK);
    }


    // ------------------------------------------------------------------ helpers

    void iconst(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    /** Pushes R[r] (PC reads as pc + 4). */
    void reg(IrNode n, int r) {
        if (r == 15) iconst(n.pc + 4);
        else mv.visitVarInsn(ILOAD, R0 + r);
    }

    void setReg(int r) { mv.visitVarInsn(ISTORE, R0 + r); }

    /** Stores an ADD/SUB/MOV result: SP[1:0] are RAZ/WI. */
    void setRegSp(int r) {
        if (r == 13) { iconst(~3); mv.visitInsn(IAND); }
        setReg(r);
    }

    /** Jumps to fail unless the condition holds (flags in locals) before node n. */
    private void condFail(IrNode n, int cond, Label fail) {
        if (cond >= 14) return;
        boolean inv = (cond & 1) != 0;
        if (fusedCondFail(n, cond, inv, fail)) return;
        switch (cond >>> 1) {
            case 0: mv.visitVarInsn(ILOAD, FNZ); mv.visitJumpInsn(inv ? IFEQ : IFNE, fail); break; // EQ: FNZ == 0
            case 1: pushC(); mv.visitJumpInsn(inv ? IFNE : IFEQ, fail); break;
            case 2: mv.visitVarInsn(ILOAD, FNZ); mv.visitJumpInsn(inv ? IFLT : IFGE, fail); break; // MI: FNZ < 0
            case 3: pushV(); mv.visitJumpInsn(inv ? IFNE : IFEQ, fail); break;
            case 4: // HI: C && !Z
                pushC(); pushZ(); iconst(1); mv.visitInsn(IXOR); mv.visitInsn(IAND);
                mv.visitJumpInsn(inv ? IFNE : IFEQ, fail);
                break;
            case 5: // GE: N == V
                pushN(); pushV();
                mv.visitJumpInsn(inv ? IF_ICMPEQ : IF_ICMPNE, fail);
                break;
            default: // GT: N == V && !Z
                pushN(); pushV(); mv.visitInsn(IXOR); pushZ(); mv.visitInsn(IOR);
                mv.visitJumpInsn(inv ? IFEQ : IFNE, fail);
                break;
        }
    }

    /**
     * A condition on the flags of a known subtraction a - b (a + ~b + 1, see RegionBuilder's flag
     * producers) compares a and b directly instead of deriving the flags: CS is a >= b unsigned,
     * HI a > b unsigned, GE a >= b and GT a > b signed (and their inverses).
     */
    private boolean fusedCondFail(IrNode n, int cond, boolean inv, Label fail) {
        int group = cond >>> 1;
        if (n.cvSrc < 0 || (group != 1 && group != 4 && group != 5 && group != 6)) return false;
        if (group != 1 && n.nzSrc != n.cvSrc) return false;
        boolean unsigned = group == 1 || group == 4;
        int a = unsigned ? CA : VA, nb = unsigned ? CB : VB;
        mv.visitVarInsn(ILOAD, a);
        if (unsigned) { iconst(Integer.MIN_VALUE); mv.visitInsn(IXOR); }
        mv.visitVarInsn(ILOAD, nb); iconst(unsigned ? Integer.MAX_VALUE : -1); mv.visitInsn(IXOR); // b, sign-flipped when unsigned
        int opcode;
        switch (group) {
            case 1: case 5: opcode = inv ? IF_ICMPGE : IF_ICMPLT; break; // CS/GE fail when a < b; CC/LT when a >= b
            default: opcode = inv ? IF_ICMPGT : IF_ICMPLE; break;        // HI/GT fail when a <= b; LS/LE when a > b
        }
        mv.visitJumpInsn(opcode, fail);
        return true;
    }

    /** N and Z from the int on the stack (consumed). */
    void setNZ(IrNode n) {
        int need = n.needed();
        if ((need & (IrNode.N | IrNode.Z)) == 0) { mv.visitInsn(POP); return; }
        mv.visitVarInsn(ISTORE, FNZ); // every instruction that sets one of N and Z sets both
        written(DNZ);
    }

    /** Shift by a constant amount (decoded DecodeImmShift), carry-in C local for RRX. */
    void shiftImm(int type, int amount) {
        if (amount == 0 && type != Alu.RRX) return;
        switch (type) {
            case Alu.LSL: if (amount >= 32) { mv.visitInsn(POP); iconst(0); } else { iconst(amount); mv.visitInsn(ISHL); } break;
            case Alu.LSR: if (amount >= 32) { mv.visitInsn(POP); iconst(0); } else { iconst(amount); mv.visitInsn(IUSHR); } break;
            case Alu.ASR: iconst(Math.min(amount, 31)); mv.visitInsn(ISHR); break;
            case Alu.ROR: iconst(amount & 31); mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "rotateRight", "(II)I", false); break;
            default:
                iconst(1); mv.visitInsn(IUSHR); pushC(); iconst(31); mv.visitInsn(ISHL); mv.visitInsn(IOR);
                break;
        }
    }

    // ------------------------------------------------------------------ nodes

    private void node(IrNode n) {
        if (n.budget) {
            Label ok = new Label(), out = new Label();
            mv.visitVarInsn(LLOAD, PK); mv.visitLdcInsn(n.budgetCycles << 32); mv.visitInsn(LADD); mv.visitVarInsn(LLOAD, LIMS);
            mv.visitInsn(LCMP); mv.visitJumpInsn(IFGE, out);
            mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "attention", "Z"); mv.visitJumpInsn(IFEQ, ok);
            mv.visitLabel(out);
            exitTo(n.pc, n.it);
            mv.visitLabel(ok);
        }
        Label skip = new Label();
        boolean cond = n.conditional();
        if (cond) condFail(n, n.it >>> 4, skip);
        switch (n.kind) {
            case IrNode.IT:
                break;
            case IrNode.BRANCH:
                if (n.in.op == BranchSystem.BL) { iconst((n.pc + n.in.size) | 1); setReg(14); }
                jumpOrExit(n, n.target, n.targetIn, n.itAfter);
                break;
            case IrNode.COND_BRANCH:
                condFail(n, n.in.cond, skip);
                jumpOrExit(n, n.target, n.targetIn, n.itAfter);
                break;
            case IrNode.CBZ:
                reg(n, n.in.rn);
                mv.visitJumpInsn(n.in.op == BranchSystem.CBZ ? IFNE : IFEQ, skip);
                jumpOrExit(n, n.target, n.targetIn, n.itAfter);
                break;
            case IrNode.FALLBACK:
            case IrNode.TERMINAL:
                if (n.kind == IrNode.TERMINAL) {
                    if (n.in.group == Group.BRANCH && (n.in.op == BranchSystem.BX || n.in.op == BranchSystem.BLX) && n.in.rm != 15) {
                        indirectBranch(n);
                    }
                    if (n.switchTargets != null) tableBranch(n);
                    if (RegionBuilder.loadsPc(n)) memory.loadMultipleWithPc(n);
                    // everything spilled; the executor's results stay in cpu (no write-back), pc = cpu.nextPc
                    storeRegs();
                    storeFlags();
                    siteArgs(n);
                    mv.visitMethodInsn(INVOKESTATIC, RT, "fallback", SITE_DESC + "V", false);
                    exitSite(site(-1, n.it == 0 ? -1 : n.itAfter, n.pre + n.in.cycles, n.preN + 1, -1), exitNoWb);
                    if (cond) { mv.visitLabel(skip); exitAfter(n, n.pc + n.in.size, n.itAfter); }
                    return;
                }
                fallback(n);
                exitIfAttention(n);
                break;
            default: {
                inline(n);
            }
        }
        mv.visitLabel(skip);
    }

    /**
     * BX/BLX Rm to a Thumb address outside the EXC_RETURN range: leaves the region for the target
     * directly; anything else (interworking to ARM state, exception return) falls through to the
     * executor.
     */
    private void indirectBranch(IrNode n) {
        Label slow = new Label();
        reg(n, n.in.rm); mv.visitVarInsn(ISTORE, T0);
        mv.visitVarInsn(ILOAD, T0); iconst(1); mv.visitInsn(IAND); mv.visitJumpInsn(IFEQ, slow);
        mv.visitVarInsn(ILOAD, T0); iconst(28); mv.visitInsn(IUSHR); iconst(0xF); mv.visitJumpInsn(IF_ICMPEQ, slow);
        if (n.in.op == BranchSystem.BLX) { iconst((n.pc + n.in.size) | 1); setReg(14); }
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitVarInsn(ILOAD, T0); iconst(~1); mv.visitInsn(IAND); mv.visitFieldInsn(PUTFIELD, CPU, "nextPc", "I");
        exitToNextPc(n);
        mv.visitLabel(slow);
    }

    /** Leaves after n, a branch to cpu.nextPc (set by the caller); it ends an IT block if in one: ITSTATE 0. */
    void exitToNextPc(IrNode n) {
        exitSite(site(-1, 0, n.pre + n.in.cycles, n.preN + 1, -1), exit);
    }

    /** Folded TBB/TBH: a switch on the index to exits at the constant targets; other indices fall through to the executor. */
    private void tableBranch(IrNode n) {
        int[] targets = n.switchTargets;
        Label slow = new Label();
        Label[] to = new Label[targets.length];
        for (int i = 0; i < to.length; i++) to[i] = new Label();
        reg(n, n.in.rm);
        mv.visitTableSwitchInsn(0, targets.length - 1, slow, to);
        for (int i = 0; i < to.length; i++) {
            mv.visitLabel(to[i]);
            exitSite(site(targets[i], n.itAfter, n.pre + n.in.cycles, n.preN + 1, -1), exit);
        }
        mv.visitLabel(slow);
    }

    private void jumpOrExit(IrNode n, int target, boolean in, int it) {
        addCounters(n);
        if (in) mv.visitJumpInsn(GOTO, rb.byPc.get(target).label);
        else exitTo(target, it);
    }

    /** After a slow path or executor call: leave at the next instruction when attention or the windows changed. */
    /** Pushes the low word of cpu.windowEpoch: enough to notice a change within one run of the region. */
    private void pushEpoch() {
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "windowEpoch", "J"); mv.visitInsn(L2I);
    }

    void exitIfAttention(IrNode n) {
        Label out = new Label(), ok = new Label();
        mv.visitVarInsn(ALOAD, L_CPU); mv.visitFieldInsn(GETFIELD, CPU, "attention", "Z"); mv.visitJumpInsn(IFNE, out);
        pushEpoch(); mv.visitVarInsn(ILOAD, EPOCH);
        mv.visitJumpInsn(IF_ICMPEQ, ok);
        mv.visitLabel(out);
        exitAfter(n, n.pc + n.in.size, n.itAfter);
        mv.visitLabel(ok);
    }

    /**
     * Ends an inline fast path (jump to done) and emits its slow path at slow: the executor runs
     * the instruction, then the region leaves if attention or the windows changed.
     */
    void executorSlowPath(IrNode n, Label slow, Label done) {
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        fallback(n);
        exitIfAttention(n);
        mv.visitLabel(done);
    }

    /** Runs the instruction with the interpreter's executor: its operand registers spilled to and reloaded from cpu. */
    void fallback(IrNode n) {
        int regs = fallbackRegs(n.in);
        boolean flags = n.in.group == Group.BRANCH;
        spill(regs, flags);
        siteArgs(n);
        mv.visitMethodInsn(INVOKESTATIC, RT, "fallback", SITE_DESC + "V", false);
        reload(regs); // no fallback executor writes NZCV (MRS, CLREX and SEV only read or ignore them)
    }

    /** Registers a non-terminal executor may read or write: its operand fields (and list). */
    private int fallbackRegs(Insn in) {
        int m = 1 << in.rd | 1 << in.rn | 1 << in.rm | 1 << in.ra;
        if (in.group == Group.MEMORY) m |= in.list;
        if (in.group == Group.BRANCH) m = 0x7FFF;
        return m & rb.usedRegs & 0x7FFF;
    }

    private void spill(int regs, boolean flags) {
        for (int r = 0; r < 15; r++) if ((regs & (1 << r)) != 0) { mv.visitVarInsn(ALOAD, RARR); iconst(r); mv.visitVarInsn(ILOAD, R0 + r); mv.visitInsn(IASTORE); }
        if (flags) storeFlags();
    }

    private void reload(int regs) {
        for (int r = 0; r < 15; r++) if ((regs & (1 << r)) != 0) { mv.visitVarInsn(ALOAD, RARR); iconst(r); mv.visitInsn(IALOAD); mv.visitVarInsn(ISTORE, R0 + r); }
    }

    /** Emits an inline instruction. */
    private void inline(IrNode n) {
        Insn in = n.in;
        switch (in.group) {
            case Group.DATA: dataOps.data(n); return;
            case Group.MULDSP: dataOps.mul(n); return;
            case Group.MEMORY:
                if (in.op == LoadStore.HINT) return;
                if (n.folded) { iconst(n.literal); setReg(in.rd); return; }
                if (in.op == LoadStoreMultiple.LDRD || in.op == LoadStoreMultiple.STRD) { memory.dual(n); return; }
                if (in.op >= LoadStoreMultiple.LDM) { memory.multiple(n); return; }
                memory.single(n);
                return;
            default: // NOP, hints, barriers
        }
    }
}
