package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.mem.BusError;

/**
 * The ARMv7-M exception model (ARM ARM B1.5) of a Cortex-M4: exception state (pending, active,
 * enabled, priority) for the system exceptions and the NVIC's external interrupts, priority
 * grouping and masking, exception entry and return ({@link ExceptionEntry}, {@link ExceptionReturn}),
 * synchronous faults with escalation and lockup, SVC/BKPT, WFI/WFE/sleep-on-exit with time
 * skipping over {@link TimedDevice}s, and host hooks for a kernel written in Java.
 *
 * <p>The registers software sees live in {@link Scb}, {@link Nvic}, {@link SysTick} and the MPU;
 * {@link SystemControlSpace} maps them at 0xE000E000.
 *
 * <p>Everything pends first and is taken by {@link #service} at the next instruction boundary:
 * the highest-priority pending enabled exception whose group priority is higher than the
 * execution priority. Tail-chaining and late arrival are not modelled as such; the observable
 * result (frames, LR, order of handlers) is the same as unstacking and stacking again.
 *
 * <p>Wiring a board: {@code cpu.exceptions.configure(irqs, priorityBits)},
 * {@code SystemControlSpace.map(bus, cpu)}, {@code addTimedDevice(timer)} for each timed
 * peripheral (which calls {@link #timingChanged()} when its schedule changes and
 * {@link #raiseIrq}/{@link #lowerIrq} for its line), {@code sysTick.setExternalClockDivider(..)},
 * {@code setBreakpointHandler(semihosting)}, then {@link #reset()}.
 *
 * <p>A kernel in Java: {@link #setHooked} the exceptions it handles (SVCall, SysTick, faults,
 * interrupts); the run loop returns StopReason.HOOK after the architectural entry (frame on the
 * process stack, handler mode, LR = EXC_RETURN); the kernel reads/writes the frame, maybe points
 * PSP at another process's frame, and resumes with {@link #returnFromException}. To enter the
 * first process from thread mode, pend a hooked exception ({@link #setPending}) and run: the
 * HOOK comes back at once.
 */
public final class ExceptionUnit {
    public static final int EXC_RETURN_HANDLER = 0xFFFFFFF1, EXC_RETURN_THREAD_MSP = 0xFFFFFFF9, EXC_RETURN_THREAD_PSP = 0xFFFFFFFD;

    public static final int CCR_NONBASETHRDENA = 1, CCR_USERSETMPEND = 2, CCR_UNALIGN_TRP = 1 << 3, CCR_DIV_0_TRP = 1 << 4,
            CCR_BFHFNMIGN = 1 << 8, CCR_STKALIGN = 1 << 9;
    static final int CCR_WRITABLE = CCR_NONBASETHRDENA | CCR_USERSETMPEND | CCR_UNALIGN_TRP | CCR_DIV_0_TRP | CCR_BFHFNMIGN | CCR_STKALIGN;
    public static final int SCR_SLEEPONEXIT = 1 << 1, SCR_SLEEPDEEP = 1 << 2, SCR_SEVONPEND = 1 << 4;
    public static final int DFSR_HALTED = 1, DFSR_BKPT = 1 << 1;
    public static final int DEMCR_MON_EN = 1 << 16;

    /**
     * Cortex-M4 exception timing (TRM 3.3.5, zero-wait-state memory): entry (stacking and vector
     * fetch) 12 cycles, return (unstacking) 10, a return directly followed by an entry (tail-chain) 6
     * for both. Charged to cpu.cycles when {@link #chargeExceptionCycles} is set.
     */
    public static final int ENTRY_CYCLES = 12, RETURN_CYCLES = 10, TAILCHAIN_CYCLES = 6;

    /** Sleep states of the core. */
    public static final int AWAKE = 0, SLEEP_WFI = 1, SLEEP_WFE = 2, SLEEP_ON_EXIT = 3;

    final Cpu cpu;
    public final SysTick sysTick;
    public final Scb scb;
    public final Nvic nvic;

    // ---- configuration ----
    int numIrq;
    int numExc;
    int prioBits;
    int prioMask;

    // ---- exception state, indexed by exception number ----
    int[] prio;
    int[] pendW, activeW, enableW, levelW, hookW;
    /** Group priority of the highest-priority active exception (256 when none). */
    int activePrio = 256;

    // ---- SCB state ----
    int vtor;
    /** VTOR value after reset (0 on Cortex-M4; boards may change it). */
    public int resetVtor;
    int ccr = CCR_STKALIGN;
    int scr;
    int prigroup;
    int groupMask = 0xFE;
    int cfsr, hfsr, dfsr, mmfar, bfar, afsr, actlr, demcr;

