package org.tockemu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tockemu.kernel.ProcessLoader;
import org.tockemu.kernel.tbf.TabArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `tockemu run APP...`: a board with the given apps; console on stdout. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Boot the board with the given apps (.tbf or .tab) and show the console.")
public final class RunCommand implements Callable<Integer> {
    @Mixin BoardOptions options = new BoardOptions();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "APP", description = "TBF files or TAB bundles, loaded in this order.")
    List<Path> apps;

    @Override public Integer call() throws Exception {
        List<ProcessLoader.App> images = new ArrayList<>();
        for (Path p : apps) {
            try {
                images.add(readApp(p));
            } catch (java.io.IOException | org.tockemu.kernel.tbf.TbfFormatException e) {
                System.err.println("tockemu: " + CliSupport.message(e));
                return 1;
            }
        }
        try {
            return BoardRun.run(options, images, System.out, System.err);
        } catch (IllegalArgumentException e) {
            // option values only the board can check (durations, names, board files): usage errors
            System.err.println("tockemu: " + e.getMessage() + " (try 'tockemu " + spec.name() + " --help')");
            return 2;
        }
    }

    static ProcessLoader.App readApp(Path p) throws Exception {
        String name = p.toString();
        if (name.endsWith(".tab")) {
            TabArchive tab = TabArchive.read(p);
            return new ProcessLoader.App(name + ":" + tab.select().fileName(), tab.select().data());
        }
        return new ProcessLoader.App(name, Files.readAllBytes(p));
    }
}
