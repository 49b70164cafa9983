package org.tockemu.core.board;

/** An interrupt output of a peripheral, wired by the board to an NVIC input (level-sensitive). */
@FunctionalInterface
public interface IrqLine {
    /** Drives the line high (asserted) or low. */
    void set(boolean level);

    /** A line connected to nothing. */
    IrqLine NONE = level -> { };
}
