package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.testing.ArmToolchain;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.Qemu;
import org.tockemu.core.testing.RepoRoot;
import org.tockemu.core.testing.TestMachine;

/**
 * Differential check of the data-processing group against QEMU (mps2-an386): every template runs
 * over a 16 x 16 operand matrix and four incoming APSR states, on QEMU (a generated C program
 * built with the tests/bare startup, printing one hash per template) and on the interpreter.
 * Registers: r0 = d (starts as a, so 16-bit two-operand forms see Rdn = a), r1 = a, r2 = b.
 * Set -Dtockemu.dpVerbose=K to print the full QEMU and interpreter results of template K.
 */
class DataProcessingQemuTest {
    static final int[] VALS = {0, 1, 2, 31, 32, 33, 0xFF, 0x100, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFE,
            0xFFFFFFFF, 0x12345678, 0xEDCBA987, 0x0000FF80};
    /** Incoming APSR: NZCV combinations, with Q and GE set in two of them (they must be preserved). */
    static final int[] FINS = {0x00000000, 0x28050000, 0xD0000000, 0xF80A0000};
    static final int FLAG_MASK = 0xF80F0000;

    static final String[] TEMPLATES = {
        // 16-bit: shift (immediate), add, subtract, move, compare
        "lsls r0, r2, #0", "lsls r0, r2, #1", "lsls r0, r2, #31", "lsrs r0, r2, #1", "lsrs r0, r2, #32",
        "asrs r0, r2, #1", "asrs r0, r2, #32", "asrs r0, r2, #17",
        "adds r0, r1, r2", "subs r0, r1, r2", "adds r0, r1, #7", "subs r0, r1, #5", "movs r0, #0x80",
        "cmp r1, #0x80", "adds r0, #255", "subs r0, #1",
        // 16-bit: data processing (register)
        "ands r0, r2", "eors r0, r2", "lsls r0, r2", "lsrs r0, r2", "asrs r0, r2", "adcs r0, r2", "sbcs r0, r2",
        "rors r0, r2", "tst r1, r2", "negs r0, r2", "cmp r1, r2", "cmn r1, r2", "orrs r0, r2", "bics r0, r2", "mvns r0, r2",
        // 16-bit: special data processing, extends, reverses
        "add r0, r2", "mov r0, r2", "mov r8, r2; cmp r1, r8", "mov r8, r1; cmp r8, r2", "mov r8, r2; add r0, r8",
        "sxth r0, r2", "sxtb r0, r2", "uxth r0, r2", "uxtb r0, r2", "rev r0, r2", "rev16 r0, r2", "revsh r0, r2",
        // 16-bit in IT blocks (no flag updates)
        "it eq; addeq r0, r1, r2", "it ne; lslne r0, r2", "itt cs; adccs r0, r2; negcs r0, r0", "ite mi; movmi r0, #1; movpl r0, #2",
        "it vs; cmpvs r1, r2", "itt hi; rorhi r0, r2; subhi r0, #3", "ite ge; mvnge r0, r2; asrlt r0, r2, #3",
        // 32-bit: modified immediate
        "ands.w r0, r1, #0x80000000", "ands r0, r1, #0xff", "ands r0, r1, #0x3fc", "tst r1, #0x80000000", "tst r1, #0x00ff00ff",
        "bics r0, r1, #0xff000000", "orrs r0, r1, #0x40000000", "orns r0, r1, #0xff", "movs.w r0, #0xf0000000", "mvns r0, #0x1fe",
        "eors r0, r1, #0xab00ab00", "teq r1, #0x80000000", "adds.w r0, r1, #0x80000000", "cmn.w r1, #0xff", "adcs r0, r1, #0x7f000000",
        "sbcs r0, r1, #1", "subs.w r0, r1, #0x100", "cmp.w r1, #0x7f7f7f7f", "rsbs r0, r1, #0x10000", "add.w r0, r1, #0x3fc",
        "mov.w r0, #0x55555555", "and r0, r1, #0xff00", "bic r0, r1, #0x10000", "orr r0, r1, #0x1", "eor r0, r1, #0xff", "sbc r0, r1, #0x100",
        "adc r0, r1, #0xf", "rsb r0, r1, #0x100",
        // 32-bit: plain binary immediate
        "addw r0, r1, #4095", "subw r0, r1, #1", "movw r0, #0xbeef", "movt r0, #0xcafe", "sbfx r0, r2, #3, #7",
        "sbfx r0, r2, #0, #32", "ubfx r0, r2, #31, #1", "ubfx r0, r2, #8, #16", "bfi r0, r2, #4, #9", "bfi r0, r2, #0, #32",
        "bfc r0, #5, #20", "sbfx r0, r2, #16, #16",
        // 32-bit: shifted register
        "ands.w r0, r1, r2, lsl #1", "ands.w r0, r1, r2, lsr #32", "orrs.w r0, r1, r2, asr #32", "eors.w r0, r1, r2, ror #31",
        "bics.w r0, r1, r2, rrx", "tst.w r1, r2, lsr #1", "teq.w r1, r2, asr #31", "mvns.w r0, r2, ror #8", "orns r0, r1, r2, lsl #3",
        "movs.w r0, r2", "mov.w r0, r2, lsl #4", "lsls.w r0, r2, #1", "lsrs.w r0, r2, #32", "asrs.w r0, r2, #5", "rors.w r0, r2, #13",
        "rrxs r0, r2", "rrx r0, r2", "adds.w r0, r1, r2, lsl #31", "subs.w r0, r1, r2, lsr #7", "adcs.w r0, r1, r2, asr #5",
        "sbcs.w r0, r1, r2, rrx", "rsbs.w r0, r1, r2, ror #4", "cmp.w r1, r2, asr #2", "cmn.w r1, r2, rrx",
        "add.w r0, r1, r2, lsr #3", "sub.w r0, r1, r2, asr #32", "adc.w r0, r1, r2", "sbc.w r0, r1, r2", "rsb r0, r1, r2, lsl #5",
        "ands.w r0, r1, r2", "tst.w r1, r2", "teq.w r1, r2, lsl #1", "adds.w r0, r1, r2", "subs.w r0, r1, r2",
        // 32-bit: register-controlled shifts, extends, miscellaneous
        "lsls.w r0, r1, r2", "lsrs.w r0, r1, r2", "asrs.w r0, r1, r2", "rors.w r0, r1, r2", "lsl.w r0, r1, r2", "ror.w r0, r1, r2",
        "sxth.w r0, r2, ror #8", "sxtb.w r0, r2, ror #16", "uxth.w r0, r2, ror #24", "uxtb.w r0, r2", "sxtah r0, r1, r2, ror #8",
        "sxtab r0, r1, r2, ror #24", "uxtah r0, r1, r2", "uxtab r0, r1, r2, ror #16",
        "clz r0, r2", "rbit r0, r2", "rev.w r0, r2", "rev16.w r0, r2", "revsh.w r0, r2",
        // 32-bit in IT blocks (S forms still set flags)
        "it cc; addscc.w r0, r1, r2", "it le; lslsle.w r0, r1, r2", "itt pl; movpl.w r0, #0x3fc; orrspl r0, r1, #0x80000000",
        // SP as destination (bits [1:0] read as zero) and as operand; SP is saved in r8 and restored
        "mov r8, sp; mov sp, r1; mov r0, sp; mov sp, r8", "mov r8, sp; mov sp, r1; add sp, r2; mov r0, sp; mov sp, r8",
        "mov r8, sp; mov.w sp, r2; add.w r0, sp, r1; mov sp, r8", "mov r8, sp; mov sp, r1; sub sp, #4; mov r0, sp; mov sp, r8",
        "mov r8, sp; mov sp, r1; add.w sp, sp, r2, lsl #2; mov r0, sp; mov sp, r8",
        "mov r8, sp; mov sp, r1; addw sp, sp, #1; mov r0, sp; mov sp, r8", "mov r8, sp; mov sp, r1; adds.w r0, sp, r2; mov sp, r8",
        "mov r8, sp; mov sp, r1; cmp sp, r2; mov sp, r8", "mov r8, sp; mov sp, r1; subs.w sp, sp, #1; mov r0, sp; mov sp, r8",
        "mov r8, sp; mov sp, r1; sub.w sp, sp, r2; mov r0, sp; mov sp, r8", "mov r8, sp; mov sp, r2; add r0, sp, #8; mov sp, r8",
        "mov r8, sp; mov sp, r2; add r3, sp, r3; mov r0, r3; mov sp, r8", "mov r8, sp; mov sp, r1; cmn.w sp, r2, lsl #1; mov sp, r8",
        // PC as operand, made address-independent
        "mov r3, pc; add r0, pc; sub.w r0, r0, r3",
    };

