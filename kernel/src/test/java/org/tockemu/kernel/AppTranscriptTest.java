package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tockemu.core.board.ExecutionEngines;
import org.tockemu.core.testing.RepoRoot;

/**
 * Every app with an expected.txt, prebuilt for cortex-m4 and cortex-m0, runs on the default board
 * under every engine and prints exactly its transcript; fault apps end Faulted with the right
 * fault kind in the kernel's report.
 */
class AppTranscriptTest {
    static Stream<Arguments> apps() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (var dirs = Files.list(RepoRoot.find().resolve("apps"))) {
            for (var d : (Iterable<java.nio.file.Path>) dirs.sorted()::iterator) {
                if (!Files.exists(d.resolve("expected.txt"))) continue;
                String app = d.getFileName().toString();
                for (String arch : new String[] {"cortex-m4", "cortex-m0"}) {
                    if (!Files.exists(AppRunner.prebuilt(arch, app))) continue;
                    for (String engine : ExecutionEngines.available()) out.add(Arguments.of(app, arch, engine));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1}, {2})")
    @MethodSource("apps")
    void transcriptMatches(String app, String arch, String engine) throws IOException {
        AppRunner r = new AppRunner(engine, "stop", arch, app).run(30);
        assertTrue(r.loaded.errors().isEmpty(), r.loaded.errors().toString());
        assertEquals(AppRunner.expected(app), r.output(), "console output of " + app + "\nkernel:\n" + r.kernelOutput());
        Process p = r.process(app);
        if (app.startsWith("fault_")) {
            assertEquals(ProcessState.FAULTED, p.state(), r.kernelOutput());
            assertTrue(r.kernelOutput().contains("Process " + app + " faulted and was stopped."), r.kernelOutput());
        } else {
            assertNotEquals(ProcessState.FAULTED, p.state(), r.kernelOutput());
            assertFalse(r.kernelOutput().contains("fault"), r.kernelOutput());
        }
    }
}
