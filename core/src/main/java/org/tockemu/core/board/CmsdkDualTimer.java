package org.tockemu.core.board;

import java.util.function.LongSupplier;

import org.tockemu.core.exc.TimedDevice;
import org.tockemu.core.mem.MmioDevice;

/**
 * The CMSDK APB dual timer (ARM DDI0479C, SP804-like), after QEMU's cmsdk-apb-dualtimer: two
 * down counters (registers at 0x00 and 0x20: LOAD, VALUE, CONTROL, INTCLR, RIS, MIS, BGLOAD),
 * each 16- or 32-bit, free-running (wrapping at the counter size), periodic (reloading from LOAD)
 * or one-shot, clocked by TIMCLK (the core clock) through a 1/16/256 prescaler. A counter going
 * from 1 to 0 sets its raw interrupt status; the combined interrupt output (both counters' masked
 * status ORed) is the board's IRQ line. Integration test registers (ITCR/ITOP) drive the output
 * directly. Counters are computed lazily from the cycle counter.
 *
 * <p>One deliberate difference from QEMU 7.2: writing LOAD while a periodic counter runs keeps it
 * periodic (QEMU restarts it as one-shot); the TRM has no such effect.
 */
public final class CmsdkDualTimer implements MmioDevice, TimedDevice {
    public static final int LOAD = 0x00, VALUE = 0x04, CONTROL = 0x08, INTCLR = 0x0C, RIS = 0x10, MIS = 0x14, BGLOAD = 0x18;
    public static final int ITCR = 0xF00, ITOP = 0xF04;
    public static final int CTRL_ONESHOT = 1, CTRL_SIZE32 = 2, CTRL_PRESCALE = 0xC, CTRL_INTEN = 0x20, CTRL_PERIODIC = 0x40,
            CTRL_ENABLE = 0x80;

    private static final int[] ID = {
        0x04, 0x00, 0x00, 0x00, // PID4..PID7
        0x23, 0xb8, 0x1b, 0x00, // PID0..PID3
        0x0d, 0xf0, 0x05, 0xb1, // CID0..CID3
    };

    private final LongSupplier now;
    private final IrqLine irq;
    private final Runnable timingChanged;
    private final Module[] mods = {new Module(), new Module()};
    private int itcr, itop;

    public CmsdkDualTimer(LongSupplier now, IrqLine irq, Runnable timingChanged) {
        this.now = now;
        this.irq = irq == null ? IrqLine.NONE : irq;
        this.timingChanged = timingChanged == null ? () -> { } : timingChanged;
        reset();
    }

    @Override public String name() { return "cmsdk-dualtimer"; }

    public void reset() {
        long t = now.getAsLong();
        for (Module m : mods) m.reset(t);
        itcr = itop = 0;
        update();
    }

    /** One counter. Tick n (n >= 1) happens at cycle t0 + n * divisor. */
    private final class Module {
        int control, load, intStatus;
        /** Upper half of VALUE while in 16-bit mode (QEMU keeps it in the register file). */
        int hiValue;
        boolean running;
        long t0, v0, limit, processed;

        void reset(long t) {
            control = CTRL_INTEN;
            intStatus = 0;
            load = 0;
            hiValue = 0xFFFFFFFF;
            running = false;
            t0 = processed = t;
            v0 = 0xFFFF;
            limit = 0xFFFF;
        }

        long mask() { return (control & CTRL_SIZE32) != 0 ? 0xFFFF_FFFFL : 0xFFFFL; }

        long divisor() {
            switch ((control & CTRL_PRESCALE) >>> 2) {
                case 0: return 1;
                case 1: return 16;
                default: return 256;
            }
        }

        boolean stopsAtZero() { return (control & CTRL_ONESHOT) != 0 || limit == 0; }

        long ticks(long t) { return t <= t0 ? 0 : (t - t0) / divisor(); }

        long count(long t) {
            if (!running) return v0;
            long n = ticks(t);
            if (n <= v0) return v0 - n;
            if (stopsAtZero()) return 0;
            return limit - (n - v0 - 1) % (limit + 1);
        }

