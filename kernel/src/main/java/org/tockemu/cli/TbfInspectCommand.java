package org.tockemu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tockemu.kernel.tbf.TabArchive;
import org.tockemu.kernel.tbf.TbfHeader;
import org.tockemu.kernel.tbf.TbfInspector;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tockemu tbf inspect FILE [--json]}: dump a .tbf or a .tab. Exit 1 when the file (or a
 * TBF inside the TAB) is malformed or has a bad checksum; the dump is still printed.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show every TLV, the derived addresses and the checksum of a .tbf, or the metadata and TBFs of a .tab.")
public final class TbfInspectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .tbf or .tab file")
    Path file;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        PrintWriter out = spec.commandLine().getOut();
        if (isTab(bytes, name)) {
            TabArchive tab = TabArchive.parse(bytes, name);
            out.print(json ? TbfInspector.json(tab) : TbfInspector.text(tab));
            out.flush();
            for (TabArchive.TbfEntry t : tab.tbfs()) { // any broken TBF makes the TAB invalid
                try {
                    TbfHeader.parse(t.data(), name + ":" + t.fileName());
                } catch (org.tockemu.kernel.tbf.TbfFormatException e) {
                    spec.commandLine().getErr().println("tockemu: " + e.getMessage());
                    return 1;
                }
            }
            return 0;
        }
        TbfHeader h = TbfInspector.inspect(bytes, name);
        out.print(json ? TbfInspector.json(h) : TbfInspector.text(h));
        out.flush();
        if (!h.checksumOk()) {
            spec.commandLine().getErr().printf("tockemu: %s: offset 0x0c (checksum): expected 0x%08x, found 0x%08x%n",
                    name, h.computedChecksum(), h.checksum());
            return 1;
        }
        return 0;
    }

    /** A TAB is a tar: ".tab" name or the ustar magic; a TBF starts with version 2. */
    static boolean isTab(byte[] b, String name) {
        if (b.length >= 2 && (b[0] & 0xff) == 2 && b[1] == 0) return false;
        if (name.endsWith(".tab")) return true;
        return b.length >= 263 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r';
    }
}
