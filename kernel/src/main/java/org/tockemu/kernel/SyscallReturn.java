package org.tockemu.kernel;

/**
 * A TRD104 return variant: r0 holds the variant code, r1..r3 its values. Registers a variant does
 * not use keep the caller's input values ("=" in TRD104), so only {@link #used} of them are written.
 * Immutable; the common constant results are shared.
 */
public final class SyscallReturn {
    public static final int FAILURE = 0, FAILURE_U32 = 1, FAILURE_2U32 = 2, FAILURE_U64 = 3,
            SUCCESS = 128, SUCCESS_U32 = 129, SUCCESS_2U32 = 130, SUCCESS_U64 = 131, SUCCESS_3U32 = 132, SUCCESS_U32_U64 = 133;

    public final int variant;
    public final int r1, r2, r3;
    /** How many of r1..r3 the variant writes. */
    public final int used;

    private SyscallReturn(int variant, int r1, int r2, int r3, int used) {
        this.variant = variant; this.r1 = r1; this.r2 = r2; this.r3 = r3; this.used = used;
    }

    private static final SyscallReturn OK = new SyscallReturn(SUCCESS, 0, 0, 0, 0);
    private static final SyscallReturn[] FAILURES = new SyscallReturn[14];
    static { for (int i = 0; i < FAILURES.length; i++) FAILURES[i] = new SyscallReturn(FAILURE, i, 0, 0, 1); }

    public static SyscallReturn success() { return OK; }
    public static SyscallReturn successU32(int v) { return new SyscallReturn(SUCCESS_U32, v, 0, 0, 1); }
    public static SyscallReturn success2U32(int a, int b) { return new SyscallReturn(SUCCESS_2U32, a, b, 0, 2); }
    public static SyscallReturn success3U32(int a, int b, int c) { return new SyscallReturn(SUCCESS_3U32, a, b, c, 3); }
    public static SyscallReturn successU64(long v) { return new SyscallReturn(SUCCESS_U64, (int) v, (int) (v >>> 32), 0, 2); }
    public static SyscallReturn successU32U64(int a, long b) { return new SyscallReturn(SUCCESS_U32_U64, a, (int) b, (int) (b >>> 32), 3); }

    public static SyscallReturn failure(int error) {
        return error >= 0 && error < FAILURES.length ? FAILURES[error] : new SyscallReturn(FAILURE, error, 0, 0, 1);
    }
    public static SyscallReturn failureU32(int error, int v) { return new SyscallReturn(FAILURE_U32, error, v, 0, 2); }
    public static SyscallReturn failure2U32(int error, int a, int b) { return new SyscallReturn(FAILURE_2U32, error, a, b, 3); }
    public static SyscallReturn failureU64(int error, long v) { return new SyscallReturn(FAILURE_U64, error, (int) v, (int) (v >>> 32), 3); }

    public boolean isSuccess() { return variant >= SUCCESS; }

    @Override public String toString() {
        return variant < SUCCESS ? "Failure(" + ErrorCode.name(r1) + ")" : "Success(" + variant + ")";
    }
}
