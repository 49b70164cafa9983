package org.tockemu.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.mem.Bus;

/** The lazy flag encodings of the generated code agree with the architectural flags. */
class LazyFlagsTest {
    @Test
    void loadedTripleEncodesEveryCarryAndOverflow() {
        Cpu cpu = new Cpu(new Bus());
        for (int k = 0; k < 4; k++) {
            cpu.c = (k & 1) != 0;
            cpu.v = (k & 2) != 0;
            int a = JitRuntime.cvA(cpu), b = JitRuntime.cvB(cpu), r = JitRuntime.cvR(cpu);
            assertEquals(cpu.c ? 1 : 0, JitRuntime.carryOf(a, b, r), "C for c=" + cpu.c + " v=" + cpu.v);
            assertEquals(cpu.v ? 1 : 0, JitRuntime.addOverflow(a, b, r), "V for c=" + cpu.c + " v=" + cpu.v);
        }
    }

    @Test
    void carryOfMatchesTheWideSumWithAndWithoutCarryIn() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int[] edge = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x80000001, 0x7FFFFFFE};
        for (int i = 0; i < 200_000; i++) {
            int x = i < 49 ? edge[i % 7] : rnd.nextInt(), y = i < 49 ? edge[i / 7] : rnd.nextInt();
            for (int ci = 0; ci <= 1; ci++) {
                long wide = (x & 0xFFFFFFFFL) + (y & 0xFFFFFFFFL) + ci;
                int r = (int) wide;
                assertEquals((int) (wide >>> 32), JitRuntime.carryOf(x, y, r), () -> "carry of " + x + "+" + y);
                long signed = (long) x + y + ci;
                assertEquals(signed != r ? 1 : 0, JitRuntime.addOverflow(x, y, r), () -> "overflow of " + x + "+" + y);
            }
        }
    }

    @Test
    void nzOfRoundTrips() {
        Cpu cpu = new Cpu(new Bus());
        for (int k = 0; k < 3; k++) {
            cpu.n = k == 1;
            cpu.z = k == 2;
            int nz = JitRuntime.nzOf(cpu);
            assertEquals(cpu.n, nz < 0);
            assertEquals(cpu.z, nz == 0);
        }
    }
}
