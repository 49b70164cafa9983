package org.tockemu.jit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tockemu.core.board.ExecutionEngine;
import org.tockemu.core.cpu.Access;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.exec.Interpreter;
import org.tockemu.core.mem.Region;

/**
 * The JIT execution engine: the interpreter's run loop (same boundary contract: attention and
 * the cycle limit checked before every instruction or region, serviceBoundary, GuestFault ->
 * takeFault) that enters translated regions at hot block starts in code-store regions.
 *
 * <p>Tiering: a flat int[] per code region counts entries of block starts (targets of taken
 * branches, exits of regions, exception entries); past {@link #threshold} the region starting
 * there is translated ({@link RegionBuilder} -> {@link Emitter} -> a hidden class). The code cache
 * is a flat JitRegion[] per code region indexed by (pc - base) >> 1, invalidated by code writes
 * and flushed when it holds more than {@link #maxRegions} regions.
 */
public final class JitEngine implements ExecutionEngine {
    /** Translating, not the interpreter: never entered. */
    static final JitRegion FAILED = new JitRegion(null, 0) {
        @Override public void run(Cpu cpu, long limit) {}
    };

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType CTOR = MethodType.methodType(void.class, Insn[].class, int.class);
    private static final java.util.concurrent.atomic.AtomicInteger CLASS_COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    final Cpu cpu;
    int threshold = Integer.getInteger("tockemu.jit.threshold", 40);
    int maxRegions = Integer.getInteger("tockemu.jit.maxRegions", 8192);
    int maxInsns = Integer.getInteger("tockemu.jit.maxInsns", 40);
    /** Cycles after this engine translated a region during which it runs on probe budgets (0: never). */
    long probeWindow = Long.getLong("tockemu.jit.probeWindow", 1L << 26);
    /**
     * Probe budgets are PROBE_MIN plus a pseudo-random part below PROBE_MIN. Shorter probes (2^15)
     * warmed up as well but made C2's final code of matmul and crc32 3-7% slower on 11 G-instruction runs.
     */
    static final int PROBE_MIN = 1 << 17;
    private int probeSeed = 0x9E3779B9;
    /** The cycle the current probe budget ends at (one deadline for all young regions). */
    private long probeDeadline;
    private final String dumpDir = System.getProperty("tockemu.jit.dump");
    private final boolean debug = Boolean.getBoolean("tockemu.jit.debug");

    /**
     * One code-store region: its translation table and entry counters, index (pc - base) >> 1.
     * They cover the region's first {@code covered} bytes and grow (doubling) as code further in
     * runs: a 4 MiB flash would need 16 MiB of tables, most of it never used, allocated and zeroed
     * at start-up.
     */
    static final class Area {
        static final int MIN_COVER = 64 << 10;
        final Region region;
        final int base, size;
        int covered;
        JitRegion[] table = new JitRegion[0];
        int[] counts = new int[0];

        Area(Region r) {
            region = r; base = r.base; size = r.size;
        }

        /** Grows the tables to cover offset (at least; below size). */
        void cover(int offset) {
            if (offset < covered) return;
            long c = Math.max(MIN_COVER, 2L * covered);
            while (c <= offset) c *= 2;
            covered = (int) Math.min(c, size);
            int n = (covered + 1) >>> 1;
            table = java.util.Arrays.copyOf(table, n);
            counts = java.util.Arrays.copyOf(counts, n);
        }
    }

    private final Area[] areas;
    /** Translations shared with every other engine in the JVM. */
    private final CodeCache cache = CodeCache.SHARED;
    private final List<JitRegion> live = new ArrayList<>();

    // stats
    long interpreted, regionsTranslated, regionsShared, translationNanos, buildNanos, emitNanos, defineNanos, bytecodeBytes, invalidations, flushes, failures, retries, regionEntries;

    public JitEngine(Cpu cpu) {
        this.cpu = cpu;
        List<Area> as = new ArrayList<>();
        for (Region r : cpu.bus.regions()) if (r.codeStore && r.data != null) as.add(new Area(r));
        areas = as.toArray(new Area[0]);
        cpu.bus.addCodeWriteListener(this::codeWritten);
    }

    private Area areaFor(int pc) {
        for (Area a : areas) if (Integer.compareUnsigned(pc - a.base, a.size) < 0) return a;
        return null;
    }

