package org.tockemu.capsules;

import java.util.function.LongToIntFunction;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallReturn;

/**
 * Pressure 0x60008 (capsules/extra/src/pressure.rs): command 1 marks the process as waiting and
 * starts a reading when the sensor is idle; while a reading is in flight it returns BUSY, but the
 * process stays marked and still gets that reading (as in Tock). Upcall 0: (pressure in hPa, 0, 0).
 */
public final class Pressure extends OneShotSensor {
    /** capsules/core/src/driver.rs. */
    public static final int DRIVER_NUM = 0x60008;
    /** An LPS22HB-class one-shot conversion (about 10 ms). */
    public static final long CONVERSION_US = 10_000;

    public Pressure(Kernel kernel, LongToIntFunction hpaAtCycle) {
        super(kernel, DRIVER_NUM, CONVERSION_US, hpaAtCycle);
    }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        SyscallReturn[] r = {null};
        int err = grant.enter(pid, (s, k) -> {
            s.setWaiting(true);
            if (busy) { r[0] = SyscallReturn.failure(ErrorCode.BUSY); return; }
            startReading();
            r[0] = SyscallReturn.success();
        });
        return err != 0 ? SyscallReturn.failure(err) : r[0];
    }
}
