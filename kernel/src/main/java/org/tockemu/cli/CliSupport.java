package org.tockemu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;

/**
 * Shared CLI plumbing: one-line errors on stderr and non-zero exit codes, never a stack trace
 * (set TOCKEMU_DEBUG=1 to get one). Exit codes: 0 ok, 1 bad input file or failure, 2 bad
 * command-line arguments.
 */
public final class CliSupport {
    private CliSupport() {
    }

    /** A picocli CommandLine with tockemu's error handlers and number converters (for {@link Main}: all subcommands). */
    public static CommandLine commandLine(Object command) {
        return commandLine(command, null);
    }

    /** As {@link #commandLine(Object)}; for {@link Main}, only the subcommand named {@code first} when it names one. */
    static CommandLine commandLine(Object command, String first) {
        CommandLine cl = new CommandLine(command);
        if (command instanceof Main) Main.addSubcommands(cl, first);
        Handlers h = new Handlers(cl);
        cl.setParameterExceptionHandler(h);
        cl.setExecutionExceptionHandler(h);
        return cl;
    }

    /**
     * The error handlers: a class rather than lambdas, so that the class-data-sharing archive can hold
     * it (on JDK 17 it cannot hold lambdas implementing picocli's pre-Java-6 interfaces).
     */
    private static final class Handlers implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final CommandLine cl;

        Handlers(CommandLine cl) {
            this.cl = cl;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine c = ex.getCommandLine();
            cl.getErr().println("tockemu: " + ex.getMessage() + " (try '" + c.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine c, CommandLine.ParseResult parsed) {
            // the root's writer (tests redirect it after construction; subcommands may keep the old one)
            java.io.PrintWriter err = cl.getErr();
            err.println("tockemu: " + message(ex));
            if (System.getenv("TOCKEMU_DEBUG") != null) ex.printStackTrace(err);
            // option values the parser could not check (durations, names, board files) are usage errors
            return ex instanceof IllegalArgumentException ? 2 : 1;
        }
    }

    /** A user-facing one-line message for an exception. */
    public static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException u) ex = u.getCause();
        if (ex instanceof NoSuchFileException e) return e.getFile() + ": no such file";
        if (ex instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        if (ex instanceof IOException e) return "I/O error: " + e.getMessage();
        String m = ex.getMessage();
        if (ex instanceof CommandFailure || ex instanceof IllegalArgumentException || ex.getClass().getName().startsWith("org.tockemu.")) return m;
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Thrown by commands for an expected, already-explained failure. */
    public static final class CommandFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CommandFailure(String message) {
            super(message);
        }
    }

    /** Parses sizes and addresses: decimal, 0x hex, or with a k/K suffix (x1024). */
    public static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().replace("_", "");
            long mul = 1;
            if (v.endsWith("k") || v.endsWith("K")) {
                mul = 1024;
                v = v.substring(0, v.length() - 1);
            }
            try {
                long n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
                if (n < 0 || n * mul > 0xFFFF_FFFFL) throw new NumberFormatException();
                return n * mul;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size (decimal, 0x hex or N k, up to 4 GiB)");
            }
        }
    }
}
