package org.tockemu.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tockemu.boards.Board;
import org.tockemu.core.mem.UncheckedMemory;
import org.tockemu.core.util.Json;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessLoader;

/** Builds a board from the options, loads apps, scripts inputs, runs the kernel and reports. */
final class BoardRun {
    private BoardRun() {}

    /** Returns the process exit code: 0, or 1 when the kernel panicked or nothing loaded. */
    static int run(BoardOptions o, List<ProcessLoader.App> apps, PrintStream out, PrintStream err) throws IOException {
        var cfg = o.config();
        Board[] ref = new Board[1];
        Board board = new Board(cfg, out, o.engine, err, !o.showLeds ? null : i -> err.printf("[led %6.3fs] LED%d %s%n",
                ref[0].kernel.now() / (double) ref[0].kernel.clockHz(), i, ref[0].led.isOn(i) ? "on" : "off"));
        ref[0] = board;
        ProcessLoader.Result r = board.load(apps);
        for (String e : r.errors()) err.println("tockemu: " + e);
        if (r.processes().isEmpty()) {
            err.println("tockemu: no process could be loaded");
            return 1;
        }
        Kernel k = board.kernel;
        for (String b : o.buttons) scriptButton(board, b);
        if (o.input != null) board.uartInput(o.input.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));

        long until = Long.MAX_VALUE;
        if (o.until != null) until = k.cyclesForMicros(BoardOptions.parseDurationUs(o.until));
        if (o.cycles != null) until = Math.min(until, o.cycles);
        boolean idleExit = o.exitWhenIdle || until == Long.MAX_VALUE;
        long t0 = System.nanoTime();
        Kernel.Outcome outcome = k.run(until, idleExit);
        double wall = (System.nanoTime() - t0) / 1e9;
        out.flush();
        if (o.stats != null) Files.writeString(o.stats, statsJson(board, outcome, wall) + "\n");
        if (o.summary) err.println(summary(board, outcome, wall));
        return outcome == Kernel.Outcome.PANIC ? 1 : 0;
    }

    private static void scriptButton(Board board, String spec) {
        // IDX@TIME=press|release
        int at = spec.indexOf('@'), eq = spec.indexOf('=');
        if (at <= 0 || eq < at) throw new IllegalArgumentException("--button " + spec + ": expected IDX@TIME=press|release");
        int idx;
        try {
            idx = Integer.parseInt(spec.substring(0, at));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--button " + spec + ": bad button index");
        }
        long us = BoardOptions.parseDurationUs(spec.substring(at + 1, eq));
        String what = spec.substring(eq + 1);
        if (!what.equals("press") && !what.equals("release")) throw new IllegalArgumentException("--button " + spec + ": press or release");
        if (idx < 0 || idx >= board.button.count()) throw new IllegalArgumentException("--button " + spec + ": the board has " + board.button.count() + " buttons");
        boolean press = what.equals("press");
        board.kernel.schedule(board.kernel.cyclesForMicros(us), () -> board.button.set(idx, press));
    }

    /** One human-readable line: virtual vs wall time, speed, and where the time went. */
    static String summary(Board board, Kernel.Outcome outcome, double wall) {
        Kernel k = board.kernel;
        double virt = board.cpu.cycles / (double) k.clockHz();
        double asleep = board.cpu.cycles == 0 ? 0 : 100.0 * k.stats.sleepCycles / board.cpu.cycles;
        return String.format("tockemu: %s after %.3f s of virtual time in %.2f s of wall time (%.0fx real time); "
                + "%,d instructions (%.1f MIPS), %.1f%% asleep, %d syscalls, %d faults",
                outcome.name().toLowerCase().replace('_', ' '), virt, wall, wall > 0 ? virt / wall : 0,
                board.cpu.instructions, wall > 0 ? board.cpu.instructions / wall / 1e6 : 0, asleep, k.stats.syscalls, k.stats.faults);
    }

    static String statsJson(Board board, Kernel.Outcome outcome, double wall) {
        Kernel k = board.kernel;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome.name().toLowerCase());
        m.put("engine", board.engineName);
        m.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version()); // the JIT's speed depends on it
        m.put("memory_access", UncheckedMemory.mode()); // fast paths behind the MPU windows: unchecked or checked
        m.put("instructions", board.cpu.instructions);
        m.put("cycles", board.cpu.cycles);
        m.put("virtual_seconds", board.cpu.cycles / (double) k.clockHz());
        m.put("wall_seconds", wall);
        m.put("mips", wall > 0 ? board.cpu.instructions / wall / 1e6 : 0);
        m.put("sleep_cycles", k.stats.sleepCycles);
        m.put("syscalls", k.stats.syscalls);
        m.put("context_switches", k.stats.contextSwitches);
        m.put("upcalls_delivered", k.stats.upcallsDelivered);
        m.put("upcalls_dropped", k.stats.upcallsDropped);
        m.put("faults", k.stats.faults);
        m.put("restarts", k.stats.restarts);
        Map<String, Object> grants = new LinkedHashMap<>();
        k.stats.grantBytesByDriver.forEach((d, b) -> grants.put(String.format("0x%x", d), b));
        m.put("grant_bytes_by_driver", grants);
        List<Object> procs = new java.util.ArrayList<>();
        for (Process p : k.processes()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name);
            pm.put("state", p.state().label);
            pm.put("restarts", p.restartCount());
            pm.put("completion_code", p.completionCode());
            pm.put("mem_start", p.memStart);
            pm.put("mem_len", p.memLen);
            pm.put("app_break", p.appBreak());
            pm.put("kernel_memory_used", p.kernelMemoryUsed());
            procs.add(pm);
        }
        m.put("processes", procs);
        m.putAll(board.engine.stats());
        return Json.write(m);
    }
}
