package org.tockemu.kernel.tbf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.TestElfBuilder;

class TbfFlashScannerTest {
    @Test
    void walksAppsSkippingPaddingDisabledAndBroken() throws Exception {
        ElfFile elf = ElfFile.parse(TestElfBuilder.picApp().build(), "a.elf");
        byte[] a = TbfPacker.pack(elf, new TbfPacker.Options().name("a"));
        TbfPacker.Options offOpt = new TbfPacker.Options().name("off");
        offOpt.disabled = true;
        byte[] off = TbfPacker.pack(elf, offOpt);
        byte[] pad = TbfHeaderTest.tbf(512, 0);
        byte[] broken = a.clone();
        broken[20] ^= 1; // checksum
        byte[] b = TbfPacker.pack(elf, new TbfPacker.Options().name("b"));
        byte[] flash = new byte[8192];
        Arrays.fill(flash, (byte) 0xff);
        int p = 0;
        for (byte[] o : new byte[][]{a, pad, off, broken, b}) {
            System.arraycopy(o, 0, flash, p, o.length);
            p += o.length;
        }
        List<TbfFlashScanner.Entry> all = TbfFlashScanner.scan(flash, 0, flash.length, "flash");
        assertEquals(5, all.size());
        assertNull(all.get(0).error());
        assertEquals("header_size", all.get(1).error().field());
        assertEquals("flags", all.get(2).error().field());
        assertEquals("checksum", all.get(3).error().field());
        assertTrue(all.get(3).error().getMessage().startsWith("flash@0x600: offset 0x0c (checksum)"), all.get(3).error().getMessage());
        List<TbfFlashScanner.Entry> ok = TbfFlashScanner.loadable(all);
        assertEquals(2, ok.size());
        assertEquals(2048, ok.get(1).offset());
        assertEquals("b", ok.get(1).header().packageName().orElseThrow());
    }

    @Test
    void stopsOnOversizedObject() {
        byte[] flash = new byte[1024];
        Arrays.fill(flash, (byte) 0xff);
        byte[] big = TbfHeaderTest.tbf(4096, 1, TbfHeaderTest.PROGRAM, TbfHeaderTest.KV22);
        System.arraycopy(big, 0, flash, 0, 1024);
        List<TbfFlashScanner.Entry> all = TbfFlashScanner.scan(flash, 0, 1024, "flash");
        assertEquals(1, all.size());
        assertEquals("total_size", all.get(0).error().field());
        assertTrue(TbfFlashScanner.scan(new byte[64], 0, 64, "zero").isEmpty(), "version 0 ends the walk");
    }
}
