package org.tockemu.core.decode;

import static org.tockemu.core.decode.Group.MULDSP;
import static org.tockemu.core.decode.MultiplyDspEncodings.bad;
import static org.tockemu.core.decode.MultiplyDspEncodings.rdm;
import static org.tockemu.core.exec.MultiplyDsp.*;

import org.tockemu.core.exec.Alu;

/**
 * Encodings of the DSP extension outside the multiply tables (ARM ARM ARMv7-M): A5.3.15 "Parallel
 * addition and subtraction", the SEL and QADD/QSUB/QDADD/QDSUB rows of A5.3.14 "Miscellaneous
 * operations", the SXTAB16/SXTB16/UXTAB16/UXTB16 rows of A5.3.12 "Data-processing
 * (register)", SSAT/USAT/SSAT16/USAT16 of A5.3.3 "Data processing (plain binary
 * immediate)" and PKHBT/PKHTB of A5.3.11 "Data processing (shifted register)".
 */
public final class MultiplyDspSimdEncodings {
    private MultiplyDspSimdEncodings() {}

    /** hw1 bits 6:4 of the parallel ops, in the order of the kinds ADD16 ASX SAX SUB16 ADD8 SUB8. */
    private static final String[] KIND_OP1 = {"001", "010", "110", "101", "000", "100"};
    private static final String[] KIND_NAME = {"ADD16", "ASX", "SAX", "SUB16", "ADD8", "SUB8"};
    /** hw2 bits 6:4 (U, op2) of the prefixes S Q SH U UQ UH. */
    private static final String[] PREFIX_OP2 = {"000", "001", "010", "100", "101", "110"};
    private static final String[] PREFIX_NAME = {"S", "Q", "SH", "U", "UQ", "UH"};

