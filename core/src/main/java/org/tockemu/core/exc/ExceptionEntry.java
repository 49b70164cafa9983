package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.mem.BusError;

/**
 * Exception entry (ARM ARM B1.5.6 PushStack and ExceptionTaken): the 8-word frame on the
 * current stack with 8-byte alignment (CCR.STKALIGN, xPSR bit 9), EXC_RETURN in LR, the vector
 * fetched from VTOR, handler mode on MSP. Stacking faults (MSTKERR/STKERR) become derived
 * exceptions which win over the original one when they have higher priority; a failing vector
 * read is a HardFault with HFSR.VECTTBL.
 */
final class ExceptionEntry {
    private ExceptionEntry() {}

    /**
     * Takes pending exception exc (which can preempt): stacks the context at cpu.pc, enters the
     * handler. Returns true when the exception actually taken is hooked by the host.
     */
    static boolean take(ExceptionUnit u, int exc) {
        Cpu cpu = u.cpu;
        int executionPriority = u.executionPriority();
        int lr = excReturnFor(cpu);
        if (!pushStack(u, cpu.pc, false, cpu.ipsr, executionPriority)) {
            if (cpu.stopRequest != 0 && u.lockedUp()) return false;
            // derived stacking fault: it is taken instead when it has higher priority (the original stays pending)
            int best = u.highestPending();
            if (best != 0 && u.canPreempt(best, executionPriority)) exc = best;
        }
        return taken(u, exc, lr);
    }

    /** The EXC_RETURN value for an exception taken from the current mode. */
    static int excReturnFor(Cpu cpu) {
        if (cpu.ipsr != 0) return ExceptionUnit.EXC_RETURN_HANDLER;
        return (cpu.control & 2) != 0 ? ExceptionUnit.EXC_RETURN_THREAD_PSP : ExceptionUnit.EXC_RETURN_THREAD_MSP;
    }

    /**
     * PushStack: stores r0-r3, r12, lr, returnAddress and xPSR (IPSR field = ipsrField, bit 9 =
     * realignment) below the current stack pointer (main stack when forceHandler), with the
     * privilege of the current mode. On a fault the remaining words are not written (as QEMU),
     * the stack pointer is still updated, and MemManage/BusFault is pended as a derived exception
     * (escalated against derivedAgainst, the execution priority before the entry, as QEMU does;
     * it then competes with the original exception by priority).
     * Returns false when a stacking fault occurred.
     */
    static boolean pushStack(ExceptionUnit u, int returnAddress, boolean forceHandler, int ipsrField, int derivedAgainst) {
        Cpu cpu = u.cpu;
        boolean psp = !forceHandler && cpu.ipsr == 0 && (cpu.control & 2) != 0;
        int sp = psp ? cpu.psp() : cpu.msp();
        int align = u.stackAlign() && (sp & 4) != 0 ? 4 : 0;
        int frame = (sp - 0x20) & ~align;
        int xpsr = (cpu.apsr() | cpu.epsr() | (ipsrField & 0x1FF)) | (align != 0 ? 1 << 9 : 0);
        int[] r = cpu.r;
        boolean ok = true;
        try {
            cpu.write32(frame, r[0]);
            cpu.write32(frame + 4, r[1]);
            cpu.write32(frame + 8, r[2]);
            cpu.write32(frame + 12, r[3]);
            cpu.write32(frame + 16, r[12]);
            cpu.write32(frame + 20, r[14]);
            cpu.write32(frame + 24, returnAddress);
            cpu.write32(frame + 28, xpsr);
        } catch (GuestFault f) {
            ok = false;
            int exc = cpu.faultException == Fault.MEMMANAGE ? Fault.MEMMANAGE : Fault.BUSFAULT;
            u.cfsr |= exc == Fault.MEMMANAGE ? Fault.MSTKERR : Fault.STKERR;
            u.pendSynchronous(exc, derivedAgainst, Fault.HFSR_FORCED);
        }
        if (psp) cpu.setPsp(frame); else cpu.setMsp(frame);
        return ok;
    }

    /**
     * ExceptionTaken: reads the vector (not for hooked exceptions), activates exc, enters handler
     * mode on the main stack with LR = lr. Returns true when exc is hooked.
     */
    static boolean taken(ExceptionUnit u, int exc, int lr) {
        Cpu cpu = u.cpu;
        int vector = 0xFFFFFFFF;
        boolean hooked = ExceptionUnit.bit(u.hookW, exc);
        if (!hooked) {
            try {
                vector = cpu.bus.read(u.vtor + 4 * exc, 4);
            } catch (BusError e) {
                u.hfsr |= Fault.HFSR_VECTTBL;
                if (exc == Fault.HARDFAULT || exc == Fault.NMI) {
                    u.lockup(String.format("vector read for %s at 0x%08x failed", FaultReport.exceptionName(exc), u.vtor + 4 * exc));
                    return false;
                }
                // exc stays pending; HardFault is taken instead (derived)
                u.setPending(Fault.HARDFAULT);
                return taken(u, Fault.HARDFAULT, lr);
            }
        }
        ExceptionUnit.setBit(u.pendW, exc, false);
        u.setActive(exc, true);
        u.entries++;
        u.chargeEntry();
        cpu.setModeAndControl(exc, cpu.control & ~2);
        cpu.r[14] = lr;
        cpu.pc = vector & ~1;
        cpu.nextPc = cpu.pc;
        cpu.thumb = (vector & 1) != 0;
        if (!cpu.thumb) cpu.attention = true; // INVSTATE at the handler's first instruction
        cpu.itState = 0;
        cpu.exclusiveOpen = false;
        u.eventRegister = true;
        u.updateMpuPriority();
        if (u.listener != null) u.listener.entered(exc, cpu.cycles);
        return hooked;
    }
}
