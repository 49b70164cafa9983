package org.tockemu.core.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.tockemu.core.mem.BusError;
import org.tockemu.core.mem.Region;

class Mps2An386Test {
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final Mps2An386 b = new Mps2An386(console, null);

    @Test
    void memoryMap() {
        assertTrue(b.ssram1.codeStore);
        assertTrue(b.ssram1.executable && b.ssram23.executable);
        assertEquals(0x00400000, b.ssram1.size);
        assertEquals(0x21000000, b.psram.base);
        assertEquals(16 << 20, b.psram.size);
        for (int a : new int[] {0x00000000, 0x01000000, 0x20000000, 0x21000000}) {
            b.bus.write(a + 8, 4, 0x12345678);
            assertEquals(0x12345678, b.bus.read(a + 8, 4), Integer.toHexString(a));
        }
    }

    @Test
    void mirrorsAliasTheirRegion() {
        b.bus.write(0x20400010, 4, 0xCAFEF00D);
        assertEquals(0xCAFEF00D, b.bus.read(0x20000010, 4));
        b.bus.write(0x00000020, 2, 0xBEEF);
        assertEquals(0xBEEF, b.bus.read(0x00400020, 2));
        b.bus.write(0x0100C004, 1, 0x5A); // third blockram mirror
        assertEquals(0x5A, b.bus.read(0x01000004, 1));
        assertEquals(0x20000010, b.canonicalAddress(0x20400010));
        assertEquals(0x01000004, b.canonicalAddress(0x0100C004));
        assertEquals(0x30000000, b.canonicalAddress(0x30000000));
    }

    @Test
    void reservedRangesReadZeroAndUnmappedSpaceFaults() {
        assertEquals(0, b.bus.read(0x00800000, 4));
        b.bus.write(0x10000000, 4, 1);
        assertEquals(0, b.bus.read(0x10000000, 4));
        assertEquals(0, b.bus.read(0x40000004, 4)); // timer0 VALUE (not modelled)
        assertEquals(0, b.bus.read(0x41000000, 4)); // VGA
        assertThrows(BusError.class, () -> b.bus.read(0x30000000, 4));
        assertThrows(BusError.class, () -> b.bus.read(0x60000000, 4));
        assertThrows(BusError.class, () -> b.bus.write(0x44000000, 4, 0));
    }

    @Test
    void bitBand() {
        b.bus.write(0x20000100, 4, 0);
        b.bus.write(0x22000000 + 0x100 * 32 + 5 * 4, 4, 1); // bit 5 of 0x20000100
        assertEquals(1 << 5, b.bus.read(0x20000100, 4));
        b.bus.write(0x22000000 + 0x103 * 32 + 7 * 4, 4, 1); // bit 7 of byte 0x20000103
        assertEquals((1 << 5) | (1 << 31), b.bus.read(0x20000100, 4));
        assertEquals(1, b.bus.read(0x22000000 + 0x100 * 32 + 5 * 4, 4));
        assertEquals(0, b.bus.read(0x22000000 + 0x100 * 32 + 6 * 4, 4));
        b.bus.write(0x22000000 + 0x100 * 32 + 5 * 4, 4, 0);
        assertEquals(1 << 31, b.bus.read(0x20000100, 4));
    }

    @Test
    void uart0WritesToTheConsole() {
        b.bus.write(0x40004008, 4, CmsdkUart.CTRL_TX_EN);
        b.bus.write(0x40004000, 4, 'Q');
        b.bus.write(0x40005008, 4, CmsdkUart.CTRL_TX_EN); // UART1 output is discarded
        b.bus.write(0x40005000, 4, 'X');
        assertEquals("Q", console.toString());
    }

    @Test
    void sccAndFpgaIo() {
        assertEquals(0x41043860, b.bus.read(0x4002FFFC, 4));
        assertEquals(0x00200008, b.bus.read(0x4002FFF8, 4));
        assertEquals(2, b.bus.read(0x4002F010, 4));
        assertEquals(0xffff0001, b.bus.read(0x4002F100, 4));
        b.bus.write(0x40028000, 4, 0xFF);
        assertEquals(3, b.bus.read(0x40028000, 4)); // two LEDs
        b.cpu.cycles = 25_000_000L * 2 + 250_000; // 2.01 s
        assertEquals(2, b.bus.read(0x40028010, 4));   // CLK1HZ
        assertEquals(201, b.bus.read(0x40028014, 4)); // CLK100HZ
        assertEquals(50_250_000, b.bus.read(0x40028018, 4)); // COUNTER with PRESCALE 0
    }

    @Test
    void resetLoadsSpAndPcFromTheVectorTable() {
        b.bus.write(0, 4, 0x20400000);
        b.bus.write(4, 4, 0x00000101);
        b.reset();
        assertEquals(0x20400000, b.cpu.msp());
        assertEquals(0x20400000, b.cpu.r[13]);
        assertEquals(0x100, b.cpu.pc);
        assertTrue(b.cpu.thumb);
        assertEquals(0xFFFFFFFF, b.cpu.r[14]);
    }

    @Test
    void heapInfoIsThePsramGap() {
        assertArrayEquals(new int[] {0x21000000, 0x22000000, 0x22000000, 0x21000000}, b.heapInfo());
        b.noteLoaded(0x21000000, 0x1000);
        assertArrayEquals(new int[] {0x21001000, 0x22000000, 0x22000000, 0x21001000}, b.heapInfo());
        b.noteLoaded(0x21800000, 0x800000);
        assertArrayEquals(new int[] {0x21001000, 0x21800000, 0x21800000, 0x21001000}, b.heapInfo());
    }

    @Test
    void regionsDoNotOverlapAndCoverThePeripheralSpace() {
        Region prev = null;
        for (Region r : b.bus.regions()) {
            if (prev != null) assertTrue(Integer.toUnsignedLong(prev.base) + prev.size <= Integer.toUnsignedLong(r.base), r.toString());
            prev = r;
        }
        for (int a = 0x40000000; a < 0x40030000; a += 0x1000) b.bus.read(a, 4);
    }
}
