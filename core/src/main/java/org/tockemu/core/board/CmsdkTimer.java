package org.tockemu.core.board;

import java.util.function.LongSupplier;

import org.tockemu.core.exc.TimedDevice;
import org.tockemu.core.mem.MmioDevice;

/**
 * The CMSDK APB timer (ARM DDI0479C) with QEMU's reading of it: a 32-bit down counter clocked at
 * PCLK (here the core clock, one tick per cycle) while CTRL.EN is set. The interrupt fires when
 * the counter goes from 1 to 0; the counter holds 0 for one tick and then reloads from RELOAD, so
 * the period is RELOAD+1 ticks; with RELOAD = 0 it stops at 0 (one-shot). Writing RELOAD also
 * loads the counter. The EXTIN enable/clock options are not modelled (as in QEMU).
 *
 * <p>State is computed lazily from the cycle counter: the counter value is a function of the
 * time of the last write, and the interrupt is scheduled through {@link TimedDevice}.
 */
public final class CmsdkTimer implements MmioDevice, TimedDevice {
    public static final int CTRL = 0x0, VALUE = 0x4, RELOAD = 0x8, INTSTATUS = 0xC;
    public static final int CTRL_EN = 1, CTRL_IRQEN = 8;

    private static final int[] ID = {
        0x04, 0x00, 0x00, 0x00, // PID4..PID7
        0x22, 0xb8, 0x1b, 0x00, // PID0..PID3
        0x0d, 0xf0, 0x05, 0xb1, // CID0..CID3
    };

    private final String name;
    private final LongSupplier now;
    private final IrqLine irq;
    private final Runnable timingChanged;

    private int ctrl, intStatus;
    private long reload;
    private boolean running;
    /** The counter held v0 at cycle t0 (and counts from there while running). */
    private long t0, v0;
    /** Underflows at or before this cycle have been accounted for. */
    private long processed;

    /**
     * @param now the current cycle
     * @param timingChanged to call when the next event moves (ExceptionUnit::timingChanged)
     */
    public CmsdkTimer(String name, LongSupplier now, IrqLine irq, Runnable timingChanged) {
        this.name = name;
        this.now = now;
        this.irq = irq == null ? IrqLine.NONE : irq;
        this.timingChanged = timingChanged == null ? () -> { } : timingChanged;
        reset();
    }

    public void reset() {
        ctrl = intStatus = 0;
        reload = 0;
        running = false;
        t0 = processed = now.getAsLong();
        v0 = 0;
        irq.set(false);
    }

    @Override public String name() { return name; }

    /** The counter value at cycle t. */
    long value(long t) {
        if (!running) return v0;
        long n = t - t0;
        if (n <= v0) return v0 - n;
        if (reload == 0) return 0;
        long m = n - v0 - 1;
        return reload - m % (reload + 1);
    }

    /** The first 1-to-0 transition strictly after cycle after, or Long.MAX_VALUE. */
    long nextUnderflow(long after) {
        if (!running) return Long.MAX_VALUE;
        long base = t0 + v0;
        if (v0 > 0 && base > after) return base;
        if (reload == 0) return Long.MAX_VALUE;
        long k = after < base ? 1 : (after - base) / (reload + 1) + 1;
        return base + (reload + 1) * k;
    }

    private void sync(long t) {
        if (t <= processed) return;
        if ((ctrl & CTRL_IRQEN) != 0 && nextUnderflow(processed) <= t) {
            intStatus = 1;
            irq.set(true);
        }
        processed = t;
    }

    private void load(long t, long v, boolean run) {
        v0 = v;
        t0 = t;
        running = run;
        timingChanged.run();
    }

    @Override
    public long nextEventCycle() {
        if ((ctrl & CTRL_IRQEN) == 0 || intStatus != 0) return Long.MAX_VALUE;
        return nextUnderflow(processed);
    }

    @Override
    public void advanceTo(long cycle) { sync(cycle); }

    @Override
    public int read(int offset, int size) {
        switch (offset) {
            case CTRL: return ctrl;
            case VALUE: {
                long t = now.getAsLong();
                sync(t);
                return (int) value(t);
            }
            case RELOAD: return (int) reload;
            case INTSTATUS: sync(now.getAsLong()); return intStatus;
            default:
                if (offset >= 0xFD0 && offset <= 0xFFC && (offset & 3) == 0) return ID[(offset - 0xFD0) >> 2];
                return 0;
        }
    }

    @Override
    public void write(int offset, int size, int value) {
        long t = now.getAsLong();
        sync(t);
        long v = Integer.toUnsignedLong(value);
        switch (offset) {
            case CTRL:
                ctrl = value & 0xF;
                load(t, value(t), (ctrl & CTRL_EN) != 0);
                break;
            case RELOAD:
                reload = v;
                load(t, v, v != 0 && (ctrl & CTRL_EN) != 0);
                break;
            case VALUE:
                if (v == 0 && reload == 0) load(t, 0, false);
                else load(t, v, (v != 0 && (ctrl & CTRL_EN) != 0) || running);
                break;
            case INTSTATUS:
                intStatus &= ~(value & 1);
                irq.set(intStatus != 0);
                timingChanged.run();
                break;
            default:
                break;
        }
    }
}
