package org.tockemu.core.board;

import java.io.IOException;
import java.nio.file.Path;

import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.ElfFormatException;
import org.tockemu.core.elf.ElfSegment;
import org.tockemu.core.mem.Region;

/**
 * Loads an ELF32 little-endian ARM executable into a board's memory the way QEMU's
 * {@code -kernel} does for M-profile boards: every PT_LOAD segment is copied to its physical
 * address (p_paddr), the bytes between p_filesz and p_memsz are zeroed. The entry point is not
 * used: the core starts from the vector table. Anything that cannot be loaded is refused with an
 * {@link ElfLoadException} naming the file and the problem.
 */
public final class ElfLoader {
    private ElfLoader() {}

    /** Reads, checks and loads file into board; returns the parsed ELF (for symbols). */
    public static ElfFile load(Path file, Mps2An386 board) throws IOException {
        ElfFile elf;
        try {
            elf = ElfFile.read(file);
        } catch (ElfFormatException e) {
            throw new ElfLoadException(e.getMessage(), e);
        }
        load(elf, board);
        return elf;
    }

    /** Checks and loads an already parsed ELF. */
    public static void load(ElfFile elf, Mps2An386 board) throws ElfLoadException {
        String name = elf.name();
        if (!elf.isArm()) {
            throw new ElfLoadException(String.format("%s: not an ARM executable (e_machine = %d%s, expected 40 = EM_ARM)",
                    name, elf.machine(), machineName(elf.machine())));
        }
        if (elf.type() == ElfFile.ET_REL) {
            throw new ElfLoadException(name + ": a relocatable object file (ET_REL), not an executable: link it first");
        }
        if (elf.type() != ElfFile.ET_EXEC && elf.type() != ElfFile.ET_DYN) {
            throw new ElfLoadException(String.format("%s: not an executable (e_type = %d)", name, elf.type()));
        }
        boolean any = false;
        // Check every segment before writing anything, so a refused file leaves memory untouched.
        for (ElfSegment s : elf.segments()) {
            if (!s.isLoad() || s.memsz() == 0) continue;
            any = true;
            checkFits(board, name, s);
        }
        if (!any) throw new ElfLoadException(name + ": no loadable (PT_LOAD) segment with a non-zero size");
        for (ElfSegment s : elf.segments()) {
            if (!s.isLoad() || s.memsz() == 0) continue;
            byte[] data = elf.segmentData(s);
            copy(board, (int) s.paddr(), data, data.length);
            long zeros = s.memsz() - s.filesz();
            if (zeros > 0) copy(board, (int) (s.paddr() + s.filesz()), new byte[(int) zeros], (int) zeros);
            board.noteLoaded(board.canonicalAddress((int) s.paddr()), s.memsz());
        }
    }

    private static void checkFits(Mps2An386 board, String name, ElfSegment s) throws ElfLoadException {
        long start = s.paddr(), end = start + s.memsz();
        if (end > 0x1_0000_0000L) {
            throw new ElfLoadException(String.format("%s: segment[%d] [0x%08x, 0x%x) runs past the end of the address space",
                    name, s.index(), start, end));
        }
        for (long a = start; a < end; a++) {
            int phys = board.canonicalAddress((int) a);
            Region r = board.bus.find(phys);
            if (r == null || !r.isMemory()) {
                Region at = board.bus.find((int) a);
                throw new ElfLoadException(String.format(
                        "%s: segment[%d] (paddr 0x%08x, memsz 0x%x) lies outside the board's memory: 0x%08x is %s",
                        name, s.index(), start, s.memsz(), a, at == null ? "unmapped" : "'" + at.name + "', not RAM"));
            }
            // skip to the end of this region (or its mirror window)
            long regionEnd = Integer.toUnsignedLong(r.base) + Integer.toUnsignedLong(r.size);
            long step = regionEnd - Integer.toUnsignedLong(phys);
            a += step - 1;
        }
    }

    private static void copy(Mps2An386 board, int addr, byte[] data, int len) {
        int i = 0;
        while (i < len) {
            int phys = board.canonicalAddress(addr + i);
            Region r = board.bus.find(phys);
            int n = (int) Math.min(len - i, Integer.toUnsignedLong(r.base) + Integer.toUnsignedLong(r.size) - Integer.toUnsignedLong(phys));
            board.bus.load(phys, data, i, n);
            i += n;
        }
    }

    private static String machineName(int m) {
        switch (m) {
            case 3: return " (x86)";
            case 62: return " (x86-64)";
            case 183: return " (AArch64)";
            case 243: return " (RISC-V)";
            case 8: return " (MIPS)";
            default: return "";
        }
    }
}
