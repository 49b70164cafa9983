package org.tockemu.core.elf;

/**
 * One ELF32 section header, with its name resolved from the section-name string table.
 * Unsigned 32-bit fields are held in longs.
 */
public record ElfSection(int index, String name, long type, long flags, long addr, long offset,
                         long size, long link, long info, long addralign, long entsize) {
    public static final long SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3,
            SHT_RELA = 4, SHT_NOBITS = 8, SHT_REL = 9, SHT_DYNSYM = 11;
    public static final long SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_TLS = 0x400;

    /** True for SHT_NOBITS sections (e.g. .bss, .stack), which occupy no bytes in the file. */
    public boolean isNobits() {
        return type == SHT_NOBITS;
    }

    public boolean isAlloc() {
        return (flags & SHF_ALLOC) != 0;
    }

    public boolean isWritable() {
        return (flags & SHF_WRITE) != 0;
    }

    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }
}
