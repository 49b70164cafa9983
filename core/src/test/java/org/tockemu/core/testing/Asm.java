package org.tockemu.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Assembles Thumb snippets with Debian's arm-none-eabi-as for unit tests. Tests that need it call
 * {@link #assumeAvailable()}: skipped when the toolchain is absent, a failure when
 * TOCKEMU_REQUIRE_TOOLS=1 (CI installs it).
 */
public final class Asm {
    private Asm() {}

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/arm-none-eabi-as")) || onPath("arm-none-eabi-as");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(":")) if (Files.isExecutable(Path.of(d, tool))) return true;
        return false;
    }

    public static void assumeAvailable() {
        if (available()) return;
        if ("1".equals(System.getenv("TOCKEMU_REQUIRE_TOOLS"))) throw new AssertionError("arm-none-eabi-as is required (TOCKEMU_REQUIRE_TOOLS=1)");
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "arm-none-eabi-as not installed: apt-get install gcc-arm-none-eabi");
    }

    /** Assembles source (unified syntax, Thumb) for the given -mcpu and returns the raw .text bytes. */
    public static byte[] assemble(String mcpu, String source) {
        try {
            Path dir = Files.createTempDirectory("tockemu-asm");
            try {
                Path s = dir.resolve("t.s"), o = dir.resolve("t.o"), bin = dir.resolve("t.bin");
                Files.writeString(s, ".syntax unified\n.thumb\n.text\n" + source + "\n");
                run(dir, "arm-none-eabi-as", "-mcpu=" + mcpu, "-mthumb", "-o", o.toString(), s.toString());
                run(dir, "arm-none-eabi-objcopy", "-O", "binary", "-j", ".text", o.toString(), bin.toString());
                return Files.readAllBytes(bin);
            } finally {
                try (var files = Files.list(dir)) { files.forEach(p -> p.toFile().delete()); }
                Files.deleteIfExists(dir);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("assembler failed: " + e.getMessage(), e);
        }
    }

    /** Cortex-M4 (ARMv7E-M). */
    public static byte[] m4(String source) { return assemble("cortex-m4", source); }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + new String(out));
        }
    }
}
