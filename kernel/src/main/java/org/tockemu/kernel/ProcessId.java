package org.tockemu.kernel;

/**
 * Names a process instance: its slot in the process table and a kernel-wide identifier that
 * changes on every restart, so a stale ProcessId (held by a capsule across a restart) no longer
 * matches and grants refuse it, as in Tock.
 */
public record ProcessId(int index, int identifier) {
    @Override public String toString() { return "ProcessId(" + index + ", " + identifier + ")"; }
}
