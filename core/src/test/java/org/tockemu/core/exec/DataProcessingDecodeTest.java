package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.testing.Tools;

/**
 * Decoder coverage of the data-processing spaces: every 16-bit encoding, and a large random
 * sample of 32-bit encodings, decode without error to an entry whose mnemonic family matches
 * arm-none-eabi-objdump's; encodings objdump reads as data processing never decode as UNDEFINED
 * here unless the ARM ARM makes them UNPREDICTABLE.
 */
class DataProcessingDecodeTest {
    static final Set<String> FAMILIES = Set.of("and", "eor", "lsl", "lsr", "asr", "adc", "sbc", "ror", "tst", "rsb", "cmp",
            "cmn", "orr", "bic", "mvn", "mov", "add", "sub", "adr", "sxth", "sxtb", "uxth", "uxtb", "rev", "rev16", "revsh",
            "orn", "teq", "rrx", "movt", "bfi", "bfc", "ubfx", "sbfx", "sxtah", "sxtab", "uxtah", "uxtab", "clz", "rbit");

    /** Our family: the entry name up to the first '_', lower case. */
    static String ours(Insn in) {
        String n = in.name;
        int u = n.indexOf('_');
        return (u < 0 ? n : n.substring(0, u)).toLowerCase();
    }

    /** objdump's family: mnemonic without .w/.n, S suffix, W suffix; MOV with a shift operand is the shift. */
    static String theirs(String mnemonic, String operands) {
        String m = mnemonic.replace(".w", "").replace(".n", "");
        switch (m) {
            case "movw": return "mov";
            case "addw": return "add";
            case "subw": return "sub";
            case "neg": case "negs": return "rsb";
            case "nop": return "mov"; // objdump's alias of mov r8, r8 (46c0)
            default: break;
        }
        if (!FAMILIES.contains(m) && m.endsWith("s") && FAMILIES.contains(m.substring(0, m.length() - 1))) m = m.substring(0, m.length() - 1);
        if (m.equals("mov")) {
            for (String s : new String[] {"lsl", "lsr", "asr", "ror", "rrx"}) if (operands.contains(", " + s)) return s;
        }
        return m;
    }

    static boolean sameFamily(String ours, String theirs) {
        if (ours.equals(theirs)) return true;
        return ours.equals("adr") && (theirs.equals("add") || theirs.equals("sub"));
    }

