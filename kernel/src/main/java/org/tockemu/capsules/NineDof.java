package org.tockemu.capsules;

import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * NineDof 0x60004 (capsules/extra/src/ninedof.rs): command 1 reads the accelerometer, 100 the
 * magnetometer, 200 the gyroscope; upcall 0 gets (x, y, z). One reading at a time: a process
 * asking while another's reading is in flight is queued (a second queued request -> BUSY);
 * a missing sensor -> NODEVICE. When a reading ends, queued processes that asked for the same
 * command as the finished one's stored command get the same values, as in Tock (the stored
 * command of the process served directly is the one it last queued, initially none).
 *
 * <p>Sensors are fixed vectors (accelerometer in mg, magnetometer in the chip's units, gyroscope
 * in dps); null means the sensor is absent.
 */
public final class NineDof implements SyscallDriver {
    public static final int DRIVER_NUM = 0x60004;
    public static final int ACCEL = 1, MAG = 100, GYRO = 200;
    /** One LSM303/FXOS8700-class read over I2C (about 2 ms). */
    public static final long READ_US = 2_000;

    static final class State extends GrantState {
        @Override public int size() { return 12; }
        boolean pending() { return u32(0) != 0; }
        void setPending(boolean p) { setU32(0, p ? 1 : 0); }
        int command() { return u32(4); }
        void setCommand(int c) { setU32(4, c); }
        int arg() { return u32(8); }
        void setArg(int a) { setU32(8, a); }
    }

    private final Kernel kernel;
    private final Grant<State> grant;
    private final long readCycles;
    private int[] accel, mag, gyro;
    private ProcessId current;

    public NineDof(Kernel kernel, int[] accel, int[] mag, int[] gyro) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 1, 0, 0, State::new);
        this.readCycles = kernel.cyclesForMicros(READ_US);
        setSensors(accel, mag, gyro);
    }

    /** Replaces the sensor values (each {x, y, z} or null for an absent sensor). */
    public void setSensors(int[] accel, int[] mag, int[] gyro) {
        this.accel = accel; this.mag = mag; this.gyro = gyro;
    }

    /** Parses a board-config vector "x,y,z"; "" or "none" means absent (null). */
    public static int[] parseVector(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.equals("none")) return null;
        String[] p = t.split(",");
        if (p.length != 3) throw new IllegalArgumentException("expected \"x,y,z\" or \"none\", found \"" + s + "\"");
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) v[i] = Integer.parseInt(p[i].trim());
        return v;
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int arg1, int arg2, ProcessId pid) {
        if (cmd == 0) return SyscallReturn.success();
        if (cmd != ACCEL && cmd != MAG && cmd != GYRO) return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        SyscallReturn[] r = {null};
        int err = grant.enter(pid, (s, k) -> {
            if (current == null) {
                current = pid;
                int e = callDriver(cmd);
                if (e != 0) current = null;
                r[0] = e == 0 ? SyscallReturn.success() : SyscallReturn.failure(e);
            } else if (s.pending()) {
                r[0] = SyscallReturn.failure(ErrorCode.BUSY);
            } else {
                s.setPending(true);
                s.setCommand(cmd);
                s.setArg(arg1);
                r[0] = SyscallReturn.success();
            }
        });
        return err != 0 ? SyscallReturn.failure(err) : r[0];
    }

    /** Starts a read of one sensor; 0 or NODEVICE. */
    private int callDriver(int cmd) {
        int[] v = cmd == ACCEL ? accel : cmd == MAG ? mag : gyro;
        if (v == null) return ErrorCode.NODEVICE;
        int x = v[0], y = v[1], z = v[2];
        kernel.schedule(kernel.now() + readCycles, () -> done(x, y, z));
        return 0;
    }

    private void done(int x, int y, int z) {
        int[] finished = {0, 0}; // NineDofCommand::Exists, arg 0
        ProcessId p = current;
        current = null;
        if (p != null) grant.enter(p, (s, k) -> {
            s.setPending(false);
            finished[0] = s.command();
            finished[1] = s.arg();
            k.scheduleUpcall(0, x, y, z);
        });
        boolean[] started = {false};
        grant.each((s, k) -> {
            if (started[0] || !s.pending()) return;
            if (s.command() == finished[0] && s.arg() == finished[1]) {
                s.setPending(false);
                k.scheduleUpcall(0, x, y, z);
            } else {
                s.setPending(false);
                current = k.processId();
                started[0] = callDriver(s.command()) == 0;
                if (!started[0]) current = null;
            }
        });
    }
}
