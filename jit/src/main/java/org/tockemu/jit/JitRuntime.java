package org.tockemu.jit;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exec.Interpreter;

/** Small static helpers the generated code calls: flag arithmetic (inlined by HotSpot) and the cold paths. */
public final class JitRuntime {
    private JitRuntime() {}

    /** Debug: counts of executor fallbacks by instruction name (-Dtockemu.jit.histogram=true). */
    public static final java.util.Map<String, Integer> HISTO = Boolean.getBoolean("tockemu.jit.histogram") ? new java.util.TreeMap<>() : null;

    static {
        if (HISTO != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> HISTO.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue()).limit(30)
                    .forEach(e -> System.err.printf("tockemu jit: fallback %-24s %,d%n", e.getKey(), e.getValue()))));
        }
    }

    // ---- sites: the state of the instruction at a call site, and region exits. Inside a region
    // cpu.cycles/instructions hold the values at region entry and pk counts since then (cycles in
    // the high word, instructions in the low word); a call site adds them for the call and takes
    // them back after it (a fault leaves them added: the state of the faulting instruction).

    private static final long LOW = 0xFFFFFFFFL;

    /** cpu.pc, itState and the counters as of before the site's instruction. */
    static void at(Cpu cpu, JitRegion r, int site, long pk) {
        long where = r.exits[2 * site], counts = r.exits[2 * site + 1];
        cpu.pc = (int) (where >> 32);
        cpu.itState = (int) where;
        addCounts(cpu, pk, counts);
    }

    /** cpu.cycles/instructions += the region's count pk and the site's own (both packed: cycles high, instructions low). */
    private static void addCounts(Cpu cpu, long pk, long counts) {
        cpu.cycles += (pk >>> 32) + (counts >>> 32);
        cpu.instructions += (pk & LOW) + (counts & LOW);
    }

    /** Undoes at()'s counters after the call returned. */
    static void back(Cpu cpu, JitRegion r, int site, long pk) {
        long counts = r.exits[2 * site + 1];
        cpu.cycles -= (pk >>> 32) + (counts >>> 32);
        cpu.instructions -= (pk & LOW) + (counts & LOW);
    }

    /** Leaves the region at an exit site (pc -1: cpu.nextPc; itState -1: unchanged). */
    public static void exit(Cpu cpu, JitRegion r, int site, long pk) {
        long[] e = r.exits; // one array through the region itself: this runs at every region exit
        long where = e[2 * site], counts = e[2 * site + 1];
        int pc = (int) (where >> 32), it = (int) where;
        cpu.pc = pc == -1 ? cpu.nextPc : pc;
        if (HISTO != null) HISTO.merge(String.format("exit R%x -> %x", r.entry, cpu.pc), 1, Integer::sum);
        if (it != -1) cpu.itState = it;
        addCounts(cpu, pk, counts);
    }

    /** Executes the site's instruction with the interpreter's executor, as Interpreter.step would. */
    public static void fallback(Cpu cpu, JitRegion r, int site, long pk) {
        at(cpu, r, site, pk);
        Insn in = r.insns[r.code.siteInsn[site]];
        if (HISTO != null) HISTO.merge(in.name, 1, Integer::sum);
        cpu.nextPc = cpu.pc + in.size;
        cpu.r[15] = cpu.pc + 4;
        Interpreter.execute(cpu, in);
        back(cpu, r, site, pk);
    }

    public static int read32(Cpu cpu, JitRegion r, int site, long pk, int addr) { at(cpu, r, site, pk); int v = cpu.read32(addr); back(cpu, r, site, pk); return v; }

    public static int read16(Cpu cpu, JitRegion r, int site, long pk, int addr) { at(cpu, r, site, pk); int v = cpu.read16(addr); back(cpu, r, site, pk); return v; }

    public static int read8(Cpu cpu, JitRegion r, int site, long pk, int addr) { at(cpu, r, site, pk); int v = cpu.read8(addr); back(cpu, r, site, pk); return v; }

    public static void write32(Cpu cpu, JitRegion r, int site, long pk, int addr, int v) { at(cpu, r, site, pk); cpu.write32(addr, v); back(cpu, r, site, pk); }

    public static void write16(Cpu cpu, JitRegion r, int site, long pk, int addr, int v) { at(cpu, r, site, pk); cpu.write16(addr, v); back(cpu, r, site, pk); }

    public static void write8(Cpu cpu, JitRegion r, int site, long pk, int addr, int v) { at(cpu, r, site, pk); cpu.write8(addr, v); back(cpu, r, site, pk); }

    /** The lazy N/Z value of the cpu's flags (N and Z both set is not representable: see JitEngine.enterable). */
    public static int nzOf(Cpu cpu) { return cpu.n ? Integer.MIN_VALUE : cpu.z ? 0 : 1; }

    /** A carry/overflow triple (a, b, r) whose carryOf is C and addOverflow is V: bit 31 of a = C&V, b = C, r = V&~C. */
    public static int cvA(Cpu cpu) { return cpu.c && cpu.v ? Integer.MIN_VALUE : 0; }

    public static int cvB(Cpu cpu) { return cpu.c ? Integer.MIN_VALUE : 0; }

    public static int cvR(Cpu cpu) { return cpu.v && !cpu.c ? Integer.MIN_VALUE : 0; }

    /** Carry out of bit 31 of a + b (+ any carry in) = r: the majority of a31, b31 and the carry into bit 31. */
    public static int carryOf(int a, int b, int r) { return ((a & b) | ((a | b) & ~r)) >>> 31; }

    /** 1 when x == 0. */
    public static int isZero(int x) { return x == 0 ? 1 : 0; }

    /** Overflow of x + y (+ ci) = res. */
    public static int addOverflow(int x, int y, int res) {
        return ((x ^ res) & (y ^ res)) >>> 31;
    }

    /** High word of the unsigned 64-bit product / sums, for UMULL etc. */
    public static long umull(int a, int b) {
        return (a & 0xFFFFFFFFL) * (b & 0xFFFFFFFFL);
    }
}
