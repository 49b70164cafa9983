package org.tockemu.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.mem.Bus;
import org.tockemu.kernel.sched.Scheduler;

/**
 * The Tock kernel's main loop (kernel.rs kernel_loop): run due kernel work, ask the scheduler for a
 * process, switch to it through a real Cortex-M exception return, and handle whatever brings the
 * CPU back (SVC, SysTick timeslice, the kernel's event interrupt, a fault). When nothing is ready
 * the chip sleeps: the virtual clock jumps to the next event at once.
 */
public final class Kernel {
    /** Kernel version reported to apps (KernelVersion TLV check; libtock-c needs >= 2.2). */
    public static final int VERSION_MAJOR = 2, VERSION_MINOR = 3;

    final Cpu cpu;
    final Bus bus;
    final ProcessCpu processCpu;
    final PrintStream console;
    final long clockHz;
    public final KernelStats stats = new KernelStats();
    public final EventQueue events = new EventQueue();
    private final Map<Integer, SyscallDriver> drivers = new TreeMap<>();
    private final List<Grant<?>> grants = new ArrayList<>();
    private final List<java.util.function.Consumer<Process>> contextSwitchHooks = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Syscalls syscalls = new Syscalls(this);
    private Scheduler scheduler;
    private FaultPolicy faultPolicy = FaultPolicy.panic();
    private boolean syscallFilter;
    private int nextIdentifier;
    private String panicReport;
    private boolean stopRequested;

    public Kernel(Cpu cpu, long clockHz, PrintStream console, Scheduler scheduler, ProcessCpu processCpu) {
        this.cpu = cpu;
        this.bus = cpu.bus;
        this.clockHz = clockHz;
        this.console = console;
        this.scheduler = scheduler;
        this.processCpu = processCpu;
    }

    // ------------------------------------------------------------------ configuration (board)

    public void registerDriver(int number, SyscallDriver driver) { drivers.put(number, driver); }

    /** Creates the grant a capsule keeps its per-process state in (boards do this before loading processes). */
    public <T extends GrantState> Grant<T> createGrant(int driver, int upcalls, int allowRo, int allowRw, Supplier<T> state) {
        if (!processes.isEmpty()) throw new IllegalStateException("grants must be created before processes are loaded");
        Grant<T> g = new Grant<>(this, driver, grants.size(), upcalls, allowRo, allowRw, state);
        grants.add(g);
        return g;
    }

    /** Runs hook before every switch to a process (Tock's ContextSwitchCallback). */
    public void addContextSwitchHook(java.util.function.Consumer<Process> hook) { contextSwitchHooks.add(hook); }

    /** Writes a word of a process's accessible RAM for a capsule (e.g. a userspace-readable buffer); false if outside it. */
    public boolean writeProcessWord(Process p, int addr, int value) {
        if (!p.inAppRam(addr, 4)) return false;
        for (int i = 0; i < 4; i++) bus.write(addr + i, 1, value >>> (8 * i));
        return true;
    }

    public void setFaultPolicy(FaultPolicy policy) { this.faultPolicy = policy; }

    public void setScheduler(Scheduler s) { this.scheduler = s; }

    public Scheduler scheduler() { return scheduler; }

    /** Enables the TBF-permissions syscall filter (tbf_header_filter.rs). */
    public void setSyscallFilter(boolean on) { this.syscallFilter = on; }

    public int grantCount() { return grants.size(); }

    public List<Grant<?>> grants() { return Collections.unmodifiableList(grants); }

    public Map<Integer, SyscallDriver> drivers() { return Collections.unmodifiableMap(drivers); }

    // ------------------------------------------------------------------ processes

    /** Adds a created process and queues its init call. */
    public Process addProcess(Process p) {
        processes.add(p);
        p.reset(nextIdentifier++);
        p.restartCount = 0;
        return p;
    }

    int nextIdentifier() { return nextIdentifier++; }

    public List<Process> processes() { return Collections.unmodifiableList(processes); }

    /** The live process with that id, or null when it is gone or was restarted (stale id). */
    public Process process(ProcessId id) {
        if (id == null || id.index() < 0 || id.index() >= processes.size()) return null;
        Process p = processes.get(id.index());
        return p.identifier == id.identifier() && p.state.isAlive() ? p : null;
    }

