package org.tockemu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tockemu.core.elf.ElfFile;
import org.tockemu.kernel.tbf.TabWriter;
import org.tockemu.kernel.tbf.TbfHeader;
import org.tockemu.kernel.tbf.TbfPacker;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tockemu tbf pack ELF -o OUT.tbf ...}: elf2tab for one ELF. */
@Command(name = "pack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pack an ELF linked for Tock (libtock-c layout) into a TBF, byte for byte as elf2tab would.",
                "Sizes accept decimal, 0x hex or a k suffix."})
public final class TbfPackCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ELF", description = "the linked app")
    Path elf;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.tbf", description = "TBF to write")
    Path output;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "package name (default: none, as elf2tab)")
    String name;

    @Option(names = "--stack", paramLabel = "N", converter = CliSupport.SizeConverter.class,
            description = "stack size (default: size of .stack, else 2048)")
    Long stack;

    @Option(names = "--app-heap", paramLabel = "N", converter = CliSupport.SizeConverter.class, defaultValue = "1024",
            description = "app heap size (default: ${DEFAULT-VALUE})")
    long appHeap;

    @Option(names = "--kernel-heap", paramLabel = "N", converter = CliSupport.SizeConverter.class, defaultValue = "1024",
            description = "kernel heap size (default: ${DEFAULT-VALUE})")
    long kernelHeap;

    @Option(names = "--tab", paramLabel = "OUT.tab", description = "also write a TAB holding the TBF")
    Path tab;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "TBF name inside the TAB (default: the ELF stem if it is an architecture, else cortex-m4)")
    String arch;

    @Option(names = "--kernel-version", paramLabel = "M.m", defaultValue = "2.2",
            description = "KernelVersion TLV, or 'none' (default: ${DEFAULT-VALUE}, as libtock-c)")
    String kernelVersion;

    @Option(names = "--minimum-footer-size", paramLabel = "N", converter = CliSupport.SizeConverter.class, defaultValue = "0",
            description = "reserve at least N footer bytes (libtock-c passes 3000; default: ${DEFAULT-VALUE})")
    long minimumFooterSize;

    @Option(names = "--protected-region-size", paramLabel = "N", converter = CliSupport.SizeConverter.class,
            description = "protected region size including the header")
    Long protectedRegionSize;

    @Option(names = "--app-version", paramLabel = "N", converter = CliSupport.SizeConverter.class, defaultValue = "0",
            description = "Program TLV version")
    long appVersion;

    @Option(names = "--short-id", paramLabel = "N", converter = CliSupport.SizeConverter.class, description = "add a ShortId TLV")
    Long shortId;

    @Option(names = "--permissions", paramLabel = "DRIVER,CMD", split = " ", description = "allowed (driver, command) pairs")
    List<String> permissions = new ArrayList<>();

    @Option(names = "--disable", description = "mark the app disabled")
    boolean disable;

    @Option(names = "--no-padding", description = "do not pad the TBF to a power of two")
    boolean noPadding;

    @Option(names = "--sha256", description = "add a SHA256 credentials footer")
    boolean sha256;

    @Option(names = "--sha512", description = "add a SHA512 credentials footer")
    boolean sha512;

    @Option(names = "--build-date", description = "put build-date in the TAB's metadata.toml (default: deterministic TAB)")
    boolean buildDate;

    @Override
    public Integer call() throws Exception {
        TbfPacker.Options o = new TbfPacker.Options();
        o.name(name).stack(stack).appHeap(appHeap).kernelHeap(kernelHeap);
        o.minimumFooterSize = minimumFooterSize;
        o.protectedRegionSize = protectedRegionSize;
        o.appVersion = appVersion;
        o.shortId = shortId;
        o.disabled = disable;
        o.sha256 = sha256;
        o.sha512 = sha512;
        if (noPadding) o.padToPowerOfTwo = false;
        o.kernelVersion = parseVersion(kernelVersion);
        for (String p : permissions) {
            String[] parts = p.split(",");
            if (parts.length != 2) throw bad("--permissions: expected DRIVER,COMMAND, found '" + p + "'");
            CliSupport.SizeConverter c = new CliSupport.SizeConverter();
            try {
                o.permissions.add(new long[]{c.convert(parts[0]), c.convert(parts[1])});
            } catch (CommandLine.TypeConversionException e) {
                throw bad("--permissions: " + e.getMessage());
            }
        }
        ElfFile elfFile = ElfFile.read(elf);
        byte[] tbf = TbfPacker.pack(elfFile, o);
        TbfHeader h = TbfHeader.parse(tbf, output.getFileName().toString()); // self-check
        Files.write(output, tbf);
        if (tab != null) {
            String archName = arch != null ? arch : defaultArch(elf);
            Map<String, byte[]> tbfs = new LinkedHashMap<>();
            tbfs.put(archName + ".tbf", tbf);
            String date = buildDate ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null;
            TabWriter.write(tab, TabWriter.metadata(name, o.kernelVersion, date), tbfs);
        }
        spec.commandLine().getOut().printf("%s: %d bytes, header %d, init offset 0x%x, binary end 0x%x, minimum RAM %d%s%n",
                output, tbf.length, h.headerSize(), h.initOffset(), h.binaryEndOffset(), h.minimumRamSize(),
                tab != null ? " (+ " + tab + ")" : "");
        return 0;
    }

    private int[] parseVersion(String v) {
        if (v.equalsIgnoreCase("none")) return null;
        String[] p = v.split("\\.");
        try {
            if (p.length != 2) throw new NumberFormatException();
            int major = Integer.parseInt(p[0]), minor = Integer.parseInt(p[1]);
            if (major < 0 || major > 0xffff || minor < 0 || minor > 0xffff) throw new NumberFormatException();
            return new int[]{major, minor};
        } catch (NumberFormatException e) {
            throw bad("--kernel-version: expected MAJOR.MINOR or 'none', found '" + v + "'");
        }
    }

    private CommandLine.ParameterException bad(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    /** elf2tab names the TBF after the ELF stem (cortex-m4.elf -> cortex-m4.tbf). */
    static String defaultArch(Path elf) {
        String n = elf.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String stem = dot > 0 ? n.substring(0, dot) : n;
        if (stem.startsWith("cortex-m") || stem.startsWith("rv32") || stem.startsWith("riscv")) return stem;
        return "cortex-m4";
    }
}
