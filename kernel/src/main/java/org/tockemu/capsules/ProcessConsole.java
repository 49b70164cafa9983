package org.tockemu.capsules;

import java.io.PrintStream;
import org.tockemu.kernel.Kernel;
import org.tockemu.kernel.Process;
import org.tockemu.kernel.ProcessPrinter;

/**
 * Tock's process console (capsules/core/src/process_console.rs): a line-oriented shell on the UART
 * to list, stop, start, fault, terminate and boot processes, and to show a process's status.
 */
public final class ProcessConsole {
    private final Kernel kernel;
    private final PrintStream out;
    private final StringBuilder line = new StringBuilder();

    public ProcessConsole(Kernel kernel, PrintStream out) {
        this.kernel = kernel;
        this.out = out;
    }

    /** Bytes typed on the UART. Each complete line is a command; it runs as kernel work at once. */
    public void input(byte[] bytes) {
        for (byte b : bytes) {
            char ch = (char) (b & 0xFF);
            if (ch == '\r' || ch == '\n') {
                String cmd = line.toString().trim();
                line.setLength(0);
                if (!cmd.isEmpty()) kernel.defer(() -> execute(cmd));
            } else {
                line.append(ch);
            }
        }
    }

    /** Runs one command line and prints its result followed by the prompt. */
    public void execute(String commandLine) {
        String[] w = commandLine.trim().split("\\s+");
        String verb = w[0];
        String arg = w.length > 1 ? w[1] : null;
        switch (verb) {
            case "help":
                out.println("Welcome to the process console.");
                out.println("Valid commands are: help status list stop start fault boot terminate kernel");
                break;
            case "list":
                out.println(" PID    Name                Quanta  Syscalls  Restarts  Grants  State");
                for (Process p : kernel.processes()) {
                    out.printf(" %-6d %-20s %6d %9d %9d  %3d/%-3d %s%n", p.id().identifier(), p.name, p.timesliceExpirations(), p.syscallCount(), p.restartCount(),
                            allocatedGrants(p), kernel.grantCount(), p.state().label);
                }
                break;
            case "status":
                if (arg == null) { out.printf("Total processes: %d%n", kernel.processes().size()); break; }
                withProcess(arg, p -> out.print(ProcessPrinter.status(kernel, p)));
                break;
            case "stop": withProcess(arg, p -> out.println(kernel.stopProcess(p) ? "Process " + p.name + " stopped" : "Process " + p.name + " is not running")); break;
            case "start": withProcess(arg, p -> out.println(kernel.resumeProcess(p) ? "Process " + p.name + " started" : "Process " + p.name + " is not stopped")); break;
            case "fault": withProcess(arg, p -> { kernel.faultProcess(p); out.println("Process " + p.name + " now faulted"); }); break;
            case "terminate": withProcess(arg, p -> { kernel.terminateProcess(p); out.println("Process " + p.name + " terminated"); }); break;
            case "boot": withProcess(arg, p -> { kernel.bootProcess(p); out.println("Process " + p.name + " booted"); }); break;
            case "kernel":
                out.printf("Kernel version: %d.%d (tockemu)%n", Kernel.VERSION_MAJOR, Kernel.VERSION_MINOR);
                out.printf("Virtual time: %.6f s, %d cycles%n", kernel.now() / (double) kernel.clockHz(), kernel.now());
                break;
            default:
                out.println("Valid commands are: help status list stop start fault boot terminate kernel");
        }
        out.print("tock$ ");
        out.flush();
    }

    private void withProcess(String name, java.util.function.Consumer<Process> action) {
        if (name == null) { out.println("Usage: command <process name>"); return; }
        Process p = kernel.processByName(name);
        if (p == null) { out.println("No process named " + name); return; }
        action.accept(p);
    }

    private int allocatedGrants(Process p) {
        int n = 0;
        for (var g : kernel.grants()) if (g.isAllocated(p.id())) n++;
        return n;
    }
}
