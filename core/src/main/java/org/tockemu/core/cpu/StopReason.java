package org.tockemu.core.cpu;

/** Why {@link org.tockemu.core.exec.Interpreter#run} (or a JIT engine) returned to its caller. */
public final class StopReason {
    /** The cycle budget given to run() is used up. */
    public static final int BUDGET = 1;
    /** WFI/WFE with no interrupt pending and no timed event that could wake the core: an outside event is needed. */
    public static final int SLEEP = 2;
    /** An exception marked as hooked was entered: the host (kernel) handles it in Java. */
    public static final int HOOK = 3;
    /** The guest asked to stop (semihosting exit). */
    public static final int HALT = 4;
    /** Unrecoverable fault state (fault while in HardFault, vector fetch failure): LOCKUP. */
    public static final int LOCKUP = 5;
    /** A BKPT that no debugger or semihosting handled. */
    public static final int BREAKPOINT = 6;
    /** The host asked the CPU to stop (Cpu.requestStop). */
    public static final int REQUESTED = 7;

    private StopReason() {}

    public static String name(int reason) {
        switch (reason) {
            case BUDGET: return "budget";
            case SLEEP: return "sleep";
            case HOOK: return "hook";
            case HALT: return "halt";
            case LOCKUP: return "lockup";
            case BREAKPOINT: return "breakpoint";
            case REQUESTED: return "requested";
            default: return "none";
        }
    }
}
