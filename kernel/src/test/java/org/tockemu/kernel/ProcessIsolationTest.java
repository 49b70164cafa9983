package org.tockemu.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MPU containment and fault policies: a process that touches memory it does not own is faulted
 * with the right fault kind, and the processes beside it run on with unchanged output.
 */
class ProcessIsolationTest {
    private static final String ENGINE = "interp";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "fault_grant, Data Access Violation",
        "fault_other_app, Data Access Violation",
        "fault_kernel_ram, Data Access Violation",
        "fault_ram_end, Data Access Violation",
        "fault_stack, Memory Management Stacking Fault",
        "fault_write_flash, Data Access Violation",
        "fault_flash_end, Data Access Violation",
        "fault_exec_ram, Instruction Access Violation",
        "fault_ppb, Precise Data Bus Error",
        "fault_bad_svc, invalid system call",
    })
    void faultingProcessIsStoppedAndNeighboursRunOn(String app, String kind) throws IOException {
        AppRunner alone = new AppRunner(ENGINE, "stop", "cortex-m4", "ping").run(5);
        AppRunner both = new AppRunner(ENGINE, "stop", "cortex-m4", "ping", app).run(5);
        assertEquals(ProcessState.FAULTED, both.process(app).state());
        assertTrue(both.kernelOutput().contains(kind), both.kernelOutput());
        assertTrue(both.kernelOutput().contains("App: " + app), both.kernelOutput());
        List<String> pingLines = Arrays.stream(both.output().split("\n")).filter(l -> l.startsWith("ping")).collect(Collectors.toList());
        assertEquals(alone.output(), String.join("\n", pingLines) + "\n", "ping's output must not change");
        assertEquals(ProcessState.TERMINATED, both.process("ping").state());
    }

    @Test
    void restartPolicyRestartsUpToTheThresholdThenStops() throws IOException {
        // Tock's ThresholdRestartFaultPolicy restarts while restart_count <= threshold: 3 restarts for threshold 2
        AppRunner r = new AppRunner(ENGINE, "restart:2", "cortex-m4", "fault_grant").run(5);
        long runs = Arrays.stream(r.output().split("\n")).filter(l -> l.startsWith("[fault_grant] writing")).count();
        assertEquals(4, runs, r.output());
        assertEquals(3, r.process("fault_grant").restartCount());
        assertEquals(ProcessState.FAULTED, r.process("fault_grant").state());
        assertEquals(3, count(r.kernelOutput(), "faulted and will be restarted."));
        assertEquals(1, count(r.kernelOutput(), "faulted and was stopped."));
    }

    @Test
    void panicPolicyStopsTheBoardWithAReport() throws IOException {
        AppRunner r = new AppRunner(ENGINE, "panic", "cortex-m4", "ping", "fault_grant").run(5);
        assertEquals(Kernel.Outcome.PANIC, r.outcome);
        assertTrue(r.kernelOutput().contains("panicked at"), r.kernelOutput());
        assertTrue(r.kernelOutput().contains("Process fault_grant had a fault"), r.kernelOutput());
        assertTrue(r.kernelOutput().contains("Faulting Memory Address"), r.kernelOutput());
    }

    @Test
    void exitTerminatesWithCompletionCodeAndRestartReboots() throws IOException {
        AppRunner r = new AppRunner(ENGINE, "stop", "cortex-m4", "test_exit", "test_restart").run(5);
        assertEquals(ProcessState.TERMINATED, r.process("test_exit").state());
        assertEquals(7, r.process("test_exit").completionCode());
        assertEquals(2, r.process("test_restart").restartCount());
    }

    @Test
    void grantMemoryIsChargedToTheProcessAndReported() throws IOException {
        AppRunner r = new AppRunner(ENGINE, "stop", "cortex-m4", "hello").run(2);
        Process p = r.process("hello");
        // the console grant (3 upcalls, 2+2 allows, 12 bytes of state) was allocated in hello's RAM
        int consoleGrant = 4 + 8 * (3 + 2 + 2) + 12;
        assertEquals(Process.initialKernelMemory(r.board.kernel.grantCount()) + consoleGrant, p.kernelMemoryUsed());
        assertEquals(consoleGrant, r.board.kernel.stats.grantBytesByDriver.get(1).intValue());
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
