package org.tockemu.kernel;

import java.util.Map;
import java.util.TreeMap;

/** Counters the paper's evaluation and the --stats report need: syscalls, upcalls, grant bytes per driver. */
public final class KernelStats {
    public long syscalls, upcallsDelivered, upcallsDropped, contextSwitches, faults, restarts, sleeps;
    public long sleepCycles;
    /** Grant bytes allocated per driver number (summed over processes and restarts). */
    public final Map<Integer, Long> grantBytesByDriver = new TreeMap<>();
    public final Map<Integer, Long> grantAllocationsByDriver = new TreeMap<>();
    public final long[] syscallsByClass = new long[8];

    void grantAllocated(int driver, int bytes) {
        grantBytesByDriver.merge(driver, (long) bytes, Long::sum);
        grantAllocationsByDriver.merge(driver, 1L, Long::sum);
    }
}
