package org.tockemu.kernel.tbf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.TestElfBuilder;

class TbfHeaderTest {
    /** A TLV: type, length field, payload (padded to 4 here). */
    static byte[] tlv(int type, int len, byte[] payload) {
        TbfPackerTest.Le x = new TbfPackerTest.Le().u16(type).u16(len).bytes(payload);
        x.zeros((4 - payload.length % 4) % 4);
        return x.get();
    }

    static byte[] u32s(long... v) {
        TbfPackerTest.Le x = new TbfPackerTest.Le();
        for (long l : v) x.u32(l);
        return x.get();
    }

    static final byte[] KV22 = tlv(8, 4, new TbfPackerTest.Le().u16(2).u16(2).get());
    static final byte[] PROGRAM = tlv(9, 20, u32s(0x41, 0, 4096, 200, 3));

    /** A TBF of {@code total} bytes with these TLVs and a correct checksum. */
    static byte[] tbf(int total, long flags, byte[]... tlvs) {
        TbfPackerTest.Le x = new TbfPackerTest.Le();
        int hs = 16;
        for (byte[] t : tlvs) hs += t.length;
        x.u16(2).u16(hs).u32(total).u32(flags).u32(0);
        for (byte[] t : tlvs) x.bytes(t);
        byte[] img = Arrays.copyOf(x.get(), total);
        return TbfPackerTest.withChecksum(img, hs);
    }

    static TbfFormatException bad(byte[] img) {
        return assertThrows(TbfFormatException.class, () -> TbfHeader.parse(img, "hello.tbf"));
    }

    @Test
    void parsesAppHeader() throws Exception {
        byte[] img = tbf(256, 1, PROGRAM, tlv(3, 5, "hello".getBytes()), KV22);
        TbfHeader h = TbfHeader.parse(img, "hello.tbf");
        assertEquals(16 + 24 + 12 + 8, h.headerSize());
        assertEquals(256, h.totalSize());
        assertTrue(h.isEnabled());
        assertFalse(h.isPadding());
        assertTrue(h.checksumOk());
        assertEquals("hello", h.packageName().orElseThrow());
        assertEquals(0x41, h.initFnOffset());
        assertEquals(h.headerSize() + 0x41, h.initOffset());
        assertEquals(200, h.binaryEndOffset());
        assertEquals(4096, h.minimumRamSize());
        assertEquals(3, h.appVersion());
        assertEquals(h.headerSize(), h.protectedSize());
        assertEquals(2, h.kernelVersion().orElseThrow().major());
        h.checkLoadable();
    }