    // ---- core-side state ----
    boolean eventRegister;
    int sleeping;
    private boolean returnPending;
    private int returnValue;
    private int hookedException;
    private boolean lockedUp;
    private String lockupReport;
    private boolean resetRequested;

    private BreakpointHandler breakpointHandler;
    /** When set, an unhandled BKPT stops the run loop with StopReason.BREAKPOINT (PC at the BKPT). */
    public boolean debuggerAttached;
    /**
     * QEMU compatibility for the few places where QEMU's armv7m model differs from the architecture:
     * an unhandled BKPT escalates to HardFault with HFSR.FORCED instead of HFSR.DEBUGEVT, and DFSR
     * is not updated.
     */
    public boolean qemuCompat;

    private TimedDevice[] timed = new TimedDevice[0];
    /** Optional observer (traces, accounting); null when none. */
    ExceptionListener listener;

    // ---- statistics for the power model ----
    /** Cycles skipped while the core slept (WFI/WFE/sleep-on-exit). */
    public long sleepCycles;
    /** Of sleepCycles, those with SCR.SLEEPDEEP set. */
    public long deepSleepCycles;
    /** Number of exception entries. */
    public long entries;
    /** Whether exception entry/return cost cycles (ENTRY_CYCLES etc.); on by default. */
    public boolean chargeExceptionCycles = true;
    /** Return cycles not charged yet: a tail-chained entry replaces them. */
    private int deferredReturnCycles;

    public ExceptionUnit(Cpu cpu) {
        this.cpu = cpu;
        this.sysTick = new SysTick(this);
        this.scb = new Scb(this);
        this.nvic = new Nvic(this);
        configure(32, 8);
        addTimedDevice(sysTick);
    }

    // ================================================================== configuration

    /**
     * Sets the number of external interrupts (1..240; QEMU's mps2-an386 has 32, the nRF52840 48)
     * and of implemented priority bits (3..8; QEMU's v7-M NVIC implements 8, the nRF52840 3).
     * Clears all exception state.
     */
    public void configure(int externalInterrupts, int priorityBits) {
        if (externalInterrupts < 1 || externalInterrupts > 240) throw new IllegalArgumentException("interrupts: " + externalInterrupts);
        if (priorityBits < 3 || priorityBits > 8) throw new IllegalArgumentException("priority bits: " + priorityBits);
        numIrq = externalInterrupts;
        numExc = Fault.IRQ0 + numIrq;
        prioBits = priorityBits;
        prioMask = (0xFF << (8 - prioBits)) & 0xFF;
        int words = (numExc + 31) >>> 5;
        prio = new int[numExc];
        pendW = new int[words];
        activeW = new int[words];
        enableW = new int[words];
        levelW = new int[words];
        hookW = new int[words];
        resetExceptionState();
    }

    public int numIrq() { return numIrq; }

    public int priorityBits() { return prioBits; }

    /** Mask of implemented priority bits (e.g. 0xE0 for 3 bits). */
    public int priorityBitsMask() { return prioMask; }

    public void addTimedDevice(TimedDevice d) {
        TimedDevice[] n = java.util.Arrays.copyOf(timed, timed.length + 1);
        n[timed.length] = d;
        timed = n;
        cpu.attention = true;
    }

    /** A timed device's schedule changed: the run loop must recompute where it stops. */
    public void timingChanged() { cpu.attention = true; }

    public void setBreakpointHandler(BreakpointHandler h) { breakpointHandler = h; }

    /** Installs (or removes, with null) the exception observer. */
    public void setListener(ExceptionListener l) { listener = l; }

    public BreakpointHandler breakpointHandler() { return breakpointHandler; }

    // ================================================================== reset

    private void resetExceptionState() {
        java.util.Arrays.fill(prio, 0);
        prio[Fault.RESET] = -3;
        prio[Fault.NMI] = -2;
        prio[Fault.HARDFAULT] = -1;
        java.util.Arrays.fill(pendW, 0);
        java.util.Arrays.fill(activeW, 0);
        java.util.Arrays.fill(enableW, 0);
        java.util.Arrays.fill(levelW, 0);
        for (int e : new int[] {Fault.NMI, Fault.HARDFAULT, Fault.SVCALL, Fault.PENDSV, Fault.SYSTICK}) setBit(enableW, e, true);
        activePrio = 256;
        vtor = resetVtor;
        ccr = CCR_STKALIGN;
        scr = 0;
        setPrigroup(0);
        cfsr = hfsr = dfsr = mmfar = bfar = afsr = actlr = demcr = 0;
        eventRegister = false;
        sleeping = AWAKE;
        returnPending = false;
        hookedException = 0;
        lockedUp = false;
        lockupReport = null;
        resetRequested = false;
    }

