package org.tockemu.capsules;

import java.util.function.LongToIntFunction;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallReturn;

/**
 * Humidity 0x60001 (capsules/extra/src/humidity.rs): command 1 starts a reading when the sensor
 * is idle (else BUSY); upcall 0 gets (hundredths of a percent RH, 0, 0).
 */
public final class Humidity extends OneShotSensor {
    /** An SHT3x/Si7021-class conversion (about 15 ms). */
    public static final long CONVERSION_US = 15_000;

    public Humidity(Kernel kernel, LongToIntFunction centiPercentAtCycle) {
        super(kernel, DriverNumbers.HUMIDITY, CONVERSION_US, centiPercentAtCycle);
    }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        SyscallReturn[] r = {null};
        int err = grant.enter(pid, (s, k) -> {
            if (busy) { r[0] = SyscallReturn.failure(ErrorCode.BUSY); return; }
            s.setWaiting(true);
            startReading();
            r[0] = SyscallReturn.success();
        });
        return err != 0 ? SyscallReturn.failure(err) : r[0];
    }
}
