package org.tockemu.kernel;

/**
 * The kernel-managed part of a grant, given to capsule code inside {@link Grant#enter}: scheduling
 * upcalls and reaching allow'd buffers. Invalid once enter returns.
 */
public final class GrantKernelData {
    private final Grant<?> grant;
    private Process process;
    private final int base;
    private boolean live = true;
    private java.util.List<ProcessBuffer> buffers;

    GrantKernelData(Grant<?> grant, Process process, int base) {
        this.grant = grant; this.process = process; this.base = base;
    }

    void release() {
        live = false;
        process = null;
        if (buffers != null) for (ProcessBuffer b : buffers) b.release();
    }

    private Process p() {
        if (!live) throw new IllegalStateException("grant kernel data used outside Grant.enter");
        return process;
    }

    /** Queues upcall n with three arguments. Returns false when n is out of range or the queue is full. */
    public boolean scheduleUpcall(int n, int a0, int a1, int a2) {
        Process p = p();
        if (n < 0 || n >= grant.upcalls) return false;
        int fn = p.bus.read(base + grant.upcallOffset(n), 4);
        int appdata = p.bus.read(base + grant.upcallOffset(n) + 4, 4);
        return grant.kernel.queueUpcall(p, new UpcallId(grant.driver, n), fn, appdata, a0, a1, a2);
    }

    /** The read-only buffer allowed at slot n (length 0 when none). */
    public ProcessBuffer readOnlyAllow(int n) {
        return buffer(grant.allowReadOnlyOffset(n), n < grant.allowReadOnly, false);
    }

    /** The read-write buffer allowed at slot n (length 0 when none). */
    public ProcessBuffer readWriteAllow(int n) {
        return buffer(grant.allowReadWriteOffset(n), n < grant.allowReadWrite, true);
    }

    private ProcessBuffer buffer(int offset, boolean valid, boolean writable) {
        Process p = p();
        ProcessBuffer b = new ProcessBuffer();
        if (buffers == null) buffers = new java.util.ArrayList<>(2);
        if (!valid) { b.bind(p, 0, 0, writable); buffers.add(b); return b; }
        int addr = p.bus.read(base + offset, 4);
        int len = p.bus.read(base + offset + 4, 4);
        b.bind(p, addr, len, writable);
        if (buffers == null) buffers = new java.util.ArrayList<>(2);
        buffers.add(b);
        return b;
    }

    public ProcessId processId() { return p().id(); }
}
