package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Alarm (capsules/core/src/alarm.rs, Tock 2.2+): one alarm per process, all virtualised over one
 * hardware timer (an nRF52-style 24-bit RTC at 32768 Hz). Values are left-justified to 32 bits,
 * so userspace sees a 32-bit timer: frequency 32768 << 8, now = ticks << 8.
 */
public final class Alarm implements SyscallDriver {
    static final class State extends GrantState {
        @Override public int size() { return 12; }
        int reference() { return u32(0); }
        int dt() { return u32(4); }
        boolean armed() { return u32(8) != 0; }
        void arm(int ref, int dt) { setU32(0, ref); setU32(4, dt); setU32(8, 1); }
        void disarm() { setU32(8, 0); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final long timerHz;
    private final int pad;
    private long generation;

    /** timerHz and timerBits describe the hardware timer (32768, 24 for the nRF52 RTC). */
    public Alarm(Kernel kernel, long timerHz, int timerBits) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.ALARM, 1, 0, 0, State::new);
        this.timerHz = timerHz;
        this.pad = 32 - timerBits;
    }

    @Override public Grant<?> grant() { return grant; }

    /** Hardware ticks since boot, derived from the cycle clock. */
    private long ticks(long cycle) { return Math.floorDiv(cycle * timerHz, kernel.clockHz()) ; }

    /** Left-justified now, as userspace sees it. */
    public int now() { return (int) (ticks(kernel.now()) << pad); }

    /** First cycle at which the left-justified time reaches value u (given it is ahead by delta units). */
    private long cycleAfter(long units) {
        long unitTicks = (units + (1L << pad) - 1) >>> pad;
        long targetTick = ticks(kernel.now()) + unitTicks;
        // smallest cycle whose tick count is targetTick
        return Math.floorDiv(targetTick * kernel.clockHz() + timerHz - 1, timerHz);
    }

    @Override public SyscallReturn command(int cmd, int arg1, int arg2, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: return SyscallReturn.successU32((int) (timerHz << pad));
            case 2: return SyscallReturn.successU32(now());
            case 3: {
                boolean[] was = {false};
                int err = grant.enter(pid, (s, k) -> { was[0] = s.armed(); s.disarm(); });
                if (err != 0) return SyscallReturn.failure(err);
                reschedule();
                return was[0] ? SyscallReturn.success() : SyscallReturn.failure(ErrorCode.ALREADY);
            }
            case 5: return arm(pid, now(), arg1);
            case 6: return arm(pid, arg1, arg2);
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private SyscallReturn arm(ProcessId pid, int reference, int dt) {
        int err = grant.enter(pid, (s, k) -> s.arm(reference, dt));
        if (err != 0) return SyscallReturn.failure(err);
        reschedule();
        return SyscallReturn.successU32(reference + dt);
    }

    /** Expired when now is outside [reference, reference + dt) (wrapping). */
    private static boolean expired(int now, int reference, int dt) {
        return Integer.compareUnsigned(now - reference, dt) >= 0;
    }

    /** Programs the single hardware alarm for the earliest armed process alarm. */
    private void reschedule() {
        long gen = ++generation;
        int now = now();
        long[] best = {Long.MAX_VALUE};
        grant.each((s, k) -> {
            if (!s.armed()) return;
            long remaining = expired(now, s.reference(), s.dt()) ? 0 : ((s.reference() + s.dt()) - now) & 0xFFFFFFFFL;
            best[0] = Math.min(best[0], remaining);
        });
        if (best[0] == Long.MAX_VALUE) return;
        long at = best[0] == 0 ? kernel.now() : cycleAfter(best[0]);
        kernel.schedule(at, () -> { if (gen == generation) fire(); });
    }

    private void fire() {
        int now = now();
        grant.each((s, k) -> {
            if (s.armed() && expired(now, s.reference(), s.dt())) {
                int expiry = s.reference() + s.dt();
                s.disarm(); // cleared before the upcall, as in Tock
                k.scheduleUpcall(0, now, expiry, 0);
            }
        });
        reschedule();
    }
}