        /** Cycle of the first 1-to-0 transition strictly after cycle after, or Long.MAX_VALUE. */
        long nextUnderflow(long after) {
            if (!running) return Long.MAX_VALUE;
            long nMin = after < t0 ? 1 : (after - t0) / divisor() + 1;
            long n;
            if (v0 > 0 && v0 >= nMin) {
                n = v0;
            } else {
                if (stopsAtZero()) return Long.MAX_VALUE;
                long period = limit + 1;
                long k = nMin <= v0 ? 1 : (nMin - v0 + period - 1) / period;
                if (k < 1) k = 1;
                n = v0 + period * k;
            }
            return t0 + n * divisor();
        }

        void sync(long t) {
            if (t <= processed) return;
            if (intStatus == 0 && nextUnderflow(processed) <= t) intStatus = 1;
            processed = t;
        }

        void restart(long t, long value, boolean run) {
            v0 = value & mask();
            t0 = t;
            running = run;
        }

        boolean masked() { return intStatus != 0 && (control & CTRL_INTEN) != 0; }

        long nextEvent() {
            if ((control & CTRL_INTEN) == 0 || intStatus != 0) return Long.MAX_VALUE;
            return nextUnderflow(processed);
        }

        int read(int reg, long t) {
            switch (reg) {
                case LOAD: case BGLOAD: return load;
                case VALUE: {
                    sync(t);
                    long c = count(t);
                    return (control & CTRL_SIZE32) != 0 ? (int) c : (hiValue & 0xFFFF0000) | (int) c;
                }
                case CONTROL: return control;
                case RIS: sync(t); return intStatus;
                case MIS: sync(t); return masked() ? 1 : 0;
                default: return 0;
            }
        }

        void write(int reg, int value, long t) {
            sync(t);
            switch (reg) {
                case LOAD: {
                    load = value;
                    hiValue = value;
                    long c = Integer.toUnsignedLong(value) & mask();
                    if ((control & CTRL_PERIODIC) == 0) {
                        restart(t, c, running);
                    } else {
                        limit = c;
                        restart(t, c, c != 0 && (running || (control & CTRL_ENABLE) != 0));
                    }
                    break;
                }
                case BGLOAD:
                    load = value;
                    if ((control & CTRL_PERIODIC) != 0) {
                        restart(t, count(t), running);
                        limit = Integer.toUnsignedLong(value) & mask();
                    }
                    break;
                case CONTROL: {
                    int nc = value & 0xEF;
                    long cur = count(t);
                    int changed = control ^ nc;
                    long c = cur;
                    if ((changed & CTRL_SIZE32) != 0) {
                        if ((nc & CTRL_SIZE32) != 0) {
                            c = (Integer.toUnsignedLong(hiValue) & 0xFFFF0000L) | (cur & 0xFFFF);
                        } else {
                            hiValue = (int) cur;
                            c = cur & 0xFFFF;
                        }
                    }
                    control = nc;
                    limit = (nc & CTRL_PERIODIC) != 0 ? Integer.toUnsignedLong(load) & mask() : mask();
                    restart(t, c, (nc & CTRL_ENABLE) != 0);
                    break;
                }
                case INTCLR:
                    intStatus = 0;
                    break;
                default:
                    break;
            }
        }
    }

    private void update() {
        boolean level = itcr != 0 ? (itop & 3) != 0 : mods[0].masked() || mods[1].masked();
        irq.set(level);
    }

    @Override
    public long nextEventCycle() {
        if (itcr != 0) return Long.MAX_VALUE;
        return Math.min(mods[0].nextEvent(), mods[1].nextEvent());
    }

    @Override
    public void advanceTo(long cycle) {
        mods[0].sync(cycle);
        mods[1].sync(cycle);
        update();
    }

    @Override
    public int read(int offset, int size) {
        if (offset >= ITCR) {
            if (offset == ITCR) return itcr;
            if (offset >= 0xFD0 && offset <= 0xFFC && (offset & 3) == 0) return ID[(offset - 0xFD0) >> 2];
            return 0;
        }
        int m = offset >>> 5;
        if (m > 1 || (offset & 3) != 0) return 0;
        int r = mods[m].read(offset & 0x1F, now.getAsLong());
        update();
        return r;
    }

    @Override
    public void write(int offset, int size, int value) {
        if (offset >= ITCR) {
            if (offset == ITCR) itcr = value & 1;
            else if (offset == ITOP) itop = value & 3;
            update();
            timingChanged.run();
            return;
        }
        int m = offset >>> 5;
        if (m > 1 || (offset & 3) != 0) return;
        mods[m].write(offset & 0x1F, value, now.getAsLong());
        update();
        timingChanged.run();
    }
}
