package org.tockemu.core.board;

import java.util.function.LongSupplier;

import org.tockemu.core.mem.MmioDevice;

/**
 * The MPS2 FPGA system control and I/O block (QEMU's mps2-fpgaio): LED0 (2 LEDs), BUTTON (zero),
 * the free-running CLK1HZ and CLK100HZ counters, the prescaled COUNTER with PRESCALE/PSCNTR, and
 * MISC. All counters run on virtual time: the board clock's cycle count ({@code now}), with the
 * prescaler clocked at {@code prescaleHz}.
 */
public final class Mps2FpgaIo implements MmioDevice {
    public static final int LED0 = 0x00, BUTTON = 0x08, CLK1HZ = 0x10, CLK100HZ = 0x14, COUNTER = 0x18,
            PRESCALE = 0x1c, PSCNTR = 0x20, MISC = 0x4c;

    private final LongSupplier now;
    private final long clockHz;
    private final long prescaleHz;
    private int led0, prescale, misc, counter, pscntr;
    private long clk1hzOffset, clk100hzOffset, pscntrSync;

    /** @param now current time in board clock cycles; @param clockHz the board clock */
    public Mps2FpgaIo(LongSupplier now, long clockHz, long prescaleHz) {
        this.now = now;
        this.clockHz = clockHz;
        this.prescaleHz = prescaleHz;
        reset();
    }

    public void reset() {
        long t = now.getAsLong();
        led0 = prescale = misc = counter = pscntr = 0;
        clk1hzOffset = clk100hzOffset = pscntrSync = t;
    }

    /** The LED0 register (bit n = LED n lit). */
    public int leds() { return led0; }

    /** cycles * hz / clockHz without overflow (rounded down). */
    private long toRate(long cycles, long hz) { return muldiv(cycles, hz, clockHz); }

    private long fromRate(long count, long hz) { return muldiv(count, clockHz, hz); }

    static long muldiv(long a, long mul, long div) { return a / div * mul + a % div * mul / div; }

    private void resync() {
        long t = now.getAsLong();
        long ticks = toRate(t - pscntrSync, prescaleHz);
        if (ticks == 0) return;
        long ps = Integer.toUnsignedLong(pscntr), pre = Integer.toUnsignedLong(prescale);
        if (ticks < ps) {
            pscntr = (int) (ps - ticks);
        } else if (pre == 0) {
            counter += (int) (ticks - ps);
            pscntr = 0;
        } else {
            long y = ticks - ps + pre;
            pscntr = (int) (pre - y % (pre + 1));
            counter += (int) (y / (pre + 1));
        }
        pscntrSync += fromRate(ticks, prescaleHz);
    }

    @Override
    public int read(int offset, int size) {
        switch (offset) {
            case LED0: return led0;
            case BUTTON: return 0;
            case PRESCALE: return prescale;
            case MISC: return misc;
            case CLK1HZ: return (int) toRate(now.getAsLong() - clk1hzOffset, 1);
            case CLK100HZ: return (int) toRate(now.getAsLong() - clk100hzOffset, 100);
            case COUNTER: resync(); return counter;
            case PSCNTR: resync(); return pscntr;
            default: return 0;
        }
    }

    @Override
    public void write(int offset, int size, int value) {
        switch (offset) {
            case LED0: led0 = value & 3; break;
            case PRESCALE: resync(); prescale = value; break;
            case MISC: misc = value; break;
            case CLK1HZ: clk1hzOffset = now.getAsLong() - fromRate(Integer.toUnsignedLong(value), 1); break;
            case CLK100HZ: clk100hzOffset = now.getAsLong() - fromRate(Integer.toUnsignedLong(value), 100); break;
            case COUNTER: resync(); counter = value; break;
            case PSCNTR: resync(); pscntr = value; break;
            default: break;
        }
    }

    @Override public String name() { return "mps2-fpgaio"; }
}
