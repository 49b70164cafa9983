package org.tockemu.kernel.tbf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed Tock Binary Format object: base header, header TLVs and footers, with the values the
 * kernel derives from them (tock-abi.md §3).
 *
 * <p>{@link #parse} applies the structural rules of Tock's {@code tock-tbf} parser: version 2,
 * 16 &le; header_size &le; total_size, checksum, exact lengths for Main (12), Program (20),
 * FixedAddresses (8), KernelVersion (4) and ShortId (4), WFR length a multiple of 8, UTF-8
 * package name, every TLV (rounded up to 4) inside the header, unknown TLVs skipped. Load rules
 * (enabled, not padding, KernelVersion present and compatible) are checked separately by
 * {@link #checkLoadable(int, int)} so tools can still inspect such objects.
 *
 * <p>All offsets are from the start of the TBF object.
 */
public final class TbfHeader {
    /** Size of the base header. */
    public static final int BASE_SIZE = 16;
    /** The kernel version tockemu emulates (Tock master, which accepts libtock-c's 2.2 stamp). */
    public static final int KERNEL_MAJOR = 2, KERNEL_MINOR = 3;
    public static final long FLAG_ENABLED = 1, FLAG_STICKY = 2;

    private final String name;
    private final int version, headerSize;
    private final long totalSize, flags, checksum, computedChecksum;
    private final List<TbfTlv> tlvs;
    private final List<TbfTlv.Credentials> footers;
    private final int footerTrailingBytes;
    private final byte[] image;

    private TbfHeader(String name, int version, int headerSize, long totalSize, long flags, long checksum,
                      long computedChecksum, List<TbfTlv> tlvs, List<TbfTlv.Credentials> footers, int footerTrailingBytes,
                      byte[] image) {
        this.name = name;
        this.version = version;
        this.headerSize = headerSize;
        this.totalSize = totalSize;
        this.flags = flags;
        this.checksum = checksum;
        this.computedChecksum = computedChecksum;
        this.tlvs = Collections.unmodifiableList(tlvs);
        this.footers = Collections.unmodifiableList(footers);
        this.footerTrailingBytes = footerTrailingBytes;
        this.image = image;
    }

    /** Parses a TBF object that starts at offset 0 of {@code image}. */
    public static TbfHeader parse(byte[] image, String name) throws TbfFormatException {
        return parse(image, 0, name);
    }

    /**
     * Parses the TBF object starting at {@code start} in {@code buf} (e.g. an app-flash image).
     * The whole object (total_size bytes) must be inside {@code buf}. Offsets in errors and in
     * the result are relative to {@code start}.
     */
    public static TbfHeader parse(byte[] buf, int start, String name) throws TbfFormatException {
        return new Parser(buf, start, name == null ? "<tbf>" : name, true).parse();
    }

    /**
     * Like {@link #parse(byte[], int, String)} but accepts a wrong checksum (for inspection
     * tools); compare {@link #checksum()} with {@link #computedChecksum()}.
     */
    public static TbfHeader parseIgnoringChecksum(byte[] buf, int start, String name) throws TbfFormatException {
        return new Parser(buf, start, name == null ? "<tbf>" : name, false).parse();
    }

    /**
     * The XOR checksum of {@code header[start, start+headerSize)} as whole little-endian words,
     * skipping word 3 (the checksum itself); a tail shorter than a word is ignored, as in Tock.
     */
    public static long computeChecksum(byte[] b, int start, int headerSize) {
        long sum = 0;
        for (int i = 0; i + 4 <= headerSize; i += 4) {
            if (i == 12) continue;
            sum ^= u32(b, start + i);
        }
        return sum;
    }

    /**
     * The kernel's load checks beyond structure: not padding, enabled, a KernelVersion TLV with
     * {@code major == kernelMajor && minor <= kernelMinor}.
     */
    public void checkLoadable(int kernelMajor, int kernelMinor) throws TbfFormatException {
        if (isPadding())
            throw new TbfFormatException(name, 2, "header_size", "this is a padding object (header_size 16, no TLVs)");
        if (!isEnabled())
            throw new TbfFormatException(name, 8, "flags", String.format("app is disabled (flags 0x%08x, bit 0 clear)", flags));
        Optional<TbfTlv.KernelVersion> kv = kernelVersion();
        if (kv.isEmpty())
            throw new TbfFormatException(name, BASE_SIZE, "KernelVersion",
                    "missing KernelVersion TLV (type 8), which the kernel requires");
        TbfTlv.KernelVersion k = kv.get();
        if (k.major() != kernelMajor)
            throw new TbfFormatException(name, k.offset() + 4, "KernelVersion.major", String.format(
                    "app needs kernel %d.%d, this kernel is %d.%d (major must match)", k.major(), k.minor(),
                    kernelMajor, kernelMinor));
        if (k.minor() > kernelMinor)
            throw new TbfFormatException(name, k.offset() + 6, "KernelVersion.minor", String.format(
                    "app needs kernel %d.%d, this kernel is only %d.%d", k.major(), k.minor(), kernelMajor, kernelMinor));
    }

    /** {@link #checkLoadable(int, int)} against {@link #KERNEL_MAJOR}.{@link #KERNEL_MINOR}. */
    public void checkLoadable() throws TbfFormatException {
        checkLoadable(KERNEL_MAJOR, KERNEL_MINOR);
    }

    // ---- base header ----

    public String name() { return name; }

    public int version() { return version; }

    public int headerSize() { return headerSize; }

    public long totalSize() { return totalSize; }

    public long flags() { return flags; }

    /** The checksum stored in the header. */
    public long checksum() { return checksum; }

    /** The checksum computed over the header (differs from checksum() only after parseIgnoringChecksum). */
    public long computedChecksum() { return computedChecksum; }

    public boolean checksumOk() { return checksum == computedChecksum; }

    public boolean isEnabled() { return (flags & FLAG_ENABLED) != 0; }

    public boolean isSticky() { return (flags & FLAG_STICKY) != 0; }

    /** A header with no TLVs (header_size 16) is padding between apps. */
    public boolean isPadding() { return headerSize == BASE_SIZE; }

    /** Every header TLV, in order (unknown ones included). */
    public List<TbfTlv> tlvs() { return tlvs; }

    /** Credentials footers found in [binary_end, total_size). */
    public List<TbfTlv.Credentials> footers() { return footers; }

    /** Bytes after the last parsable footer (e.g. elf2tab's raw padding under 8 bytes). */
    public int footerTrailingBytes() { return footerTrailingBytes; }

    // ---- TLV access ----

    /**
     * The TLV of the given record class that Tock uses: the last one of its type, except for
     * Main and Program where the first one counts (later ones are kept as {@link TbfTlv.Unknown}).
     */
    public <T extends TbfTlv> Optional<T> tlv(Class<T> kind) {
        T found = null;
        for (TbfTlv t : tlvs) if (kind.isInstance(t)) found = kind.cast(t);
        return Optional.ofNullable(found);
    }

    public Optional<TbfTlv.Main> main() { return tlv(TbfTlv.Main.class); }

    public Optional<TbfTlv.Program> program() { return tlv(TbfTlv.Program.class); }

    public Optional<TbfTlv.KernelVersion> kernelVersion() { return tlv(TbfTlv.KernelVersion.class); }

    public Optional<TbfTlv.FixedAddresses> fixedAddresses() { return tlv(TbfTlv.FixedAddresses.class); }

    public Optional<TbfTlv.Permissions> permissions() { return tlv(TbfTlv.Permissions.class); }

    public Optional<TbfTlv.StoragePermissions> storagePermissions() { return tlv(TbfTlv.StoragePermissions.class); }

    /** The package name, if a PackageName TLV is present. */
    public Optional<String> packageName() { return tlv(TbfTlv.PackageName.class).map(TbfTlv.PackageName::name); }

    /** All writeable flash regions of all WFR TLVs, in order. Offsets are from the TBF start. */
    public List<TbfTlv.Region> writeableFlashRegions() {
        List<TbfTlv.Region> out = new ArrayList<>();
        for (TbfTlv t : tlvs) if (t instanceof TbfTlv.WriteableFlashRegions w) out.addAll(w.regions());
        return out;
    }

    /** The ShortId, empty when absent or 0 ("none"). */
    public OptionalLong shortId() {
        Optional<TbfTlv.ShortId> s = tlv(TbfTlv.ShortId.class);
        return s.isPresent() && s.get().shortId() != 0 ? OptionalLong.of(s.get().shortId()) : OptionalLong.empty();
    }

    // ---- derived values (Program wins over Main) ----

    /** True if a Program or Main TLV is present. */
    public boolean hasProgram() { return program().isPresent() || main().isPresent(); }

    /** init_fn_offset, measured from the end of the header. */
    public long initFnOffset() {
        return program().map(TbfTlv.Program::initFnOffset).orElse(main().map(TbfTlv.Main::initFnOffset).orElse(0L));
    }

    /** protected_trailer_size: bytes after the header that the app may not write. */
    public long protectedTrailerSize() {
        return program().map(TbfTlv.Program::protectedTrailerSize)
                .orElse(main().map(TbfTlv.Main::protectedTrailerSize).orElse(0L));
    }

    public long minimumRamSize() {
        return program().map(TbfTlv.Program::minimumRamSize).orElse(main().map(TbfTlv.Main::minimumRamSize).orElse(0L));
    }

    /** Program.version, 0 without a Program TLV. */
    public long appVersion() { return program().map(TbfTlv.Program::version).orElse(0L); }

    /** protected_size = header_size + protected_trailer_size. */
    public long protectedSize() { return headerSize + protectedTrailerSize(); }

    /** Offset of the app binary (the crt0 header) from the TBF start: protected_size. */
    public long appStartOffset() { return protectedSize(); }

    /** Offset of the first instruction from the TBF start: header_size + init_fn_offset. */
    public long initOffset() { return headerSize + initFnOffset(); }

    /** Program.binary_end_offset, or total_size without a Program TLV. */
    public long binaryEndOffset() { return program().map(TbfTlv.Program::binaryEndOffset).orElse(totalSize); }

    /** Absolute app start when the TBF is at {@code flashStart}. */
    public long appStart(long flashStart) { return (flashStart + appStartOffset()) & 0xFFFF_FFFFL; }

    /** Absolute entry point (Thumb bit forced) when the TBF is at {@code flashStart}. */
    public long initAddress(long flashStart) { return ((flashStart + initOffset()) | 1) & 0xFFFF_FFFFL; }

    /** The fixed flash address of the binary (after the protected region), if any. */
    public OptionalLong fixedFlashAddress() {
        Optional<TbfTlv.FixedAddresses> f = fixedAddresses();
        return f.isPresent() && f.get().flashFixed() ? OptionalLong.of(f.get().flashStart()) : OptionalLong.empty();
    }

    /** The fixed RAM start, if any. */
    public OptionalLong fixedRamAddress() {
        Optional<TbfTlv.FixedAddresses> f = fixedAddresses();
        return f.isPresent() && f.get().ramFixed() ? OptionalLong.of(f.get().ramStart()) : OptionalLong.empty();
    }

    /** A copy of the whole object, total_size bytes (header, binary, footers). */
    public byte[] bytes() {
        return image.clone();
    }

    /** A copy of the app binary: [protected_size, binary_end). Empty if inconsistent. */
    public byte[] binary() {
        long from = protectedSize(), to = binaryEndOffset();
        if (from > to || to > image.length) return new byte[0];
        return java.util.Arrays.copyOfRange(image, (int) from, (int) to);
    }

    /**
     * Checks a hash credential (SHA256/384/512) against [0, binary_end). Returns null for
     * formats that cannot be checked here (Reserved, signatures).
     */
    public Boolean verifyCredential(TbfTlv.Credentials c) {
        String alg = switch ((int) c.format()) {
            case TbfTlv.Credentials.SHA256 -> "SHA-256";
            case TbfTlv.Credentials.SHA384 -> "SHA-384";
            case TbfTlv.Credentials.SHA512 -> "SHA-512";
            default -> null;
        };
        if (alg == null) return null;
        long end = binaryEndOffset();
        if (end > image.length) return false;
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(alg);
            md.update(image, 0, (int) end);
            return java.security.MessageDigest.isEqual(md.digest(), c.data());
        } catch (java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    static long u32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    private static final class Parser {
        private final byte[] b;
        private final int s;
        private final String name;
        private final boolean verifyChecksum;

        Parser(byte[] b, int start, String name, boolean verifyChecksum) {
            this.b = b;
            this.s = start;
            this.name = name;
            this.verifyChecksum = verifyChecksum;
        }

        private TbfFormatException err(long off, String field, String detail) {
            return new TbfFormatException(name, off, field, detail);
        }

        private long u32r(int rel) { return u32(b, s + rel); }

        private int u16r(int rel) { return u16(b, s + rel); }

        TbfHeader parse() throws TbfFormatException {
            int avail = s < 0 || s > b.length ? 0 : b.length - s;
            if (avail < BASE_SIZE)
                throw err(0, "base header", String.format("truncated: the base header needs 16 bytes, only %d available", avail));
            int version = u16r(0);
            if (version != 2) throw err(0, "version", "expected 2, found " + version);
            int headerSize = u16r(2);
            long totalSize = u32r(4);
            long flags = u32r(8);
            long checksum = u32r(12);
            if (headerSize < BASE_SIZE)
                throw err(2, "header_size", String.format("0x%x is smaller than the 16-byte base header", headerSize));
            if (headerSize > totalSize)
                throw err(2, "header_size", String.format("0x%x is larger than total_size 0x%x", headerSize, totalSize));
            if (totalSize > avail)
                throw err(4, "total_size", String.format("0x%x but only 0x%x bytes are present (truncated object)",
                        totalSize, avail));
            long computed = computeChecksum(b, s, headerSize);
            if (verifyChecksum && computed != checksum)
                throw err(12, "checksum", String.format("expected 0x%08x, found 0x%08x", computed, checksum));

            List<TbfTlv> tlvs = new ArrayList<>();
            int pos = BASE_SIZE;
            while (pos < headerSize) {
                if (pos + 4 > headerSize)
                    throw err(pos, "TLV header", String.format("truncated: %d byte(s) left before header_size 0x%x",
                            headerSize - pos, headerSize));
                int type = u16r(pos);
                int len = u16r(pos + 2);
                int padded = (len + 3) & ~3;
                String tn = TbfTlv.typeName(type);
                if (pos + 4 + padded > headerSize)
                    throw err(pos + 2, tn + " length", String.format(
                            "TLV at 0x%x with length %d (%d padded) runs past header_size 0x%x", pos, len, padded, headerSize));
                boolean repeated = (type == TbfTlv.MAIN || type == TbfTlv.PROGRAM) && has(tlvs, type);
                if (repeated) {
                    // Tock keeps the first Main/Program and skips later ones without checking them
                    byte[] payload = new byte[len];
                    System.arraycopy(b, s + pos + 4, payload, 0, len);
                    tlvs.add(new TbfTlv.Unknown(pos, type, len, payload));
                } else {
                    tlvs.add(tlv(pos, type, len, tn));
                }
                pos += 4 + padded;
            }

            long binaryEnd = totalSize;
            long trailer = 0;
            for (TbfTlv t : tlvs) {
                if (t instanceof TbfTlv.Program p) { binaryEnd = p.binaryEndOffset(); trailer = p.protectedTrailerSize(); }
            }
            if (trailer == 0) {
                for (TbfTlv t : tlvs) if (t instanceof TbfTlv.Main m && !hasProgram(tlvs)) trailer = m.protectedTrailerSize();
            }
            for (TbfTlv t : tlvs) {
                if (t instanceof TbfTlv.Program p) {
                    if (p.binaryEndOffset() < headerSize || p.binaryEndOffset() > totalSize)
                        throw err(p.offset() + 16, "Program.binary_end_offset", String.format(
                                "0x%x is outside [header_size 0x%x, total_size 0x%x]", p.binaryEndOffset(), headerSize, totalSize));
                }
            }
            if (headerSize + trailer > totalSize)
                throw err(BASE_SIZE, "protected_trailer_size", String.format(
                        "header_size 0x%x + protected trailer 0x%x exceeds total_size 0x%x", headerSize, trailer, totalSize));

            // Footers: Credentials TLVs in [binary_end, total_size). Anything else stops the walk.
            List<TbfTlv.Credentials> footers = new ArrayList<>();
            int fpos = (int) binaryEnd;
            while (fpos + 8 <= totalSize) {
                int type = u16r(fpos);
                int len = u16r(fpos + 2);
                if (type != TbfTlv.CREDENTIALS || len < 4 || fpos + 4L + len > totalSize) break;
                long format = u32r(fpos + 4);
                byte[] data = new byte[len - 4];
                System.arraycopy(b, s + fpos + 8, data, 0, data.length);
                footers.add(new TbfTlv.Credentials(fpos, len, format, data));
                fpos += 4 + ((len + 3) & ~3);
            }
            int trailing = (int) Math.max(0, totalSize - fpos);
            byte[] image = java.util.Arrays.copyOfRange(b, s, (int) (s + totalSize));
            return new TbfHeader(name, version, headerSize, totalSize, flags, checksum, computed, tlvs, footers, trailing, image);
        }

        private static boolean hasProgram(List<TbfTlv> tlvs) {
            return has(tlvs, TbfTlv.PROGRAM);
        }

        private static boolean has(List<TbfTlv> tlvs, int type) {
            for (TbfTlv t : tlvs) if (t.type() == type && !(t instanceof TbfTlv.Unknown)) return true;
            return false;
        }

        private void exact(int pos, String tn, int len, int want) throws TbfFormatException {
            if (len != want) throw err(pos + 2, tn + " length", "expected " + want + ", found " + len);
        }

        private TbfTlv tlv(int pos, int type, int len, String tn) throws TbfFormatException {
            int p = pos + 4;
            switch (type) {
                case TbfTlv.MAIN -> {
                    exact(pos, tn, len, 12);
                    return new TbfTlv.Main(pos, u32r(p), u32r(p + 4), u32r(p + 8));
                }
                case TbfTlv.PROGRAM -> {
                    exact(pos, tn, len, 20);
                    return new TbfTlv.Program(pos, u32r(p), u32r(p + 4), u32r(p + 8), u32r(p + 12), u32r(p + 16));
                }
                case TbfTlv.FIXED_ADDRESSES -> {
                    exact(pos, tn, len, 8);
                    return new TbfTlv.FixedAddresses(pos, u32r(p), u32r(p + 4));
                }
                case TbfTlv.KERNEL_VERSION -> {
                    exact(pos, tn, len, 4);
                    return new TbfTlv.KernelVersion(pos, u16r(p), u16r(p + 2));
                }
                case TbfTlv.SHORT_ID -> {
                    exact(pos, tn, len, 4);
                    return new TbfTlv.ShortId(pos, u32r(p));
                }
                case TbfTlv.WRITEABLE_FLASH_REGIONS -> {
                    if (len % 8 != 0)
                        throw err(pos + 2, tn + " length", "expected a multiple of 8, found " + len);
                    List<TbfTlv.Region> regions = new ArrayList<>();
                    for (int i = 0; i < len; i += 8) regions.add(new TbfTlv.Region(u32r(p + i), u32r(p + i + 4)));
                    return new TbfTlv.WriteableFlashRegions(pos, len, List.copyOf(regions));
                }
                case TbfTlv.PACKAGE_NAME -> {
                    try {
                        String n = StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(b, s + p, len)).toString();
                        return new TbfTlv.PackageName(pos, len, n);
                    } catch (CharacterCodingException e) {
                        throw err(p, "PackageName", "package name is not valid UTF-8");
                    }
                }
                case TbfTlv.PERMISSIONS -> {
                    if (len < 2) throw err(pos + 2, tn + " length", "expected at least 2, found " + len);
                    int n = u16r(p);
                    if (2 + 16L * n > len)
                        throw err(p, "Permissions.count", String.format(
                                "%d entries need %d bytes but the TLV length is %d", n, 2 + 16 * n, len));
                    List<TbfTlv.DriverPermission> perms = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int q = p + 2 + 16 * i;
                        long mask = u32r(q + 8) | (u32r(q + 12) << 32);
                        perms.add(new TbfTlv.DriverPermission(u32r(q), u32r(q + 4), mask));
                    }
                    return new TbfTlv.Permissions(pos, len, List.copyOf(perms));
                }
                case TbfTlv.STORAGE_PERMISSIONS -> {
                    int q = p;
                    int end = p + len;
                    if (q + 6 > end) throw err(pos + 2, tn + " length", "expected at least 8, found " + len);
                    long writeId = u32r(q);
                    int nr = u16r(q + 4);
                    q += 6;
                    if (q + 4L * nr + 2 > end)
                        throw err(p + 4, "StoragePermissions.read_count", nr + " read ids do not fit in the TLV length " + len);
                    List<Long> reads = new ArrayList<>();
                    for (int i = 0; i < nr; i++, q += 4) reads.add(u32r(q));
                    int nm = u16r(q);
                    int nmOff = q;
                    q += 2;
                    if (q + 4L * nm > end)
                        throw err(nmOff, "StoragePermissions.modify_count", nm + " modify ids do not fit in the TLV length " + len);
                    List<Long> mods = new ArrayList<>();
                    for (int i = 0; i < nm; i++, q += 4) mods.add(u32r(q));
                    return new TbfTlv.StoragePermissions(pos, len, writeId, List.copyOf(reads), List.copyOf(mods));
                }
                default -> {
                    byte[] payload = new byte[len];
                    System.arraycopy(b, s + p, payload, 0, len);
                    return new TbfTlv.Unknown(pos, type, len, payload);
                }
            }
        }
    }
}
