package org.tockemu.core.board;

import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.MmioDevice;

/**
 * An alias of a memory region at another address (QEMU's memory_region_init_alias): accesses are
 * forwarded to the same offset in the original region through the bus, so stores into code memory
 * still reach the JIT's code-write listeners. Instructions are not fetched from mirrors.
 */
public final class Mirror implements MmioDevice {
    private final String name;
    private final Bus bus;
    private final int target;
    private final int targetSize;

    /** @param target base address of the original region; @param targetSize its size (offsets wrap modulo this) */
    public Mirror(String name, Bus bus, int target, int targetSize) {
        this.name = name;
        this.bus = bus;
        this.target = target;
        this.targetSize = targetSize;
    }

    /** The address in the original region that offset maps to. */
    public int translate(int offset) { return target + Integer.remainderUnsigned(offset, targetSize); }

    @Override public int read(int offset, int size) { return bus.read(translate(offset), size); }

    @Override public void write(int offset, int size, int value) { bus.write(translate(offset), size, value); }

    @Override public String name() { return name; }
}
