package org.tockemu.core.decode;

/** Fills an {@link Insn} from the fields of a matched pattern (decode time only, never on the hot path). */
@FunctionalInterface
public interface Decode {
    void decode(Fields f, Insn in);
}
