package org.tockemu.core.board;

import java.io.IOException;

/** An ELF file that cannot be run on the board; the message names the file and what is wrong. */
public final class ElfLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ElfLoadException(String message) { super(message); }

    public ElfLoadException(String message, Throwable cause) { super(message, cause); }
}
