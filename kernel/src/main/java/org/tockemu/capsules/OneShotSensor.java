package org.tockemu.capsules;

import java.util.function.LongToIntFunction;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.SyscallDriver;

/**
 * Common part of Tock's single-value sensor capsules (humidity.rs, pressure.rs,
 * sound_pressure.rs, ambient_light.rs in capsules/extra): one upcall, no allows, a per-process
 * "waiting" flag in the grant, and one conversion at a time on the (virtual) sensor. The
 * subclasses keep each capsule's own command semantics, which differ in small ways.
 *
 * <p>The sensor is a function of virtual time (cycles); a conversion takes a fixed number of
 * cycles, so runs are deterministic.
 */
public abstract class OneShotSensor implements SyscallDriver {
    /** Grant state: a waiting flag and a spare word (enabled, for sound pressure). */
    static final class State extends GrantState {
        @Override public int size() { return 8; }
        boolean waiting() { return u32(0) != 0; }
        void setWaiting(boolean w) { setU32(0, w ? 1 : 0); }
        boolean enabled() { return u32(4) != 0; }
        void setEnabled(boolean e) { setU32(4, e ? 1 : 0); }
    }

    protected final Kernel kernel;
    protected final Grant<State> grant;
    private final long conversionCycles;
    private LongToIntFunction sensor;
    /** A conversion is in flight (the capsule's busy / command_pending cell). */
    protected boolean busy;

    protected OneShotSensor(Kernel kernel, int driver, long conversionMicros, LongToIntFunction valueAtCycle) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(driver, 1, 0, 0, State::new);
        this.conversionCycles = kernel.cyclesForMicros(conversionMicros);
        this.sensor = valueAtCycle;
    }

    /** Replaces the sensor model (tests, scripts). */
    public void setSensor(LongToIntFunction f) { this.sensor = f; }

    @Override public Grant<?> grant() { return grant; }

    /** Starts a conversion; when it ends, {@link #deliver} runs with the value. */
    protected final void startReading() {
        busy = true;
        kernel.schedule(kernel.now() + conversionCycles, () -> deliver(sensor.applyAsInt(kernel.now())));
    }

    /**
     * The driver's callback, as in humidity.rs / pressure.rs / sound_pressure.rs: every waiting
     * process gets (value, 0, 0); busy is cleared only while serving a waiting process (so, as in
     * Tock, a reading whose only requester died leaves the capsule busy).
     */
    protected void deliver(int value) {
        grant.each((s, k) -> {
            if (s.waiting()) {
                busy = false;
                s.setWaiting(false);
                k.scheduleUpcall(0, value, 0, 0);
            }
        });
    }
}
