package org.tockemu.kernel;

import org.tockemu.core.mem.Bus;

/**
 * The TRD104 system-call classes, decoded from the stacked frame and dispatched (kernel.rs
 * handle_syscall). Each handler returns what the kernel does next with the process.
 */
final class Syscalls {
    static final int YIELD = 0, SUBSCRIBE = 1, COMMAND = 2, ALLOW_RW = 3, ALLOW_RO = 4, MEMOP = 5, EXIT = 6, ALLOW_UR = 7;
    static final String[] NAMES = {"Yield", "Subscribe", "Command", "ReadWriteAllow", "ReadOnlyAllow", "Memop", "Exit", "UserspaceReadableAllow"};

    /** What happens after a syscall. */
    enum Next { RESUME, YIELDED, FAULT, GONE }

    private final Kernel kernel;

    Syscalls(Kernel kernel) { this.kernel = kernel; }

    /**
     * Handles the syscall whose frame is at p.psp. r0-r3 are the stacked argument registers.
     * Results are written into the frame before returning RESUME.
     */
    Next handle(Process p, int svc) {
        Bus bus = kernel.bus;
        int frame = p.psp;
        int r0 = bus.read(frame, 4), r1 = bus.read(frame + 4, 4), r2 = bus.read(frame + 8, 4), r3 = bus.read(frame + 12, 4);
        p.syscallCount++;
        kernel.stats.syscalls++;
        p.lastSyscallClass = svc;
        p.lastSyscallArgs[0] = r0;
        p.lastSyscallArgs[1] = r1;
        p.lastSyscallArgs[2] = r2;
        p.lastSyscallArgs[3] = r3;
        if (svc < 0 || svc > 7) return Next.FAULT;
        kernel.stats.syscallsByClass[svc]++;
        switch (svc) {
            case YIELD: return doYield(p, r0, r1, r2);
            case SUBSCRIBE: return result(p, subscribe(p, r0, r1, r2, r3));
            case COMMAND: return result(p, command(p, r0, r1, r2, r3));
            case ALLOW_RW: return result(p, allow(p, r0, r1, r2, r3, true));
            case ALLOW_RO: return result(p, allow(p, r0, r1, r2, r3, false));
            case ALLOW_UR: return result(p, allowUserspaceReadable(p, r0, r1, r2, r3));
            case MEMOP: return result(p, memop(p, r0, r1));
            default: return exit(p, r0, r1);
        }
    }

    private Next result(Process p, SyscallReturn ret) {
        writeReturn(p, ret);
        return Next.RESUME;
    }

    void writeReturn(Process p, SyscallReturn ret) {
        Bus bus = kernel.bus;
        int frame = p.psp;
        bus.write(frame, 4, ret.variant);
        if (ret.used >= 1) bus.write(frame + 4, 4, ret.r1);
        if (ret.used >= 2) bus.write(frame + 8, 4, ret.r2);
        if (ret.used >= 3) bus.write(frame + 12, 4, ret.r3);
    }

    // ------------------------------------------------------------------ yield

    private Next doYield(Process p, int which, int a, int b) {
        switch (which) {
            case 0: { // no-wait: report whether a task ran
                boolean has = !p.tasks.isEmpty();
                if (a != 0 && p.inAppRam(a, 1)) kernel.bus.write(a, 1, has ? 1 : 0);
                if (!has) return Next.RESUME;
                p.state = ProcessState.YIELDED;
                return Next.YIELDED;
            }
            case 1:
                p.state = ProcessState.YIELDED;
                return Next.YIELDED;
            case 2: {
                UpcallId id = new UpcallId(a, b);
                Task t = p.takeFirst(id);
                if (t != null) {
                    writeWaitForResult(p, t);
                    return Next.RESUME;
                }
                p.waitingFor = id;
                p.state = ProcessState.YIELDED_FOR;
                return Next.YIELDED;
            }
            default:
                return Next.FAULT; // Tock master faults the process on an unknown yield number
        }
    }

    /** Yield-WaitFor returns the event's three arguments in r0-r2, no variant code. */
    void writeWaitForResult(Process p, Task t) {
        Bus bus = kernel.bus;
        bus.write(p.psp, 4, t.arg0());
        bus.write(p.psp + 4, 4, t.arg1());
        bus.write(p.psp + 8, 4, t.arg2());
        kernel.stats.upcallsDelivered++;
    }

    // ------------------------------------------------------------------ subscribe

    private SyscallReturn subscribe(Process p, int driverNum, int n, int fn, int appdata) {
        if (fn != 0 && !(p.inAppFlash(fn & ~1, 4) || p.inAppRam(fn & ~1, 4))) return SyscallReturn.failure2U32(ErrorCode.INVAL, fn, appdata);
        SyscallDriver driver = kernel.driver(driverNum);
        if (driver == null) return SyscallReturn.failure2U32(ErrorCode.NODEVICE, fn, appdata);
        SyscallReturn filtered = kernel.filter(p, driverNum, -1);
        if (filtered != null) return filtered;
        Grant<?> g = driver.grant();
        if (g == null) return SyscallReturn.failure2U32(ErrorCode.NOMEM, fn, appdata);
        if (Integer.compareUnsigned(n, g.upcalls) >= 0) return SyscallReturn.failure2U32(ErrorCode.NOSUPPORT, fn, appdata);
        int base = g.allocate(p);
        if (base == 0) return SyscallReturn.failure2U32(ErrorCode.NOMEM, fn, appdata);
        int slot = base + g.upcallOffset(n);
        int oldFn = kernel.bus.read(slot, 4), oldData = kernel.bus.read(slot + 4, 4);
        kernel.bus.write(slot, 4, fn);
        kernel.bus.write(slot + 4, 4, appdata);
        p.removeFunctionCalls(new UpcallId(driverNum, n));
        return SyscallReturn.success2U32(oldFn, oldData);
    }

