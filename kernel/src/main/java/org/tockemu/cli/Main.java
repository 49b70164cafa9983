package org.tockemu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tockemu} command. Add a subcommand by writing its own class and listing it in
 * {@link #SUBCOMMANDS} and {@link #subcommand} below; keep this file tiny. Error handling lives in
 * {@link CliSupport}.
 */
@Command(name = "tockemu", mixinStandardHelpOptions = true, version = "tockemu 0.1.0",
        description = "Cortex-M4 emulator running a Tock 2.x-compatible kernel.")
public final class Main implements Runnable {
    /** The subcommands' names, in the order help lists them. */
    static final String[] SUBCOMMANDS = {"tbf", "bare", "run", "demo", "train"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static Object subcommand(String name) {
        switch (name) {
            case "tbf": return new TbfCommand();
            case "bare": return new BareCommand();
            case "run": return new RunCommand();
            case "demo": return new DemoCommand();
            case "train": return new TrainCommand();
            default: throw new IllegalArgumentException(name);
        }
    }

    /**
     * Adds the subcommands to the root command line: only {@code first} when it names one (picocli
     * builds each command's model by reflection, 10-50 ms apiece at start-up), otherwise all of
     * them (help, errors, no arguments).
     */
    static void addSubcommands(CommandLine root, String first) {
        boolean one = false;
        for (String n : SUBCOMMANDS) one |= n.equals(first);
        for (String n : SUBCOMMANDS) {
            if (!one || n.equals(first)) root.addSubcommand(subcommand(n));
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (see 'tockemu --help')");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (for tests). */
    public static int run(String... args) {
        return CliSupport.commandLine(new Main(), args.length > 0 ? args[0] : null).execute(args);
    }
}
