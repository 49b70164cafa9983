package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Read-only state (capsules/extra/src/read_only_state.rs), Tock's vDSO: a userspace-readable
 * allow 0 buffer the kernel refreshes on every switch to the process with version 1's layout:
 * switch count (u32), pending tasks (u32), timer ticks (u64, the alarm's hardware timer).
 */
public final class ReadOnlyState implements SyscallDriver {
    static final int VERSION = 1;

    static final class State extends GrantState {
        @Override public int size() { return 12; }
        int address() { return u32(0); }
        int length() { return u32(4); }
        void setBuffer(int addr, int len) { setU32(0, addr); setU32(4, len); }
        int count() { return u32(8); }
        void setCount(int c) { setU32(8, c); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final long timerHz;

    public ReadOnlyState(Kernel kernel, long timerHz) {
        this.kernel = kernel;
        this.timerHz = timerHz;
        this.grant = kernel.createGrant(DriverNumbers.READ_ONLY_STATE, 0, 0, 0, State::new);
        kernel.addContextSwitchHook(this::contextSwitch);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: return SyscallReturn.successU32(VERSION);
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    @Override public SyscallReturn allowUserspaceReadable(int n, int addr, int len, ProcessId pid) {
        if (n != 0) return SyscallReturn.failure2U32(ErrorCode.NOSUPPORT, addr, len);
        int[] old = new int[2];
        int err = grant.enter(pid, (s, k) -> {
            old[0] = s.address();
            old[1] = s.length();
            s.setBuffer(len == 0 ? 0 : addr, len);
        });
        return err == 0 ? SyscallReturn.success2U32(old[0], old[1]) : SyscallReturn.failure2U32(err, addr, len);
    }

    /** Tock's context_switch_hook: refresh the buffer, then count the switch. */
    void contextSwitch(Process p) {
        int pending = p.queuedTasks();
        long ticks = Math.floorDiv(kernel.now() * timerHz, kernel.clockHz());
        grant.enter(p.id(), (s, k) -> {
            int count = s.count();
            int addr = s.address(), len = s.length();
            // the buffer was checked against the process's RAM when it was allowed
            if (len >= 4) kernel.writeProcessWord(p, addr, count);
            if (len >= 8) kernel.writeProcessWord(p, addr + 4, pending);
            if (len >= 16) {
                kernel.writeProcessWord(p, addr + 8, (int) ticks);
                kernel.writeProcessWord(p, addr + 12, (int) (ticks >>> 32));
            }
            s.setCount(count + 1);
        });
    }
}
