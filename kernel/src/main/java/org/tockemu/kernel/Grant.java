package org.tockemu.kernel;

import java.util.function.Supplier;

/**
 * Per-process capsule state allocated in the process's own kernel-owned RAM (the paper's grants).
 *
 * <p>Layout of one allocation, as in Tock 2.x: a 4-byte header (counts), then 8 bytes per upcall
 * (fn, appdata), per read-only allow and per read-write allow (ptr, len), then T. Allocation happens
 * on first {@link #enter}, is charged against the process's memory (failing with NOMEM when it would
 * meet the app break) and disappears when the process terminates or restarts.
 */
public final class Grant<T extends GrantState> {
    /** Capsule code run with the process's grant state. */
    @FunctionalInterface
    public interface Body<T> { void run(T state, GrantKernelData kernel); }

    final Kernel kernel;
    public final int driver;
    final int index;
    public final int upcalls, allowReadOnly, allowReadWrite;
    private final Supplier<T> factory;
    private final int stateSize;
    /** Processes whose grant is currently entered (re-entering the same one is refused, as in Tock). */
    private final java.util.BitSet entered = new java.util.BitSet();

    Grant(Kernel kernel, int driver, int index, int upcalls, int allowReadOnly, int allowReadWrite, Supplier<T> factory) {
        this.kernel = kernel;
        this.driver = driver;
        this.index = index;
        this.upcalls = upcalls;
        this.allowReadOnly = allowReadOnly;
        this.allowReadWrite = allowReadWrite;
        this.factory = factory;
        this.stateSize = factory.get().size();
    }

    /** Bytes one process's allocation of this grant takes (header, slots, state). */
    public int allocationSize() { return headerSize() + ((stateSize + 3) & ~3); }

    int headerSize() { return 4 + 8 * (upcalls + allowReadOnly + allowReadWrite); }

    int upcallOffset(int n) { return 4 + 8 * n; }

    int allowReadOnlyOffset(int n) { return 4 + 8 * (upcalls + n); }

    int allowReadWriteOffset(int n) { return 4 + 8 * (upcalls + allowReadOnly + n); }

    /**
     * Runs body with this process's state, allocating it first if needed. Returns 0, or an ErrorCode:
     * NOMEM when allocation fails, INVAL when the process is gone (stale id), BUSY when already entered.
     */
    public int enter(ProcessId pid, Body<T> body) {
        Process p = kernel.process(pid);
        if (p == null) return ErrorCode.INVAL;
        return enter(p, body);
    }

    int enter(Process p, Body<T> body) {
        if (entered.get(p.index)) return ErrorCode.BUSY;
        int base = allocate(p);
        if (base == 0) return ErrorCode.NOMEM;
        T state = factory.get();
        GrantKernelData data = new GrantKernelData(this, p, base);
        state.bind(p, base + headerSize(), stateSize);
        entered.set(p.index);
        try {
            body.run(state, data);
        } finally {
            entered.clear(p.index);
            state.release();
            data.release();
        }
        return 0;
    }

    /** Runs body for every live process whose grant is allocated (Tock's Grant::each). */
    public void each(Body<T> body) {
        for (Process p : kernel.processes()) {
            if (p.state.isAlive() && p.grantPointers[index] != 0) enter(p, body);
        }
    }

    /** True when this process has the grant allocated. */
    public boolean isAllocated(ProcessId pid) {
        Process p = kernel.process(pid);
        return p != null && p.grantPointers[index] != 0;
    }

    /** Allocates (if needed) and returns the allocation's address, 0 when out of memory. */
    int allocate(Process p) {
        int base = p.grantPointers[index];
        if (base != 0) return base;
        base = p.allocateKernelMemory(allocationSize(), 4);
        if (base == 0) return 0;
        p.bus.write(base, 4, upcalls | (allowReadOnly << 8) | (allowReadWrite << 16));
        p.grantPointers[index] = base;
        // mirror Tock's grant pointer table at the top of the block: (driver, pointer)
        int entry = p.memEnd() - (index + 1) * Process.GRANT_POINTER_SIZE;
        p.bus.write(entry, 4, driver);
        p.bus.write(entry + 4, 4, base);
        kernel.stats.grantAllocated(driver, allocationSize());
        return base;
    }
}