    /** Disassembles little-endian halfwords; returns one "mnemonic\toperands" per instruction, in order. */
    static List<String[]> objdump(byte[] code) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tockemu-dp-objdump");
        Path bin = dir.resolve("code.bin");
        try {
            Files.write(bin, code);
            Process p = new ProcessBuilder("arm-none-eabi-objdump", "-D", "-b", "binary", "-marm", "-Mforce-thumb", bin.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "objdump timed out");
            List<String[]> res = new ArrayList<>();
            for (String line : out.split("\n")) {
                String[] cols = line.split("\t");
                if (cols.length < 3 || !cols[0].trim().endsWith(":")) continue;
                String mn = cols[2].trim();
                String ops = cols.length > 3 ? cols[3] : "";
                res.add(new String[] {cols[0].trim(), mn, ops});
            }
            return res;
        } finally {
            Files.deleteIfExists(bin);
            Files.deleteIfExists(dir);
        }
    }

    static void requireObjdump() {
        if (Tools.onPath("arm-none-eabi-objdump").isEmpty()) Tools.missing("arm-none-eabi-objdump not found: apt-get install binutils-arm-none-eabi");
    }

    static boolean dpSpace16(int hw) {
        if (hw < 0x4700) return hw < 0x4340 || hw >= 0x4380; // shift/add/sub/mov/cmp, data processing, special (not MUL, BX/BLX)
        int top = hw >>> 8;
        return (hw >>> 12) == 0xA || top == 0xB0 || top == 0xB2 || top == 0xBA;
    }

    @Test
    void every16BitEncodingMatchesObjdump() throws Exception {
        requireObjdump();
        List<Integer> encs = new ArrayList<>();
        for (int hw = 0; hw < 0xC000; hw++) if (dpSpace16(hw)) encs.add(hw);
        byte[] code = new byte[encs.size() * 2];
        for (int i = 0; i < encs.size(); i++) { code[2 * i] = (byte) (int) encs.get(i); code[2 * i + 1] = (byte) (encs.get(i) >>> 8); }
        List<String[]> dis = objdump(code);
        assertEquals(encs.size(), dis.size());
        StringBuilder bad = new StringBuilder();
        int n = 0, checked = 0;
        for (int i = 0; i < encs.size(); i++) {
            int hw = encs.get(i);
            Insn in = Decoder.decode(hw, 0);
            String t = theirs(dis.get(i)[1], dis.get(i)[2]);
            if (in.name.equals("UNDEFINED")) {
                if (FAMILIES.contains(t) && n++ < 30) bad.append(String.format("%04x: UNDEFINED here, objdump %s %s%n", hw, dis.get(i)[1], dis.get(i)[2]));
                continue;
            }
            if (!in.isUndefined() && in.group != Group.DATA) continue;
            checked++;
            if (!sameFamily(ours(in), t) && n++ < 30) bad.append(String.format("%04x: %s, objdump %s %s%n", hw, in.name, dis.get(i)[1], dis.get(i)[2]));
        }
        assertEquals("", bad.toString());
        assertTrue(checked > 17000, "checked " + checked);
    }

    /** A random encoding in the 32-bit data-processing spaces. */
    static int random32(SplittableRandom rnd) {
        int v = rnd.nextInt();
        switch (rnd.nextInt(4)) {
            case 0: return (v & 0x07FF7FFF) | 0xF0000000;          // 11110 x x ... 0 ... (immediates)
            case 1: return (v & 0x01FF7FFF) | 0xEA000000;          // 1110101 ... 0 ... (shifted register)
            case 2: return (v & 0x00FF0FFF) | 0xFA00F000;          // 11111010 ... 1111 ... (register)
            default: return (v & 0x01FFFFFF) | 0xEA000000 | (rnd.nextInt(2) << 15);
        }
    }

    @Test
    void random32BitEncodingsMatchObjdump() throws Exception {
        requireObjdump();
        SplittableRandom rnd = new SplittableRandom(20261125);
        int count = 40000;
        int[] encs = new int[count];
        byte[] code = new byte[count * 4];
        for (int i = 0; i < count; i++) {
            int e = random32(rnd);
            encs[i] = e;
            int hw1 = e >>> 16, hw2 = e & 0xFFFF;
            code[4 * i] = (byte) hw1; code[4 * i + 1] = (byte) (hw1 >>> 8);
            code[4 * i + 2] = (byte) hw2; code[4 * i + 3] = (byte) (hw2 >>> 8);
        }
        List<String[]> dis = objdump(code);
        assertEquals(count, dis.size());
        StringBuilder bad = new StringBuilder();
        int n = 0, checked = 0;
        for (int i = 0; i < count; i++) {
            Insn in = Decoder.decode(encs[i] >>> 16, encs[i] & 0xFFFF);
            if (in.name.equals("UNDEFINED") || (!in.isUndefined() && in.group != Group.DATA)) continue;
            if (in.isUndefined() && in.group == Group.UNDEFINED && !FAMILIES.contains(ours(in))) continue;
            String t = theirs(dis.get(i)[1], dis.get(i)[2]);
            checked++;
            if (!sameFamily(ours(in), t) && n++ < 30) {
                bad.append(String.format("%04x %04x: %s, objdump %s %s%n", encs[i] >>> 16, encs[i] & 0xFFFF, in.name, dis.get(i)[1], dis.get(i)[2]));
            }
        }
        assertEquals("", bad.toString());
        assertTrue(checked > 10000, "checked " + checked);
    }

    /** Every encoding our table claims as data processing either executes or is UNDEFINED by rule: never a decoder crash. */
    @Test
    void decoderNeverThrowsInTheDataProcessingSpaces() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 500_000; i++) {
            int e = random32(rnd);
            Insn in = Decoder.decode(e >>> 16, e & 0xFFFF);
            if (in.group == Group.DATA) assertTrue(in.op > 0 && in.op <= DataProcessing.REVSH, in.toString());
        }
        for (int hw = 0; hw < 0xE800; hw++) {
            Insn in = Decoder.decode(hw, 0);
            if (in.group == Group.DATA) assertTrue(in.op > 0 && in.op <= DataProcessing.REVSH, in.toString());
        }
    }
}
