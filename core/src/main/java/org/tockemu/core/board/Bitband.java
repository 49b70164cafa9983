package org.tockemu.core.board;

import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.MmioDevice;

/**
 * A Cortex-M3/M4 bit-band alias region (32 MiB aliasing 1 MiB), as QEMU's armv7m bitband device:
 * each word of the alias reads/writes one bit of the source. An access of size N touches the
 * N-byte naturally aligned chunk of the source holding the bit (read-modify-write for stores).
 */
public final class Bitband implements MmioDevice {
    private final String name;
    private final Bus bus;
    private final int source;

    public Bitband(String name, Bus bus, int source) {
        this.name = name;
        this.bus = bus;
        this.source = source;
    }

    private int chunk(int offset, int size) { return (source + (offset >>> 5)) & -size; }

    private static int bit(int offset, int size) { return (offset >>> 2) & (size * 8 - 1); }

    @Override
    public int read(int offset, int size) {
        return (bus.read(chunk(offset, size), size) >>> bit(offset, size)) & 1;
    }

    @Override
    public void write(int offset, int size, int value) {
        int addr = chunk(offset, size);
        int mask = 1 << bit(offset, size);
        int old = bus.read(addr, size);
        bus.write(addr, size, (value & 1) != 0 ? old | mask : old & ~mask);
    }

    @Override public String name() { return name; }
}
