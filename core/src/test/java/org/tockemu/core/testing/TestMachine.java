package org.tockemu.core.testing;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.exc.SystemControlSpace;
import org.tockemu.core.exec.Interpreter;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.Region;

/**
 * A minimal machine for instruction-level unit tests: code memory at 0 (1 MiB), RAM at
 * 0x20000000 (256 KiB), privileged thread mode on MSP, no exceptions involved.
 */
public final class TestMachine {
    public static final int CODE = 0x0000_0000, RAM = 0x2000_0000, RAM_SIZE = 256 * 1024;

    public final Bus bus = new Bus();
    public final Region code;
    public final Region ram;
    public final Cpu cpu;
    private int codeEnd;

    public TestMachine() {
        code = bus.add(Region.memory("code", CODE, 1 << 20, true, true));
        code.codeStore = true;
        ram = bus.add(Region.memory("ram", RAM, RAM_SIZE, true, true));
        cpu = new Cpu(bus);
        cpu.setMsp(RAM + RAM_SIZE);
    }

    /**
     * Maps the System Control Space (SCB, MPU, SysTick: programs with a vector table may configure
     * them) and lets BKPT stop the run (debugger attached).
     */
    public TestMachine withSystemControl() {
        SystemControlSpace.map(bus, cpu);
        cpu.exceptions.debuggerAttached = true;
        return this;
    }

    /** Loads Thumb code at CODE and points the PC at it. */
    public TestMachine load(byte[] thumb) {
        bus.load(CODE, thumb, 0, thumb.length);
        codeEnd = CODE + thumb.length;
        cpu.pc = CODE;
        return this;
    }

    /** Assembles (Cortex-M4) and loads. */
    public TestMachine asm(String source) { return load(Asm.m4(source)); }

    /** Steps until the PC leaves the loaded code (falls off its end) or maxSteps instructions ran. */
    public TestMachine run(int maxSteps) {
        for (int i = 0; i < maxSteps && Integer.compareUnsigned(cpu.pc - CODE, codeEnd - CODE) < 0; i++) {
            Interpreter.step(cpu);
        }
        return this;
    }

    public TestMachine run() { return run(1_000_000); }

    public int reg(int n) { return cpu.r[n]; }
}