    public static void register(TableBuilder b) {
        // ---- A5.3.15: 111110101 op1:3 Rn:4 | 1111 Rd:4 0 op2:3 Rm:4 ----
        for (int p = 0; p < 6; p++) {
            for (int k = 0; k < 6; k++) {
                b.t32(PREFIX_NAME[p] + KIND_NAME[k] + "_T1",
                        "111110101 " + KIND_OP1[k] + " Rn:4 1111 Rd:4 0 " + PREFIX_OP2[p] + " Rm:4",
                        MULDSP, PARALLEL + 6 * p + k, MultiplyDspEncodings::rdm);
            }
        }

        // ---- A5.3.14 (miscellaneous operations): 1111101010 op1:2 Rn:4 | 1111 Rd:4 10 op2:2 Rm:4 ----
        b.t32("QADD_T1", "111110101000 Rn:4 1111 Rd:4 1000 Rm:4", MULDSP, QADD, MultiplyDspEncodings::rdm);
        b.t32("QDADD_T1", "111110101000 Rn:4 1111 Rd:4 1001 Rm:4", MULDSP, QDADD, MultiplyDspEncodings::rdm);
        b.t32("QSUB_T1", "111110101000 Rn:4 1111 Rd:4 1010 Rm:4", MULDSP, QSUB, MultiplyDspEncodings::rdm);
        b.t32("QDSUB_T1", "111110101000 Rn:4 1111 Rd:4 1011 Rm:4", MULDSP, QDSUB, MultiplyDspEncodings::rdm);
        b.t32("SEL_T1", "111110101010 Rn:4 1111 Rd:4 1000 Rm:4", MULDSP, SEL, MultiplyDspEncodings::rdm);

        // ---- A5.3.12 extends: 11111010 0 op1:3 Rn:4 | 1111 Rd:4 10 rotate:2 Rm:4 ----
        b.t32("SXTB16_T1", "1111101000101111 1111 Rd:4 10 rot:2 Rm:4", MULDSP, SXTB16, MultiplyDspSimdEncodings::extend);
        b.t32("SXTAB16_T1", "111110100010 Rn:4 1111 Rd:4 10 rot:2 Rm:4", MULDSP, SXTAB16, MultiplyDspSimdEncodings::extendAdd);
        b.t32("UXTB16_T1", "1111101000111111 1111 Rd:4 10 rot:2 Rm:4", MULDSP, UXTB16, MultiplyDspSimdEncodings::extend);
        b.t32("UXTAB16_T1", "111110100011 Rn:4 1111 Rd:4 10 rot:2 Rm:4", MULDSP, UXTAB16, MultiplyDspSimdEncodings::extendAdd);
        // SXTAH/UXTAH/SXTAB/UXTAB (op1 0000/0001/0100/0101) are DataProcessingEncodings'

        // ---- A5.3.3 saturate: 11110 0 11 U:1 0 sh:1 0 Rn:4 | 0 imm3:3 Rd:4 imm2:2 0 sat_imm:5 ----
        // SSAT16/USAT16 are the sh == 1, imm3:imm2 == 0 cases; their bits 5:4 are (0)(0).
        b.t32("SSAT16_T1", "111100110010 Rn:4 0000 Rd:4 0000 sat:4", MULDSP, SSAT16, (f, in) -> {
            rdn(f, in);
            in.imm = f.get("sat") + 1;
        });
        b.t32("SSAT_T1", "1111001100 sh:1 0 Rn:4 0 imm3:3 Rd:4 imm2:2 0 sat:5", MULDSP, SSAT, (f, in) -> {
            saturate(f, in);
            in.imm = f.get("sat") + 1;
        });
        b.t32("USAT16_T1", "111100111010 Rn:4 0000 Rd:4 0000 sat:4", MULDSP, USAT16, (f, in) -> {
            rdn(f, in);
            in.imm = f.get("sat");
        });
        b.t32("USAT_T1", "1111001110 sh:1 0 Rn:4 0 imm3:3 Rd:4 imm2:2 0 sat:5", MULDSP, USAT, (f, in) -> {
            saturate(f, in);
            in.imm = f.get("sat");
        });

        // ---- A5.3.11 PKHBT/PKHTB: 1110101 0110 S(0) Rn:4 | (0) imm3:3 Rd:4 imm2:2 tb:1 T(0) Rm:4 ----
        b.t32("PKH_T1", "11101010110 0 Rn:4 0 imm3:3 Rd:4 imm2:2 tb:1 0 Rm:4", MULDSP, PKHBT, (f, in) -> {
            rdm(f, in);
            int imm5 = (f.get("imm3") << 2) | f.get("imm2");
            if (f.bit("tb")) {
                in.op = PKHTB;
                in.name = "PKHTB_T1";
                in.shiftType = Alu.ASR;
                in.shiftN = imm5 == 0 ? 31 : imm5; // ASR #32 leaves only sign bits, as ASR #31 does
            } else {
                in.name = "PKHBT_T1";
                in.shiftType = Alu.LSL;
                in.shiftN = imm5;
            }
        });
    }

    /** Rd, Rn (no Rm); neither may be SP or PC. */
    private static void rdn(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.rn = f.get("Rn");
        if (bad(in.rd) || bad(in.rn)) in.undefined();
    }

    /** SSAT/USAT: shift LSL #imm5 (sh 0) or ASR #imm5 (sh 1, imm5 != 0: imm5 == 0 is the 16-bit form's space). */
    private static void saturate(Fields f, Insn in) {
        rdn(f, in);
        int imm5 = (f.get("imm3") << 2) | f.get("imm2");
        boolean asr = f.bit("sh");
        // sh == 1 with imm5 == 0 and a non-zero bit 4 is SSAT16/USAT16 with a should-be-zero bit set
        if (asr && imm5 == 0) in.undefined();
        in.shiftType = asr ? Alu.ASR : Alu.LSL;
        in.shiftN = imm5;
    }

    /** SXTB16/UXTB16: Rd, Rm and the rotation; SP/PC UNPREDICTABLE. */
    private static void extend(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.rm = f.get("Rm");
        in.imm = f.get("rot") << 3;
        if (bad(in.rd) || bad(in.rm)) in.undefined();
    }

    /** The extend-and-add forms: Rd, Rn, Rm and the rotation. */
    private static void extendAdd(Fields f, Insn in) {
        rdm(f, in);
        in.imm = f.get("rot") << 3;
    }
}