    // ------------------------------------------------------------------ command

    private SyscallReturn command(Process p, int driverNum, int cmd, int arg1, int arg2) {
        SyscallDriver driver = kernel.driver(driverNum);
        if (driver == null) return SyscallReturn.failure(ErrorCode.NODEVICE);
        SyscallReturn filtered = kernel.filter(p, driverNum, cmd);
        if (filtered != null) return filtered;
        return driver.command(cmd, arg1, arg2, p.id());
    }

    // ------------------------------------------------------------------ allow

    private SyscallReturn allow(Process p, int driverNum, int n, int addr, int len, boolean readWrite) {
        SyscallDriver driver = kernel.driver(driverNum);
        if (driver == null) return SyscallReturn.failure2U32(ErrorCode.NODEVICE, addr, len);
        SyscallReturn filtered = kernel.filter(p, driverNum, -1);
        if (filtered != null) return filtered;
        if (len != 0) {
            boolean ok = p.inAppRam(addr, len) || (!readWrite && p.inAppFlash(addr, len));
            if (!ok) return SyscallReturn.failure2U32(ErrorCode.INVAL, addr, len);
        }
        Grant<?> g = driver.grant();
        if (g == null) return SyscallReturn.failure2U32(ErrorCode.NOMEM, addr, len);
        int count = readWrite ? g.allowReadWrite : g.allowReadOnly;
        if (Integer.compareUnsigned(n, count) >= 0) return SyscallReturn.failure2U32(ErrorCode.NOSUPPORT, addr, len);
        int base = g.allocate(p);
        if (base == 0) return SyscallReturn.failure2U32(ErrorCode.NOMEM, addr, len);
        int slot = base + (readWrite ? g.allowReadWriteOffset(n) : g.allowReadOnlyOffset(n));
        int oldAddr = kernel.bus.read(slot, 4), oldLen = kernel.bus.read(slot + 4, 4);
        kernel.bus.write(slot, 4, len == 0 ? 0 : addr);
        kernel.bus.write(slot + 4, 4, len);
        if (p.inAppRam(addr, len)) p.noteAllow(addr, len);
        return SyscallReturn.success2U32(oldAddr, oldLen);
    }

    private SyscallReturn allowUserspaceReadable(Process p, int driverNum, int n, int addr, int len) {
        SyscallDriver driver = kernel.driver(driverNum);
        if (driver == null) return SyscallReturn.failure2U32(ErrorCode.NODEVICE, addr, len);
        if (len != 0 && !p.inAppRam(addr, len)) return SyscallReturn.failure2U32(ErrorCode.INVAL, addr, len);
        SyscallReturn r = driver.allowUserspaceReadable(n, addr, len, p.id());
        if (r.isSuccess()) p.noteAllow(addr, len);
        return r;
    }

    // ------------------------------------------------------------------ memop

    private SyscallReturn memop(Process p, int op, int arg) {
        switch (op) {
            case 0: return p.setBreak(arg) ? kernel.mpuChanged(p, SyscallReturn.success()) : SyscallReturn.failure(ErrorCode.NOMEM);
            case 1: {
                int old = p.appBreak;
                return p.setBreak(old + arg) ? kernel.mpuChanged(p, SyscallReturn.successU32(old)) : SyscallReturn.failure(ErrorCode.NOMEM);
            }
            case 2: return SyscallReturn.successU32(p.memStart);
            case 3: return SyscallReturn.successU32(p.memEnd());
            case 4: return SyscallReturn.successU32(p.flashStart);
            case 5: return SyscallReturn.successU32(p.flashEnd());
            case 6: return SyscallReturn.successU32(p.kernelBreak);
            case 7: return SyscallReturn.successU32(p.header.writeableFlashRegions().size());
            case 8: case 9: {
                var regions = p.header.writeableFlashRegions();
                if (arg < 0 || arg >= regions.size() || regions.get(arg).size() == 0) return SyscallReturn.failure(ErrorCode.FAIL);
                var r = regions.get(arg);
                int start = p.flashStart + (int) r.offset();
                return SyscallReturn.successU32(op == 8 ? start : start + (int) r.size());
            }
            case 10:
                if (p.inAppRam(arg, 0) || arg == p.appBreak) p.stackTopHint = arg;
                return SyscallReturn.success();
            case 11:
                if (p.inAppRam(arg, 0) || arg == p.appBreak) p.heapStartHint = arg;
                return SyscallReturn.success();
            default:
                return SyscallReturn.failure(ErrorCode.NOSUPPORT);
        }
    }

    // ------------------------------------------------------------------ exit

    private Next exit(Process p, int which, int code) {
        switch (which) {
            case 0:
                kernel.terminate(p, code);
                return Next.GONE;
            case 1:
                kernel.restart(p, code);
                return Next.GONE;
            default:
                writeReturn(p, SyscallReturn.failure(ErrorCode.NOSUPPORT));
                return Next.RESUME;
        }
    }
}