    public Process processByName(String name) {
        for (Process p : processes) if (p.name.equals(name)) return p;
        return null;
    }

    SyscallDriver driver(int number) { return drivers.get(number); }

    /** The TBF permissions filter: null when allowed, else Failure(NODEVICE). cmd -1 = subscribe/allow. */
    SyscallReturn filter(Process p, int driver, int cmd) {
        if (!syscallFilter) return null;
        var perms = p.header.permissions();
        if (perms.isEmpty()) return null;
        boolean ok = cmd < 0 ? perms.get().permissions().stream().anyMatch(d -> d.driver() == (driver & 0xFFFFFFFFL))
                : perms.get().allows(driver & 0xFFFFFFFFL, cmd & 0xFFFFFFFFL);
        return ok ? null : SyscallReturn.failure(ErrorCode.NODEVICE);
    }

    // ------------------------------------------------------------------ time

    public long now() { return cpu.cycles; }

    public long clockHz() { return clockHz; }

    public long cyclesForMicros(long us) { return us * clockHz / 1_000_000L; }

    /** Runs action at a virtual time (cycles); capsules use this for timers and deferred work. */
    public void schedule(long cycle, Runnable action) { events.at(Math.max(cycle, cpu.cycles), action); }

    /** Runs action at the next kernel loop iteration (Tock's deferred call). */
    public void defer(Runnable action) { events.at(cpu.cycles, action); }

    public PrintStream console() { return console; }

    // ------------------------------------------------------------------ upcalls

    /** Queues an upcall for p; a null fn queues a ReturnValue task (kept for Yield-WaitFor). */
    boolean queueUpcall(Process p, UpcallId id, int fn, int appdata, int a0, int a1, int a2) {
        if (!p.state.isAlive()) return false;
        Task t = fn == 0 ? Task.returnValue(id, a0, a1, a2) : Task.call(id, a0, a1, a2, appdata, fn);
        if (!p.enqueue(t)) {
            stats.upcallsDropped++;
            return false;
        }
        return true;
    }

    /** A process can run now: running, or blocked with something to deliver. */
    boolean ready(Process p) {
        switch (p.state) {
            case RUNNING: return true;
            case YIELDED: for (Task t : p.tasks) if (t.functionCall()) return true; return false;
            case YIELDED_FOR: for (Task t : p.tasks) if (t.id().equals(p.waitingFor)) return true; return false;
            default: return false;
        }
    }

    /** Moves a blocked process to RUNNING by delivering its next task into its stack frame. */
    private boolean deliver(Process p) {
        if (p.state == ProcessState.YIELDED_FOR) {
            Task t = p.takeFirst(p.waitingFor);
            if (t == null) return false;
            syscalls.writeWaitForResult(p, t);
            p.waitingFor = null;
            p.state = ProcessState.RUNNING;
            return true;
        }
        while (!p.tasks.isEmpty()) {
            Task t = p.tasks.pollFirst();
            if (!t.functionCall()) continue; // a null upcall's event is dropped under Yield-Wait
            if (!stackFrameValid(p)) { fault(p, "upcall frame outside the process's memory"); return false; }
            int f = p.psp;
            bus.write(f, 4, t.arg0());
            bus.write(f + 4, 4, t.arg1());
            bus.write(f + 8, 4, t.arg2());
            bus.write(f + 12, 4, t.arg3());
            bus.write(f + 20, 4, p.yieldPc | 1);
            bus.write(f + 24, 4, t.fn() | 1);
            bus.write(f + 28, 4, p.psr);
            p.state = ProcessState.RUNNING;
            stats.upcallsDelivered++;
            return true;
        }
        return false;
    }

    private boolean stackFrameValid(Process p) {
        return Integer.compareUnsigned(p.psp, p.memStart) >= 0 && p.inAppRam(p.psp, 32);
    }

    // ------------------------------------------------------------------ main loop

    /** How a run of the kernel loop ended. */
    public enum Outcome { TIME_LIMIT, IDLE, ALL_EXITED, PANIC, STOPPED }

    /** Asks the loop to return at the next opportunity. */
    public void requestStop() { stopRequested = true; }

    public String panicReport() { return panicReport; }