    @Override
    public int run(Cpu cpu, long budgetCycles) {
        long end = budgetCycles >= Long.MAX_VALUE - cpu.cycles ? Long.MAX_VALUE : cpu.cycles + budgetCycles;
        ExceptionUnit exc = cpu.exceptions;
        Area area = areas.length > 0 ? areas[0] : null;
        // a run starts wherever the last one stopped (a budget can end between any two
        // instructions): not a block start, or every slice boundary in a hot loop would grow a region
        boolean blockStart = false;
        for (;;) {
            try {
                long limit = Math.min(end, exc.nextEventCycle());
                for (;;) {
                    if (cpu.attention || cpu.cycles >= limit) {
                        int before = cpu.pc;
                        int reason = Interpreter.serviceBoundary(cpu, exc, end);
                        if (reason != 0) return reason;
                        limit = Math.min(end, exc.nextEventCycle());
                        blockStart = cpu.pc != before; // an exception entry or return, not a timer tick
                        continue;
                    }
                    int pc = cpu.pc;
                    if (cpu.itState == 0) {
                        if (area == null || Integer.compareUnsigned(pc - area.base, area.covered) >= 0) {
                            Area a = areaFor(pc);
                            if (a != null) {
                                a.cover(pc - a.base);
                                area = a;
                            }
                        }
                        if (area != null && Integer.compareUnsigned(pc - area.base, area.covered) < 0) {
                            int idx = (pc - area.base) >>> 1;
                            JitRegion r = area.table[idx];
                            if (r != null) {
                                if (r != FAILED && enterable(cpu, r)) {
                                    long i0 = cpu.instructions;
                                    regionEntries++;
                                    r.run(cpu, cpu.cycles < r.probeUntil ? probeLimit(limit) : limit);
                                    if (cpu.instructions != i0) { blockStart = true; continue; }
                                }
                            } else if (blockStart && ++area.counts[idx] >= threshold) {
                                JitRegion t = translate(area, pc); // may grow the table: store after
                                area.table[idx] = t;
                                continue;
                            }
                        }
                    }
                    interpreted++;
                    Interpreter.step(cpu);
                    int d = cpu.pc - pc;
                    blockStart = d != 2 && d != 4;
                }
            } catch (GuestFault f) {
                exc.takeFault();
                blockStart = true;
            }
        }
    }

    /**
     * A young region runs on short budgets (128-256k cycles, pseudo-random) so that its budget
     * checks at loop headers are taken while HotSpot profiles the region. A check never taken
     * there is compiled by C2 as an uncommon trap, and the first real budget end inside that loop
     * (every slice or timeslice ends somewhere) deoptimizes the region and sends it through
     * HotSpot's interpreter, C1 and C2 again. A probe exit is an ordinary region exit: the engine
     * goes on (re-entering at the loop header), so results do not change.
     */
    private long probeLimit(long limit) {
        if (cpu.cycles >= probeDeadline) {
            int x = probeSeed;
            x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
            probeSeed = x;
            probeDeadline = cpu.cycles + PROBE_MIN + (x & (PROBE_MIN - 1));
        }
        return Math.min(limit, probeDeadline);
    }

    /**
     * The region's code lies in the current execute window, its folded literals are readable, the
     * flags representable. The window and literal checks hold for the whole window epoch (MPU
     * changes and privilege changes start a new one), so each region does them once per epoch.
     */
    private static boolean enterable(Cpu cpu, JitRegion r) {
        if (cpu.n && cpu.z) return false; // not representable in the regions' lazy flags (only MSR makes it)
        boolean priv = cpu.privileged();
        if (r.checkedEpoch == cpu.windowEpoch && r.checkedPriv == priv) return true;
        Translation t = r.code;
        if (Integer.compareUnsigned(t.lo - cpu.xStart, cpu.xLen) >= 0 || Integer.compareUnsigned(t.hi - 1 - cpu.xStart, cpu.xLen) >= 0) return false;
        if (t.literals.length != 0 && !literalsReadable(cpu, t, priv)) return false;
        r.checkedEpoch = cpu.windowEpoch;
        r.checkedPriv = priv;
        return true;
    }

    /**
     * Every folded literal (and table) byte is readable: one MPU span lookup when they all lie in
     * one range of uniform permission (the usual case; this runs after every context switch),
     * else each address.
     */
    private static boolean literalsReadable(Cpu cpu, Translation t, boolean priv) {
        long span = cpu.mpu.span(t.literalMin, Access.READ, priv);
        long len = span >>> 32;
        if (len != 0 && Integer.toUnsignedLong(t.literalMax - (int) span) < len) return true;
        for (int a : t.literals) if (!cpu.mpu.allows(a, Access.READ, priv)) return false;
        return true;
    }

    // ------------------------------------------------------------------ translation

    JitRegion translate(Area area, int pc) {
        if (live.size() >= maxRegions) flush();
        long t0 = System.nanoTime();
        try {
            Translation t = cache.find(area.region, pc);
            boolean built = t == null;
            if (!built) {
                regionsShared++;
            } else {
                t = build(area, pc);
                if (t == null) return FAILED;
                cache.add(t);
                regionsTranslated++;
                bytecodeBytes += t.bytecodeSize;
            }
            JitRegion r = t.instantiate();
            area.cover(t.hi - 1 - area.base); // the loop headers registered below
            // HotSpot profiles the class, which every board shares: the board that made it probes
            r.probeUntil = built && probeWindow > 0 ? cpu.cycles + probeWindow : Long.MIN_VALUE;
            // the loop headers enter the same region (a run stopped at one resumes there)
            for (int e : t.entries) {
                int i = (e - area.base) >>> 1;
                if (e != pc && (area.table[i] == null || area.table[i] == FAILED)) area.table[i] = r;
            }
            live.add(r);
            return r;
        } catch (Throwable e) {
            failures++;
            if (debug) {
                System.err.printf("tockemu jit: translation at 0x%08x failed: %s%n", pc, e);
                e.printStackTrace();
            }
            return FAILED;
        } finally {
            translationNanos += System.nanoTime() - t0;
        }
    }

