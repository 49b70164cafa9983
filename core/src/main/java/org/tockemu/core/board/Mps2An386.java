package org.tockemu.core.board;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.exc.SystemControlSpace;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.mem.BusError;
import org.tockemu.core.mem.MmioDevice;
import org.tockemu.core.mem.Region;

/**
 * What bare-metal programs see of QEMU's {@code mps2-an386} machine (ARM MPS2 board, AN386 FPGA
 * image, Cortex-M4), after qemu/hw/arm/mps2.c:
 *
 * <pre>
 * 0x00000000  4 MiB  ZBT SSRAM1 (code; Region.codeStore)     0x00400000  4 MiB  its mirror
 * 0x00800000  8 MiB  reserved (reads 0, writes ignored)
 * 0x01000000 16 KiB  block RAM, mirrored 3 times up to 0x0100FFFF
 * 0x01010000         reserved up to 0x1FFFFFFF
 * 0x20000000  4 MiB  ZBT SSRAM2&amp;3 (data, stack)              0x20400000  4 MiB  its mirror
 * 0x20800000  8 MiB  reserved
 * 0x21000000 16 MiB  PSRAM (QEMU's "system memory"; SYS_HEAPINFO hands it out as heap)
 * 0x22000000 32 MiB  bit-band alias of 0x20000000..0x200FFFFF
 * 0x40000000         CMSDK APB: timer0, timer1 (CmsdkTimer, IRQ 8, 9), dual timer (CmsdkDualTimer,
 *                    IRQ 10), watchdog (reads 0), UART0-3 at 0x40004000.., UART4 at 0x40009000
 *                    (CmsdkUart)
 * 0x40010000         AHB GPIO (reads 0)      0x40020000  SPI/I2C/I2S (reads 0)
 * 0x40028000         FPGAIO                  0x4002F000  SCC
 * 0x40030000..       reserved, LAN9118 at 0x40200000, VGA at 0x41000000 (read 0)
 * 0x42000000 32 MiB  bit-band alias of 0x40000000..0x400FFFFF
 * 0xE0000000  1 MiB  private peripheral bus: the SCS (NVIC, SysTick, SCB, MPU) at 0xE000E000; the
 *                    rest reads 0 for privileged code and bus-faults unprivileged accesses (QEMU)
 * </pre>
 *
 * The core clock (SYSCLK) is 25 MHz; SysTick's external reference clock is 1 MHz (CALIB =
 * 9999, exact 10 ms); the NVIC has 32 external interrupts and implements all 8 priority bits,
 * as QEMU's v7-M NVIC does. BKPT escalation follows QEMU (ExceptionUnit.qemuCompat). UART interrupts:
 * UART n RX on IRQ {0,2,4,18,20}[n], TX one higher; the overrun interrupts of UARTs 0-2 are
 * ORed onto IRQ 12. Everything else unmapped raises a bus error, as in QEMU.
 */
public final class Mps2An386 {
    public static final long CLOCK_HZ = 25_000_000L;
    public static final int NUM_IRQ = 32;

    public static final int SSRAM1_BASE = 0x0000_0000, SSRAM1_SIZE = 4 << 20;
    public static final int BLOCKRAM_BASE = 0x0100_0000, BLOCKRAM_SIZE = 16 << 10;
    public static final int SSRAM23_BASE = 0x2000_0000, SSRAM23_SIZE = 4 << 20;
    public static final int PSRAM_BASE = 0x2100_0000, PSRAM_SIZE = 16 << 20;
    public static final int[] UART_BASE = {0x4000_4000, 0x4000_5000, 0x4000_6000, 0x4000_7000, 0x4000_9000};
    public static final int[] UART_RX_IRQ = {0, 2, 4, 18, 20};
    public static final int UART_OVERFLOW_IRQ = 12;
    public static final int FPGAIO_BASE = 0x4002_8000, SCC_BASE = 0x4002_F000;
    public static final int[] TIMER_BASE = {0x4000_0000, 0x4000_1000};
    public static final int[] TIMER_IRQ = {8, 9};
    public static final int DUALTIMER_BASE = 0x4000_2000, DUALTIMER_IRQ = 10;
    public static final int PRIORITY_BITS = 8;
    /** SysTick reference clock (QEMU's mps2 REFCLK). */
    public static final long REFCLK_HZ = 1_000_000L;
    public static final int SCC_ID = 0x41043860, SCC_AID = 0x00200008, SCC_CFG4 = 0x2;

    public final Bus bus = new Bus();
    public final Cpu cpu;
    public final Region ssram1, blockRam, ssram23, psram;
    public final CmsdkUart[] uarts = new CmsdkUart[5];
    public final CmsdkTimer[] timers = new CmsdkTimer[2];
    public final CmsdkDualTimer dualTimer;
    public final Mps2FpgaIo fpgaio;
    public final Mps2Scc scc;

