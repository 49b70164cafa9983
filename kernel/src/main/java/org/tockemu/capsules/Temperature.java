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
 * Temperature (capsules/extra/src/temperature.rs): command 1 starts a reading shared by every
 * process waiting; upcall 0 gets the value in hundredths of a degree Celsius. The sensor is
 * scriptable: a function of virtual time (cycles) gives the temperature.
 */
public final class Temperature implements SyscallDriver {
    static final class State extends GrantState {
        @Override public int size() { return 4; }
        boolean waiting() { return u32(0) != 0; }
        void setWaiting(boolean w) { setU32(0, w ? 1 : 0); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private LongToIntFunction sensor;
    private boolean busy;
    /** Conversion time of the nRF52 TEMP peripheral (about 36 us). */
    private final long conversionCycles;

    public Temperature(Kernel kernel, LongToIntFunction centiCelsiusAtCycle) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.TEMPERATURE, 1, 0, 0, State::new);
        this.sensor = centiCelsiusAtCycle;
        this.conversionCycles = kernel.cyclesForMicros(36);
    }

    /** Replaces the sensor model (tests, CLI scripts). */
    public void setSensor(LongToIntFunction f) { this.sensor = f; }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int a, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        int err = grant.enter(pid, (s, k) -> s.setWaiting(true));
        if (err != 0) return SyscallReturn.failure(err);
        if (!busy) {
            busy = true;
            kernel.schedule(kernel.now() + conversionCycles, () -> {
                busy = false;
                int value = sensor.applyAsInt(kernel.now());
                grant.each((s, k) -> {
                    if (s.waiting()) { s.setWaiting(false); k.scheduleUpcall(0, value, 0, 0); }
                });
            });
        }
        return SyscallReturn.success();
    }
}
