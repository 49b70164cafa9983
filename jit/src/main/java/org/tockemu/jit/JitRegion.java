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
    /** The shared translation this region runs (entries, code range, literals, sites). */
    Translation code;
    /** This engine's cache of the entry checks (execute window, literals): valid for this window epoch and privilege. */
    long checkedEpoch = -1;
    boolean checkedPriv;
    /** The translation's sites (exits and calls), two longs each: pc (high word) and itState, cycles (high word) and instructions. */
    long[] exits;
    /** Until this cycle the engine enters the region with probe budgets (JitEngine.probeLimit). */
    long probeUntil;

    protected JitRegion(Insn[] insns, int entry) {
        this.insns = insns;
        this.entry = entry;
    }

    /** Runs from cpu.pc (one of the translation's entries) until an exit; the engine checked attention and cycles &lt; limit before. */
    public abstract void run(Cpu cpu, long limit);
}
