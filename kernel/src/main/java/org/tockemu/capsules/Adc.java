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
 * ADC 0x5 as Tock's AdcVirtualized (capsules/core/src/adc.rs; what nRF52 boards use): single
 * samples only, shared by all processes.
 * <ul>
 * <li>0 -> SuccessU32(channel count) (not plain Success: Tock keeps this for compatibility);</li>
 * <li>1 (channel) -> Success and a sample is taken, or queued behind the one in flight (a second
 *     queued request -> BUSY); channel &ge; count -> NODEVICE;</li>
 * <li>101 (channel) -> SuccessU32(resolution bits), 102 (channel) -> SuccessU32(reference mV);
 *     bad channel -> NODEVICE;</li>
 * <li>2-5 (continuous and buffered sampling) -> NOSUPPORT, as AdcVirtualized.</li>
 * </ul>
 * Upcall 0: (0 = SingleSample mode, channel, sample). As in Tock the channel reported is the one
 * stored in the process's grant, which only a queued request sets (a request served at once
 * reports the channel of that process's last queued request, initially 0). Samples are 16-bit,
 * left-justified (a 12-bit converter's value shifted left by 4).
 */
public final class Adc implements SyscallDriver {
    /** SAADC acquisition plus conversion (about 40 us). */
    public static final long CONVERSION_US = 40;

    static final class State extends GrantState {
        @Override public int size() { return 8; }
        boolean pending() { return u32(0) != 0; }
        void setPending(boolean p) { setU32(0, p ? 1 : 0); }
        int channel() { return u32(4); }
        void setChannel(int c) { setU32(4, c); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final int channels, resolutionBits, referenceMv;
    private final long conversionCycles;
    /** Sample of a channel at a cycle, 16-bit left-justified. */
    private IntToLongFunction sampler;
    private ProcessId current;

    public Adc(Kernel kernel, int channels, int resolutionBits, int referenceMv, IntToLongFunction sampleOfChannel) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.ADC, 1, 0, 0, State::new);
        this.channels = channels;
        this.resolutionBits = resolutionBits;
        this.referenceMv = referenceMv;
        this.conversionCycles = kernel.cyclesForMicros(CONVERSION_US);
        this.sampler = sampleOfChannel;
    }

    /** Replaces the analog inputs: channel -> 16-bit left-justified sample. */
    public void setSampler(IntToLongFunction f) { this.sampler = f; }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int channel, int arg2, ProcessId pid) {
        boolean valid = Integer.compareUnsigned(channel, channels) < 0;
        switch (cmd) {
            case 0: return SyscallReturn.successU32(channels);
            case 1: {
                if (!valid) return SyscallReturn.failure(ErrorCode.NODEVICE);
                if (current == null) {
                    current = pid;
                    sample(channel); // Tock then runs run_next_command, a no-op here: nothing is queued while idle
                    return SyscallReturn.success();
                }
                int[] r = {0};
                int err = grant.enter(pid, (s, k) -> {
                    if (s.pending()) { r[0] = ErrorCode.BUSY; return; }
                    s.setPending(true);
                    s.setChannel(channel);
                });
                if (err == 0) err = r[0];
                return err != 0 ? SyscallReturn.failure(err) : SyscallReturn.success();
            }
            case 101: return valid ? SyscallReturn.successU32(resolutionBits) : SyscallReturn.failure(ErrorCode.NODEVICE);
            case 102: return valid ? SyscallReturn.successU32(referenceMv) : SyscallReturn.failure(ErrorCode.NODEVICE);
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private void sample(int channel) {
        kernel.schedule(kernel.now() + conversionCycles, () -> {
            int value = (int) (sampler.applyAsLong(channel) & 0xFFFF);
            ProcessId p = current;
            current = null;
            if (p != null) grant.enter(p, (s, k) -> {
                s.setPending(false);
                k.scheduleUpcall(0, 0, s.channel(), value);
            });
            runNext();
        });
    }

    /** run_next_command: the first process (in process order) with a queued request is served. */
    private void runNext() {
        boolean[] started = {false};
        grant.each((s, k) -> {
            if (started[0] || !s.pending()) return;
            s.setPending(false);
            current = k.processId();
            sample(s.channel());
            started[0] = true;
        });
    }
}