    /**
     * Runs the kernel until untilCycle, a panic, or (exitWhenIdle) nothing can ever run again.
     */
    public Outcome run(long untilCycle, boolean exitWhenIdle) {
        while (true) {
            if (panicReport != null) return Outcome.PANIC;
            if (stopRequested) { stopRequested = false; return Outcome.STOPPED; }
            events.runDue(cpu.cycles);
            if (panicReport != null) return Outcome.PANIC;
            if (cpu.cycles >= untilCycle) return Outcome.TIME_LIMIT;
            Scheduler.Decision d = scheduler.next(processes, this::ready);
            if (d == null) {
                boolean anyAlive = false;
                for (Process p : processes) anyAlive |= p.state.isAlive();
                long next = events.nextCycle();
                if (next == Long.MAX_VALUE) {
                    if (!anyAlive) return Outcome.ALL_EXITED;
                    if (exitWhenIdle) return Outcome.IDLE;
                    next = untilCycle;
                    if (next == Long.MAX_VALUE) return Outcome.IDLE;
                }
                long target = Math.min(next, untilCycle);
                if (target > cpu.cycles) {
                    stats.sleeps++;
                    stats.sleepCycles += target - cpu.cycles;
                    cpu.cycles = target; // sleep: the virtual clock jumps to the next event
                }
                continue;
            }
            try {
                runProcess(d.process(), d.timesliceUs(), untilCycle);
            } catch (RuntimeException e) {
                // an emulator bug, never guest behaviour: stop the board with a report instead of dying
                panic("internal emulator error while running " + d.process().name + ": " + e + "\n" + cpu.describeRegisters());
            }
        }
    }

    private void runProcess(Process p, long timesliceUs, long untilCycle) {
        if (p.state != ProcessState.RUNNING && !deliver(p)) {
            scheduler.result(Scheduler.StopReason.YIELDED, 0);
            return;
        }
        stats.contextSwitches++;
        long start = cpu.cycles;
        long sliceEnd = timesliceUs > 0 ? start + cyclesForMicros(timesliceUs) : Long.MAX_VALUE;
        beforeSwitch(p);
        processCpu.switchTo(p, mpuRegions(p),
                timesliceUs > 0 ? sliceEnd - start : 0);
        Scheduler.StopReason why;
        outer:
        while (true) {
            long budgetEnd = Math.min(Math.min(events.nextCycle(), untilCycle), Long.MAX_VALUE);
            long budget = Math.max(1, budgetEnd - cpu.cycles);
            int reason = processCpu.run(budget);
            switch (reason) {
                case StopReason.BUDGET:
                case StopReason.SLEEP:
                    processCpu.preempt(); // an interrupt brings the CPU back into the kernel, stacked as hardware does
                    continue;
                case StopReason.HOOK:
                    break;
                default:
                    panic("CPU stopped (" + StopReason.name(reason) + ") while running " + p.name);
                    why = Scheduler.StopReason.FAULTED;
                    break outer;
            }
            int exc = processCpu.hookedException();
            processCpu.saveContext(p);
            if (!stackFrameValid(p)) {
                fault(p, "stack pointer 0x" + Integer.toHexString(p.psp) + " outside the process's accessible memory");
                why = Scheduler.StopReason.FAULTED;
                break;
            }
            if (exc == Fault.SVCALL) {
                int pc = bus.read(p.psp + 24, 4);
                p.yieldPc = pc;
                p.psr = bus.read(p.psp + 28, 4);
                int svc = bus.read(pc - 2, 2) & 0xFF;
                Syscalls.Next next = syscalls.handle(p, svc);
                if (next == Syscalls.Next.RESUME) {
                    if (panicReport != null) { why = Scheduler.StopReason.FAULTED; break; }
                    beforeSwitch(p);
                    processCpu.resume(p, mpuRegions(p));
                    continue;
                }
                if (next == Syscalls.Next.YIELDED) {
                    if (p.state == ProcessState.YIELDED && deliver(p)) {
                        beforeSwitch(p);
                        processCpu.resume(p, mpuRegions(p));
                        continue;
                    }
                    why = Scheduler.StopReason.YIELDED;
                    break;
                }
                if (next == Syscalls.Next.FAULT) {
                    fault(p, "invalid system call: " + p.lastSyscall());
                    why = Scheduler.StopReason.FAULTED;
                    break;
                }
                why = Scheduler.StopReason.EXITED;
                break;
            } else if (exc == Fault.SYSTICK) {
                p.timesliceExpirations++;
                why = Scheduler.StopReason.TIMESLICE_EXPIRED;
                break;
            } else if (exc == processCpu.kernelIrq()) {
                why = Scheduler.StopReason.KERNEL_PREEMPTION;
                break;
            } else {
                fault(p, null);
                why = Scheduler.StopReason.FAULTED;
                break;
            }
        }
        processCpu.leave();
        long ran = cpu.cycles - start;
        p.cyclesRun += ran;
        scheduler.result(why, ran * 1_000_000L / clockHz);
    }

