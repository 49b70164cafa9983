package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * AnalogComparator 0x7 (capsules/extra/src/analog_comparator.rs): 0 -> SuccessU32(channel count),
 * unconditionally; every other command first claims the driver for the caller (another live
 * process holding it -> NOMEM). 1 (ch) -> SuccessU32(1 when Vinp &gt; Vinn, else 0); 2 (ch) / 3 (ch)
 * start / stop interrupt-based comparison -> Success; bad channel -> INVAL. Upcall 0: (ch, 0, 0)
 * each time a comparing channel's Vinp rises above Vinn (or already is when comparison starts).
 * The inputs are a per-channel boolean, scriptable with {@link #setInput}.
 */
public final class AnalogComparator implements SyscallDriver {
    public static final int DRIVER_NUM = 0x7;
    /** Comparator response time (about 1 us; an interrupt is taken a little later). */
    public static final long RESPONSE_US = 10;

    static final class State extends GrantState {
        @Override public int size() { return 0; }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final boolean[] above, comparing;
    private ProcessId current;

    public AnalogComparator(Kernel kernel, int channels) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 0, 0, State::new);
        this.above = new boolean[channels];
        this.comparing = new boolean[channels];
    }

    /** Sets whether Vinp &gt; Vinn on a channel; a rising comparison interrupts if enabled. */
    public void setInput(int channel, boolean vinpAboveVinn) {
        boolean rose = vinpAboveVinn && !above[channel];
        above[channel] = vinpAboveVinn;
        if (rose && comparing[channel]) fire(channel);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int ch, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.successU32(above.length);
        if (current != null && !current.equals(pid) && kernel.process(current) != null) return SyscallReturn.failure(ErrorCode.NOMEM);
        current = pid;
        if (cmd < 1 || cmd > 3) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        if (Integer.compareUnsigned(ch, above.length) >= 0) return SyscallReturn.failure(ErrorCode.INVAL);
        if (cmd == 1) return SyscallReturn.successU32(above[ch] ? 1 : 0);
        comparing[ch] = cmd == 2;
        if (cmd == 2 && above[ch]) fire(ch);
        return SyscallReturn.success();
    }

    private void fire(int ch) {
        kernel.schedule(kernel.now() + kernel.cyclesForMicros(RESPONSE_US), () -> {
            if (comparing[ch] && current != null) grant.enter(current, (s, k) -> k.scheduleUpcall(0, ch, 0, 0));
        });
    }
}