    static String cProgram(int verbose) {
        StringBuilder c = new StringBuilder("#include \"tb.h\"\n");
        c.append("typedef void (*tfn)(uint32_t, uint32_t, uint32_t, uint32_t *, uint32_t *);\n");
        for (int k = 0; k < TEMPLATES.length; k++) {
            c.append("static void t").append(k).append("(uint32_t a, uint32_t b, uint32_t fin, uint32_t *d, uint32_t *f) {\n")
             .append("  register uint32_t r0 __asm__(\"r0\") = a; register uint32_t r1 __asm__(\"r1\") = a;\n")
             .append("  register uint32_t r2 __asm__(\"r2\") = b; register uint32_t r3 __asm__(\"r3\") = fin;\n")
             .append("  __asm__ volatile(\"msr apsr_nzcvqg, r3\\n\\t")
             .append(TEMPLATES[k].replace(";", "\\n\\t")).append("\\n\\tmrs r3, apsr\"")
             .append(" : \"+r\"(r0), \"+r\"(r3) : \"r\"(r1), \"r\"(r2) : \"cc\", \"r8\");\n")
             .append("  *d = r0; *f = r3;\n}\n");
        }
        c.append("static const tfn ts[] = {");
        for (int k = 0; k < TEMPLATES.length; k++) c.append("t").append(k).append(k % 16 == 15 ? ",\n" : ", ");
        c.append("};\nstatic const uint32_t vals[] = {");
        for (int v : VALS) c.append(String.format("0x%08xu, ", v));
        c.append("};\nstatic const uint32_t fins[] = {");
        for (int v : FINS) c.append(String.format("0x%08xu, ", v));
        c.append("};\nint main(void) {\n")
         .append("  for (unsigned k = 0; k < sizeof ts / sizeof ts[0]; k++) {\n")
         .append("    uint32_t h = 2166136261u;\n")
         .append("    for (unsigned i = 0; i < ").append(VALS.length).append("; i++)\n")
         .append("      for (unsigned j = 0; j < ").append(VALS.length).append("; j++)\n")
         .append("        for (unsigned m = 0; m < ").append(FINS.length).append("; m++) {\n")
         .append("          uint32_t d, f;\n          ts[k](vals[i], vals[j], fins[m], &d, &f);\n")
         .append("          f &= 0x").append(Integer.toHexString(FLAG_MASK)).append("u;\n")
         .append("          h = (h ^ d) * 16777619u; h = (h ^ f) * 16777619u;\n")
         .append("          if ((int)k == ").append(verbose).append(") printf(\"V %08lx %08lx %08lx -> %08lx %08lx\\n\",")
         .append(" (unsigned long)vals[i], (unsigned long)vals[j], (unsigned long)fins[m], (unsigned long)d, (unsigned long)f);\n")
         .append("        }\n    printf(\"T %u %08lx\\n\", k, (unsigned long)h);\n  }\n  return 0;\n}\n");
        return c.toString();
    }

