package org.tockemu.core.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed ELF32 little-endian file (the only kind arm-none-eabi produces). Pure data: it
 * validates every table and string it reads and reports malformed input with an
 * {@link ElfFormatException} naming the file, the byte offset and the field; it never throws
 * an unchecked exception for bad input.
 *
 * <p>Typical use:
 * <pre>{@code
 * ElfFile elf = ElfFile.read(Path.of("app.elf"));
 * for (ElfSegment s : elf.segments()) if (s.isLoad()) load(s.paddr(), elf.segmentData(s), s.memsz());
 * long entry = elf.entry();
 * }</pre>
 */
public final class ElfFile {
    public static final int EM_ARM = 40;
    public static final int ET_REL = 1, ET_EXEC = 2, ET_DYN = 3;

    private static final int EHDR_SIZE = 52, PHDR_SIZE = 32, SHDR_SIZE = 40, SYM_SIZE = 16;

    private final String name;
    private final byte[] bytes;
    private final int type, machine;
    private final long entry, flags;
    private final List<ElfSegment> segments;
    private final List<ElfSection> sections;
    private final List<ElfSymbol> symbols;
    private final Map<String, ElfSymbol> symbolsByName;

    private ElfFile(String name, byte[] bytes, int type, int machine, long entry, long flags,
                    List<ElfSegment> segments, List<ElfSection> sections, List<ElfSymbol> symbols) {
        this.name = name;
        this.bytes = bytes;
        this.type = type;
        this.machine = machine;
        this.entry = entry;
        this.flags = flags;
        this.segments = Collections.unmodifiableList(segments);
        this.sections = Collections.unmodifiableList(sections);
        this.symbols = Collections.unmodifiableList(symbols);
        Map<String, ElfSymbol> byName = new LinkedHashMap<>();
        for (ElfSymbol s : symbols) {
            if (s.name().isEmpty()) continue;
            // Prefer the first global definition; otherwise keep the first one seen.
            ElfSymbol prev = byName.get(s.name());
            if (prev == null || (!prev.isGlobal() && s.isGlobal())) byName.put(s.name(), s);
        }
        this.symbolsByName = byName;
    }

    /** Reads and parses a file; the error messages use the file name (not the full path). */
    public static ElfFile read(Path path) throws IOException, ElfFormatException {
        byte[] data = Files.readAllBytes(path);
        Path fn = path.getFileName();
        return parse(data, fn == null ? path.toString() : fn.toString());
    }

    /** Parses an in-memory ELF image; {@code name} is used in error messages. */
    public static ElfFile parse(byte[] bytes, String name) throws ElfFormatException {
        return new Parser(bytes, name == null ? "<elf>" : name).parse();
    }

    /** The name used in error messages. */
    public String name() {
        return name;
    }

    /** e_entry (for Thumb code, bit 0 is set). */
    public long entry() {
        return entry;
    }

    /** e_type: ET_EXEC, ET_DYN, ET_REL... */
    public int type() {
        return type;
    }

    /** e_machine (EM_ARM = 40). */
    public int machine() {
        return machine;
    }

    public boolean isArm() {
        return machine == EM_ARM;
    }

    /** e_flags (for ARM: EABI version and float ABI bits). */
    public long flags() {
        return flags;
    }

    /** All program headers, in table order. */
    public List<ElfSegment> segments() {
        return segments;
    }

    /** PT_LOAD program headers only, in table order. */
    public List<ElfSegment> loadSegments() {
        List<ElfSegment> out = new ArrayList<>();
        for (ElfSegment s : segments) if (s.isLoad()) out.add(s);
        return out;
    }

    /** All section headers including the null section at index 0. */
    public List<ElfSection> sections() {
        return sections;
    }

    /** The first section with this exact name, if any. */
    public Optional<ElfSection> section(String sectionName) {
        for (ElfSection s : sections) if (s.name().equals(sectionName)) return Optional.of(s);
        return Optional.empty();
    }

