package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/**
 * Replays the operand matrix of tests/bare/dsp.c (every DSP instruction, 12 x 12 operand pairs,
 * two incoming Q/GE states) on the interpreter and compares each printed line with what that
 * program printed under QEMU 8 (mps2-an386). The QEMU output is kept as one CRC32 per
 * (instruction, incoming flags) group below; to see the differing lines, build dsp.elf, run it
 * under QEMU (make -C tests/bare check) and point -Dtockemu.dspGolden=FILE at the output.
 */
class DspQemuCrossCheckTest {
    static final int[] VALS = {0, 1, 0x7fff8000, 0x80007fff, 0xffffffff, 0x7f80017f, 0x01fe80ff, 0x12345678,
            0xfedcba98, 0x80808080, 0x7f7f7f7f, 0x80000000};
    static final int[] FINS = {0x00050000, 0x080a0000};
    static final int ACC = 0x7ffffff0, ACC_HI = 0x00000003;

    /** name -> assembly; d = r0, a = r1, b = r2, c = r3; long forms lo = r4, hi = r5. */
    static Map<String, String> ops() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : new String[] {"s", "q", "sh", "u", "uq", "uh"}) {
            for (String k : new String[] {"add16", "asx", "sax", "sub16", "add8", "sub8"}) m.put(p + k, p + k + " r0, r1, r2");
        }
        for (String s : new String[] {"sel", "qadd", "qsub", "qdadd", "qdsub"}) m.put(s, s + " r0, r1, r2");
        m.put("ssat1", "ssat r0, #1, r1");
        m.put("ssat8", "ssat r0, #8, r1");
        m.put("ssat16l", "ssat r0, #16, r1, lsl #4");
        m.put("ssat32", "ssat r0, #32, r1, asr #1");
        m.put("ssat12a", "ssat r0, #12, r1, asr #31");
        m.put("usat0", "usat r0, #0, r1");
        m.put("usat8", "usat r0, #8, r1");
        m.put("usat31", "usat r0, #31, r1, lsl #1");
        m.put("usat16a", "usat r0, #16, r1, asr #8");
        m.put("ssat16_4", "ssat16 r0, #4, r1");
        m.put("ssat16_16", "ssat16 r0, #16, r1");
        m.put("usat16_0", "usat16 r0, #0, r1");
        m.put("usat16_9", "usat16 r0, #9, r1");
        for (String s : new String[] {"smulbb", "smulbt", "smultb", "smultt"}) m.put(s, s + " r0, r1, r2");
        for (String s : new String[] {"smlabb", "smlabt", "smlatb", "smlatt"}) m.put(s, s + " r0, r1, r2, r3");
        for (String s : new String[] {"smulwb", "smulwt"}) m.put(s, s + " r0, r1, r2");
        for (String s : new String[] {"smlawb", "smlawt"}) m.put(s, s + " r0, r1, r2, r3");
        for (String s : new String[] {"smuad", "smuadx", "smusd", "smusdx"}) m.put(s, s + " r0, r1, r2");
        for (String s : new String[] {"smlad", "smladx", "smlsd", "smlsdx"}) m.put(s, s + " r0, r1, r2, r3");
        for (String s : new String[] {"smmul", "smmulr"}) m.put(s, s + " r0, r1, r2");
        for (String s : new String[] {"smmla", "smmlar", "smmls", "smmlsr"}) m.put(s, s + " r0, r1, r2, r3");
        m.put("usad8", "usad8 r0, r1, r2");
        m.put("usada8", "usada8 r0, r1, r2, r3");
        for (String s : new String[] {"smlalbb", "smlalbt", "smlaltb", "smlaltt", "smlald", "smlaldx", "smlsld", "smlsldx", "umaal"}) {
            m.put(s, s + " r4, r5, r1, r2");
        }
        return m;
    }

    /** The lines dsp.c prints for one op. */
    static List<String> lines(String name, String asm) {
        TestMachine tm = new TestMachine().asm(asm);
        boolean lng = asm.contains("r4, r5");
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            for (int a : VALS) {
                StringBuilder sb = new StringBuilder(String.format("%-9s %s %08x:", name, k == 1 ? "Q/ge1010" : "ge0101  ", a));
                for (int b : VALS) {
                    var cpu = tm.cpu;
                    cpu.pc = 0;
                    cpu.r[0] = 0x5a5a5a5a;
                    cpu.r[1] = a;
                    cpu.r[2] = b;
                    cpu.r[3] = ACC;
                    cpu.r[4] = ACC;
                    cpu.r[5] = ACC_HI;
                    cpu.setApsr(FINS[k]);
                    Interpreter.step(cpu);
                    int f = cpu.apsr();
                    char q = (f & (1 << 27)) != 0 ? 'q' : '.';
                    if (lng) sb.append(String.format(" %08x:%08x%c", cpu.r[5], cpu.r[4], q));
                    else sb.append(String.format(" %08x%c%x", cpu.r[0], q, (f >>> 16) & 15));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static long crc(List<String> lines) {
        CRC32 c = new CRC32();
        for (String l : lines) c.update((l.trim() + "\n").getBytes());
        return c.getValue();
    }

    @Test
    void matchesQemu() throws IOException {
        Asm.assumeAvailable();
        String golden = System.getProperty("tockemu.dspGolden");
        Map<String, String> ops = ops();
        if (golden != null) {
            List<String> want = new ArrayList<>();
            for (String l : Files.readAllLines(Path.of(golden))) if (!l.startsWith("dsp checksum")) want.add(l.trim());
            List<String> got = new ArrayList<>();
            for (var e : ops.entrySet()) for (String l : lines(e.getKey(), e.getValue())) got.add(l.trim());
            StringBuilder diffs = new StringBuilder();
            int n = 0;
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                String w = i < want.size() ? want.get(i) : "<none>", g = i < got.size() ? got.get(i) : "<none>";
                if (!w.equals(g) && n++ < 40) diffs.append("qemu: ").append(w).append("\nours: ").append(g).append('\n');
            }
            StringBuilder table = new StringBuilder();
            for (var e : ops.entrySet()) {
                List<String> want1 = new ArrayList<>();
                for (String l : want) if (l.startsWith(e.getKey() + " ")) want1.add(l);
                table.append(String.format("\"%s\", \"%08x\",%n", e.getKey(), crc(want1)));
            }
            System.out.println(table);
            assertEquals("", diffs.toString());
            return;
        }
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < QEMU_CRC.length; i += 2) {
            String name = QEMU_CRC[i];
            long got = crc(lines(name, ops.get(name)));
            if (got != Long.parseLong(QEMU_CRC[i + 1], 16)) bad.append(name).append(' ');
        }
        assertEquals("", bad.toString(), "instructions whose results differ from QEMU");
    }

    /** CRC32 of the trimmed lines QEMU printed per instruction (both incoming flag states). */
    static final String[] QEMU_CRC = {
        "sadd16", "6c3a97c2",
        "sasx", "3950789f",
        "ssax", "6d2089bf",
        "ssub16", "434bf572",
        "sadd8", "874b1680",
        "ssub8", "374ac059",
        "qadd16", "fa65ba13",
        "qasx", "fa44ec3d",
        "qsax", "1cc7b434",
        "qsub16", "966ad704",
        "qadd8", "f00e959d",
        "qsub8", "d743c0ac",
        "shadd16", "614aa898",
        "shasx", "0b3e8f67",
        "shsax", "790aa87d",
        "shsub16", "6c49ed02",
        "shadd8", "e21f1aef",
        "shsub8", "dbbd5b57",
        "uadd16", "445346da",
        "uasx", "342e36a5",
        "usax", "0e2aa6ce",
        "usub16", "e566f196",
        "uadd8", "9a526ac4",
        "usub8", "cb7392da",
        "uqadd16", "89417a51",
        "uqasx", "a778a0d7",
        "uqsax", "596ba01b",
        "uqsub16", "00fea9fd",
        "uqadd8", "dc0e6aa9",
        "uqsub8", "cf352845",
        "uhadd16", "c06d60b5",
        "uhasx", "8c0e5508",
        "uhsax", "46594ac8",
        "uhsub16", "98dbcccf",
        "uhadd8", "ef2d5b9e",
        "uhsub8", "c3c8020e",
        "sel", "17c93e97",
        "qadd", "2ba4e362",
        "qsub", "3fca310b",
        "qdadd", "6258d893",
        "qdsub", "85ef06a7",
        "ssat1", "fcb82f55",
        "ssat8", "43fa5921",
        "ssat16l", "2bfafa5f",
        "ssat32", "1c89e554",
        "ssat12a", "62db9a24",
        "usat0", "af6a3442",
        "usat8", "89f31ef1",
        "usat31", "d4845466",
        "usat16a", "d98befc8",
        "ssat16_4", "4e50ad18",
        "ssat16_16", "0062529c",
        "usat16_0", "a4a81efb",
        "usat16_9", "135fa404",
        "smulbb", "cfffca42",
        "smulbt", "d031aa64",
        "smultb", "e69aa913",
        "smultt", "eeff35ff",
        "smlabb", "56dfcb36",
        "smlabt", "91fbcc8a",
        "smlatb", "f76fa2d6",
        "smlatt", "e760a73b",
        "smulwb", "d917f79d",
        "smulwt", "d07d97cd",
        "smlawb", "472d2c16",
        "smlawt", "ebb246ba",
        "smuad", "310b0c04",
        "smuadx", "4ca6b8e5",
        "smusd", "c536da43",
        "smusdx", "90212149",
        "smlad", "f85f87fc",
        "smladx", "12233d04",
        "smlsd", "1ac9e2f3",
        "smlsdx", "222f3769",
        "smmul", "d7d373a2",
        "smmulr", "8d198cac",
        "smmla", "ef2db1ea",
        "smmlar", "eaea253a",
        "smmls", "fb3b8f0e",
        "smmlsr", "0895f3ec",
        "usad8", "bb8d67af",
        "usada8", "9afe65f5",
        "smlalbb", "a15d3b40",
        "smlalbt", "3ee69c3c",
        "smlaltb", "b2aa309b",
        "smlaltt", "c9e9dff8",
        "smlald", "4791d38c",
        "smlaldx", "bda02c52",
        "smlsld", "4244e846",
        "smlsldx", "34dbbfad",
        "umaal", "d2f305fb",
    };

    // ------------------------------------------------------------------ mul/div, extends, PKH: EXTRA_C under QEMU

    static final int[] XVALS = {0, 1, 2, 0x7fff8000, 0x80007fff, 0xffffffff, 0xfffffffe, 0x7f80017f, 0x01fe80ff,
            0x12345678, 0xfedcba98, 0x80808080, 0x7f7f7f7f, 0x80000000, 0x7fffffff, 0x0000ffff};
    static final int[] XFINS = {0x00050000, 0xf80a0000};

    /** name -> assembly as in EXTRA_C; d = r0 (holding b on entry), a = r1, b = r2, c = r3; lo = r4, hi = r5. */
    static Map<String, String> extraOps() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mul", "mul r0, r1, r2");
        m.put("muls", "muls r0, r1, r0");
        m.put("mla", "mla r0, r1, r2, r3");
        m.put("mls", "mls r0, r1, r2, r3");
        m.put("sdiv", "sdiv r0, r1, r2");
        m.put("udiv", "udiv r0, r1, r2");
        for (String s : new String[] {"smull", "umull", "smlal", "umlal"}) m.put(s, s + " r4, r5, r1, r2");
        m.put("sxtb16", "sxtb16 r0, r2");
        m.put("sxtb16r8", "sxtb16 r0, r2, ror #8");
        m.put("uxtb16r16", "uxtb16 r0, r2, ror #16");
        m.put("uxtb16r24", "uxtb16 r0, r2, ror #24");
        m.put("sxtab16", "sxtab16 r0, r1, r2, ror #24");
        m.put("uxtab16", "uxtab16 r0, r1, r2, ror #8");
        m.put("pkhbt", "pkhbt r0, r1, r2");
        m.put("pkhbt16", "pkhbt r0, r1, r2, lsl #16");
        m.put("pkhbt31", "pkhbt r0, r1, r2, lsl #31");
        m.put("pkhtb1", "pkhtb r0, r1, r2, asr #1");
        m.put("pkhtb16", "pkhtb r0, r1, r2, asr #16");
        m.put("pkhtb32", "pkhtb r0, r1, r2, asr #32");
        return m;
    }

    static List<String> extraLines(String name, String asm) {
        TestMachine tm = new TestMachine().asm(asm);
        boolean lng = asm.contains("r4, r5");
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            for (int a : XVALS) {
                StringBuilder sb = new StringBuilder(String.format("%-9s %d %08x:", name, k, a));
                for (int b : XVALS) {
                    var cpu = tm.cpu;
                    cpu.pc = 0;
                    cpu.r[0] = b;
                    cpu.r[1] = a;
                    cpu.r[2] = b;
                    cpu.r[3] = 0x7ffffff0;
                    cpu.r[4] = 0x7ffffff0;
                    cpu.r[5] = 3;
                    cpu.setApsr(XFINS[k]);
                    Interpreter.step(cpu);
                    int f = cpu.apsr();
                    if (lng) sb.append(String.format(" %08x:%08x/%02x", cpu.r[5], cpu.r[4], f >>> 27));
                    else sb.append(String.format(" %08x/%02x%x", cpu.r[0], f >>> 27, (f >>> 16) & 15));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void mulDivExtendPackMatchQemu() throws IOException {
        Asm.assumeAvailable();
        Map<String, String> ops = extraOps();
        String golden = System.getProperty("tockemu.extraGolden");
        if (golden != null) {
            List<String> want = new ArrayList<>();
            for (String l : Files.readAllLines(Path.of(golden))) want.add(l.trim());
            List<String> got = new ArrayList<>();
            for (var e : ops.entrySet()) for (String l : extraLines(e.getKey(), e.getValue())) got.add(l.trim());
            StringBuilder diffs = new StringBuilder(), table = new StringBuilder();
            int n = 0;
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                String w = i < want.size() ? want.get(i) : "<none>", g = i < got.size() ? got.get(i) : "<none>";
                if (!w.equals(g) && n++ < 40) diffs.append("qemu: ").append(w).append("\nours: ").append(g).append('\n');
            }
            for (var e : ops.entrySet()) {
                List<String> want1 = new ArrayList<>();
                for (String l : want) if (l.startsWith(e.getKey() + " ")) want1.add(l);
                table.append(String.format("\"%s\", \"%08x\",%n", e.getKey(), crc(want1)));
            }
            System.out.println(table);
            assertEquals("", diffs.toString());
            return;
        }
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < QEMU_EXTRA_CRC.length; i += 2) {
            String name = QEMU_EXTRA_CRC[i];
            if (crc(extraLines(name, ops.get(name))) != Long.parseLong(QEMU_EXTRA_CRC[i + 1], 16)) bad.append(name).append(' ');
        }
        assertEquals("", bad.toString(), "instructions whose results differ from QEMU");
    }

    /** CRC32 of the trimmed lines QEMU printed for EXTRA_C, per instruction. */
    static final String[] QEMU_EXTRA_CRC = {
        "mul", "87217708",
        "muls", "0ab4952e",
        "mla", "4ceaa714",
        "mls", "c99ed406",
        "sdiv", "17c2ce43",
        "udiv", "c4efbec1",
        "smull", "f0307359",
        "umull", "6e7b8c22",
        "smlal", "79821e55",
        "umlal", "e791a73b",
        "sxtb16", "a9135326",
        "sxtb16r8", "a187c934",
        "uxtb16r16", "ff9d4cf9",
        "uxtb16r24", "741cda65",
        "sxtab16", "5719aae6",
        "uxtab16", "58e0f2f0",
        "pkhbt", "b6b357d0",
        "pkhbt16", "655e0fa4",
        "pkhbt31", "693cd4c5",
        "pkhtb1", "c1cab035",
        "pkhtb16", "57b21668",
        "pkhtb32", "f458867c",
    };

    /**
     * The program behind QEMU_EXTRA_CRC: build it like the tests/bare programs (startup.c, mps2.ld,
     * rdimon.specs, -mcpu=cortex-m4 -O2), run it under qemu-system-arm -M mps2-an386 with
     * semihosting, and pass the output as -Dtockemu.extraGolden=FILE to compare line by line.
     */
    static final String EXTRA_C = """
/* mul/div and pack/extend matrix for tockemu's DspQemuCrossCheckTest (generated there). */
#include "tb.h"
uint32_t tb_sum;
static const uint32_t vals[] = {0, 1, 2, 0x7fff8000, 0x80007fff, 0xffffffff, 0xfffffffe, 0x7f80017f, 0x01fe80ff,
                                0x12345678, 0xfedcba98, 0x80808080, 0x7f7f7f7f, 0x80000000, 0x7fffffff, 0x0000ffff};
#define NV (sizeof vals / sizeof vals[0])
static const uint32_t fins[] = {0x00050000, 0xf80a0000};
static void out(uint32_t d, uint32_t f) { printf(" %08lx/%02lx%lx", (unsigned long)d, (unsigned long)(f >> 27), (unsigned long)((f >> 16) & 15)); }
static void out2(uint32_t lo, uint32_t hi, uint32_t f) { printf(" %08lx:%08lx/%02lx", (unsigned long)hi, (unsigned long)lo, (unsigned long)(f >> 27)); }
#define OP(name, text) static void name(uint32_t a, uint32_t b, uint32_t fin) { uint32_t d = b, f, c = 0x7ffffff0; \\
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\\n\\t" text "\\n\\tmrs %[f], apsr" \\
        : [d] "+&l"(d), [f] "=&r"(f) : [a] "l"(a), [b] "l"(b), [c] "r"(c), [fin] "r"(fin) : "cc"); out(d, f); }
#define OPL(name, text) static void name(uint32_t a, uint32_t b, uint32_t fin) { uint32_t lo = 0x7ffffff0, hi = 3, f; \\
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\\n\\t" text "\\n\\tmrs %[f], apsr" \\
        : [lo] "+&r"(lo), [hi] "+&r"(hi), [f] "=&r"(f) : [a] "r"(a), [b] "r"(b), [fin] "r"(fin) : "cc"); out2(lo, hi, f); }
OP(mul, "mul %[d], %[a], %[b]")
OP(muls, "muls %[d], %[a], %[d]")
OP(mla, "mla %[d], %[a], %[b], %[c]")
OP(mls, "mls %[d], %[a], %[b], %[c]")
OP(sdiv, "sdiv %[d], %[a], %[b]")
OP(udiv, "udiv %[d], %[a], %[b]")
OPL(smull, "smull %[lo], %[hi], %[a], %[b]")
OPL(umull, "umull %[lo], %[hi], %[a], %[b]")
OPL(smlal, "smlal %[lo], %[hi], %[a], %[b]")
OPL(umlal, "umlal %[lo], %[hi], %[a], %[b]")
OP(sxtb16, "sxtb16 %[d], %[b]")
OP(sxtb16r8, "sxtb16 %[d], %[b], ror #8")
OP(uxtb16r16, "uxtb16 %[d], %[b], ror #16")
OP(uxtb16r24, "uxtb16 %[d], %[b], ror #24")
OP(sxtab16, "sxtab16 %[d], %[a], %[b], ror #24")
OP(uxtab16, "uxtab16 %[d], %[a], %[b], ror #8")
OP(pkhbt, "pkhbt %[d], %[a], %[b]")
OP(pkhbt16, "pkhbt %[d], %[a], %[b], lsl #16")
OP(pkhbt31, "pkhbt %[d], %[a], %[b], lsl #31")
OP(pkhtb1, "pkhtb %[d], %[a], %[b], asr #1")
OP(pkhtb16, "pkhtb %[d], %[a], %[b], asr #16")
OP(pkhtb32, "pkhtb %[d], %[a], %[b], asr #32")
typedef void (*fn_t)(uint32_t, uint32_t, uint32_t);
struct op { const char *name; fn_t fn; };
#define E(x) {#x, x},
static const struct op ops[] = {
    E(mul) E(muls) E(mla) E(mls) E(sdiv) E(udiv) E(smull) E(umull) E(smlal) E(umlal)
    E(sxtb16) E(sxtb16r8) E(uxtb16r16) E(uxtb16r24) E(sxtab16) E(uxtab16)
    E(pkhbt) E(pkhbt16) E(pkhbt31) E(pkhtb1) E(pkhtb16) E(pkhtb32)
};
int main(void)
{
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++)
        for (unsigned k = 0; k < 2; k++)
            for (unsigned i = 0; i < NV; i++) {
                printf("%-9s %u %08lx:", ops[o].name, k, (unsigned long)vals[i]);
                for (unsigned j = 0; j < NV; j++) ops[o].fn(vals[i], vals[j], fins[k]);
                printf("\\n");
            }
    return 0;
}
""";
}
