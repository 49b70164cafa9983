package org.tockemu.jit;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;

import org.tockemu.core.decode.Insn;
import org.tockemu.core.mem.Region;

/**
 * One translated region as the code cache keeps it: the generated class and everything an engine
 * needs to enter it, plus the code bytes it was made from. Immutable; every engine (every board in
 * the JVM) whose code memory holds the same bytes at the same addresses gets its own
 * {@link JitRegion} instance of the same class.
 */
final class Translation {
    final MethodHandle ctor;
    final Insn[] insns;
    final int entry, lo, hi;
    final int[] literals, entries;
    final int literalMin, literalMax;
    final boolean entryIsLoopHeader;
    /** Per site, the index of its instruction in {@link #insns} (-1 for exits). */
    final int[] siteInsn;
    /** The sites packed for JitRuntime, read through the region object (see {@link JitRegion#exits}). */
    final long[] exits;
    final int bytecodeSize;
    /** The code and literal bytes the translation depends on: [snapshotBase, snapshotBase + snapshot.length). */
    private final int snapshotBase;
    private final byte[] snapshot;

    Translation(MethodHandle ctor, RegionBuilder rb, Emitter em, Insn[] insns) {
        this.ctor = ctor;
        this.insns = insns;
        this.entry = rb.entry;
        this.lo = rb.lo;
        this.hi = rb.hi;
        this.literals = new int[rb.literals.size()];
        for (int i = 0; i < literals.length; i++) literals[i] = rb.literals.get(i);
        int min = -1, max = 0;
        for (int a : literals) {
            if (Integer.compareUnsigned(a, min) < 0) min = a;
            if (Integer.compareUnsigned(a, max) > 0) max = a;
        }
        this.literalMin = min;
        this.literalMax = max;
        this.entries = rb.entries();
        this.entryIsLoopHeader = rb.byPc.get(rb.entry).loopHeader;
        int ns = em.sites.size();
        siteInsn = new int[ns];
        exits = new long[2 * ns];
        for (int i = 0; i < ns; i++) {
            long[] st = em.sites.get(i); // pc, itState, cycles, instructions, instruction index
            exits[2 * i] = st[0] << 32 | (st[1] & 0xFFFFFFFFL);
            exits[2 * i + 1] = st[2] << 32 | st[3]; // per-site counts are far below 2^31
            siteInsn[i] = (int) st[4];
        }
        this.bytecodeSize = em.codeSize();
        int s0 = lo, s1 = hi;
        for (int a : literals) { s0 = Math.min(s0, a); s1 = Math.max(s1, a + 1); }
        Region code = rb.code;
        this.snapshotBase = s0;
        this.snapshot = Arrays.copyOfRange(code.data, s0 - code.base, s1 - code.base);
    }

    /** True when code holds, at the same addresses, the bytes this translation was made from. */
    boolean matches(Region code) {
        int off = snapshotBase - code.base;
        if (off < 0 || off + snapshot.length > code.size) return false;
        return Arrays.equals(snapshot, 0, snapshot.length, code.data, off, off + snapshot.length);
    }

    /** A new region object (per engine: it carries the engine's literal-check cache) running this code. */
    JitRegion instantiate() throws Throwable {
        JitRegion r = (JitRegion) ctor.invoke(insns, entry);
        r.code = this;
        r.exits = exits;
        return r;
    }
}
