package org.tockemu.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tockemu.core.board.BareMetal;
import org.tockemu.core.board.BareOptions;
import org.tockemu.core.board.BareResult;
import org.tockemu.core.board.ExecutionEngines;
import org.tockemu.core.testing.RepoRoot;

/**
 * Every ELF of the bare-metal corpus (tests/build/bare, built by make -C tests/bare) runs under the
 * interpreter and under the JIT: output, exit status, instruction and cycle counts must be
 * identical. Skipped when the corpus is not built.
 */
class JitBareCorpusTest {
    static final long MAX_INSTRUCTIONS = 2_000_000_000L;

    record Run(BareResult result, String output) {}

    static Run run(Path elf, String engine) throws Exception {
        BareOptions o = new BareOptions();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        o.console = out;
        o.warnings = null;
        o.maxInstructions = MAX_INSTRUCTIONS;
        if (engine.equals("jit-eager")) {
            o.engineFactory = new org.tockemu.core.board.ExecutionEngineFactory() {
                @Override public String name() { return "jit"; }

                @Override public org.tockemu.core.board.ExecutionEngine create(org.tockemu.core.cpu.Cpu cpu) {
                    JitEngine e = new JitEngine(cpu);
                    e.threshold = 1; // translate every block start at once: the most JIT coverage
                    return e;
                }
            };
        } else {
            o.engineFactory = engine.equals("jit") ? new JitEngineFactory() : ExecutionEngines.INTERPRETER;
        }
        BareResult r = BareMetal.run(elf, o);
        return new Run(r, out.toString(StandardCharsets.ISO_8859_1));
    }

    static List<Path> corpus() throws Exception {
        Path dir = RepoRoot.find().resolve("tests/build/bare");
        Assumptions.assumeTrue(Files.isDirectory(dir), "tests/build/bare not built (make -C tests/bare)");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".elf")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory Stream<DynamicTest> sameUnderBothEngines() throws Exception {
        return corpus().stream().map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
            Run a = run(elf, "interp");
            for (String engine : new String[] {"jit", "jit-eager"}) {
                Run b = run(elf, engine);
                assertEquals(a.output, b.output, engine + ": output");
                assertEquals(a.result.exitCode(), b.result.exitCode(), engine + ": exit code");
                assertEquals(a.result.instructions(), b.result.instructions(), engine + ": instructions");
                assertEquals(a.result.cycles(), b.result.cycles(), engine + ": cycles");
                assertEquals(a.result.failure(), b.result.failure(), engine + ": failure report");
            }
        }));
    }
}
