package org.tockemu.core.board;

/**
 * The outcome of a bare-metal run.
 *
 * <p>exitCode: the guest's semihosting exit status exactly as {@code qemu-system-arm -semihosting}
 * exits with it (SYS_EXIT: 0 for ADP_Stopped_ApplicationExit, else 1; SYS_EXIT_EXTENDED: the
 * subcode for ADP_Stopped_ApplicationExit, else 1; reduced to 0..255 like a process status).
 * When the guest does not exit, failure describes why and exitCode is one of:
 * <ul>
 * <li>{@link #EXIT_INSTRUCTION_LIMIT} 124: the instruction limit was reached (like timeout(1));</li>
 * <li>{@link #EXIT_BREAKPOINT} 133 (128+SIGTRAP): a BKPT other than semihosting stopped the core;</li>
 * <li>{@link #EXIT_LOCKUP} 134 (128+SIGABRT): the core locked up (fault while handling a fault,
 *     unusable vector table) or the guest used an unsupported semihosting call (QEMU aborts);</li>
 * <li>{@link #EXIT_DEADLOCK} 142: WFI/WFE with no interrupt source that could ever wake the core;</li>
 * <li>{@link #EXIT_INTERNAL} 70 (EX_SOFTWARE): an emulator error.</li>
 * </ul>
 */
public record BareResult(int exitCode, long instructions, long cycles, double virtualSeconds, double wallSeconds,
                         String failure /* null, or a fault/lockup report */) {
    public static final int EXIT_INSTRUCTION_LIMIT = 124;
    public static final int EXIT_BREAKPOINT = 133;
    public static final int EXIT_LOCKUP = 134;
    public static final int EXIT_DEADLOCK = 142;
    public static final int EXIT_INTERNAL = 70;

    /** Guest instructions per wall-clock second, in millions. */
    public double mips() {
        return wallSeconds > 0 ? instructions / wallSeconds / 1e6 : 0;
    }
}
