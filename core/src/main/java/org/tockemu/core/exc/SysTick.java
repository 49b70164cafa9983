package org.tockemu.core.exc;

import org.tockemu.core.cpu.Fault;

/**
 * The SysTick timer (ARM ARM B3.3): CSR, RVR, CVR, CALIB. The counter is computed lazily from
 * the cycle counter: a base cycle and the counter value there; nothing runs per cycle.
 *
 * <p>Counting: each tick (every processor cycle with CLKSOURCE=1, every
 * {@link #setExternalClockDivider external divider} cycles with CLKSOURCE=0) the counter
 * decrements; the tick after it reached 0 it reloads from RVR. The 1-to-0 transition sets
 * COUNTFLAG and, with TICKINT, pends SysTick. RVR=0 stops the counter at its next wrap.
 * Writing CVR clears it and COUNTFLAG; reading CSR clears COUNTFLAG.
 */
public final class SysTick implements TimedDevice {
    public static final int CSR_ENABLE = 1, CSR_TICKINT = 2, CSR_CLKSOURCE = 4, CSR_COUNTFLAG = 1 << 16;

    private final ExceptionUnit u;
    private int csr = CSR_CLKSOURCE;
    private int reload;
    private boolean countFlag;
    /** Counter value at baseCycle. */
    private int baseValue;
    private long baseCycle;
    /** Processor cycles per external reference tick; 0 when there is no external reference (CALIB.NOREF, CLKSOURCE reads as 1). */
    private long externalDivider;
    private int calibTenms;

    SysTick(ExceptionUnit u) { this.u = u; }

    /** Sets the external reference clock as a divider of the processor clock (0: none). */
    public void setExternalClockDivider(long cyclesPerTick) {
        sync(now());
        externalDivider = Math.max(0, cyclesPerTick);
        if (externalDivider == 0) csr |= CSR_CLKSOURCE;
        u.timingChanged();
    }

    /** CALIB.TENMS: reload value for 10 ms (0 when unknown: CALIB.SKEW is then set). */
    public void setCalibration(int tenms) { calibTenms = tenms & 0xFFFFFF; }

    void reset() {
        csr = externalDivider == 0 ? CSR_CLKSOURCE : 0;
        reload = 0;
        countFlag = false;
        baseValue = 0;
        baseCycle = now();
    }

    private long now() { return u.cpu.cycles; }

    private boolean running() { return (csr & CSR_ENABLE) != 0; }

    private long ratio() { return (csr & CSR_CLKSOURCE) != 0 || externalDivider == 0 ? 1 : externalDivider; }

    /** Counter value after k ticks from (baseValue, reload). */
    private long valueAfter(long k) {
        if (k <= baseValue) return baseValue - k;
        if (reload == 0) return 0;
        return reload - ((k - baseValue - 1) % (reload + 1L));
    }

    /** Number of 1-to-0 transitions in ticks (0, k]. */
    private long wrapsWithin(long k) {
        long n = 0;
        if (baseValue > 0 && k >= baseValue) n = 1;
        if (reload > 0) {
            long first = baseValue + 1L + reload; // tick of the first zero after the first reload
            if (k >= first) n += 1 + (k - first) / (reload + 1L);
        }
        return n;
    }

    /** Brings the lazy counter to cycle t: latches COUNTFLAG and pends SysTick for wraps on the way. */
    private void sync(long t) {
        if (!running()) {
            baseCycle = t;
            return;
        }
        long r = ratio();
        long k = (t - baseCycle) / r;
        if (k <= 0) return;
        if (wrapsWithin(k) > 0) {
            countFlag = true;
            if ((csr & CSR_TICKINT) != 0) u.setPending(Fault.SYSTICK);
        }
        baseValue = (int) valueAfter(k);
        baseCycle += k * r;
    }

    @Override public long nextEventCycle() {
        if (!running() || (csr & CSR_TICKINT) == 0) return Long.MAX_VALUE;
        long z;
        if (baseValue > 0) z = baseValue;
        else if (reload > 0) z = reload + 1L;
        else return Long.MAX_VALUE;
        return baseCycle + z * ratio();
    }

    @Override public void advanceTo(long cycle) { sync(cycle); }

    // ------------------------------------------------------------------ registers (offsets from 0xE000E010)

    public int readCsr() {
        sync(now());
        int v = csr | (countFlag ? CSR_COUNTFLAG : 0);
        countFlag = false;
        return v;
    }

    public void writeCsr(int value) {
        sync(now());
        int mask = CSR_ENABLE | CSR_TICKINT | (externalDivider != 0 ? CSR_CLKSOURCE : 0);
        csr = (csr & ~mask) | (value & mask);
        baseCycle = now();
        u.timingChanged();
    }

    public int readRvr() { return reload; }

    public void writeRvr(int value) {
        sync(now());
        reload = value & 0xFFFFFF;
        u.timingChanged();
    }

    public int readCvr() {
        sync(now());
        return baseValue;
    }

    public void writeCvr(int value) {
        sync(now());
        baseValue = 0;
        baseCycle = now();
        countFlag = false;
        u.timingChanged();
    }

    public int readCalib() {
        return (externalDivider == 0 ? 1 << 31 : 0) | (calibTenms == 0 ? 1 << 30 : 0) | calibTenms;
    }

    public int read(int offset) {
        switch (offset) {
            case 0x0: return readCsr();
            case 0x4: return readRvr();
            case 0x8: return readCvr();
            case 0xC: return readCalib();
            default: return 0;
        }
    }

    public void write(int offset, int value) {
        switch (offset) {
            case 0x0: writeCsr(value); break;
            case 0x4: writeRvr(value); break;
            case 0x8: writeCvr(value); break;
            default: break;
        }
    }

    @Override public String toString() { return "SysTick"; }
}
