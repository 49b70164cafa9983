package org.tockemu.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tockemu.kernel.ProcessLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `tockemu demo`: the default board with the bundled demo apps (apps/prebuilt, embedded in the
 * jar): hello, blink, a 1 Hz temperature sampler and two apps sharing the console.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Boot the default board with the bundled demo apps for a few seconds of virtual time.")
public final class DemoCommand implements Callable<Integer> {
    static final String[] APPS = {"hello", "blink", "sensor", "ping", "pong"};

    @Mixin BoardOptions options = new BoardOptions();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        if (options.until == null && options.cycles == null) options.until = "5s";
        options.showLeds = true;
        options.summary = true;
        List<ProcessLoader.App> images = new ArrayList<>();
        for (String a : APPS) images.add(bundled(a));
        System.err.println("tockemu demo: nRF52840-DK board, engine " + options.engine + ", apps " + String.join(", ", APPS)
                + ", " + options.until + " of virtual time");
        try {
            return BoardRun.run(options, images, System.out, System.err);
        } catch (IllegalArgumentException e) {
            // option values only the board can check (durations, names, board files): usage errors
            System.err.println("tockemu: " + e.getMessage() + " (try 'tockemu " + spec.name() + " --help')");
            return 2;
        }
    }

    static ProcessLoader.App bundled(String name) throws IOException {
        String res = "/apps/cortex-m4/" + name + ".tbf";
        try (InputStream in = DemoCommand.class.getResourceAsStream(res)) {
            if (in == null) throw new IOException("demo app " + res + " is not in the jar (apps/prebuilt missing?)");
            return new ProcessLoader.App("bundled:" + name + ".tbf", in.readAllBytes());
        }
    }
}
