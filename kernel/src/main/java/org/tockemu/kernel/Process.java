package org.tockemu.kernel;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.tockemu.core.mem.Bus;
import org.tockemu.kernel.tbf.TbfHeader;

/**
 * One Tock process (ProcessStandard): its flash image, its fixed RAM block and the kernel-owned
 * memory carved from the top of that block, its stored CPU context, task queue and accounting.
 *
 * <pre>
 * memStart+memLen ┬ grant pointers, upcall ring, process control block (initial kernel memory)
 *                 │ grant allocations, growing down
 * kernelBreak ────┤ unused
 * appBreak ───────┤ heap ↑ / .bss .data .got / stack ↓ (libtock-c)
 * memStart ───────┘
 * </pre>
 */
public final class Process {
    /** Tock's task ring length (CALLBACK_LEN). */
    public static final int TASK_QUEUE_LEN = 10;
    /** initial_process_app_brk_size. */
    public static final int INITIAL_APP_BRK = 32;
    /** Sizes of the kernel structures at the top of the block, thumbv7em build. UNVERIFIED estimates (see tock-abi.md §9). */
    public static final int GRANT_POINTER_SIZE = 8, TASK_SIZE = 36, PCB_SIZE = 320;

    public final int index;
    public final String name;
    public final TbfHeader header;
    public final int flashStart, flashSize;
    public final int memStart, memLen;
    final Bus bus;
    private final int initialKernelMemory;

    int identifier;
    ProcessState state = ProcessState.YIELDED;
    int appBreak, kernelBreak, allowHighWater;
    /** Stored r4-r11 and the process stack pointer while the process is not running. */
    final int[] savedRegs = new int[8];
    int psp;
    int yieldPc, psr = 0x0100_0000;
    final ArrayDeque<Task> tasks = new ArrayDeque<>(TASK_QUEUE_LEN);
    /** The upcall a Yield-WaitFor waits for, when state is YIELDED_FOR. */
    UpcallId waitingFor;
    /** Grant allocations by grant index (0 = not allocated). */
    final int[] grantPointers;
    int restartCount, syscallCount, droppedUpcalls, timesliceExpirations;
    /** The last system call (class, r0-r3), kept raw and formatted only for reports: -1 = none. */
    int lastSyscallClass = -1;
    final int[] lastSyscallArgs = new int[4];
    Integer completionCode;
    /** Tock's "debug" stack/heap hints from memops 10 and 11. */
    int stackTopHint, heapStartHint;
    long cyclesRun;
    /** Extra MPU regions granted by the kernel (IPC shared buffers): pairs of (start, size). */
    final java.util.List<int[]> extraRegions = new java.util.ArrayList<>();

    Process(int index, int identifier, String name, TbfHeader header, int flashStart, int flashSize,
            int memStart, int memLen, int initialKernelMemory, int grantCount, Bus bus) {
        this.index = index;
        this.identifier = identifier;
        this.name = name;
        this.header = header;
        this.flashStart = flashStart;
        this.flashSize = flashSize;
        this.memStart = memStart;
        this.memLen = memLen;
        this.initialKernelMemory = initialKernelMemory;
        this.grantPointers = new int[grantCount];
        this.bus = bus;
        resetMemory();
    }

    /** Initial kernel memory for a board with grantCount grants (grant pointers, task ring, PCB), word aligned. */
    public static int initialKernelMemory(int grantCount) {
        return (grantCount * GRANT_POINTER_SIZE + TASK_QUEUE_LEN * TASK_SIZE + PCB_SIZE + 7) & ~7;
    }

    /** Adds a read-write region (power-of-two size, aligned) the process may access (Tock's add_mpu_region). */
    public boolean addMpuRegion(int start, int size) {
        if (size < 32 || Integer.bitCount(size) != 1 || (start & (size - 1)) != 0) return false;
        for (int[] r : extraRegions) if (r[0] == start && r[1] == size) return true;
        if (extraRegions.size() >= 5) return false;
        extraRegions.add(new int[] {start, size});
        return true;
    }

    private void resetMemory() {
        extraRegions.clear();
        appBreak = memStart + INITIAL_APP_BRK;
        kernelBreak = memStart + memLen - initialKernelMemory;
        allowHighWater = memStart;
        java.util.Arrays.fill(grantPointers, 0);
    }

    public ProcessId id() { return new ProcessId(index, identifier); }

    public ProcessState state() { return state; }

    public int appBreak() { return appBreak; }

    public int kernelBreak() { return kernelBreak; }

    public int restartCount() { return restartCount; }

    public int syscallCount() { return syscallCount; }

    public int timesliceExpirations() { return timesliceExpirations; }

    public Integer completionCode() { return completionCode; }

    public int appStart() { return (int) header.appStart(flashStart); }

    public int initAddress() { return (int) header.initAddress(flashStart); }

