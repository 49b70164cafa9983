package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;

/**
 * Exception model: NVIC, SCB, SysTick, exception entry and return. STUB: being written.
 */
public final class ExceptionUnit {
    private final Cpu cpu;

    public ExceptionUnit(Cpu cpu) { this.cpu = cpu; }

    /** CCR.UNALIGN_TRP. */
    public boolean unalignTrap() { return false; }

    /** Mask of implemented priority bits (e.g. 0xE0 for 3 bits). */
    public int priorityBitsMask() { return 0xFF; }

    /** ExecutionPriority() of the ARM ARM (-1 for HardFault/FAULTMASK, 256 in thread mode with no masks). */
    public int executionPriority() { return 256; }

    /** Called by an instruction that wrote EXC_RETURN to the PC in handler mode; performed after it completes. */
    public void requestExceptionReturn(int excReturn) { throw new UnsupportedOperationException(); }

    public void svc(int imm) { throw new UnsupportedOperationException(); }

    public void bkpt(int imm) { throw new UnsupportedOperationException(); }

    public void waitForInterrupt() { throw new UnsupportedOperationException(); }

    public void waitForEvent() { throw new UnsupportedOperationException(); }

    /** Cycle at which the next timed event (SysTick, peripheral timers) needs attention; Long.MAX_VALUE if none. */
    public long nextEventCycle() { return Long.MAX_VALUE; }

    /**
     * Called by the run loop between instructions when cpu.attention is set or the next event cycle
     * is reached: performs pending exception returns, advances timers, takes pending exceptions,
     * handles sleep. Returns a StopReason, or 0 to keep running. May throw GuestFault.
     */
    public int service(long budgetEndCycle) { return 0; }

    /** Takes the synchronous fault described by cpu.faultException/faultStatus/faultAddress at cpu.pc. */
    public void takeFault() { throw new IllegalStateException("fault " + cpu.faultException); }
}