    /** Frontend, backend and class definition; null when the entry cannot be translated. */
    private Translation build(Area area, int pc) throws Throwable {
        int max = maxInsns;
        for (;;) {
            long tb = System.nanoTime();
            RegionBuilder rb = new RegionBuilder(area.region, pc, max, area.table);
            if (!rb.build()) return null;
            String name = "org/tockemu/jit/R" + Integer.toHexString(pc) + "_" + CLASS_COUNTER.incrementAndGet();
            Emitter em = new Emitter(rb, name);
            long te = System.nanoTime();
            byte[] bytes = em.generate();
            long td = System.nanoTime();
            buildNanos += te - tb;
            emitNanos += td - te;
            if (em.codeSize() > 7000 && max > 8) {
                retries++;
                max /= 2;
                continue;
            }
            if (debug) System.err.printf("tockemu jit: region 0x%x: %d instructions%s, entries %s, pcs %s%n", pc, rb.nodes.size(),
                    rb.truncated ? " (cut)" : "", java.util.Arrays.toString(rb.entries()), rb.describe());
            if (dumpDir != null) Files.write(Path.of(dumpDir, name.substring(name.lastIndexOf('/') + 1) + ".class"), bytes);
            MethodHandles.Lookup l = LOOKUP.defineHiddenClass(bytes, true);
            Insn[] insns = new Insn[rb.nodes.size()];
            for (int i = 0; i < insns.length; i++) insns[i] = rb.nodes.get(i).in;
            Translation t = new Translation(l.findConstructor(l.lookupClass(), CTOR), rb, em, insns);
            defineNanos += System.nanoTime() - td;
            return t;
        }
    }

    /** Drops every translation (cache full). */
    void flush() {
        flushes++;
        for (Area a : areas) {
            java.util.Arrays.fill(a.table, null);
            java.util.Arrays.fill(a.counts, 0);
        }
        live.clear();
    }

    /** Bus listener: a store or load into code memory drops the regions translated from those bytes. */
    void codeWritten(int addr, int len) {
        Area area = areaFor(addr);
        if (area == null || area.covered == 0) return;
        long a0 = Integer.toUnsignedLong(addr), a1 = a0 + len;
        boolean any = false;
        for (int i = live.size() - 1; i >= 0; i--) {
            JitRegion r = live.get(i);
            Translation t = r.code;
            boolean hit = Integer.toUnsignedLong(t.lo) < a1 && a0 < Integer.toUnsignedLong(t.hi);
            for (int lit : t.literals) if (Integer.toUnsignedLong(lit) >= a0 && Integer.toUnsignedLong(lit) < a1) hit = true;
            if (!hit) continue;
            Area ra = areaFor(r.entry);
            for (int e : t.entries) {
                if (ra != null && ra.table[(e - ra.base) >>> 1] == r) ra.table[(e - ra.base) >>> 1] = null;
            }
            live.set(i, live.get(live.size() - 1));
            live.remove(live.size() - 1);
            invalidations++;
            any = true;
        }
        // failed translations in the range may translate now
        int from = (int) (Math.max(0L, a0 - Integer.toUnsignedLong(area.base) - 4096) >> 1);
        int to = (int) Math.min(area.table.length, (a1 - Integer.toUnsignedLong(area.base) + 1) >>> 1);
        for (int i = from; i < to; i++) if (area.table[i] == FAILED) area.table[i] = null;
        if (any) cpu.attention = true; // a running region leaves at the next instruction
    }

    /** Statistics for --stats. */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jit_regions_translated", regionsTranslated);
        m.put("jit_regions_live", (long) live.size());
        m.put("jit_regions_shared", regionsShared);
        m.put("jit_shared_translations", (long) cache.size());
        m.put("jit_bytecode_bytes", bytecodeBytes);
        m.put("jit_translation_millis", translationNanos / 1_000_000.0);
        m.put("jit_translation_frontend_millis", buildNanos / 1_000_000.0);
        m.put("jit_translation_backend_millis", emitNanos / 1_000_000.0);
        m.put("jit_translation_define_millis", defineNanos / 1_000_000.0);
        m.put("jit_invalidations", invalidations);
        m.put("jit_flushes", flushes);
        m.put("jit_failures", failures);
        m.put("jit_retries_smaller", retries);
        m.put("jit_region_entries", regionEntries);
        m.put("jit_interpreted_steps", interpreted);
        return m;
    }
}
