package org.tockemu.kernel.tbf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.ElfSection;
import org.tockemu.core.elf.ElfSegment;

/**
 * Compiles a small PIC app with arm-none-eabi-gcc, using libtock-c's flags and a linker script
 * with the layout of libtock-c's userland_generic.ld (crt0 header included), then checks the
 * ELF reader against readelf and the packed TBF against what crt0 will read from it.
 * Skipped when the toolchain is not installed.
 */
class RealElfTest {
    private static final Path GCC = Path.of("/usr/bin/arm-none-eabi-gcc");

    static final String APP_C = """
            int counter = 5;
            const char msg[] = "hello";
            const char *ptr = msg;
            int *pc = &counter;
            int scratch[8];
            int main(void) { scratch[counter & 7] = 1; return counter + *pc + ptr[0] + scratch[1]; }
            __attribute__((section(".start"), used, noreturn)) void _start(void) { main(); while (1) {} }
            """;

    static final String LAYOUT_LD = """
            ENTRY(_start)
            MEMORY {
                FLASH (rx) : ORIGIN = 0x80000000, LENGTH = 0x70000
                SRAM (RWX) : ORIGIN = 0x00000000, LENGTH = 0x20000
            }
            SECTIONS {
                .crt0_header : {
                    LONG(LOADADDR(.got) - ORIGIN(FLASH));
                    LONG(_got - ORIGIN(SRAM));
                    LONG(SIZEOF(.got));
                    LONG(LOADADDR(.data) - ORIGIN(FLASH));
                    LONG(_data - ORIGIN(SRAM));
                    LONG(SIZEOF(.data));
                    LONG(_bss - ORIGIN(SRAM));
                    LONG(SIZEOF(.bss));
                    LONG(LOADADDR(.endflash) - ORIGIN(FLASH));
                    LONG(STACK_SIZE);
                } > FLASH =0xFF
                .text : { . = ALIGN(4); KEEP (*(.start)) *(.text*) *(.rodata*) . = ALIGN(4); } > FLASH =0xFF
                .stack (NOLOAD) : { . = ALIGN(16); . = . + STACK_SIZE; . = ALIGN(16); } > SRAM
                .got : { . = ALIGN(4); _got = .; *(.got*) *(.got.plt*) . = ALIGN(4); } > SRAM AT > FLASH
                .data : { . = ALIGN(4); _data = .; KEEP(*(.data*)) . = ALIGN(4); } > SRAM AT > FLASH
                .bss : { . = ALIGN(4); _bss = .; KEEP(*(.bss*)) *(COMMON) . = ALIGN(4); } > SRAM
                .endflash : { } > FLASH
                /DISCARD/ : { *(.ARM.exidx*) *(.ARM.extab*) }
            }
            """;

