package org.tockemu.kernel;

/**
 * Access to one live grant allocation in a process's kernel-owned RAM. Instances are handed to
 * capsule code only inside {@link Grant#enter} and are invalidated when the closure returns: any
 * later use throws IllegalStateException. This is how tockemu enforces the paper's rule that no
 * reference to grant state outlives the call (Rust enforces it at compile time with lifetimes).
 */
public class GrantMemory {
    Process process;
    int base;
    int size;
    boolean live;

    final void bind(Process p, int base, int size) { this.process = p; this.base = base; this.size = size; this.live = true; }

    final void release() { live = false; process = null; }

    private int addr(int offset, int len) {
        if (!live) throw new IllegalStateException("grant state used outside Grant.enter");
        if (offset < 0 || offset + len > size) throw new IndexOutOfBoundsException("grant offset " + offset);
        return base + offset;
    }

    // addr() first: it is the liveness check, and process is null once released
    protected final int u32(int offset) { int a = addr(offset, 4); return process.bus.read(a, 4); }
    protected final void setU32(int offset, int value) { int a = addr(offset, 4); process.bus.write(a, 4, value); }
    protected final int u8(int offset) { int a = addr(offset, 1); return process.bus.read(a, 1); }
    protected final void setU8(int offset, int value) { int a = addr(offset, 1); process.bus.write(a, 1, value); }
    protected final long u64(int offset) { return (u32(offset) & 0xFFFFFFFFL) | ((long) u32(offset + 4) << 32); }
    protected final void setU64(int offset, long value) { setU32(offset, (int) value); setU32(offset + 4, (int) (value >>> 32)); }

    /** The process this grant belongs to. */
    protected final ProcessId processId() {
        if (!live) throw new IllegalStateException("grant state used outside Grant.enter");
        return process.id();
    }
}
