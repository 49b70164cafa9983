package org.tockemu.kernel.tbf;

/**
 * A malformed TBF, TAB or metadata file, or an ELF that cannot be packed. The message names
 * the file, and for binary formats the byte offset and the field, e.g.
 * {@code "hello.tbf: offset 0x0c (checksum): expected 0x1234abcd, found 0x1234abcc"}.
 */
public final class TbfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String field;

    /** An error at a byte offset of a binary file. */
    public TbfFormatException(String file, long offset, String field, String detail) {
        super(String.format("%s: offset 0x%02x (%s): %s", file, offset, field, detail));
        this.file = file;
        this.offset = offset;
        this.field = field;
    }

    /** An error without a meaningful byte offset (offset() returns -1). */
    public TbfFormatException(String file, String detail) {
        super(file + ": " + detail);
        this.file = file;
        this.offset = -1;
        this.field = null;
    }

    public String file() {
        return file;
    }

    /** Byte offset of the bad field from the start of the file, or -1. */
    public long offset() {
        return offset;
    }

    /** The bad field, or null. */
    public String field() {
        return field;
    }
}
