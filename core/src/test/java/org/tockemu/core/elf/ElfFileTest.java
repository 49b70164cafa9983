package org.tockemu.core.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfFileTest {
    private static byte[] app() {
        return TestElfBuilder.picApp().build();
    }

    @Test
    void parsesHeaderSegmentsSectionsSymbols() throws Exception {
        ElfFile elf = ElfFile.parse(app(), "app.elf");
        assertEquals(0x80000029L, elf.entry());
        assertTrue(elf.isArm());
        assertEquals(ElfFile.ET_EXEC, elf.type());
        assertEquals(3, elf.segments().size());
        ElfSegment text = elf.segments().get(0);
        assertTrue(text.isLoad() && text.isExecutable() && !text.isWritable());
        assertEquals(0x128, text.filesz());
        assertEquals("R-X", text.flagString());
        ElfSegment data = elf.segments().get(2);
        assertEquals(0x800, data.vaddr());
        assertEquals(0x80000128L, data.paddr());
        assertEquals(0x30, data.filesz());
        assertEquals(0x70, data.memsz());
        assertEquals(3, elf.loadSegments().size());

        ElfSection crt0 = elf.section(".crt0_header").orElseThrow();
        assertArrayEquals(TestElfBuilder.pattern(40, 0x10), elf.sectionData(crt0));
        assertEquals(0x80000000L, crt0.addr());
        ElfSection bss = elf.section(".bss").orElseThrow();
        assertTrue(bss.isNobits());
        assertEquals(0, elf.sectionData(bss).length);
        assertFalse(elf.section(".nope").isPresent());
        assertEquals("", elf.sections().get(0).name());

        ElfSymbol start = elf.symbol("_start").orElseThrow();
        assertEquals(0x80000029L, start.value());
        assertTrue(start.isFunction() && start.isGlobal());
        assertEquals(elf.section(".text").orElseThrow().index(), start.shndx());
        assertFalse(elf.symbol("missing").isPresent());

        List<ElfRelocation> rels = elf.relocations(".rel.data");
        assertEquals(2, rels.size());
        assertEquals(0x814, rels.get(0).offset());
        assertEquals(ElfRelocation.R_ARM_ABS32, rels.get(0).relocationType());
        assertEquals(1, elf.relocationSections().size());
        assertTrue(elf.relocations(".rel.got").isEmpty());

        byte[] seg = elf.segmentData(text);
        assertEquals(0x128, seg.length);
        assertEquals(0x10, seg[0]);
    }

    @Test
    void readsFromPath(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("hello.elf");
        Files.write(p, app());
        ElfFile elf = ElfFile.read(p);
        assertEquals("hello.elf", elf.name());
        Files.write(p, new byte[]{1, 2, 3});
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.read(p));
        assertTrue(e.getMessage().startsWith("hello.elf: offset 0x00 (e_ident[EI_MAG])"), e.getMessage());
    }

    private static ElfFormatException bad(byte[] b) {
        return assertThrows(ElfFormatException.class, () -> ElfFile.parse(b, "bad.elf"));
    }

    private static ElfFormatException mutated(Consumer<byte[]> m) {
        byte[] b = app();
        m.accept(b);
        return bad(b);
    }

    @Test
    void rejectsBadIdentification() {
        ElfFormatException e = bad("not an elf at all".getBytes());
        assertEquals("bad.elf", e.file());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("not an ELF file"), e.getMessage());

        e = mutated(b -> b[4] = 2);
        assertEquals("e_ident[EI_CLASS]", e.field());
        assertTrue(e.getMessage().contains("ELFCLASS64"), e.getMessage());
        e = mutated(b -> b[5] = 2);
        assertEquals("e_ident[EI_DATA]", e.field());
        assertTrue(e.getMessage().contains("big-endian"), e.getMessage());
        e = mutated(b -> b[20] = 7);
        assertEquals("e_version", e.field());
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] b = java.util.Arrays.copyOf(app(), 30);
        ElfFormatException e = bad(b);
        assertEquals("ELF header", e.field());
        assertTrue(e.getMessage().contains("0x1e bytes long"), e.getMessage());
    }

    @Test
    void rejectsBadProgramHeaderTable() {
        ElfFormatException e = mutated(b -> TestElfBuilder.put32(b, 28, 0x7fff_fff0L));
        assertEquals("e_phoff", e.field());
        assertEquals(28, e.offset());
        assertTrue(e.getMessage().startsWith("bad.elf: offset 0x1c (e_phoff): program header table"), e.getMessage());
        e = mutated(b -> TestElfBuilder.put16(b, 42, 31));
        assertEquals("e_phentsize", e.field());
        // first segment's data outside the file
        e = mutated(b -> TestElfBuilder.put32(b, 52 + 4, 0xffff_0000L));
        assertEquals("segment[0].p_offset", e.field());
        assertEquals(56, e.offset());
        // filesz > memsz
        e = mutated(b -> TestElfBuilder.put32(b, 52 + 20, 4));
        assertEquals("segment[0].p_filesz", e.field());
        assertTrue(e.getMessage().contains("larger than p_memsz"), e.getMessage());
    }

    @Test
    void rejectsBadSectionHeaderTable() {
        ElfFormatException e = mutated(b -> TestElfBuilder.put32(b, 32, 0xffff_fff0L));
        assertEquals("e_shoff", e.field());
        e = mutated(b -> TestElfBuilder.put16(b, 46, 64));
        assertEquals("e_shentsize", e.field());
        e = mutated(b -> TestElfBuilder.put16(b, 50, 200));
        assertEquals("e_shstrndx", e.field());
    }

    private static int shoff(byte[] b) {
        return (int) ElfFile.u32(b, 32);
    }

    @Test
    void rejectsBadSectionEntries() throws Exception {
        ElfFile ok = ElfFile.parse(app(), "ok.elf");
        int textIdx = ok.section(".text").orElseThrow().index();
        int symIdx = ok.section(".symtab").orElseThrow().index();
        int relIdx = ok.section(".rel.data").orElseThrow().index();

        // .text data outside the file
        ElfFormatException e = mutated(b -> TestElfBuilder.put32(b, shoff(b) + 40 * textIdx + 16, 0x00ff_0000L));
        assertEquals("section[" + textIdx + "].sh_offset", e.field());
        // name index outside .shstrtab
        e = mutated(b -> TestElfBuilder.put32(b, shoff(b) + 40 * textIdx, 0x10000));
        assertEquals("section[" + textIdx + "].sh_name", e.field());
        assertTrue(e.getMessage().contains("outside the string table"), e.getMessage());
        // symtab entsize
        e = mutated(b -> TestElfBuilder.put32(b, shoff(b) + 40 * symIdx + 36, 12));
        assertTrue(e.field().endsWith(".symtab sh_entsize"), e.field());
        // symtab link not a strtab
        e = mutated(b -> TestElfBuilder.put32(b, shoff(b) + 40 * symIdx + 24, textIdx));
        assertTrue(e.field().endsWith("sh_link"), e.field());
        // rel size not a multiple of 8
        e = mutated(b -> TestElfBuilder.put32(b, shoff(b) + 40 * relIdx + 20, 12));
        assertTrue(e.field().endsWith(".rel.data sh_size"), e.field());
        // symbol name outside .strtab
        ElfSection symtab = ok.section(".symtab").orElseThrow();
        e = mutated(b -> TestElfBuilder.put32(b, (int) symtab.offset() + 16, 0x7fffffff));
        assertEquals(".symtab[1].st_name", e.field());
        assertEquals(symtab.offset() + 16, e.offset());
    }

    @Test
    void noSectionsOrSegmentsIsFine() throws Exception {
        byte[] b = app();
        TestElfBuilder.put16(b, 44, 0); // phnum
        TestElfBuilder.put16(b, 48, 0); // shnum
        TestElfBuilder.put16(b, 50, 0);
        ElfFile elf = ElfFile.parse(b, "x.elf");
        assertTrue(elf.segments().isEmpty());
        assertTrue(elf.sections().isEmpty());
        assertTrue(elf.symbols().isEmpty());
    }

    /** Random corruption must give a clean ElfFormatException or a successful parse, never a crash. */
    @Test
    void fuzzNeverThrowsUnchecked() {
        byte[] good = app();
        Random r = new Random(42);
        for (int iter = 0; iter < 5000; iter++) {
            byte[] b = good.clone();
            int n = 1 + r.nextInt(4);
            for (int k = 0; k < n; k++) {
                // bias mutations toward the headers and tables where they matter most
                int p = r.nextInt(3) == 0 ? r.nextInt(Math.min(b.length, 52 + 96)) : r.nextInt(b.length);
                b[p] = (byte) r.nextInt(256);
            }
            if (r.nextInt(10) == 0) b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            try {
                ElfFile elf = ElfFile.parse(b, "fuzz.elf");
                for (ElfSegment s : elf.segments()) elf.segmentData(s);
                for (ElfSection s : elf.sections()) { elf.sectionData(s); elf.relocations(s); }
            } catch (ElfFormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.elf: offset 0x"), e.getMessage());
            } catch (RuntimeException e) {
                fail("iteration " + iter + ": unchecked " + e, e);
            }
        }
    }
}
