package org.tockemu.core.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tockemu.core.board.BareMetal;
import org.tockemu.core.board.BareOptions;
import org.tockemu.core.board.BareResult;

/**
 * Runs a bare-metal ELF on tockemu for the differential tests. By default in a child JVM, so
 * that an emulator that hangs without retiring instructions (where the instruction limit cannot
 * stop it) is simply killed at the timeout instead of wedging the test JVM; set
 * TOCKEMU_DIFF_INPROCESS=1 to run inside the test JVM (easier to debug), and TOCKEMU_DIFF_ENGINE=jit
 * to test the JIT instead of the interpreter.
 */
public final class TockemuBare {
    private TockemuBare() {}

    /** Console bytes (UART0 and semihosting, in order), the result, and whether the run was killed at the timeout. */
    public record Outcome(byte[] output, BareResult result, boolean timedOut) {}

    public static boolean inProcess() { return "1".equals(System.getenv("TOCKEMU_DIFF_INPROCESS")); }

    /**
     * The engine the differential tests use: TOCKEMU_DIFF_ENGINE (interp or jit), default interp.
     * "jit" aborts the calling test when the JIT is not on the class path (core's own tests: the
     * engine lookup would quietly fall back to the interpreter); the jit module, which depends on
     * core's test-jar, can run these helpers with the real JIT.
     */
    public static String engine() {
        String e = System.getenv("TOCKEMU_DIFF_ENGINE");
        e = e == null || e.isBlank() ? "interp" : e.strip();
        if (e.equals("jit")) {
            try {
                Class.forName(org.tockemu.core.board.ExecutionEngines.JIT_FACTORY_CLASS);
            } catch (ClassNotFoundException ex) {
                org.junit.jupiter.api.Assumptions.abort("TOCKEMU_DIFF_ENGINE=jit but the JIT is not on this class path (run from the jit module)");
            }
        }
        return e;
    }

    public static Outcome run(Path elf, String engine, long maxInstructions, Duration timeout) throws IOException, InterruptedException {
        return inProcess() ? runInProcess(elf, engine, maxInstructions) : runChild(elf, engine, maxInstructions, timeout);
    }

    public static Outcome runInProcess(Path elf, String engine, long maxInstructions) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BareOptions o = new BareOptions();
        o.engine = engine;
        o.maxInstructions = maxInstructions;
        o.console = out;
        o.warnings = null;
        BareResult r = BareMetal.run(elf, o);
        return new Outcome(out.toByteArray(), r, false);
    }

    public static Outcome runChild(Path elf, String engine, long maxInstructions, Duration timeout) throws IOException, InterruptedException {
        Path resultFile = Files.createTempFile("tockemu-bare", ".result");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xss8m");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(TockemuBare.class.getName());
            cmd.add(elf.toString());
            cmd.add(engine);
            cmd.add(Long.toString(maxInstructions));
            cmd.add(resultFile.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (out) {
                            out.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // killed
                }
            }, "tockemu-child-output");
            reader.setDaemon(true);
            reader.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(10_000);
            byte[] bytes;
            synchronized (out) {
                bytes = out.toByteArray();
            }
            if (!finished) {
                return new Outcome(bytes, new BareResult(-1, -1, -1, 0, timeout.toSeconds(),
                        "tockemu did not finish within " + timeout.toSeconds() + " s (killed; the instruction limit did not stop it)"), true);
            }
            List<String> lines = Files.exists(resultFile) ? Files.readAllLines(resultFile, StandardCharsets.UTF_8) : List.of();
            if (lines.size() < 6) {
                return new Outcome(bytes, new BareResult(-1, -1, -1, 0, 0, "tockemu child JVM exited with status " + p.exitValue()
                        + " without a result"), false);
            }
            String failure = String.join("\n", lines.subList(5, lines.size()));
            BareResult r = new BareResult(Integer.parseInt(lines.get(0)), Long.parseLong(lines.get(1)), Long.parseLong(lines.get(2)),
                    Double.parseDouble(lines.get(3)), Double.parseDouble(lines.get(4)), failure.equals("null") ? null : failure);
            return new Outcome(bytes, r, false);
        } finally {
            Files.deleteIfExists(resultFile);
        }
    }

    /** Child entry point: ELF engine maxInstructions resultFile. Console bytes go to stdout. */
    public static void main(String[] args) throws Exception {
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        BareOptions o = new BareOptions();
        o.engine = args[1];
        o.maxInstructions = Long.parseLong(args[2]);
        o.console = stdout;
        o.warnings = null;
        BareResult r;
        try {
            r = BareMetal.run(Path.of(args[0]), o);
        } catch (RuntimeException | IOException e) {
            r = new BareResult(70, 0, 0, 0, 0, "exception from BareMetal.run: " + e);
        }
        stdout.flush();
        Files.writeString(Path.of(args[3]), r.exitCode() + "\n" + r.instructions() + "\n" + r.cycles() + "\n" + r.virtualSeconds() + "\n"
                + r.wallSeconds() + "\n" + r.failure() + "\n", StandardCharsets.UTF_8);
        System.exit(0);
    }
}