    public int flashEnd() { return flashStart + flashSize; }

    public int memEnd() { return memStart + memLen; }

    /** Bytes of kernel-owned memory in use (initial structures plus grants). */
    public int kernelMemoryUsed() { return memEnd() - kernelBreak; }

    // ---------------------------------------------------------------- containment predicates

    /** [addr, addr+len) lies in [memStart, appBreak) (wrap-around checked). */
    public boolean inAppRam(int addr, int len) {
        long a = Integer.toUnsignedLong(addr), e = a + Integer.toUnsignedLong(len);
        return a >= Integer.toUnsignedLong(memStart) && e <= Integer.toUnsignedLong(appBreak);
    }

    /** [addr, addr+len) lies in the non-protected flash of the process. */
    public boolean inAppFlash(int addr, int len) {
        long a = Integer.toUnsignedLong(addr), e = a + Integer.toUnsignedLong(len);
        return a >= Integer.toUnsignedLong(flashStart) + header.protectedSize() && e <= Integer.toUnsignedLong(flashEnd());
    }

    // ---------------------------------------------------------------- break management

    /** Sets the app break; returns false (NOMEM) when below the allow mark, past the kernel break or not MPU-coverable. Memory is not cleared. */
    boolean setBreak(int newBreak) {
        if (Integer.compareUnsigned(newBreak, allowHighWater) < 0) return false;
        if (Integer.compareUnsigned(newBreak, memEnd()) >= 0 || Integer.compareUnsigned(newBreak, kernelBreak) > 0) return false;
        if (MpuLayout.enabledSubregions(memStart, memLen, newBreak, kernelBreak) < 0) return false;
        appBreak = newBreak; // Tock's brk does not clear memory (process_standard.rs); crt0 zeroes .bss itself
        return true;
    }

    /** Carves size bytes (aligned) off the kernel break for a grant; returns the address or 0 when it would meet the app. */
    int allocateKernelMemory(int size, int align) {
        int candidate = (kernelBreak - size) & -align;
        if (Integer.compareUnsigned(candidate, appBreak) < 0) return 0;
        if (MpuLayout.enabledSubregions(memStart, memLen, appBreak, candidate) < 0) return 0;
        for (int a = candidate; a != kernelBreak; a++) bus.write(a, 1, 0);
        kernelBreak = candidate;
        return candidate;
    }

    void noteAllow(int addr, int len) {
        if (len == 0) return;
        int end = addr + len;
        if (Integer.compareUnsigned(end, allowHighWater) > 0) allowHighWater = end;
    }

    // ---------------------------------------------------------------- tasks

    /** Queues a task; false (and the drop counted) when the ring is full. */
    boolean enqueue(Task t) {
        if (tasks.size() >= TASK_QUEUE_LEN) {
            droppedUpcalls++;
            return false;
        }
        tasks.addLast(t);
        return true;
    }

    /** Removes queued FunctionCall tasks of an upcall id (on resubscribe). */
    void removeFunctionCalls(UpcallId id) {
        for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.functionCall() && id.equals(t.id())) it.remove();
        }
    }

    /** First task with that id, removed; null if none. */
    Task takeFirst(UpcallId id) {
        for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (id.equals(t.id())) { it.remove(); return t; }
        }
        return null;
    }

    public int queuedTasks() { return tasks.size(); }

    /** Tock's "Last Syscall" line. */
    public String lastSyscall() {
        if (lastSyscallClass < 0) return "None";
        int[] a = lastSyscallArgs;
        if (lastSyscallClass >= Syscalls.NAMES.length) return "svc #" + lastSyscallClass;
        return Syscalls.NAMES[lastSyscallClass] + String.format(" { r0: %d, r1: %d, r2: 0x%x, r3: 0x%x }", a[0], a[1], a[2], a[3]);
    }

    // ---------------------------------------------------------------- lifecycle

    /** terminate(): flush tasks, drop grants, record the completion code. */
    void terminate(Integer code) {
        tasks.clear();
        java.util.Arrays.fill(grantPointers, 0);
        completionCode = code;
        waitingFor = null;
        state = ProcessState.TERMINATED;
    }

    /** reset(): new identifier, fresh break and kernel memory, init call queued (RAM is not cleared). */
    void reset(int newIdentifier) {
        identifier = newIdentifier;
        resetMemory();
        java.util.Arrays.fill(savedRegs, 0);
        yieldPc = 0;
        psr = 0x0100_0000;
        psp = appBreak - 32; // the init call's frame sits at mem_start, so _start sees sp = mem_start + 32
        tasks.clear();
        waitingFor = null;
        enqueue(Task.call(UpcallId.KERNEL, appStart(), memStart, memLen, appBreak, initAddress()));
        state = ProcessState.YIELDED;
    }

    @Override public String toString() { return "Process(" + name + ", " + state.label + ")"; }
}
