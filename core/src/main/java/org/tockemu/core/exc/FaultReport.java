package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;

/**
 * Human-readable fault reports: registers, the decoded CFSR/HFSR/DFSR bits by name, MMFAR and
 * BFAR when valid, the active and pending exceptions, and the MPU configuration in effect.
 */
public final class FaultReport {
    private FaultReport() {}

    private static final String[] CFSR_NAMES = new String[32];
    static {
        CFSR_NAMES[0] = "IACCVIOL (MemManage: instruction access violation)";
        CFSR_NAMES[1] = "DACCVIOL (MemManage: data access violation)";
        CFSR_NAMES[3] = "MUNSTKERR (MemManage on exception return unstacking)";
        CFSR_NAMES[4] = "MSTKERR (MemManage on exception entry stacking)";
        CFSR_NAMES[5] = "MLSPERR (MemManage on lazy FP state preservation)";
        CFSR_NAMES[7] = "MMARVALID (MMFAR holds the faulting address)";
        CFSR_NAMES[8] = "IBUSERR (BusFault on instruction fetch)";
        CFSR_NAMES[9] = "PRECISERR (precise data BusFault)";
        CFSR_NAMES[10] = "IMPRECISERR (imprecise data BusFault)";
        CFSR_NAMES[11] = "UNSTKERR (BusFault on exception return unstacking)";
        CFSR_NAMES[12] = "STKERR (BusFault on exception entry stacking)";
        CFSR_NAMES[13] = "LSPERR (BusFault on lazy FP state preservation)";
        CFSR_NAMES[15] = "BFARVALID (BFAR holds the faulting address)";
        CFSR_NAMES[16] = "UNDEFINSTR (undefined instruction)";
        CFSR_NAMES[17] = "INVSTATE (invalid state: EPSR.T clear or bad IT)";
        CFSR_NAMES[18] = "INVPC (invalid exception return)";
        CFSR_NAMES[19] = "NOCP (no coprocessor)";
        CFSR_NAMES[24] = "UNALIGNED (unaligned access)";
        CFSR_NAMES[25] = "DIVBYZERO (division by zero)";
    }

    /** Name of an exception number ("IRQ 7" for external interrupts). */
    public static String exceptionName(int exc) {
        switch (exc) {
            case 0: return "Thread";
            case Fault.RESET: return "Reset";
            case Fault.NMI: return "NMI";
            case Fault.HARDFAULT: return "HardFault";
            case Fault.MEMMANAGE: return "MemManage";
            case Fault.BUSFAULT: return "BusFault";
            case Fault.USAGEFAULT: return "UsageFault";
            case Fault.SVCALL: return "SVCall";
            case Fault.DEBUGMONITOR: return "DebugMonitor";
            case Fault.PENDSV: return "PendSV";
            case Fault.SYSTICK: return "SysTick";
            default: return exc >= Fault.IRQ0 ? "IRQ " + (exc - Fault.IRQ0) : "reserved exception " + exc;
        }
    }

    /** Names of the set CFSR bits, comma-separated ("none" when clear). */
    public static String cfsrBits(int cfsr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            if ((cfsr & (1 << i)) == 0) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(CFSR_NAMES[i] != null ? CFSR_NAMES[i] : "bit " + i);
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    public static String hfsrBits(int hfsr) {
        StringBuilder sb = new StringBuilder();
        if ((hfsr & Fault.HFSR_VECTTBL) != 0) sb.append("VECTTBL (vector table read fault)");
        if ((hfsr & Fault.HFSR_FORCED) != 0) sb.append(sb.length() > 0 ? ", " : "").append("FORCED (escalated configurable fault)");
        if ((hfsr & Fault.HFSR_DEBUGEVT) != 0) sb.append(sb.length() > 0 ? ", " : "").append("DEBUGEVT (debug event, e.g. BKPT)");
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** The full report for the current state of cpu. */
    public static String describe(Cpu cpu) {
        ExceptionUnit u = cpu.exceptions;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("mode: %s, %s, execution priority %d%n", cpu.ipsr == 0 ? "Thread" : "Handler (" + exceptionName(cpu.ipsr) + ")",
                cpu.privileged() ? "privileged" : "unprivileged", u.executionPriority()));
        sb.append(cpu.describeRegisters());
        sb.append(String.format("CFSR = 0x%08x: %s%n", u.cfsr, cfsrBits(u.cfsr)));
        sb.append(String.format("HFSR = 0x%08x: %s%n", u.hfsr, hfsrBits(u.hfsr)));
        if (u.dfsr != 0) sb.append(String.format("DFSR = 0x%08x%s%n", u.dfsr, (u.dfsr & ExceptionUnit.DFSR_BKPT) != 0 ? ": BKPT" : ""));
        if ((u.cfsr & Fault.MMARVALID) != 0) sb.append(String.format("MMFAR = 0x%08x (faulting data address)%n", u.mmfar));
        if ((u.cfsr & Fault.BFARVALID) != 0) sb.append(String.format("BFAR = 0x%08x (faulting bus address)%n", u.bfar));
        sb.append("active: ").append(list(u, u.activeW)).append("; pending: ").append(list(u, u.pendW)).append('\n');
        sb.append(cpu.mpu.describe());
        return sb.toString();
    }

    private static String list(ExceptionUnit u, int[] bits) {
        StringBuilder sb = new StringBuilder();
        for (int e = 1; e < u.numExc; e++) {
            if (!ExceptionUnit.bit(bits, e)) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(exceptionName(e));
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
