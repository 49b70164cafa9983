package org.tockemu.kernel.tbf;

import org.tockemu.core.util.FormatException;

/**
 * A malformed TBF, TAB or metadata file, or an ELF that cannot be packed. The message names the
 * file, and for binary formats the byte offset and the field, e.g.
 * {@code "hello.tbf: offset 0x0c (checksum): expected 0x1234abcd, found 0x1234abcc"}.
 */
public final class TbfFormatException extends FormatException {
    private static final long serialVersionUID = 1L;

    /** An error at a byte offset of a binary file. */
    public TbfFormatException(String file, long offset, String field, String detail) {
        super(file, offset, field, detail);
    }

    /** An error without a meaningful byte offset (offset() returns -1). */
    public TbfFormatException(String file, String detail) {
        super(file, detail);
    }
}