    /** The interpreter's hash (and, for verbose, lines) for one template. */
    static int replay(TestMachine m, byte[] code, List<String> lines) {
        Cpu cpu = m.cpu;
        m.load(code);
        int steps = DataProcessingBaseTest.countInstructions(code);
        int h = 0x811C9DC5;
        for (int a : VALS) {
            for (int b : VALS) {
                for (int fin : FINS) {
                    cpu.pc = 0;
                    cpu.itState = 0;
                    cpu.r[0] = a; cpu.r[1] = a; cpu.r[2] = b; cpu.r[3] = fin;
                    cpu.setApsr(fin);
                    for (int i = 0; i < steps; i++) Interpreter.step(cpu);
                    int d = cpu.r[0], f = cpu.apsr() & FLAG_MASK;
                    h = (h ^ d) * 16777619;
                    h = (h ^ f) * 16777619;
                    if (lines != null) lines.add(String.format("V %08x %08x %08x -> %08x %08x", a, b, fin, d, f));
                }
            }
        }
        return h;
    }

    @Test
    void matchesQemu() throws Exception {
        Asm.assumeAvailable();
        ArmToolchain.assumeAvailable();
        Qemu.assumeAvailable();
        int verbose = Integer.getInteger("tockemu.dpVerbose", -1);
        Path root = RepoRoot.find();
        Path common = ArmToolchain.corpusSource(root).resolve("common");
        Path dir = Files.createTempDirectory("tockemu-dp-qemu");
        Path src = dir.resolve("dp.c"), elf = dir.resolve("dp.elf");
        Files.writeString(src, cProgram(verbose));
        ArmToolchain.compile(dir, elf, List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=soft", "-O2", "-std=gnu11",
                "-I" + common, common.resolve("startup.c").toString(), src.toString(), "-T" + common.resolve("mps2.ld"),
                "-nostartfiles", "--specs=rdimon.specs", "-Wl,--gc-sections", "-Wl,--build-id=none"));
        Qemu.Result r = Qemu.run(elf);
        assertTrue(!r.timedOut(), "QEMU timed out");
        List<String> qemuHashes = new ArrayList<>(), qemuVerbose = new ArrayList<>();
        for (String line : r.text().split("\n")) {
            if (line.startsWith("T ")) qemuHashes.add(line.trim());
            else if (line.startsWith("V ")) qemuVerbose.add(line.trim());
        }
        assertEquals(TEMPLATES.length, qemuHashes.size(), "QEMU output:\n" + r.text() + r.diagnostics());

