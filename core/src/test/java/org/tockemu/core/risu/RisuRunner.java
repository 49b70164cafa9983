package org.tockemu.core.risu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tockemu.core.board.BareResult;
import org.tockemu.core.testing.ArmToolchain;
import org.tockemu.core.testing.Qemu;
import org.tockemu.core.testing.TockemuBare;

/**
 * Builds risu ELFs (tests/risu/harness.S + generated cases, linked with tests/risu/risu.ld),
 * runs them on QEMU and on tockemu, and compares the dumps case by case.
 */
public final class RisuRunner {
    /** Where the harness sources live (tests/risu). */
    private final Path harnessDir;
    private final Path workDir;
    private final RisuGenerator gen;
    private final long seed;
    private final String engine;
    private final PrintStream log;
    private int maxReports = 10;
    private final java.util.concurrent.atomic.AtomicInteger reported = new java.util.concurrent.atomic.AtomicInteger();

    public RisuRunner(Path repoRoot, Path workDir, long seed, String engine, PrintStream log) {
        this.harnessDir = repoRoot.resolve("tests").resolve("risu");
        this.workDir = workDir;
        this.seed = seed;
        this.gen = new RisuGenerator(seed);
        this.engine = engine;
        this.log = log;
    }

    public RisuRunner maxReports(int n) { this.maxReports = n; return this; }

    private boolean inProcess = TockemuBare.inProcess();

    /** Run tockemu inside this JVM (faster for long runs) instead of a child JVM (a hang is killed at the timeout). */
    public RisuRunner inProcess(boolean b) { this.inProcess = b; return this; }

    /** Totals over all batches run so far. */
    public static final class Totals {
        public long compared, diverged, qemuOnly;
        /** cases not compared because tockemu stopped on something it does not implement yet */
        public long unsupported;
        public final Map<String, Integer> unsupportedReasons = new TreeMap<>();
        public final List<String> reports = new ArrayList<>();
        public final Map<String, Integer> divergingMnemonics = new TreeMap<>();

        /** Adds another batch's totals into these (for parallel runs). */
        public synchronized void add(Totals o) {
            compared += o.compared;
            diverged += o.diverged;
            qemuOnly += o.qemuOnly;
            unsupported += o.unsupported;
            reports.addAll(o.reports);
            o.divergingMnemonics.forEach((k, v) -> divergingMnemonics.merge(k, v, Integer::sum));
            o.unsupportedReasons.forEach((k, v) -> unsupportedReasons.merge(k, v, Integer::sum));
        }

        @Override public String toString() {
            return "risu: compared " + compared + " cases, " + diverged + " diverged"
                    + (unsupported > 0 ? ", " + unsupported + " not compared (tockemu: not implemented)" : "");
        }
    }

    public record Batch(List<RisuGenerator.Case> cases, Path elf) {}

