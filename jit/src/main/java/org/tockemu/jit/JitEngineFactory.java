package org.tockemu.jit;

import org.tockemu.core.board.ExecutionEngine;
import org.tockemu.core.board.ExecutionEngineFactory;
import org.tockemu.core.cpu.Cpu;

/** The "jit" engine: hot Thumb code in code-store regions translated to JVM bytecode ({@link JitEngine}). */
public final class JitEngineFactory implements ExecutionEngineFactory {
    @Override public String name() { return "jit"; }

    @Override public ExecutionEngine create(Cpu cpu) { return new JitEngine(cpu); }
}
