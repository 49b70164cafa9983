package org.tockemu.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tockemu.core.board.BareMetal;
import org.tockemu.core.board.BareOptions;
import org.tockemu.core.board.BareResult;

/**
 * Guest instructions per second of an engine on the compute-heavy bare-metal workloads of
 * tests/bare/bench (build them with `make -C tests/bare bench-long`). Each invocation boots the mps2-an386
 * board, loads the ELF and runs it to its semihosting exit. The "guestInstructions" counter, divided
 * by the invocation time, is the MIPS figure; compare engines side by side in one run:
 *
 * <pre>java -jar bench/target/tockemu-bench.jar BareWorkloadBenchmark -p engine=interp,jit</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BareWorkloadBenchmark {
    @Param({"crc32", "matmul", "sha256", "sort", "coremark_mix"})
    public String workload;

    @Param({"interp", "jit"})
    public String engine;

    /**
     * "long": the ~1.1 G-instruction variants (make -C tests/bare bench-long), where the engine's
     * speed dominates; "short": the default ones (2-20 M instructions), where board set-up and the
     * JIT's translation do.
     */
    @Param({"long"})
    public String length;

    private Path elf;

    /** Guest instructions executed, reported per second by JMH (= instructions/s). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long guestInstructions;

        @Setup(Level.Iteration)
        public void clear() { guestInstructions = 0; }
    }

    @Setup
    public void locate() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tests/bare"))) dir = dir.getParent();
        if (dir == null) throw new IOException("run from inside the tockemu checkout (tests/bare not found)");
        boolean isLong = length.equals("long");
        if (!isLong && !length.equals("short")) throw new IOException("length must be long or short, not " + length);
        elf = dir.resolve("tests/build/bare/" + (isLong ? "long/" : "") + "bench_" + workload + ".elf");
        if (!Files.exists(elf)) throw new IOException(elf + " missing: run `make -C tests/bare " + (isLong ? "bench-long" : "") + "` first");
    }

    @Benchmark
    public int run(Counters counters) throws IOException {
        BareOptions o = new BareOptions();
        o.engine = engine;
        o.console = OutputStream.nullOutputStream();
        BareResult r = BareMetal.run(elf, o);
        if (r.exitCode() != 0) throw new IllegalStateException(workload + " exited " + r.exitCode() + ": " + r.failure());
        counters.guestInstructions += r.instructions();
        return r.exitCode();
    }
}
