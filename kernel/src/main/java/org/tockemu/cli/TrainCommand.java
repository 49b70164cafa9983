package org.tockemu.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `tockemu train FILE.elf` (hidden): the start-up training run scripts/tockemu makes its AOT cache
 * from (JDK 25+ take one command): the demo and a bare-metal ELF in one JVM, so the classes and
 * method profiles of both paths are in the cache.
 */
@Command(name = "train", hidden = true, description = "Training run for the launcher's AOT cache: the demo, then a bare-metal ELF.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.elf", description = "a bare-metal ELF (scripts/cds-train.elf)")
    String elf;

    @Override public Integer call() {
        int demo = Main.run("demo", "--until", "1s");
        int bare = Main.run("bare", elf);
        return demo != 0 ? demo : bare;
    }
}
