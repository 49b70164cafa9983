package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;

/**
 * Exception return (ARM ARM B1.5.8 ExceptionReturn and PopStack) with its integrity checks:
 * an invalid EXC_RETURN, returning from an inactive exception, returning to handler mode with
 * no other active exception, or to thread mode with other exceptions active (unless
 * CCR.NONBASETHRDENA) are INVPC UsageFaults taken without unstacking (LR = the EXC_RETURN);
 * unstacking faults (MUNSTKERR/UNSTKERR) are taken the same way; a restored IPSR inconsistent
 * with the mode returned to is an INVPC UsageFault taken after stacking again.
 */
final class ExceptionReturn {
    private ExceptionReturn() {}

    static void perform(ExceptionUnit u, int excReturn) {
        Cpu cpu = u.cpu;
        int returning = cpu.ipsr;
        int nested = u.activeCount();
        if (!u.isActive(returning) || (excReturn & 0x0FFFFFF0) != 0x0FFFFFF0) {
            u.deactivate(returning); // also clears FAULTMASK, as DeActivate() does
            invalidReturn(u, excReturn);
            return;
        }
        boolean toHandler, psp;
        switch (excReturn & 0xF) {
            case 0x1:
                if (nested == 1) { u.deactivate(returning); invalidReturn(u, excReturn); return; }
                toHandler = true; psp = false;
                break;
            case 0x9:
            case 0xD:
                if (nested != 1 && (u.ccr & ExceptionUnit.CCR_NONBASETHRDENA) == 0) {
                    u.deactivate(returning);
                    invalidReturn(u, excReturn);
                    return;
                }
                toHandler = false; psp = (excReturn & 0xF) == 0xD;
                break;
            default:
                u.deactivate(returning);
                invalidReturn(u, excReturn);
                return;
        }
        u.deactivate(returning);
        // mode and stack of the context returned to: unstacking uses its privilege
        int control = (cpu.control & 1) | (psp ? 2 : 0);
        cpu.setModeAndControl(toHandler ? returning : 0, control);
        u.updateMpuPriority();
        int frame = psp ? cpu.psp() : cpu.msp();
        int r0, r1, r2, r3, r12, lr, pc, psr;
        try {
            r0 = cpu.read32(frame);
            r1 = cpu.read32(frame + 4);
            r2 = cpu.read32(frame + 8);
            r3 = cpu.read32(frame + 12);
            r12 = cpu.read32(frame + 16);
            lr = cpu.read32(frame + 20);
            pc = cpu.read32(frame + 24);
            psr = cpu.read32(frame + 28);
        } catch (GuestFault f) {
            int exc = cpu.faultException == Fault.MEMMANAGE ? Fault.MEMMANAGE : Fault.BUSFAULT;
            u.cfsr |= exc == Fault.MEMMANAGE ? Fault.MUNSTKERR : Fault.UNSTKERR;
            if (u.pendSynchronous(exc, u.executionPriority(), Fault.HFSR_FORCED)) takeWithoutStacking(u, excReturn);
            return;
        }
        u.chargeReturn();
        if (u.listener != null) u.listener.returned(returning, cpu.cycles);
        int[] r = cpu.r;
        r[0] = r0; r[1] = r1; r[2] = r2; r[3] = r3; r[12] = r12; r[14] = lr;
        cpu.pc = pc & ~1; // bit 0 set: UNPREDICTABLE, ignored
        cpu.nextPc = cpu.pc;
        int sp = (frame + 0x20) | ((psr & (1 << 9)) != 0 && u.stackAlign() ? 4 : 0);
        if (psp) cpu.setPsp(sp); else cpu.setMsp(sp);
        cpu.setApsr(psr);
        cpu.setEpsr(psr);
        if (!cpu.thumb) cpu.attention = true; // INVSTATE at the instruction returned to
        int ipsr = psr & 0x1FF;
        cpu.exclusiveOpen = false;
        u.eventRegister = true;
        if (toHandler && ipsr == 0 || !toHandler && ipsr != 0) {
            // inconsistent IPSR: INVPC UsageFault, stacked again in the mode returned to
            if (toHandler) cpu.setModeAndControl(returning, cpu.control);
            u.cfsr |= Fault.INVPC;
            if (!u.pendSynchronous(Fault.USAGEFAULT, u.executionPriority(), Fault.HFSR_FORCED)) return;
            int lrValue = toHandler ? ExceptionUnit.EXC_RETURN_HANDLER : ExceptionEntry.excReturnFor(cpu);
            ExceptionEntry.pushStack(u, cpu.pc, toHandler, ipsr, u.executionPriority());
            if (!u.lockedUp()) takeWithoutStacking(u, lrValue);
            return;
        }
        if (toHandler) cpu.setModeAndControl(ipsr, cpu.control);
        u.updateMpuPriority();
        cpu.attention = true; // a pending exception may now be taken (tail-chaining)
        if (!toHandler && nested == 1 && (u.scr & ExceptionUnit.SCR_SLEEPONEXIT) != 0) u.sleeping = ExceptionUnit.SLEEP_ON_EXIT;
    }

    /** INVPC UsageFault for an illegal return, taken on the current frame with LR = the EXC_RETURN value. */
    private static void invalidReturn(ExceptionUnit u, int excReturn) {
        u.cfsr |= Fault.INVPC;
        if (u.pendSynchronous(Fault.USAGEFAULT, u.executionPriority(), Fault.HFSR_FORCED)) takeWithoutStacking(u, excReturn);
    }

    /** Takes the highest-priority pending exception that can preempt, without stacking (tail-chained). */
    private static void takeWithoutStacking(ExceptionUnit u, int lr) {
        int exc = u.highestPending();
        if (exc == 0 || !u.canPreempt(exc, u.executionPriority())) return;
        if (ExceptionEntry.taken(u, exc, lr)) {
            // hooked exception: the run loop reports it at its next boundary
            u.cpu.requestStop(org.tockemu.core.cpu.StopReason.HOOK);
            u.noteHooked(exc);
        }
    }
}
