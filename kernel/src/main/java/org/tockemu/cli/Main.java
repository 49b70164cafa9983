package org.tockemu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tockemu} command. Add a subcommand by writing its own class and listing it in
 * {@code subcommands} below; keep this file tiny. Error handling lives in {@link CliSupport}.
 */
@Command(name = "tockemu", mixinStandardHelpOptions = true, version = "tockemu 0.1.0",
        description = "Cortex-M4 emulator running a Tock 2.x-compatible kernel.",
        subcommands = {
                TbfCommand.class,
                BareCommand.class,
                RunCommand.class,
                DemoCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (see 'tockemu --help')");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (for tests). */
    public static int run(String... args) {
        return CliSupport.commandLine(new Main()).execute(args);
    }
}
