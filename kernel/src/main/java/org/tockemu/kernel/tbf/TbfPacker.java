package org.tockemu.kernel.tbf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.ElfSection;
import org.tockemu.core.elf.ElfSegment;
import org.tockemu.core.elf.ElfSymbol;

/**
 * Converts an ELF linked for Tock into a TBF, the way elf2tab's {@code convert.rs} does
 * (read from tock/elf2tab master, 0.13/0.14-dev; see the notes in {@code package-info.java}):
 *
 * <ul>
 * <li>header: Base, Main, Program, [PackageName], [WFR...], [FixedAddresses], [Permissions],
 *     [StoragePermissions], [KernelVersion], [ShortId], padded to 4, XOR checksum;</li>
 * <li>minimum RAM = sum of p_memsz of writable PT_LOAD segments with vaddr != paddr, plus
 *     align8(stack) + align4(app heap) + align4(kernel heap); stack defaults to the size of
 *     {@code .stack}, else 2048;</li>
 * <li>PIC detection from {@code _flash_origin} or the lowest executable loaded segment at
 *     0x80000000; fixed RAM from {@code _sram_origin != 0};</li>
 * <li>protected region: {@code tbf_protected_region_size} symbol, else the option, else the
 *     header size (PIC) or the distance to a 256-byte boundary (fixed flash);</li>
 * <li>body: PT_LOAD segments with p_filesz &gt; 0 in table order, physical-address gaps zero
 *     filled; then u32 length + the {@code .rel.X} data of every writable section X in them;</li>
 * <li>footers: optional hashes, a Reserved credentials TLV for the minimum footer size and for
 *     the power-of-two padding (ARM ELFs), raw zero padding when fewer than 8 bytes remain.</li>
 * </ul>
 */
public final class TbfPacker {
    private static final long PIC_FLASH = 0x8000_0000L;
    private static final int TLV_HDR = 4, CRED_FORMAT = 4;
    /** Sanity bound for any TBF we build (Cortex-M app flash is a few MiB at most). */
    static final long MAX_TBF_SIZE = 64L << 20;

    /** Packing options; the defaults are elf2tab's, plus KernelVersion 2.2 (libtock-c's stamp). */
    public static final class Options {
        public String packageName = "";
        /** Stack size; null = size of the .stack section, else 2048. */
        public Long stackSize;
        public long appHeapSize = 1024;
        public long kernelHeapSize = 1024;
        /** Whole protected region (header included); null = elf2tab's choice. */
        public Long protectedRegionSize;
        /** {major, minor} for the KernelVersion TLV; null = no TLV (elf2tab without --kernel-major). */
        public int[] kernelVersion = {2, 2};
        public long minimumFooterSize = 0;
        public long appVersion = 0;
        public boolean disabled = false;
        /** null = by machine as elf2tab (ARM: power of two, at least 512; x86: 4096 multiple; else none). */
        public Boolean padToPowerOfTwo;
        /** ShortId TLV value; null = no TLV. */
        public Long shortId;
        /** (driver, command) pairs for a Permissions TLV. */
        public List<long[]> permissions = new ArrayList<>();
        /** Storage permissions: any non-null field adds the TLV. */
        public Long writeId;
        public List<Long> readIds, accessIds;
        public boolean sha256, sha384, sha512;

        public Options name(String n) { packageName = n == null ? "" : n; return this; }
        public Options stack(Long n) { stackSize = n; return this; }
        public Options appHeap(long n) { appHeapSize = n; return this; }
        public Options kernelHeap(long n) { kernelHeapSize = n; return this; }
        public Options kernelVersion(int major, int minor) { kernelVersion = new int[]{major, minor}; return this; }
        public Options noKernelVersion() { kernelVersion = null; return this; }
        public Options minimumFooterSize(long n) { minimumFooterSize = n; return this; }
        public Options protectedRegionSize(Long n) { protectedRegionSize = n; return this; }
        public Options padToPowerOfTwo(Boolean b) { padToPowerOfTwo = b; return this; }
    }

    private TbfPacker() {
    }

    /** Packs with default options. */
    public static byte[] pack(ElfFile elf) throws TbfFormatException {
        return pack(elf, new Options());
    }

