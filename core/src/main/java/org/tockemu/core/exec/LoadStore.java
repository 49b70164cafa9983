package org.tockemu.core.exec;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.decode.Insn;

/** Executor for the LoadStore group. STUB: being written. */
public final class LoadStore {
    private LoadStore() {}

    public static void execute(Cpu cpu, Insn in) {
        throw cpu.usageFault(org.tockemu.core.cpu.Fault.UNDEFINSTR);
    }
}
