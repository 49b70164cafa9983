package org.tockemu.core.board;

import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.exec.Interpreter;

/**
 * Something that runs a {@link Cpu}: the interpreter, or the JIT (module jit, which registers an
 * {@link ExecutionEngineFactory} as a service so core does not depend on it). Both must give the
 * same architectural state, counters and stop reasons.
 */
@FunctionalInterface
public interface ExecutionEngine {
    /**
     * Runs until budgetCycles have elapsed (cpu.cycles advanced by at least that much) or
     * something stops the core; returns a {@link org.tockemu.core.cpu.StopReason}.
     */
    int run(Cpu cpu, long budgetCycles);

    /** Engine counters for --stats (the JIT: regions, bytecode, translation time); none by default. */
    default java.util.Map<String, Object> stats() { return java.util.Map.of(); }

    /** The reference interpreter. */
    ExecutionEngine INTERPRETER = Interpreter::run;
}
