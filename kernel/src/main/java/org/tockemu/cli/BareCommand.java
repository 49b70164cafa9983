package org.tockemu.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tockemu.core.board.BareMetal;
import org.tockemu.core.board.BareOptions;
import org.tockemu.core.board.BareResult;
import org.tockemu.core.board.ExecutionEngineFactory;
import org.tockemu.core.board.ExecutionEngines;
import org.tockemu.core.mem.UncheckedMemory;
import org.tockemu.core.util.Json;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tockemu bare [options] FILE.elf}: runs a bare-metal ELF for QEMU's mps2-an386 machine
 * with ARM semihosting, like {@code qemu-system-arm -M mps2-an386 -semihosting -kernel FILE.elf}.
 * The exit status is the guest's; 2 for bad arguments or an unloadable ELF.
 */
@Command(name = "bare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a bare-metal Cortex-M4 ELF built for QEMU's mps2-an386 machine, with ARM semihosting.",
                "UART0 and semihosting ':tt' writes go to stdout; SYS_WRITE0/SYS_WRITEC and ':tt' appends go to stderr, as with QEMU.",
                "Exit status: the guest's semihosting exit status (as qemu-system-arm returns it); "
                        + "124 instruction limit, 133 stray BKPT, 134 lockup, 142 WFI deadlock, 70 emulator error, "
                        + "2 bad arguments or unloadable ELF."})
public final class BareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--engine", paramLabel = "interp|jit", defaultValue = "jit",
            description = "execution engine (default: ${DEFAULT-VALUE}; falls back to interp when the JIT is not on the class path)")
    String engine;

    @Option(names = "--max-instructions", paramLabel = "N", description = "stop after N guest instructions (exit 124)")
    Long maxInstructions;

    @Option(names = "--stats", paramLabel = "FILE.json",
            description = "write run statistics (instructions, cycles, virtual/wall seconds, MIPS, exit code, engine)")
    Path stats;

    @Option(names = "--semihosting-root", paramLabel = "DIR",
            description = "directory the guest may open files in through semihosting (default: none)")
    Path semihostingRoot;

    @Option(names = "--cmdline", paramLabel = "ARGS", description = "command line for SYS_GET_CMDLINE (default: the ELF path)")
    String cmdline;

    @Parameters(paramLabel = "FILE.elf", description = "the program")
    Path elf;

    @Override
    public Integer call() {
        PrintWriter err = spec.root().commandLine().getErr(); // the root's writer: tests redirect it after construction
        if (maxInstructions != null && maxInstructions <= 0) {
            return usage(err, "--max-instructions must be positive, got " + maxInstructions);
        }
        if (semihostingRoot != null && !Files.isDirectory(semihostingRoot)) {
            return usage(err, "--semihosting-root " + semihostingRoot + ": not a directory");
        }
        ExecutionEngineFactory factory;
        try {
            factory = ExecutionEngines.find(engine, System.err);
        } catch (IllegalArgumentException e) {
            return usage(err, "--engine: " + e.getMessage());
        }
        OutputStream out = new BufferedOutputStream(System.out, 1 << 14);
        BareOptions o = new BareOptions();
        o.engine = factory.name();
        o.engineFactory = factory;
        if (maxInstructions != null) o.maxInstructions = maxInstructions;
        o.console = out;
        o.stderr = System.err;
        o.stdin = System.in;
        o.cmdline = cmdline;
        o.semihostingRoot = semihostingRoot;
        o.warnings = System.err;
        Map<String, Object> engineStats = new LinkedHashMap<>();
        o.engineStats = engineStats;
        BareResult r;
        try {
            r = BareMetal.run(elf, o);
        } catch (IOException e) {
            err.println("tockemu: " + CliSupport.message(e));
            err.flush();
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("tockemu: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                // stdout closed: nothing more to say
            }
        }
        if (r.failure() != null) {
            err.println("tockemu: " + r.failure().stripTrailing());
            err.flush();
        }
        if (stats != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("elf", elf.toString());
            m.put("engine", factory.name());
            m.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version()); // the JIT's speed depends on it
            m.put("memory_access", UncheckedMemory.mode()); // fast paths behind the MPU windows: unchecked or checked
            m.put("exit_code", r.exitCode());
            m.put("instructions", r.instructions());
            m.put("cycles", r.cycles());
            m.put("virtual_seconds", r.virtualSeconds());
            m.put("wall_seconds", r.wallSeconds());
            m.put("mips", r.mips());
            m.put("clock_hz", 25_000_000L);
            m.put("failure", r.failure());
            m.putAll(engineStats);
            try {
                Files.writeString(stats, Json.write(m), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("tockemu: --stats " + stats + ": " + CliSupport.message(e));
                err.flush();
                return 2;
            }
        }
        return r.exitCode();
    }

    private int usage(PrintWriter err, String message) {
        err.println("tockemu: " + message + " (try 'tockemu bare --help')");
        err.flush();
        return 2;
    }
}
