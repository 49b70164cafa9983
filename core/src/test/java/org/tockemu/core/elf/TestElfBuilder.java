package org.tockemu.core.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small ELF32 little-endian files in tests: sections with contents, PT_LOAD segments
 * made of consecutive sections, a .symtab, relocation sections. Layout: ELF header, program
 * headers, section contents (4-aligned, in order), .symtab, .strtab, .shstrtab, section headers.
 */
public final class TestElfBuilder {
    public int machine = ElfFile.EM_ARM;
    public int type = ElfFile.ET_EXEC;
    public long entry;

    private final List<Sec> sections = new ArrayList<>();
    private final List<Seg> segments = new ArrayList<>();
    private final List<Sym> symbols = new ArrayList<>();

    private record Sec(String name, long type, long flags, long addr, byte[] data, long nobitsSize, String linkName,
                       String infoName, long entsize) {
        long size() {
            return data == null ? nobitsSize : data.length;
        }
    }

    private record Seg(long type, long flags, long vaddr, long paddr, long memsz, String[] sectionNames) {
    }

    private record Sym(String name, long value, long size, int type, int bind, String sectionName) {
    }

    /** A SHT_PROGBITS section with contents. */
    public TestElfBuilder progbits(String name, long flags, long addr, byte[] data) {
        sections.add(new Sec(name, ElfSection.SHT_PROGBITS, flags, addr, data, 0, null, null, 0));
        return this;
    }

    /** A SHT_NOBITS section (.bss, .stack). */
    public TestElfBuilder nobits(String name, long flags, long addr, long size) {
        sections.add(new Sec(name, ElfSection.SHT_NOBITS, flags, addr, null, size, null, null, 0));
        return this;
    }

    /** A SHT_REL section for {@code target} with (offset, info) pairs. */
    public TestElfBuilder rel(String name, String target, long... offsetInfo) {
        byte[] d = new byte[offsetInfo.length * 4];
        for (int i = 0; i < offsetInfo.length; i++) put32(d, i * 4, offsetInfo[i]);
        sections.add(new Sec(name, ElfSection.SHT_REL, 0x40 /* SHF_INFO_LINK */, 0, d, 0, ".symtab", target, 8));
        return this;
    }

    /** A PT_LOAD (or other type) segment covering the named consecutive sections. */
    public TestElfBuilder segment(long type, long flags, long vaddr, long paddr, long memsz, String... sectionNames) {
        segments.add(new Seg(type, flags, vaddr, paddr, memsz, sectionNames));
        return this;
    }

    public TestElfBuilder symbol(String name, long value, long size, int symType, int bind, String sectionName) {
        symbols.add(new Sym(name, value, size, symType, bind, sectionName));
        return this;
    }

    public byte[] build() {
        int phnum = segments.size();
        int pos = 52 + 32 * phnum;
        Map<String, Integer> offsets = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int base = pos;
        for (Sec s : sections) {
            while ((base + body.size()) % 4 != 0) body.write(0);
            offsets.put(s.name(), base + body.size());
            if (s.data() != null) body.writeBytes(s.data());
        }
        // string tables and symbols
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        List<String> allNames = new ArrayList<>();
        for (Sec s : sections) allNames.add(s.name());
        allNames.add(".symtab");
        allNames.add(".strtab");
        allNames.add(".shstrtab");
        int symtabIndex = sections.size() + 1;
        ByteArrayOutputStream shstr = new ByteArrayOutputStream();
        shstr.write(0);
        Map<String, Integer> shName = new LinkedHashMap<>();
        for (String n : allNames) {
            shName.put(n, shstr.size());
            shstr.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            shstr.write(0);
        }
        byte[] symtab = new byte[16 * (symbols.size() + 1)];
        for (int i = 0; i < symbols.size(); i++) {
            Sym y = symbols.get(i);
            int p = 16 * (i + 1);
            put32(symtab, p, strtab.size());
            strtab.writeBytes(y.name().getBytes(StandardCharsets.UTF_8));
            strtab.write(0);
            put32(symtab, p + 4, y.value());
            put32(symtab, p + 8, y.size());
            symtab[p + 12] = (byte) ((y.bind() << 4) | y.type());
            put16(symtab, p + 14, y.sectionName() == null ? ElfSymbol.SHN_ABS : indexOf(y.sectionName()));
        }
        while ((base + body.size()) % 4 != 0) body.write(0);
        int symOff = base + body.size();
        body.writeBytes(symtab);
        int strOff = base + body.size();
        byte[] strBytes = strtab.toByteArray();
        body.writeBytes(strBytes);
        int shstrOff = base + body.size();
        byte[] shstrBytes = shstr.toByteArray();
        body.writeBytes(shstrBytes);
        while ((base + body.size()) % 4 != 0) body.write(0);
        int shoff = base + body.size();
        int shnum = sections.size() + 4;

        byte[] out = new byte[shoff + 40 * shnum];
        out[0] = 0x7f; out[1] = 'E'; out[2] = 'L'; out[3] = 'F';
        out[4] = 1; out[5] = 1; out[6] = 1;
        put16(out, 16, type);
        put16(out, 18, machine);
        put32(out, 20, 1);
        put32(out, 24, entry);
        put32(out, 28, phnum == 0 ? 0 : 52);
        put32(out, 32, shoff);
        put32(out, 36, 0x05000200);
        put16(out, 40, 52);
        put16(out, 42, 32);
        put16(out, 44, phnum);
        put16(out, 46, 40);
        put16(out, 48, shnum);
        put16(out, 50, shnum - 1);
        for (int i = 0; i < phnum; i++) {
            Seg g = segments.get(i);
            int p = 52 + 32 * i;
            long off = 0, filesz = 0;
            boolean first = true;
            for (String n : g.sectionNames()) {
                Sec s = sections.get(indexOf(n) - 1);
                if (first) { off = offsets.get(n); first = false; }
                if (s.data() != null) filesz = offsets.get(n) + s.data().length - off;
            }
            put32(out, p, g.type());
            put32(out, p + 4, off);
            put32(out, p + 8, g.vaddr());
            put32(out, p + 12, g.paddr());
            put32(out, p + 16, filesz);
            put32(out, p + 20, g.memsz());
            put32(out, p + 24, g.flags());
            put32(out, p + 28, 4);
        }
        System.arraycopy(body.toByteArray(), 0, out, base, body.size());
        for (int i = 0; i < sections.size(); i++) {
            Sec s = sections.get(i);
            int p = shoff + 40 * (i + 1);
            put32(out, p, shName.get(s.name()));
            put32(out, p + 4, s.type());
            put32(out, p + 8, s.flags());
            put32(out, p + 12, s.addr());
            put32(out, p + 16, offsets.get(s.name()));
            put32(out, p + 20, s.size());
            put32(out, p + 24, s.linkName() == null ? 0 : s.linkName().equals(".symtab") ? symtabIndex : indexOf(s.linkName()));
            put32(out, p + 28, s.infoName() == null ? 0 : indexOf(s.infoName()));
            put32(out, p + 32, 4);
            put32(out, p + 36, s.entsize());
        }
        int p = shoff + 40 * (sections.size() + 1);
        sh(out, p, shName.get(".symtab"), ElfSection.SHT_SYMTAB, symOff, symtab.length, symtabIndex + 1, 1, 16);
        sh(out, p + 40, shName.get(".strtab"), ElfSection.SHT_STRTAB, strOff, strBytes.length, 0, 0, 0);
        sh(out, p + 80, shName.get(".shstrtab"), ElfSection.SHT_STRTAB, shstrOff, shstrBytes.length, 0, 0, 0);
        return out;
    }