    /**
     * Power-on / system reset (ARM ARM B1.5.5 TakeReset): clears the exception state, the SCB,
     * SysTick and MPU, puts the core in privileged thread mode on MSP, and loads MSP and the PC
     * from the vector table at VTOR (resetVtor). A reset vector with bit 0 clear leaves EPSR.T
     * clear, so the first instruction takes an INVSTATE UsageFault (escalated to HardFault).
     * A failing vector read locks the core up.
     */
    public void reset() {
        resetExceptionState();
        sysTick.reset();
        cpu.mpu.reset();
        for (int i = 0; i < 13; i++) cpu.r[i] = 0;
        cpu.primask = 0;
        cpu.faultmask = 0;
        cpu.basepri = 0;
        cpu.setModeAndControl(0, 0);
        cpu.setPsp(0);
        cpu.itState = 0;
        cpu.exclusiveOpen = false;
        cpu.r[14] = 0xFFFFFFFF;
        cpu.stopRequest = 0;
        cpu.invalidateWindows();
        int sp, pc;
        try {
            sp = cpu.bus.read(vtor, 4);
            pc = cpu.bus.read(vtor + 4, 4);
        } catch (BusError e) {
            lockup(String.format("reset: vector table at 0x%08x is not readable", vtor));
            return;
        }
        cpu.setMsp(sp);
        cpu.pc = pc & ~1;
        cpu.nextPc = cpu.pc;
        cpu.thumb = (pc & 1) != 0;
        cpu.attention = true;
        updateMpuPriority();
    }

    /** True (once) after the guest wrote AIRCR.SYSRESETREQ; the run loop stopped with REQUESTED. */
    public boolean takeResetRequest() {
        boolean r = resetRequested;
        resetRequested = false;
        return r;
    }

    void requestSystemReset() {
        resetRequested = true;
        cpu.requestStop(StopReason.REQUESTED);
    }

    // ================================================================== bit sets

    static boolean bit(int[] w, int e) { return (w[e >>> 5] & (1 << e)) != 0; }

    static void setBit(int[] w, int e, boolean v) {
        if (v) w[e >>> 5] |= 1 << e; else w[e >>> 5] &= ~(1 << e);
    }

    boolean valid(int exc) { return exc >= 1 && exc < numExc; }

    // ================================================================== priorities

    void setPrigroup(int g) {
        prigroup = g & 7;
        groupMask = (0xFF << (prigroup + 1)) & 0xFF;
        recomputeActivePrio();
    }

    /** Group priority of a priority value (negative fixed priorities are their own group). */
    int group(int p) { return p < 0 ? p : p & groupMask; }

    /** ExecutionPriority() of the ARM ARM: -1 for HardFault/FAULTMASK, 256 in thread mode with no masks. */
    public int executionPriority() {
        int p = activePrio;
        if (cpu.basepri != 0) p = Math.min(p, group(cpu.basepri & prioMask));
        if (cpu.primask != 0) p = Math.min(p, 0);
        if (cpu.faultmask != 0) p = Math.min(p, -1);
        return p;
    }

    void recomputeActivePrio() {
        int best = 256;
        for (int w = 0; w < activeW.length; w++) {
            int bits = activeW[w];
            while (bits != 0) {
                int e = (w << 5) + Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                best = Math.min(best, group(prio[e]));
            }
        }
        activePrio = best;
    }

    /** Current priority value of an exception (negative for Reset, NMI, HardFault). */
    public int priority(int exc) { return prio[exc]; }

    /** Sets a configurable priority (exceptions 4..; the value is masked to the implemented bits). */
    public void setPriority(int exc, int value) {
        if (exc < Fault.MEMMANAGE || exc >= numExc) return;
        prio[exc] = value & prioMask;
        if (bit(activeW, exc)) recomputeActivePrio();
        cpu.attention = true;
    }

    /** The highest-priority pending enabled exception, or 0 when none. */
    public int highestPending() {
        int best = 0, bestP = Integer.MAX_VALUE;
        for (int w = 0; w < pendW.length; w++) {
            int bits = pendW[w] & enableW[w];
            while (bits != 0) {
                int e = (w << 5) + Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (prio[e] < bestP) { bestP = prio[e]; best = e; }
            }
        }
        return best;
    }

