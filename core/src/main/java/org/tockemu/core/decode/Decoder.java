package org.tockemu.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Thumb/Thumb-2 decoder driven by the declarative tables of the *Encodings classes. 16-bit
 * encodings resolve through a 64K-entry index; 32-bit ones through per-hw1-prefix buckets.
 * Results are cached per address by the CPU, so decode cost is off the hot path.
 */
public final class Decoder {
    private static final TableBuilder.Entry[] INDEX16 = new TableBuilder.Entry[65536];
    private static final TableBuilder.Entry[][] BUCKETS32 = new TableBuilder.Entry[4096][];
    private static final List<TableBuilder.Entry> ALL16;
    private static final List<TableBuilder.Entry> ALL32;

    static {
        TableBuilder b = new TableBuilder();
        BranchSystemEncodings.register(b);
        DataProcessingEncodings.register(b);
        MultiplyDspEncodings.register(b);
        LoadStoreEncodings.register(b);
        ALL16 = List.copyOf(b.t16);
        ALL32 = List.copyOf(b.t32);
        for (int enc = 0; enc < 65536; enc++) {
            if ((enc >>> 11) >= 0b11101) continue;
            for (TableBuilder.Entry e : ALL16) {
                if (e.pattern().matches(enc)) { INDEX16[enc] = e; break; }
            }
        }
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
            e = INDEX16[hw1];
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
