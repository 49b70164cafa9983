package org.tockemu.core.risu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants of the generated sequences and of the dump parser; needs no external tools. */
class RisuGeneratorTest {
    static final Set<String> TWO_DEST = Set.of("ldrd", "umull", "smull", "umlal", "smlal", "umaal", "smlald", "smlaldx", "smlsld",
            "smlsldx", "smlalbb", "smlalbt", "smlaltb", "smlaltt");

    static String rn(int r) { return r == 13 ? "lr" : "r" + r; }

    /** The base register is never written except by writeback; SP and PC never appear; every IT block has 1-4 instructions. */
    @Test
    void generatedSequencesKeepTheirInvariants() {
        RisuGenerator g = new RisuGenerator(12345);
        Set<String> mnemonics = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            RisuGenerator.Case c = g.generate(i);
            String base = rn(c.base());
            int itLeft = 0;
            for (String unit : c.listing()) {
                for (String raw : unit.split("\n")) {
                    String line = raw.strip();
                    if (line.endsWith(":") || line.startsWith(".")) continue;
                    String[] p = line.split("\\s+", 2);
                    String m = p[0];
                    String ops = p.length > 1 ? p[1] : "";
                    // SP only as the base of a load/store ("[sp, #imm]") or the source of ADD Rd, SP, #imm
                    String noSpForms = ops.replaceAll("\\[sp, #\\d+\\]", "[SPBASE]").replaceAll("^\\[pc, (r\\d+|lr)(, lsl #1)?\\]$", "[TABLE]").replaceAll("^(r\\d+|lr), sp, #\\d+$", "$1, SPSRC");
                    assertFalse(noSpForms.matches(".*\\b(sp|pc|r13|r15)\\b.*"), () -> "SP/PC operand: " + line);
                    if (m.startsWith("it") && !m.equals("it") || m.equals("it")) {
                        assertEquals(0, itLeft, "nested IT");
                        itLeft = m.length() - 1;
                        assertTrue(itLeft >= 1 && itLeft <= 4);
                        continue;
                    }
                    if (itLeft > 0) itLeft--;
                    String core = RisuGenerator.stripCond(m);
                    mnemonics.add(core);
                    String[] o = ops.split(",\\s*");
                    if (core.startsWith("ldm") || core.startsWith("stm") || core.equals("push") || core.equals("pop")) {
                        String list = ops.substring(ops.indexOf('{'));
                        assertFalse(list.matches(".*\\b" + base + "\\b.*"), () -> "base in register list: " + line + " base " + base);
                        continue;
                    }
                    boolean writesFirst = !(core.startsWith("str") && !core.startsWith("strex")) && !Set.of("cmp", "cmn", "tst", "teq", "cbz", "cbnz", "b",
                            "clrex", "nop", "tbb", "tbh", "msr").contains(core) && !core.startsWith("b");
                    if (core.startsWith("strex")) writesFirst = true;
                    if (writesFirst && !ops.isEmpty()) assertFalse(o[0].equals(base), () -> "writes the base register: " + line);
                    if (TWO_DEST.contains(core)) {
                        assertFalse(o[1].equals(base), () -> "writes the base register: " + line);
                        assertFalse(o[0].equals(o[1]), () -> "UNPREDICTABLE equal destinations: " + line);
                    }
                    if (core.startsWith("strex")) {
                        assertFalse(o[0].equals(o[1]), () -> "STREX status = value: " + line);
                    }
                }
            }
            assertEquals(0, itLeft, "IT block cut short in case " + i);
        }
        for (String m : List.of("adds", "ldrd", "strd", "ldrex", "strex", "sadd16", "uqsub8", "smlald", "umaal", "bfi", "ssat16", "sel", "push", "pop", "tbb", "tbh", "mrs", "msr")) {
            assertTrue(mnemonics.contains(m), "never generated: " + m);
        }
    }

    @Test
    void parserReadsRecordsFaultsAndEnd() {
        ByteBuffer b = ByteBuffer.allocate(2 * 328 + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < 2; c++) {
            b.putInt(RisuRecord.MAGIC).putInt(c).putInt(0x203ffff0).putInt(0xffffffff);
            for (int r = 0; r < 13; r++) b.putInt(r * 0x1111 + c);
            b.putInt(0xabcdef00);
            for (int i = 0; i < 256; i++) b.put((byte) (i ^ c));
        }
        b.putInt(RisuRecord.END).putInt(2);
        RisuRecord.Stream s = RisuRecord.parse(b.array());
        assertTrue(s.ended());
        assertEquals(2, s.records().size());
        assertEquals(2, s.endCount());
        RisuRecord r0 = s.records().get(0), r1 = s.records().get(1);
        assertEquals(RisuRecord.APSR_MASK, r0.apsr(), "APSR masked to NZCVQ+GE");
        assertEquals(0xabcdef00, r0.lr());
        List<String> d = r0.diff(r1, "a", "b");
        assertEquals(14, d.size(), String.join("\n", d)); // r0-r12 and the window
        assertTrue(d.get(13).startsWith("window bytes differ"));

        ByteBuffer f = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        f.putInt(RisuRecord.FAULT).putInt(7).putInt(6).putInt(0x10000).putInt(0).putInt(0x1234);
        RisuRecord.Stream fs = RisuRecord.parse(f.array());
        assertNotNull(fs.fault());
        assertTrue(fs.faults().containsKey(7));
        assertTrue(fs.fault().contains("case 7") && fs.fault().contains("00010000"), fs.fault());
        assertFalse(fs.ended(), "a fault record does not end the stream");

        RisuRecord.Stream bad = RisuRecord.parse(new byte[] {1, 2, 3, 4});
        assertNotNull(bad.error());
        assertNull(bad.fault());
        assertFalse(RisuRecord.parse(new byte[0]).ended());
    }
}