    static Path compile(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("app.c"), APP_C);
        Files.writeString(dir.resolve("layout.ld"), LAYOUT_LD);
        Path elf = dir.resolve("cortex-m4.elf");
        String out = run(dir, GCC.toString(), "-mthumb", "-mcpu=cortex-m4", "-mfloat-abi=soft", "-msingle-pic-base",
                "-mpic-register=r9", "-mno-pic-data-is-text-relative", "-fPIC", "-Os", "-ffunction-sections",
                "-fdata-sections", "-nostdlib", "-Wl,--emit-relocs", "-Wl,--gc-sections", "-T", "layout.ld",
                "-Wl,--defsym=STACK_SIZE=2048", "-o", elf.toString(), "app.c");
        assertTrue(Files.exists(elf), out);
        return elf;
    }

    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    private static long u32(byte[] b, long off) {
        return TbfHeader.u32(b, (int) off);
    }

    @Test
    void elfReaderAgreesWithReadelf(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(GCC), "arm-none-eabi-gcc not installed");
        Path elfPath = compile(dir);
        ElfFile elf = ElfFile.read(elfPath);
        Path readelf = Path.of("/usr/bin/arm-none-eabi-readelf");
        assumeTrue(Files.isExecutable(readelf), "arm-none-eabi-readelf not installed");
        String sections = run(dir, readelf.toString(), "-SW", elfPath.toString());
        Matcher m = Pattern.compile("\\[\\s*(\\d+)\\]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]{8}) ([0-9a-f]{6}) ([0-9a-f]{6})").matcher(sections);
        int n = 0;
        while (m.find()) {
            ElfSection s = elf.sections().get(Integer.parseInt(m.group(1)));
            assertEquals(m.group(2), s.name());
            assertEquals(Long.parseLong(m.group(4), 16), s.addr(), s.name());
            assertEquals(Long.parseLong(m.group(5), 16), s.offset(), s.name());
            assertEquals(Long.parseLong(m.group(6), 16), s.size(), s.name());
            n++;
        }
        assertEquals(elf.sections().size() - 1, n, sections);
        String segs = run(dir, readelf.toString(), "-lW", elfPath.toString());
        Matcher l = Pattern.compile("LOAD\\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) (...)").matcher(segs);
        List<ElfSegment> loads = elf.loadSegments();
        int i = 0;
        while (l.find()) {
            ElfSegment s = loads.get(i++);
            assertEquals(Long.parseLong(l.group(1), 16), s.offset());
            assertEquals(Long.parseLong(l.group(2), 16), s.vaddr());
            assertEquals(Long.parseLong(l.group(3), 16), s.paddr());
            assertEquals(Long.parseLong(l.group(4), 16), s.filesz());
            assertEquals(Long.parseLong(l.group(5), 16), s.memsz());
            assertEquals(l.group(6).replace(' ', '-').replace('E', 'X'), s.flagString());
        }
        assertEquals(loads.size(), i);
        assertTrue(elf.relocations(".rel.data").size() >= 2);
        assertEquals(elf.entry(), elf.symbol("_start").orElseThrow().value());
    }

    @Test
    void packedTbfIsWhatCrt0Expects(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(GCC), "arm-none-eabi-gcc not installed");
        ElfFile elf = ElfFile.read(compile(dir));
        byte[] tbf = TbfPacker.pack(elf, new TbfPacker.Options().name("real").minimumFooterSize(3000));
        TbfHeader h = TbfHeader.parse(tbf, "real.tbf");
        h.checkLoadable(2, 2);
        assertEquals(4096, h.totalSize());
        assertEquals(16 + 16 + 24 + 8 + 8, h.headerSize());
        assertEquals(h.headerSize(), h.protectedSize());

        // entry: _start (Thumb) inside the binary, init offset counted from the header end
        long start = elf.symbol("_start").orElseThrow().value();
        assertEquals(1, start & 1);
        assertEquals(h.appStartOffset() + (start - 0x80000000L), h.initOffset());

        // crt0 header words, relative to app_start
        long app = h.appStartOffset();
        long gotSym = u32(tbf, app), gotSize = u32(tbf, app + 8);
        long dataSym = u32(tbf, app + 12), dataSize = u32(tbf, app + 20);
        long bssSize = u32(tbf, app + 28), reldata = u32(tbf, app + 32), stack = u32(tbf, app + 36);
        assertEquals(2048, stack);
        ElfSection got = elf.section(".got").orElseThrow(), data = elf.section(".data").orElseThrow();
        assertArrayEquals(elf.sectionData(got), Arrays.copyOfRange(tbf, (int) (app + gotSym), (int) (app + gotSym + gotSize)));
        assertArrayEquals(elf.sectionData(data), Arrays.copyOfRange(tbf, (int) (app + dataSym), (int) (app + dataSym + dataSize)));
        // relocation data: u32 length then the Elf32_Rel entries, ending at binary_end
        byte[] rel = elf.sectionData(elf.section(".rel.data").orElseThrow());
        long relLen = u32(tbf, app + reldata);
        assertEquals(rel.length, relLen);
        assertArrayEquals(rel, Arrays.copyOfRange(tbf, (int) (app + reldata + 4), (int) (app + reldata + 4 + relLen)));
        assertEquals(app + reldata + 4 + relLen, h.binaryEndOffset());

        // RAM: got + data + bss (the RW segment loaded from flash) + stack + heaps
        long ramSections = got.size() + data.size() + bssSize;
        long segs = 0;
        for (ElfSegment s : elf.loadSegments()) if (s.isWritable() && s.vaddr() != s.paddr()) segs += s.memsz();
        assertTrue(segs >= ramSections - bssSize, "RW segment covers got+data");
        assertEquals(segs + 2048 + 1024 + 1024, h.minimumRamSize());

        // TAB round trip with the ELF-stem architecture name, as elf2tab names it
        byte[] tab = TabWriter.write(TabWriter.metadata("real", new int[]{2, 2}, null),
                new java.util.LinkedHashMap<>(java.util.Map.of("cortex-m4.tbf", tbf)));
        assertArrayEquals(tbf, TabArchive.parse(tab, "real.tab").select().data());
        List<String> names = new ArrayList<>();
        for (TbfTlv t : h.tlvs()) names.add(t.typeName());
        assertEquals(List.of("Main", "Program", "PackageName", "KernelVersion"), names);
    }
}