    public static byte[] pack(ElfFile elf, Options o) throws TbfFormatException {
        String file = elf.name();
        List<ElfSegment> phdrs = elf.segments();
        List<ElfSection> sections = elf.sections();
        if (sections.isEmpty())
            throw new TbfFormatException(file, "cannot convert an ELF file with no section headers");

        // Trailing padding by architecture.
        int padMode; // 0 none, 1 power of two, 2 multiple of 4096
        if (o.padToPowerOfTwo != null) padMode = o.padToPowerOfTwo ? 1 : 0;
        else padMode = elf.machine() == ElfFile.EM_ARM ? 1 : elf.machine() == 3 ? 2 : 0;

        // RAM needs.
        long stack = o.stackSize != null ? o.stackSize : firstSection(sections, ".stack").map(ElfSection::size).orElse(2048L);
        long minRam = 0;
        for (ElfSegment s : phdrs)
            if (s.isLoad() && s.vaddr() != s.paddr() && s.memsz() > 0 && s.isWritable()) minRam += s.memsz();
        minRam += alignTo(stack, 8) + alignTo(o.appHeapSize, 4) + alignTo(o.kernelHeapSize, 4);
        minRam &= 0xFFFF_FFFFL;

        // Fixed addresses.
        Long fixedFlash = null, fixedRam = null;
        boolean pic = false;
        ElfSymbol flashOrigin = firstSymbol(elf, "_flash_origin");
        if (flashOrigin != null) {
            if (flashOrigin.value() == PIC_FLASH) pic = true;
            else fixedFlash = flashOrigin.value();
        } else {
            for (ElfSegment s : phdrs) {
                if (!s.isLoad() || s.filesz() == 0) continue;
                if (s.isExecutable() && sectionExistsInSegment(sections, s)) {
                    if (s.vaddr() == PIC_FLASH || pic) pic = true;
                    else fixedFlash = fixedFlash == null ? s.paddr() : Math.min(fixedFlash, s.paddr());
                }
            }
        }
        if (pic) fixedFlash = null;
        ElfSymbol sramOrigin = firstSymbol(elf, "_sram_origin");
        if (sramOrigin != null && sramOrigin.value() != 0) fixedRam = sramOrigin.value();

        // Writeable flash regions.
        int wfrCount = 0;
        for (ElfSegment s : phdrs) {
            if (!s.isLoad() || s.filesz() == 0) continue;
            for (ElfSection sec : sections)
                if (sec.size() > 0 && sectionInSegment(sec, s) && sec.name().contains(".wfr")) wfrCount++;
        }

        Header h = new Header();
        h.minimumRamSize = minRam;
        h.packageName = o.packageName;
        h.wfr = new long[wfrCount][2];
        h.fixedRam = fixedRam;
        h.fixedFlash = fixedFlash;
        h.permissions = mergePermissions(o.permissions);
        h.storage = o.writeId != null || o.readIds != null || o.accessIds != null;
        h.writeId = o.writeId == null ? 0 : o.writeId;
        h.readIds = o.readIds == null ? List.of() : o.readIds;
        h.accessIds = o.accessIds == null ? List.of() : o.accessIds;
        h.kernelVersion = o.kernelVersion;
        h.shortId = o.shortId;
        h.flags = o.disabled ? 0 : 1;
        h.appVersion = o.appVersion;
        int headerLength = h.generate().length;
        if (headerLength > 0xFFFF || o.packageName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 0xFFFF)
            throw new TbfFormatException(file, "TBF header would be " + headerLength + " bytes, more than header_size (u16) can hold");

        // Protected region.
        ElfSymbol prSym = firstSymbol(elf, "tbf_protected_region_size");
        long protectedRegion;
        if (prSym != null) protectedRegion = prSym.value();
        else if (o.protectedRegionSize != null) protectedRegion = o.protectedRegionSize;
        else if (!pic) {
            long appBinary = fixedFlash == null ? 0 : fixedFlash;
            protectedRegion = appBinary - (appBinary - appBinary % 256);
        } else protectedRegion = headerLength;
        if (protectedRegion < headerLength)
            throw new TbfFormatException(file, String.format(
                    "protected region size %d is too small for the TBF header (%d bytes)%s", protectedRegion, headerLength,
                    pic ? "" : "; the app is not PIC (flash not linked at 0x80000000) and its fixed flash address"
                            + (fixedFlash == null ? " is unknown" : String.format(" 0x%x leaves %d bytes before a 256-byte boundary",
                            fixedFlash, protectedRegion))));
        if (protectedRegion > MAX_TBF_SIZE)
            throw new TbfFormatException(file, String.format("protected region size 0x%x is unreasonably large", protectedRegion));
        if (protectedRegion > headerLength) h.protectedTrailer = protectedRegion - headerLength;

        // Body.
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        long index = protectedRegion;
        binary.write(new byte[(int) (protectedRegion - headerLength)], 0, (int) (protectedRegion - headerLength));
        Long initFn = null;
        ByteArrayOutputStream relocs = new ByteArrayOutputStream();
        Long lastEnd = null;
        long entry = elf.entry();
        for (ElfSegment seg0 : phdrs) {
            if (!seg0.isLoad() || seg0.filesz() == 0) continue;
            ElfSegment seg = seg0;
            if (fixedFlash != null) {
                if (seg.paddr() + seg.filesz() < fixedFlash) continue;
                if (seg.paddr() < fixedFlash) {
                    long cut = fixedFlash - seg.paddr();
                    seg = new ElfSegment(seg.index(), seg.type(), seg.offset() + cut, seg.vaddr() + cut, seg.paddr() + cut,
                            seg.filesz() - cut, seg.memsz() - cut, seg.flags(), seg.align());
                }
            }
            if (lastEnd != null) {
                long padding = seg.paddr() - lastEnd;
                if (padding > 0) {
                    if (index + padding > MAX_TBF_SIZE)
                        throw new TbfFormatException(file, String.format(
                                "segment %d at 0x%x would need 0x%x bytes of zero padding after the previous segment",
                                seg.index(), seg.paddr(), padding));
                    binary.write(new byte[(int) padding], 0, (int) padding);
                    index += padding;
                }
                // padding < 0: elf2tab warns that segments are not in load-address order and adds nothing
            }
            byte[] content = elf.segmentData(seg0);
            if (seg != seg0) content = java.util.Arrays.copyOfRange(content, (int) (seg.offset() - seg0.offset()), content.length);
            long start = seg.paddr(), end = seg.paddr() + seg.filesz();
            if (entry >= start && entry < end) {
                if (initFn != null) {
                    if (!o.disabled)
                        throw new TbfFormatException(file, 24, "e_entry", String.format(
                                "entry point 0x%x lies in more than one loaded segment", entry));
                } else {
                    initFn = (index + (entry - start) - headerLength) & 0xFFFF_FFFFL;
                    h.initFnOffset = initFn;
                }
            }
            for (ElfSection sec : sections) {
                if (sec.size() == 0 || !sectionInSegment(sec, seg)) continue;
                if (sec.isWritable()) {
                    var rel = firstSection(sections, ".rel" + sec.name());
                    if (rel.isPresent()) relocs.writeBytes(elf.sectionData(rel.get()));
                }
                if (sec.name().contains(".wfr")) {
                    long pos = index + (sec.addr() - seg.vaddr());
                    for (long[] w : h.wfr) {
                        if (w[1] == 0) {
                            w[0] = pos & 0xFFFF_FFFFL;
                            w[1] = sec.size();
                            break;
                        }
                    }
                }
            }
            lastEnd = end;
            binary.writeBytes(content);
            index += seg.filesz();
        }
        byte[] relData = relocs.toByteArray();
        index += 4 + relData.length;
        h.binaryEndOffset = index;

        // Footers.
        List<String> hashes = new ArrayList<>();
        if (o.sha256) hashes.add("SHA-256");
        if (o.sha384) hashes.add("SHA-384");
        if (o.sha512) hashes.add("SHA-512");
        for (String alg : hashes) index += TLV_HDR + CRED_FORMAT + hashLength(alg);
        long footersInitial = index - h.binaryEndOffset;
        boolean ensuredReserved = false;
        if (o.minimumFooterSize > footersInitial) {
            long need = Math.max(o.minimumFooterSize - footersInitial, TLV_HDR + CRED_FORMAT);
            index += alignTo(need, 4);
            ensuredReserved = true;
        }
        long postPad = 0;
        if (padMode != 0) {
            long pad;
            if (padMode == 1) {
                if (Long.bitCount(index) > 1) {
                    long pow2 = Math.max(1L << (32 - Integer.numberOfLeadingZeros((int) index)), 512);
                    pad = pow2 - index;
                } else pad = 0;
            } else pad = (4096 - index % 4096) % 4096;
            index += pad;
            postPad = ensuredReserved || pad >= TLV_HDR + CRED_FORMAT ? 0 : pad;
        }
        long total = index;
        if (total > MAX_TBF_SIZE)
            throw new TbfFormatException(file, String.format("TBF would be 0x%x bytes, more than the 64 MiB sanity limit", total));
        h.totalSize = total;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.generate());
        out.writeBytes(binary.toByteArray());
        out.writeBytes(le32(relData.length));
        out.writeBytes(relData);
        long remaining = total - h.binaryEndOffset;
        byte[] covered = out.toByteArray();
        for (String alg : hashes) {
            byte[] digest = digest(alg, covered, (int) h.binaryEndOffset);
            int format = alg.equals("SHA-256") ? TbfTlv.Credentials.SHA256 : alg.equals("SHA-384")
                    ? TbfTlv.Credentials.SHA384 : TbfTlv.Credentials.SHA512;
            out.writeBytes(le16(TbfTlv.CREDENTIALS));
            out.writeBytes(le16(CRED_FORMAT + digest.length));
            out.writeBytes(le32(format));
            out.writeBytes(digest);
            remaining -= TLV_HDR + CRED_FORMAT + digest.length;
        }
        if (remaining >= TLV_HDR + CRED_FORMAT) {
            long tlvLen = remaining - TLV_HDR;
            out.writeBytes(le16(TbfTlv.CREDENTIALS));
            out.writeBytes(le16((int) tlvLen)); // elf2tab truncates with `as u16` as well
            out.writeBytes(le32(TbfTlv.Credentials.RESERVED));
            out.write(new byte[(int) (tlvLen - CRED_FORMAT)], 0, (int) (tlvLen - CRED_FORMAT));
        }
        out.write(new byte[(int) postPad], 0, (int) postPad);
        return out.toByteArray();
    }

    /** Header builder mirroring elf2tab's header.rs layout. */
    private static final class Header {
        long totalSize, flags = 1;
        long initFnOffset, protectedTrailer, minimumRamSize, binaryEndOffset, appVersion;
        String packageName = "";
        long[][] wfr = new long[0][];
        Long fixedRam, fixedFlash, shortId;
        List<long[]> permissions = List.of();
        boolean storage;
        long writeId;
        List<Long> readIds = List.of(), accessIds = List.of();
        int[] kernelVersion;

        byte[] generate() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(le16(2));
            b.writeBytes(le16(0)); // header_size, patched below
            b.writeBytes(le32(totalSize));
            b.writeBytes(le32(flags));
            b.writeBytes(le32(0)); // checksum, patched below
            tlv(b, TbfTlv.MAIN, 12);
            b.writeBytes(le32(initFnOffset));
            b.writeBytes(le32(protectedTrailer));
            b.writeBytes(le32(minimumRamSize));
            tlv(b, TbfTlv.PROGRAM, 20);
            b.writeBytes(le32(initFnOffset));
            b.writeBytes(le32(protectedTrailer));
            b.writeBytes(le32(minimumRamSize));
            b.writeBytes(le32(binaryEndOffset));
            b.writeBytes(le32(appVersion));
            byte[] nm = packageName.getBytes(StandardCharsets.UTF_8);
            if (nm.length > 0) {
                tlv(b, TbfTlv.PACKAGE_NAME, nm.length);
                b.writeBytes(nm);
                while (b.size() % 4 != 0) b.write(0);
            }
            for (long[] w : wfr) {
                tlv(b, TbfTlv.WRITEABLE_FLASH_REGIONS, 8);
                b.writeBytes(le32(w[0]));
                b.writeBytes(le32(w[1]));
            }
            if (fixedRam != null || fixedFlash != null) {
                tlv(b, TbfTlv.FIXED_ADDRESSES, 8);
                b.writeBytes(le32(fixedRam == null ? 0xFFFF_FFFFL : fixedRam));
                b.writeBytes(le32(fixedFlash == null ? 0xFFFF_FFFFL : fixedFlash));
            }
            if (!permissions.isEmpty()) {
                tlv(b, TbfTlv.PERMISSIONS, permissions.size() * 16 + 2);
                b.writeBytes(le16(permissions.size()));
                for (long[] p : permissions) {
                    b.writeBytes(le32(p[0]));
                    b.writeBytes(le32(p[1]));
                    b.writeBytes(le32(p[2]));
                    b.writeBytes(le32(p[2] >>> 32));
                }
                b.write(0);
                b.write(0);
            }
            if (storage) {
                tlv(b, TbfTlv.STORAGE_PERMISSIONS, 8 + 4 * (readIds.size() + accessIds.size()));
                b.writeBytes(le32(writeId));
                b.writeBytes(le16(readIds.size()));
                for (long id : readIds) b.writeBytes(le32(id));
                b.writeBytes(le16(accessIds.size()));
                for (long id : accessIds) b.writeBytes(le32(id));
            }
            if (kernelVersion != null) {
                tlv(b, TbfTlv.KERNEL_VERSION, 4);
                b.writeBytes(le16(kernelVersion[0]));
                b.writeBytes(le16(kernelVersion[1]));
            }
            if (shortId != null) {
                tlv(b, TbfTlv.SHORT_ID, 4);
                b.writeBytes(le32(shortId));
            }
            while (b.size() % 4 != 0) b.write(0);
            byte[] h = b.toByteArray();
            h[2] = (byte) h.length;
            h[3] = (byte) (h.length >>> 8);
            long sum = TbfHeader.computeChecksum(h, 0, h.length);
            System.arraycopy(le32(sum), 0, h, 12, 4);
            return h;
        }

        private static void tlv(ByteArrayOutputStream b, int type, int len) {
            b.writeBytes(le16(type));
            b.writeBytes(le16(len));
        }
    }

    /** elf2tab merges (driver, command) pairs into (driver, command/64, bitmask) entries. */
    private static List<long[]> mergePermissions(List<long[]> pairs) {
        List<long[]> perms = new ArrayList<>();
        for (long[] p : pairs) {
            long offset = p[1] / 64;
            long bit = 1L << (p[1] % 64);
            boolean done = false;
            for (long[] e : perms) {
                if (e[0] == p[0] && e[1] == offset) {
                    e[2] |= bit;
                    done = true;
                }
            }
            if (!done) perms.add(new long[]{p[0], offset, bit});
        }
        return perms;
    }

    /** pyelftools' strict section-in-segment test, as used by elf2tab. */
    static boolean sectionInSegment(ElfSection sec, ElfSegment seg) {
        long segType = seg.type();
        boolean tls = (sec.flags() & ElfSection.SHF_TLS) != 0;
        if (tls && (segType == ElfSegment.PT_TLS || segType == ElfSegment.PT_GNU_RELRO || segType == ElfSegment.PT_LOAD)) {
            // ok
        } else if (!tls && !(segType == ElfSegment.PT_TLS || segType == ElfSegment.PT_GNU_RELRO)) {
            // ok
        } else return false;
        if (!sec.isAlloc() && (segType == ElfSegment.PT_LOAD || segType == ElfSegment.PT_DYNAMIC
                || segType == 0x6474e550L || segType == ElfSegment.PT_GNU_RELRO || segType == ElfSegment.PT_GNU_STACK))
            return false;
        if (sec.isAlloc()) {
            long a = sec.addr(), v = seg.vaddr();
            if (!(a >= v && a - v + sec.size() <= seg.memsz() && a - v <= seg.memsz() - 1)) return false;
        }
        if (sec.isNobits()) return true;
        long so = sec.offset(), po = seg.offset();
        return so >= po && so - po + sec.size() <= seg.filesz() && so - po <= seg.filesz() - 1;
    }

    private static boolean sectionExistsInSegment(List<ElfSection> sections, ElfSegment seg) {
        for (ElfSection s : sections) if (s.size() > 0 && sectionInSegment(s, seg)) return true;
        return false;
    }

    private static java.util.Optional<ElfSection> firstSection(List<ElfSection> sections, String name) {
        for (ElfSection s : sections) if (s.name().equals(name)) return java.util.Optional.of(s);
        return java.util.Optional.empty();
    }

    /** elf2tab takes the first symbol of that name in table order. */
    private static ElfSymbol firstSymbol(ElfFile elf, String name) {
        for (ElfSymbol s : elf.symbols()) if (s.name().equals(name)) return s;
        return null;
    }

    private static int hashLength(String alg) {
        return switch (alg) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            default -> 64;
        };
    }

    private static byte[] digest(String alg, byte[] data, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance(alg);
            md.update(data, 0, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }

    static long alignTo(long v, long box) {
        return v + ((box - (v % box)) % box);
    }

    static byte[] le16(long v) {
        return new byte[]{(byte) v, (byte) (v >>> 8)};
    }

    static byte[] le32(long v) {
        return new byte[]{(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
