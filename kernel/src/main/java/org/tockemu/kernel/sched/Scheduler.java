package org.tockemu.kernel.sched;

import java.util.List;
import org.tockemu.kernel.Process;

/** Chooses which process runs next and for how long (Tock's Scheduler trait). */
public interface Scheduler {
    /** Why a process stopped running: the kernel reports it back through {@link #result}. */
    enum StopReason { KERNEL_PREEMPTION, TIMESLICE_EXPIRED, YIELDED, FAULTED, EXITED }

    /** A decision: the process to run and its timeslice in microseconds (0 = no timeslice). */
    record Decision(Process process, long timesliceUs) {}

    /** Picks among the processes; ready.test(p) says whether p can run now. Null: nothing ready (sleep). */
    Decision next(List<Process> processes, java.util.function.Predicate<Process> ready);

    /** Tells the scheduler how the last decision ended and how long the process ran. */
    void result(StopReason reason, long ranUs);

    String name();

    static Scheduler byName(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "round-robin": case "roundrobin": case "rr": return new RoundRobinScheduler(10_000);
            case "cooperative": case "coop": return new CooperativeScheduler();
            case "priority": case "fixed-priority": return new PriorityScheduler();
            default: throw new IllegalArgumentException("unknown scheduler '" + name + "' (round-robin, cooperative, priority)");
        }
    }
}
