package org.tockemu.kernel;

/** Tock's process states (kernel/src/process.rs). */
public enum ProcessState {
    RUNNING("Running"), YIELDED("Yielded"), YIELDED_FOR("YieldedFor"), STOPPED_RUNNING("StoppedRunning"),
    STOPPED_YIELDED("StoppedYielded"), FAULTED("Faulted"), TERMINATED("Terminated");

    public final String label;

    ProcessState(String label) { this.label = label; }

    public boolean isStopped() { return this == STOPPED_RUNNING || this == STOPPED_YIELDED; }

    public boolean isAlive() { return this != FAULTED && this != TERMINATED; }
}
