package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Group;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.decode.TableBuilder;
import org.tockemu.core.testing.Asm;

/**
 * Every MULDSP table entry decodes what GNU as emits for its mnemonic (so no other entry shadows
 * it), with the expected operand fields, and no MULDSP entry is left without such an instruction.
 */
class MultiplyDspDecodeTest {
    /** assembly -> expected Insn name. */
    static Map<String, String> cases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("muls r1, r2, r1", "MUL_T1");
        m.put("mul r8, r9, r10", "MUL_T2");
        m.put("mla r1, r2, r3, r4", "MLA_T1");
        m.put("mls r1, r2, r3, r4", "MLS_T1");
        m.put("smultb r1, r2, r3", "SMULxy_T1");
        m.put("smlabt r1, r2, r3, r4", "SMLAxy_T1");
        m.put("smuadx r1, r2, r3", "SMUAD_T1");
        m.put("smlad r1, r2, r3, r4", "SMLAD_T1");
        m.put("smulwt r1, r2, r3", "SMULWy_T1");
        m.put("smlawb r1, r2, r3, r4", "SMLAWy_T1");
        m.put("smusd r1, r2, r3", "SMUSD_T1");
        m.put("smlsdx r1, r2, r3, r4", "SMLSD_T1");
        m.put("smmulr r1, r2, r3", "SMMUL_T1");
        m.put("smmla r1, r2, r3, r4", "SMMLA_T1");
        m.put("smmlsr r1, r2, r3, r4", "SMMLS_T1");
        m.put("usad8 r1, r2, r3", "USAD8_T1");
        m.put("usada8 r1, r2, r3, r4", "USADA8_T1");
        m.put("smull r1, r2, r3, r4", "SMULL_T1");
        m.put("sdiv r1, r2, r3", "SDIV_T1");
        m.put("umull r1, r2, r3, r4", "UMULL_T1");
        m.put("udiv r1, r2, r3", "UDIV_T1");
        m.put("smlal r1, r2, r3, r4", "SMLAL_T1");
        m.put("smlaltb r1, r2, r3, r4", "SMLALxy_T1");
        m.put("smlaldx r1, r2, r3, r4", "SMLALD_T1");
        m.put("smlsld r1, r2, r3, r4", "SMLSLD_T1");
        m.put("umlal r1, r2, r3, r4", "UMLAL_T1");
        m.put("umaal r1, r2, r3, r4", "UMAAL_T1");
        for (String p : new String[] {"s", "q", "sh", "u", "uq", "uh"}) {
            for (String k : new String[] {"add16", "asx", "sax", "sub16", "add8", "sub8"}) {
                m.put(p + k + " r1, r2, r3", (p + k).toUpperCase() + "_T1");
            }
        }
        m.put("qadd r1, r2, r3", "QADD_T1");
        m.put("qdadd r1, r2, r3", "QDADD_T1");
        m.put("qsub r1, r2, r3", "QSUB_T1");
        m.put("qdsub r1, r2, r3", "QDSUB_T1");
        m.put("sel r1, r2, r3", "SEL_T1");
        m.put("sxtb16 r1, r3, ror #8", "SXTB16_T1");
        m.put("sxtab16 r1, r2, r3", "SXTAB16_T1");
        m.put("uxtb16 r1, r3", "UXTB16_T1");
        m.put("uxtab16 r1, r2, r3, ror #24", "UXTAB16_T1");
        m.put("ssat16 r1, #16, r2", "SSAT16_T1");
        m.put("ssat r1, #32, r2, asr #3", "SSAT_T1");
        m.put("usat16 r1, #15, r2", "USAT16_T1");
        m.put("usat r1, #0, r2, lsl #31", "USAT_T1");
        m.put("pkhbt r1, r2, r3, lsl #3", "PKHBT_T1");
        m.put("pkhtb r1, r2, r3, asr #3", "PKHTB_T1");
        return m;
    }

    static Insn decode(String asm) {
        byte[] b = Asm.m4(asm);
        int hw1 = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        int hw2 = b.length >= 4 ? (b[2] & 0xFF) | (b[3] & 0xFF) << 8 : 0;
        return Decoder.decode(hw1, hw2);
    }

    @Test
    void everyEntryDecodesItsInstruction() {
        Asm.assumeAvailable();
        // one assembler run for all cases
        Map<String, String> cases = cases();
        StringBuilder src = new StringBuilder();
        for (String asm : cases.keySet()) src.append(asm).append('\n');
        byte[] code = Asm.m4(src.toString());
        List<String> names = new ArrayList<>();
        int off = 0;
        while (off < code.length) {
            int hw1 = (code[off] & 0xFF) | (code[off + 1] & 0xFF) << 8;
            int hw2 = off + 3 < code.length ? (code[off + 2] & 0xFF) | (code[off + 3] & 0xFF) << 8 : 0;
            Insn in = Decoder.decode(hw1, hw2);
            assertEquals(Group.MULDSP, in.group, in.toString());
            names.add(in.name);
            off += in.size;
        }
        assertEquals(new ArrayList<>(cases.values()), names);

        TreeSet<String> uncovered = new TreeSet<>();
        for (TableBuilder.Entry e : Decoder.entries16()) if (e.group() == Group.MULDSP) uncovered.add(e.name());
        for (TableBuilder.Entry e : Decoder.entries32()) if (e.group() == Group.MULDSP) uncovered.add(e.name());
        uncovered.removeAll(names);
        uncovered.remove("PKH_T1"); // decodes as PKHBT_T1 / PKHTB_T1
        assertTrue(uncovered.isEmpty(), "entries without a test instruction: " + uncovered);
    }

    @Test
    void operandFields() {
        Asm.assumeAvailable();
        Insn in = decode("smlaltb r1, r2, r3, r4");
        assertEquals(1, in.ra, "RdLo");
        assertEquals(2, in.rd, "RdHi");
        assertEquals(3, in.rn);
        assertEquals(4, in.rm);
        assertEquals(16, in.shiftN, "N: top of Rn");
        assertEquals(0, in.imm, "M: bottom of Rm");
        in = decode("smladx r5, r6, r7, r8");
        assertEquals(5, in.rd);
        assertEquals(8, in.ra);
        assertEquals(16, in.imm, "X swaps the halves of Rm");
        in = decode("smmlsr r5, r6, r7, r8");
        assertEquals(1, in.imm, "R rounds");
        in = decode("ssat r1, #32, r2, asr #3");
        assertEquals(32, in.imm);
        assertEquals(Alu.ASR, in.shiftType);
        assertEquals(3, in.shiftN);
        in = decode("usat r1, #0, r2, lsl #31");
        assertEquals(0, in.imm);
        assertEquals(Alu.LSL, in.shiftType);
        assertEquals(31, in.shiftN);
        in = decode("ssat16 r1, #1, r2");
        assertEquals(1, in.imm);
        in = decode("usat16 r1, #15, r2");
        assertEquals(15, in.imm);
        in = decode("pkhtb r1, r2, r3, asr #32");
        assertEquals(MultiplyDsp.PKHTB, in.op);
        assertEquals(31, in.shiftN, "ASR #32 executes as ASR #31 (same bits)");
        in = decode("uxtab16 r1, r2, r3, ror #24");
        assertEquals(24, in.imm);
        in = decode("muls r1, r2, r1");
        assertEquals(2, in.setFlags);
        assertEquals(1, in.rd);
        assertEquals(1, in.rm);
        assertEquals(2, in.rn);
        in = decode("mul r1, r2, r3");
        assertEquals(0, in.setFlags);
    }

    @Test
    void cycles() {
        Asm.assumeAvailable();
        assertEquals(org.tockemu.core.decode.MultiplyDspEncodings.DIVIDE_CYCLES, decode("sdiv r1, r2, r3").cycles);
        assertEquals(org.tockemu.core.decode.MultiplyDspEncodings.DIVIDE_CYCLES, decode("udiv r1, r2, r3").cycles);
        for (String asm : new String[] {"muls r1, r2, r1", "mla r1, r2, r3, r4", "umlal r1, r2, r3, r4", "smlald r1, r2, r3, r4",
                "smmlar r1, r2, r3, r4", "uqadd8 r1, r2, r3", "ssat r1, #3, r2", "sel r1, r2, r3", "pkhbt r1, r2, r3"}) {
            assertEquals(1, decode(asm).cycles, asm);
        }
    }

    @Test
    void reservedOpcodesInTheDspSpaceAreUndefined() {
        int[][] encs = {
                {0xFA92, 0xF173},   // parallel add/sub with op2 = 11
                {0xFA92, 0xF133},   // parallel add/sub "prefix" 011 (reserved)
                {0xFAF2, 0xF103},   // parallel op1 = 111
                {0xFB12, 0x1143},   // SMLAxy with hw2 bits 7:6 = 01
                {0xFB72, 0x1113},   // USADA8 with op2 = 01
                {0xFBC2, 0x1273},   // long multiply op2 = 0111
                {0xFBD2, 0x1203},   // SMLSLD op2 0000 (reserved)
                {0xFAA2, 0xF193},   // SEL space op2 = 01
                {0xEAC2, 0x0113},   // PKH with T = 1
                {0xEAD2, 0x0103},   // PKH with S = 1
                {0xFA22, 0xF1C3},   // SXTAB16 with hw2 bit 6 set
        };
        for (int[] e : encs) {
            Insn in = Decoder.decode(e[0], e[1]);
            // other groups may claim none of these either
            assertTrue(in.isUndefined(), String.format("%04x %04x decoded as %s", e[0], e[1], in.name));
        }
    }
}