    private final List<Mirror> mirrors = new ArrayList<>();
    private final List<Region> mirrorRegions = new ArrayList<>();
    /** Address ranges [start, end) filled by the program loader (for SYS_HEAPINFO). */
    private final List<long[]> loaded = new ArrayList<>();
    private final boolean[] irqLevel = new boolean[NUM_IRQ];
    private int uartOverflowInputs;

    /**
     * @param uartOut where UART0 transmits (the console); the other UARTs discard their output
     * @param uartIn what UART0 receives (may be null)
     */
    public Mps2An386(OutputStream uartOut, InputStream uartIn) {
        ssram1 = bus.add(Region.memory("ssram1", SSRAM1_BASE, SSRAM1_SIZE, true, true));
        ssram1.codeStore = true;
        blockRam = bus.add(Region.memory("blockram", BLOCKRAM_BASE, BLOCKRAM_SIZE, true, true));
        ssram23 = bus.add(Region.memory("ssram23", SSRAM23_BASE, SSRAM23_SIZE, true, true));
        psram = bus.add(Region.memory("psram", PSRAM_BASE, PSRAM_SIZE, true, true));
        mirror("ssram1 mirror", 0x0040_0000, SSRAM1_SIZE, ssram1);
        mirror("blockram mirrors", BLOCKRAM_BASE + BLOCKRAM_SIZE, 3 * BLOCKRAM_SIZE, blockRam);
        mirror("ssram23 mirror", 0x2040_0000, SSRAM23_SIZE, ssram23);
        bus.add(Region.mmio("bitband 0x20000000", 0x2200_0000, 32 << 20, new Bitband("bitband 0x20000000", bus, 0x2000_0000)));
        bus.add(Region.mmio("bitband 0x40000000", 0x4200_0000, 32 << 20, new Bitband("bitband 0x40000000", bus, 0x4000_0000)));

        cpu = new Cpu(bus);
        ExceptionUnit exc = cpu.exceptions;
        exc.configure(NUM_IRQ, PRIORITY_BITS);
        exc.qemuCompat = true;
        exc.resetVtor = 0;
        exc.sysTick.setExternalClockDivider(CLOCK_HZ / REFCLK_HZ);
        exc.sysTick.setCalibration((int) (REFCLK_HZ / 100 - 1));
        SystemControlSpace.map(bus, cpu);
        ppbDefault(0xE000_0000, 0x0010_0000);

        for (int i = 0; i < timers.length; i++) {
            timers[i] = new CmsdkTimer("timer" + i, () -> cpu.cycles, irq(TIMER_IRQ[i]), exc::timingChanged);
            exc.addTimedDevice(timers[i]);
            device("timer" + i, TIMER_BASE[i], 0x1000, timers[i]);
        }
        dualTimer = new CmsdkDualTimer(() -> cpu.cycles, irq(DUALTIMER_IRQ), exc::timingChanged);
        exc.addTimedDevice(dualTimer);
        device("dualtimer", DUALTIMER_BASE, 0x1000, dualTimer);

        for (int i = 0; i < uarts.length; i++) {
            int rx = UART_RX_IRQ[i];
            final int bit = i;
            IrqLine txo = i < 3 ? level -> overflow(2 * bit, level) : null;
            IrqLine rxo = i < 3 ? level -> overflow(2 * bit + 1, level) : null;
            uarts[i] = new CmsdkUart("uart" + i, i == 0 ? uartOut : null, i == 0 ? uartIn : null,
                    irq(rx + 1), irq(rx), txo, rxo);
            device("uart" + i, UART_BASE[i], 0x1000, uarts[i]);
        }
        fpgaio = new Mps2FpgaIo(() -> cpu.cycles, CLOCK_HZ, CLOCK_HZ);
        device("fpgaio", FPGAIO_BASE, 0x1000, fpgaio);
        scc = new Mps2Scc(SCC_CFG4, SCC_AID, SCC_ID);
        device("scc", SCC_BASE, 0x1000, scc);

        // QEMU's create_unimplemented_device() ranges: read as zero, writes ignored.
        unimplemented("reserved 1", 0x0080_0000, 0x0080_0000);
        unimplemented("reserved 2", 0x0101_0000, 0x1EFF_0000);
        unimplemented("reserved 3", 0x2080_0000, 0x0080_0000);
        unimplemented("CMSDK APB peripherals", 0x4000_0000, 0x0001_0000);
        unimplemented("CMSDK AHB peripherals", 0x4001_0000, 0x0001_0000);
        unimplemented("extra peripherals", 0x4002_0000, 0x0001_0000);
        unimplemented("reserved 4", 0x4003_0000, 0x001D_0000);
        unimplemented("lan9118", 0x4020_0000, 0x100);
        unimplemented("VGA", 0x4100_0000, 0x0020_0000);

        reset();
    }

    /** Console-less board (UART output discarded). */
    public Mps2An386() { this(null, null); }

    private void device(String name, int base, int size, MmioDevice dev) {
        bus.add(Region.mmio(name, base, size, dev));
    }

