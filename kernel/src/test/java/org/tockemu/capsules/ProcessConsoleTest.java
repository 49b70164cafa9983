package org.tockemu.capsules;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.boards.Board;
import org.tockemu.boards.BoardConfig;
import org.tockemu.core.testing.RepoRoot;
import org.tockemu.kernel.ProcessLoader;
import org.tockemu.kernel.ProcessState;

class ProcessConsoleTest {
    @Test
    void stopAndStartAProcessFromTheConsole() throws Exception {
        BoardConfig cfg = BoardConfig.builtin();
        cfg.set("peripherals.process_console", "true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Board b = new Board(cfg, out, "interp", new PrintStream(new ByteArrayOutputStream()), null);
        byte[] ping = Files.readAllBytes(RepoRoot.find().resolve("apps/prebuilt/cortex-m4/ping.tbf"));
        b.load(List.of(new ProcessLoader.App("ping.tbf", ping)));
        var k = b.kernel;
        k.run(k.cyclesForMicros(250_000), false); // ping prints at 0, 100, 200 ms
        b.uartInput("stop ping\n".getBytes(StandardCharsets.US_ASCII));
        k.run(k.cyclesForMicros(600_000), false);
        assertEquals(ProcessState.STOPPED_YIELDED, k.processByName("ping").state());
        String stopped = out.toString(StandardCharsets.UTF_8);
        assertTrue(stopped.contains("Process ping stopped"), stopped);
        assertFalse(stopped.contains("ping 4"), "no output while stopped:\n" + stopped);
        b.uartInput("start ping\nlist\n".getBytes(StandardCharsets.US_ASCII));
        k.run(k.cyclesForMicros(3_000_000), true);
        String all = out.toString(StandardCharsets.UTF_8);
        assertTrue(all.contains("Process ping started"), all);
        assertTrue(all.contains("ping done"), all);
        assertTrue(all.contains(" ping "), all);
    }
}