    /** All symbols of .symtab (index 0, the null symbol, included). Empty when stripped. */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** A symbol by name (a global definition wins over a local one of the same name). */
    public Optional<ElfSymbol> symbol(String symbolName) {
        return Optional.ofNullable(symbolsByName.get(symbolName));
    }

    /** A copy of the file bytes of a segment ({@code filesz} bytes). */
    public byte[] segmentData(ElfSegment s) {
        if (s.filesz() == 0) return new byte[0];
        return Arrays.copyOfRange(bytes, (int) s.offset(), (int) (s.offset() + s.filesz()));
    }

    /** A copy of the file bytes of a section; empty for SHT_NOBITS. */
    public byte[] sectionData(ElfSection s) {
        if (s.isNobits() || s.type() == ElfSection.SHT_NULL || s.size() == 0) return new byte[0];
        return Arrays.copyOfRange(bytes, (int) s.offset(), (int) (s.offset() + s.size()));
    }

    /**
     * The entries of a relocation section (SHT_REL or SHT_RELA) by name, e.g. ".rel.data".
     * Empty when there is no such section.
     */
    public List<ElfRelocation> relocations(String sectionName) {
        Optional<ElfSection> s = section(sectionName);
        return s.isPresent() ? relocations(s.get()) : List.of();
    }

    /** The entries of a relocation section (validated at parse time). */
    public List<ElfRelocation> relocations(ElfSection s) {
        boolean rela = s.type() == ElfSection.SHT_RELA;
        if (!rela && s.type() != ElfSection.SHT_REL || s.size() == 0) return List.of();
        int ent = rela ? 12 : 8;
        List<ElfRelocation> out = new ArrayList<>();
        for (long o = s.offset(); o + ent <= s.offset() + s.size(); o += ent) {
            int p = (int) o;
            out.add(new ElfRelocation(u32(bytes, p), u32(bytes, p + 4), rela ? (int) u32(bytes, p + 8) : 0));
        }
        return out;
    }

    /** Relocation sections, i.e. SHT_REL/SHT_RELA sections such as {@code .rel.data}. */
    public List<ElfSection> relocationSections() {
        List<ElfSection> out = new ArrayList<>();
        for (ElfSection s : sections)
            if (s.type() == ElfSection.SHT_REL || s.type() == ElfSection.SHT_RELA) out.add(s);
        return out;
    }

    /** Size of the whole file in bytes. */
    public int fileSize() {
        return bytes.length;
    }

    static long u32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    /** The parser: every read is bounds-checked against the file first. */
    private static final class Parser {
        private final byte[] b;
        private final String name;

        Parser(byte[] b, String name) {
            this.b = b;
            this.name = name;
        }

        private ElfFormatException err(long off, String field, String detail) {
            return new ElfFormatException(name, off, field, detail);
        }

        private void need(long off, long len, String field) throws ElfFormatException {
            if (off < 0 || len < 0 || off + len > b.length)
                throw err(off, field, String.format("needs bytes [0x%x, 0x%x) but the file is only 0x%x bytes long",
                        off, off + len, b.length));
        }

        private long u32at(long off, String field) throws ElfFormatException {
            need(off, 4, field);
            return u32(b, (int) off);
        }

        private int u16at(long off, String field) throws ElfFormatException {
            need(off, 2, field);
            return u16(b, (int) off);
        }

