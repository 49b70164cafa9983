package org.tockemu.core.exc;

import org.tockemu.core.cpu.Fault;

/**
 * System Control Block registers (ARM ARM B3.2.2), word accesses at offsets from 0xE000E000:
 * CPUID, ICSR, VTOR, AIRCR, SCR, CCR, SHPR1-3, SHCSR, CFSR, HFSR, DFSR, MMFAR, BFAR, AFSR, the
 * CPUID scheme registers, CPACR, and the debug registers as far as software without a debugger
 * sees them (DEMCR). Byte accesses to SHPR and byte/halfword accesses to CFSR are handled by
 * {@link SystemControlSpace}.
 */
public final class Scb {
    /** Cortex-M4 r0p1. */
    public static final int CPUID = 0x410FC241;
    public static final int ICSR_NMIPENDSET = 1 << 31, ICSR_PENDSVSET = 1 << 28, ICSR_PENDSVCLR = 1 << 27, ICSR_PENDSTSET = 1 << 26,
            ICSR_PENDSTCLR = 1 << 25, ICSR_ISRPENDING = 1 << 22, ICSR_RETTOBASE = 1 << 11;
    public static final int SHCSR_MEMFAULTACT = 1, SHCSR_BUSFAULTACT = 1 << 1, SHCSR_USGFAULTACT = 1 << 3, SHCSR_SVCALLACT = 1 << 7,
            SHCSR_MONITORACT = 1 << 8, SHCSR_PENDSVACT = 1 << 10, SHCSR_SYSTICKACT = 1 << 11, SHCSR_USGFAULTPENDED = 1 << 12,
            SHCSR_MEMFAULTPENDED = 1 << 13, SHCSR_BUSFAULTPENDED = 1 << 14, SHCSR_SVCALLPENDED = 1 << 15,
            SHCSR_MEMFAULTENA = 1 << 16, SHCSR_BUSFAULTENA = 1 << 17, SHCSR_USGFAULTENA = 1 << 18;

    /** ID_PFR0 .. ID_ISAR4 (0xD40 - 0xD70) as QEMU 7.2's cortex-m4 reports them. */
    private static final int[] ID_REGS = {0x00000030, 0x00000200, 0x00100000, 0x00000000, 0x00000030, 0x00000000, 0x00000000,
            0x00000000, 0x01141110, 0x02111000, 0x21112231, 0x01111110, 0x01310102};

    /** SHCSR bit positions of the active and pending bits and the exception each stands for. */
    private static final int[][] SHCSR_BITS = {
            {0, Fault.MEMMANAGE}, {1, Fault.BUSFAULT}, {3, Fault.USAGEFAULT}, {7, Fault.SVCALL}, {8, Fault.DEBUGMONITOR},
            {10, Fault.PENDSV}, {11, Fault.SYSTICK}};
    private static final int[][] SHCSR_PEND_BITS = {
            {12, Fault.USAGEFAULT}, {13, Fault.MEMMANAGE}, {14, Fault.BUSFAULT}, {15, Fault.SVCALL}};

    private final ExceptionUnit u;

    Scb(ExceptionUnit u) { this.u = u; }

    public int read(int offset) {
        switch (offset) {
            case 0xD00: return CPUID;
            case 0xD04: return readIcsr();
            case 0xD08: return u.vtor;
            case 0xD0C: return 0xFA050000 | (u.prigroup << 8);
            case 0xD10: return u.scr;
            case 0xD14: return u.ccr;
            case 0xD18: case 0xD1C: case 0xD20: {
                int v = 0;
                for (int i = 0; i < 4; i++) v |= (readShpr(offset - 0xD18 + i + 4) & 0xFF) << (8 * i);
                return v;
            }
            case 0xD24: return readShcsr();
            case 0xD28: return u.cfsr;
            case 0xD2C: return u.hfsr;
            case 0xD30: return u.dfsr;
            case 0xD34: return u.mmfar;
            case 0xD38: return u.bfar;
            case 0xD3C: return u.afsr;
            case 0xD88: return 0; // CPACR: no coprocessors (no FPU): RAZ/WI
            case 0xDFC: return u.demcr;
            default:
                if (offset >= 0xD40 && offset <= 0xD70) return ID_REGS[(offset - 0xD40) >>> 2];
                return 0;
        }
    }