    @Test
    void checksumMismatchNamesTheChecksum() {
        byte[] img = tbf(256, 1, PROGRAM, KV22);
        long good = TbfHeader.u32(img, 12);
        img[20] ^= 0x01; // flip a bit inside the Program TLV
        TbfFormatException e = bad(img);
        assertEquals(12, e.offset());
        assertEquals("checksum", e.field());
        String expected = String.format("hello.tbf: offset 0x0c (checksum): expected 0x%08x, found 0x%08x",
                good ^ (0x01 << 0), good);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void flippingAnyHeaderByteBreaksTheChecksumOrTheStructure() {
        byte[] img = tbf(256, 1, PROGRAM, tlv(3, 5, "hello".getBytes()), KV22);
        int hs = TbfHeader.u16(img, 2);
        for (int i = 0; i < hs; i++) {
            if (i >= 12 && i < 16) continue;
            byte[] b = img.clone();
            b[i] ^= 0x40;
            assertThrows(TbfFormatException.class, () -> TbfHeader.parse(b, "hello.tbf"), "byte " + i);
        }
    }

    @Test
    void truncatedAndInconsistentBaseHeader() {
        TbfFormatException e = bad(new byte[10]);
        assertEquals("base header", e.field());
        assertTrue(e.getMessage().contains("only 10 available"), e.getMessage());

        byte[] img = tbf(256, 1, PROGRAM, KV22);
        img[0] = 3;
        e = bad(img);
        assertEquals("version", e.field());
        assertEquals("hello.tbf: offset 0x00 (version): expected 2, found 3", e.getMessage());

        img = tbf(256, 1, PROGRAM, KV22);
        TestElfBuilder.put16(img, 2, 12);
        e = bad(img);
        assertEquals("header_size", e.field());
        assertEquals(2, e.offset());
        assertTrue(e.getMessage().contains("smaller than the 16-byte base header"), e.getMessage());

        img = tbf(64, 1, PROGRAM, KV22);
        TestElfBuilder.put16(img, 2, 100);
        e = bad(img);
        assertEquals("header_size", e.field());
        assertTrue(e.getMessage().contains("larger than total_size 0x40"), e.getMessage());

        // total_size beyond the bytes present (truncated file)
        byte[] trunc = Arrays.copyOf(tbf(256, 1, PROGRAM, KV22), 100);
        e = bad(trunc);
        assertEquals("total_size", e.field());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongExactTlvLengthsAreErrors() {
        int[][] cases = {{1, 8}, {9, 16}, {5, 4}, {8, 8}, {10, 8}};
        for (int[] c : cases) {
            byte[] img = tbf(256, 1, tlv(c[0], c[1], new byte[c[1]]), KV22);
            TbfFormatException e = bad(img);
            assertEquals(16 + 2, e.offset(), "type " + c[0]);
            assertEquals(TbfTlv.typeName(c[0]) + " length", e.field());
            assertTrue(e.getMessage().contains("found " + c[1]), e.getMessage());
        }
        TbfFormatException e = bad(tbf(256, 1, tlv(2, 12, new byte[12]), KV22));
        assertEquals("WriteableFlashRegions length", e.field());
        assertTrue(e.getMessage().contains("multiple of 8"), e.getMessage());
    }

    @Test
    void tlvRunningPastTheHeaderIsAnError() {
        // a PackageName claiming 40 bytes inside a 12-byte slot
        byte[] name = tlv(3, 8, "abcdefgh".getBytes());
        TestElfBuilder.put16(name, 2, 40);
        TbfFormatException e = bad(tbf(256, 1, PROGRAM, name, KV22));
        assertEquals("PackageName length", e.field());
        assertTrue(e.getMessage().contains("runs past header_size"), e.getMessage());
        // header ending in the middle of a TLV header
        byte[] img = tbf(256, 1, PROGRAM, KV22);
        TestElfBuilder.put16(img, 2, 16 + 24 + 2);
        TbfPackerTest.withChecksum(img, 16 + 24 + 2);
        e = bad(img);
        assertEquals("TLV header", e.field());
    }

    @Test
    void badUtf8NameIsAnError() {
        TbfFormatException e = bad(tbf(256, 1, PROGRAM, tlv(3, 2, new byte[]{(byte) 0xc3, 0x28}), KV22));
        assertEquals("PackageName", e.field());
    }

    @Test
    void unknownTlvsAreSkippedWithLengthRoundedUp() throws Exception {
        byte[] unknown = tlv(42, 5, new byte[]{1, 2, 3, 4, 5}); // 5 bytes + 3 padding
        TbfHeader h = TbfHeader.parse(tbf(256, 1, unknown, PROGRAM, tlv(4, 0, new byte[0]), KV22), "x.tbf");
        assertEquals(4, h.tlvs().size());
        assertTrue(h.tlvs().get(0) instanceof TbfTlv.Unknown u && u.type() == 42 && u.payload().length == 5);
        assertTrue(h.tlvs().get(1) instanceof TbfTlv.Program);
        assertEquals("PicOption1", h.tlvs().get(2).typeName());
        assertEquals(2, h.kernelVersion().orElseThrow().minor());
    }

    @Test
    void programWinsOverMain() throws Exception {
        byte[] main = tlv(1, 12, u32s(0x11, 8, 1000));
        TbfHeader h = TbfHeader.parse(tbf(256, 1, main, PROGRAM, KV22), "x");
        assertEquals(0x41, h.initFnOffset());
        assertEquals(0, h.protectedTrailerSize());
        assertEquals(4096, h.minimumRamSize());
        assertEquals(200, h.binaryEndOffset());
        // Main only: binary end is total_size, trailer counts
        h = TbfHeader.parse(tbf(256, 1, main, KV22), "x");
        assertEquals(0x11, h.initFnOffset());
        assertEquals(8, h.protectedTrailerSize());
        assertEquals(16 + 16 + 8 + 8, h.protectedSize());
        assertEquals(16 + 16 + 8 + 0x11, h.initOffset());
        assertEquals(1000, h.minimumRamSize());
        assertEquals(256, h.binaryEndOffset());
    }

    @Test
    void firstMainAndProgramWinLaterOnesAreNotChecked() throws Exception {
        byte[] main1 = tlv(1, 12, u32s(0x11, 0, 1000));
        byte[] main2 = tlv(1, 8, u32s(0x99, 0)); // wrong length, but ignored as in Tock
        byte[] prog2 = tlv(9, 20, u32s(0x77, 0, 1, 100, 0));
        TbfHeader h = TbfHeader.parse(tbf(256, 1, main1, main2, PROGRAM, prog2, KV22), "x");
        assertEquals(0x41, h.initFnOffset());
        assertEquals(0x11, h.main().orElseThrow().initFnOffset());
        assertEquals(200, h.binaryEndOffset());
        assertTrue(h.tlvs().get(1) instanceof TbfTlv.Unknown);
        assertTrue(TbfInspector.text(h).contains("repeated; Tock uses the first one"));
        // other TLVs: the last one counts
        byte[] kv23 = tlv(8, 4, new TbfPackerTest.Le().u16(2).u16(3).get());
        assertEquals(3, TbfHeader.parse(tbf(256, 1, PROGRAM, KV22, kv23), "x").kernelVersion().orElseThrow().minor());
    }

    @Test
    void kernelVersionRules() throws Exception {
        TbfHeader noKv = TbfHeader.parse(tbf(256, 1, PROGRAM), "hello.tbf");
        TbfFormatException e = assertThrows(TbfFormatException.class, noKv::checkLoadable);
        assertEquals("KernelVersion", e.field());
        assertTrue(e.getMessage().contains("missing KernelVersion"), e.getMessage());

        byte[] kv3 = tlv(8, 4, new TbfPackerTest.Le().u16(3).u16(0).get());
        e = assertThrows(TbfFormatException.class, () -> TbfHeader.parse(tbf(256, 1, PROGRAM, kv3), "h").checkLoadable());
        assertEquals("KernelVersion.major", e.field());
        assertEquals(16 + 24 + 4, e.offset());

        byte[] kv24 = tlv(8, 4, new TbfPackerTest.Le().u16(2).u16(4).get());
        TbfHeader h = TbfHeader.parse(tbf(256, 1, PROGRAM, kv24), "h");
        e = assertThrows(TbfFormatException.class, () -> h.checkLoadable(2, 3));
        assertEquals("KernelVersion.minor", e.field());
        h.checkLoadable(2, 4);
        TbfHeader.parse(tbf(256, 1, PROGRAM, KV22), "h").checkLoadable(2, 2);
        assertThrows(TbfFormatException.class, () -> TbfHeader.parse(tbf(256, 1, PROGRAM, KV22), "h").checkLoadable(2, 1));
    }

    @Test
    void paddingAndDisabledObjects() throws Exception {
        TbfHeader pad = TbfHeader.parse(tbf(1024, 0), "pad");
        assertTrue(pad.isPadding());
        assertTrue(pad.tlvs().isEmpty());
        assertThrows(TbfFormatException.class, pad::checkLoadable);
        TbfHeader off = TbfHeader.parse(tbf(256, 0, PROGRAM, KV22), "off");
        assertFalse(off.isEnabled());
        TbfFormatException e = assertThrows(TbfFormatException.class, off::checkLoadable);
        assertEquals("flags", e.field());
        TbfHeader sticky = TbfHeader.parse(tbf(256, 3, PROGRAM, KV22), "s");
        assertTrue(sticky.isSticky());
    }

    @Test
    void optionalTlvs() throws Exception {
        byte[] wfr = tlv(2, 16, u32s(0x100, 0x20, 0x200, 0x40));
        byte[] fixed = tlv(5, 8, u32s(0x20004000L, 0xFFFFFFFFL));
        byte[] perms = tlv(6, 18, new TbfPackerTest.Le().u16(1).u32(1).u32(0).u32(0x6).u32(0).get());
        byte[] storage = tlv(7, 12, new TbfPackerTest.Le().u32(9).u16(1).u32(5).u16(0).get());
        byte[] shortId = tlv(10, 4, u32s(0xabcd));
        TbfHeader h = TbfHeader.parse(tbf(512, 1, PROGRAM, wfr, fixed, perms, storage, KV22, shortId), "x");
        assertEquals(2, h.writeableFlashRegions().size());
        assertEquals(new TbfTlv.Region(0x200, 0x40), h.writeableFlashRegions().get(1));
        assertEquals(0x20004000L, h.fixedRamAddress().getAsLong());
        assertTrue(h.fixedFlashAddress().isEmpty());
        assertTrue(h.permissions().orElseThrow().allows(1, 1));
        assertFalse(h.permissions().orElseThrow().allows(1, 0));
        assertEquals(9, h.storagePermissions().orElseThrow().writeId());
        assertEquals(0xabcd, h.shortId().getAsLong());
        // permission count larger than the TLV
        byte[] badPerms = tlv(6, 18, new TbfPackerTest.Le().u16(2).u32(1).u32(0).u32(0x6).u32(0).get());
        TbfFormatException e = bad(tbf(512, 1, PROGRAM, badPerms, KV22));
        assertEquals("Permissions.count", e.field());
    }

    @Test
    void programBinaryEndMustBeInsideTheObject() {
        byte[] prog = tlv(9, 20, u32s(0x41, 0, 4096, 4000, 0));
        TbfFormatException e = bad(tbf(256, 1, prog, KV22));
        assertEquals("Program.binary_end_offset", e.field());
        assertEquals(16 + 16, e.offset());
    }

    @Test
    void parsesAtAnOffsetInsideFlash() throws Exception {
        byte[] one = tbf(256, 1, PROGRAM, KV22);
        byte[] flash = new byte[1024];
        Arrays.fill(flash, (byte) 0xff);
        System.arraycopy(one, 0, flash, 512, 256);
        TbfHeader h = TbfHeader.parse(flash, 512, "flash@0x200");
        assertEquals(256, h.totalSize());
        TbfFormatException e = assertThrows(TbfFormatException.class, () -> TbfHeader.parse(flash, 768, "erased"));
        assertEquals("version", e.field());
    }

    /** Random corruption: a clean TbfFormatException or a successful parse, never a crash. */
    @Test
    void fuzzNeverThrowsUnchecked() throws Exception {
        byte[] good = TbfPacker.pack(ElfFile.parse(TestElfBuilder.picApp().build(), "a.elf"),
                new TbfPacker.Options().name("fuzz").minimumFooterSize(100));
        Random r = new Random(7);
        for (int iter = 0; iter < 8000; iter++) {
            byte[] b = good.clone();
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) b[r.nextInt(Math.min(b.length, 96))] = (byte) r.nextInt(256);
            if (r.nextInt(8) == 0) b[440 + r.nextInt(20)] = (byte) r.nextInt(256); // footer
            if (r.nextInt(10) == 0) b = Arrays.copyOf(b, r.nextInt(b.length));
            try {
                TbfHeader h = r.nextBoolean() ? TbfHeader.parse(b, "f.tbf") : TbfHeader.parseIgnoringChecksum(b, 0, "f.tbf");
                TbfInspector.text(h);
                TbfInspector.json(h);
            } catch (TbfFormatException e) {
                assertTrue(e.getMessage().startsWith("f.tbf: offset 0x"), e.getMessage());
            } catch (RuntimeException e) {
                fail("iteration " + iter + ": unchecked " + e, e);
            }
        }
    }
}
