package org.tockemu.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's arm-none-eabi-gcc (with newlib), used to build the bare-metal corpus in tests/bare
 * (make -C tests/bare, output in tests/build/bare) and to assemble generated test programs.
 */
public final class ArmToolchain {
    private static final Object BUILD_LOCK = new Object();
    private static volatile List<Path> corpus;

    private ArmToolchain() {}

    public static Optional<Path> gcc() { return Tools.onPath("arm-none-eabi-gcc"); }

    public static boolean available() {
        return gcc().isPresent() && Tools.onPath("make").isPresent() && newlibViaGcc();
    }

    private static boolean newlibViaGcc() {
        try {
            Process p = new ProcessBuilder(gcc().get().toString(), "-print-file-name=libc.a").redirectErrorStream(true).start();
            String out = Tools.drain(p).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            return !out.isEmpty() && Files.exists(Path.of(out));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Skips (or fails under TOCKEMU_REQUIRE_TOOLS=1) when the toolchain is missing. */
    public static void assumeAvailable() {
        if (!available()) {
            Tools.missing("arm-none-eabi-gcc with newlib (and make) not found: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi make");
        }
    }

    public static Path corpusSource(Path root) { return root.resolve("tests").resolve("bare"); }

    public static Path corpusOutput(Path root) { return root.resolve("tests").resolve("build").resolve("bare"); }

    /** Runs make -C tests/bare once per JVM and returns the corpus ELFs, sorted by name. */
    public static List<Path> buildCorpus(Path root) throws IOException, InterruptedException {
        synchronized (BUILD_LOCK) {
            if (corpus != null) return corpus;
            List<String> cmd = List.of("make", "-s", "-C", corpusSource(root).toString(),
                    "CROSS=" + gcc().map(p -> p.toString().substring(0, p.toString().length() - 3)).orElse("arm-none-eabi-"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = Tools.drain(p);
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("make -C tests/bare timed out");
            }
            if (p.exitValue() != 0) throw new IOException("make -C tests/bare failed (" + p.exitValue() + "):\n" + out);
            try (Stream<Path> s = Files.list(corpusOutput(root))) {
                corpus = s.filter(f -> f.getFileName().toString().endsWith(".elf")).sorted().collect(Collectors.toList());
            }
            return corpus;
        }
    }

    /** Compiles/assembles and links sources into an ELF with the given flags; throws with the compiler output on failure. */
    public static void compile(Path dir, Path output, List<String> flagsAndSources) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(gcc().orElseThrow(() -> new IOException("arm-none-eabi-gcc not found")).toString());
        cmd.addAll(flagsAndSources);
        cmd.add("-o");
        cmd.add(output.toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = Tools.drain(p);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("compiler timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
    }
}
