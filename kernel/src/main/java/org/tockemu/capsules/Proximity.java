package org.tockemu.capsules;

import java.util.function.LongToIntFunction;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Proximity 0x60005 (capsules/extra/src/proximity.rs): command 1 reads the proximity (0-255);
 * command 2 (lower, upper) waits until a reading falls outside [lower, upper]. A process with a
 * request outstanding gets BUSY. Upcall 0: (proximity, 0, 0). Every reading goes to all processes
 * waiting on command 1 and to the command-2 processes whose thresholds it crosses; other
 * command-2 processes keep waiting: with the sensor model unchanged their thresholds are never
 * crossed, and a new reading is taken whenever a request arrives or {@link #setSensor} is called.
 */
public final class Proximity implements SyscallDriver {
    public static final int DRIVER_NUM = 0x60005;
    /** One APDS9960-class proximity conversion (about 5 ms). */
    public static final long CONVERSION_US = 5_000;

    static final class State extends GrantState {
        @Override public int size() { return 8; }
        int kind() { return u8(0); }          // 0 none, 1 read, 2 read on interrupt
        void setKind(int k) { setU8(0, k); }
        int lower() { return u8(1); }
        int upper() { return u8(2); }
        void setThresholds(int lo, int hi) { setU8(1, lo); setU8(2, hi); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final long conversionCycles;
    private LongToIntFunction sensor;
    private boolean converting;

    public Proximity(Kernel kernel, LongToIntFunction proximityAtCycle) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 0, 0, State::new);
        this.conversionCycles = kernel.cyclesForMicros(CONVERSION_US);
        this.sensor = proximityAtCycle;
    }

    /** Replaces the sensor model; processes waiting on thresholds see a new reading. */
    public void setSensor(LongToIntFunction f) {
        this.sensor = f;
        startReading();
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1 && cmd != 2) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        SyscallReturn[] r = {null};
        int err = grant.enter(pid, (s, k) -> {
            if (s.kind() != 0) { r[0] = SyscallReturn.failure(ErrorCode.BUSY); return; }
            if (cmd == 2) s.setThresholds(a & 0xFF, b & 0xFF);
            s.setKind(cmd);
            r[0] = SyscallReturn.success();
        });
        if (err != 0) return SyscallReturn.failure(err);
        if (r[0].isSuccess()) startReading();
        return r[0];
    }

    private void startReading() {
        if (converting) return;
        converting = true;
        kernel.schedule(kernel.now() + conversionCycles, () -> {
            converting = false;
            int v = sensor.applyAsInt(kernel.now()) & 0xFF;
            grant.each((s, k) -> {
                boolean deliver = s.kind() == 1 || (s.kind() == 2 && (v > s.upper() || v < s.lower()));
                if (deliver) { s.setKind(0); k.scheduleUpcall(0, v, 0, 0); }
            });
        });
    }
}
