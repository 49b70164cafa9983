package org.tockemu.core.board;

import org.tockemu.core.cpu.Cpu;

/**
 * Creates execution engines by name ({@code --engine NAME}). Implementations outside core
 * register themselves with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.tockemu.core.board.ExecutionEngineFactory}; see {@link ExecutionEngines}.
 */
public interface ExecutionEngineFactory {
    /** The name users select it by ("interp", "jit"). */
    String name();

    /** An engine bound to this CPU (it may register listeners on cpu.bus, e.g. for code writes). */
    ExecutionEngine create(Cpu cpu);
}
