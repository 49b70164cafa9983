package org.tockemu.kernel.tbf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code metadata.toml} of a TAB, read with a small hand-written TOML subset parser:
 * {@code key = value} lines, {@code [table]} headers (keys become {@code table.key}), comments,
 * basic and literal strings, integers, booleans, single-line arrays; anything else (such as
 * elf2tab's unquoted RFC 3339 {@code build-date}) is kept as its raw text.
 */
public final class TabMetadata {
    private final Map<String, Object> values;

    private TabMetadata(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** All keys and values (String, Long, Boolean or List&lt;Object&gt;), in file order. */
    public Map<String, Object> values() {
        return values;
    }

    public Optional<String> name() {
        return string("name");
    }

    /** tab-version (1 for every TAB elf2tab writes). */
    public Optional<Long> tabVersion() {
        Object v = values.get("tab-version");
        return v instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** build-date as written (RFC 3339); absent in deterministic TABs. */
    public Optional<String> buildDate() {
        return string("build-date");
    }

    /** minimum-tock-kernel-version as "M.m". */
    public Optional<String> minimumTockKernelVersion() {
        return string("minimum-tock-kernel-version");
    }

    /** The boards listed in only-for-boards (comma-separated string or array); empty = any board. */
    public List<String> onlyForBoards() {
        Object v = values.get("only-for-boards");
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String p : s.split(",")) if (!p.isBlank()) out.add(p.trim());
        } else if (v instanceof List<?> l) {
            for (Object o : l) if (o != null && !o.toString().isBlank()) out.add(o.toString().trim());
        }
        return out;
    }

    private Optional<String> string(String key) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    /** Parses metadata text; {@code file} names the TAB in error messages. */
    public static TabMetadata parse(String text, String file) throws TbfFormatException {
        Map<String, Object> values = new LinkedHashMap<>();
        String table = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = "metadata.toml line " + (i + 1);
            Cursor c = new Cursor(lines[i], file, where);
            c.skipWs();
            if (c.end() || c.peek() == '#') continue;
            if (c.peek() == '[') {
                int close = lines[i].indexOf(']');
                if (close < 0) throw c.error("unterminated table header");
                table = lines[i].substring(lines[i].indexOf('[') + 1, close).trim() + ".";
                continue;
            }
            String key = c.key();
            c.skipWs();
            if (c.end() || c.peek() != '=') throw c.error("expected '=' after key '" + key + "'");
            c.pos++;
            c.skipWs();
            Object v = c.value();
            c.skipWs();
            if (!c.end() && c.peek() != '#') throw c.error("unexpected text after the value of '" + key + "'");
            values.put(table + key, v);
        }
        return new TabMetadata(values);
    }

    private static final class Cursor {
        final String s, file, where;
        int pos;

        Cursor(String s, String file, String where) {
            this.s = s;
            this.file = file;
            this.where = where;
        }

        boolean end() { return pos >= s.length(); }

        char peek() { return s.charAt(pos); }

        void skipWs() { while (!end() && (peek() == ' ' || peek() == '\t')) pos++; }

        TbfFormatException error(String msg) {
            return new TbfFormatException(file, where + ", column " + (pos + 1) + ": " + msg);
        }

        String key() throws TbfFormatException {
            if (!end() && (peek() == '"' || peek() == '\'')) return (String) value();
            int start = pos;
            while (!end() && (Character.isLetterOrDigit(peek()) || peek() == '-' || peek() == '_' || peek() == '.')) pos++;
            if (start == pos) throw error("expected a key");
            return s.substring(start, pos);
        }

        Object value() throws TbfFormatException {
            if (end()) throw error("missing value");
            char ch = peek();
            if (ch == '"') return basicString();
            if (ch == '\'') {
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) throw error("unterminated literal string");
                String v = s.substring(pos + 1, close);
                pos = close + 1;
                return v;
            }
            if (ch == '[') {
                pos++;
                List<Object> items = new ArrayList<>();
                while (true) {
                    skipWs();
                    if (end()) throw error("unterminated array (arrays must be on one line)");
                    if (peek() == ']') { pos++; return items; }
                    items.add(value());
                    skipWs();
                    if (!end() && peek() == ',') pos++;
                    else if (!end() && peek() != ']') throw error("expected ',' or ']' in array");
                }
            }
            int start = pos;
            while (!end() && peek() != '#' && peek() != ',' && peek() != ']') pos++;
            String raw = s.substring(start, pos).trim();
            pos = start + s.substring(start, pos).stripTrailing().length();
            if (raw.isEmpty()) throw error("missing value");
            if (raw.equals("true")) return Boolean.TRUE;
            if (raw.equals("false")) return Boolean.FALSE;
            String num = raw.replace("_", "");
            try {
                if (num.startsWith("0x")) return Long.parseLong(num.substring(2), 16);
                if (num.matches("[+-]?\\d+")) return Long.parseLong(num);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + raw + "'");
            }
            return raw;
        }

        private String basicString() throws TbfFormatException {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (end()) throw error("unterminated string");
                char ch = s.charAt(pos++);
                if (ch == '"') return sb.toString();
                if (ch != '\\') { sb.append(ch); continue; }
                if (end()) throw error("unterminated escape");
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'u', 'U' -> {
                        int n = e == 'u' ? 4 : 8;
                        if (pos + n > s.length()) throw error("short unicode escape");
                        try {
                            sb.appendCodePoint(Integer.parseInt(s.substring(pos, pos + n), 16));
                        } catch (IllegalArgumentException ex) {
                            throw error("bad unicode escape");
                        }
                        pos += n;
                    }
                    default -> throw error("unknown escape \\" + e);
                }
            }
        }
    }
}
