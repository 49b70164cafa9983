package org.tockemu.core.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfLoaderTest {
    @TempDir
    Path dir;

    /** A minimal ELF32 with one PT_LOAD segment holding data at paddr, memsz bytes in memory. */
    static byte[] elf(int cls, int data, int type, int machine, int paddr, byte[] bytes, int memsz) {
        ByteBuffer b = ByteBuffer.allocate(52 + 32 + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) cls, (byte) data, 1, 0});
        b.position(16);
        b.putShort((short) type).putShort((short) machine).putInt(1).putInt(paddr | 1).putInt(52).putInt(0)
                .putInt(0x05000200).putShort((short) 52).putShort((short) 32).putShort((short) 1)
                .putShort((short) 40).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(84).putInt(paddr).putInt(paddr).putInt(bytes.length).putInt(memsz).putInt(7).putInt(4);
        b.put(bytes);
        return b.array();
    }

    static byte[] arm(int paddr, byte[] bytes, int memsz) { return elf(1, 1, 2, 40, paddr, bytes, memsz); }

    Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    String refused(String name, byte[] content) throws Exception {
        Path p = write(name, content);
        ElfLoadException e = assertThrows(ElfLoadException.class, () -> ElfLoader.load(p, new Mps2An386()));
        assertTrue(e.getMessage().startsWith(name + ":"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void loadsSegmentsAndZeroFillsTheRest() throws Exception {
        Mps2An386 b = new Mps2An386();
        b.bus.write(0x20000008, 4, 0xFFFFFFFF); // must be cleared by the zero fill
        ElfLoader.load(write("ok.elf", arm(0x20000000, new byte[] {1, 2, 3, 4, 5}, 12)), b);
        assertEquals(0x04030201, b.bus.read(0x20000000, 4));
        assertEquals(5, b.bus.read(0x20000004, 1));
        assertEquals(0, b.bus.read(0x20000008, 4));
    }

    @Test
    void loadsThroughMirrors() throws Exception {
        Mps2An386 b = new Mps2An386();
        ElfLoader.load(write("mirror.elf", arm(0x00400000, new byte[] {9, 8, 7, 6}, 4)), b);
        assertEquals(0x06070809, b.bus.read(0x00000000, 4));
    }

    @Test
    void loadIntoPsramShrinksTheHeap() throws Exception {
        Mps2An386 b = new Mps2An386();
        ElfLoader.load(write("psram.elf", arm(0x21000000, new byte[16], 0x100)), b);
        assertEquals(0x21000100, b.heapInfo()[0]);
    }

    @Test
    void refusesNonElf() throws Exception {
        String m = refused("notes.txt", "hello, world, this is not an ELF file at all....................".getBytes());
        assertTrue(m.contains("not an ELF"), m);
    }

    @Test
    void refusesElf64() throws Exception {
        String m = refused("x64.elf", elf(2, 1, 2, 62, 0, new byte[4], 4));
        assertTrue(m.contains("ELFCLASS32"), m);
    }

    @Test
    void refusesBigEndian() throws Exception {
        String m = refused("be.elf", elf(1, 2, 2, 40, 0, new byte[4], 4));
        assertTrue(m.contains("little-endian"), m);
    }

    @Test
    void refusesOtherMachines() throws Exception {
        String m = refused("riscv.elf", elf(1, 1, 2, 243, 0, new byte[4], 4));
        assertTrue(m.contains("not an ARM executable") && m.contains("243"), m);
    }

    @Test
    void refusesRelocatableObjects() throws Exception {
        String m = refused("obj.o", elf(1, 1, 1, 40, 0, new byte[4], 4));
        assertTrue(m.contains("relocatable"), m);
    }

    @Test
    void refusesSegmentsOutsideMemory() throws Exception {
        String m = refused("far.elf", arm(0x30000000, new byte[4], 4));
        assertTrue(m.contains("outside") && m.contains("0x30000000") && m.contains("unmapped"), m);
        m = refused("uart.elf", arm(0x40004000, new byte[4], 4));
        assertTrue(m.contains("uart0"), m);
        // straddles the end of SSRAM2&3's mirror into reserved space
        m = refused("straddle.elf", arm(0x207FFFF0, new byte[4], 0x20));
        assertTrue(m.contains("0x20800000"), m);
    }

    @Test
    void refusedFileLeavesMemoryUntouched() throws Exception {
        Mps2An386 b = new Mps2An386();
        Path p = write("half.elf", arm(0x203FFFFC, new byte[] {1, 1, 1, 1, 1, 1, 1, 1}, 0x800000));
        assertThrows(ElfLoadException.class, () -> ElfLoader.load(p, b));
        assertEquals(0, b.bus.read(0x203FFFFC, 4));
    }

    @Test
    void missingFile() {
        assertThrows(NoSuchFileException.class, () -> ElfLoader.load(dir.resolve("nope.elf"), new Mps2An386()));
    }
}
