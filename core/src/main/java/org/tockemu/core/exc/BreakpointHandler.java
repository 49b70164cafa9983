package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;

/**
 * Host handler for BKPT (semihosting uses imm 0xAB). Returns true when it handled the
 * breakpoint: the BKPT then completes like a NOP (the handler may change registers or call
 * cpu.requestStop). When it returns false the breakpoint is a debug event: HardFault (or
 * DebugMonitor when DEMCR.MON_EN is set), or a BREAKPOINT stop when a debugger is attached.
 */
public interface BreakpointHandler {
    boolean breakpoint(Cpu cpu, int imm);
}
