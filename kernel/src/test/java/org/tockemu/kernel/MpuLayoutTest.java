package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MpuLayoutTest {
    @Test
    void ramBlockIsPowerOfTwoAlignedToHalfItsSize() {
        var b = MpuLayout.allocateRam(0x2000_8000L, 0x38000, 5000, 32, 1000);
        assertNotNull(b);
        assertEquals(8192, b.size());
        assertEquals(0, b.start() % (b.size() / 2));
        assertTrue(Integer.toUnsignedLong(b.start()) >= 0x2000_8000L);
    }

    @Test
    void smallRequestsGetAtLeast512Bytes() {
        var b = MpuLayout.allocateRam(0x2000_8000L, 0x1000, 100, 32, 200);
        assertEquals(512, b.size());
    }

    @Test
    void blockDoublesWhenInitialAppSubregionsWouldMeetKernelMemory() {
        // 1024-byte block: region 512, subregion 64; initial app 32 B -> 1 subregion ends at +64;
        // kernel memory of 1000 B starts at +24 -> overlap -> doubled
        var b = MpuLayout.allocateRam(0x2000_0000L, 0x10000, 1000, 32, 1000);
        assertEquals(2048, b.size());
    }

    @Test
    void refusesWhenThePoolIsTooSmall() {
        assertNull(MpuLayout.allocateRam(0x2000_0000L, 4096, 8000, 32, 500));
    }

    @Test
    void subregionsCoverTheBreakRoundedUp() {
        int start = 0x2000_8000, size = 8192; // regions of 4096, subregions of 512
        assertEquals(1, MpuLayout.enabledSubregions(start, size, start + 32, start + 7000));
        assertEquals(2, MpuLayout.enabledSubregions(start, size, start + 513, start + 7000));
        assertEquals(-1, MpuLayout.enabledSubregions(start, size, start + 6700, start + 7000)); // would cover kernel memory
    }

    @Test
    void regionWordsExposeOnlyEnabledSubregionsAndFlash() {
        int start = 0x2000_8000, size = 8192;
        int[] w = MpuLayout.regions(start, size, start + 1500, start + 7000, 0x40000, 0x2000);
        // region 0: base, VALID, region 0
        assertEquals(start | 0x10, w[0]);
        int rasr0 = w[1];
        assertEquals(1, rasr0 & 1, "enabled");
        assertEquals(11, (rasr0 >>> 1) & 0x1F, "SIZE = log2(4096) - 1");
        assertEquals(0xF8, (rasr0 >>> 8) & 0xFF, "3 of 8 subregions enabled (1500 B rounded up to 1536)");
        assertNotEquals(0, rasr0 & (1 << 28), "RAM is execute-never");
        assertEquals(3, (rasr0 >>> 24) & 7, "AP read-write");
        assertEquals(0x10 | 1, w[2], "region 1 unused while <= 8 subregions are enabled");
        // flash region 2: the whole 8 KiB TBF, read-only for the process, executable
        assertEquals(0x40000 | 0x10 | 2, w[4]);
        assertEquals(12, (w[5] >>> 1) & 0x1F);
        assertEquals(2, (w[5] >>> 24) & 7);
        assertEquals(0, w[5] & (1 << 28));
    }
}
