package org.tockemu.capsules;

import java.io.OutputStream;
import java.util.ArrayDeque;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Console (capsules/core/src/console.rs) over a virtualised UART: transmissions from all processes
 * queue in order; each takes the UART time of its bytes at the board's baud rate, then upcall 1
 * reports (bytes written, 0, 0). Receives take bytes from the emulator's input.
 */
public final class Console implements SyscallDriver {
    /** Per-process state: pending write length and read length (0 = none), in grant memory. */
    static final class State extends GrantState {
        @Override public int size() { return 12; }
        int writeLen() { return u32(0); }
        void setWriteLen(int v) { setU32(0, v); }
        int readLen() { return u32(4); }
        void setReadLen(int v) { setU32(4, v); }
        int writeQueued() { return u32(8); }
        void setWriteQueued(int v) { setU32(8, v); }
    }

    /** Kernel receive buffer (console.rs: 64 bytes by default). */
    public static final int RX_BUFFER = 64;

    private final Kernel kernel;
    private final Grant<State> grant;
    private final OutputStream out;
    private final long cyclesPerByte;
    private final ArrayDeque<ProcessId> txQueue = new ArrayDeque<>();
    private boolean txBusy;
    private ProcessId reader;
    private final ArrayDeque<Byte> input = new ArrayDeque<>();
    public long bytesWritten;

    public Console(Kernel kernel, OutputStream out, int baud) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.CONSOLE, 3, 2, 2, State::new);
        this.out = out;
        this.cyclesPerByte = Math.max(1, kernel.clockHz() * 10 / baud); // 8N1: 10 bit times per byte
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int arg1, int arg2, ProcessId pid) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: {
                int[] rc = {0};
                int err = grant.enter(pid, (s, k) -> {
                    if (s.writeQueued() != 0) { rc[0] = ErrorCode.BUSY; return; }
                    s.setWriteLen(arg1);
                    s.setWriteQueued(1);
                });
                if (err != 0) return SyscallReturn.failure(err);
                if (rc[0] != 0) return SyscallReturn.failure(rc[0]);
                txQueue.addLast(pid);
                if (!txBusy) startNextTransmission();
                return SyscallReturn.success();
            }
            case 2: {
                if (reader != null && kernel.process(reader) != null && !reader.equals(pid)) return SyscallReturn.failure(ErrorCode.BUSY);
                if (arg1 > RX_BUFFER) return SyscallReturn.failure(ErrorCode.INVAL);
                int err = grant.enter(pid, (s, k) -> s.setReadLen(arg1));
                if (err != 0) return SyscallReturn.failure(err);
                reader = pid;
                kernel.defer(this::deliverInput);
                return SyscallReturn.success();
            }
            case 3: {
                if (reader == null || !reader.equals(pid)) return SyscallReturn.success();
                reader = null;
                grant.enter(pid, (s, k) -> { s.setReadLen(0); k.scheduleUpcall(2, ErrorCode.CANCEL, 0, 0); });
                return SyscallReturn.success();
            }
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private void startNextTransmission() {
        while (!txQueue.isEmpty()) {
            ProcessId pid = txQueue.pollFirst();
            int[] written = {-1};
            grant.enter(pid, (s, k) -> {
                var buf = k.readOnlyAllow(1);
                int n = Math.min(s.writeLen(), buf.length());
                byte[] bytes = buf.read(0, n);
                emit(bytes);
                written[0] = bytes.length;
            });
            if (written[0] < 0) continue; // the process is gone
            txBusy = true;
            int n = written[0];
            kernel.schedule(kernel.now() + cyclesPerByte * Math.max(1, n), () -> {
                txBusy = false;
                grant.enter(pid, (s, k) -> {
                    s.setWriteQueued(0);
                    k.scheduleUpcall(1, n, 0, 0);
                });
                startNextTransmission();
            });
            return;
        }
    }

    /** Kernel output (debug!, LowLevelDebug, fault reports) shares the UART with processes. */
    public void emit(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        bytesWritten += bytes.length;
    }

    /** Feeds bytes to the console's receive side (emulator stdin, scripted input). */
    public void input(byte[] bytes) {
        for (byte b : bytes) input.addLast(b);
        kernel.defer(this::deliverInput);
    }

    private void deliverInput() {
        if (reader == null || input.isEmpty()) return;
        ProcessId pid = reader;
        int err = grant.enter(pid, (s, k) -> {
            var buf = k.readWriteAllow(1);
            int want = Math.min(s.readLen(), buf.length());
            if (input.size() < want) return; // wait for more input
            for (int i = 0; i < want; i++) buf.set(i, input.pollFirst());
            s.setReadLen(0);
            reader = null;
            k.scheduleUpcall(2, 0, want, 0);
        });
        if (err != 0) reader = null;
    }
}