    private void mirror(String name, int base, int size, Region of) {
        Mirror m = new Mirror(name, bus, of.base, of.size);
        mirrors.add(m);
        mirrorRegions.add(bus.add(Region.mmio(name, base, size, m)));
    }

    /** Maps RAZ/WI over [base, base+size) wherever nothing else is mapped yet. */
    public void unimplemented(String name, int base, int size) {
        fill(name, base, size, new Unimplemented(name));
    }

    /**
     * QEMU's default for the private peripheral bus outside the devices it implements: privileged
     * accesses read zero and writes are ignored, unprivileged ones are bus errors.
     */
    private void ppbDefault(int base, int size) {
        fill("ppb", base, size, new MmioDevice() {
            @Override public int read(int offset, int sz) {
                if (!cpu.privileged()) BusError.raise();
                return 0;
            }

            @Override public void write(int offset, int sz, int value) {
                if (!cpu.privileged()) BusError.raise();
            }

            @Override public String name() { return "ppb"; }
        });
    }

    private void fill(String name, int base, int size, MmioDevice dev) {
        long start = Integer.toUnsignedLong(base), end = start + Integer.toUnsignedLong(size);
        long a = start;
        for (Region r : bus.regions()) {
            long rs = Integer.toUnsignedLong(r.base), re = rs + Integer.toUnsignedLong(r.size);
            if (re <= a || rs >= end) continue;
            if (rs > a) bus.add(Region.mmio(name, (int) a, (int) (rs - a), dev));
            a = Math.max(a, re);
        }
        if (a < end) bus.add(Region.mmio(name, (int) a, (int) (end - a), dev));
    }

    // ------------------------------------------------------------------ interrupts

    /** The NVIC input for external interrupt n. */
    public IrqLine irq(int n) {
        return level -> setIrq(n, level);
    }

    private void overflow(int input, boolean level) {
        int old = uartOverflowInputs;
        uartOverflowInputs = level ? old | (1 << input) : old & ~(1 << input);
        if ((old != 0) != (uartOverflowInputs != 0)) setIrq(UART_OVERFLOW_IRQ, uartOverflowInputs != 0);
    }

    private void setIrq(int n, boolean level) {
        if (irqLevel[n] == level) return;
        irqLevel[n] = level;
        if (level) cpu.exceptions.raiseIrq(n); else cpu.exceptions.lowerIrq(n);
    }

    /** Current level of external interrupt line n as driven by the board's peripherals. */
    public boolean irqLevel(int n) { return irqLevel[n]; }

    // ------------------------------------------------------------------ loading and reset

    /**
     * The address in an original memory region that addr refers to: mirrors are folded onto
     * their region; other addresses are returned unchanged.
     */
    public int canonicalAddress(int addr) {
        for (int i = 0; i < mirrorRegions.size(); i++) {
            Region r = mirrorRegions.get(i);
            if (r.contains(addr)) return mirrors.get(i).translate(addr - r.base);
        }
        return addr;
    }

    /** Records that the loader filled [start, start+len) (QEMU's "ROM blobs"). */
    public void noteLoaded(int start, long len) {
        loaded.add(new long[] {Integer.toUnsignedLong(start), Integer.toUnsignedLong(start) + len});
    }

    /**
     * SYS_HEAPINFO as QEMU computes it for this machine: the largest RAM region is the PSRAM; the
     * heap is the largest gap in it not holding loaded data, and the stack grows down from its
     * end: {heap base, heap limit, stack base = heap limit, stack limit = heap base}.
     */
    public int[] heapInfo() {
        long rs = Integer.toUnsignedLong(PSRAM_BASE), re = rs + PSRAM_SIZE;
        List<long[]> in = new ArrayList<>();
        for (long[] l : loaded) if (l[1] > rs && l[0] < re) in.add(new long[] {Math.max(l[0], rs), Math.min(l[1], re)});
        in.sort((x, y) -> Long.compare(x[0], y[0]));
        long bestStart = 0, bestLen = 0, a = rs;
        for (long[] l : in) {
            if (l[0] > a && l[0] - a > bestLen) { bestStart = a; bestLen = l[0] - a; }
            a = Math.max(a, l[1]);
        }
        if (re > a && re - a > bestLen) { bestStart = a; bestLen = re - a; }
        int base = (int) bestStart, limit = (int) (bestStart + bestLen);
        return new int[] {base, limit, limit, base};
    }

    /**
     * Resets the devices and the core (ExceptionUnit.reset: SP_main and the PC from the vector
     * table at address 0, LR = 0xFFFFFFFF, privileged thread mode on MSP). Memory is kept.
     */
    public void reset() {
        for (CmsdkUart u : uarts) u.reset();
        for (CmsdkTimer t : timers) t.reset();
        dualTimer.reset();
        fpgaio.reset();
        uartOverflowInputs = 0;
        java.util.Arrays.fill(irqLevel, false);
        cpu.exceptions.reset();
    }
}
