package org.tockemu.core.exc;

import org.tockemu.core.cpu.Fault;

/**
 * NVIC registers (ARM ARM B3.4): ISER, ICER, ISPR, ICPR, IABR (32 interrupts per word),
 * IPR (one byte per interrupt), STIR and ICTR. Interrupts beyond the configured count are RAZ/WI.
 */
public final class Nvic {
    private final ExceptionUnit u;

    Nvic(ExceptionUnit u) { this.u = u; }

    /** ICTR.INTLINESNUM. */
    public int readIctr() { return (u.numIrq + 31) / 32 - 1; }

    boolean anyIrqPending() {
        for (int irq = 0; irq < u.numIrq; irq++) if (u.isPending(Fault.IRQ0 + irq)) return true;
        return false;
    }

    /** Word read of the bank register (ISER..IABR) covering interrupts 32*word .. 32*word+31. */
    private int readBank(int[] bits, int word) {
        int v = 0;
        for (int i = 0; i < 32; i++) {
            int irq = word * 32 + i;
            if (irq >= u.numIrq) break;
            if (ExceptionUnit.bit(bits, Fault.IRQ0 + irq)) v |= 1 << i;
        }
        return v;
    }

    /** Reads at an offset from 0xE000E000 in [0x100, 0x5F0). */
    public int read(int offset) {
        if (offset >= 0x400) {
            int v = 0;
            for (int i = 0; i < 4; i++) v |= readIpr(offset - 0x400 + i) << (8 * i);
            return v;
        }
        int word = (offset & 0x7F) >>> 2;
        switch (offset & ~0x7F) {
            case 0x100: case 0x180: return readBank(u.enableW, word);
            case 0x200: case 0x280: return readBank(u.pendW, word);
            case 0x300: return readBank(u.activeW, word);
            default: return 0;
        }
    }

    public void write(int offset, int value) {
        if (offset >= 0x400) {
            for (int i = 0; i < 4; i++) writeIpr(offset - 0x400 + i, value >>> (8 * i));
            return;
        }
        int word = (offset & 0x7F) >>> 2;
        int kind = offset & ~0x7F;
        if (word >= 16) return;
        for (int i = 0; i < 32; i++) {
            if ((value & (1 << i)) == 0) continue;
            int irq = word * 32 + i;
            if (irq >= u.numIrq) break;
            int exc = Fault.IRQ0 + irq;
            switch (kind) {
                case 0x100: u.setEnabled(exc, true); break;
                case 0x180: u.setEnabled(exc, false); break;
                case 0x200: u.setPending(exc); break;
                case 0x280: u.clearPending(exc); break;
                default: break; // IABR is read-only
            }
        }
    }

    public int readIpr(int irq) {
        return irq < u.numIrq ? u.prio[Fault.IRQ0 + irq] : 0;
    }

    public void writeIpr(int irq, int value) {
        if (irq < u.numIrq) u.setPriority(Fault.IRQ0 + irq, value & 0xFF);
    }

    /** STIR: pends the interrupt numbered by bits [8:0]. */
    public void writeStir(int value) {
        int irq = value & 0x1FF;
        if (irq < u.numIrq) u.setPending(Fault.IRQ0 + irq);
    }
}
