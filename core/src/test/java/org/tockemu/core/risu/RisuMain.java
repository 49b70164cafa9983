package org.tockemu.core.risu;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tockemu.core.testing.RepoRoot;

/**
 * Command line for long risu runs:
 * {@code java -cp core/target/classes:core/target/test-classes org.tockemu.core.risu.RisuMain --seed S --cases N}
 * Options: --seed S (default 1), --cases N (default 1000), --first K (first case index, default 0),
 * --per-elf M (cases per ELF, default 200), --engine interp|jit, --qemu-only (check the generator
 * and harness on QEMU alone), --keep (keep the generated .S/.elf files), --in-process (run tockemu in
 * this JVM: several times faster than the default child JVM per batch, but a hang stops the run),
 * --interrupts (SysTick interrupts at arbitrary points; no exclusives), --threads T (batches in
 * parallel, default: available processors), --work DIR (default tests/build/risu), --reports R (how many
 * divergences to print in full, default 20). Exit status 1 when any case diverged.
 */
public final class RisuMain {
    private RisuMain() {}

    public static void main(String[] args) throws Exception {
        long seed = 1;
        long cases = 1000;
        long first = 0;
        int perElf = 200;
        String engine = "interp";
        boolean qemuOnly = false;
        boolean keep = false;
        boolean inProcess = false;
        boolean interrupts = false;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int reports = 20;
        Path root = RepoRoot.find();
        Path work = root.resolve("tests/build/risu");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed": seed = Long.decode(args[++i]); break;
                case "--cases": cases = Long.parseLong(args[++i]); break;
                case "--first": first = Long.parseLong(args[++i]); break;
                case "--per-elf": perElf = Integer.parseInt(args[++i]); break;
                case "--engine": engine = args[++i]; break;
                case "--qemu-only": qemuOnly = true; break;
                case "--keep": keep = true; break;
                case "--in-process": inProcess = true; break;
                case "--interrupts": interrupts = true; break;
                case "--threads": threads = Integer.parseInt(args[++i]); break;
                case "--work": work = Path.of(args[++i]); break;
                case "--reports": reports = Integer.parseInt(args[++i]); break;
                case "-h": case "--help":
                    System.out.println("usage: RisuMain [--seed S] [--cases N] [--first K] [--per-elf M] [--engine interp|jit] [--qemu-only] [--keep] [--in-process] [--interrupts] [--threads T] [--work DIR] [--reports R]");
                    return;
                default:
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
            }
        }
        Files.createDirectories(work);
        RisuRunner runner = new RisuRunner(root, work, seed, engine, System.out, interrupts).maxReports(reports).inProcess(inProcess);
        RisuRunner.Totals t = new RisuRunner.Totals();
        long t0 = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        final boolean qOnly = qemuOnly, keepFiles = keep;
        final long total = cases;
        final int batchSize = perElf;
        for (long at = first; at < first + cases; at += perElf) {
            final int start = (int) at;
            final int n = (int) Math.min(perElf, first + cases - at);
            futures.add(pool.submit(() -> {
                RisuRunner.Totals bt = new RisuRunner.Totals();
                RisuRunner.Batch b = runner.build(start, n);
                if (qOnly) runner.qemuOnly(b, bt);
                else runner.compare(b, bt);
                if (!keepFiles) {
                    Files.deleteIfExists(b.elf());
                    Files.deleteIfExists(b.elf().resolveSibling(b.elf().getFileName().toString().replace(".elf", ".S")));
                }
                t.add(bt);
                long d = done.addAndGet(n);
                if (d % (batchSize * 10L) == 0 || d == total) {
                    System.out.printf("[risu] %d/%d cases, %d diverged, %.1f s%n", d, total, t.diverged, (System.nanoTime() - t0) / 1e9);
                }
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> f : futures) f.get();
        if (qemuOnly) {
            System.out.println("risu (qemu only): ran " + t.qemuOnly + " cases, " + t.diverged + " batch problems");
        } else {
            System.out.println("risu seed " + seed + ": compared " + t.compared + " cases, " + t.diverged + " diverged"
                    + (t.unsupported > 0 ? ", " + t.unsupported + " not compared (tockemu: not implemented: " + t.unsupportedReasons + ")" : ""));
            if (!t.divergingMnemonics.isEmpty()) System.out.println("mnemonics in diverging cases: " + t.divergingMnemonics);
            if (t.inEveryDivergence != null) System.out.println("present in every diverging case: " + t.inEveryDivergence);
        }
        System.exit(t.diverged == 0 ? 0 : 1);
    }
}