        // assemble all templates in one go, split at separators
        StringBuilder asm = new StringBuilder();
        for (String t : TEMPLATES) {
            for (String line : t.split(";")) asm.append(line.trim()).append('\n');
            asm.append(".hword 0xdefe\n.balign 4, 0xde\n");
        }
        List<byte[]> chunks = DataProcessingBaseTest.split(Asm.m4(asm.toString()));
        assertEquals(TEMPLATES.length, chunks.size());
        TestMachine m = new TestMachine();
        StringBuilder bad = new StringBuilder();
        for (int k = 0; k < TEMPLATES.length; k++) {
            List<String> lines = k == verbose ? new ArrayList<>() : null;
            int h = replay(m, chunks.get(k), lines);
            String ours = String.format("T %d %08x", k, h);
            if (!ours.equals(qemuHashes.get(k))) bad.append(k).append(": ").append(TEMPLATES[k]).append('\n');
            if (lines != null) {
                for (int i = 0; i < lines.size(); i++) {
                    String q = i < qemuVerbose.size() ? qemuVerbose.get(i) : "<none>";
                    if (!q.equals(lines.get(i))) System.out.println("qemu: " + q + "\nours: " + lines.get(i));
                }
            }
        }
        assertEquals("", bad.toString(), "templates whose results differ from QEMU (rerun with -Dtockemu.dpVerbose=K)");
    }
}