    /** Generates and assembles cases [first, first+count) into one ELF. */
    public Batch build(int first, int count) throws IOException, InterruptedException {
        List<RisuGenerator.Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) cases.add(gen.generate(first + i));
        Files.createDirectories(workDir);
        String stem = "risu_" + Long.toHexString(seed) + "_" + first;
        Path src = workDir.resolve(stem + ".S");
        Path elf = workDir.resolve(stem + ".elf");
        Files.writeString(src, "    .file \"" + stem + ".S\"\n" + gen.assembly(cases));
        ArmToolchain.compile(workDir, elf, List.of("-mcpu=cortex-m4", "-mthumb", "-nostdlib", "-nostartfiles",
                "-T" + harnessDir.resolve("risu.ld"), "-Wl,--build-id=none",
                harnessDir.resolve("harness.S").toString(), src.toString()));
        return new Batch(cases, elf);
    }

    public static RisuRecord.Stream runQemu(Path elf) throws IOException, InterruptedException {
        Qemu.Result r = Qemu.run(elf);
        if (r.timedOut()) return new RisuRecord.Stream(List.of(), false, 0, null, "QEMU timed out");
        return RisuRecord.parse(r.output());
    }

    public RisuRecord.Stream runTockemu(Path elf) throws IOException, InterruptedException {
        long limit = 50_000_000L; // a 200-case batch needs well under 1 M instructions
        TockemuBare.Outcome o = inProcess ? TockemuBare.runInProcess(elf, engine, limit)
                : TockemuBare.runChild(elf, engine, limit, java.time.Duration.ofSeconds(120));
        BareResult r = o.result();
        RisuRecord.Stream s = RisuRecord.parse(o.output());
        if (r.failure() != null && s.fault() == null) {
            String first = r.failure().split("\\n", 2)[0];
            return new RisuRecord.Stream(s.records(), s.ended(), s.endCount(), null, "tockemu failure (exit " + r.exitCode() + "): " + first);
        }
        return s;
    }

    /** Runs one batch on QEMU only and checks that the harness produced every case (a self-test of generator and harness). */
    public void qemuOnly(Batch b, Totals t) throws IOException, InterruptedException {
        RisuRecord.Stream q = runQemu(b.elf());
        String problem = streamProblem(q, b, "QEMU");
        if (problem != null) {
            t.diverged++;
            report(t, b.elf().getFileName() + " (cases " + b.cases().get(0).index() + "..): " + problem);
        }
        t.qemuOnly += q.records().size();
    }

    /** Runs one batch on both and compares case by case. */
    public void compare(Batch b, Totals t) throws IOException, InterruptedException {
        RisuRecord.Stream q = runQemu(b.elf());
        String qp = streamProblem(q, b, "QEMU");
        if (qp != null) throw new IllegalStateException("QEMU did not run the risu batch cleanly (generator or harness bug): " + qp);
        RisuRecord.Stream e = runTockemu(b.elf());
        int n = b.cases().size();
        for (int i = 0; i < n; i++) {
            RisuGenerator.Case c = b.cases().get(i);
            RisuRecord qr = q.records().get(i);
            if (i >= e.records().size() && e.error() != null && e.error().contains("UnsupportedOperationException")) {
                t.unsupported += n - i;
                t.unsupportedReasons.merge(e.error(), 1, Integer::sum);
                if (log != null) log.println("[risu] case " + c.index() + ": " + e.error() + "; " + (n - i) + " cases not compared");
                return;
            }
            t.compared++;
            if (i >= e.records().size()) {
                t.diverged++;
                String why = e.fault() != null ? e.fault() : e.error() != null ? e.error() : "no record";
                report(t, describe(c, List.of("tockemu produced no record for this case: " + why)));
                mnemonics(t, c);
                // the rest of the batch is lost with it
                for (int j = i + 1; j < n; j++) { t.compared++; t.diverged++; }
                return;
            }
            RisuRecord er = e.records().get(i);
            List<String> d = qr.caseIndex() != er.caseIndex()
                    ? List.of("record order: QEMU case " + qr.caseIndex() + ", tockemu case " + er.caseIndex())
                    : qr.diff(er, "qemu", "tockemu");
            if (!d.isEmpty()) {
                t.diverged++;
                report(t, describe(c, d));
                mnemonics(t, c);
            }
        }
    }

    private static void mnemonics(Totals t, RisuGenerator.Case c) {
        for (String l : c.listing()) {
            for (String line : l.split("\n")) {
                String m = line.strip().split("\\s+")[0];
                if (!m.endsWith(":")) t.divergingMnemonics.merge(m, 1, Integer::sum);
            }
        }
    }

    private static String streamProblem(RisuRecord.Stream s, Batch b, String who) {
        if (s.fault() != null) return who + ": " + s.fault();
        if (s.error() != null) return who + ": " + s.error();
        if (!s.ended()) return who + ": no end marker";
        if (s.records().size() != b.cases().size()) return who + ": " + s.records().size() + " records for " + b.cases().size() + " cases";
        for (int i = 0; i < s.records().size(); i++) {
            if (s.records().get(i).caseIndex() != b.cases().get(i).index()) return who + ": record " + i + " is for case " + s.records().get(i).caseIndex();
        }
        return null;
    }

    private void report(Totals t, String text) {
        if (reported.getAndIncrement() < maxReports) {
            t.reports.add(text);
            if (log != null) log.println(text);
        }
    }

    public String describe(RisuGenerator.Case c, List<String> diffs) {
        StringBuilder sb = new StringBuilder();
        sb.append("DIVERGENCE seed ").append(seed).append(" case ").append(c.index()).append(" (case seed ")
                .append(Long.toHexString(c.caseSeed())).append(", base ").append(c.base() == 13 ? "lr" : "r" + c.base()).append(")\n");
        sb.append("  initial:");
        for (int r = 0; r < 14; r++) {
            sb.append(' ').append(r == 13 ? "lr" : "r" + r).append('=')
                    .append(r == c.base() ? "window+128" : String.format("%08x", c.initRegs()[r]));
        }
        sb.append(String.format(" apsr=%08x (%s) memseed=%08x%n", c.initApsr(), RisuRecord.flags(c.initApsr()), c.memSeed()));
        sb.append("  sequence:\n");
        for (String l : c.listing()) for (String line : l.split("\n")) sb.append("    ").append(line.strip()).append('\n');
        sb.append("  differences:\n");
        for (String d : diffs) sb.append("    ").append(d).append('\n');
        return sb.toString();
    }
}
