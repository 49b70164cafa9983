package org.tockemu.capsules;

import java.util.Arrays;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * NonvolatileStorage 0x50001 (capsules/extra/src/nonvolatile_storage_driver.rs) over a
 * RAM-backed storage area shared by all processes (erased = 0xFF).
 * <ul>
 * <li>1 -> SuccessU32(bytes available to userspace);</li>
 * <li>2 (offset, length) reads into read-write allow 0, upcall 0 (length, 0, 0);</li>
 * <li>3 (offset, length) writes read-only allow 0, upcall 1 (length, 0, 0);</li>
 * <li>out of range -> INVAL; no buffer allowed -> RESERVE; the length is cut to the buffer and
 *     to the 512-byte kernel buffer; while another operation is in flight the request is queued,
 *     one per process (a second -> NOMEM).</li>
 * </ul>
 * As in Tock the data of a queued write is not copied when queued: it is written from whatever
 * the kernel buffer holds when its turn comes.
 */
public final class NonvolatileStorage implements SyscallDriver {
    public static final int DRIVER_NUM = 0x50001;
    public static final int BUFFER_LEN = 512;
    public static final long READ_US = 100, WRITE_US = 130_000;
    static final int READ = 2, WRITE = 3;

    static final class State extends GrantState {
        @Override public int size() { return 16; }
        boolean pending() { return u32(0) != 0; }
        void setPending(boolean p) { setU32(0, p ? 1 : 0); }
        int command() { return u32(4); }
        int offset() { return u32(8); }
        int length() { return u32(12); }
        void set(int cmd, int off, int len) { setU32(4, cmd); setU32(8, off); setU32(12, len); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final byte[] storage;
    private final byte[] buffer = new byte[BUFFER_LEN];
    private ProcessId current;

    public NonvolatileStorage(Kernel kernel, int bytes) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 2, 1, 1, State::new);
        this.storage = new byte[bytes];
        Arrays.fill(storage, (byte) 0xFF);
    }

    /** The storage contents (tests, inspection). */
    public byte[] contents() { return storage.clone(); }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int offset, int length, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: return SyscallReturn.successU32(storage.length);
            case READ: case WRITE: break;
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
        long off = Integer.toUnsignedLong(offset), len = Integer.toUnsignedLong(length);
        if (off >= storage.length || len > storage.length || off + len > storage.length) return SyscallReturn.failure(ErrorCode.INVAL);
        int[] r = {0};
        int err = grant.enter(pid, (s, k) -> {
            var app = cmd == READ ? k.readWriteAllow(0) : k.readOnlyAllow(0);
            if (app.length() == 0) { r[0] = ErrorCode.RESERVE; return; }
            int active = (int) Math.min(len, app.length());
            if (current == null) {
                current = pid;
                if (cmd == WRITE) {
                    byte[] d = app.read(0, Math.min(active, BUFFER_LEN));
                    System.arraycopy(d, 0, buffer, 0, d.length);
                }
                start(cmd, offset, active);
            } else if (s.pending()) {
                r[0] = ErrorCode.NOMEM;
            } else {
                s.setPending(true);
                s.set(cmd, offset, active);
            }
        });
        if (err == 0) err = r[0];
        return err != 0 ? SyscallReturn.failure(err) : SyscallReturn.success();
    }

    /** userspace_call_driver: the physical read or write of min(length, 512) bytes. */
    private void start(int cmd, int offset, int length) {
        int n = Math.min(length, BUFFER_LEN);
        kernel.schedule(kernel.now() + kernel.cyclesForMicros(cmd == READ ? READ_US : WRITE_US), () -> {
            if (cmd == READ) System.arraycopy(storage, offset, buffer, 0, n);
            else System.arraycopy(buffer, 0, storage, offset, n);
            ProcessId p = current;
            current = null;
            if (p != null) grant.enter(p, (s, k) -> {
                if (cmd == READ) {
                    var app = k.readWriteAllow(0);
                    app.write(0, buffer, 0, Math.min(app.length(), n));
                    k.scheduleUpcall(0, n, 0, 0);
                } else {
                    k.scheduleUpcall(1, n, 0, 0);
                }
            });
            boolean[] started = {false};
            grant.each((s, k) -> {
                if (started[0] || !s.pending()) return;
                s.setPending(false);
                current = k.processId();
                start(s.command(), s.offset(), s.length());
                started[0] = true;
            });
        });
    }
}