        ElfFile parse() throws ElfFormatException {
            if (b.length < 4 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F')
                throw err(0, "e_ident[EI_MAG]", "not an ELF file (missing \\x7fELF magic)");
            need(0, EHDR_SIZE, "ELF header");
            if (b[4] != 1)
                throw err(4, "e_ident[EI_CLASS]", "expected 1 (ELFCLASS32), found " + (b[4] & 0xff)
                        + (b[4] == 2 ? " (ELFCLASS64)" : ""));
            if (b[5] != 1)
                throw err(5, "e_ident[EI_DATA]", "expected 1 (little-endian), found " + (b[5] & 0xff)
                        + (b[5] == 2 ? " (big-endian)" : ""));
            if (b[6] != 1) throw err(6, "e_ident[EI_VERSION]", "expected 1, found " + (b[6] & 0xff));
            int type = u16(b, 16);
            int machine = u16(b, 18);
            long version = u32(b, 20);
            if (version != 1) throw err(20, "e_version", "expected 1, found " + version);
            long entry = u32(b, 24);
            long phoff = u32(b, 28);
            long shoff = u32(b, 32);
            long flags = u32(b, 36);
            int ehsize = u16(b, 40);
            int phentsize = u16(b, 42);
            int phnum = u16(b, 44);
            int shentsize = u16(b, 46);
            int shnum = u16(b, 48);
            int shstrndx = u16(b, 50);
            if (ehsize < EHDR_SIZE) throw err(40, "e_ehsize", "expected at least 52, found " + ehsize);

            List<ElfSegment> segs = new ArrayList<>();
            if (phnum > 0) {
                if (phentsize != PHDR_SIZE)
                    throw err(42, "e_phentsize", "expected 32, found " + phentsize);
                if (phoff + (long) phnum * PHDR_SIZE > b.length)
                    throw err(28, "e_phoff", String.format(
                            "program header table [0x%x, 0x%x) lies outside the file (size 0x%x)",
                            phoff, phoff + (long) phnum * PHDR_SIZE, b.length));
                for (int i = 0; i < phnum; i++) {
                    int p = (int) (phoff + (long) i * PHDR_SIZE);
                    ElfSegment s = new ElfSegment(i, u32(b, p), u32(b, p + 4), u32(b, p + 8), u32(b, p + 12),
                            u32(b, p + 16), u32(b, p + 20), u32(b, p + 24), u32(b, p + 28));
                    String f = "segment[" + i + "]";
                    if (s.filesz() > 0 && s.offset() + s.filesz() > b.length)
                        throw err(p + 4, f + ".p_offset", String.format(
                                "segment data [0x%x, 0x%x) lies outside the file (size 0x%x)",
                                s.offset(), s.offset() + s.filesz(), b.length));
                    if (s.isLoad() && s.filesz() > s.memsz())
                        throw err(p + 16, f + ".p_filesz", String.format(
                                "p_filesz 0x%x is larger than p_memsz 0x%x", s.filesz(), s.memsz()));
                    segs.add(s);
                }
            }

            List<ElfSection> secs = new ArrayList<>();
            List<ElfSymbol> syms = new ArrayList<>();
            if (shnum > 0) {
                if (shentsize != SHDR_SIZE)
                    throw err(46, "e_shentsize", "expected 40, found " + shentsize);
                if (shoff + (long) shnum * SHDR_SIZE > b.length)
                    throw err(32, "e_shoff", String.format(
                            "section header table [0x%x, 0x%x) lies outside the file (size 0x%x)",
                            shoff, shoff + (long) shnum * SHDR_SIZE, b.length));
                if (shstrndx >= shnum)
                    throw err(50, "e_shstrndx", "index " + shstrndx + " is not below e_shnum " + shnum);
                long[][] raw = new long[shnum][10];
                for (int i = 0; i < shnum; i++) {
                    int p = (int) (shoff + (long) i * SHDR_SIZE);
                    for (int k = 0; k < 10; k++) raw[i][k] = u32(b, p + 4 * k);
                    long stype = raw[i][1], off = raw[i][4], size = raw[i][5];
                    if (i > 0 && stype != ElfSection.SHT_NOBITS && stype != ElfSection.SHT_NULL
                            && off + size > b.length)
                        throw err(p + 16, "section[" + i + "].sh_offset", String.format(
                                "section data [0x%x, 0x%x) lies outside the file (size 0x%x)",
                                off, off + size, b.length));
                }
                long[] strtab = raw[shstrndx];
                int strHdr = (int) (shoff + (long) shstrndx * SHDR_SIZE);
                if (shstrndx != 0 && strtab[1] != ElfSection.SHT_STRTAB)
                    throw err(strHdr + 4, "section[" + shstrndx + "].sh_type",
                            "e_shstrndx names a section of type " + strtab[1] + ", not SHT_STRTAB (3)");
                for (int i = 0; i < shnum; i++) {
                    int p = (int) (shoff + (long) i * SHDR_SIZE);
                    String sname = shstrndx == 0 ? ""
                            : string(strtab[4], strtab[5], raw[i][0], p, "section[" + i + "].sh_name");
                    long[] r = raw[i];
                    secs.add(new ElfSection(i, sname, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]));
                }
                for (ElfSection s : secs) checkSectionTables(s, secs, shoff);
                for (ElfSection s : secs) {
                    if (s.type() == ElfSection.SHT_SYMTAB) {
                        syms = symbols(s, secs, shoff);
                        break;
                    }
                }
            }
            return new ElfFile(name, b, type, machine, entry, flags, segs, secs, syms);
        }

