package org.tockemu.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.testing.RepoRoot;

class RunCommandTest {
    @TempDir
    Path dir;

    static String app(String name) { return RepoRoot.find().resolve("apps/prebuilt/cortex-m4/" + name + ".tbf").toString(); }

    @Test
    void runsAnAppAndWritesStats() throws Exception {
        Path stats = dir.resolve("s.json");
        var r = BareCommandTest.run("run", "--engine", "interp", "--exit-when-idle", "--stats", stats.toString(), app("hello"));
        assertEquals(0, r.code(), r.err());
        assertEquals("Hello, World!\n", r.guest());
        String json = Files.readString(stats);
        for (String key : new String[] {"\"instructions\"", "\"cycles\"", "\"virtual_seconds\"", "\"wall_seconds\"", "\"jvm\"", "\"mips\"",
                "\"engine\"", "\"syscalls\"", "\"grant_bytes_by_driver\"", "\"processes\""}) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
    }

    @Test
    void jitCountersGoIntoStats() throws Exception {
        Path stats = dir.resolve("j.json");
        var r = BareCommandTest.run("run", "--engine", "jit", "--exit-when-idle", "--stats", stats.toString(), app("hello"));
        assertEquals(0, r.code(), r.err());
        String json = Files.readString(stats);
        assertTrue(json.contains("\"engine\": \"jit\""), json);
        assertTrue(json.contains("\"jit_regions_translated\""), json);
        assertTrue(json.contains("\"jit_bytecode_bytes\""), json);
    }

    @Test
    void timeLimitsStopTheBoardOnVirtualTime() throws Exception {
        var r = BareCommandTest.run("run", "--engine", "interp", "--until", "350ms", app("ping"));
        assertEquals(0, r.code(), r.err());
        assertEquals("ping 0\nping 1\nping 2\nping 3\n", r.guest());
    }

    @Test
    void scriptedButtonsReachProcesses() throws Exception {
        var r = BareCommandTest.run("run", "--engine", "interp", "--until", "2s", "--button", "0@500ms=press", app("hello"));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() {
        String[][] cases = {
            {"run"},
            {"run", "--engine", "interp", "--until", "5parsecs", app("hello")},
            {"run", "--engine", "interp", "--scheduler", "fifo", app("hello")},
            {"run", "--engine", "turbo", app("hello")},
            {"run", "--engine", "interp", "--fault-policy", "explode", app("hello")},
            {"run", "--engine", "interp", "--button", "9@1s=press", app("hello")},
        };
        for (String[] args : cases) {
            var r = BareCommandTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("tockemu: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void unreadableOrMalformedAppsAreReportedWithTheirName() throws Exception {
        var missing = BareCommandTest.run("run", dir.resolve("nosuch.tbf").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nosuch.tbf: no such file"), missing.err());
        Path junk = dir.resolve("junk.tbf");
        Files.write(junk, new byte[] {2, 0, 16});
        var bad = BareCommandTest.run("run", "--engine", "interp", "--exit-when-idle", junk.toString(), app("hello"));
        assertEquals(0, bad.code(), bad.err());
        assertTrue(bad.err().contains("junk.tbf: offset 0x00"), bad.err());
        assertEquals("Hello, World!\n", bad.guest());
    }

    @Test
    void demoRunsTheBundledApps() {
        var r = BareCommandTest.run("demo", "--engine", "interp", "--until", "1100ms");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.guest().contains("Hello, World!"), r.guest());
        assertTrue(r.guest().contains("ping done") && r.guest().contains("pong done"), r.guest());
        assertTrue(r.guest().contains("[sensor] #1"), r.guest());
    }
}
