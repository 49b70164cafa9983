package org.tockemu.core.util;

/**
 * A malformed input file (ELF, TBF, TAB, ...). The message always names the file and, for binary
 * formats, the byte offset and the field that is wrong, e.g.
 * {@code "app.elf: offset 0x1c (e_phoff): program header table lies outside the file"}.
 */
public class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String field;

    /** An error at a byte offset of a binary file. */
    public FormatException(String file, long offset, String field, String detail) {
        super(String.format("%s: offset 0x%02x (%s): %s", file, offset, field, detail));
        this.file = file;
        this.offset = offset;
        this.field = field;
    }

    /** An error without a meaningful byte offset (offset() returns -1). */
    public FormatException(String file, String detail) {
        super(file + ": " + detail);
        this.file = file;
        this.offset = -1;
        this.field = null;
    }

    /** The file name given to the parser. */
    public String file() { return file; }

    /** Byte offset of the bad field (or of the structure holding it), or -1. */
    public long offset() { return offset; }

    /** Name of the bad field, e.g. {@code e_phoff} or {@code checksum}, or null. */
    public String field() { return field; }
}
