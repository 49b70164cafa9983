package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Low-level debug (capsules/core/src/low_level_debug): alert codes and numbers printed through the
 * kernel's debug output (the same UART as the console on a board; separable in tests).
 */
public final class LowLevelDebug implements SyscallDriver {
    private final java.io.PrintStream out;

    public LowLevelDebug(java.io.PrintStream kernelDebug) { this.out = kernelDebug; }

    @Override public Grant<?> grant() { return null; }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        String id = Integer.toHexString(pid.identifier());
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: print("LowLevelDebug: App 0x" + id + " alert code 0x" + Integer.toHexString(a) + "\n"); return SyscallReturn.success();
            case 2: print("LowLevelDebug: App 0x" + id + " prints 0x" + Integer.toHexString(a) + "\n"); return SyscallReturn.success();
            case 3: print("LowLevelDebug: App 0x" + id + " prints 0x" + Integer.toHexString(a) + " 0x" + Integer.toHexString(b) + "\n");
                return SyscallReturn.success();
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private void print(String s) {
        out.print(s);
        out.flush();
    }
}