    /** Tock's context-switch callbacks, run before every entry into a process. */
    private void beforeSwitch(Process p) {
        for (int i = 0; i < contextSwitchHooks.size(); i++) contextSwitchHooks.get(i).accept(p);
    }

    /** The PMSAv7 region words for a process, as Tock's Cortex-M MPU code computes them. */
    static int[] mpuRegions(Process p) {
        return MpuLayout.withExtraRegions(MpuLayout.regions(p.memStart, p.memLen, p.appBreak, p.kernelBreak, p.flashStart, p.flashSize),
                p.extraRegions);
    }

    // ------------------------------------------------------------------ lifecycle and faults

    void terminate(Process p, Integer code) {
        p.terminate(code);
    }

    void restart(Process p, Integer code) {
        p.terminate(code);
        p.restartCount++;
        stats.restarts++;
        int restarts = p.restartCount;
        p.reset(nextIdentifier());
        p.restartCount = restarts;
    }

    /** A process faulted: apply the fault policy (process_policies.rs). */
    void fault(Process p, String reason) {
        stats.faults++;
        p.state = ProcessState.FAULTED;
        String report = ProcessPrinter.faultReport(this, p, reason);
        FaultPolicy.Action action = faultPolicy.decide(p.restartCount);
        switch (action) {
            case PANIC:
                p.state = ProcessState.FAULTED;
                panic("Process " + p.name + " had a fault\n" + report);
                break;
            case STOP:
                p.terminate(null);
                p.state = ProcessState.FAULTED;
                if (faultPolicy.debug()) console.println(report + "Process " + p.name + " faulted and was stopped.");
                break;
            default:
                if (faultPolicy.debug()) console.println(report + "Process " + p.name + " faulted and will be restarted.");
                restart(p, null);
                break;
        }
    }

    void panic(String message) {
        if (panicReport != null) return;
        panicReport = "panicked at tockemu kernel: " + message + "\n\tKernel version " + VERSION_MAJOR + "." + VERSION_MINOR + ".0\n";
        console.print(panicReport);
        console.flush();
    }

    /** After brk/sbrk the MPU regions change; the switch back programs them again. */
    SyscallReturn mpuChanged(Process p, SyscallReturn r) { return r; }

    /** Operator actions (process console): stop, start, fault, terminate, boot. */
    public boolean stopProcess(Process p) {
        if (p.state == ProcessState.RUNNING) { p.state = ProcessState.STOPPED_RUNNING; return true; }
        if (p.state == ProcessState.YIELDED || p.state == ProcessState.YIELDED_FOR) { p.state = ProcessState.STOPPED_YIELDED; return true; }
        return false;
    }

    public boolean resumeProcess(Process p) {
        if (p.state == ProcessState.STOPPED_RUNNING) { p.state = ProcessState.RUNNING; return true; }
        if (p.state == ProcessState.STOPPED_YIELDED) { p.state = p.waitingFor != null ? ProcessState.YIELDED_FOR : ProcessState.YIELDED; return true; }
        return false;
    }

    public void faultProcess(Process p) { if (p.state.isAlive()) fault(p, "fault requested by the process console"); }

    public void terminateProcess(Process p) { if (p.state.isAlive()) p.terminate(null); }

    public void bootProcess(Process p) {
        if (p.state == ProcessState.TERMINATED || p.state == ProcessState.FAULTED) {
            int restarts = p.restartCount;
            p.reset(nextIdentifier());
            p.restartCount = restarts;
        }
    }
}
