package org.tockemu.kernel;

/**
 * What the kernel does with a faulted process (capsules/system/src/process_policies.rs).
 * Threshold-restart restarts while restart_count <= threshold, then stops (or panics).
 */
public record FaultPolicy(Action action, int threshold, Action afterThreshold, boolean debug) {
    /** The three outcomes Tock's policies choose between. */
    public enum Action { PANIC, STOP, RESTART }

    public static FaultPolicy panic() { return new FaultPolicy(Action.PANIC, 0, Action.PANIC, true); }
    public static FaultPolicy stop() { return new FaultPolicy(Action.STOP, 0, Action.STOP, true); }
    public static FaultPolicy restart() { return new FaultPolicy(Action.RESTART, Integer.MAX_VALUE, Action.STOP, true); }
    public static FaultPolicy thresholdRestart(int n) { return new FaultPolicy(Action.RESTART, n, Action.STOP, true); }
    public static FaultPolicy thresholdRestartThenPanic(int n) { return new FaultPolicy(Action.RESTART, n, Action.PANIC, true); }

    /** The action for a process that has already been restarted restartCount times. */
    public Action decide(int restartCount) {
        if (action != Action.RESTART) return action;
        return restartCount <= threshold ? Action.RESTART : afterThreshold;
    }

    /** Parses "panic", "stop", "restart", "restart:N", "restart-then-panic:N". */
    public static FaultPolicy parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("panic")) return panic();
        if (t.equals("stop")) return stop();
        if (t.equals("restart")) return restart();
        try {
            if (t.startsWith("restart:")) return thresholdRestart(Integer.parseInt(t.substring(8)));
            if (t.startsWith("restart-then-panic:")) return thresholdRestartThenPanic(Integer.parseInt(t.substring(19)));
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("unknown fault policy '" + s + "' (panic, stop, restart, restart:N, restart-then-panic:N)");
    }
}
