package org.tockemu.core.board;

import org.tockemu.core.mem.MmioDevice;

/**
 * The MPS2 FPGA serial communication controller (SCC) as QEMU models it for mps2-an386:
 * CFG0/CFG1 read as written, CFG3 (switches) reads zero, CFG4 and the ID registers are
 * read-only, the SYS_CFG channel completes at once (with ERROR: this board has no OSCCLK
 * entries), DLL reports all DLLs locked.
 */
public final class Mps2Scc implements MmioDevice {
    private final int cfg4, aid, id;
    private int cfg0, cfg1, cfgdataRtn, cfgdataOut, cfgctrl = 0x100000, cfgstat, dll = 0xffff0001;

    public Mps2Scc(int cfg4, int aid, int id) {
        this.cfg4 = cfg4;
        this.aid = aid;
        this.id = id;
    }

    /** Bit 0 of CFG0 (the remap control; QEMU does not wire it on mps2, neither do we). */
    public int cfg0() { return cfg0; }

    /** CFG1: the SCC LEDs. */
    public int leds() { return cfg1; }

    @Override
    public int read(int offset, int size) {
        switch (offset) {
            case 0x00: return cfg0;
            case 0x04: return cfg1;
            case 0x0c: return 0;
            case 0x10: return cfg4;
            case 0xa0: return cfgdataRtn;
            case 0xa4: return cfgdataOut;
            case 0xa8: return cfgctrl;
            case 0xac: return cfgstat;
            case 0x100: return dll;
            case 0xff8: return aid;
            case 0xffc: return id;
            default: return 0;
        }
    }

    @Override
    public void write(int offset, int size, int value) {
        switch (offset) {
            case 0x00: cfg0 = value; break;
            case 0x04: cfg1 = value; break;
            case 0xa4: cfgdataOut = value; break;
            case 0xa8:
                cfgstat = 0;
                cfgctrl = value & ~((0xFF << 12) | (0xF << 26) | (1 << 31));
                if ((value & (1 << 31)) != 0) cfgstat = 1 | 2; // DONE | ERROR: no oscillator devices
                break;
            case 0x100: dll = (dll & 0x00FFFFFF) | (value & 0xFF000000); break;
            default: break;
        }
    }

    @Override public String name() { return "mps2-scc"; }
}
