package org.tockemu.kernel.tbf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human-readable and JSON dumps of TBF objects and TABs, in the spirit of
 * {@code tockloader inspect-tab}: every TLV with its offset, the derived addresses, the
 * footers, whether the checksum is right and whether this kernel would load the app.
 */
public final class TbfInspector {
    private TbfInspector() {
    }

    /**
     * Parses a TBF for inspection (a wrong checksum is reported, not fatal). Other structural
     * errors still throw.
     */
    public static TbfHeader inspect(byte[] tbf, String name) throws TbfFormatException {
        return TbfHeader.parseIgnoringChecksum(tbf, 0, name);
    }

    /** The text dump of one TBF. */
    public static String text(TbfHeader h) {
        StringBuilder sb = new StringBuilder();
        line(sb, "TBF %s: version %d, %s", h.name(), h.version(),
                h.isPadding() ? "padding object" : h.isEnabled() ? "enabled" : "DISABLED");
        row(sb, "header_size", h.headerSize());
        row(sb, "total_size", h.totalSize());
        line(sb, "  %-22s %10s 0x%08x%s%s", "flags", "", h.flags(), h.isEnabled() ? " enabled" : " disabled",
                h.isSticky() ? " sticky" : "");
        line(sb, "  %-22s %10s 0x%08x %s", "checksum", "", h.checksum(),
                h.checksumOk() ? "(ok)" : String.format("(BAD: computed 0x%08x)", h.computedChecksum()));
        for (TbfTlv t : h.tlvs()) {
            line(sb, "TLV %s (%d) at 0x%x, length %d", t.typeName(), t.type(), t.offset(), t.length());
            for (Map.Entry<String, Object> f : fields(t).entrySet()) field(sb, f.getKey(), f.getValue());
        }
        if (!h.isPadding()) {
            line(sb, "Derived (offsets from the TBF start):");
            row(sb, "protected_size", h.protectedSize());
            row(sb, "app_start", h.appStartOffset());
            row(sb, "init (entry)", h.initOffset());
            row(sb, "binary_end", h.binaryEndOffset());
            row(sb, "minimum_ram_size", h.minimumRamSize());
            line(sb, "  %-22s %s", "package_name", h.packageName().orElse("(none)"));
            line(sb, "  %-22s %s", "kernel_version", h.kernelVersion().map(k -> "^" + k.major() + "." + k.minor()).orElse("(none)"));
            line(sb, "  %-22s %s", "short_id", h.shortId().isPresent() ? String.format("0x%08x", h.shortId().getAsLong()) : "(none)");
            line(sb, "  %-22s %s", "fixed flash", h.fixedFlashAddress().isPresent()
                    ? String.format("0x%08x", h.fixedFlashAddress().getAsLong()) : "(PIC)");
            line(sb, "  %-22s %s", "fixed ram", h.fixedRamAddress().isPresent()
                    ? String.format("0x%08x", h.fixedRamAddress().getAsLong()) : "(PIC)");
        }
        if (!h.footers().isEmpty() || h.footerTrailingBytes() > 0) {
            line(sb, "Footers [0x%x, 0x%x):", h.binaryEndOffset(), h.totalSize());
            for (TbfTlv.Credentials c : h.footers()) {
                Boolean ok = h.verifyCredential(c);
                line(sb, "  Credentials at 0x%x: %s, %d data bytes%s", c.offset(), TbfTlv.Credentials.formatName(c.format()),
                        c.data().length, ok == null ? "" : ok ? " (hash ok)" : " (hash BAD)");
            }
            if (h.footerTrailingBytes() > 0) line(sb, "  %d trailing byte(s) of padding", h.footerTrailingBytes());
        }
        String load = loadProblem(h);
        line(sb, "Loadable by a %d.%d kernel: %s", TbfHeader.KERNEL_MAJOR, TbfHeader.KERNEL_MINOR, load == null ? "yes" : "no: " + load);
        return sb.toString();
    }

    /** The text dump of a TAB: metadata, entries, the selected TBF and every TBF. */
    public static String text(TabArchive tab) {
        StringBuilder sb = new StringBuilder();
        line(sb, "TAB %s", tab.name());
        tab.metadata().ifPresentOrElse(m -> {
            line(sb, "metadata.toml:");
            for (Map.Entry<String, Object> e : m.values().entrySet()) line(sb, "  %-28s %s", e.getKey(), e.getValue());
        }, () -> line(sb, "metadata.toml: (missing)"));
        String selected;
        try {
            selected = tab.select().fileName();
        } catch (TbfFormatException e) {
            selected = null;
        }
        line(sb, "entries:");
        for (TabArchive.Entry e : tab.entries())
            line(sb, "  %-40s %8d bytes%s", e.name(), e.data().length, e.name().equals(selected) ? "  <- selected for cortex-m4" : "");
        if (selected == null) line(sb, "no TBF usable on a cortex-m4 (wanted cortex-m4, cortex-m3 or cortex-m0)");
        for (TabArchive.TbfEntry t : tab.tbfs()) {
            sb.append('\n');
            try {
                sb.append(text(inspect(t.data(), t.fileName())));
            } catch (TbfFormatException e) {
                line(sb, "TBF %s: INVALID: %s", t.fileName(), e.getMessage());
            }
        }
        return sb.toString();
    }