        private void checkSectionTables(ElfSection s, List<ElfSection> secs, long shoff) throws ElfFormatException {
            long hdr = shoff + (long) s.index() * SHDR_SIZE;
            String f = "section[" + s.index() + "] " + s.name();
            if (s.type() == ElfSection.SHT_REL || s.type() == ElfSection.SHT_RELA) {
                long ent = s.type() == ElfSection.SHT_REL ? 8 : 12;
                if (s.entsize() != 0 && s.entsize() != ent)
                    throw err(hdr + 36, f + " sh_entsize", "expected " + ent + ", found " + s.entsize());
                if (s.size() % ent != 0)
                    throw err(hdr + 20, f + " sh_size", "size 0x" + Long.toHexString(s.size())
                            + " is not a multiple of the entry size " + ent);
            }
            if (s.type() == ElfSection.SHT_SYMTAB || s.type() == ElfSection.SHT_DYNSYM) {
                if (s.entsize() != SYM_SIZE)
                    throw err(hdr + 36, f + " sh_entsize", "expected 16, found " + s.entsize());
                if (s.size() % SYM_SIZE != 0)
                    throw err(hdr + 20, f + " sh_size", "size 0x" + Long.toHexString(s.size())
                            + " is not a multiple of 16");
                if (s.link() == 0 || s.link() >= secs.size()
                        || secs.get((int) s.link()).type() != ElfSection.SHT_STRTAB)
                    throw err(hdr + 24, f + " sh_link", "expected the index of a SHT_STRTAB section, found "
                            + s.link());
            }
        }

        private List<ElfSymbol> symbols(ElfSection symtab, List<ElfSection> secs, long shoff) throws ElfFormatException {
            ElfSection str = secs.get((int) symtab.link());
            int n = (int) (symtab.size() / SYM_SIZE);
            List<ElfSymbol> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int p = (int) (symtab.offset() + (long) i * SYM_SIZE);
                long nameOff = u32(b, p);
                String sname = string(str.offset(), str.size(), nameOff, p, symtab.name() + "[" + i + "].st_name");
                int info = b[p + 12] & 0xff;
                out.add(new ElfSymbol(i, sname, u32(b, p + 4), u32(b, p + 8), info & 0xf, info >>> 4,
                        b[p + 13] & 0xff, u16(b, p + 14)));
            }
            return out;
        }

        /** A NUL-terminated string at {@code index} inside a string table. */
        private String string(long tabOff, long tabSize, long index, long fieldOff, String field)
                throws ElfFormatException {
            if (index >= tabSize)
                throw err(fieldOff, field, String.format("string index 0x%x is outside the string table (size 0x%x)",
                        index, tabSize));
            int start = (int) (tabOff + index);
            int end = (int) (tabOff + tabSize);
            for (int i = start; i < end; i++)
                if (b[i] == 0) return new String(b, start, i - start, StandardCharsets.UTF_8);
            throw err(fieldOff, field, String.format("string at index 0x%x is not NUL-terminated", index));
        }
    }
}
