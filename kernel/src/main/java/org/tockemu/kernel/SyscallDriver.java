package org.tockemu.kernel;

/**
 * A capsule's system-call interface (Tock's SyscallDriver). Subscribe and allow are handled by the
 * kernel in the capsule's grant, so a capsule implements only command (and, rarely, the
 * userspace-readable allow).
 */
public interface SyscallDriver {
    /** Command 0 must succeed: it is the existence check. */
    SyscallReturn command(int command, int arg1, int arg2, ProcessId process);

    /** The grant holding this driver's upcall and allow slots; null for drivers without one (subscribe/allow -> NOMEM). */
    Grant<?> grant();

    /** Class 7; most drivers do not support it. */
    default SyscallReturn allowUserspaceReadable(int n, int addr, int len, ProcessId process) {
        return SyscallReturn.failure2U32(ErrorCode.NOSUPPORT, addr, len);
    }
}
