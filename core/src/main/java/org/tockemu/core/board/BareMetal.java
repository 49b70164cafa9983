package org.tockemu.core.board;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.exc.FaultReport;
import org.tockemu.core.semihost.Semihosting;
import org.tockemu.core.semihost.SemihostingConfig;

/**
 * Runs a bare-metal ELF built for QEMU's mps2-an386 machine with ARM semihosting, the
 * equivalent of {@code qemu-system-arm -M mps2-an386 -semihosting -kernel FILE.elf}: builds the
 * board, loads the ELF, resets the core from the vector table and runs the engine in slices until
 * the guest exits, locks up, deadlocks or reaches the instruction limit. See {@link BareResult}
 * for the exit codes.
 */
public final class BareMetal {
    private BareMetal() {}

    public static BareResult run(Path elf, BareOptions options) throws IOException {
        Session s = new Session(elf, options);
        return s.run();
    }

    /** One run, split out so tests can look at the board afterwards. */
    public static final class Session {
        public final Mps2An386 board;
        public final Semihosting semihosting;
        public final ExecutionEngine engine;
        public final String engineName;
        private final BareOptions o;
        private final OutputStream console, stderr;

        private final ElfFile elf;

        public Session(Path elfPath, BareOptions options) throws IOException {
            this.o = options;
            this.console = options.console == null ? OutputStream.nullOutputStream() : options.console;
            this.stderr = options.stderr;
            board = new Mps2An386(console, options.stdin);
            this.elf = ElfLoader.load(elfPath, board);
            board.reset();

            SemihostingConfig sc = new SemihostingConfig();
            sc.stdout = console;
            sc.stderr = stderr;
            sc.stdin = options.stdin;
            sc.root = options.semihostingRoot;
            sc.cmdline = options.cmdline != null ? options.cmdline : elfPath.toString();
            sc.clockHz = Mps2An386.CLOCK_HZ;
            sc.heapInfo = board.heapInfo();
            semihosting = new Semihosting(sc);
            installSemihosting(board.cpu, semihosting);

            ExecutionEngineFactory f = options.engineFactory != null ? options.engineFactory
                    : ExecutionEngines.find(options.engine, options.warnings);
            engineName = f.name();
            engine = f.create(board.cpu);
        }

        public BareResult run() {
            Cpu cpu = board.cpu;
            long wall0 = System.nanoTime();
            int exit;
            String failure = null;
            try {
                for (;;) {
                    long remaining = o.maxInstructions - cpu.instructions;
                    if (remaining <= 0) {
                        exit = BareResult.EXIT_INSTRUCTION_LIMIT;
                        failure = String.format("instruction limit reached: %d instructions executed, pc = 0x%08x",
                                cpu.instructions, cpu.pc);
                        break;
                    }
                    int reason = engine.run(cpu, Math.max(1, Math.min(o.sliceCycles, remaining)));
                    flush();
                    if (semihosting.exited()) {
                        exit = semihosting.exitStatus() & 0xFF;
                        failure = semihosting.failure();
                        break;
                    }
                    if (reason == StopReason.BUDGET) continue;
                    if (reason == StopReason.SLEEP) {
                        if (board.uarts[0].awaitInput()) continue; // serial input is the wake-up source
                        exit = BareResult.EXIT_DEADLOCK;
                        failure = "deadlock: WFI with no interrupt source (pc = " + hex(cpu.pc) + ")\n" + cpu.describeRegisters();
                        break;
                    }
                    if (reason == StopReason.LOCKUP) {
                        exit = BareResult.EXIT_LOCKUP;
                        failure = faultReport(cpu);
                        break;
                    }
                    if (reason == StopReason.REQUESTED && cpu.exceptions.takeResetRequest()) {
                        // AIRCR.SYSRESETREQ: QEMU resets the machine and copies the image in again.
                        reload();
                        continue;
                    }
                    if (reason == StopReason.BREAKPOINT) {
                        exit = BareResult.EXIT_BREAKPOINT;
                        failure = "breakpoint: BKPT at pc = " + hex(cpu.pc) + " with no debugger attached\n" + cpu.describeRegisters();
                        break;
                    }
                    if (reason == StopReason.HALT || reason == StopReason.REQUESTED) {
                        exit = BareResult.EXIT_INTERNAL;
                        failure = "stopped by the host (" + StopReason.name(reason) + ") at pc = " + hex(cpu.pc);
                        break;
                    }
                    // HOOK and anything else: nothing on this board hooks exceptions; keep going.
                }
            } catch (RuntimeException e) {
                exit = BareResult.EXIT_INTERNAL;
                failure = "emulator error: " + e + " at pc = " + hex(cpu.pc) + "\n" + cpu.describeRegisters();
            } finally {
                semihosting.closeAll();
                flush();
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            if (o.engineStats != null) o.engineStats.putAll(engine.stats());
            return new BareResult(exit, cpu.instructions, cpu.cycles, cpu.cycles / (double) Mps2An386.CLOCK_HZ, wall, failure);
        }

        private void reload() {
            try {
                ElfLoader.load(elf, board);
            } catch (ElfLoadException e) {
                throw new IllegalStateException("reloading after a system reset: " + e.getMessage(), e);
            }
            board.reset();
        }

        private void flush() {
            try {
                console.flush();
                if (stderr != null) stderr.flush();
            } catch (IOException e) {
                // output is best effort; the run result does not depend on it
            }
        }
    }

    /**
     * Routes BKPT 0xAB to semihosting. As in QEMU 7.2 (without userspace=on), only privileged
     * code may make semihosting calls: from unprivileged code the BKPT is a debug event, which
     * escalates to HardFault.
     */
    public static void installSemihosting(Cpu cpu, Semihosting sh) {
        cpu.exceptions.setBreakpointHandler((c, imm) -> {
            if (imm != Semihosting.BKPT_IMM || !c.privileged()) return false;
            sh.call(c);
            return true;
        });
    }

    /** A readable report of the fault state: registers and the decoded fault status registers. */
    static String faultReport(Cpu cpu) {
        String r = cpu.exceptions.lockupReport();
        return r != null ? r : FaultReport.describe(cpu);
    }

    private static String hex(int v) { return String.format("0x%08x", v); }
}