    public void write(int offset, int value) {
        switch (offset) {
            case 0xD04: writeIcsr(value); break;
            case 0xD08: u.vtor = value & 0xFFFFFF80; break;
            case 0xD0C:
                if ((value >>> 16) != 0x05FA) break;
                u.setPrigroup((value >>> 8) & 7);
                if ((value & 4) != 0) u.requestSystemReset();
                break;
            case 0xD10: u.scr = value & (ExceptionUnit.SCR_SLEEPONEXIT | ExceptionUnit.SCR_SLEEPDEEP | ExceptionUnit.SCR_SEVONPEND); break;
            case 0xD14: u.ccr = value & ExceptionUnit.CCR_WRITABLE; break;
            case 0xD18: case 0xD1C: case 0xD20:
                for (int i = 0; i < 4; i++) writeShpr(offset - 0xD18 + i + 4, value >>> (8 * i));
                break;
            case 0xD24: writeShcsr(value); break;
            case 0xD28: u.cfsr &= ~value; break;
            case 0xD2C: u.hfsr &= ~value; break;
            case 0xD30: u.dfsr &= ~value; break;
            case 0xD34: u.mmfar = value; break;
            case 0xD38: u.bfar = value; break;
            case 0xD3C: u.afsr &= ~value; break;
            case 0xDFC:
                u.demcr = value & 0x010F07F1;
                u.setEnabled(Fault.DEBUGMONITOR, (value & ExceptionUnit.DEMCR_MON_EN) != 0);
                if ((value & (1 << 17)) != 0) u.setPending(Fault.DEBUGMONITOR); // MON_PEND
                break;
            default: break;
        }
        u.cpu.attention = true;
    }

    /** System handler priority of exception exc (4..15); reserved slots are RAZ. */
    int readShpr(int exc) {
        return shprImplemented(exc) ? u.prio[exc] : 0;
    }

    void writeShpr(int exc, int value) {
        if (shprImplemented(exc)) u.setPriority(exc, value & 0xFF);
    }

    private static boolean shprImplemented(int exc) {
        return exc == Fault.MEMMANAGE || exc == Fault.BUSFAULT || exc == Fault.USAGEFAULT || exc == Fault.SVCALL
                || exc == Fault.DEBUGMONITOR || exc == Fault.PENDSV || exc == Fault.SYSTICK;
    }

    int readIcsr() {
        int v = u.cpu.ipsr & 0x1FF;
        if (u.isPending(Fault.NMI)) v |= ICSR_NMIPENDSET;
        if (u.isPending(Fault.PENDSV)) v |= ICSR_PENDSVSET;
        if (u.isPending(Fault.SYSTICK)) v |= ICSR_PENDSTSET;
        if (u.nvic.anyIrqPending()) v |= ICSR_ISRPENDING;
        v |= (u.highestPending() & 0x1FF) << 12;
        if (u.activeCount() <= 1) v |= ICSR_RETTOBASE; // as QEMU: also set in thread mode
        return v;
    }

    void writeIcsr(int value) {
        if ((value & ICSR_NMIPENDSET) != 0) u.setPending(Fault.NMI);
        if ((value & ICSR_PENDSVSET) != 0) u.setPending(Fault.PENDSV);
        else if ((value & ICSR_PENDSVCLR) != 0) u.clearPending(Fault.PENDSV);
        if ((value & ICSR_PENDSTSET) != 0) u.setPending(Fault.SYSTICK);
        else if ((value & ICSR_PENDSTCLR) != 0) u.clearPending(Fault.SYSTICK);
    }

    int readShcsr() {
        int v = 0;
        for (int[] b : SHCSR_BITS) if (u.isActive(b[1])) v |= 1 << b[0];
        for (int[] b : SHCSR_PEND_BITS) if (u.isPending(b[1])) v |= 1 << b[0];
        if (u.isEnabled(Fault.MEMMANAGE)) v |= SHCSR_MEMFAULTENA;
        if (u.isEnabled(Fault.BUSFAULT)) v |= SHCSR_BUSFAULTENA;
        if (u.isEnabled(Fault.USAGEFAULT)) v |= SHCSR_USGFAULTENA;
        return v;
    }

    /** The active and pending bits are writable (as on hardware and QEMU); the enables gate the configurable faults. */
    void writeShcsr(int value) {
        boolean activeChanged = false;
        for (int[] b : SHCSR_BITS) {
            boolean on = (value & (1 << b[0])) != 0;
            if (on != u.isActive(b[1])) { ExceptionUnit.setBit(u.activeW, b[1], on); activeChanged = true; }
        }
        if (activeChanged) u.recomputeActivePrio();
        for (int[] b : SHCSR_PEND_BITS) {
            if ((value & (1 << b[0])) != 0) u.setPending(b[1]); else u.clearPending(b[1]);
        }
        u.setEnabled(Fault.MEMMANAGE, (value & SHCSR_MEMFAULTENA) != 0);
        u.setEnabled(Fault.BUSFAULT, (value & SHCSR_BUSFAULTENA) != 0);
        u.setEnabled(Fault.USAGEFAULT, (value & SHCSR_USGFAULTENA) != 0);
    }
}
