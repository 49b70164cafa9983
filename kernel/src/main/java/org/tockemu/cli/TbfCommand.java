package org.tockemu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tockemu tbf ...}: Tock Binary Format tools. */
@Command(name = "tbf", mixinStandardHelpOptions = true,
        description = "Inspect TBF/TAB files and pack Tock ELFs into TBFs.",
        subcommands = {TbfInspectCommand.class, TbfPackCommand.class})
public final class TbfCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: inspect or pack");
    }
}
