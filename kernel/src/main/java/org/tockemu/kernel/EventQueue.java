package org.tockemu.kernel;

import java.util.PriorityQueue;

/**
 * Kernel work scheduled on the virtual clock (cycles): capsule timers, deferred calls, scripted
 * inputs. Events at equal times run in the order they were scheduled, so runs are deterministic.
 */
public final class EventQueue {
    private record Event(long cycle, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) ->
            a.cycle != b.cycle ? Long.compare(a.cycle, b.cycle) : Long.compare(a.seq, b.seq));
    private long seq;

    /** Schedules action at the given cycle. */
    public void at(long cycle, Runnable action) { queue.add(new Event(cycle, seq++, action)); }

    /** Cycle of the earliest event, Long.MAX_VALUE when none. */
    public long nextCycle() { return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().cycle; }

    public boolean isEmpty() { return queue.isEmpty(); }

    /** Runs every event due at or before now; returns how many ran. */
    public int runDue(long now) {
        int n = 0;
        while (!queue.isEmpty() && queue.peek().cycle <= now) {
            queue.poll().action.run();
            n++;
        }
        return n;
    }
}
