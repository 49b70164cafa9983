package org.tockemu.core.board;

import org.tockemu.core.mem.MmioDevice;

/**
 * QEMU's "unimplemented device": a range that reads as zero and ignores writes (QEMU only logs
 * the access), so that guest code probing reserved space does not bus-fault.
 */
public final class Unimplemented implements MmioDevice {
    private final String name;

    public Unimplemented(String name) { this.name = name; }

    @Override public int read(int offset, int size) { return 0; }

    @Override public void write(int offset, int size, int value) { }

    @Override public String name() { return name; }
}
