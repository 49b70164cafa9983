package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Button (capsules/core/src/button.rs): buttons are inputs scripted from the CLI or tests
 * ({@link #set}); processes that enabled a button's interrupt get (index, state, 0) on either edge.
 */
public final class Button implements SyscallDriver {
    static final class State extends GrantState {
        @Override public int size() { return 4; }
        int enabled() { return u32(0); }
        void setEnabled(int mask) { setU32(0, mask); }
    }

    private final Grant<State> grant;
    private final boolean[] pressed;

    public Button(Kernel kernel, int count) {
        this.grant = kernel.createGrant(DriverNumbers.BUTTON, 1, 0, 0, State::new);
        this.pressed = new boolean[count];
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int idx, int arg2, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.successU32(pressed.length);
        if (cmd < 1 || cmd > 3) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        if (Integer.compareUnsigned(idx, pressed.length) >= 0) return SyscallReturn.failure(ErrorCode.INVAL);
        if (cmd == 3) return SyscallReturn.successU32(pressed[idx] ? 1 : 0);
        int err = grant.enter(pid, (s, k) -> s.setEnabled(cmd == 1 ? s.enabled() | (1 << idx) : s.enabled() & ~(1 << idx)));
        return err == 0 ? SyscallReturn.success() : SyscallReturn.failure(err);
    }

    /** Drives a button (true = pressed/active); an edge notifies the processes that enabled it. */
    public void set(int idx, boolean active) {
        if (idx < 0 || idx >= pressed.length) throw new IllegalArgumentException("no button " + idx + " (board has " + pressed.length + ")");
        if (pressed[idx] == active) return;
        pressed[idx] = active;
        grant.each((s, k) -> {
            if ((s.enabled() & (1 << idx)) != 0) k.scheduleUpcall(0, idx, active ? 1 : 0, 0);
        });
    }

    public int count() { return pressed.length; }
}