    boolean canPreempt(int exc, int executionPriority) { return group(prio[exc]) < executionPriority; }

    // ================================================================== pending / active / enable

    public boolean isPending(int exc) { return valid(exc) && bit(pendW, exc); }

    public boolean isActive(int exc) { return valid(exc) && bit(activeW, exc); }

    public boolean isEnabled(int exc) { return valid(exc) && bit(enableW, exc); }

    /** Makes an exception pending (NMI, PendSV, SysTick, IRQs, or a fault as software would). */
    public void setPending(int exc) {
        if (!valid(exc) || exc == Fault.RESET) return;
        int w = exc >>> 5, b = 1 << exc;
        if ((pendW[w] & b) == 0) {
            pendW[w] |= b;
            if ((scr & SCR_SEVONPEND) != 0) eventRegister = true;
        }
        cpu.attention = true;
    }

    public void clearPending(int exc) {
        if (valid(exc)) setBit(pendW, exc, false);
    }

    /** Enables or disables an exception: external interrupts (NVIC ISER/ICER), MemManage/BusFault/UsageFault (SHCSR), DebugMonitor (DEMCR.MON_EN). */
    public void setEnabled(int exc, boolean on) {
        if (exc >= Fault.IRQ0 && exc < numExc || exc == Fault.MEMMANAGE || exc == Fault.BUSFAULT || exc == Fault.USAGEFAULT
                || exc == Fault.DEBUGMONITOR) {
            setBit(enableW, exc, on);
            cpu.attention = true;
        }
    }

    void setActive(int exc, boolean on) {
        setBit(activeW, exc, on);
        recomputeActivePrio();
    }

    int activeCount() {
        int n = 0;
        for (int w : activeW) n += Integer.bitCount(w);
        return n;
    }

    /** DeActivate() of the ARM ARM: clears the active bit, FAULTMASK unless returning from NMI; re-pends a still-asserted IRQ line. */
    void deactivate(int exc) {
        setActive(exc, false);
        if (exc != Fault.NMI) cpu.faultmask = 0;
        if (exc >= Fault.IRQ0 && bit(levelW, exc)) setPending(exc);
    }

    // ---- interrupt lines (peripherals) ----

    /** Asserts external interrupt line n (level-sensitive): pends IRQ n, and again after its handler returns while still asserted. */
    public void raiseIrq(int n) {
        int e = Fault.IRQ0 + n;
        if (!valid(e) || n < 0) return;
        if (!bit(levelW, e)) {
            setBit(levelW, e, true);
            setPending(e);
        }
    }

    public void lowerIrq(int n) {
        int e = Fault.IRQ0 + n;
        if (valid(e) && n >= 0) setBit(levelW, e, false);
    }

    /** A pulse on external interrupt line n: pends IRQ n once. */
    public void pulseIrq(int n) {
        if (n >= 0) setPending(Fault.IRQ0 + n);
    }

    // ---- host hooks ----

    /** Marks an exception as handled by the host: taking it performs the entry and stops the run loop with StopReason.HOOK. */
    public void setHooked(int exc, boolean hooked) {
        if (valid(exc)) setBit(hookW, exc, hooked);
    }

    /** Hooks or unhooks all external interrupts. */
    public void setAllIrqsHooked(boolean hooked) {
        for (int e = Fault.IRQ0; e < numExc; e++) setBit(hookW, e, hooked);
    }

    public boolean isHooked(int exc) { return valid(exc) && bit(hookW, exc); }

    void noteHooked(int exc) { hookedException = exc; }

    /** The exception whose entry made the run loop return StopReason.HOOK. */
    public int hookedException() { return hookedException; }

    /**
     * Architectural exception return performed by the host (the kernel resuming a process after
     * handling a hooked exception): as if the handler executed BX with excReturn.
     */
    public void returnFromException(int excReturn) {
        if (cpu.ipsr == 0) throw new IllegalStateException("returnFromException in thread mode");
        ExceptionReturn.perform(this, excReturn);
        cpu.attention = true;
    }

    // ================================================================== instruction hooks

    /** CCR.UNALIGN_TRP. */
    public boolean unalignTrap() { return (ccr & CCR_UNALIGN_TRP) != 0; }

