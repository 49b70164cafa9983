package org.tockemu.capsules;

import java.util.SplittableRandom;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * RNG (capsules/core/src/rng.rs): fills the read-write allow 0 with random bytes and calls upcall 0
 * with (0, bytes filled, 0). Seeded, so runs are reproducible.
 */
public final class Rng implements SyscallDriver {
    static final class State extends GrantState {
        @Override public int size() { return 4; }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final SplittableRandom random;
    /** Time one 32-bit word of entropy takes the hardware (nRF52 RNG: about 30 us per byte). */
    private final long cyclesPerWord;

    public Rng(Kernel kernel, long seed) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.RNG, 1, 0, 1, State::new);
        this.random = new SplittableRandom(seed);
        this.cyclesPerWord = kernel.cyclesForMicros(120);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int n, int arg2, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        int err = grant.enter(pid, (s, k) -> {});
        if (err != 0) return SyscallReturn.failure(err);
        long words = Math.max(1, (Integer.toUnsignedLong(n) + 3) / 4);
        kernel.schedule(kernel.now() + Math.min(words, 1024) * cyclesPerWord, () -> grant.enter(pid, (s, k) -> {
            var buf = k.readWriteAllow(0);
            int want = (int) Math.min(Integer.toUnsignedLong(n), buf.length());
            for (int i = 0; i < want; i += 4) {
                int w = random.nextInt();
                for (int j = 0; j < 4 && i + j < want; j++) buf.set(i + j, w >>> (8 * j));
            }
            k.scheduleUpcall(0, 0, want, 0);
        }));
        return SyscallReturn.success();
    }
}
