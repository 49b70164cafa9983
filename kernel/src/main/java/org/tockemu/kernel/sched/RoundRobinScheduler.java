package org.tockemu.kernel.sched;

import java.util.List;
import java.util.function.Predicate;
import org.tockemu.kernel.Process;

/**
 * Tock's default scheduler (capsules/system/src/scheduler/round_robin.rs): processes take turns in
 * load order with a fixed timeslice; a process interrupted by the kernel keeps the rest of its slice.
 */
public final class RoundRobinScheduler implements Scheduler {
    private final long timesliceUs;
    private int head;
    private Process current;
    private long remainingUs;
    private boolean reschedule;

    public RoundRobinScheduler(long timesliceUs) { this.timesliceUs = timesliceUs; }

    @Override public Decision next(List<Process> processes, Predicate<Process> ready) {
        if (reschedule && current != null && ready.test(current)) return new Decision(current, remainingUs);
        int n = processes.size();
        for (int i = 0; i < n; i++) {
            Process p = processes.get((head + i) % n);
            if (ready.test(p)) {
                head = (head + i + 1) % n; // next turn starts after this one
                current = p;
                remainingUs = timesliceUs;
                return new Decision(p, timesliceUs);
            }
        }
        current = null;
        return null;
    }

    @Override public void result(StopReason reason, long ranUs) {
        if (reason == StopReason.KERNEL_PREEMPTION && remainingUs > ranUs) {
            remainingUs -= ranUs;
            reschedule = true;
        } else {
            reschedule = false;
        }
    }

    @Override public String name() { return "round-robin"; }
}
