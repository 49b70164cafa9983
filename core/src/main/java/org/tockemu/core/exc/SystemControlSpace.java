package org.tockemu.core.exc;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.BusError;
import org.tockemu.core.mem.MmioDevice;
import org.tockemu.core.mem.Region;

/**
 * The System Control Space (0xE000E000-0xE000EFFF) as a bus device: ICTR/ACTLR, SysTick, NVIC,
 * SCB, MPU, debug registers and STIR. Unprivileged accesses are bus errors (precise BusFault
 * with BFAR), except writes to STIR when CCR.USERSETMPEND is set. Sub-word accesses are
 * supported where the architecture allows them (NVIC banks and IPR, SHPR, CFSR); elsewhere they
 * read as zero and are ignored, as in QEMU. Unimplemented offsets are RAZ/WI.
 *
 * <p>The privilege checked is that of the access: the current mode, and unprivileged for
 * LDRT/STRT (learned from the MPU check the CPU makes right before every slow-path access, see
 * {@link org.tockemu.core.mpu.Mpu#lastCheckPrivileged}). Host code should configure the core through
 * the Java API ({@link ExceptionUnit}, {@link org.tockemu.core.mpu.Mpu}) rather than through the bus.
 */
public final class SystemControlSpace implements MmioDevice {
    public static final int BASE = 0xE000E000, SIZE = 0x1000;

    private final Cpu cpu;
    private final ExceptionUnit u;

    public SystemControlSpace(Cpu cpu) {
        this.cpu = cpu;
        this.u = cpu.exceptions;
    }

    /** Maps the SCS of cpu at 0xE000E000 on bus. */
    public static Region map(Bus bus, Cpu cpu) {
        return bus.add(Region.mmio("scs", BASE, SIZE, new SystemControlSpace(cpu)));
    }

    @Override public String name() { return "SCS"; }

    /** Guest accesses need privilege; the host (kernel in Java, debugger) always has it (Cpu.hostAccess). */
    private boolean privileged() { return cpu.hostAccess || (cpu.privileged() && cpu.mpu.lastCheckPrivileged()); }

    private static boolean byteAccessible(int offset) {
        return offset >= 0x100 && offset < 0x340 || offset >= 0x400 && offset < 0x5F0 || offset >= 0xD18 && offset < 0xD2C;
    }

    @Override public int read(int offset, int size) {
        if (!privileged()) BusError.raise();
        if (size == 4 && (offset & 3) == 0) return readWord(offset);
        if (!byteAccessible(offset) || (offset & (size - 1)) != 0) return 0;
        return (readWord(offset & ~3) >>> (8 * (offset & 3))) & (size == 1 ? 0xFF : 0xFFFF);
    }

    @Override public void write(int offset, int size, int value) {
        if (!privileged() && !(offset == 0xF00 && (u.ccr & ExceptionUnit.CCR_USERSETMPEND) != 0)) BusError.raise();
        if (size == 4 && (offset & 3) == 0) {
            writeWord(offset, value);
        } else if (byteAccessible(offset) && (offset & (size - 1)) == 0) {
            int shift = 8 * (offset & 3);
            int word = offset & ~3;
            if (word >= 0x400 && word < 0x5F0) {
                for (int i = 0; i < size; i++) u.nvic.writeIpr(offset - 0x400 + i, value >>> (8 * i));
            } else if (word >= 0xD18 && word < 0xD24) {
                for (int i = 0; i < size; i++) u.scb.writeShpr(offset - 0xD18 + 4 + i, value >>> (8 * i));
            } else {
                // set/clear banks and CFSR: zero bits have no effect, so a shifted word write is exact
                writeWord(word, (size == 1 ? value & 0xFF : value & 0xFFFF) << shift);
            }
        }
        cpu.attention = true;
    }

    int readWord(int offset) {
        if (offset < 0x100) {
            switch (offset) {
                case 0x004: return u.nvic.readIctr();
                case 0x008: return u.actlr;
                case 0x010: case 0x014: case 0x018: case 0x01C: return u.sysTick.read(offset - 0x10);
                default: return 0;
            }
        }
        if (offset < 0x5F0) return offset < 0x340 || offset >= 0x400 ? u.nvic.read(offset) : 0;
        if (offset >= 0xD90 && offset <= 0xDB8) return cpu.mpu.readRegister(offset - 0xD90);
        if (offset >= 0xD00 && offset < 0xE00) return u.scb.read(offset);
        return 0; // STIR is write-only; peripheral ID registers RAZ
    }

    void writeWord(int offset, int value) {
        if (offset < 0x100) {
            switch (offset) {
                case 0x008: u.actlr = value & 0x307; break;
                case 0x010: case 0x014: case 0x018: case 0x01C: u.sysTick.write(offset - 0x10, value); break;
                default: break;
            }
        } else if (offset < 0x5F0) {
            if (offset < 0x300 || offset >= 0x400) u.nvic.write(offset, value);
        } else if (offset >= 0xD90 && offset <= 0xDB8) {
            cpu.mpu.writeRegister(offset - 0xD90, value);
        } else if (offset >= 0xD00 && offset < 0xE00) {
            u.scb.write(offset, value);
        } else if (offset == 0xF00) {
            u.nvic.writeStir(value);
        }
    }
}