    /** CCR.DIV_0_TRP: SDIV/UDIV by zero raise a DIVBYZERO UsageFault. */
    public boolean divideByZeroTrap() { return (ccr & CCR_DIV_0_TRP) != 0; }

    /** Called by an instruction that wrote EXC_RETURN to the PC in handler mode; performed after it completes. */
    public void requestExceptionReturn(int excReturn) {
        returnPending = true;
        returnValue = excReturn;
        cpu.attention = true;
    }

    /**
     * SVC: SVCall becomes pending and is taken right after the instruction (return address = the
     * next instruction); when it cannot be taken (priority, masks) it escalates to HardFault.
     */
    public void svc(int imm) {
        if (!pendSynchronous(Fault.SVCALL, executionPriority(), Fault.HFSR_FORCED)) return;
        cpu.attention = true;
    }

    /**
     * BKPT: the host handler first (semihosting); otherwise a debug event: stop for an attached
     * debugger (PC left at the BKPT), else DebugMonitor/HardFault taken with the BKPT as return address.
     */
    public void bkpt(int imm) {
        BreakpointHandler h = breakpointHandler;
        if (h != null && h.breakpoint(cpu, imm)) return;
        if (debuggerAttached) {
            cpu.nextPc = cpu.pc;
            if (!qemuCompat) dfsr |= DFSR_BKPT;
            cpu.requestStop(StopReason.BREAKPOINT);
            return;
        }
        throw cpu.fault(Fault.DEBUGMONITOR, 0, 0);
    }

    public void waitForInterrupt() {
        sleeping = SLEEP_WFI;
        cpu.attention = true;
    }

    public void waitForEvent() {
        if (eventRegister) {
            eventRegister = false;
            return;
        }
        sleeping = SLEEP_WFE;
        cpu.attention = true;
    }

    /** SEV: sets the event register (single core). */
    public void sendEvent() { eventRegister = true; }

    public boolean isSleeping() { return sleeping != AWAKE; }

    /** SCR.SLEEPDEEP, for the power model. */
    public boolean deepSleepSelected() { return (scr & SCR_SLEEPDEEP) != 0; }

    // ================================================================== faults

    /**
     * Makes a synchronous exception pending, escalating it to HardFault (with hfsrBits) when it is
     * disabled or its group priority does not exceed currentPriority; locks up when HardFault
     * cannot be taken either. Returns false on lockup.
     */
    boolean pendSynchronous(int exc, int currentPriority, int hfsrBits) {
        if (exc != Fault.HARDFAULT && exc != Fault.NMI) {
            if (!bit(enableW, exc) || group(prio[exc]) >= currentPriority) {
                hfsr |= hfsrBits;
                exc = Fault.HARDFAULT;
            }
        }
        if (group(prio[exc]) >= currentPriority) {
            lockup(String.format("%s while the execution priority is %d", FaultReport.exceptionName(exc), currentPriority));
            return false;
        }
        setPending(exc);
        return true;
    }

    /** Takes the synchronous fault described by cpu.faultException/faultStatus/faultAddress at cpu.pc. */
    public void takeFault() {
        if (lockedUp) {
            cpu.requestStop(StopReason.LOCKUP);
            return;
        }
        int exc = cpu.faultException, status = cpu.faultStatus;
        returnPending = false; // the instruction did not complete
        sleeping = AWAKE;
        int hfsrBits = Fault.HFSR_FORCED;
        switch (exc) {
            case Fault.MEMMANAGE:
            case Fault.BUSFAULT:
            case Fault.USAGEFAULT:
                cfsr |= status;
                if ((status & Fault.MMARVALID) != 0) mmfar = cpu.faultAddress;
                if ((status & Fault.BFARVALID) != 0) bfar = cpu.faultAddress;
                break;
            case Fault.DEBUGMONITOR:
                if (!qemuCompat) {
                    dfsr |= DFSR_BKPT;
                    hfsrBits = Fault.HFSR_DEBUGEVT;
                }
                break;
            case Fault.HARDFAULT:
                hfsr |= status;
                break;
            default:
                throw new IllegalStateException("not a synchronous fault: " + exc);
        }
        if (!pendSynchronous(exc, executionPriority(), hfsrBits)) return;
        cpu.attention = true;
        // taken at once: the faulting context (e.g. EPSR.T clear) must not be resumed before entry
        int e = highestPending();
        if (e != 0 && canPreempt(e, executionPriority()) && ExceptionEntry.take(this, e)) {
            hookedException = cpu.ipsr;
            cpu.requestStop(StopReason.HOOK);
        }
    }

