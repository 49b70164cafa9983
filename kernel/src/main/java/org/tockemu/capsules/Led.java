package org.tockemu.capsules;

import java.util.function.IntConsumer;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/** LED (capsules/core/src/led.rs): no grant; command 0 returns the LED count. */
public final class Led implements SyscallDriver {
    private final boolean[] on;
    private final long[] toggles;
    /** Told the LED index after every change (board display, traces). */
    private final IntConsumer listener;

    public Led(int count, IntConsumer listener) {
        this.on = new boolean[count];
        this.toggles = new long[count];
        this.listener = listener;
    }

    @Override public Grant<?> grant() { return null; }

    public boolean isOn(int i) { return on[i]; }

    public long toggles(int i) { return toggles[i]; }

    public int count() { return on.length; }

    @Override public SyscallReturn command(int cmd, int idx, int arg2, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.successU32(on.length);
        if (cmd < 1 || cmd > 4) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        if (Integer.compareUnsigned(idx, on.length) >= 0) return SyscallReturn.failure(ErrorCode.INVAL);
        if (cmd == 4) return SyscallReturn.successU32(on[idx] ? 1 : 0);
        boolean next = cmd == 1 || (cmd == 3 && !on[idx]);
        if (next != on[idx]) {
            on[idx] = next;
            toggles[idx]++;
            if (listener != null) listener.accept(idx);
        }
        return SyscallReturn.success();
    }
}
