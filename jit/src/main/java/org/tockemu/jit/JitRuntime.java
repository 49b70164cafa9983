package org.tockemu.jit;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.exec.Interpreter;

/** Small static helpers the generated code calls: flag arithmetic (inlined by HotSpot) and the cold paths. */
public final class JitRuntime {
    private JitRuntime() {}

    /** Debug: counts of executor fallbacks by instruction name (-Dtockemu.jit.histogram=true). */
    public static final java.util.Map<String, Integer> HISTO = Boolean.getBoolean("tockemu.jit.histogram") ? new java.util.TreeMap<>() : null;

    // ---- sites: the state of the instruction at a call site, and region exits ----

    /** cpu.pc, itState and the counters as of before the site's instruction. */
    static void at(Cpu cpu, JitRegion r, int site, long cyc, long icnt) {
        cpu.pc = r.sitePc[site];
        cpu.itState = r.siteIt[site];
        cpu.cycles = cyc + r.siteCyc[site];
        cpu.instructions = icnt + r.siteN[site];
    }

    /** Leaves the region at an exit site (pc -1: cpu.nextPc; itState -1: unchanged). */
    public static void exit(Cpu cpu, JitRegion r, int site, long cyc, long icnt) {
        int pc = r.sitePc[site], it = r.siteIt[site];
        cpu.pc = pc == -1 ? cpu.nextPc : pc;
        if (it != -1) cpu.itState = it;
        cpu.cycles = cyc + r.siteCyc[site];
        cpu.instructions = icnt + r.siteN[site];
    }

    /** Executes the site's instruction with the interpreter's executor, as Interpreter.step would. */
    public static void fallback(Cpu cpu, JitRegion r, int site, long cyc, long icnt) {
        at(cpu, r, site, cyc, icnt);
        Insn in = r.insns[r.siteInsn[site]];
        if (HISTO != null) HISTO.merge(in.name, 1, Integer::sum);
        cpu.nextPc = cpu.pc + in.size;
        cpu.r[15] = cpu.pc + 4;
        Interpreter.execute(cpu, in);
    }

    public static int read32(Cpu cpu, JitRegion r, int site, long cyc, long icnt, int addr) { at(cpu, r, site, cyc, icnt); return cpu.read32(addr); }

    public static int read16(Cpu cpu, JitRegion r, int site, long cyc, long icnt, int addr) { at(cpu, r, site, cyc, icnt); return cpu.read16(addr); }

    public static int read8(Cpu cpu, JitRegion r, int site, long cyc, long icnt, int addr) { at(cpu, r, site, cyc, icnt); return cpu.read8(addr); }

    public static void write32(Cpu cpu, JitRegion r, int site, long cyc, long icnt, int addr, int v) { at(cpu, r, site, cyc, icnt); cpu.write32(addr, v); }

    public static void write16(Cpu cpu, JitRegion r, int site, long cyc, long icnt, int addr, int v) { at(cpu, r, site, cyc, icnt); cpu.write16(addr, v); }

    public static void write8(Cpu cpu, JitRegion r, int site, long cyc, long icnt, int addr, int v) { at(cpu, r, site, cyc, icnt); cpu.write8(addr, v); }

    /** 1 when x == 0. */
    public static int isZero(int x) { return x == 0 ? 1 : 0; }

    /** Carry out of x + y + ci (AddWithCarry). */
    public static int addCarry(int x, int y, int ci) {
        return (int) (((x & 0xFFFFFFFFL) + (y & 0xFFFFFFFFL) + ci) >>> 32);
    }

    /** Carry out of res = x + y (no carry in): res &lt; x unsigned. */
    public static int carry0(int x, int res) { return Integer.compareUnsigned(res, x) < 0 ? 1 : 0; }

    /** Carry out of res = x + y + 1: res &lt;= x unsigned. */
    public static int carry1(int x, int res) { return Integer.compareUnsigned(res, x) <= 0 ? 1 : 0; }

    /** Overflow of x + y (+ ci) = res. */
    public static int addOverflow(int x, int y, int res) {
        return ((x ^ res) & (y ^ res)) >>> 31;
    }

    /** High word of the unsigned 64-bit product / sums, for UMULL etc. */
    public static long umull(int a, int b) {
        return (a & 0xFFFFFFFFL) * (b & 0xFFFFFFFFL);
    }
}
