package org.tockemu.core.mem;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Little-endian word and halfword access to a memory region's byte[] without the array's own
 * bounds check, for accesses a fast window (Cpu.r0/r1/w) has already bounded: the window check is
 * the only check, as a host TLB hit is in QEMU. Used by Cpu's fast paths and the JIT's inline
 * loads and stores; everything else uses {@link LittleEndian}.
 *
 * <p>Why: a checked VarHandle access is a deep call chain for HotSpot's interpreter and C1, which run
 * every new JIT region first; measured side by side (2026-11-25), 1 G-instruction runs of sort,
 * sha256 and matmul take 10-12% less wall clock, coremark_mix 25% less, crc32 the same (its 11 G
 * run is 10% slower: C2 compiles its table loop less well).
 *
 * <p>Safety rests on one invariant, kept by Cpu.learnWindow: a window is word-aligned, a multiple
 * of 4 bytes long, and lies inside its region's array. Off (the checked VarHandles are used) when
 * sun.misc.Unsafe is missing, the host is big-endian, on JDK 24 and later unless the JVM runs with
 * {@code --sun-misc-unsafe-memory-access=allow} (as scripts/tockemu runs it; otherwise the JDK
 * prints a deprecation warning), or with {@code -Dtockemu.memory=checked}.
 */
public final class UncheckedMemory {
    /** True when accesses go through Unsafe; a constant, so HotSpot folds the choice away. */
    public static final boolean ENABLED;
    private static final sun.misc.Unsafe U;
    private static final long BYTE_BASE;

    static {
        sun.misc.Unsafe u = null;
        long base = 0;
        if (permitted()) {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                u = (sun.misc.Unsafe) f.get(null);
                base = u.arrayBaseOffset(byte[].class);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                u = null;
            }
        }
        U = u;
        BYTE_BASE = base;
        ENABLED = u != null;
    }

    private UncheckedMemory() {}

    private static boolean permitted() {
        if ("checked".equals(System.getProperty("tockemu.memory"))) return false;
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) return false;
        return Runtime.version().feature() < 24 || "allow".equals(System.getProperty("sun.misc.unsafe.memory.access"));
    }

    /** "unchecked" or "checked", for run statistics. */
    public static String mode() {
        return ENABLED ? "unchecked" : "checked";
    }

    public static int get32(byte[] b, int i) {
        return ENABLED ? U.getInt(b, BYTE_BASE + i) : LittleEndian.get32(b, i);
    }

    public static int get16(byte[] b, int i) {
        return ENABLED ? U.getShort(b, BYTE_BASE + i) & 0xFFFF : LittleEndian.get16(b, i);
    }

    /** A byte, zero-extended. */
    public static int get8(byte[] b, int i) {
        return ENABLED ? U.getByte(b, BYTE_BASE + i) & 0xFF : b[i] & 0xFF;
    }

    public static void put32(byte[] b, int i, int v) {
        if (ENABLED) U.putInt(b, BYTE_BASE + i, v); else LittleEndian.put32(b, i, v);
    }

    public static void put16(byte[] b, int i, int v) {
        if (ENABLED) U.putShort(b, BYTE_BASE + i, (short) v); else LittleEndian.put16(b, i, v);
    }
}
