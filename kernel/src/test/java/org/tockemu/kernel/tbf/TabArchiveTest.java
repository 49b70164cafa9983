package org.tockemu.kernel.tbf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.TestElfBuilder;

class TabArchiveTest {
    static byte[] app(String name) throws Exception {
        return TbfPacker.pack(ElfFile.parse(TestElfBuilder.picApp().build(), "a.elf"), new TbfPacker.Options().name(name));
    }

    static byte[] tab(String... fileNames) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String n : fileNames) m.put(n, app(n.substring(0, n.indexOf('.'))));
        return TabWriter.write(TabWriter.metadata("blink", new int[]{2, 2}, null), m);
    }

    @Test
    void roundTripAndMetadata() throws Exception {
        byte[] t = tab("cortex-m0.tbf", "cortex-m4.tbf");
        assertEquals(0, t.length % 512);
        TabArchive a = TabArchive.parse(t, "blink.tab");
        assertEquals(List.of("metadata.toml", "cortex-m0.tbf", "cortex-m4.tbf"), a.entries().stream().map(TabArchive.Entry::name).toList());
        TabMetadata m = a.metadata().orElseThrow();
        assertEquals("blink", m.name().orElseThrow());
        assertEquals(1L, m.tabVersion().orElseThrow());
        assertEquals("2.2", m.minimumTockKernelVersion().orElseThrow());
        assertTrue(m.buildDate().isEmpty());
        assertTrue(m.onlyForBoards().isEmpty());
        TabArchive.TbfEntry sel = a.select();
        assertEquals("cortex-m4.tbf", sel.fileName());
        assertArrayEquals(app("cortex-m4"), sel.data());
        assertEquals("cortex-m4", TbfHeader.parse(sel.data(), sel.fileName()).packageName().orElseThrow());
    }

    @Test
    void fallsBackToM3ThenM0() throws Exception {
        assertEquals("cortex-m3.tbf", TabArchive.parse(tab("cortex-m0.tbf", "cortex-m3.tbf", "rv32imac.tbf"), "x.tab").select().fileName());
        assertEquals("cortex-m0.tbf", TabArchive.parse(tab("rv32imac.tbf", "cortex-m0.tbf"), "x.tab").select().fileName());
    }

    @Test
    void noCompatibleTbfListsTheArchive() throws Exception {
        TabArchive a = TabArchive.parse(tab("rv32imac.tbf", "cortex-m7.tbf"), "riscv.tab");
        TbfFormatException e = assertThrows(TbfFormatException.class, a::select);
        assertEquals("riscv.tab: no TBF for cortex-m4 (or compatible cortex-m3, cortex-m0); the archive holds: "
                + "metadata.toml, rv32imac.tbf, cortex-m7.tbf", e.getMessage());
    }

    @Test
    void fixedAddressNamesAndPicPreference() throws Exception {
        TabArchive a = TabArchive.parse(tab("cortex-m4.0x00040000.0x20008000.tbf", "cortex-m4.tbf",
                "rv32imac.0x40430080.0x80004000.tbf"), "x.tab");
        List<TabArchive.TbfEntry> all = a.tbfs();
        assertEquals("cortex-m4", all.get(0).arch());
        assertEquals(0x40000, all.get(0).flashAddress().getAsLong());
        assertEquals(0x20008000L, all.get(0).ramAddress().getAsLong());
        assertEquals("rv32imac", all.get(2).arch());
        assertEquals("cortex-m4.tbf", a.select().fileName(), "the PIC build is preferred");
        TabArchive onlyFixed = TabArchive.parse(tab("cortex-m4.0x00040000.0x20008000.tbf"), "x.tab");
        assertTrue(onlyFixed.select().isFixedAddress());
    }

    @Test
    void readsPosixUstarFromSystemTar(@TempDir Path dir) throws Exception {
        Path tar = Path.of("/usr/bin/tar");
        assumeTrue(Files.isExecutable(tar) || Files.isExecutable(Path.of("/bin/tar")), "no tar");
        Path sub = Files.createDirectories(dir.resolve("in"));
        Files.writeString(sub.resolve("metadata.toml"), "tab-version = 1\nname = \"sys\"\nbuild-date = 2024-05-01T10:00:00Z\n");
        Files.write(sub.resolve("cortex-m3.tbf"), app("sys"));
        Path out = dir.resolve("sys.tab");
        Process p = new ProcessBuilder("tar", "--format=ustar", "-cf", out.toString(), "-C", sub.toString(),
                "metadata.toml", "cortex-m3.tbf").redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "tar failed");
        TabArchive a = TabArchive.read(out);
        assertEquals("cortex-m3.tbf", a.select().fileName());
        assertEquals("2024-05-01T10:00:00Z", a.metadata().orElseThrow().buildDate().orElseThrow());
        assertEquals("sys", a.metadata().orElseThrow().name().orElseThrow());
    }

    @Test
    void malformedTar() throws Exception {
        byte[] t = tab("cortex-m4.tbf");
        TbfFormatException e = assertThrows(TbfFormatException.class, () -> TabArchive.parse(Arrays.copyOf(t, 1024 + 512 + 100), "cut.tab"));
        assertEquals("tar size", e.field());
        assertTrue(e.getMessage().startsWith("cut.tab: offset 0x"), e.getMessage());
        byte[] b = t.clone();
        b[0] ^= 1; // name changes, checksum no longer matches
        e = assertThrows(TbfFormatException.class, () -> TabArchive.parse(b, "bad.tab"));
        assertEquals("tar checksum", e.field());
        e = assertThrows(TbfFormatException.class, () -> TabArchive.parse(new byte[]{2, 0, 76, 0}, "tiny.tab"));
        assertEquals("tar header", e.field());
        assertTrue(TabArchive.parse(new byte[1024], "empty.tab").entries().isEmpty());
    }

    @Test
    void tomlSubset() throws Exception {
        TabMetadata m = TabMetadata.parse("""
                # comment
                tab-version = 1
                name = "a \\"quoted\\" name" # trailing comment
                only-for-boards = "hail, imix ,nrf52dk"
                build-date = 2023-01-02T03:04:05Z
                minimum-tock-kernel-version = '2.1'
                flags = [1, "two", true]

                [extra]
                key = 0x10
                """, "m.tab");
        assertEquals("a \"quoted\" name", m.name().orElseThrow());
        assertEquals(List.of("hail", "imix", "nrf52dk"), m.onlyForBoards());
        assertEquals("2023-01-02T03:04:05Z", m.buildDate().orElseThrow());
        assertEquals("2.1", m.minimumTockKernelVersion().orElseThrow());
        assertEquals(List.of(1L, "two", true), m.values().get("flags"));
        assertEquals(16L, m.values().get("extra.key"));
        TbfFormatException e = assertThrows(TbfFormatException.class, () -> TabMetadata.parse("name = \"open", "m.tab"));
        assertTrue(e.getMessage().startsWith("m.tab: metadata.toml line 1"), e.getMessage());
        e = assertThrows(TbfFormatException.class, () -> TabMetadata.parse("x\n", "m.tab"));
        assertTrue(e.getMessage().contains("expected '='"), e.getMessage());
        assertFalse(TabMetadata.parse("", "m").name().isPresent());
    }

    @Test
    void fuzzNeverThrowsUnchecked() throws Exception {
        byte[] good = tab("cortex-m4.tbf");
        Random r = new Random(3);
        for (int iter = 0; iter < 3000; iter++) {
            byte[] b = good.clone();
            for (int k = 0; k < 3; k++) b[r.nextInt(1024)] = (byte) r.nextInt(256);
            if (r.nextInt(5) == 0) b = Arrays.copyOf(b, r.nextInt(b.length));
            try {
                TabArchive a = TabArchive.parse(b, "f.tab");
                TbfInspector.text(a);
                TbfInspector.json(a);
            } catch (TbfFormatException e) {
                assertTrue(e.getMessage().startsWith("f.tab: "), e.getMessage());
            } catch (RuntimeException e) {
                fail("iteration " + iter + ": unchecked " + e, e);
            }
        }
    }
}
