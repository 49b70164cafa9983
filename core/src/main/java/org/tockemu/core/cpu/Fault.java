package org.tockemu.core.cpu;

/** Exception numbers and fault status bits as the ARMv7-M architecture defines them. */
public final class Fault {
    public static final int RESET = 1, NMI = 2, HARDFAULT = 3, MEMMANAGE = 4, BUSFAULT = 5, USAGEFAULT = 6,
            SVCALL = 11, DEBUGMONITOR = 12, PENDSV = 14, SYSTICK = 15, IRQ0 = 16;

    // CFSR.MMFSR (bits 0-7)
    public static final int IACCVIOL = 1, DACCVIOL = 1 << 1, MUNSTKERR = 1 << 3, MSTKERR = 1 << 4, MLSPERR = 1 << 5, MMARVALID = 1 << 7;
    // CFSR.BFSR (bits 8-15)
    public static final int IBUSERR = 1 << 8, PRECISERR = 1 << 9, IMPRECISERR = 1 << 10, UNSTKERR = 1 << 11, STKERR = 1 << 12,
            LSPERR = 1 << 13, BFARVALID = 1 << 15;
    // CFSR.UFSR (bits 16-31)
    public static final int UNDEFINSTR = 1 << 16, INVSTATE = 1 << 17, INVPC = 1 << 18, NOCP = 1 << 19, UNALIGNED = 1 << 24, DIVBYZERO = 1 << 25;
    // HFSR
    public static final int HFSR_VECTTBL = 1 << 1, HFSR_FORCED = 1 << 30, HFSR_DEBUGEVT = 1 << 31;

    private Fault() {}
}
