package org.tockemu.kernel;

/**
 * An allow'd buffer of a process, valid only inside {@link Grant#enter}: capsules read and write
 * process memory exclusively through these. Bounds were validated by the kernel at allow time
 * against the process's accessible memory, so accesses here never leave it.
 */
public final class ProcessBuffer {
    private Process process;
    private int addr;
    private int len;
    private boolean writable;
    private boolean live;

    void bind(Process p, int addr, int len, boolean writable) {
        this.process = p; this.addr = addr; this.len = len; this.writable = writable; this.live = true;
    }

    void release() { live = false; process = null; }

    private void check(int offset, int n) {
        if (!live) throw new IllegalStateException("process buffer used outside Grant.enter");
        if (offset < 0 || n < 0 || offset + n > len) throw new IndexOutOfBoundsException("buffer offset " + offset + "+" + n + " of " + len);
    }

    public int length() {
        if (!live) throw new IllegalStateException("process buffer used outside Grant.enter");
        return len;
    }

    public int address() { check(0, 0); return addr; }

    public int get(int offset) { check(offset, 1); return process.bus.read(addr + offset, 1); }

    public void set(int offset, int value) {
        check(offset, 1);
        if (!writable) throw new IllegalStateException("read-only allow");
        process.bus.write(addr + offset, 1, value);
    }

    /** Copies min(n, length - offset) bytes out. */
    public byte[] read(int offset, int n) {
        check(offset, 0);
        int m = Math.max(0, Math.min(n, len - offset));
        byte[] out = new byte[m];
        for (int i = 0; i < m; i++) out[i] = (byte) process.bus.read(addr + offset + i, 1);
        return out;
    }

    /** Copies bytes in (bounded by the buffer); returns how many were written. */
    public int write(int offset, byte[] src, int srcOff, int n) {
        check(offset, 0);
        if (!writable) throw new IllegalStateException("read-only allow");
        int m = Math.max(0, Math.min(n, len - offset));
        for (int i = 0; i < m; i++) process.bus.write(addr + offset + i, 1, src[srcOff + i]);
        return m;
    }
}
