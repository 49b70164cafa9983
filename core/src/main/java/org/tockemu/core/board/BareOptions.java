package org.tockemu.core.board;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** Settings of one {@link BareMetal#run} (public fields; defaults as listed). */
public final class BareOptions {
    /** Engine name: "interp" or "jit" (the JIT falls back to the interpreter while it is unavailable). */
    public String engine = "interp";
    /** When not null, receives the engine's counters (ExecutionEngine.stats) after the run. */
    public java.util.Map<String, Object> engineStats = null;
    /** When set, used instead of looking {@link #engine} up. */
    public ExecutionEngineFactory engineFactory = null;
    /** Stop (exit code {@link BareResult#EXIT_INSTRUCTION_LIMIT}) once this many instructions ran. */
    public long maxInstructions = Long.MAX_VALUE;
    /** UART0 output and semihosting console output. */
    public OutputStream console = System.out;
    /**
     * Where semihosting sends what QEMU sends to its stderr (SYS_WRITEC, SYS_WRITE0, ":tt" opened
     * for append). Null: {@link #console}, so one stream holds everything in program order.
     */
    public OutputStream stderr = null;
    /** UART0 input and semihosting console input. */
    public InputStream stdin = InputStream.nullInputStream();
    /** SYS_GET_CMDLINE; null: the ELF path as given (QEMU passes its -kernel file name). */
    public String cmdline = null;
    /** Directory semihosting SYS_OPEN may use (relative names); null: no host files. */
    public Path semihostingRoot = null;
    /** Warnings (engine fallback); null: none printed. */
    public PrintStream warnings = System.err;
    /** Cycles per engine slice (console flushed between slices). */
    public long sliceCycles = 1L << 22;
}
