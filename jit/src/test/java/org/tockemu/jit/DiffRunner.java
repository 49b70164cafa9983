package org.tockemu.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tockemu.core.board.ExecutionEngine;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.exec.Interpreter;
import org.tockemu.core.testing.TestMachine;

/**
 * Runs one program image under the interpreter and under the JIT on identical TestMachines, in
 * slices of the given budgets, and compares the full observable state after every slice.
 */
public final class DiffRunner {
    /** The last comparison's JIT engine and interpreter machine (diagnostics). */
    public static JitEngine lastJit;
    /** Code cache bound for the JIT side (small values exercise eviction). */
    public static int maxRegions = 8192;
    public static TestMachine lastInterp;
    /** Probe window for the JIT side (cycles; negative: the engine's default). */
    public static long probeWindow = -1;

    /** Result of a comparison: null when identical, else a description of the first difference. */
    public static String compare(byte[] code, byte[] ramInit, long[] slices, int maxSlices, int threshold) {
        return compare(code, 0, ramInit, slices, maxSlices, threshold);
    }

    public static String compare(byte[] code, int entry, byte[] ramInit, long[] slices, int maxSlices, int threshold) {
        TestMachine a = machine(code, ramInit), b = machine(code, ramInit);
        a.cpu.pc = entry;
        b.cpu.pc = entry;
        JitEngine jit = new JitEngine(b.cpu);
        jit.threshold = threshold;
        jit.maxRegions = maxRegions;
        if (probeWindow >= 0) jit.probeWindow = probeWindow;
        lastJit = jit;
        lastInterp = a;
        ExecutionEngine interp = Interpreter::run;
        for (int i = 0; i < maxSlices; i++) {
            long budget = slices[i % slices.length];
            int ra = runSlice(interp, a.cpu, budget), rb = runSlice(jit, b.cpu, budget);
            String d = diff(a, b);
            if (ra != rb) d = (d == null ? "" : d + "; ") + "stop reason " + ra + " vs " + rb;
            if (d != null) return "slice " + i + " (budget " + budget + "): " + d;
            if (ra == StopReason.BREAKPOINT || ra == StopReason.LOCKUP || ra == -1) return null;
        }
        return null;
    }

    static int runSlice(ExecutionEngine e, Cpu cpu, long budget) {
        try {
            return e.run(cpu, budget);
        } catch (GuestFault f) {
            return -1;
        }
    }

    public static TestMachine machine(byte[] code, byte[] ramInit) {
        TestMachine m = new TestMachine().withSystemControl().load(code);
        if (ramInit != null) m.bus.load(TestMachine.RAM, ramInit, 0, ramInit.length);
        return m;
    }

    static String diff(TestMachine a, TestMachine b) {
        Cpu x = a.cpu, y = b.cpu;
        List<String> d = new ArrayList<>();
        for (int i = 0; i < 15; i++) if (x.r[i] != y.r[i]) d.add(String.format("r%d %08x vs %08x", i, x.r[i], y.r[i]));
        if (x.pc != y.pc) d.add(String.format("pc %08x vs %08x", x.pc, y.pc));
        if (x.apsr() != y.apsr()) d.add(String.format("apsr %08x vs %08x", x.apsr(), y.apsr()));
        if (x.itState != y.itState) d.add(String.format("it %02x vs %02x", x.itState, y.itState));
        if (x.cycles != y.cycles) d.add("cycles " + x.cycles + " vs " + y.cycles);
        if (x.instructions != y.instructions) d.add("instructions " + x.instructions + " vs " + y.instructions);
        if (x.ipsr != y.ipsr) d.add("ipsr " + x.ipsr + " vs " + y.ipsr);
        if (x.faultStatus != y.faultStatus || x.faultAddress != y.faultAddress) d.add("fault state differs");
        if (!Arrays.equals(a.ram.data, b.ram.data)) {
            for (int i = 0; i < a.ram.data.length; i++) {
                if (a.ram.data[i] != b.ram.data[i]) { d.add(String.format("ram[%05x] %02x vs %02x", i, a.ram.data[i], b.ram.data[i])); break; }
            }
        }
        if (!Arrays.equals(a.code.data, b.code.data)) d.add("code memory differs");
        return d.isEmpty() ? null : String.join(", ", d);
    }
}
