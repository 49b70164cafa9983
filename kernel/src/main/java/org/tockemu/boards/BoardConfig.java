package org.tockemu.boards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A board description: a small TOML subset ([section] headers, key = value with integers in
 * decimal or 0x hex, with _ separators, "strings", true/false, # comments). The built-in default
 * is resources/org/tockemu/boards/nrf52840dk.toml; users copy and edit it and pass --board FILE.
 * Unknown keys are errors, so a typo never silently falls back to a default.
 */
public final class BoardConfig {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final String source;

    private static final String[] KNOWN = {
        "board.name", "board.chip", "board.clock_hz", "board.priority_bits", "board.irqs",
        "memory.flash_start", "memory.flash_size", "memory.ram_start", "memory.ram_size",
        "memory.app_flash_start", "memory.app_ram_start", "memory.kernel_stack_top",
        "kernel.scheduler", "kernel.timeslice_us", "kernel.fault_policy", "kernel.syscall_filter", "kernel.max_processes",
        "peripherals.leds", "peripherals.buttons", "peripherals.gpio_pins", "peripherals.uart_baud",
        "peripherals.rtc_hz", "peripherals.rtc_bits", "peripherals.rng_seed", "peripherals.temperature_centi_c",
        "peripherals.process_console", "peripherals.read_only_state",
        "peripherals.humidity_centi_percent", "peripherals.ambient_light_lux", "peripherals.pressure_hpa",
        "peripherals.sound_pressure_db", "peripherals.proximity", "peripherals.accelerometer_mg",
        "peripherals.magnetometer", "peripherals.gyroscope_dps", "peripherals.adc_channels", "peripherals.adc_sample", "peripherals.adc_mode",
        "peripherals.rtc_date",
    };

    private BoardConfig(String source) { this.source = source; }

    public static BoardConfig builtin() {
        try (InputStream in = BoardConfig.class.getResourceAsStream("/org/tockemu/boards/nrf52840dk.toml")) {
            if (in == null) throw new IllegalStateException("built-in board description missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in nrf52840dk.toml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BoardConfig load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    public static BoardConfig parse(String text, String source) {
        BoardConfig c = new BoardConfig(source);
        String section = "";
        String[] rows = text.split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String line = stripComment(rows[i]).trim();
            if (line.isEmpty()) continue;
            int lineNo = i + 1;
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) throw c.error(lineNo, "unterminated section header");
                section = line.substring(1, line.length() - 1).trim();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) throw c.error(lineNo, "expected 'key = value'");
            String key = (section.isEmpty() ? "" : section + ".") + line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (!java.util.Arrays.asList(KNOWN).contains(key)) throw c.error(lineNo, "unknown key '" + key + "'");
            c.values.put(key, value);
            c.lines.put(key, lineNo);
        }
        return c;
    }

    private static String stripComment(String s) {
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') inString = !inString;
            else if (ch == '#' && !inString) return s.substring(0, i);
        }
        return s;
    }

    private IllegalArgumentException error(int line, String msg) {
        return new IllegalArgumentException(source + ":" + line + ": " + msg);
    }

    /** Overrides a value (CLI options win over the file). */
    public void set(String key, String value) {
        if (!java.util.Arrays.asList(KNOWN).contains(key)) throw new IllegalArgumentException("unknown board key '" + key + "'");
        values.put(key, value);
    }

    public String string(String key, String dflt) {
        String v = values.get(key);
        if (v == null) return dflt;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) return v.substring(1, v.length() - 1);
        throw error(lines.getOrDefault(key, 0), key + ": expected a \"string\", found " + v);
    }

    public long number(String key, long dflt) {
        String v = values.get(key);
        if (v == null) return dflt;
        String t = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error(lines.getOrDefault(key, 0), key + ": expected a number, found " + v);
        }
    }

    public boolean bool(String key, boolean dflt) {
        String v = values.get(key);
        if (v == null) return dflt;
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw error(lines.getOrDefault(key, 0), key + ": expected true or false, found " + v);
    }

    public String source() { return source; }
}
