package org.tockemu.core.mem;

/**
 * A peripheral mapped into the bus. Offsets are relative to the device's base.
 * Return {@link Bus#BUS_ERROR} semantics by returning false / throwing nothing: a device
 * that rejects an access reports it through {@link #read}'s {@code ok} contract below.
 */
public interface MmioDevice {
    /** Reads {@code size} (1, 2, 4) bytes; returns the value, or calls {@link BusError#raise()} to signal a bus error. */
    int read(int offset, int size);

    /** Writes {@code size} (1, 2, 4) bytes; may call {@link BusError#raise()} to signal a bus error. */
    void write(int offset, int size, int value);

    /** Short name for fault reports and traces. */
    default String name() { return getClass().getSimpleName(); }
}
