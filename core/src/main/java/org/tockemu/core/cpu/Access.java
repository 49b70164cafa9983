package org.tockemu.core.cpu;

/** Kinds of memory access, for permission checks and fault status. */
public final class Access {
    public static final int READ = 0;
    public static final int WRITE = 1;
    public static final int EXECUTE = 2;

    /** Flag: the access must be aligned (LDM/STM, LDRD/STRD, LDREX/STREX): unaligned is an UNALIGNED UsageFault. */
    public static final int ALIGNED = 4;
    /** Flag: checked as unprivileged whatever the current mode (LDRT/STRT). */
    public static final int UNPRIV = 8;

    private Access() {}
}
