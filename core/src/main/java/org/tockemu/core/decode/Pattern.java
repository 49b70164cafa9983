package org.tockemu.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * An encoding pattern in the spirit of QEMU's decodetree: space-separated tokens, each either a run
 * of fixed bits ('0', '1', 'x' or '-' for don't-care) or a named field "name:width". Patterns are
 * 16 bits (a 16-bit instruction) or 32 bits (hw1 in bits 31..16, hw2 in bits 15..0). A field name
 * may appear more than once; its parts concatenate, most significant first.
 */
public final class Pattern {
    public final String text;
    public final int width;
    public final int mask;
    public final int value;
    private final String[] fieldNames;
    private final int[][] parts; // per field: list of (shift, width) pairs, most significant first

    public Pattern(String text) {
        this.text = text;
        List<String> names = new ArrayList<>();
        List<List<int[]>> partList = new ArrayList<>();
        List<Object[]> tokens = new ArrayList<>();
        int total = 0;
        for (String tok : tokens(text)) {
            int colon = tok.indexOf(':');
            if (colon > 0) {
                int w = Integer.parseInt(tok.substring(colon + 1));
                tokens.add(new Object[] {tok.substring(0, colon), w, Boolean.TRUE});
                total += w;
            } else {
                if (!isBits(tok)) throw new IllegalArgumentException("bad token " + tok + " in " + text);
                tokens.add(new Object[] {tok, tok.length(), Boolean.FALSE});
                total += tok.length();
            }
        }
        if (total != 16 && total != 32) throw new IllegalArgumentException("pattern is " + total + " bits: " + text);
        width = total;
        int m = 0, val = 0, pos = total;
        for (Object[] t : tokens) {
            String s = (String) t[0];
            int w = (Integer) t[1];
            pos -= w;
            if (!(Boolean) t[2]) {
                for (int i = 0; i < w; i++) {
                    char ch = s.charAt(i);
                    int bit = 1 << (pos + w - 1 - i);
                    if (ch == '0') m |= bit;
                    else if (ch == '1') { m |= bit; val |= bit; }
                }
            } else {
                int idx = names.indexOf(s);
                if (idx < 0) { names.add(s); partList.add(new ArrayList<>()); idx = names.size() - 1; }
                partList.get(idx).add(new int[] {pos, w});
            }
        }
        mask = m;
        value = val;
        fieldNames = names.toArray(new String[0]);
        parts = new int[names.size()][];
        for (int i = 0; i < parts.length; i++) {
            List<int[]> p = partList.get(i);
            parts[i] = new int[p.size() * 2];
            for (int j = 0; j < p.size(); j++) { parts[i][2 * j] = p.get(j)[0]; parts[i][2 * j + 1] = p.get(j)[1]; }
        }
    }

    /** Whitespace-separated tokens (like trim().split("\\s+"), without compiling a regex per pattern). */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0, n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (i > start) out.add(text.substring(start, i));
        }
        return out;
    }

    /** True for a non-empty run of '0', '1', 'x', '-' (a plain loop: a regex here costs ~0.1 ms a pattern at start-up). */
    private static boolean isBits(String tok) {
        if (tok.isEmpty()) return false;
        for (int i = 0; i < tok.length(); i++) {
            char c = tok.charAt(i);
            if (c != '0' && c != '1' && c != 'x' && c != '-') return false;
        }
        return true;
    }

    public boolean matches(int encoding) { return (encoding & mask) == value; }

    public Fields extract(int encoding) {
        int[] values = new int[fieldNames.length];
        for (int i = 0; i < fieldNames.length; i++) {
            int v = 0;
            int[] p = parts[i];
            for (int j = 0; j < p.length; j += 2) {
                int w = p[j + 1];
                v = (v << w) | ((encoding >>> p[j]) & ((1 << w) - 1));
            }
            values[i] = v;
        }
        return new Fields(fieldNames, values);
    }
}
