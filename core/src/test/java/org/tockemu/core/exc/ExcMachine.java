package org.tockemu.core.exc;

import java.util.Map;
import java.util.TreeMap;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.exec.Interpreter;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.Region;
import org.tockemu.core.testing.Asm;

/**
 * A machine for exception-model tests: code (with the vector table at 0) in 1 MiB of memory at 0,
 * 256 KiB of RAM at 0x20000000, the System Control Space at 0xE000E000. Programs are assembled
 * with {@link #program}: a vector table with the initial MSP at RAM_TOP, the reset vector at
 * label "reset" and handlers by exception number, then the source. A debugger is attached so
 * "bkpt" ends a test with StopReason.BREAKPOINT.
 */
final class ExcMachine {
    static final int RAM = 0x2000_0000, RAM_SIZE = 256 * 1024, RAM_TOP = 0x2000_8000;
    /** A scratch area tests write logs to. */
    static final int LOG = 0x2001_0000;

    final Bus bus = new Bus();
    final Region code, ram;
    final Cpu cpu;
    final ExceptionUnit exc;

    ExcMachine() { this(32, 8); }

    ExcMachine(int irqs, int prioBits) {
        code = bus.add(Region.memory("code", 0, 1 << 20, true, true));
        code.codeStore = true;
        ram = bus.add(Region.memory("ram", RAM, RAM_SIZE, true, true));
        cpu = new Cpu(bus);
        exc = cpu.exceptions;
        exc.configure(irqs, prioBits);
        SystemControlSpace.map(bus, cpu);
        exc.debuggerAttached = true;
    }

    /**
     * Assembles a program: handlers maps exception numbers to labels (missing ones go to label
     * "unexpected", which the source need not define: a default "unexpected: bkpt #0x55" is added).
     */
    ExcMachine program(Map<Integer, String> handlers, String source) {
        Asm.assumeAvailable();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(".word 0x%08x\n.word reset+1\n", RAM_TOP));
        int n = 16 + exc.numIrq();
        for (int i = 2; i < n; i++) sb.append(".word ").append(handlers.getOrDefault(i, "unexpected")).append("+1\n");
        sb.append(source).append('\n');
        if (!source.contains("unexpected:")) sb.append("unexpected:\n  bkpt #0x55\n  b unexpected\n");
        byte[] bin = Asm.m4(sb.toString());
        bus.load(0, bin, 0, bin.length);
        exc.reset();
        return this;
    }

    ExcMachine program(String source) { return program(new TreeMap<>(), source); }

    static Map<Integer, String> handlers(Object... numberLabel) {
        Map<Integer, String> m = new TreeMap<>();
        for (int i = 0; i < numberLabel.length; i += 2) m.put((Integer) numberLabel[i], (String) numberLabel[i + 1]);
        return m;
    }

    int run() { return run(10_000_000); }

    int run(long cycles) { return Interpreter.run(cpu, cycles); }

    /** Runs and expects the program to stop at a BKPT with the given immediate. */
    ExcMachine runToBkpt(int imm) {
        int r = run();
        if (r != StopReason.BREAKPOINT) throw new AssertionError("stopped with " + StopReason.name(r) + " at pc 0x" + Integer.toHexString(cpu.pc)
                + "\n" + FaultReport.describe(cpu));
        int insn = bus.read(cpu.pc, 2);
        if ((insn & 0xFF00) != 0xBE00 || (insn & 0xFF) != imm) {
            throw new AssertionError(String.format("stopped at bkpt 0x%x at 0x%08x, expected 0x%x%n%s", insn & 0xFF, cpu.pc, imm, FaultReport.describe(cpu)));
        }
        return this;
    }

    int word(int addr) { return bus.read(addr, 4); }

    int log(int i) { return word(LOG + 4 * i); }

    int reg(int n) { return cpu.r[n]; }

    /** Skips the BKPT the core stopped at. */
    ExcMachine resume() {
        cpu.pc += 2;
        return this;
    }
}
