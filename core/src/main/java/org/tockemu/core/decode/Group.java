package org.tockemu.core.decode;

/** Executor groups: the interpreter switches on Insn.group, then each executor on Insn.op. */
public final class Group {
    public static final int UNDEFINED = 0;
    /** Integer data processing, shifts, bitfields, extends, CLZ/RBIT/REV: exec.DataProcessing. */
    public static final int DATA = 1;
    /** Multiplies, divides and the DSP extension (SIMD, saturating, SSAT/USAT, SEL, ...): exec.MultiplyDsp. */
    public static final int MULDSP = 2;
    /** Loads and stores of every form, LDM/STM/PUSH/POP, exclusives, TBB/TBH: exec.LoadStore. */
    public static final int MEMORY = 3;
    /** Branches, IT, hints, barriers, SVC/BKPT/UDF, MRS/MSR/CPS: exec.BranchSystem. */
    public static final int BRANCH = 4;

    private Group() {}
}
