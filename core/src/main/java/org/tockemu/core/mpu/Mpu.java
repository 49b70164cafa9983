package org.tockemu.core.mpu;

import org.tockemu.core.cpu.Cpu;

/**
 * PMSAv7 memory protection unit of a Cortex-M4. STUB: being written (regions, subregions, AP/XN,
 * PRIVDEFENA, registers at 0xE000ED90). Until then it allows everything.
 */
public final class Mpu {
    private final Cpu cpu;

    public Mpu(Cpu cpu) { this.cpu = cpu; }

    /** True when an access of kind (Access.READ/WRITE/EXECUTE) at addr is permitted at the given privilege. */
    public boolean allows(int addr, int kind, boolean privileged) { return true; }

    /**
     * The maximal range around addr with the same permission for this access kind, packed as
     * (start & 0xFFFFFFFFL) | ((long) length << 32); length 0 when the access is not permitted.
     * A length of 2^32 is reported as 0xFFFFFFE0 (callers clip to a memory region anyway).
     */
    public long span(int addr, int kind, boolean privileged) {
        return allows(addr, kind, privileged) ? (0xFFFFFFE0L << 32) : 0;
    }
}
