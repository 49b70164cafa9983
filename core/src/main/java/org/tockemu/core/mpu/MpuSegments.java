package org.tockemu.core.mpu;

import java.util.Arrays;

/**
 * An immutable, sorted partition of the 4 GiB address space into segments with uniform
 * permissions for both privilege levels, precomputed from an MPU configuration. Permission bits
 * (see {@link #bit}): unprivileged read/write/execute in bits 0-2, privileged in bits 3-5.
 *
 * <p>Also the form in which the JIT and the kernel see the protection: {@link #count},
 * {@link #start}, {@link #end}, {@link #perms}.
 */
public final class MpuSegments {
    public static final int U_R = 1, U_W = 2, U_X = 4, P_R = 8, P_W = 16, P_X = 32;
    static final int RW_BOTH = U_R | U_W | P_R | P_W;

    /** Segment starts XOR 0x80000000 (so signed comparison orders them as unsigned addresses). */
    private final int[] keys;
    final byte[] perms;

    private MpuSegments(int[] keys, byte[] perms) { this.keys = keys; this.perms = perms; }

    /** The permission bit for an access kind (Access.READ=0, WRITE=1, EXECUTE=2) at a privilege. */
    public static int bit(int kind, boolean privileged) { return 1 << (kind + (privileged ? 3 : 0)); }

    public int count() { return keys.length; }

    public int start(int i) { return keys[i] ^ 0x80000000; }

    /** Exclusive end address as an unsigned long (2^32 for the last segment). */
    public long end(int i) { return i + 1 < keys.length ? Integer.toUnsignedLong(start(i + 1)) : 1L << 32; }

    public int perms(int i) { return perms[i]; }

