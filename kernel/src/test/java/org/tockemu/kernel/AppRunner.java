package org.tockemu.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tockemu.boards.Board;
import org.tockemu.boards.BoardConfig;
import org.tockemu.core.testing.RepoRoot;

/** Runs prebuilt apps on the default board for kernel tests; process and kernel output kept apart. */
class AppRunner {
    final Board board;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final ByteArrayOutputStream kernelLog = new ByteArrayOutputStream();
    Kernel.Outcome outcome;
    ProcessLoader.Result loaded;

    AppRunner(String engine, String faultPolicy, String arch, String... apps) throws IOException {
        BoardConfig cfg = BoardConfig.builtin();
        cfg.set("kernel.fault_policy", "\"" + faultPolicy + "\"");
        board = new Board(cfg, console, kernelLog, engine, new PrintStream(new ByteArrayOutputStream()), null);
        List<ProcessLoader.App> images = new ArrayList<>();
        for (String a : apps) images.add(new ProcessLoader.App(a + ".tbf", Files.readAllBytes(prebuilt(arch, a))));
        loaded = board.load(images);
    }

    static Path prebuilt(String arch, String app) { return RepoRoot.find().resolve("apps/prebuilt").resolve(arch).resolve(app + ".tbf"); }

    static String expected(String app) throws IOException {
        return Files.readString(RepoRoot.find().resolve("apps").resolve(app).resolve("expected.txt"));
    }

    AppRunner run(double seconds) {
        outcome = board.kernel.run(board.kernel.cyclesForMicros((long) (seconds * 1e6)), true);
        return this;
    }

    String output() { return console.toString(StandardCharsets.UTF_8); }

    String kernelOutput() { return kernelLog.toString(StandardCharsets.UTF_8); }

    Process process(String name) { return board.kernel.processByName(name); }
}
