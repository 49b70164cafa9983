package org.tockemu.core.risu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One case's final state as dumped by tests/risu/harness.S, and the parser for a run's output stream. */
public record RisuRecord(int caseIndex, int[] regs /* r0-r12 */, int sp, int lr, int apsr, byte[] window) {
    public static final int MAGIC = 0x55534952, FAULT = 0x544c4652, END = 0x444e4552;
    /** NZCVQ and GE[3:0] */
    public static final int APSR_MASK = 0xf80f0000;

    /**
     * A parsed run: the dumped cases in order, the cases that faulted (case index to description;
     * the harness goes on with the next case after a fault), whether the end marker arrived, and a
     * parse or run error.
     */
    public record Stream(List<RisuRecord> records, java.util.Map<Integer, String> faults, boolean ended, int endCount, String error) {
        /** The first fault's description, or null. */
        public String fault() { return faults.isEmpty() ? null : faults.values().iterator().next(); }

        public Stream withError(String e) { return new Stream(records, faults, ended, endCount, e); }
    }

    public static Stream parse(byte[] out) {
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        List<RisuRecord> list = new ArrayList<>();
        java.util.Map<Integer, String> faults = new java.util.LinkedHashMap<>();
        while (b.remaining() >= 4) {
            int at = b.position();
            int magic = b.getInt();
            if (magic == MAGIC) {
                if (b.remaining() < 68 + 256) return new Stream(list, faults, false, 0, "truncated record at offset " + at);
                int idx = b.getInt(), sp = b.getInt(), apsr = b.getInt();
                int[] r = new int[13];
                for (int i = 0; i < 13; i++) r[i] = b.getInt();
                int lr = b.getInt();
                byte[] w = new byte[256];
                b.get(w);
                list.add(new RisuRecord(idx, r, sp, lr, apsr & APSR_MASK, w));
            } else if (magic == FAULT) {
                if (b.remaining() < 68) return new Stream(list, faults, false, 0, "truncated fault record at offset " + at);
                int idx = b.getInt(), ipsr = b.getInt(), cfsr = b.getInt(), hfsr = b.getInt(), pc = b.getInt();
                b.position(b.position() + 48);
                faults.put(idx, String.format("fault in case %d: exception %d, CFSR %08x, HFSR %08x, stacked pc %08x", idx, ipsr, cfsr, hfsr, pc));
            } else if (magic == END) {
                int n = b.remaining() >= 4 ? b.getInt() : -1;
                return new Stream(list, faults, true, n, null);
            } else {
                return new Stream(list, faults, false, 0, String.format("unexpected bytes at offset %d: %08x", at, magic));
            }
        }
        return new Stream(list, faults, false, 0, "output ended without an end marker");
    }

    /** Differences against another record of the same case, one line each; empty when equal. */
    public List<String> diff(RisuRecord o, String me, String other) {
        List<String> d = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            if (regs[i] != o.regs[i]) d.add(String.format("r%d: %s %08x, %s %08x", i, me, regs[i], other, o.regs[i]));
        }
        if (sp != o.sp) d.add(String.format("sp: %s %08x, %s %08x", me, sp, other, o.sp));
        if (lr != o.lr) d.add(String.format("lr: %s %08x, %s %08x", me, lr, other, o.lr));
        if (apsr != o.apsr) d.add(String.format("apsr: %s %08x (%s), %s %08x (%s)", me, apsr, flags(apsr), other, o.apsr, flags(o.apsr)));
        if (!Arrays.equals(window, o.window)) {
            StringBuilder sb = new StringBuilder("window bytes differ at");
            int shown = 0;
            for (int i = 0; i < 256; i++) {
                if (window[i] != o.window[i]) {
                    if (shown++ < 12) sb.append(String.format(" +%d(%02x/%02x)", i, window[i] & 0xff, o.window[i] & 0xff));
                }
            }
            if (shown > 12) sb.append(" ... (").append(shown).append(" bytes)");
            d.add(sb.toString());
        }
        return d;
    }

    public static String flags(int apsr) {
        StringBuilder s = new StringBuilder();
        s.append((apsr & 0x80000000) != 0 ? 'N' : '-').append((apsr & 0x40000000) != 0 ? 'Z' : '-')
                .append((apsr & 0x20000000) != 0 ? 'C' : '-').append((apsr & 0x10000000) != 0 ? 'V' : '-')
                .append((apsr & 0x08000000) != 0 ? 'Q' : '-').append(" GE=");
        for (int i = 3; i >= 0; i--) s.append((apsr >>> (16 + i)) & 1);
        return s.toString();
    }
}
