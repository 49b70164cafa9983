package org.tockemu.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root: the nearest directory, walking up from the working directory, that holds tests/bare. */
public final class RepoRoot {
    private RepoRoot() {}

    public static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("tests").resolve("bare"))) return d;
        }
        throw new IllegalStateException("no directory holding tests/bare above " + dir);
    }
}
