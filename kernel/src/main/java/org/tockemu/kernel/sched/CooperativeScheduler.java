package org.tockemu.kernel.sched;

import java.util.List;
import java.util.function.Predicate;
import org.tockemu.kernel.Process;

/** Tock's cooperative scheduler: round robin without timeslices; a process runs until it yields. */
public final class CooperativeScheduler implements Scheduler {
    private int head;
    private Process current;
    private boolean reschedule;

    @Override public Decision next(List<Process> processes, Predicate<Process> ready) {
        if (reschedule && current != null && ready.test(current)) return new Decision(current, 0);
        int n = processes.size();
        for (int i = 0; i < n; i++) {
            Process p = processes.get((head + i) % n);
            if (ready.test(p)) {
                head = (head + i + 1) % n;
                current = p;
                return new Decision(p, 0);
            }
        }
        current = null;
        return null;
    }

    @Override public void result(StopReason reason, long ranUs) { reschedule = reason == StopReason.KERNEL_PREEMPTION; }

    @Override public String name() { return "cooperative"; }
}
