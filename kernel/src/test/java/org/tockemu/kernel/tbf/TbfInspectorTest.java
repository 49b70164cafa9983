package org.tockemu.kernel.tbf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tockemu.core.elf.ElfFile;
import org.tockemu.core.elf.TestElfBuilder;

class TbfInspectorTest {
    static byte[] blink() throws Exception {
        return TbfPacker.pack(ElfFile.parse(TestElfBuilder.picApp().build(), "a.elf"),
                new TbfPacker.Options().name("blink").minimumFooterSize(3000));
    }

    @Test
    void textDump() throws Exception {
        String t = TbfInspector.text(TbfInspector.inspect(blink(), "blink.tbf"));
        for (String s : new String[]{"TBF blink.tbf: version 2, enabled", "TLV Main (1) at 0x10, length 12",
                "TLV Program (9) at 0x20, length 20", "TLV PackageName (3)", "TLV KernelVersion (8)", "(ok)",
                "binary_end", "protected_size", "Credentials at 0x1b8: Reserved", "blink", "^2.2", "Loadable by a 2.3 kernel: yes"})
            assertTrue(t.contains(s), "missing '" + s + "' in:\n" + t);
    }

    @Test
    void badChecksumIsReportedNotFatal() throws Exception {
        byte[] b = blink();
        b[40] ^= 0x10;
        TbfHeader h = TbfInspector.inspect(b, "bad.tbf");
        assertFalse(h.checksumOk());
        String t = TbfInspector.text(h);
        assertTrue(t.contains("(BAD: computed 0x"), t);
        assertTrue(t.contains("no: bad checksum"), t);
        assertTrue(TbfInspector.json(h).contains("\"checksum_ok\": false"));
    }

    @Test
    void jsonDump() throws Exception {
        String j = TbfInspector.json(TbfInspector.inspect(blink(), "blink \"1\".tbf"));
        assertTrue(j.startsWith("{\n  \"file\": \"blink \\\"1\\\".tbf\""), j);
        for (String s : new String[]{"\"header_size\": 76", "\"total_size\": 4096", "\"checksum_ok\": true",
                "\"name\": \"Program\"", "\"binary_end_offset\": 440", "\"package_name\": \"blink\"",
                "\"kernel_version\": \"2.2\"", "\"format_name\": \"Reserved\"", "\"loadable\": true"})
            assertTrue(j.contains(s), "missing " + s + " in " + j);
        // crude structural check: balanced braces and brackets outside strings
        int depth = 0;
        boolean str = false;
        for (int i = 0; i < j.length(); i++) {
            char c = j.charAt(i);
            if (str) {
                if (c == '\\') i++;
                else if (c == '"') str = false;
            } else if (c == '"') str = true;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') depth--;
        }
        assertEquals(0, depth);
    }

    @Test
    void tabDump() throws Exception {
        byte[] tab = TabArchiveTest.tab("cortex-m0.tbf", "cortex-m4.tbf");
        TabArchive a = TabArchive.parse(tab, "blink.tab");
        String t = TbfInspector.text(a);
        assertTrue(t.contains("cortex-m4.tbf") && t.contains("<- selected for cortex-m4"), t);
        assertTrue(t.contains("minimum-tock-kernel-version"), t);
        String j = TbfInspector.json(a);
        assertTrue(j.contains("\"selected\": \"cortex-m4.tbf\""), j);
        assertTrue(j.contains("\"kind\": \"tab\""), j);
    }
}
