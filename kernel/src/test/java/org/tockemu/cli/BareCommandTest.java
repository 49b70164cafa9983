package org.tockemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.testing.ArmToolchain;
import org.tockemu.core.testing.Tools;

import picocli.CommandLine;

class BareCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err, String guest) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream guest = new ByteArrayOutputStream(), guestErr = new ByteArrayOutputStream();
        int code;
        try {
            // replace the process streams before building the CommandLine: picocli's execute() re-adopts
            // the System.err it saw at construction when System.err changed since
            System.setOut(new PrintStream(guest, true));
            System.setErr(new PrintStream(guestErr, true));
            CommandLine cl = CliSupport.commandLine(new Main());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(), err + guestErr.toString(), guest.toString());
    }

    static void assertOneLineError(Result r, int code, String fragment) {
        assertEquals(code, r.code(), r.toString());
        String e = r.err().strip();
        assertFalse(e.contains("\n"), "one line expected: " + e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
        assertTrue(e.startsWith("tockemu: "), e);
        assertTrue(e.contains(fragment), "'" + fragment + "' not in: " + e);
    }

    @Test
    void missingFile() {
        assertOneLineError(run("bare", dir.resolve("nope.elf").toString()), 2, "nope.elf: no such file");
    }

    @Test
    void notAnElf() throws Exception {
        Path f = dir.resolve("readme.txt");
        Files.writeString(f, "this is plain text and certainly not an executable of any kind\n");
        assertOneLineError(run("bare", f.toString()), 2, "readme.txt");
    }

    @Test
    void badArguments() throws Exception {
        Path f = dir.resolve("x.elf");
        Files.writeString(f, "x");
        assertOneLineError(run("bare", "--max-instructions", "0", f.toString()), 2, "--max-instructions");
        assertOneLineError(run("bare", "--max-instructions", "many", f.toString()), 2, "many");
        assertOneLineError(run("bare", "--engine", "warp", f.toString()), 2, "warp");
        assertOneLineError(run("bare", "--semihosting-root", dir.resolve("none").toString(), f.toString()), 2, "not a directory");
        assertOneLineError(run("bare", "--frobnicate", f.toString()), 2, "frobnicate");
        assertOneLineError(run("bare"), 2, "FILE.elf");
    }

    Path build(String body) throws Exception {
        if (ArmToolchain.gcc().isEmpty()) Tools.missing("arm-none-eabi-gcc not found");
        String src = String.join("\n", ".syntax unified", ".thumb", ".text",
                ".word 0x20400000", ".word reset + 1", ".rept 14", ".word hang + 1", ".endr",
                ".thumb_func", "reset:", body, ".thumb_func", "hang:", "  b hang",
                ".align 2", "blk: .word 0x20026, 5", "msg: .asciz \"guest says hi\\n\"", ".align 2", "");
        Path s = dir.resolve("p.S"), elf = dir.resolve("p.elf");
        Files.writeString(s, src);
        ArmToolchain.compile(dir, elf, List.of("-mcpu=cortex-m4", "-mthumb", "-nostdlib", "-nostartfiles",
                "-Wl,-Ttext=0", "-Wl,--build-id=none", s.toString()));
        return elf;
    }

    @Test
    void exitCodeIsTheGuestsAndStatsAreWritten() throws Exception {
        Path elf = build("  movs r0, #1\n  adr r1, open\n  bkpt 0xab\n  adr r1, wr\n  str r0, [r1]\n"
                + "  movs r0, #5\n  bkpt 0xab\n  movs r0, #0x20\n  adr r1, blk\n  bkpt 0xab\n"
                + ".align 2\nopen: .word tt, 4, 3\nwr: .word 0, msg, 14\ntt: .asciz \":tt\"\n.align 2");
        Path stats = dir.resolve("s.json");
        Result r = run("bare", "--stats", stats.toString(), elf.toString());
        assertEquals(5, r.code(), r.toString());
        assertEquals("guest says hi\n", r.guest());
        String json = Files.readString(stats);
        for (String key : new String[] {"\"instructions\": ", "\"cycles\": ", "\"virtual_seconds\": ", "\"wall_seconds\": ", "\"jvm\": ",
                "\"mips\": ", "\"exit_code\": 5", "\"engine\": "}) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
    }

    @Test
    void jitEngineIsAccepted() throws Exception {
        Path elf = build("  b reset");
        Path stats = dir.resolve("j.json");
        Result r = run("bare", "--engine", "jit", "--max-instructions", "100000", "--stats", stats.toString(), elf.toString());
        assertEquals(124, r.code(), r.toString());
        assertTrue(Files.readString(stats).contains("\"engine\": \"jit\"") || r.err().contains("using the interpreter"), r.toString());
    }

    @Test
    void instructionLimitReportsAndExits124() throws Exception {
        Path elf = build("  b reset");
        Result r = run("bare", "--max-instructions", "1000", elf.toString());
        assertEquals(124, r.code(), r.toString());
        assertTrue(r.err().contains("instruction limit"), r.err());
    }
}
