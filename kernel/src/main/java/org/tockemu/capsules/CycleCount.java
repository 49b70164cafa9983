package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * CycleCount 0x90008 (capsules/extra/src/cycle_count.rs over the Cortex-M DWT cycle counter):
 * 1 start, 3 reset (to zero, stopped), 4 stop -> Success, or RESERVE when another live process
 * controls the counter (the first to use one of these claims it); 2 -> SuccessU64(count), for any
 * process. The counter counts the board's virtual core cycles, kernel time included, as CYCCNT does.
 */
public final class CycleCount implements SyscallDriver {
    public static final int DRIVER_NUM = 0x90008;

    static final class State extends GrantState {
        @Override public int size() { return 0; }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private ProcessId controller;
    private boolean running;
    private long base, startedAt;

    public CycleCount(Kernel kernel) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 0, 0, 0, State::new);
    }

    @Override public Grant<?> grant() { return grant; }

    /** The counter's value now. */
    public long count() { return base + (running ? kernel.now() - startedAt : 0); }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 2: return SyscallReturn.successU64(count());
            case 1: case 3: case 4:
                if (!claim(pid)) return SyscallReturn.failure(ErrorCode.RESERVE);
                if (cmd == 1) {
                    if (!running) { running = true; startedAt = kernel.now(); }
                } else {
                    base = cmd == 3 ? 0 : count();
                    running = false;
                }
                return SyscallReturn.success();
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    /** try_claim_driver: free, ours, or the controller no longer exists. */
    private boolean claim(ProcessId pid) {
        if (controller == null || controller.equals(pid) || kernel.process(controller) == null) {
            controller = pid;
            return true;
        }
        return false;
    }
}
