package org.tockemu.core.elf;

/**
 * A malformed or unsupported ELF file. The message always names the file, the byte offset
 * and the field that is wrong, e.g. {@code "app.elf: offset 0x1c (e_phoff): program header
 * table [0x34, 0x74) lies outside the file (size 0x40)"}.
 */
public final class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String field;

    public ElfFormatException(String file, long offset, String field, String detail) {
        super(String.format("%s: offset 0x%02x (%s): %s", file, offset, field, detail));
        this.file = file;
        this.offset = offset;
        this.field = field;
    }

    /** The file name given to the parser. */
    public String file() {
        return file;
    }

    /** Byte offset in the file of the bad field (or of the structure holding it). */
    public long offset() {
        return offset;
    }

    /** Name of the bad field, e.g. {@code e_phoff} or {@code section[3].sh_offset}. */
    public String field() {
        return field;
    }
}
