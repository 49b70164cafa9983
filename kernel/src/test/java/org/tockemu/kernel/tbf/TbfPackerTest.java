package org.tockemu.kernel.tbf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.ElfSection;
import org.tockemu.core.elf.ElfSegment;
import org.tockemu.core.elf.ElfSymbol;
import org.tockemu.core.elf.TestElfBuilder;

class TbfPackerTest {
    private static ElfFile elf(TestElfBuilder b) throws Exception {
        return ElfFile.parse(b.build(), "app.elf");
    }

    /** Little-endian writer for hand-made expected images. */
    static final class Le {
        final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Le u16(long v) { b.write((int) v); b.write((int) (v >>> 8)); return this; }

        Le u32(long v) { u16(v & 0xffff); return u16(v >>> 16); }

        Le bytes(byte[] d) { b.writeBytes(d); return this; }

        Le zeros(int n) { b.write(new byte[n], 0, n); return this; }

        byte[] get() { return b.toByteArray(); }
    }

    static byte[] withChecksum(byte[] img, int headerSize) {
        long sum = 0;
        for (int i = 0; i + 4 <= headerSize; i += 4) if (i != 12) sum ^= TbfHeader.u32(img, i);
        TestElfBuilder.put32(img, 12, sum);
        return img;
    }

    /**
     * The whole TBF for the test app, written out field by field from elf2tab's convert.rs and
     * header.rs: Base, Main, Program, PackageName "blink" (5 + 3 pad), KernelVersion 2.2 =
     * 76-byte header; the two loaded segments; u32 length + .rel.data; a Reserved
     * credentials footer filling the power-of-two padding up to 512.
     */
    @Test
    void picAppMatchesElf2tabLayoutByteForByte() throws Exception {
        TestElfBuilder app = TestElfBuilder.picApp();
        ElfFile e = elf(app);
        byte[] tbf = TbfPacker.pack(e, new TbfPacker.Options().name("blink"));

        int headerSize = 76;
        long minRam = 0x70 + 2048 + 1024 + 1024;
        long initFn = 0x29; // entry 0x80000029 at binary index 76 + 0x29, minus header size
        long binaryEnd = 76 + 0x128 + 0x30 + 4 + 16;
        Le x = new Le();
        x.u16(2).u16(headerSize).u32(512).u32(1).u32(0);
        x.u16(1).u16(12).u32(initFn).u32(0).u32(minRam);
        x.u16(9).u16(20).u32(initFn).u32(0).u32(minRam).u32(binaryEnd).u32(0);
        x.u16(3).u16(5).bytes("blink".getBytes()).zeros(3);
        x.u16(8).u16(4).u16(2).u16(2);
        x.bytes(TestElfBuilder.pattern(40, 0x10)).bytes(TestElfBuilder.pattern(0x100, 0x40));
        x.bytes(TestElfBuilder.pattern(0x10, 0x90)).bytes(TestElfBuilder.pattern(0x20, 0xa0));
        x.u32(16).u32(0x814).u32(2).u32(0x818).u32(2);
        assertEquals(440, binaryEnd);
        x.u16(128).u16(512 - 440 - 4).u32(0).zeros(512 - 440 - 8);
        byte[] expected = withChecksum(x.get(), headerSize);
        assertEquals(512, expected.length);
        assertArrayEquals(expected, tbf);

        TbfHeader h = TbfHeader.parse(tbf, "blink.tbf");
        assertEquals(headerSize, h.headerSize());
        assertEquals(headerSize, h.protectedSize(), "PIC: protected size = header size");
        assertEquals(headerSize, h.appStartOffset());
        assertEquals(headerSize + 0x29, h.initOffset());
        assertEquals(binaryEnd, h.binaryEndOffset());
        assertEquals(minRam, h.minimumRamSize());
        assertEquals("blink", h.packageName().orElseThrow());
        assertEquals(1, h.footers().size());
        assertEquals(TbfTlv.Credentials.RESERVED, h.footers().get(0).format());
        assertEquals(0, h.footerTrailingBytes());
        h.checkLoadable(2, 2);
        assertEquals(0x2000_0000L + 76 + 0x29, h.initAddress(0x2000_0000L));
    }

    @Test
    void minimumFooterSizeReservesSpaceAndPadsToPowerOfTwo() throws Exception {
        byte[] tbf = TbfPacker.pack(elf(TestElfBuilder.picApp()),
                new TbfPacker.Options().name("blink").minimumFooterSize(3000));
        assertEquals(4096, tbf.length);
        TbfHeader h = TbfHeader.parse(tbf, "x.tbf");
        assertEquals(4096, h.totalSize());
        assertEquals(440, h.binaryEndOffset());
        assertEquals(1, h.footers().size());
        assertEquals(4096 - 440 - 4, h.footers().get(0).length());
        assertEquals(4096 - 440 - 8, h.footers().get(0).data().length);
    }

