package org.tockemu.kernel.tbf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Tock Application Bundle: a tar archive (POSIX ustar or GNU) holding {@code metadata.toml}
 * and one {@code <arch>[.<flash>.<ram>].tbf} per architecture. {@link #select()} picks the TBF
 * a Cortex-M4 runs: cortex-m4, else the compatible cortex-m3, else cortex-m0.
 */
public final class TabArchive {
    /** What a Cortex-M4 can run, in order of preference. */
    public static final List<String> CORTEX_M4_COMPATIBLE = List.of("cortex-m4", "cortex-m3", "cortex-m0");

    /** A file in the archive (directory part stripped). */
    public record Entry(String name, long headerOffset, byte[] data) {
    }

    /**
     * A TBF in the archive. {@code arch} is the file name up to the first dot (as tockloader reads
     * it); names such as
     * {@code cortex-m4.0x00040000.0x20008000.tbf} carry the fixed flash and RAM addresses.
     */
    public record TbfEntry(String fileName, String arch, OptionalLong flashAddress, OptionalLong ramAddress, byte[] data) {
        public boolean isFixedAddress() {
            return flashAddress.isPresent();
        }
    }

    private final String name;
    private final List<Entry> entries;
    private final TabMetadata metadata;

    private TabArchive(String name, List<Entry> entries, TabMetadata metadata) {
        this.name = name;
        this.entries = Collections.unmodifiableList(entries);
        this.metadata = metadata;
    }

    public static TabArchive read(Path path) throws IOException, TbfFormatException {
        Path fn = path.getFileName();
        return parse(Files.readAllBytes(path), fn == null ? path.toString() : fn.toString());
    }

    /** Parses a TAB image; {@code name} is used in error messages. */
    public static TabArchive parse(byte[] bytes, String name) throws TbfFormatException {
        List<Entry> entries = readTar(bytes, name);
        TabMetadata meta = null;
        for (Entry e : entries) {
            if (e.name().equals("metadata.toml")) {
                meta = TabMetadata.parse(new String(e.data(), StandardCharsets.UTF_8), name);
                break;
            }
        }
        return new TabArchive(name, entries, meta);
    }

    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The parsed metadata.toml, if the archive has one. */
    public Optional<TabMetadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** Every {@code *.tbf} entry, in archive order. */
    public List<TbfEntry> tbfs() {
        List<TbfEntry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.name().endsWith(".tbf")) continue;
            String stem = e.name().substring(0, e.name().length() - 4);
            String[] parts = stem.split("\\.");
            OptionalLong flash = OptionalLong.empty(), ram = OptionalLong.empty();
            // as tockloader: "<arch>.<anything>.tbf", the architecture is the first piece
            String arch = parts.length > 0 ? parts[0] : stem;
            if (parts.length == 3) {
                OptionalLong f = hex(parts[1]), r = hex(parts[2]);
                if (f.isPresent() && r.isPresent()) {
                    flash = f;
                    ram = r;
                }
            }
            out.add(new TbfEntry(e.name(), arch, flash, ram, e.data()));
        }
        return out;
    }

    /** The TBF for a Cortex-M4 ({@link #CORTEX_M4_COMPATIBLE}). */
    public TbfEntry select() throws TbfFormatException {
        return select(CORTEX_M4_COMPATIBLE);
    }

    /**
     * The first TBF whose architecture matches, trying {@code archPreference} in order; a
     * position-independent build is preferred over fixed-address ones of the same architecture.
     */
    public TbfEntry select(List<String> archPreference) throws TbfFormatException {
        List<TbfEntry> all = tbfs();
        for (String arch : archPreference) {
            TbfEntry fixed = null;
            for (TbfEntry t : all) {
                if (!t.arch().equals(arch)) continue;
                if (!t.isFixedAddress()) return t;
                if (fixed == null) fixed = t;
            }
            if (fixed != null) return fixed;
        }
        List<String> names = new ArrayList<>();
        for (Entry e : entries) names.add(e.name());
        throw new TbfFormatException(name, "no TBF for " + archPreference.get(0)
                + (archPreference.size() > 1 ? " (or compatible " + String.join(", ", archPreference.subList(1, archPreference.size())) + ")" : "")
                + "; the archive holds: " + (names.isEmpty() ? "nothing" : String.join(", ", names)));
    }

    private static OptionalLong hex(String s) {
        if (!s.startsWith("0x") || s.length() < 3 || s.length() > 10) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(s.substring(2), 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    // ---- tar ----

    static List<Entry> readTar(byte[] b, String file) throws TbfFormatException {
        List<Entry> out = new ArrayList<>();
        int pos = 0;
        String longName = null, paxPath = null;
        while (true) {
            if (pos >= b.length) break; // no end-of-archive blocks: tolerated
            if (b.length - pos < 512) {
                if (allZero(b, pos, b.length)) break;
                throw new TbfFormatException(file, pos, "tar header", String.format(
                        "truncated: %d bytes left, a tar header needs 512 (is this a .tab file?)", b.length - pos));
            }
            if (allZero(b, pos, pos + 512)) break;
            long stored = octal(b, pos + 148, 8, file, "tar checksum");
            long sum = 0, ssum = 0;
            for (int i = 0; i < 512; i++) {
                int v = (i >= 148 && i < 156) ? ' ' : b[pos + i];
                sum += v & 0xff;
                ssum += (byte) v;
            }
            if (stored != sum && stored != ssum)
                throw new TbfFormatException(file, pos + 148, "tar checksum", String.format(
                        "expected %o, found %o (not a tar archive, or corrupt)", sum, stored));
            String entryName = cstring(b, pos, 100);
            boolean posix = b[pos + 257] == 'u' && b[pos + 258] == 's' && b[pos + 259] == 't' && b[pos + 260] == 'a'
                    && b[pos + 261] == 'r' && b[pos + 262] == 0;
            if (posix) {
                String prefix = cstring(b, pos + 345, 155);
                if (!prefix.isEmpty()) entryName = prefix + "/" + entryName;
            }
            long size = size(b, pos + 124, file);
            char type = (char) (b[pos + 156] & 0xff);
            long dataStart = pos + 512L;
            if (dataStart + size > b.length)
                throw new TbfFormatException(file, pos + 124, "tar size", String.format(
                        "entry '%s' claims %d bytes but only %d remain", entryName, size, b.length - dataStart));
            byte[] data = Arrays.copyOfRange(b, (int) dataStart, (int) (dataStart + size));
            long headerOffset = pos;
            pos = (int) (dataStart + ((size + 511) / 512) * 512);
            switch (type) {
                case 'L' -> longName = cstring(data, 0, data.length);
                case 'x' -> paxPath = paxPath(data);
                case '0', '\0', '7' -> {
                    String n = longName != null ? longName : paxPath != null ? paxPath : entryName;
                    longName = null;
                    paxPath = null;
                    int slash = n.lastIndexOf('/');
                    out.add(new Entry(slash >= 0 ? n.substring(slash + 1) : n, headerOffset, data));
                }
                default -> {
                    longName = null;
                    paxPath = null;
                }
            }
        }
        return out;
    }

    private static String paxPath(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        for (String rec : s.split("\n")) {
            int sp = rec.indexOf(' ');
            if (sp < 0) continue;
            String kv = rec.substring(sp + 1);
            if (kv.startsWith("path=")) return kv.substring(5);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static String cstring(byte[] b, int off, int max) {
        int end = off;
        while (end < off + max && end < b.length && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long size(byte[] b, int off, String file) throws TbfFormatException {
        if ((b[off] & 0x80) != 0) { // GNU base-256
            long v = 0;
            for (int i = 1; i < 12; i++) v = (v << 8) | (b[off + i] & 0xff);
            if (v < 0 || v > Integer.MAX_VALUE) throw new TbfFormatException(file, off, "tar size", "entry too large");
            return v;
        }
        long v = octal(b, off, 12, file, "tar size");
        if (v > Integer.MAX_VALUE) throw new TbfFormatException(file, off, "tar size", "entry too large: " + v);
        return v;
    }

    private static long octal(byte[] b, int off, int len, String file, String field) throws TbfFormatException {
        long v = 0;
        boolean digits = false;
        for (int i = off; i < off + len; i++) {
            int ch = b[i] & 0xff;
            if (ch == 0 || (ch == ' ' && digits)) break;
            if (ch == ' ') continue;
            if (ch < '0' || ch > '7')
                throw new TbfFormatException(file, i, field, "expected an octal number, found byte 0x" + Integer.toHexString(ch));
            v = v * 8 + (ch - '0');
            digits = true;
        }
        return v;
    }
}
