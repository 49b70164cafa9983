package org.tockemu.kernel;

import org.tockemu.core.cpu.Fault;

/** Tock-style process reports (process_printer.rs and the panic output of kernel/src/debug.rs). */
public final class ProcessPrinter {
    private ProcessPrinter() {}

    /** Fault report: fault status decoded, the process's state, memory map and registers. */
    static String faultReport(Kernel k, Process p, String reason) {
        StringBuilder sb = new StringBuilder();
        int[] fs = k.processCpu.faultStatus();
        sb.append("\n---| Cortex-M Fault Status |---\n");
        if (reason != null) sb.append("Kernel fault: ").append(reason).append('\n');
        decodeCfsr(sb, fs[0], fs[2], fs[3]);
        if ((fs[1] & Fault.HFSR_FORCED) != 0) sb.append("Forced Hard Fault\n");
        if ((fs[1] & Fault.HFSR_DEBUGEVT) != 0) sb.append("Debug Event Hard Fault\n");
        if ((fs[1] & Fault.HFSR_VECTTBL) != 0) sb.append("Vector Table Read Fault\n");
        sb.append(String.format("Fault Status Register (CFSR):       0x%08X\n", fs[0]));
        sb.append(String.format("Hard Fault Status Register (HFSR):  0x%08X\n", fs[1]));
        sb.append("\n---| App Status |---\n");
        sb.append(status(k, p));
        return sb.toString();
    }

    private static void decodeCfsr(StringBuilder sb, int cfsr, int mmfar, int bfar) {
        String[][] bits = {
            {"0", "Instruction Access Violation"}, {"1", "Data Access Violation"}, {"3", "Memory Management Unstacking Fault"},
            {"4", "Memory Management Stacking Fault"}, {"5", "Memory Management Lazy FP Fault"},
            {"8", "Instruction Bus Error"}, {"9", "Precise Data Bus Error"}, {"10", "Imprecise Data Bus Error"},
            {"11", "Bus Unstacking Fault"}, {"12", "Bus Stacking Fault"}, {"13", "Bus Lazy FP Fault"},
            {"16", "Undefined Instruction Usage Fault"}, {"17", "Invalid State Usage Fault"},
            {"18", "Invalid PC Load Usage Fault"}, {"19", "No Coprocessor Usage Fault"},
            {"24", "Unaligned Access Usage Fault"}, {"25", "Divide By Zero"},
        };
        for (String[] b : bits) if ((cfsr & (1 << Integer.parseInt(b[0]))) != 0) sb.append(b[1]).append('\n');
        if ((cfsr & Fault.MMARVALID) != 0) sb.append(String.format("Faulting Memory Address:            0x%08X\n", mmfar));
        if ((cfsr & Fault.BFARVALID) != 0) sb.append(String.format("Bus Fault Address:                  0x%08X\n", bfar));
    }

    /** The per-process block of Tock's panic output and process console "status". */
    public static String status(Kernel k, Process p) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("App: %s   -   [%s]\n", p.name, p.state.label));
        sb.append(String.format(" Events Queued: %d   Syscall Count: %d   Dropped Upcall Count: %d\n",
                p.queuedTasks(), p.syscallCount, p.droppedUpcalls));
        sb.append(String.format(" Restart Count: %d\n", p.restartCount));
        sb.append(" Last Syscall: ").append(p.lastSyscall()).append('\n');
        sb.append(" Completion Code: ").append(p.completionCode == null ? "None" : String.valueOf(p.completionCode)).append("\n\n");
        sb.append(memoryMap(p));
        sb.append(registers(k, p));
        return sb.toString();
    }

    static String memoryMap(Process p) {
        int grantPtrs = p.memEnd() - p.grantPointers.length * Process.GRANT_POINTER_SIZE;
        int tasks = grantPtrs - Process.TASK_QUEUE_LEN * Process.TASK_SIZE;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(" ╔═══════════╤══════════════════════════════════════════╗\n"));
        sb.append(String.format(" ║  Address  │ Region Name    Used | Allocated (bytes)  ║\n"));
        sb.append(String.format(" ╚%#10X═╪══════════════════════════════════════════╝\n", p.memEnd()));
        sb.append(String.format("             │ Grant Ptrs   %6d\n", p.memEnd() - grantPtrs));
        sb.append(String.format("             │ Upcalls      %6d\n", grantPtrs - tasks));
        sb.append(String.format("             │ Process      %6d\n", Process.PCB_SIZE));
        sb.append(String.format("  %#10X ┼─────────────────────────────────────────── K\n", p.kernelBreak));
        sb.append(String.format("             │ ▼ Grant      %6d\n", p.kernelMemoryUsed()));
        sb.append(String.format("  %#10X ┼───────────────────────────────────────────\n", p.kernelBreak));
        sb.append(String.format("             │ Unused       %6d\n", p.kernelBreak - p.appBreak));
        sb.append(String.format("  %#10X ┼─────────────────────────────────────────── A\n", p.appBreak));
        sb.append(String.format("             │ ▲ Heap/Data/Stack %6d\n", p.appBreak - p.memStart));
        sb.append(String.format("  %#10X ┴─────────────────────────────────────────── M\n", p.memStart));
        sb.append(String.format("  %#10X ┬─────────────────────────────────────────── F\n", p.flashEnd()));
        sb.append(String.format("             │ App Flash    %6d\n", p.flashEnd() - p.appStart()));
        sb.append(String.format("  %#10X ┼───────────────────────────────────────────\n", p.appStart()));
        sb.append(String.format("             │ Protected    %6d\n", p.appStart() - p.flashStart));
        sb.append(String.format("  %#10X ┴───────────────────────────────────────────\n\n", p.flashStart));
        return sb.toString();
    }

    static String registers(Kernel k, Process p) {
        int f = p.psp;
        StringBuilder sb = new StringBuilder();
        if (p.inAppRam(f, 32)) {
            String[] names = {"R0", "R1", "R2", "R3", "R12", "LR", "PC", "xPSR"};
            int[] frame = new int[8];
            for (int i = 0; i < 8; i++) frame[i] = k.bus.read(f + 4 * i, 4);
            for (int i = 0; i < 4; i++) sb.append(String.format("  %-4s: 0x%08X", names[i], frame[i])).append(i == 3 ? "\n" : "");
            for (int i = 0; i < 8; i++) sb.append(String.format("  R%-3d: 0x%08X", i + 4, p.savedRegs[i])).append(i % 4 == 3 ? "\n" : "");
            sb.append(String.format("  R12 : 0x%08X  SP  : 0x%08X  LR  : 0x%08X  PC  : 0x%08X\n", frame[4], f + 32, frame[5], frame[6]));
            sb.append(String.format("  YPC : 0x%08X  xPSR: 0x%08X\n", p.yieldPc, frame[7]));
        } else {
            sb.append(String.format("  SP  : 0x%08X (outside the process's accessible memory)\n", f));
        }
        sb.append(String.format("\n To debug: make debug RAM_START=0x%08X FLASH_INIT=0x%08X\n", p.memStart, p.initAddress()));
        return sb.toString();
    }
}
