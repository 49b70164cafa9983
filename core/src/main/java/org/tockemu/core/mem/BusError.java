package org.tockemu.core.mem;

/**
 * Signals a bus error from a device or an unmapped address. Stackless and preallocated:
 * bus errors are rare, precise events, never control flow on the fast path.
 */
public final class BusError extends RuntimeException {
    public static final BusError INSTANCE = new BusError();

    private BusError() { super("bus error", null, false, false); }

    public static BusError raise() { throw INSTANCE; }
}
