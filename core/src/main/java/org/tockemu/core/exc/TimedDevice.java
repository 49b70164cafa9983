package org.tockemu.core.exc;

/**
 * A device whose state changes with virtual time (SysTick, board timers, UARTs with a baud
 * rate). Registered with {@link ExceptionUnit#addTimedDevice}; the run loop stops at
 * {@link #nextEventCycle()} and calls {@link #advanceTo} there, and a sleeping core jumps
 * straight to the earliest event. Devices compute their state lazily from the cycle counter:
 * no per-cycle work.
 *
 * <p>When a register write changes a device's schedule, it must call
 * {@link ExceptionUnit#timingChanged()} so the run loop recomputes its stop point.
 */
public interface TimedDevice {
    /** Absolute cycle (Cpu.cycles) of the next event that needs attention; Long.MAX_VALUE when none. */
    long nextEventCycle();

    /** Brings the device up to cycle (>= its next event cycle): performs due events, raises IRQs. */
    void advanceTo(long cycle);
}
