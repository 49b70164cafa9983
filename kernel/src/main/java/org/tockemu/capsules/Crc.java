package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * CRC 0x40002 (capsules/extra/src/crc.rs) over a software CRC unit. Read-only allow 0 is the
 * data; command 1 (algorithm, length) queues a request: algorithm &gt; 2 -> INVAL, a request
 * already pending -> BUSY, length &gt; the allowed buffer -> SIZE. When the unit is idle the first
 * process (in process order) with a request starts; a request over 0 bytes gets upcall
 * (SIZE, 0, 0) and, when nothing could start, the command returns FAIL (as crc.rs's next_request).
 * Upcall 0: (0, crc, algorithm).
 * <ul>
 * <li>0 CRC-32: poly 0x04C11DB7, reflected input, output reflected then inverted (zlib crc32);</li>
 * <li>1 CRC-32C: poly 0x1EDC6F41, same processing;</li>
 * <li>2 CRC-16CCITT: poly 0x1021, init 0xFFFF, reflected input, no output processing.</li>
 * </ul>
 */
public final class Crc implements SyscallDriver {
    public static final int DRIVER_NUM = 0x40002;
    /** Per-request setup and per-byte cost of the unit, in microseconds. */
    public static final long SETUP_US = 10, BYTE_US = 1;

    static final class State extends GrantState {
        @Override public int size() { return 12; }
        boolean requested() { return u32(0) != 0; }
        void setRequested(boolean r) { setU32(0, r ? 1 : 0); }
        int algorithm() { return u32(4); }
        int length() { return u32(8); }
        void set(int alg, int len) { setU32(4, alg); setU32(8, len); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private ProcessId current;

    public Crc(Kernel kernel) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 1, 0, State::new);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int alg, int length, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        if (Integer.compareUnsigned(alg, 2) > 0) return SyscallReturn.failure(ErrorCode.INVAL);
        int[] r = {0};
        int err = grant.enter(pid, (s, k) -> {
            if (s.requested()) r[0] = ErrorCode.BUSY;
            else if (Integer.compareUnsigned(length, k.readOnlyAllow(0).length()) > 0) r[0] = ErrorCode.SIZE;
            else { s.setRequested(true); s.set(alg, length); }
        });
        if (err == 0) err = r[0];
        if (err != 0) return SyscallReturn.failure(err);
        if (current != null) return SyscallReturn.success(); // queued behind the request in flight
        return nextRequest() ? SyscallReturn.success() : SyscallReturn.failure(ErrorCode.FAIL);
    }

    /** crc.rs next_request: start the first valid request; failed ones get an error upcall. */
    private boolean nextRequest() {
        boolean[] started = {false};
        grant.each((s, k) -> {
            if (started[0] || !s.requested()) return;
            var buf = k.readOnlyAllow(0);
            int n = (int) Math.min(Integer.toUnsignedLong(s.length()), buf.length());
            if (n == 0) {
                k.scheduleUpcall(0, ErrorCode.SIZE, 0, 0);
                s.setRequested(false);
                return;
            }
            int alg = s.algorithm();
            int value = compute(alg, buf.read(0, n));
            current = k.processId();
            started[0] = true;
            kernel.schedule(kernel.now() + kernel.cyclesForMicros(SETUP_US + BYTE_US * n), () -> done(value, alg));
        });
        return started[0];
    }

    private void done(int value, int alg) {
        ProcessId p = current;
        current = null;
        if (p != null) grant.enter(p, (s, k) -> {
            s.setRequested(false);
            k.scheduleUpcall(0, 0, value, alg);
        });
        nextRequest();
    }

    /** The CRC of data with a libtock algorithm number (0, 1 or 2). */
    public static int compute(int alg, byte[] data) {
        if (alg == 2) {
            int c = 0xFFFF;
            for (byte b : data) {
                c ^= (Integer.reverse(b & 0xFF) >>> 24) << 8;
                for (int i = 0; i < 8; i++) c = (c & 0x8000) != 0 ? ((c << 1) ^ 0x1021) & 0xFFFF : (c << 1) & 0xFFFF;
            }
            return c;
        }
        int poly = Integer.reverse(alg == 0 ? 0x04C11DB7 : 0x1EDC6F41), c = 0xFFFFFFFF;
        for (byte b : data) {
            c ^= b & 0xFF;
            for (int i = 0; i < 8; i++) c = (c & 1) != 0 ? (c >>> 1) ^ poly : c >>> 1;
        }
        return ~c;
    }
}
