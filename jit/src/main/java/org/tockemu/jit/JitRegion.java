package org.tockemu.jit;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.decode.Insn;

/**
 * One translated region: generated subclasses (hidden classes) implement {@link #run}. A region
 * runs from its entry PC (with ITSTATE 0) until an exit, writing back the guest registers, flags,
 * counters, cpu.pc and cpu.itState; a GuestFault leaves the state of the faulting instruction.
 */
public abstract class JitRegion {
    /** The decoded instructions of the region, for calls into the interpreter's executors. */
    protected final Insn[] insns;
    public final int entry;
    /** Every PC the region can be entered at (the entry and its loop headers), sorted. */
    public int[] entries = new int[0];
    /** The entry is also a loop header (the other entries always are). */
    public boolean entryIsLoopHeader;
    /** Lowest and one past the highest code byte the region was translated from. */
    public int lo, hi;
    /** Addresses of literal-pool words folded into constants (checked readable per window epoch). */
    public int[] literals = new int[0];
    /** The lowest and highest of {@link #literals} (unsigned). */
    public int literalMin, literalMax;
    int checkedEpoch = -1;
    boolean checkedPriv;
    public boolean valid = true;
    /** Sites (see Emitter): exits and calls out of the generated code, by index. */
    int[] sitePc, siteIt, siteInsn;
    long[] siteCyc, siteN;
    public int bytecodeSize;
    public int instructionCount;

    protected JitRegion(Insn[] insns, int entry) {
        this.insns = insns;
        this.entry = entry;
    }

    /** Runs from cpu.pc (one of {@link #entries}) until an exit; the engine checked attention and cycles &lt; limit before. */
    public abstract void run(Cpu cpu, long limit);
}