    @Test
    void paddingBelowEightBytesIsRawZeros() throws Exception {
        // binary end = 76 + 40 + text + 0x30 + 4 + 16 = 508 -> 4 bytes of raw padding, no TLV
        byte[] tbf = TbfPacker.pack(elf(TestElfBuilder.picApp(0x100 + 68)), new TbfPacker.Options().name("blink"));
        assertEquals(512, tbf.length);
        TbfHeader h = TbfHeader.parse(tbf, "x.tbf");
        assertEquals(508, h.binaryEndOffset());
        assertTrue(h.footers().isEmpty());
        assertEquals(4, h.footerTrailingBytes());
        assertArrayEquals(new byte[4], Arrays.copyOfRange(tbf, 508, 512));
        // ... unless a footer reservation exists: then it absorbs the odd bytes (newest elf2tab)
        tbf = TbfPacker.pack(elf(TestElfBuilder.picApp(0x100 + 68)), new TbfPacker.Options().name("blink").minimumFooterSize(500));
        h = TbfHeader.parse(tbf, "x.tbf");
        assertEquals(1024, h.totalSize());
        assertEquals(1024, tbf.length);
        assertEquals(1024 - 508 - 4, h.footers().get(0).length());
    }

    @Test
    void exactPowerOfTwoIsNotPaddedAndSmallAppsGet512() throws Exception {
        byte[] tbf = TbfPacker.pack(elf(TestElfBuilder.picApp(0x148)), new TbfPacker.Options().name("blink"));
        assertEquals(512, tbf.length);
        assertEquals(512, TbfHeader.parse(tbf, "x").binaryEndOffset());
        tbf = TbfPacker.pack(elf(TestElfBuilder.picApp(8)), new TbfPacker.Options().name("blink"));
        assertEquals(512, tbf.length);
        tbf = TbfPacker.pack(elf(TestElfBuilder.picApp(8)), new TbfPacker.Options().name("blink").padToPowerOfTwo(false));
        assertEquals(TbfHeader.parse(tbf, "x").binaryEndOffset(), tbf.length);
    }

    @Test
    void headerSizesAndOrder() throws Exception {
        TbfPacker.Options o = new TbfPacker.Options().noKernelVersion().name("");
        TbfHeader h = TbfHeader.parse(TbfPacker.pack(elf(TestElfBuilder.picApp()), o), "x");
        assertEquals(16 + 16 + 24, h.headerSize(), "no name, no kernel version");
        assertTrue(h.kernelVersion().isEmpty());
        assertThrows(TbfFormatException.class, h::checkLoadable);

        o = new TbfPacker.Options().name("abcd");
        o.shortId = 0x1234L;
        o.permissions = List.of(new long[]{1, 1}, new long[]{1, 2}, new long[]{0x40001, 70});
        o.writeId = 7L;
        o.readIds = List.of(1L, 2L);
        o.accessIds = List.of(3L);
        h = TbfHeader.parse(TbfPacker.pack(elf(TestElfBuilder.picApp()), o), "x");
        List<Integer> types = h.tlvs().stream().map(TbfTlv::type).toList();
        assertEquals(List.of(1, 9, 3, 6, 7, 8, 10), types);
        assertEquals(16 + 16 + 24 + 8 + (4 + 2 + 32 + 2) + (4 + 8 + 12) + 8 + 8, h.headerSize());
        TbfTlv.Permissions p = h.permissions().orElseThrow();
        assertEquals(2, p.permissions().size());
        assertEquals(0b110, p.permissions().get(0).allowedCommands());
        assertEquals(1, p.permissions().get(1).offset());
        assertEquals(1L << 6, p.permissions().get(1).allowedCommands());
        assertTrue(p.allows(1, 2) && !p.allows(1, 3) && p.allows(0x40001, 70));
        TbfTlv.StoragePermissions sp = h.storagePermissions().orElseThrow();
        assertEquals(7, sp.writeId());
        assertEquals(List.of(1L, 2L), sp.readIds());
        assertEquals(List.of(3L), sp.modifyIds());
        assertEquals(0x1234, h.shortId().getAsLong());
    }

