package org.tockemu.capsules;

import java.nio.charset.StandardCharsets;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * Inter-process communication (kernel/src/ipc.rs, Tock 2.x): services are found by package name
 * (command 1 over read-only allow 0 returns the service id = process index); subscribe number i is
 * the upcall for service i; notify service (2) / notify client (3) schedule (caller id, len, ptr)
 * where the buffer is the one the caller shared with the target through read-write allow
 * (target id). The target gets an MPU region over that buffer so it can use it.
 */
public final class Ipc implements SyscallDriver {
    static final class State extends GrantState {
        @Override public int size() { return 4; }
    }

    private final Kernel kernel;
    private final Grant<State> grant;

    public Ipc(Kernel kernel, int maxProcesses) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DriverNumbers.IPC, maxProcesses, 1, maxProcesses, State::new);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int target, int arg2, ProcessId caller) {
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: return discover(caller);
            case 2: return notify(caller, target, true);
            case 3: return notify(caller, target, false);
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private SyscallReturn discover(ProcessId caller) {
        String[] name = {null};
        int err = grant.enter(caller, (s, k) -> {
            var buf = k.readOnlyAllow(0);
            if (buf.length() > 0) name[0] = new String(buf.read(0, buf.length()), StandardCharsets.UTF_8);
        });
        if (err != 0) return SyscallReturn.failure(err);
        if (name[0] == null) return SyscallReturn.failure(ErrorCode.INVAL);
        for (Process p : kernel.processes()) {
            if (p.state().isAlive() && p.name.equals(name[0])) return SyscallReturn.successU32(p.index);
        }
        return SyscallReturn.failure(ErrorCode.NODEVICE);
    }

    private SyscallReturn notify(ProcessId caller, int targetIndex, boolean toService) {
        if (targetIndex < 0 || targetIndex >= kernel.processes().size()) return SyscallReturn.failure(ErrorCode.INVAL);
        Process target = kernel.processes().get(targetIndex);
        if (!target.state().isAlive() || target.index == caller.index()) return SyscallReturn.failure(ErrorCode.INVAL);
        int[] shared = {0, 0};
        int err = grant.enter(caller, (s, k) -> {
            var buf = k.readWriteAllow(targetIndex);
            shared[0] = buf.length();
            if (shared[0] > 0) shared[1] = buf.address();
        });
        if (err != 0) return SyscallReturn.failure(err);
        if (shared[0] > 0) target.addMpuRegion(shared[1], shared[0]);
        int upcall = toService ? targetIndex : caller.index();
        err = grant.enter(target.id(), (s, k) -> k.scheduleUpcall(upcall, caller.index(), shared[0], shared[1]));
        return err == 0 ? SyscallReturn.success() : SyscallReturn.failure(ErrorCode.INVAL);
    }
}
