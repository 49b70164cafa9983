package org.tockemu.kernel.tbf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a TAB the way elf2tab does: a GNU-format tar with {@code metadata.toml} first
 * ({@code tab-version = 1}, {@code name}, {@code only-for-boards}, optional
 * {@code minimum-tock-kernel-version}, optional {@code build-date}), then one
 * {@code <arch>.tbf} per entry, mode 0644, uid/gid 0, and two zero blocks. Deterministic when
 * {@code buildDate} is null.
 */
public final class TabWriter {
    /** tar-rs' deterministic timestamp (2006-07-23), which elf2tab uses for appended files. */
    static final long DETERMINISTIC_MTIME = 1153704088L;

    private TabWriter() {
    }

    /** The metadata.toml text elf2tab writes. */
    public static String metadata(String name, int[] kernelVersion, String buildDate) {
        StringBuilder sb = new StringBuilder();
        sb.append("tab-version = 1\n");
        sb.append("name = \"").append(escape(name == null ? "" : name)).append("\"\n");
        sb.append("only-for-boards = \"\"\n");
        if (kernelVersion != null)
            sb.append("minimum-tock-kernel-version = \"").append(kernelVersion[0]).append('.').append(kernelVersion[1]).append("\"\n");
        if (buildDate != null) sb.append("build-date = ").append(buildDate).append('\n');
        return sb.toString();
    }

    /**
     * Builds a TAB. {@code tbfsByFileName} maps a file name such as {@code cortex-m4.tbf} to the
     * TBF bytes, in the order they should appear.
     */
    public static byte[] write(String metadataToml, Map<String, byte[]> tbfsByFileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry(out, "metadata.toml", metadataToml.getBytes(StandardCharsets.UTF_8), 0);
        for (Map.Entry<String, byte[]> e : tbfsByFileName.entrySet())
            entry(out, e.getKey(), e.getValue(), DETERMINISTIC_MTIME);
        out.write(new byte[1024], 0, 1024);
        return out.toByteArray();
    }

    public static void write(Path path, String metadataToml, Map<String, byte[]> tbfsByFileName) throws IOException {
        Files.write(path, write(metadataToml, tbfsByFileName));
    }

    private static void entry(ByteArrayOutputStream out, String name, byte[] data, long mtime) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) throw new IllegalArgumentException("tar entry name longer than 100 bytes: " + name);
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, data.length);
        octal(h, 136, 12, mtime);
        h[156] = '0';
        byte[] magic = "ustar  ".getBytes(StandardCharsets.US_ASCII); // GNU magic "ustar " + version " \0"
        System.arraycopy(magic, 0, h, 257, magic.length);
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte x : h) sum += x & 0xff;
        octal(h, 148, 8, sum);
        out.write(h, 0, 512);
        out.write(data, 0, data.length);
        int pad = (512 - data.length % 512) % 512;
        out.write(new byte[pad], 0, pad);
    }

    /** Zero-padded octal in len-1 digits followed by NUL. */
    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        if (s.length() > len - 1) throw new IllegalArgumentException("value too large for a tar field: " + v);
        s = "0".repeat(len - 1 - s.length()) + s;
        for (int i = 0; i < len - 1; i++) h[off + i] = (byte) s.charAt(i);
        h[off + len - 1] = 0;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
