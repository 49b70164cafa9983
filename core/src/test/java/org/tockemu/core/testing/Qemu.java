package org.tockemu.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bare-metal ELF on QEMU's mps2-an386 (Cortex-M4) with ARM semihosting, the reference
 * for tockemu's bare-metal board:
 * {@code qemu-system-arm -M mps2-an386 -nographic -monitor none -serial stdio
 * -semihosting-config enable=on,target=native -icount shift=0,sleep=off -kernel X.elf}.
 * -icount makes virtual time advance with instructions (so SysTick programs do not depend on host
 * speed). UART0 goes to stdout (-serial stdio). Semihosting writes to stdout and stderr both arrive in {@link Result#output}, in order;
 * QEMU's own diagnostic lines ("qemu-system-arm: ...") are split off into {@link Result#diagnostics}.
 */
public final class Qemu {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Qemu() {}

    public record Result(int exitCode, byte[] output, String diagnostics, boolean timedOut, double wallSeconds) {
        public String text() { return new String(output, StandardCharsets.ISO_8859_1); }
    }

    public static Optional<Path> binary() { return Tools.onPath("qemu-system-arm"); }

    public static boolean available() { return binary().isPresent(); }

    public static void assumeAvailable() {
        if (!available()) Tools.missing("qemu-system-arm not found: apt-get install qemu-system-arm");
    }

    public static List<String> command(Path elf) { return command(elf, 0); }

    /** icountShift: virtual nanoseconds per instruction as a power of two (0: 1 ns; 5: 32 ns, about one SysTick count per instruction at 25 MHz). */
    public static List<String> command(Path elf, int icountShift) {
        List<String> cmd = new ArrayList<>(List.of(binary().map(Path::toString).orElse("qemu-system-arm"),
                "-M", "mps2-an386", "-nographic", "-monitor", "none", "-serial", "stdio",
                "-semihosting-config", "enable=on,target=native",
                "-icount", "shift=" + icountShift + ",sleep=off"));
        cmd.add("-kernel");
        cmd.add(elf.toString());
        return cmd;
    }

    public static Result run(Path elf) throws IOException, InterruptedException { return run(elf, DEFAULT_TIMEOUT); }

    public static Result run(Path elf, Duration timeout) throws IOException, InterruptedException { return run(elf, timeout, 0); }

    public static Result run(Path elf, Duration timeout, int icountShift) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        // Output goes to a regular file, not a pipe: with -serial stdio QEMU puts stdout in
        // non-blocking mode, and semihosting writes to a full pipe are then silently cut short.
        Path outFile = Files.createTempFile("tockemu-qemu", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command(elf, icountShift)).redirectErrorStream(true);
            pb.redirectOutput(outFile.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            byte[] raw = Files.readAllBytes(outFile);
            return split(raw, finished ? p.exitValue() : -1, !finished, wall);
        } finally {
            Files.deleteIfExists(outFile);
        }
    }

    private static Result split(byte[] raw, int exit, boolean timedOut, double wall) {
        // split QEMU's own diagnostics from program output (they are whole lines starting "qemu-system-arm:")
        ByteArrayOutputStream prog = new ByteArrayOutputStream();
        StringBuilder diag = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '\n') {
                int end = Math.min(i + 1, raw.length);
                String line = new String(raw, start, end - start, StandardCharsets.ISO_8859_1);
                if (line.startsWith("qemu-system-arm:")) diag.append(line);
                else prog.write(raw, start, end - start);
                start = end;
            }
        }
        return new Result(exit, prog.toByteArray(), diag.toString(), timedOut, wall);
    }
}
