package org.tockemu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.TestElfBuilder;
import org.tockemu.kernel.tbf.TabArchive;
import org.tockemu.kernel.tbf.TbfHeader;
import org.tockemu.kernel.tbf.TbfPacker;

import picocli.CommandLine;

class TbfCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = CliSupport.commandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
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
    void packThenInspect(@TempDir Path dir) throws Exception {
        Path elf = dir.resolve("hello.elf");
        Files.write(elf, TestElfBuilder.picApp().build());
        Path tbf = dir.resolve("hello.tbf"), tab = dir.resolve("hello.tab");
        Result r = run("tbf", "pack", elf.toString(), "-o", tbf.toString(), "--name", "hello", "--stack", "0x400",
                "--app-heap", "2k", "--kernel-heap", "512", "--tab", tab.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("512 bytes"), r.out());
        byte[] bytes = Files.readAllBytes(tbf);
        TbfHeader h = TbfHeader.parse(bytes, "hello.tbf");
        assertEquals(0x70 + 0x400 + 2048 + 512, h.minimumRamSize());
        assertEquals("hello", h.packageName().orElseThrow());
        TbfPacker.Options o = new TbfPacker.Options().name("hello").stack(0x400L).appHeap(2048).kernelHeap(512);
        assertArrayEquals(TbfPacker.pack(ElfFile.parse(TestElfBuilder.picApp().build(), "x"), o), bytes);
        TabArchive a = TabArchive.read(tab);
        assertEquals("cortex-m4.tbf", a.select().fileName());
        assertArrayEquals(bytes, a.select().data());
        assertEquals("hello", a.metadata().orElseThrow().name().orElseThrow());

        r = run("tbf", "inspect", tbf.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("TLV Program (9)") && r.out().contains("(ok)"), r.out());
        r = run("tbf", "inspect", tbf.toString(), "--json");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\"checksum_ok\": true"), r.out());
        r = run("tbf", "inspect", tab.toString(), "--json");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\"selected\": \"cortex-m4.tbf\""), r.out());
        r = run("tbf", "inspect", tab.toString());
        assertTrue(r.out().contains("<- selected"), r.out());
    }

    @Test
    void badChecksumExitsNonZero(@TempDir Path dir) throws Exception {
        byte[] b = TbfPacker.pack(ElfFile.parse(TestElfBuilder.picApp().build(), "x"), new TbfPacker.Options().name("a"));
        b[20] ^= 1;
        Path p = dir.resolve("bad.tbf");
        Files.write(p, b);
        Result r = run("tbf", "inspect", p.toString());
        assertOneLineError(r, 1, "bad.tbf: offset 0x0c (checksum): expected 0x");
        assertTrue(r.out().contains("BAD"), r.out());
    }

    @Test
    void tabWithBrokenTbfExitsNonZero(@TempDir Path dir) throws Exception {
        byte[] b = TbfPacker.pack(ElfFile.parse(TestElfBuilder.picApp().build(), "x"), new TbfPacker.Options().name("a"));
        b[20] ^= 1;
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        m.put("cortex-m4.tbf", b);
        Path tab = dir.resolve("broken.tab");
        org.tockemu.kernel.tbf.TabWriter.write(tab, org.tockemu.kernel.tbf.TabWriter.metadata("a", null, null), m);
        Result r = run("tbf", "inspect", tab.toString());
        assertOneLineError(r, 1, "broken.tab:cortex-m4.tbf: offset 0x0c (checksum)");
        assertTrue(r.out().contains("INVALID") || r.out().contains("BAD"), r.out());
    }

    @Test
    void errorsAreOneLine(@TempDir Path dir) throws Exception {
        assertOneLineError(run("tbf", "inspect", dir.resolve("missing.tbf").toString()), 1, "missing.tbf: no such file");
        Path junk = dir.resolve("junk.tbf");
        Files.write(junk, new byte[]{2, 0, 8, 0, 0, 1, 0, 0});
        assertOneLineError(run("tbf", "inspect", junk.toString()), 1, "junk.tbf: offset 0x00 (base header)");
        Path notElf = dir.resolve("x.elf");
        Files.writeString(notElf, "hello");
        assertOneLineError(run("tbf", "pack", notElf.toString(), "-o", dir.resolve("o.tbf").toString()), 1,
                "x.elf: offset 0x00 (e_ident[EI_MAG]): not an ELF file");
        assertOneLineError(run("tbf", "pack", notElf.toString()), 2, "Missing required option");
        assertOneLineError(run("tbf", "pack", notElf.toString(), "-o", "x", "--stack", "lots"), 2, "'lots' is not a size");
        assertOneLineError(run("tbf", "pack", notElf.toString(), "-o", "x", "--kernel-version", "two"), 2, "--kernel-version");
        assertOneLineError(run("tbf", "frobnicate"), 2, "Unmatched argument");
        assertOneLineError(run("tbf"), 2, "missing subcommand");
        assertOneLineError(run(), 2, "missing subcommand");
        Path tab = dir.resolve("x.tab");
        Files.write(tab, new byte[700]);
        assertEquals(0, run("tbf", "inspect", tab.toString()).code(), "an empty tar is a valid (empty) TAB");
        Files.write(tab, new byte[]{1, 2, 3});
        assertOneLineError(run("tbf", "inspect", tab.toString()), 1, "x.tab: offset 0x00 (tar header)");
    }

    @Test
    void help() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("tbf"), r.out());
        r = run("tbf", "pack", "--help");
        assertTrue(r.out().contains("--kernel-heap"), r.out());
    }
}
