package org.tockemu.capsules;

import org.tockemu.core.mem.Bus;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * AppFlash 0x50000 (capsules/extra/src/app_flash_driver.rs; libtock-c's app_state): command 1
 * (address) writes read-only allow 0 (at most 512 bytes, the kernel buffer) into the process's
 * own flash, after its protected region; upcall 0 (0, 0, 0) when written. The range must satisfy
 * start &le; address, address &lt; end and address + length &lt; end, else INVAL. While another write
 * is in flight the request is queued (a second one -> NOMEM); as in Tock, a queued write is only
 * started when its buffer is exactly 512 bytes long (otherwise it is dropped without an upcall).
 */
public final class AppFlash implements SyscallDriver {
    public static final int DRIVER_NUM = 0x50000;
    public static final int BUFFER_LEN = 512;
    /** A page erase and rewrite through NonvolatileToPages on an nRF52 (about 130 ms). */
    public static final long WRITE_US = 130_000;

    static final class State extends GrantState {
        @Override public int size() { return 8; }
        boolean pending() { return u32(0) != 0; }
        void setPending(boolean p) { setU32(0, p ? 1 : 0); }
        int address() { return u32(4); }
        void setAddress(int a) { setU32(4, a); }
    }

    private final Kernel kernel;
    private final Bus bus;
    private final Grant<State> grant;
    private ProcessId current;

    /** bus: to program flash (as the flash controller does, ignoring the MPU and read-only mapping). */
    public AppFlash(Kernel kernel, Bus bus) {
        this.kernel = kernel;
        this.bus = bus;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 1, 0, State::new);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int address, int b, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != 1) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        int[] r = {0};
        int err = grant.enter(pid, (s, k) -> {
            Process p = kernel.process(pid);
            long start = Integer.toUnsignedLong(p.flashStart) + p.header.protectedSize(), end = Integer.toUnsignedLong(p.flashEnd());
            long a = Integer.toUnsignedLong(address), len = k.readOnlyAllow(0).length();
            if (a < start || a >= end || a + len >= end) { r[0] = ErrorCode.INVAL; return; }
            if (current == null) {
                current = pid;
                write(address, k.readOnlyAllow(0).read(0, BUFFER_LEN));
            } else if (s.pending()) {
                r[0] = ErrorCode.NOMEM;
            } else {
                s.setPending(true);
                s.setAddress(address);
            }
        });
        if (err == 0) err = r[0];
        return err != 0 ? SyscallReturn.failure(err) : SyscallReturn.success();
    }

    private void write(int address, byte[] data) {
        kernel.schedule(kernel.now() + kernel.cyclesForMicros(WRITE_US), () -> {
            bus.load(address, data, 0, data.length);
            ProcessId p = current;
            current = null;
            if (p != null) grant.enter(p, (s, k) -> k.scheduleUpcall(0, 0, 0, 0));
            boolean[] started = {false};
            grant.each((s, k) -> {
                if (started[0] || !s.pending()) return;
                s.setPending(false);
                current = k.processId();
                var buf = k.readOnlyAllow(0);
                if (buf.length() != BUFFER_LEN) { current = null; return; } // app_flash_driver.rs: false, next app
                write(s.address(), buf.read(0, BUFFER_LEN));
                started[0] = true;
            });
        });
    }
}
