package org.tockemu.capsules;

import java.util.function.IntToLongFunction;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * ADC 0x5 as Tock's AdcDedicated (capsules/core/src/adc.rs): one process owns the ADC (the first
 * to issue any command; another live process then gets NOMEM for every command, the existence
 * check included) and may sample in every mode.
 * <ul>
 * <li>0 -> SuccessU32(channel count); 101 / 102 -> SuccessU32(resolution bits / reference mV);</li>
 * <li>1 (ch) single sample: upcall (0, ch, sample);</li>
 * <li>2 (ch, Hz) continuous samples: upcall (1, ch, sample) at that rate until stopped;</li>
 * <li>3 (ch, Hz) fills read-write allow 0 with len/2 little-endian u16 samples, then upcall
 *     (2, samples &lt;&lt; 8 | ch, buffer address); no buffer -> NOMEM;</li>
 * <li>4 (ch, Hz) alternately fills allows 0 and 1, an upcall (3, samples &lt;&lt; 8 | ch, address)
 *     per buffer, until stopped; both buffers needed, else NOMEM;</li>
 * <li>5 stops (Success, also when idle).</li>
 * </ul>
 * Sampling while active -> BUSY, channel &ge; count -> INVAL, 0 Hz -> INVAL. Samples are 16-bit
 * left-justified; buffers are filled at the end of each buffer's sampling time.
 */
public final class AdcDedicated implements SyscallDriver {
    /** Single conversion time (about 40 us). */
    public static final long CONVERSION_US = 40;
    static final int SINGLE = 0, CONTINUOUS = 1, SINGLE_BUFFER = 2, CONTINUOUS_BUFFER = 3;

    static final class State extends GrantState {
        @Override public int size() { return 0; }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final int channels, resolutionBits, referenceMv;
    private IntToLongFunction sampler;
    private ProcessId owner;
    private boolean active;
    private int mode, channel;
    /** Bumped on stop and on each new operation: events of an older operation are dropped. */
    private int generation;

    public AdcDedicated(Kernel kernel, int channels, int resolutionBits, int referenceMv, IntToLongFunction sampleOfChannel) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.ADC, 1, 0, 2, State::new);
        this.channels = channels;
        this.resolutionBits = resolutionBits;
        this.referenceMv = referenceMv;
        this.sampler = sampleOfChannel;
    }

    /** Replaces the analog inputs: channel -> 16-bit left-justified sample. */
    public void setSampler(IntToLongFunction f) { this.sampler = f; }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int ch, int hz, ProcessId pid) {
        boolean mine = owner == null || owner.equals(pid) || (!active && kernel.process(owner) == null);
        if (!mine) return SyscallReturn.failure(ErrorCode.NOMEM);
        owner = pid;
        switch (cmd) {
            case 0: return SyscallReturn.successU32(channels);
            case 101: return SyscallReturn.successU32(resolutionBits);
            case 102: return SyscallReturn.successU32(referenceMv);
            case 5:
                if (active) { active = false; generation++; }
                return SyscallReturn.success();
            case 1: case 2: case 3: case 4: {
                if (active) return SyscallReturn.failure(ErrorCode.BUSY);
                if (Integer.compareUnsigned(ch, channels) >= 0) return SyscallReturn.failure(ErrorCode.INVAL);
                if (cmd != 1 && hz == 0) return SyscallReturn.failure(ErrorCode.INVAL);
                if (cmd >= 3) {
                    int[] len = {0, 0};
                    if (grant.enter(pid, (s, k) -> { len[0] = k.readWriteAllow(0).length(); len[1] = k.readWriteAllow(1).length(); }) != 0
                            || len[0] == 0 || (cmd == 4 && len[1] == 0)) return SyscallReturn.failure(ErrorCode.NOMEM);
                }
                active = true;
                mode = cmd - 1;
                channel = ch;
                int g = ++generation;
                long start = kernel.now();
                if (cmd == 1) kernel.schedule(start + kernel.cyclesForMicros(CONVERSION_US), () -> single(g));
                else if (cmd == 2) continuous(g, start, Integer.toUnsignedLong(hz), 1);
                else fillBuffer(g, start, Integer.toUnsignedLong(hz), 0);
                return SyscallReturn.success();
            }
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private int sample() { return (int) (sampler.applyAsLong(channel) & 0xFFFF); }

    private void single(int g) {
        if (g != generation) return;
        active = false;
        upcall(SINGLE, channel, sample());
    }

    /** The k-th sample of a continuous run at hz comes at start + k / hz seconds. */
    private void continuous(int g, long start, long hz, long k) {
        kernel.schedule(start + k * kernel.clockHz() / hz, () -> {
            if (g != generation) return;
            if (upcall(CONTINUOUS, channel, sample())) continuous(g, start, hz, k + 1);
        });
    }

    /** Samples into allow slot (0 or 1) at hz, then the upcall; continuous mode goes on with the other slot. */
    private void fillBuffer(int g, long start, long hz, int slot) {
        int[] n = {0};
        grant.enter(owner, (s, k) -> n[0] = k.readWriteAllow(slot).length() / 2);
        long end = start + Math.max(1, n[0]) * kernel.clockHz() / hz;
        kernel.schedule(end, () -> {
            if (g != generation) return;
            int v = sample(), m = mode, ch = channel;
            int err = grant.enter(owner, (s, k) -> {
                var buf = k.readWriteAllow(slot);
                int samples = buf.length() / 2;
                for (int i = 0; i < samples; i++) { buf.set(2 * i, v); buf.set(2 * i + 1, v >>> 8); }
                k.scheduleUpcall(0, m, samples << 8 | ch, buf.length() == 0 ? 0 : buf.address());
            });
            if (err != 0 || m == SINGLE_BUFFER) { active = false; return; }
            fillBuffer(g, end, hz, slot ^ 1);
        });
    }

    /** Upcall to the owner; false (and the ADC idle again, as adc.rs does) when the owner is gone. */
    private boolean upcall(int m, int a1, int a2) {
        if (owner != null && grant.enter(owner, (s, k) -> k.scheduleUpcall(0, m, a1, a2)) == 0) return true;
        active = false;
        return false;
    }
}
