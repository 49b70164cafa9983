package org.tockemu.core.board;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.tockemu.core.cpu.Cpu;

/**
 * Finds execution engines by name: "interp" is built in; others come from
 * {@link ServiceLoader} ({@link ExecutionEngineFactory} services) or, for "jit", from the known
 * class {@value #JIT_FACTORY_CLASS} when it is on the class path. A missing JIT falls back to the
 * interpreter with a warning, so {@code --engine jit} works before (and without) the jit module.
 */
public final class ExecutionEngines {
    public static final String INTERP = "interp", JIT = "jit";
    public static final String JIT_FACTORY_CLASS = "org.tockemu.jit.JitEngineFactory";

    /** The interpreter as a factory. */
    public static final ExecutionEngineFactory INTERPRETER = new ExecutionEngineFactory() {
        @Override public String name() { return INTERP; }

        @Override public ExecutionEngine create(Cpu cpu) { return ExecutionEngine.INTERPRETER; }
    };

    private ExecutionEngines() {}

    /** Names of all engines that can be selected right now. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        names.add(INTERP);
        for (ExecutionEngineFactory f : services()) if (!names.contains(f.name())) names.add(f.name());
        if (!names.contains(JIT) && reflectJit() != null) names.add(JIT);
        return names;
    }

    /**
     * The factory for name. An unavailable "jit" yields the interpreter after printing a warning
     * on warnings (when not null); any other unknown name is an IllegalArgumentException.
     */
    public static ExecutionEngineFactory find(String name, PrintStream warnings) {
        if (name == null || name.equals(INTERP)) return INTERPRETER;
        for (ExecutionEngineFactory f : services()) if (f.name().equals(name)) return f;
        if (name.equals(JIT)) {
            ExecutionEngineFactory f = reflectJit();
            if (f != null) return f;
            if (warnings != null) warnings.println("tockemu: warning: the JIT engine is not available yet; using the interpreter");
            return INTERPRETER;
        }
        throw new IllegalArgumentException("unknown engine '" + name + "' (available: " + String.join(", ", available()) + ")");
    }

    private static List<ExecutionEngineFactory> services() {
        List<ExecutionEngineFactory> out = new ArrayList<>();
        try {
            for (ExecutionEngineFactory f : ServiceLoader.load(ExecutionEngineFactory.class)) out.add(f);
        } catch (ServiceConfigurationError e) {
            // a broken provider is treated as absent
        }
        return out;
    }

    private static ExecutionEngineFactory reflectJit() {
        try {
            Class<?> c = Class.forName(JIT_FACTORY_CLASS);
            if (!ExecutionEngineFactory.class.isAssignableFrom(c)) return null;
            return (ExecutionEngineFactory) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
