package org.tockemu.capsules;

import java.util.function.LongToIntFunction;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallReturn;

/**
 * AmbientLight 0x60002 (capsules/extra/src/ambient_light.rs): command 1 always returns Success;
 * it marks the process pending (a second request while pending is ignored) and starts a reading
 * unless one is in flight, so concurrent requests share one reading. Upcall 0: (lux, 0, 0).
 */
public final class AmbientLight extends OneShotSensor {
    /** capsules/core/src/driver.rs. */
    public static final int DRIVER_NUM = 0x60002;
    /** An ISL29035-class integration time (about 105 ms at 16-bit resolution). */
    public static final long CONVERSION_US = 105_000;

    public AmbientLight(Kernel kernel, LongToIntFunction luxAtCycle) {
        super(kernel, DRIVER_NUM, CONVERSION_US, luxAtCycle);
    }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        // the capsule discards the result of enqueue_sensor_reading (NOMEM if pending, grant errors)
        grant.enter(pid, (s, k) -> {
            if (s.waiting()) return;
            s.setWaiting(true);
            if (!busy) startReading();
        });
        return SyscallReturn.success();
    }

    @Override protected void deliver(int lux) {
        busy = false;
        grant.each((s, k) -> {
            if (s.waiting()) { s.setWaiting(false); k.scheduleUpcall(0, lux, 0, 0); }
        });
    }
}
