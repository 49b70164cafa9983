package org.tockemu.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects encoding table entries. Each instruction class registers its entries in its own
 * *Encodings class; order matters only within overlapping patterns: the first match wins, so
 * list special cases (e.g. TST before AND with Rd=1111) before the general form.
 */
public final class TableBuilder {
    /** One row of the table. */
    public record Entry(String name, Pattern pattern, int group, int op, Decode decode) {}

    final List<Entry> t16 = new ArrayList<>();
    final List<Entry> t32 = new ArrayList<>();

    /** A 16-bit encoding. */
    public TableBuilder t16(String name, String pattern, int group, int op, Decode decode) {
        Pattern p = new Pattern(pattern);
        if (p.width != 16) throw new IllegalArgumentException(name + ": not a 16-bit pattern");
        t16.add(new Entry(name, p, group, op, decode));
        return this;
    }

    /** A 32-bit encoding (hw1 in the high half). */
    public TableBuilder t32(String name, String pattern, int group, int op, Decode decode) {
        Pattern p = new Pattern(pattern);
        if (p.width != 32) throw new IllegalArgumentException(name + ": not a 32-bit pattern");
        t32.add(new Entry(name, p, group, op, decode));
        return this;
    }

    public List<Entry> entries16() { return t16; }

    public List<Entry> entries32() { return t32; }
}
