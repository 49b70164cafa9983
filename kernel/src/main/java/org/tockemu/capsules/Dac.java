package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * DAC 0x6 (capsules/extra/src/dac.rs over a 10-bit DAC channel, as the SAM4L's): 1 initialize ->
 * Success (a no-op), 2 (value) sets the output -> Success, or INVAL above the channel's maximum.
 * No grant: subscribe and allow get NOMEM. The output is recorded, not driven anywhere.
 */
public final class Dac implements SyscallDriver {
    public static final int DRIVER_NUM = 0x6;
    public static final int MAX_VALUE = 1023;

    private int value;
    private long writes;

    /** The last value written. */
    public int value() { return value; }

    /** How many values were written. */
    public long writes() { return writes; }

    @Override public Grant<?> grant() { return null; }

    @Override public SyscallReturn command(int cmd, int v, int b, ProcessId pid) {
        switch (cmd) {
            case 0: case 1: return SyscallReturn.success();
            case 2:
                if (Integer.compareUnsigned(v, MAX_VALUE) > 0) return SyscallReturn.failure(ErrorCode.INVAL);
                value = v;
                writes++;
                return SyscallReturn.success();
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }
}
