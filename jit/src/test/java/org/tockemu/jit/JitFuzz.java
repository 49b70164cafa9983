package org.tockemu.jit;

import java.util.SplittableRandom;

/** One fuzz case: a seeded program run under both engines with seeded slice budgets and threshold. */
public final class JitFuzz {
    private JitFuzz() {}

    /** Null when both engines agree, else the first difference. */
    public static String run(long seed) {
        byte[] code = new ThumbFuzzer(seed).generate();
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        long[] slices;
        switch (r.nextInt(4)) {
            case 0: slices = new long[] {1L << 40}; break;
            case 1: slices = new long[] {1 + r.nextInt(8)}; break;
            case 2: slices = new long[] {1 + r.nextInt(50), 1 + r.nextInt(500), 1 + r.nextInt(3)}; break;
            default: slices = new long[] {1000 + r.nextInt(5000)}; break;
        }
        int threshold = 1 + r.nextInt(3);
        String d = DiffRunner.compare(code, ThumbFuzzer.CODE_START, null, slices, 3_000_000, threshold);
        return d == null ? null : "seed " + seed + ": " + d;
    }

    /** Runs COUNT [FIRST_SEED]: prints divergences and a summary. */
    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long bad = 0, t0 = System.currentTimeMillis();
        for (long s = first; s < first + count; s++) {
            String d;
            try {
                d = run(s);
            } catch (RuntimeException | Error e) {
                d = "seed " + s + ": exception " + e;
            }
            if (d != null) {
                bad++;
                System.out.println(d);
            }
            if ((s - first + 1) % 10000 == 0) System.out.printf("%d programs, %d divergences, %.1f s%n", s - first + 1, bad, (System.currentTimeMillis() - t0) / 1e3);
        }
        System.out.printf("done: %d programs, %d divergences, %.1f s%n", count, bad, (System.currentTimeMillis() - t0) / 1e3);
        if (bad != 0) System.exit(1);
    }
}