    @Test
    void ramSizing() throws Exception {
        // explicit stack rounds up to 8, heaps to 4
        TbfPacker.Options o = new TbfPacker.Options().stack(1001L).appHeap(5).kernelHeap(6);
        TbfHeader h = TbfHeader.parse(TbfPacker.pack(elf(TestElfBuilder.picApp()), o), "x");
        assertEquals(0x70 + 1008 + 8 + 8, h.minimumRamSize());
        // without .stack and without --stack: 2048
        TestElfBuilder b = new TestElfBuilder();
        b.entry = 0x80000001L;
        b.progbits(".text", ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, 0x80000000L, new byte[16])
                .segment(ElfSegment.PT_LOAD, 5, 0x80000000L, 0x80000000L, 16, ".text");
        h = TbfHeader.parse(TbfPacker.pack(elf(b)), "x");
        assertEquals(2048 + 1024 + 1024, h.minimumRamSize());
        assertEquals(1, h.initFnOffset());
    }

    @Test
    void fixedAddressAppGetsFixedAddressesTlvAndAlignedProtectedRegion() throws Exception {
        TestElfBuilder b = new TestElfBuilder();
        b.entry = 0x00040081L;
        b.progbits(".text", ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, 0x00040080L, TestElfBuilder.pattern(64, 1))
                .segment(ElfSegment.PT_LOAD, 5, 0x00040080L, 0x00040080L, 64, ".text")
                .symbol("_sram_origin", 0x20008000L, 0, ElfSymbol.STT_NOTYPE, ElfSymbol.STB_GLOBAL, null);
        byte[] tbf = TbfPacker.pack(elf(b), new TbfPacker.Options().name("fixed"));
        TbfHeader h = TbfHeader.parse(tbf, "x");
        assertEquals(0x80, h.protectedSize(), "TBF starts at 0x40000 (256-aligned), binary at 0x40080");
        assertEquals(0x80 - h.headerSize(), h.protectedTrailerSize());
        assertEquals(0x00040080L, h.fixedFlashAddress().getAsLong());
        assertEquals(0x20008000L, h.fixedRamAddress().getAsLong());
        assertEquals(0x80 + 1, h.initOffset());
        assertArrayEquals(TestElfBuilder.pattern(64, 1), Arrays.copyOfRange(tbf, 0x80, 0x80 + 64));
        assertArrayEquals(new byte[0x80 - h.headerSize()], Arrays.copyOfRange(tbf, h.headerSize(), 0x80));

        // a 256-aligned fixed binary leaves no room for the header: elf2tab refuses it
        TestElfBuilder c = new TestElfBuilder();
        c.entry = 0x00040001L;
        c.progbits(".text", ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, 0x00040000L, new byte[16])
                .segment(ElfSegment.PT_LOAD, 5, 0x00040000L, 0x00040000L, 16, ".text");
        TbfFormatException ex = assertThrows(TbfFormatException.class, () -> TbfPacker.pack(elf(c)));
        assertTrue(ex.getMessage().contains("too small"), ex.getMessage());
        // ...unless a protected region size is given
        h = TbfHeader.parse(TbfPacker.pack(elf(c), new TbfPacker.Options().protectedRegionSize(256L)), "x");
        assertEquals(256, h.protectedSize());
    }

    @Test
    void protectedRegionSymbolWins() throws Exception {
        TestElfBuilder b = TestElfBuilder.picApp();
        b.symbol("tbf_protected_region_size", 0x100, 0, ElfSymbol.STT_NOTYPE, ElfSymbol.STB_GLOBAL, null);
        TbfHeader h = TbfHeader.parse(TbfPacker.pack(elf(b), new TbfPacker.Options().protectedRegionSize(512L)), "x");
        assertEquals(0x100, h.protectedSize());
        assertEquals(0x100 + 0x29, h.initOffset());
    }

    @Test
    void writeableFlashRegion() throws Exception {
        long ax = ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR;
        TestElfBuilder b = new TestElfBuilder();
        b.entry = 0x80000041L;
        b.progbits(".crt0_header", ElfSection.SHF_ALLOC, 0x80000000L, new byte[40])
                .progbits(".wfr.app_state", ElfSection.SHF_ALLOC, 0x80000028L, new byte[24])
                .progbits(".text", ax, 0x80000040L, new byte[32])
                .segment(ElfSegment.PT_LOAD, 5, 0x80000000L, 0x80000000L, 0x60, ".crt0_header", ".wfr.app_state", ".text");
        TbfHeader h = TbfHeader.parse(TbfPacker.pack(elf(b), new TbfPacker.Options().name("wfr")), "x");
        assertEquals(List.of(new TbfTlv.Region(h.headerSize() + 0x28, 24)), h.writeableFlashRegions());
        assertEquals(16 + 16 + 24 + 8 + 12 + 8, h.headerSize());
    }

