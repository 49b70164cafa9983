package org.tockemu.core.elf;

import org.tockemu.core.util.FormatException;

/** A malformed or unsupported ELF file; the message names the file, offset and field. */
public final class ElfFormatException extends FormatException {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String file, long offset, String field, String detail) {
        super(file, offset, field, detail);
    }
}
