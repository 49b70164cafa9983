package org.tockemu.core.mem;

import java.util.ArrayList;
import java.util.List;

/**
 * The system bus: physical, permission-free accesses by address. The CPU's MPU and
 * privilege checks sit in front of it (see Cpu); the kernel and loaders use it directly.
 */
public final class Bus {
    private Region[] regions = new Region[0];
    private final List<CodeWriteListener> codeWriteListeners = new ArrayList<>();

    /** Told about stores into executable memory (JIT code cache invalidation). */
    public interface CodeWriteListener { void codeWritten(int addr, int len); }

    public Region add(Region r) {
        for (Region o : regions) {
            long a0 = Integer.toUnsignedLong(r.base), a1 = a0 + Integer.toUnsignedLong(r.size);
            long b0 = Integer.toUnsignedLong(o.base), b1 = b0 + Integer.toUnsignedLong(o.size);
            if (a0 < b1 && b0 < a1) throw new IllegalArgumentException("region " + r + " overlaps " + o);
        }
        Region[] n = java.util.Arrays.copyOf(regions, regions.length + 1);
        n[regions.length] = r;
        java.util.Arrays.sort(n, (x, y) -> Integer.compareUnsigned(x.base, y.base));
        regions = n;
        return r;
    }

    public Region[] regions() { return regions.clone(); }

    public void addCodeWriteListener(CodeWriteListener l) { codeWriteListeners.add(l); }

    /** The region holding addr, or null when unmapped. */
    public Region find(int addr) {
        Region[] rs = regions;
        for (Region r : rs) if (Integer.compareUnsigned(addr - r.base, r.size) < 0) return r;
        return null;
    }

    /** Physical read of size 1, 2 or 4 (any alignment); throws BusError when unmapped or refused. */
    public int read(int addr, int size) {
        Region r = find(addr);
        if (r == null || !r.contains(addr, size)) {
            if (r != null && r.isMemory()) return readSplit(addr, size);
            throw BusError.INSTANCE;
        }
        int off = addr - r.base;
        if (r.data != null) {
            switch (size) {
                case 1: return r.data[off] & 0xFF;
                case 2: return LittleEndian.get16(r.data, off);
                default: return LittleEndian.get32(r.data, off);
            }
        }
        return r.device.read(off, size);
    }

    private int readSplit(int addr, int size) {
        int v = 0;
        for (int i = 0; i < size; i++) v |= read(addr + i, 1) << (8 * i);
        return v;
    }

    /** Physical write; stores into read-only memory are refused with BusError. */
    public void write(int addr, int size, int value) {
        Region r = find(addr);
        if (r == null) throw BusError.INSTANCE;
        if (!r.contains(addr, size)) {
            if (!r.isMemory()) throw BusError.INSTANCE;
            // a store straddling regions: every byte must be writable before any is written
            for (int i = 1; i < size; i++) {
                Region b = find(addr + i);
                if (b == null || b.data == null || !b.writable) throw BusError.INSTANCE;
            }
            for (int i = 0; i < size; i++) write(addr + i, 1, value >>> (8 * i));
            return;
        }
        int off = addr - r.base;
        if (r.data != null) {
            if (!r.writable) throw BusError.INSTANCE;
            storeMemory(r, off, size, value);
            return;
        }
        r.device.write(off, size, value);
    }

    /** Loader/debugger write: ignores the writable flag (programs flash), still notifies the code cache. */
    public void load(int addr, byte[] src, int srcOff, int len) {
        for (int i = 0; i < len; ) {
            Region r = find(addr + i);
            if (r == null || r.data == null) throw new IllegalArgumentException(String.format("no memory at 0x%08x", addr + i));
            int off = addr + i - r.base;
            int n = Math.min(len - i, r.size - off);
            System.arraycopy(src, srcOff + i, r.data, off, n);
            if (r.executable) notifyCode(addr + i, n);
            i += n;
        }
    }

    private void storeMemory(Region r, int off, int size, int value) {
        switch (size) {
            case 1: r.data[off] = (byte) value; break;
            case 2: LittleEndian.put16(r.data, off, value); break;
            default: LittleEndian.put32(r.data, off, value); break;
        }
        if (r.executable) notifyCode(r.base + off, size);
    }

    private void notifyCode(int addr, int len) {
        for (CodeWriteListener l : codeWriteListeners) l.codeWritten(addr, len);
    }
}