    @Test
    void shaFootersAndDisabledFlag() throws Exception {
        TbfPacker.Options o = new TbfPacker.Options().name("blink");
        o.sha256 = true;
        o.disabled = true;
        byte[] tbf = TbfPacker.pack(elf(TestElfBuilder.picApp()), o);
        TbfHeader h = TbfHeader.parse(tbf, "x");
        assertFalse(h.isEnabled());
        assertEquals(2, h.footers().size());
        TbfTlv.Credentials sha = h.footers().get(0);
        assertEquals(TbfTlv.Credentials.SHA256, sha.format());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(tbf, (int) h.binaryEndOffset()));
        assertArrayEquals(digest, sha.data());
        assertEquals(tbf.length, h.totalSize());
        assertEquals(Boolean.TRUE, h.verifyCredential(sha));
        assertEquals(null, h.verifyCredential(h.footers().get(1)));
        assertTrue(TbfInspector.text(h).contains("SHA256, 32 data bytes (hash ok)"));
        byte[] tampered = tbf.clone();
        tampered[(int) h.binaryEndOffset() - 1] ^= 1;
        assertEquals(Boolean.FALSE, TbfHeader.parse(tampered, "t").verifyCredential(sha));
        assertArrayEquals(Arrays.copyOfRange(tbf, h.headerSize(), (int) h.binaryEndOffset()), h.binary());
        assertArrayEquals(tbf, h.bytes());
    }

    @Test
    void absurdSizesAreCleanErrors() throws Exception {
        TestElfBuilder b = TestElfBuilder.picApp();
        b.symbol("tbf_protected_region_size", 0xFFFF0000L, 0, ElfSymbol.STT_NOTYPE, ElfSymbol.STB_GLOBAL, null);
        TbfFormatException e = assertThrows(TbfFormatException.class, () -> TbfPacker.pack(elf(b)));
        assertTrue(e.getMessage().contains("unreasonably large"), e.getMessage());
        // a data segment loaded 1 GiB after the code
        TestElfBuilder far = new TestElfBuilder();
        far.entry = 0x80000001L;
        far.progbits(".text", ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, 0x80000000L, new byte[16])
                .progbits(".data", ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE, 0x0, new byte[16])
                .segment(ElfSegment.PT_LOAD, 5, 0x80000000L, 0x80000000L, 16, ".text")
                .segment(ElfSegment.PT_LOAD, 6, 0x0, 0xC0000000L, 16, ".data");
        e = assertThrows(TbfFormatException.class, () -> TbfPacker.pack(elf(far)));
        assertTrue(e.getMessage().contains("zero padding"), e.getMessage());
        TbfFormatException n = assertThrows(TbfFormatException.class,
                () -> TbfPacker.pack(elf(TestElfBuilder.picApp()), new TbfPacker.Options().name("x".repeat(70000))));
        assertTrue(n.getMessage().contains("header_size"), n.getMessage());
    }

    /** Corrupt ELFs: the packer fails with a checked exception or produces a TBF that parses. */
    @Test
    void fuzzPackNeverThrowsUnchecked() {
        byte[] good = TestElfBuilder.picApp().build();
        java.util.Random r = new java.util.Random(11);
        for (int iter = 0; iter < 3000; iter++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                int p = r.nextInt(4) == 0 ? r.nextInt(52 + 96) : r.nextInt(b.length);
                b[p] = (byte) r.nextInt(256);
            }
            try {
                byte[] tbf = TbfPacker.pack(ElfFile.parse(b, "f.elf"));
                TbfHeader.parse(tbf, "f.tbf");
            } catch (org.tockemu.core.elf.ElfFormatException | TbfFormatException e) {
                assertTrue(e.getMessage().startsWith("f.elf: "), e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                org.junit.jupiter.api.Assertions.fail("iteration " + iter + ": " + e, e);
            }
        }
    }

    @Test
    void duplicateEntryPointIsAnError() throws Exception {
        TestElfBuilder b = new TestElfBuilder();
        b.entry = 0x80000001L;
        b.progbits(".text", ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, 0x80000000L, new byte[16])
                .segment(ElfSegment.PT_LOAD, 5, 0x80000000L, 0x80000000L, 16, ".text")
                .segment(ElfSegment.PT_LOAD, 5, 0x80000000L, 0x80000000L, 16, ".text");
        TbfFormatException ex = assertThrows(TbfFormatException.class, () -> TbfPacker.pack(elf(b)));
        assertTrue(ex.getMessage().startsWith("app.elf: offset 0x18 (e_entry)"), ex.getMessage());
    }
}
