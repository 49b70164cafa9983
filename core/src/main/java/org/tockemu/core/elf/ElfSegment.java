package org.tockemu.core.elf;

/**
 * One ELF32 program header. All address and size fields are unsigned 32-bit values held in
 * longs.
 *
 * @param index position in the program header table
 */
public record ElfSegment(int index, long type, long offset, long vaddr, long paddr, long filesz,
                         long memsz, long flags, long align) {
    public static final long PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4,
            PT_PHDR = 6, PT_TLS = 7, PT_ARM_EXIDX = 0x70000001L, PT_GNU_STACK = 0x6474e551L,
            PT_GNU_RELRO = 0x6474e552L;
    public static final long PF_X = 1, PF_W = 2, PF_R = 4;

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    public boolean isExecutable() {
        return (flags & PF_X) != 0;
    }

    public boolean isWritable() {
        return (flags & PF_W) != 0;
    }

    public boolean isReadable() {
        return (flags & PF_R) != 0;
    }

    /** "RWX"-style flag string, e.g. {@code "R-X"}. */
    public String flagString() {
        return (isReadable() ? "R" : "-") + (isWritable() ? "W" : "-") + (isExecutable() ? "X" : "-");
    }
}
