package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tockemu.core.board.ExecutionEngines;
import org.tockemu.core.testing.RepoRoot;

/** apps/scenarios/*.txt: several apps together (console sharing, IPC, preemption), exact console text. */
class ScenarioTest {
    static Stream<Arguments> scenarios() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (var files = Files.list(RepoRoot.find().resolve("apps/scenarios"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".txt")).sorted()::iterator) {
                for (String arch : new String[] {"cortex-m4", "cortex-m0"}) {
                    for (String engine : ExecutionEngines.available()) out.add(Arguments.of(f.getFileName().toString(), arch, engine));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1}, {2})")
    @MethodSource("scenarios")
    void consoleTextMatches(String file, String arch, String engine) throws IOException {
        String text = Files.readString(RepoRoot.find().resolve("apps/scenarios").resolve(file));
        String first = text.substring(0, text.indexOf('\n'));
        assertTrue(first.startsWith("# apps:"), file + ": first line must be '# apps: ...'");
        String[] apps = first.substring("# apps:".length()).trim().split("\\s+");
        String expected = text.substring(text.indexOf('\n') + 1);
        AppRunner r = new AppRunner(engine, "stop", arch, apps).run(1.2); // every scenario is over by 1 s; a spinner costs 64M instructions per virtual second
        assertEquals(expected, r.output(), file + "\nkernel:\n" + r.kernelOutput());
    }
}