    void lockup(String why) {
        lockedUp = true;
        lockupReport = "LOCKUP: " + why + "\n" + FaultReport.describe(cpu);
        cpu.requestStop(StopReason.LOCKUP);
    }

    public boolean lockedUp() { return lockedUp; }

    /** Why the core locked up, with a decoded fault report; null when it did not. */
    public String lockupReport() { return lockupReport; }

    // ================================================================== the boundary service

    /** Cycle at which the next timed event (SysTick, peripheral timers) needs attention; Long.MAX_VALUE if none. */
    public long nextEventCycle() {
        long next = Long.MAX_VALUE;
        for (TimedDevice d : timed) next = Math.min(next, d.nextEventCycle());
        return next;
    }

    private void advanceTimed(long now) {
        for (TimedDevice d : timed) {
            if (d.nextEventCycle() <= now) {
                d.advanceTo(now);
                if (d.nextEventCycle() <= now) throw new IllegalStateException(d + ": next event not after " + now + " after advanceTo");
            }
        }
    }

    /** Keeps the MPU told whether the execution priority is negative (HFNMIENA). */
    void updateMpuPriority() { cpu.mpu.setNegativePriority(executionPriority() < 0); }

    /**
     * Called by the run loop between instructions when cpu.attention is set or the next event cycle
     * is reached: performs pending exception returns, advances timers, takes pending exceptions,
     * handles sleep. Returns a StopReason, or 0 to keep running.
     */
    public int service(long budgetEndCycle) {
        int r = serviceBoundary(budgetEndCycle);
        if (deferredReturnCycles != 0) {
            cpu.cycles += deferredReturnCycles;
            deferredReturnCycles = 0;
        }
        return r;
    }

    /** Charges an exception entry (tail-chained when a return is still uncharged). */
    void chargeEntry() {
        if (!chargeExceptionCycles) return;
        if (deferredReturnCycles != 0) {
            deferredReturnCycles = 0;
            cpu.cycles += TAILCHAIN_CYCLES;
        } else {
            cpu.cycles += ENTRY_CYCLES;
        }
    }

    void chargeReturn() {
        if (chargeExceptionCycles) deferredReturnCycles = RETURN_CYCLES;
    }

    private int serviceBoundary(long budgetEndCycle) {
        if (lockedUp) {
            cpu.attention = true;
            return StopReason.LOCKUP;
        }
        if (returnPending) {
            returnPending = false;
            ExceptionReturn.perform(this, returnValue);
            if (cpu.stopRequest != 0) return 0;
        }
        updateMpuPriority();
        for (;;) {
            long now = cpu.cycles;
            advanceTimed(now);
            int exc = highestPending();
            if (exc != 0 && canPreempt(exc, executionPriority())) {
                sleeping = AWAKE;
                if (ExceptionEntry.take(this, exc)) {
                    hookedException = cpu.ipsr;
                    return StopReason.HOOK;
                }
                if (cpu.stopRequest != 0) return 0;
                continue;
            }
            if (sleeping == AWAKE) return 0;
            if (sleeping == SLEEP_WFE && eventRegister) {
                eventRegister = false;
                sleeping = AWAKE;
                return 0;
            }
            if (exc != 0 && group(prio[exc]) < activePrio) { // WFI/WFE wake-up ignores PRIMASK/BASEPRI/FAULTMASK
                sleeping = AWAKE;
                return 0;
            }
            long next = nextEventCycle();
            cpu.attention = true; // still asleep when we return: come back here first
            if (next == Long.MAX_VALUE) return StopReason.SLEEP;
            long target = Math.min(next, budgetEndCycle);
            if (target > now) {
                sleepCycles += target - now;
                if ((scr & SCR_SLEEPDEEP) != 0) deepSleepCycles += target - now;
                cpu.cycles = target;
                if (listener != null) listener.slept(now, target, (scr & SCR_SLEEPDEEP) != 0);
            }
            if (next > budgetEndCycle) return StopReason.BUDGET;
        }
    }

    // ================================================================== accessors for the SCB front end and reports

    public int vtor() { return vtor; }

    public int ccr() { return ccr; }

    public int cfsr() { return cfsr; }

    public int hfsr() { return hfsr; }

    public int mmfar() { return mmfar; }

    public int bfar() { return bfar; }

    public int dfsr() { return dfsr; }

    public int scr() { return scr; }

    boolean stackAlign() { return (ccr & CCR_STKALIGN) != 0; }

    boolean isReturnPending() { return returnPending; }
}
