package org.tockemu.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Thumb/Thumb-2 decoder driven by the declarative tables of the *Encodings classes. 16-bit
 * encodings resolve through a 64K-entry index filled lazily (an entry is computed on the first
 * decode of that encoding, first table match wins, with a sentinel for "no entry"), so class
 * initialisation costs only the table registration. 32-bit ones resolve through per-hw1-prefix
 * buckets, also built on first use. Results are cached per address by the CPU, so decode cost is
 * off the hot path. Lazy fills race benignly: every thread computes the same immutable value.
 */
public final class Decoder {
    /** Index marker for "no 16-bit table entry matches" (distinct from null, "not computed yet"). */
    private static final TableBuilder.Entry NO_MATCH = new TableBuilder.Entry("UNDEFINED", null, 0, 0, null);
    /** Only hw1 values below 0xE800 are 16-bit encodings (see {@link #is32}). */
    private static final TableBuilder.Entry[] INDEX16 = new TableBuilder.Entry[0xE800];
    private static final TableBuilder.Entry[][] BUCKETS32 = new TableBuilder.Entry[4096][];
    private static final List<TableBuilder.Entry> ALL16;
    private static final List<TableBuilder.Entry> ALL32;
    private static final TableBuilder.Entry[] TABLE16;

    static {
        TableBuilder b = new TableBuilder();
        BranchSystemEncodings.register(b);
        DataProcessingEncodings.register(b);
        MultiplyDspEncodings.register(b);
        LoadStoreEncodings.register(b);
        ALL16 = List.copyOf(b.t16);
        ALL32 = List.copyOf(b.t32);
        TABLE16 = b.t16.toArray(new TableBuilder.Entry[0]);
    }

    private Decoder() {}

    /** True when hw1 is the first halfword of a 32-bit instruction. */
    public static boolean is32(int hw1) { return (hw1 >>> 11) >= 0b11101; }

    /** All table entries, for coverage tests and the disassembler. */
    public static List<TableBuilder.Entry> entries16() { return ALL16; }

    public static List<TableBuilder.Entry> entries32() { return ALL32; }

    /** Decodes the instruction starting with hw1 (hw2 is ignored for 16-bit encodings). */
    public static Insn decode(int hw1, int hw2) {
        Insn in = new Insn();
        hw1 &= 0xFFFF;
        hw2 &= 0xFFFF;
        in.hw1 = hw1;
        TableBuilder.Entry e;
        int enc;
        if (is32(hw1)) {
            in.size = 4;
            in.hw2 = hw2;
            enc = (hw1 << 16) | hw2;
            e = lookup32(enc);
        } else {
            in.size = 2;
            enc = hw1;
            e = lookup16(hw1);
        }
        if (e == null) {
            in.name = "UNDEFINED";
            in.undefined();
            return in;
        }
        in.name = e.name();
        in.group = e.group();
        in.op = e.op();
        try {
            e.decode().decode(e.pattern().extract(enc), in);
        } catch (RuntimeException ex) {
            throw new IllegalStateException("decoder entry " + e.name() + " failed on " + Integer.toHexString(enc), ex);
        }
        return in;
    }

    /** The first 16-bit table entry matching hw1 (&lt; 0xE800), or null. */
    private static TableBuilder.Entry lookup16(int hw1) {
        TableBuilder.Entry e = INDEX16[hw1];
        if (e == null) {
            e = NO_MATCH;
            for (TableBuilder.Entry t : TABLE16) {
                if (t.pattern().matches(hw1)) { e = t; break; }
            }
            INDEX16[hw1] = e; // Entry is an immutable record: safe to publish through a race
        }
        return e == NO_MATCH ? null : e;
    }

    private static TableBuilder.Entry lookup32(int enc) {
        int key = (enc >>> 20) & 0xFFF;
        TableBuilder.Entry[] bucket = BUCKETS32[key];
        if (bucket == null) {
            List<TableBuilder.Entry> list = new ArrayList<>();
            for (TableBuilder.Entry e : ALL32) {
                int m = e.pattern().mask >>> 20, v = e.pattern().value >>> 20;
                if ((key & m) == v) list.add(e);
            }
            bucket = list.toArray(new TableBuilder.Entry[0]);
            synchronized (BUCKETS32) { BUCKETS32[key] = bucket; }
        }
        for (TableBuilder.Entry e : bucket) if (e.pattern().matches(enc)) return e;
        return null;
    }
}
