package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Buzzer 0x90000 (capsules/extra/src/buzzer_driver.rs over buzzer_pwm.rs): one process buzzes
 * at a time.
 * <ul>
 * <li>1 (Hz, ms): buzz when free, duration capped at 5000 ms; while another buzz plays the
 *     request is queued (one per process; a second -> NOMEM);</li>
 * <li>2 (Hz, ms): buzz now, replacing the owner's current tone; another process's tone -> RESERVE;</li>
 * <li>3: stop (the done upcall follows at once); not playing -> OFF; another's tone -> RESERVE.</li>
 * </ul>
 * Upcall 0: (statuscode 0, 0, 0) to the process whose tone ended; then the first queued process
 * (in process order) starts. The tones themselves are recorded, not sounded: see {@link #tones()}.
 */
public final class Buzzer implements SyscallDriver {
    public static final int DRIVER_NUM = 0x90000;
    public static final int MAX_DURATION_MS = 5000;

    static final class State extends GrantState {
        @Override public int size() { return 12; }
        boolean pending() { return u32(0) != 0; }
        void setPending(boolean p) { setU32(0, p ? 1 : 0); }
        int hz() { return u32(4); }
        int ms() { return u32(8); }
        void set(int hz, int ms) { setU32(4, hz); setU32(8, ms); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private ProcessId active;
    /** Bumped by every buzz and stop, so a replaced tone's end event is ignored (alarm re-armed). */
    private int generation;
    /** The most recent tones (bounded: long simulations must not grow without limit). */
    private final java.util.ArrayDeque<long[]> tones = new java.util.ArrayDeque<>();
    public static final int TONES_KEPT = 256;
    private long toneCount;

    public Buzzer(Kernel kernel) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 0, 0, State::new);
    }

    /** The last (up to {@value #TONES_KEPT}) tones played, oldest first: {start cycle, Hz, ms}. */
    public java.util.List<long[]> tones() { return java.util.List.copyOf(tones); }

    /** How many tones were played in all. */
    public long toneCount() { return toneCount; }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int hz, int ms, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: {
                int duration = (int) Math.min(Integer.toUnsignedLong(ms), MAX_DURATION_MS);
                if (active == null) {
                    active = pid;
                    buzz(hz, duration);
                    return SyscallReturn.success();
                }
                int[] r = {0};
                int err = grant.enter(pid, (s, k) -> {
                    if (s.pending()) { r[0] = ErrorCode.NOMEM; return; }
                    s.setPending(true);
                    s.set(hz, duration);
                });
                if (err == 0) err = r[0];
                return err != 0 ? SyscallReturn.failure(err) : SyscallReturn.success();
            }
            case 2:
                if (active != null && !active.equals(pid)) return SyscallReturn.failure(ErrorCode.RESERVE);
                active = pid;
                buzz(hz, ms);
                return SyscallReturn.success();
            case 3:
                if (active != null && !active.equals(pid)) return SyscallReturn.failure(ErrorCode.RESERVE);
                if (active == null) return SyscallReturn.failure(ErrorCode.OFF);
                int g = ++generation; // buzzer_pwm.rs: disarm, then an alarm that fires at once
                kernel.defer(() -> { if (g == generation) done(); });
                return SyscallReturn.success();
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    /** PwmBuzzer::buzz: start the tone and an alarm for its (capped) duration. */
    private void buzz(int hz, int ms) {
        long duration = Math.min(Integer.toUnsignedLong(ms), MAX_DURATION_MS);
        if (tones.size() == TONES_KEPT) tones.removeFirst();
        tones.addLast(new long[] {kernel.now(), Integer.toUnsignedLong(hz), duration});
        toneCount++;
        int g = ++generation;
        kernel.schedule(kernel.now() + kernel.cyclesForMicros(duration * 1000), () -> { if (g == generation) done(); });
    }

    private void done() {
        ProcessId p = active;
        active = null;
        if (p != null) grant.enter(p, (s, k) -> k.scheduleUpcall(0, 0, 0, 0));
        boolean[] started = {false};
        grant.each((s, k) -> {
            if (started[0] || !s.pending()) return;
            s.setPending(false);
            active = k.processId();
            buzz(s.hz(), s.ms());
            started[0] = true;
        });
    }
}