    /** Why the kernel would refuse this app, or null if it would load it. */
    public static String loadProblem(TbfHeader h) {
        if (!h.checksumOk()) return "bad checksum";
        try {
            h.checkLoadable();
            return null;
        } catch (TbfFormatException e) {
            String m = e.getMessage();
            int i = m.indexOf("): ");
            return i >= 0 ? m.substring(i + 3) : m;
        }
    }

    /** JSON object for one TBF. */
    public static String json(TbfHeader h) {
        return Json.write(tbfMap(h));
    }

    /** JSON object for a TAB. */
    public static String json(TabArchive tab) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", tab.name());
        m.put("kind", "tab");
        m.put("metadata", tab.metadata().map(TabMetadata::values).orElse(null));
        String selected;
        try {
            selected = tab.select().fileName();
        } catch (TbfFormatException e) {
            selected = null;
        }
        m.put("selected", selected);
        List<Object> entries = new ArrayList<>();
        for (TabArchive.Entry e : tab.entries()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("name", e.name());
            em.put("size", e.data().length);
            entries.add(em);
        }
        m.put("entries", entries);
        List<Object> tbfs = new ArrayList<>();
        for (TabArchive.TbfEntry t : tab.tbfs()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.fileName());
            tm.put("arch", t.arch());
            tm.put("fixed_flash", t.flashAddress().isPresent() ? t.flashAddress().getAsLong() : null);
            tm.put("fixed_ram", t.ramAddress().isPresent() ? t.ramAddress().getAsLong() : null);
            try {
                tm.put("tbf", tbfMap(inspect(t.data(), t.fileName())));
            } catch (TbfFormatException e) {
                tm.put("error", e.getMessage());
            }
            tbfs.add(tm);
        }
        m.put("tbfs", tbfs);
        return Json.write(m);
    }

    static Map<String, Object> tbfMap(TbfHeader h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", h.name());
        m.put("kind", "tbf");
        m.put("version", h.version());
        m.put("header_size", h.headerSize());
        m.put("total_size", h.totalSize());
        m.put("flags", h.flags());
        m.put("enabled", h.isEnabled());
        m.put("sticky", h.isSticky());
        m.put("padding", h.isPadding());
        m.put("checksum", h.checksum());
        m.put("checksum_computed", h.computedChecksum());
        m.put("checksum_ok", h.checksumOk());
        List<Object> tlvs = new ArrayList<>();
        for (TbfTlv t : h.tlvs()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("type", t.type());
            tm.put("name", t.typeName());
            tm.put("offset", t.offset());
            tm.put("length", t.length());
            tm.putAll(fields(t));
            tlvs.add(tm);
        }
        m.put("tlvs", tlvs);
        if (!h.isPadding()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("protected_size", h.protectedSize());
            d.put("app_start_offset", h.appStartOffset());
            d.put("init_offset", h.initOffset());
            d.put("binary_end_offset", h.binaryEndOffset());
            d.put("minimum_ram_size", h.minimumRamSize());
            d.put("package_name", h.packageName().orElse(null));
            d.put("kernel_version", h.kernelVersion().map(k -> k.major() + "." + k.minor()).orElse(null));
            d.put("short_id", h.shortId().isPresent() ? h.shortId().getAsLong() : null);
            d.put("fixed_flash", h.fixedFlashAddress().isPresent() ? h.fixedFlashAddress().getAsLong() : null);
            d.put("fixed_ram", h.fixedRamAddress().isPresent() ? h.fixedRamAddress().getAsLong() : null);
            m.put("derived", d);
        }
        List<Object> footers = new ArrayList<>();
        for (TbfTlv.Credentials c : h.footers()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("offset", c.offset());
            fm.put("length", c.length());
            fm.put("format", c.format());
            fm.put("format_name", TbfTlv.Credentials.formatName(c.format()));
            fm.put("data_length", c.data().length);
            fm.put("verified", h.verifyCredential(c));
            footers.add(fm);
        }
        m.put("footers", footers);
        m.put("footer_trailing_bytes", h.footerTrailingBytes());
        String load = loadProblem(h);
        m.put("loadable", load == null);
        m.put("load_problem", load);
        return m;
    }

    /** Decoded payload fields of a TLV (names as in Tock's and elf2tab's sources). */
    static Map<String, Object> fields(TbfTlv t) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (t instanceof TbfTlv.Main m) {
            f.put("init_fn_offset", m.initFnOffset());
            f.put("protected_trailer_size", m.protectedTrailerSize());
            f.put("minimum_ram_size", m.minimumRamSize());
        } else if (t instanceof TbfTlv.Program p) {
            f.put("init_fn_offset", p.initFnOffset());
            f.put("protected_trailer_size", p.protectedTrailerSize());
            f.put("minimum_ram_size", p.minimumRamSize());
            f.put("binary_end_offset", p.binaryEndOffset());
            f.put("app_version", p.version());
        } else if (t instanceof TbfTlv.WriteableFlashRegions w) {
            List<Object> regions = new ArrayList<>();
            for (TbfTlv.Region r : w.regions()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("offset", r.offset());
                rm.put("size", r.size());
                regions.add(rm);
            }
            f.put("regions", regions);
        } else if (t instanceof TbfTlv.PackageName n) {
            f.put("package_name", n.name());
        } else if (t instanceof TbfTlv.FixedAddresses a) {
            f.put("start_process_ram", a.ramStart());
            f.put("start_process_flash", a.flashStart());
        } else if (t instanceof TbfTlv.Permissions p) {
            List<Object> perms = new ArrayList<>();
            for (TbfTlv.DriverPermission d : p.permissions()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("driver", d.driver());
                dm.put("offset", d.offset());
                dm.put("allowed_commands", d.allowedCommands());
                perms.add(dm);
            }
            f.put("permissions", perms);
        } else if (t instanceof TbfTlv.StoragePermissions s) {
            f.put("write_id", s.writeId());
            f.put("read_ids", new ArrayList<Object>(s.readIds()));
            f.put("modify_ids", new ArrayList<Object>(s.modifyIds()));
        } else if (t instanceof TbfTlv.KernelVersion k) {
            f.put("major", k.major());
            f.put("minor", k.minor());
        } else if (t instanceof TbfTlv.ShortId s) {
            f.put("short_id", s.shortId());
        } else if (t instanceof TbfTlv.Credentials c) {
            f.put("format", c.format());
            f.put("data_length", c.data().length);
        } else if (t instanceof TbfTlv.Unknown u) {
            f.put("payload_length", u.payload().length);
            if (u.type() == TbfTlv.MAIN || u.type() == TbfTlv.PROGRAM) f.put("ignored", "repeated; Tock uses the first one");
        }
        return f;
    }

    private static void field(StringBuilder sb, String key, Object v) {
        if (v instanceof Long || v instanceof Integer) {
            long n = ((Number) v).longValue();
            line(sb, "  %-22s %10d 0x%08x", key, n, n);
        } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
            int i = 0;
            for (Object o : l) {
                StringBuilder row = new StringBuilder();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet())
                    row.append(String.format(" %s=0x%x", e.getKey(), ((Number) e.getValue()).longValue()));
                line(sb, "  %-22s%s", key + "[" + i++ + "]", row);
            }
        } else {
            line(sb, "  %-22s %s", key, v);
        }
    }

    private static void row(StringBuilder sb, String key, long v) {
        line(sb, "  %-22s %10d 0x%08x", key, v, v);
    }

    private static void line(StringBuilder sb, String fmt, Object... args) {
        sb.append(String.format(fmt, args)).append('\n');
    }

    /** A tiny JSON writer for maps, lists, strings, numbers, booleans and null. */
    static final class Json {
        static String write(Object o) {
            StringBuilder sb = new StringBuilder();
            write(sb, o, 0);
            return sb.append('\n').toString();
        }

        private static void write(StringBuilder sb, Object o, int indent) {
            if (o == null) sb.append("null");
            else if (o instanceof String s) string(sb, s);
            else if (o instanceof Number || o instanceof Boolean) sb.append(o);
            else if (o instanceof Map<?, ?> m) {
                if (m.isEmpty()) { sb.append("{}"); return; }
                sb.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append("  ".repeat(indent + 1));
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent + 1);
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                sb.append("  ".repeat(indent)).append('}');
            } else if (o instanceof List<?> l) {
                if (l.isEmpty()) { sb.append("[]"); return; }
                sb.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    sb.append("  ".repeat(indent + 1));
                    write(sb, l.get(i), indent + 1);
                    sb.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                sb.append("  ".repeat(indent)).append(']');
            } else string(sb, o.toString());
        }

        private static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            sb.append('"');
        }
    }
}
