package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * GPIO (capsules/core/src/gpio.rs): pins configured as outputs or inputs with pulls and edge
 * interrupts; inputs are driven from the outside with {@link #drive}. Interrupts go to every
 * process holding the grant, as in Tock.
 */
public final class Gpio implements SyscallDriver {
    static final class State extends GrantState {
        @Override public int size() { return 4; }
    }

    private enum Mode { DISABLED, OUTPUT, INPUT }

    private final Grant<State> grant;
    private final Mode[] mode;
    private final boolean[] level;
    private final int[] pull;
    /** Interrupt edge per pin: -1 off, 0 both, 1 rising, 2 falling. */
    private final int[] edge;

    public Gpio(Kernel kernel, int pins) {
        this.grant = kernel.createGrant(DriverNumbers.GPIO, 1, 0, 0, State::new);
        this.mode = new Mode[pins];
        this.level = new boolean[pins];
        this.pull = new int[pins];
        this.edge = new int[pins];
        java.util.Arrays.fill(mode, Mode.DISABLED);
        java.util.Arrays.fill(edge, -1);
    }

    @Override public Grant<?> grant() { return grant; }

    public boolean level(int pin) { return level[pin]; }

    @Override public SyscallReturn command(int cmd, int pin, int arg, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd == 10) return SyscallReturn.successU32(mode.length);
        if (cmd < 1 || cmd > 9) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        if (Integer.compareUnsigned(pin, mode.length) >= 0) return SyscallReturn.failure(ErrorCode.INVAL);
        switch (cmd) {
            case 1: mode[pin] = Mode.OUTPUT; return SyscallReturn.success();
            case 2: level[pin] = true; return SyscallReturn.success();
            case 3: level[pin] = false; return SyscallReturn.success();
            case 4: level[pin] = !level[pin]; return SyscallReturn.success();
            case 5:
                if (arg < 0 || arg > 2) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
                mode[pin] = Mode.INPUT;
                pull[pin] = arg;
                if (arg == 1) level[pin] = true; else if (arg == 2) level[pin] = false;
                return SyscallReturn.success();
            case 6: return SyscallReturn.successU32(level[pin] ? 1 : 0);
            case 7: {
                if (arg < 0 || arg > 2) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
                int err = grant.enter(pid, (s, k) -> {});
                if (err != 0) return SyscallReturn.failure(ErrorCode.NOMEM);
                edge[pin] = arg;
                return SyscallReturn.success();
            }
            case 8: {
                int err = grant.enter(pid, (s, k) -> {});
                if (err != 0) return SyscallReturn.failure(ErrorCode.NOMEM);
                edge[pin] = -1;
                mode[pin] = Mode.DISABLED;
                return SyscallReturn.success();
            }
            default: mode[pin] = Mode.DISABLED; return SyscallReturn.success();
        }
    }

    /** Drives an input pin from outside; a matching edge interrupts every process holding the grant. */
    public void drive(int pin, boolean high) {
        if (pin < 0 || pin >= mode.length) throw new IllegalArgumentException("no GPIO pin " + pin);
        boolean old = level[pin];
        level[pin] = high;
        if (old == high || edge[pin] < 0) return;
        boolean fire = edge[pin] == 0 || (edge[pin] == 1 && high) || (edge[pin] == 2 && !high);
        if (fire) grant.each((s, k) -> k.scheduleUpcall(0, pin, high ? 1 : 0, 0));
    }
}
