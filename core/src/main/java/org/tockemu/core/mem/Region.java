package org.tockemu.core.mem;

/**
 * One mapped range of the address space: either byte[]-backed memory (flash, RAM)
 * or a peripheral. Backed regions are what the CPU's fast permission windows point into.
 */
public final class Region {
    public final String name;
    public final int base;
    public final int size;
    /** Backing store for memory regions; null for MMIO. */
    public final byte[] data;
    public final MmioDevice device;
    /** Guest stores allowed (flash is not writable by plain stores). */
    public final boolean writable;
    /** Instructions may be fetched from here (Cortex-M: code and SRAM regions; never device space). */
    public final boolean executable;
    /**
     * Holds code the JIT may translate (flash, code SRAM): stores into it always take the slow path
     * so the code cache hears of them.
     */
    public boolean codeStore;

    private Region(String name, int base, int size, byte[] data, MmioDevice device, boolean writable, boolean executable) {
        this.name = name; this.base = base; this.size = size; this.data = data; this.device = device;
        this.writable = writable; this.executable = executable;
    }

    public static Region memory(String name, int base, int size, boolean writable, boolean executable) {
        return new Region(name, base, size, new byte[size], null, writable, executable);
    }

    public static Region mmio(String name, int base, int size, MmioDevice device) {
        return new Region(name, base, size, null, device, true, false);
    }

    public boolean contains(int addr) { return Integer.compareUnsigned(addr - base, size) < 0; }

    public boolean contains(int addr, int len) {
        return Integer.compareUnsigned(addr - base, size) < 0 && Integer.compareUnsigned(addr - base + len - 1, size) < 0
                && Integer.compareUnsigned(addr - base, addr - base + len - 1) <= 0;
    }

    public boolean isMemory() { return data != null; }

    public boolean executableCodeStore() { return codeStore; }

    @Override public String toString() { return String.format("%s [0x%08x, 0x%08x)", name, base, base + size); }
}
