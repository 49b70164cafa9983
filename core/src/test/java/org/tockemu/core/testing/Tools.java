package org.tockemu.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finding external tools on PATH, and the skip-or-fail policy when they are missing: a test
 * that needs a tool is skipped (JUnit assumption) unless TOCKEMU_REQUIRE_TOOLS=1, in which
 * case a missing tool is a failure.
 */
public final class Tools {
    private Tools() {}

    public static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (d.isEmpty()) continue;
                Path p = Path.of(d, tool);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        for (String d : new String[] {"/usr/bin", "/usr/local/bin"}) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public static boolean required() {
        return "1".equals(System.getenv("TOCKEMU_REQUIRE_TOOLS"));
    }

    /** Skips the calling test (or fails it when TOCKEMU_REQUIRE_TOOLS=1) with the given reason. */
    public static void missing(String reason) {
        if (required()) throw new AssertionError(reason + " (required because TOCKEMU_REQUIRE_TOOLS=1)");
        org.junit.jupiter.api.Assumptions.abort(reason);
    }

    static String drain(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
