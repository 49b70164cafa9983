package org.tockemu.capsules;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.tockemu.boards.Board;
import org.tockemu.boards.BoardConfig;
import org.tockemu.core.testing.RepoRoot;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessId;
import org.tockemu.kernel.ProcessLoader;
import org.tockemu.kernel.SyscallDriver;
import org.tockemu.kernel.SyscallReturn;
import org.tockemu.kernel.Task;
import org.tockemu.kernel.UpcallId;

/**
 * Drives capsules at the system-call level without running app code: a board with n copies of
 * the prebuilt hello app, whose init calls are dropped so the processes never run (they stay
 * Yielded with empty queues). Commands go straight to the driver with the process's id; the kernel
 * loop is run only to fire the capsules' events on the virtual clock. No upcall is subscribed, so
 * every event lands in the task queue as a ReturnValue task (what Yield-WaitFor would return),
 * which the tests read.
 */
final class CapsuleHarness {
    final Board board;
    final Kernel kernel;
    final List<Process> processes;

    CapsuleHarness(int n) { this(BoardConfig.builtin(), n); }

    CapsuleHarness(BoardConfig cfg, int n) {
        try {
            board = new Board(cfg, new ByteArrayOutputStream(), "interp", new PrintStream(OutputStream.nullOutputStream()), null);
            byte[] hello = Files.readAllBytes(RepoRoot.find().resolve("apps/prebuilt/cortex-m4/hello.tbf"));
            List<ProcessLoader.App> apps = new ArrayList<>();
            for (int i = 0; i < n; i++) apps.add(new ProcessLoader.App("hello" + i + ".tbf", hello));
            board.load(apps);
            kernel = board.kernel;
            processes = kernel.processes();
            if (processes.size() != n) throw new IllegalStateException("loaded " + processes.size() + " processes");
            for (Process p : processes) queue(p).clear(); // drop the init call: the process never runs
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ProcessId pid(int i) { return processes.get(i).id(); }

    SyscallDriver driver(int number) { return kernel.drivers().get(number); }

    SyscallReturn command(int driver, int cmd, int a, int b, int process) {
        return driver(driver).command(cmd, a, b, pid(process));
    }

    /** Runs the kernel loop for us microseconds of virtual time. */
    void runMicros(long us) { kernel.run(kernel.now() + kernel.cyclesForMicros(us), false); }

    /** Removes and returns the queued events of process i for (driver, 0), in order. */
    List<Task> takeEvents(int process, int driver) { return takeEvents(process, driver, 0); }

    /** Removes and returns the queued events of process i for (driver, subscribe), in order. */
    List<Task> takeEvents(int process, int driver, int subscribe) {
        List<Task> out = new ArrayList<>();
        UpcallId id = new UpcallId(driver, subscribe);
        queue(processes.get(process)).removeIf(t -> { if (t.id().equals(id)) { out.add(t); return true; } return false; });
        return out;
    }

    /**
     * Makes system call svc for process i through the kernel's own handler (as if the process had
     * trapped with r0-r3 in the frame at its stack pointer); returns r0-r3 after the call.
     */
    int[] syscall(int i, int svc, int r0, int r1, int r2, int r3) {
        Process p = processes.get(i);
        try {
            Field pspF = Process.class.getDeclaredField("psp");
            pspF.setAccessible(true);
            int frame = (int) pspF.get(p);
            int[] in = {r0, r1, r2, r3};
            for (int k = 0; k < 4; k++) board.bus.write(frame + 4 * k, 4, in[k]);
            Field sf = Kernel.class.getDeclaredField("syscalls");
            sf.setAccessible(true);
            Object syscalls = sf.get(kernel);
            Method handle = syscalls.getClass().getDeclaredMethod("handle", Process.class, int.class);
            handle.setAccessible(true);
            handle.invoke(syscalls, p, svc);
            int[] out = new int[4];
            for (int k = 0; k < 4; k++) out[k] = board.bus.read(frame + 4 * k, 4);
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grows process i's break to mem_start + size (memop brk) so buffers can be allowed. */
    void growBreak(int i, int size) {
        int[] r = syscall(i, 5, 0, processes.get(i).memStart + size, 0, 0);
        if (r[0] != SyscallReturn.SUCCESS) throw new IllegalStateException("brk failed: " + r[0]);
    }

    /** Writes bytes into process i's RAM at mem_start + offset; returns the address. */
    int poke(int i, int offset, byte[] data) {
        int addr = processes.get(i).memStart + offset;
        for (int k = 0; k < data.length; k++) board.bus.write(addr + k, 1, data[k]);
        return addr;
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<Task> queue(Process p) {
        try {
            Field f = Process.class.getDeclaredField("tasks");
            f.setAccessible(true);
            return (ArrayDeque<Task>) f.get(p);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
