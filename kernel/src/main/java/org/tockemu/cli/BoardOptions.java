package org.tockemu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tockemu.boards.BoardConfig;
import picocli.CommandLine.Option;

/** Options shared by `run` and `demo`: the board, the engine and how long to run. */
public final class BoardOptions {
    @Option(names = "--board", paramLabel = "FILE", description = "Board description (TOML); default: the built-in nRF52840-DK.")
    Path board;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "jit", description = "Execution engine: jit (default) or interp.")
    String engine;

    @Option(names = "--until", paramLabel = "TIME", description = "Stop at this virtual time, e.g. 10s, 250ms, 2h, 3d.")
    String until;

    @Option(names = "--cycles", paramLabel = "N", description = "Stop after N virtual CPU cycles.")
    Long cycles;

    @Option(names = "--exit-when-idle", description = "Stop as soon as no process can run and no event is pending.")
    boolean exitWhenIdle;

    @Option(names = "--scheduler", paramLabel = "NAME", description = "round-robin, cooperative or priority (overrides the board).")
    String scheduler;

    @Option(names = "--fault-policy", paramLabel = "POLICY", description = "panic, stop, restart, restart:N, restart-then-panic:N (overrides the board).")
    String faultPolicy;

    @Option(names = "--timeslice", paramLabel = "US", description = "Round-robin timeslice in microseconds (overrides the board).")
    Long timesliceUs;

    @Option(names = "--stats", paramLabel = "FILE.json", description = "Write run statistics as JSON.")
    Path stats;

    @Option(names = "--button", paramLabel = "IDX@TIME=press|release", description = "Script a button edge, e.g. 0@2s=press. Repeatable.")
    List<String> buttons = new ArrayList<>();

    @Option(names = "--input", paramLabel = "TEXT", description = "Bytes for the console's receive side (\\n for newline).")
    String input;

    @Option(names = "--temperature", paramLabel = "CELSIUS", description = "Temperature sensor reading, e.g. 23.5.")
    Double temperature;

    @Option(names = "--seed", paramLabel = "N", description = "RNG seed (overrides the board).")
    Long seed;

    @Option(names = "--show-leds", description = "Print LED changes on stderr.")
    boolean showLeds;

    @Option(names = "--summary", description = "Print a one-line summary (virtual vs wall time, MIPS, sleep) on stderr at the end.")
    boolean summary;

    @Option(names = "--process-console", description = "Enable Tock's process console on the UART input (see --input).")
    boolean processConsole;

    BoardConfig config() throws IOException {
        BoardConfig c = board == null ? BoardConfig.builtin() : BoardConfig.load(board);
        if (scheduler != null) c.set("kernel.scheduler", "\"" + scheduler + "\"");
        if (faultPolicy != null) c.set("kernel.fault_policy", "\"" + faultPolicy + "\"");
        if (timesliceUs != null) c.set("kernel.timeslice_us", Long.toString(timesliceUs));
        if (processConsole) c.set("peripherals.process_console", "true");
        if (seed != null) c.set("peripherals.rng_seed", Long.toString(seed));
        if (temperature != null) c.set("peripherals.temperature_centi_c", Long.toString(Math.round(temperature * 100)));
        return c;
    }

    /** Parses a virtual duration: a number with unit us, ms, s, m, h or d. Returns microseconds. */
    static long parseDurationUs(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        String[][] units = {{"us", "1"}, {"ms", "1000"}, {"s", "1000000"}, {"m", "60000000"}, {"h", "3600000000"}, {"d", "86400000000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0]) && !(u[0].equals("s") && (t.endsWith("us") || t.endsWith("ms"))) && !(u[0].equals("m") && t.endsWith("ms"))) {
                String num = t.substring(0, t.length() - u[0].length());
                try {
                    double v = Double.parseDouble(num);
                    if (v < 0 || Double.isNaN(v)) break;
                    return Math.round(v * Long.parseLong(u[1]));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a duration (e.g. 10s, 250ms, 500us, 2m, 3h, 1d)");
    }
}
