package org.tockemu.capsules;

import java.util.function.LongToIntFunction;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallReturn;

/**
 * SoundPressure 0x60006 (capsules/extra/src/sound_pressure.rs): command 1 starts a reading when
 * idle (else BUSY); 2 / 3 enable / disable the microphone for this process (Success). Upcall 0:
 * (sound pressure in dB as a u8, 0, 0).
 */
public final class SoundPressure extends OneShotSensor {
    /** capsules/core/src/driver.rs. */
    public static final int DRIVER_NUM = 0x60006;
    /** One microphone sampling window (about 100 ms). */
    public static final long CONVERSION_US = 100_000;

    public SoundPressure(Kernel kernel, LongToIntFunction dbAtCycle) {
        super(kernel, DRIVER_NUM, CONVERSION_US, c -> dbAtCycle.applyAsInt(c) & 0xFF);
    }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: {
                SyscallReturn[] r = {null};
                int err = grant.enter(pid, (s, k) -> {
                    if (busy) { r[0] = SyscallReturn.failure(ErrorCode.BUSY); return; }
                    s.setWaiting(true);
                    startReading();
                    r[0] = SyscallReturn.success();
                });
                return err != 0 ? SyscallReturn.failure(err) : r[0];
            }
            case 2:
            case 3: {
                int err = grant.enter(pid, (s, k) -> s.setEnabled(cmd == 2));
                return err != 0 ? SyscallReturn.failure(err) : SyscallReturn.success();
            }
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }
}
