package org.tockemu.kernel;

/**
 * Tock's Cortex-M MPU arithmetic (arch/cortex-m/src/mpu.rs) for one process: the power-of-two RAM
 * block split over regions 0 and 1 with subregions exposing [mem_start, app_brk) rounded up to a
 * subregion, and the flash region over the whole TBF. Produces the RBAR/RASR words the kernel
 * writes into the emulated PMSAv7 registers on every switch to the process.
 */
public final class MpuLayout {
    public static final int MIN_REGION_SIZE = 32;
    private static final int AP_READ_WRITE = 0b011, AP_UNPRIV_READ_ONLY = 0b010;
    private static final int RASR_ENABLE = 1, RASR_XN = 1 << 28;

    private MpuLayout() {}

    /** Result of allocating a process RAM block: start and power-of-two size, or null when it does not fit. */
    public record RamBlock(int start, int size) {}

    /**
     * allocate_app_memory_region: the block is a power of two >= 512 covering minMemory, aligned to
     * half its size; doubled when the initial app subregions would overlap the initial kernel memory.
     */
    public static RamBlock allocateRam(long poolStart, long poolSize, long minMemory, int initialApp, int initialKernel) {
        long size = Math.max(512, Long.highestOneBit(Math.max(1, minMemory - 1)) << 1);
        long region = size / 2;
        long start = alignUp(poolStart, region);
        long enabled = (long) initialApp * 8 / region + 1;
        long subregionsEnd = start + enabled * (region / 8);
        long kernelBreak = start + size - initialKernel;
        if (subregionsEnd > kernelBreak) {
            size *= 2;
            region *= 2;
            start = alignUp(poolStart, region);
        }
        if (start + size > poolStart + poolSize) return null;
        return new RamBlock((int) start, (int) size);
    }

    /** Number of RAM subregions (of 16) needed to expose [memStart, appBreak), or -1 when they would reach kernelBreak. */
    public static int enabledSubregions(int memStart, int memSize, int appBreak, int kernelBreak) {
        long region = Integer.toUnsignedLong(memSize) / 2;
        long used = Integer.toUnsignedLong(appBreak) - Integer.toUnsignedLong(memStart);
        long n = (used * 8 + region - 1) / region;
        long end = Integer.toUnsignedLong(memStart) + n * (region / 8);
        if (end > Integer.toUnsignedLong(kernelBreak) || Integer.compareUnsigned(appBreak, kernelBreak) > 0) return -1;
        return (int) n;
    }

    /** RBAR (with VALID and region number) and RASR words for regions 0..7 of a process. */
    public static int[] regions(int memStart, int memSize, int appBreak, int kernelBreak, int flashStart, int flashSize) {
        int[] words = new int[16];
        for (int i = 0; i < 8; i++) words[2 * i] = 0x10 | i; // disabled, VALID|REGION
        int n = enabledSubregions(memStart, memSize, appBreak, kernelBreak);
        if (n < 0) n = 0;
        int half = memSize >>> 1;
        int sizeField = log2(half) - 1;
        int ramAttrs = RASR_XN | (AP_READ_WRITE << 24) | (sizeField << 1) | RASR_ENABLE;
        if (n > 0) {
            int srd0 = n >= 8 ? 0 : (0xFF << n) & 0xFF;
            words[0] = memStart | 0x10;
            words[1] = ramAttrs | (srd0 << 8);
        }
        if (n > 8) {
            int srd1 = (0xFF << (n - 8)) & 0xFF;
            words[2] = (memStart + half) | 0x10 | 1;
            words[3] = ramAttrs | (srd1 << 8);
        }
        int[] flash = flashRegion(flashStart, flashSize);
        words[4] = flash[0] | 0x10 | 2;
        words[5] = flash[1];
        return words;
    }

    /** Adds read-write, execute-never regions 3.. for extra (start, size) pairs. */
    public static int[] withExtraRegions(int[] words, java.util.List<int[]> extra) {
        for (int i = 0; i < extra.size() && 3 + i < 8; i++) {
            int start = extra.get(i)[0], size = extra.get(i)[1];
            int n = 3 + i;
            words[2 * n] = start | 0x10 | n;
            words[2 * n + 1] = RASR_XN | (AP_READ_WRITE << 24) | ((log2(size) - 1) << 1) | RASR_ENABLE;
        }
        return words;
    }

    /**
     * The read+execute region covering the whole TBF: the smallest aligned power-of-two region with
     * 8 subregions whose enabled subregions cover [start, start+size) (subregion rounding may expose
     * up to one subregion of the following flash; Tock refuses such layouts, the loader avoids them).
     */
    static int[] flashRegion(int start, int size) {
        long s = Integer.toUnsignedLong(start), e = s + Math.max(size, MIN_REGION_SIZE);
        for (int log = 5; log <= 32; log++) {
            long region = 1L << log;
            long base = s & ~(region - 1);
            if (base + region < e) continue;
            int srd = 0;
            if (log >= 8) {
                long sub = region / 8;
                for (int i = 0; i < 8; i++) {
                    long a = base + i * sub, b = a + sub;
                    if (b <= s || a >= e) srd |= 1 << i;
                }
            } else if (base != s) {
                continue;
            }
            int attrs = (AP_UNPRIV_READ_ONLY << 24) | ((log - 1) << 1) | RASR_ENABLE | (srd << 8);
            return new int[] {(int) base, attrs};
        }
        throw new IllegalArgumentException("no MPU region for flash " + start);
    }

    private static long alignUp(long v, long a) { return (v + a - 1) / a * a; }

    private static int log2(int v) { return 31 - Integer.numberOfLeadingZeros(v); }
}
