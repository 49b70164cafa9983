package org.tockemu.core.mpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Access;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.mem.Bus;

/**
 * Random MPU configurations: the precomputed segment table (merging, binary search, span) must
 * agree with the per-address reference evaluation everywhere, in particular next to region and
 * subregion boundaries.
 */
class MpuSegmentsPropertyTest {
    @Test
    void segmentTableAgreesWithReferenceEvaluation() {
        SplittableRandom rnd = new SplittableRandom(42);
        Cpu cpu = new Cpu(new Bus());
        Mpu mpu = cpu.mpu;
        for (int iter = 0; iter < 300; iter++) {
            int[] rbar = new int[Mpu.NUM_REGIONS], rasr = new int[Mpu.NUM_REGIONS];
            for (int n = 0; n < Mpu.NUM_REGIONS; n++) {
                int sizeField = 3 + rnd.nextInt(29); // 3 (invalid) .. 31
                long size = 1L << (sizeField + 1);
                long base = rnd.nextInt(4) == 0 ? rnd.nextLong(1L << 32) & ~31L : (rnd.nextLong(1L << 32) & ~(size - 1));
                if (rnd.nextInt(3) == 0) base = 0x2000_0000L + (rnd.nextLong(1 << 20) & ~(size - 1) & 0xFFFFFFFFL);
                rbar[n] = (int) base;
                rasr[n] = (rnd.nextInt(2) << 28) | (rnd.nextInt(8) << 24) | (rnd.nextInt(256) << 8) | (sizeField << 1) | (rnd.nextInt(5) == 0 ? 0 : 1);
                mpu.setRegion(n, rbar[n], rasr[n]);
            }
            boolean pde = rnd.nextBoolean();
            mpu.writeCtrl(Mpu.CTRL_ENABLE | (pde ? Mpu.CTRL_PRIVDEFENA : 0));
            MpuSegments s = mpu.segments();
            for (int probe = 0; probe < 400; probe++) {
                long a;
                if (probe % 2 == 0) {
                    int n = rnd.nextInt(Mpu.NUM_REGIONS);
                    long size = 1L << (((rasr[n] >>> 1) & 0x1F) + 1);
                    long sub = Math.max(1, size / 8);
                    a = (Integer.toUnsignedLong(rbar[n]) + rnd.nextInt(9) * sub + rnd.nextInt(3) - 1) & 0xFFFFFFFFL;
                } else {
                    a = rnd.nextLong(1L << 32);
                }
                int want = MpuSegments.permsAt(a, rbar, rasr, pde);
                int i = s.find((int) a);
                assertEquals(want, s.perms(i), String.format("iter %d addr 0x%08x%n%s", iter, a, mpu.describe()));
                for (int kind = Access.READ; kind <= Access.EXECUTE; kind++) {
                    for (boolean priv : new boolean[] {false, true}) {
                        long span = mpu.span((int) a, kind, priv);
                        boolean ok = (want & MpuSegments.bit(kind, priv)) != 0;
                        if (!ok) { assertEquals(0, span); continue; }
                        long start = span & 0xFFFFFFFFL, len = span >>> 32;
                        long end = start + len;
                        assertEquals(true, a >= start && (a < end || len == 0xFFFFFFE0L), "span holds the address");
                        // the span is maximal and uniform for this permission
                        int b = MpuSegments.bit(kind, priv);
                        assertEquals(b, MpuSegments.permsAt(start, rbar, rasr, pde) & b);
                        assertEquals(b, MpuSegments.permsAt(end - 1, rbar, rasr, pde) & b);
                        if (start > 0) assertEquals(0, MpuSegments.permsAt(start - 1, rbar, rasr, pde) & b, "maximal to the left");
                        if (end < (1L << 32) && len != 0xFFFFFFE0L) assertEquals(0, MpuSegments.permsAt(end, rbar, rasr, pde) & b, "maximal to the right");
                    }
                }
            }
        }
    }
}