    /** Index of the segment holding addr. */
    public int find(int addr) {
        int key = addr ^ 0x80000000;
        int[] k = keys;
        int lo = 0, hi = k.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (k[mid] <= key) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** See {@link Mpu#span}. */
    long span(int addr, int bit) {
        int i = find(addr);
        if ((perms[i] & bit) == 0) return 0;
        int lo = i, hi = i;
        while (lo > 0 && (perms[lo - 1] & bit) != 0) lo--;
        while (hi + 1 < perms.length && (perms[hi + 1] & bit) != 0) hi++;
        long start = Integer.toUnsignedLong(start(lo));
        long len = end(hi) - start;
        if (len > 0xFFFFFFE0L) len = 0xFFFFFFE0L;
        return start | (len << 32);
    }

    // ------------------------------------------------------------------ construction

    private static final long PPB_START = 0xE0000000L, PPB_END = 0xE0100000L;
    private static final long[] DEFAULT_BOUNDARIES = {0, 0x40000000L, 0x60000000L, 0xA0000000L, PPB_START, PPB_END};

    /** Default memory map permissions (ARMv7-M B3.1): everything read/write, XN for peripheral, device and system space. */
    static int defaultPerms(long addr) {
        boolean xn = (addr >= 0x40000000L && addr < 0x60000000L) || addr >= 0xA0000000L;
        return RW_BOTH | (xn ? 0 : U_X | P_X);
    }

    /** The default memory map for both privilege levels (MPU disabled). */
    static MpuSegments defaultMap() {
        long[] b = DEFAULT_BOUNDARIES;
        int[] perms = new int[b.length];
        for (int i = 0; i < b.length; i++) perms[i] = defaultPerms(b[i]);
        return merge(b, b.length, perms);
    }

    static boolean regionUsable(int rbar, int rasr) {
        int sizeField = (rasr >>> 1) & 0x1F;
        if ((rasr & 1) == 0 || sizeField < 4) return false;
        long size = 1L << (sizeField + 1);
        return (Integer.toUnsignedLong(rbar & ~0x1F) & (size - 1)) == 0;
    }

    /** Builds the table for an enabled MPU with the given regions. */
    static MpuSegments build(int[] rbar, int[] rasr, boolean privDefEna) {
        long[] b = new long[DEFAULT_BOUNDARIES.length + rbar.length * 9];
        int n = 0;
        for (long d : DEFAULT_BOUNDARIES) b[n++] = d;
        for (int r = 0; r < rbar.length; r++) {
            if (!regionUsable(rbar[r], rasr[r])) continue;
            long base = Integer.toUnsignedLong(rbar[r] & ~0x1F);
            long size = 1L << (((rasr[r] >>> 1) & 0x1F) + 1);
            b[n++] = base;
            if (base + size < (1L << 32)) b[n++] = base + size;
            if (size >= 256) for (int s = 1; s < 8; s++) b[n++] = base + s * (size / 8);
        }
        Arrays.sort(b, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) if (u == 0 || b[i] != b[u - 1]) b[u++] = b[i];
        int[] perms = new int[u];
        for (int i = 0; i < u; i++) perms[i] = permsAt(b[i], rbar, rasr, privDefEna);
        return merge(b, u, perms);
    }

    /** Reference evaluation of ARMv7-M ValidateAddress for one address (both privilege levels). */
    static int permsAt(long addr, int[] rbar, int[] rasr, boolean privDefEna) {
        if (addr >= PPB_START && addr < PPB_END) return defaultPerms(addr);
        for (int r = rbar.length - 1; r >= 0; r--) {
            if (!regionUsable(rbar[r], rasr[r])) continue;
            long base = Integer.toUnsignedLong(rbar[r] & ~0x1F);
            long size = 1L << (((rasr[r] >>> 1) & 0x1F) + 1);
            if (addr < base || addr >= base + size) continue;
            if (size >= 256) {
                int sub = (int) ((addr - base) / (size / 8));
                if ((rasr[r] & (1 << (8 + sub))) != 0) continue; // disabled subregion: not matched by this region
            }
            return regionPerms(rasr[r], addr);
        }
        return privDefEna ? defaultPerms(addr) & (P_R | P_W | P_X) : 0;
    }

    /** AP (PMSAv7 table B3-15) and XN; execution needs read permission; system space is always XN. */
    static int regionPerms(int rasr, long addr) {
        int p;
        switch ((rasr >>> 24) & 7) {
            case 1: p = P_R | P_W; break;
            case 2: p = P_R | P_W | U_R; break;
            case 3: p = P_R | P_W | U_R | U_W; break;
            case 5: p = P_R; break;
            case 6: case 7: p = P_R | U_R; break;
            default: p = 0; break; // 0: no access; 4: reserved
        }
        boolean xn = (rasr & (1 << 28)) != 0 || addr >= 0xE0000000L;
        if (!xn) {
            if ((p & P_R) != 0) p |= P_X;
            if ((p & U_R) != 0) p |= U_X;
        }
        return p;
    }

    private static MpuSegments merge(long[] starts, int n, int[] perms) {
        int[] k = new int[n];
        byte[] p = new byte[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && p[m - 1] == (byte) perms[i]) continue;
            k[m] = (int) starts[i] ^ 0x80000000;
            p[m] = (byte) perms[i];
            m++;
        }
        return new MpuSegments(Arrays.copyOf(k, m), Arrays.copyOf(p, m));
    }

    // ------------------------------------------------------------------ reports

    static String sizeName(long size) {
        if (size >= (1L << 30) && size % (1L << 30) == 0) return (size >> 30) + " GiB";
        if (size >= (1L << 20) && size % (1L << 20) == 0) return (size >> 20) + " MiB";
        if (size >= 1024 && size % 1024 == 0) return (size >> 10) + " KiB";
        return size + " B";
    }

    static String permString(int p) {
        return "priv " + ((p & P_R) != 0 ? 'r' : '-') + ((p & P_W) != 0 ? 'w' : '-') + ((p & P_X) != 0 ? 'x' : '-')
                + "  unpriv " + ((p & U_R) != 0 ? 'r' : '-') + ((p & U_W) != 0 ? 'w' : '-') + ((p & U_X) != 0 ? 'x' : '-');
    }

    /** One line per segment: range and permissions. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count(); i++) {
            long e = end(i);
            String end = e == 1L << 32 ? "0x100000000" : String.format("0x%08x", e);
            sb.append(String.format("  [0x%08x, %s) %s%n", start(i), end, permString(perms[i])));
        }
        return sb.toString();
    }

    @Override public String toString() { return describe(); }
}
