package org.tockemu.capsules;

import java.nio.charset.StandardCharsets;
import org.tockemu.kernel.ErrorCode;
import org.tockemu.kernel.Grant;
import org.tockemu.kernel.GrantState;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessBuffer;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;

/**
 * ProcessInfo 0x10002 (capsules/extra/src/process_info_driver.rs, experimental): inspect and
 * control every process on the board (in process-table order, whatever its state) through
 * read-write allow 0.
 * <ul>
 * <li>1 -> SuccessU32(process count);</li>
 * <li>2 / 3 -> the process ids (Tock's ProcessId::id, changing on restart) / ShortIds (0 = locally
 *     unique) as LE u32s, as many as fit; SuccessU32(process count);</li>
 * <li>4 (id) -> the name of that process, NUL-terminated (if it fits); Success;</li>
 * <li>5 (id) -> timeslice expirations, syscall count, restart count, state (0 running,
 *     1 yielded, 2 yielded-for, 3 stopped, 4 faulted, 5 terminated) as LE u32s; Success;</li>
 * <li>10 (id, action) -> 1 start, 2 stop, 3 fault, 4 terminate, 5 boot (a terminated process);
 *     Success, also for an unknown id or action.</li>
 * </ul>
 */
public final class ProcessInfo implements SyscallDriver {
    public static final int DRIVER_NUM = 0x10002;

    static final class State extends GrantState {
        @Override public int size() { return 0; }
    }

    private final Kernel kernel;
    private final Grant<State> grant;

    public ProcessInfo(Kernel kernel) {
        this.kernel = kernel;
        this.grant = kernel.createGrant(DRIVER_NUM, 0, 0, 1, State::new);
    }

    @Override public Grant<?> grant() { return grant; }

    @Override public SyscallReturn command(int cmd, int data1, int data2, ProcessId pid) {
        var all = kernel.processes();
        switch (cmd) {
            case 0: return SyscallReturn.success();
            case 1: return SyscallReturn.successU32(all.size());
            case 2: case 3:
                grant.enter(pid, (s, k) -> {
                    ProcessBuffer b = k.readWriteAllow(0);
                    int at = 0;
                    for (Process p : all) {
                        if (at + 4 > b.length()) break;
                        int v = cmd == 2 ? p.id().identifier() : (int) p.header.shortId().orElse(0);
                        putU32(b, at, v);
                        at += 4;
                    }
                });
                return SyscallReturn.successU32(all.size());
            case 4: case 5: {
                Process target = find(data1);
                if (target != null) grant.enter(pid, (s, k) -> {
                    ProcessBuffer b = k.readWriteAllow(0);
                    if (cmd == 4) {
                        byte[] n = target.name.getBytes(StandardCharsets.UTF_8);
                        if (n.length < b.length()) { b.write(0, n, 0, n.length); b.set(n.length, 0); }
                    } else {
                        int[] v = {target.timesliceExpirations(), target.syscallCount(), target.restartCount(), stateId(target)};
                        for (int i = 0; i < v.length && 4 * i + 4 <= b.length(); i++) putU32(b, 4 * i, v[i]);
                    }
                });
                return SyscallReturn.success();
            }
            case 10: {
                Process target = find(data1);
                if (target != null) {
                    switch (data2) {
                        case 1: kernel.resumeProcess(target); break;
                        case 2: kernel.stopProcess(target); break;
                        case 3: kernel.faultProcess(target); break;
                        case 4: kernel.terminateProcess(target); break;
                        case 5: if (target.state() == org.tockemu.kernel.ProcessState.TERMINATED) kernel.bootProcess(target); break;
                        default: break;
                    }
                }
                return SyscallReturn.success();
            }
            default: return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    private Process find(int id) {
        for (Process p : kernel.processes()) if (p.id().identifier() == id) return p;
        return null;
    }

    private static int stateId(Process p) {
        switch (p.state()) {
            case RUNNING: return 0;
            case YIELDED: return 1;
            case YIELDED_FOR: return 2;
            case STOPPED_RUNNING: case STOPPED_YIELDED: return 3;
            case FAULTED: return 4;
            default: return 5;
        }
    }

    private static void putU32(ProcessBuffer b, int at, int v) {
        for (int i = 0; i < 4; i++) b.set(at + i, v >>> (8 * i));
    }
}
