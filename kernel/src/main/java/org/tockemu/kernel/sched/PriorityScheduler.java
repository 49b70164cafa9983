package org.tockemu.kernel.sched;

import java.util.List;
import java.util.function.Predicate;
import org.tockemu.kernel.Process;

/**
 * Tock's fixed-priority scheduler: the earliest-loaded ready process always runs; no timeslice, but
 * every kernel interruption re-decides, so a higher-priority process made ready by an event preempts.
 */
public final class PriorityScheduler implements Scheduler {
    @Override public Decision next(List<Process> processes, Predicate<Process> ready) {
        for (Process p : processes) if (ready.test(p)) return new Decision(p, 0);
        return null;
    }

    @Override public void result(StopReason reason, long ranUs) {}

    @Override public String name() { return "priority"; }
}
