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
        this(repoRoot, workDir, seed, engine, log, false);
    }

    /** interrupts: SysTick interrupts land at arbitrary points of every case (see {@link RisuGenerator#RisuGenerator(long, boolean)}). */
    public RisuRunner(Path repoRoot, Path workDir, long seed, String engine, PrintStream log, boolean interrupts) {
        this.harnessDir = repoRoot.resolve("tests").resolve("risu");
        this.workDir = workDir;
        this.seed = seed;
        this.gen = new RisuGenerator(seed, interrupts);
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
        /** every diverging case (for matching against known divergences) */
        public final List<RisuGenerator.Case> divergingCases = new ArrayList<>();
        /** "mnemonic" and "mnemonic first-operand" tokens present in every diverging case so far (null: none yet) */
        public java.util.Set<String> inEveryDivergence;

        /** Adds another batch's totals into these (for parallel runs). */
        public synchronized void add(Totals o) {
            compared += o.compared;
            diverged += o.diverged;
            qemuOnly += o.qemuOnly;
            unsupported += o.unsupported;
            reports.addAll(o.reports);
            divergingCases.addAll(o.divergingCases);
            o.divergingMnemonics.forEach((k, v) -> divergingMnemonics.merge(k, v, Integer::sum));
            o.unsupportedReasons.forEach((k, v) -> unsupportedReasons.merge(k, v, Integer::sum));
            if (o.inEveryDivergence != null) {
                if (inEveryDivergence == null) inEveryDivergence = new java.util.TreeSet<>(o.inEveryDivergence);
                else inEveryDivergence.retainAll(o.inEveryDivergence);
            }
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
        String stem = "risu_" + Long.toHexString(seed) + (gen.interrupts() ? "_irq_" : "_") + first;
        Path src = workDir.resolve(stem + ".S");
        Path elf = workDir.resolve(stem + ".elf");
        Files.writeString(src, "    .file \"" + stem + ".S\"\n" + gen.assembly(cases));
        ArmToolchain.compile(workDir, elf, List.of("-mcpu=cortex-m4", "-mthumb", "-nostdlib", "-nostartfiles",
                "-T" + harnessDir.resolve("risu.ld"), "-Wl,--build-id=none",
                harnessDir.resolve("harness.S").toString(), src.toString()));
        return new Batch(cases, elf);
    }

    public static RisuRecord.Stream runQemu(Path elf) throws IOException, InterruptedException { return runQemu(elf, 0); }

    /** icountShift 5 in interrupt mode makes QEMU's SysTick fire every few hundred instructions. */
    public static RisuRecord.Stream runQemu(Path elf, int icountShift) throws IOException, InterruptedException {
        Qemu.Result r = Qemu.run(elf, Qemu.DEFAULT_TIMEOUT, icountShift);
        if (r.timedOut()) return RisuRecord.parse(r.output()).withError("QEMU timed out");
        return RisuRecord.parse(r.output());
    }

    public RisuRecord.Stream runTockemu(Path elf) throws IOException, InterruptedException {
        long limit = 50_000_000L; // a 200-case batch needs well under 1 M instructions
        TockemuBare.Outcome o = inProcess ? TockemuBare.runInProcess(elf, engine, limit)
                : TockemuBare.runChild(elf, engine, limit, java.time.Duration.ofSeconds(120));
        BareResult r = o.result();
        RisuRecord.Stream s = RisuRecord.parse(o.output());
        if (r.failure() != null) {
            String first = r.failure().split("\\n", 2)[0];
            return s.withError("tockemu failure (exit " + r.exitCode() + "): " + first);
        }
        return s;
    }

    /** Runs one batch on QEMU only and checks that the harness produced every case (a self-test of generator and harness). */
    public void qemuOnly(Batch b, Totals t) throws IOException, InterruptedException {
        RisuRecord.Stream q = runQemu(b.elf(), gen.interrupts() ? 5 : 0);
        String problem = streamProblem(q, b, "QEMU");
        if (problem != null) {
            t.diverged++;
            report(t, b.elf().getFileName() + " (cases " + b.cases().get(0).index() + "..): " + problem);
        }
        t.qemuOnly += q.records().size();
    }

    /** Runs one batch on both and compares case by case. */
    public void compare(Batch b, Totals t) throws IOException, InterruptedException {
        RisuRecord.Stream q = runQemu(b.elf(), gen.interrupts() ? 5 : 0);
        String qp = streamProblem(q, b, "QEMU");
        if (qp != null) throw new IllegalStateException("QEMU did not run the risu batch cleanly (generator or harness bug): " + qp);
        RisuRecord.Stream e = runTockemu(b.elf());
        Map<Integer, RisuRecord> got = new java.util.HashMap<>();
        for (RisuRecord r : e.records()) got.putIfAbsent(r.caseIndex(), r);
        int n = b.cases().size();
        for (int i = 0; i < n; i++) {
            RisuGenerator.Case c = b.cases().get(i);
            RisuRecord qr = q.records().get(i);
            RisuRecord er = got.get(c.index());
            String fault = e.faults().get(c.index());
            if (er == null && fault == null && e.error() != null && e.error().contains("UnsupportedOperationException")) {
                t.unsupported++;
                t.unsupportedReasons.merge(e.error(), 1, Integer::sum);
                continue;
            }
            t.compared++;
            List<String> d;
            if (er != null) d = qr.diff(er, "qemu", "tockemu");
            else if (fault != null) d = List.of("tockemu faulted where QEMU did not: " + fault);
            else d = List.of("tockemu produced no record for this case: " + (e.error() != null ? e.error() : "missing"));
            if (!d.isEmpty()) {
                t.diverged++;
                t.divergingCases.add(c);
                report(t, describe(c, d));
                mnemonics(t, c);
            }
        }
    }

    private static void mnemonics(Totals t, RisuGenerator.Case c) {
        java.util.Set<String> tokens = new java.util.TreeSet<>();
        for (String l : c.listing()) {
            for (String line : l.split("\n")) {
                String[] p = line.strip().split("\\s+", 2);
                String m = p[0];
                if (m.endsWith(":")) continue;
                t.divergingMnemonics.merge(m, 1, Integer::sum);
                String base = RisuGenerator.stripCond(m);
                tokens.add(base);
                if (p.length > 1) tokens.add(base + " " + p[1].split(",")[0].strip());
            }
        }
        if (t.inEveryDivergence == null) t.inEveryDivergence = tokens;
        else t.inEveryDivergence.retainAll(tokens);
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
        sb.append("DIVERGENCE seed ").append(seed).append(gen.interrupts() ? " (with interrupts)" : "").append(" case ").append(c.index()).append(" (case seed ")
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
