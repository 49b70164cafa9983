package org.tockemu.kernel;

/** Identifies an upcall slot: (driver number, subscribe number). */
public record UpcallId(int driver, int subscribe) {
    /** The kernel's own init call (_start) is not a driver upcall. */
    public static final UpcallId KERNEL = new UpcallId(-1, -1);
}
