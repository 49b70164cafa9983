package org.tockemu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tockemu.core.board.BareResult;
import org.tockemu.core.testing.ArmToolchain;
import org.tockemu.core.testing.Qemu;
import org.tockemu.core.testing.RepoRoot;
import org.tockemu.core.testing.TockemuBare;

/**
 * The CPU's proof: every program of the bare-metal corpus (tests/bare, built by make into
 * tests/build/bare) runs on QEMU's mps2-an386 and on tockemu's bare-metal board, and both must
 * print the same bytes and exit with the same status.
 *
 * <p>Needs arm-none-eabi-gcc + newlib and qemu-system-arm: skipped when missing, failed when
 * missing under TOCKEMU_REQUIRE_TOOLS=1. Both outputs are written next to the ELFs
 * (NAME.qemu.out, NAME.tockemu.out) for diffing by hand. Programs listed in
 * tests/bare/known-divergences.txt are reported as aborted (with the first difference) rather
 * than failed while they still diverge, and so are runs that tockemu stops with an
 * UnsupportedOperationException (a feature not implemented yet); any other difference fails.
 * tockemu runs in a child JVM (see {@link TockemuBare}), killed after TOCKEMU_TIMEOUT.
 */
class BareCorpusDifferentialTest {
    /** Far above what a corpus program needs at the default BENCH_ITERS; a spinning guest stops here. */
    static final long MAX_INSTRUCTIONS = 500_000_000L;
    static final Duration TOCKEMU_TIMEOUT = Duration.ofSeconds(60); // the slowest program needs under 10 s

    /** Exit statuses the corpus programs are written to produce. */
    static final Map<String, Integer> EXPECTED_EXIT = Map.of("semihost_raw", 3, "exit_code", 1);

    private static Path root;
    private static List<Path> elfs;

    private static synchronized List<Path> corpus() throws Exception {
        ArmToolchain.assumeAvailable();
        Qemu.assumeAvailable();
        if (elfs == null) {
            root = RepoRoot.find();
            elfs = ArmToolchain.buildCorpus(root);
        }
        return elfs;
    }

    static String name(Path elf) {
        String n = elf.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }

    static Map<String, String> knownDivergences(Path root) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = root.resolve("tests/bare/known-divergences.txt");
        if (!Files.exists(f)) return m;
        for (String line : Files.readAllLines(f)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] parts = t.split("\\s+", 2);
            m.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return m;
    }

    /** The corpus itself: every program builds and runs to its intended exit status under QEMU. */
    @TestFactory
    Stream<DynamicTest> corpusRunsOnQemu() throws Exception {
        return corpus().stream().map(elf -> DynamicTest.dynamicTest("qemu " + name(elf), () -> {
            Qemu.Result q = Qemu.run(elf);
            assertTrue(!q.timedOut(), name(elf) + ": QEMU timed out");
            assertEquals(EXPECTED_EXIT.getOrDefault(name(elf), 0), q.exitCode(),
                    name(elf) + ": QEMU exit status; output tail:\n" + tail(q.text(), 20) + q.diagnostics());
            assertTrue(q.output().length > 0, name(elf) + ": no output under QEMU");
            Files.write(elf.resolveSibling(name(elf) + ".qemu.out"), q.output());
        }));
    }

    /** QEMU versus tockemu, program by program. */
    @TestFactory
    Stream<DynamicTest> tockemuMatchesQemu() throws Exception {
        List<Path> list = corpus();
        Map<String, String> known = knownDivergences(root);
        return list.stream().map(elf -> DynamicTest.dynamicTest(name(elf), () -> compare(elf, known)));
    }

    private static void compare(Path elf, Map<String, String> known) throws Exception {
        String n = name(elf);
        Qemu.Result q = Qemu.run(elf);
        assertTrue(!q.timedOut(), n + ": QEMU timed out");
        Run t = runTockemu(elf);
        Files.write(elf.resolveSibling(n + ".qemu.out"), q.output());
        Files.write(elf.resolveSibling(n + ".tockemu.out"), t.output);
        String diff = describeDifference(q.output(), q.exitCode(), t.output, t.result);
        if (diff != null && t.result.failure() != null && t.result.failure().contains("UnsupportedOperationException")) {
            Assumptions.abort(n + ": tockemu does not implement something this program needs yet: "
                    + t.result.failure().split("\\n", 2)[0] + " (after " + t.result.instructions() + " instructions)");
        }
        if (diff == null) {
            if (known.containsKey(n)) {
                System.out.println("[bare corpus] " + n + " is listed in tests/bare/known-divergences.txt but now matches QEMU: remove it from the list");
            }
            return;
        }
        String report = n + " diverges from QEMU:\n" + diff + "\n(outputs: " + elf.resolveSibling(n + ".qemu.out") + " vs "
                + elf.resolveSibling(n + ".tockemu.out") + ")";
        if (known.containsKey(n)) Assumptions.abort("known divergence (" + known.get(n) + "): " + report);
        fail(report);
    }

    record Run(byte[] output, BareResult result) {}

    static Run runTockemu(Path elf) throws Exception {
        TockemuBare.Outcome o = TockemuBare.run(elf, TockemuBare.engine(), MAX_INSTRUCTIONS, TOCKEMU_TIMEOUT);
        if (o.timedOut()) {
            fail(name(elf) + ": " + o.result().failure() + "; output so far:\n" + tail(new String(o.output(), StandardCharsets.ISO_8859_1), 20));
        }
        return new Run(o.output(), o.result());
    }

    /** null when identical, otherwise a readable account of the first difference. */
    static String describeDifference(byte[] qemuOut, int qemuExit, byte[] tOut, BareResult t) {
        List<String> problems = new ArrayList<>();
        if (t.failure() != null) problems.add("tockemu failure: " + t.failure());
        if (t.exitCode() != qemuExit) problems.add("exit status: qemu " + qemuExit + ", tockemu " + t.exitCode());
        if (!java.util.Arrays.equals(qemuOut, tOut)) {
            String[] a = new String(qemuOut, StandardCharsets.ISO_8859_1).split("\n", -1);
            String[] b = new String(tOut, StandardCharsets.ISO_8859_1).split("\n", -1);
            int i = 0;
            while (i < a.length && i < b.length && a[i].equals(b[i])) i++;
            StringBuilder sb = new StringBuilder("output differs at line " + (i + 1) + " (qemu " + a.length + " lines, tockemu " + b.length + " lines)\n");
            for (int k = Math.max(0, i - 3); k < i; k++) sb.append("    ").append(a[k]).append('\n');
            for (int k = i; k < Math.min(a.length, i + 3); k++) sb.append("  q ").append(a[k]).append('\n');
            for (int k = i; k < Math.min(b.length, i + 3); k++) sb.append("  t ").append(b[k]).append('\n');
            problems.add(sb.toString());
        }
        if (problems.isEmpty()) return null;
        problems.add("tockemu ran " + t.instructions() + " instructions, " + t.cycles() + " cycles");
        return String.join("\n", problems);
    }

    static String tail(String s, int lines) {
        String[] l = s.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, l.length - lines); i < l.length; i++) sb.append(l[i]).append('\n');
        return sb.toString();
    }
}