    private void sh(byte[] out, int p, int name, long type, long off, long size, long link, long info, long entsize) {
        put32(out, p, name);
        put32(out, p + 4, type);
        put32(out, p + 16, off);
        put32(out, p + 20, size);
        put32(out, p + 24, link);
        put32(out, p + 28, info);
        put32(out, p + 32, 4);
        put32(out, p + 36, entsize);
    }

    private int indexOf(String name) {
        for (int i = 0; i < sections.size(); i++) if (sections.get(i).name().equals(name)) return i + 1;
        throw new IllegalArgumentException("no section " + name);
    }

    public static void put32(byte[] b, int p, long v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }

    public static void put16(byte[] b, int p, long v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
    }

    /** Bytes 0, 1, 2, ... of the given length (recognisable content). */
    public static byte[] pattern(int len, int seed) {
        byte[] d = new byte[len];
        for (int i = 0; i < len; i++) d[i] = (byte) (seed + i);
        return d;
    }

    /** {@link #picApp(int)} with a 0x100-byte .text. */
    public static TestElfBuilder picApp() {
        return picApp(0x100);
    }

    /**
     * A libtock-c-like PIC app: .crt0_header (40 B) + .text ({@code textSize} B) at 0x80000000;
     * .stack (0x800, NOBITS) at 0; .got (0x10) and .data (0x20) at 0x800/0x810, loaded from
     * flash right after .text; .bss (0x40) at 0x830; .rel.data with two entries; _start at
     * 0x80000028 (entry 0x80000029).
     */
    public static TestElfBuilder picApp(int textSize) {
        long ax = ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR;
        long wa = ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE;
        long gotLma = 0x80000028L + textSize;
        TestElfBuilder b = new TestElfBuilder();
        b.entry = 0x80000029L;
        b.progbits(".crt0_header", ElfSection.SHF_ALLOC, 0x80000000L, pattern(40, 0x10))
                .progbits(".text", ax, 0x80000028L, pattern(textSize, 0x40))
                .nobits(".stack", wa, 0, 0x800)
                .progbits(".got", wa, 0x800, pattern(0x10, 0x90))
                .progbits(".data", wa, 0x810, pattern(0x20, 0xa0))
                .nobits(".bss", wa, 0x830, 0x40)
                .rel(".rel.data", ".data", 0x814, 0x02, 0x818, 0x02)
                .segment(ElfSegment.PT_LOAD, ElfSegment.PF_R | ElfSegment.PF_X, 0x80000000L, 0x80000000L, 0x28 + textSize,
                        ".crt0_header", ".text")
                .segment(ElfSegment.PT_LOAD, ElfSegment.PF_R | ElfSegment.PF_W, 0, 0, 0x800, ".stack")
                .segment(ElfSegment.PT_LOAD, ElfSegment.PF_R | ElfSegment.PF_W, 0x800, gotLma, 0x70,
                        ".got", ".data", ".bss")
                .symbol("_start", 0x80000029L, 0x20, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, ".text")
                .symbol("main", 0x80000049L, 0x10, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, ".text");
        return b;
    }
}
