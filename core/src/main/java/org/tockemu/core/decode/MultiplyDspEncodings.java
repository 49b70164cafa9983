package org.tockemu.core.decode;

import static org.tockemu.core.decode.Group.MULDSP;
import static org.tockemu.core.exec.MultiplyDsp.*;

/**
 * Encodings of the multiplies and divides (ARM ARM ARMv7-M A5.2.2 MUL T1, A5.3.16 "Multiply,
 * multiply accumulate, and absolute difference", A5.3.17 "Long multiply, long multiply
 * accumulate, and divide"); the rest of the DSP extension is in {@link MultiplyDspSimdEncodings}.
 * Field use per op: see {@link org.tockemu.core.exec.MultiplyDsp}. Should-be-one/zero bits are
 * matched as fixed bits, as QEMU's t32.decode does: anything else is UNDEFINED.
 */
public final class MultiplyDspEncodings {
    private MultiplyDspEncodings() {}

    /** SP or PC: UNPREDICTABLE as an operand of all these instructions. */
    static boolean bad(int reg) { return reg == 13 || reg == 15; }

    public static void register(TableBuilder b) {
        // ---- 16-bit ----
        b.t16("MUL_T1", "0100001101 Rn:3 Rdm:3", MULDSP, MUL, (f, in) -> {
            in.rd = in.rm = f.get("Rdm");
            in.rn = f.get("Rn");
            in.setFlags = 2;
        });

        // ---- A5.3.16: 111110110 op1:3 Rn:4 | Ra:4 Rd:4 00 op2:2 Rm:4 ----
        b.t32("MUL_T2", "111110110000 Rn:4 1111 Rd:4 0000 Rm:4", MULDSP, MUL, MultiplyDspEncodings::rdm);
        b.t32("MLA_T1", "111110110000 Rn:4 Ra:4 Rd:4 0000 Rm:4", MULDSP, MLA, MultiplyDspEncodings::rdma);
        b.t32("MLS_T1", "111110110000 Rn:4 Ra:4 Rd:4 0001 Rm:4", MULDSP, MLS, (f, in) -> {
            rdma(f, in);
            if (in.ra == 15) in.undefined();
        });
        b.t32("SMULxy_T1", "111110110001 Rn:4 1111 Rd:4 00 N:1 M:1 Rm:4", MULDSP, SMULXY, (f, in) -> {
            rdm(f, in);
            halves(f, in);
        });
        b.t32("SMLAxy_T1", "111110110001 Rn:4 Ra:4 Rd:4 00 N:1 M:1 Rm:4", MULDSP, SMLAXY, (f, in) -> {
            rdma(f, in);
            halves(f, in);
        });
        b.t32("SMUAD_T1", "111110110010 Rn:4 1111 Rd:4 000 M:1 Rm:4", MULDSP, SMUAD, MultiplyDspEncodings::rdmX);
        b.t32("SMLAD_T1", "111110110010 Rn:4 Ra:4 Rd:4 000 M:1 Rm:4", MULDSP, SMLAD, MultiplyDspEncodings::rdmaX);
        b.t32("SMULWy_T1", "111110110011 Rn:4 1111 Rd:4 000 M:1 Rm:4", MULDSP, SMULWY, MultiplyDspEncodings::rdmX);
        b.t32("SMLAWy_T1", "111110110011 Rn:4 Ra:4 Rd:4 000 M:1 Rm:4", MULDSP, SMLAWY, MultiplyDspEncodings::rdmaX);
        b.t32("SMUSD_T1", "111110110100 Rn:4 1111 Rd:4 000 M:1 Rm:4", MULDSP, SMUSD, MultiplyDspEncodings::rdmX);
        b.t32("SMLSD_T1", "111110110100 Rn:4 Ra:4 Rd:4 000 M:1 Rm:4", MULDSP, SMLSD, MultiplyDspEncodings::rdmaX);
        b.t32("SMMUL_T1", "111110110101 Rn:4 1111 Rd:4 000 R:1 Rm:4", MULDSP, SMMUL, (f, in) -> {
            rdm(f, in);
            in.imm = f.get("R");
        });
        b.t32("SMMLA_T1", "111110110101 Rn:4 Ra:4 Rd:4 000 R:1 Rm:4", MULDSP, SMMLA, (f, in) -> {
            rdma(f, in);
            in.imm = f.get("R");
        });
        b.t32("SMMLS_T1", "111110110110 Rn:4 Ra:4 Rd:4 000 R:1 Rm:4", MULDSP, SMMLS, (f, in) -> {
            rdma(f, in);
            in.imm = f.get("R");
            if (in.ra == 15) in.undefined();
        });
        b.t32("USAD8_T1", "111110110111 Rn:4 1111 Rd:4 0000 Rm:4", MULDSP, USAD8, MultiplyDspEncodings::rdm);
        b.t32("USADA8_T1", "111110110111 Rn:4 Ra:4 Rd:4 0000 Rm:4", MULDSP, USADA8, MultiplyDspEncodings::rdma);

        // ---- A5.3.17: 111110111 op1:3 Rn:4 | RdLo:4 RdHi:4 op2:4 Rm:4 ----
        b.t32("SMULL_T1", "111110111000 Rn:4 RdLo:4 RdHi:4 0000 Rm:4", MULDSP, SMULL, MultiplyDspEncodings::lohi);
        b.t32("SDIV_T1", "111110111001 Rn:4 1111 Rd:4 1111 Rm:4", MULDSP, SDIV, MultiplyDspEncodings::divide);
        b.t32("UMULL_T1", "111110111010 Rn:4 RdLo:4 RdHi:4 0000 Rm:4", MULDSP, UMULL, MultiplyDspEncodings::lohi);
        b.t32("UDIV_T1", "111110111011 Rn:4 1111 Rd:4 1111 Rm:4", MULDSP, UDIV, MultiplyDspEncodings::divide);
        b.t32("SMLAL_T1", "111110111100 Rn:4 RdLo:4 RdHi:4 0000 Rm:4", MULDSP, SMLAL, MultiplyDspEncodings::lohi);
        b.t32("SMLALxy_T1", "111110111100 Rn:4 RdLo:4 RdHi:4 10 N:1 M:1 Rm:4", MULDSP, SMLALXY, (f, in) -> {
            lohi(f, in);
            halves(f, in);
        });
        b.t32("SMLALD_T1", "111110111100 Rn:4 RdLo:4 RdHi:4 110 M:1 Rm:4", MULDSP, SMLALD, (f, in) -> {
            lohi(f, in);
            in.imm = f.get("M") << 4;
        });
        b.t32("SMLSLD_T1", "111110111101 Rn:4 RdLo:4 RdHi:4 110 M:1 Rm:4", MULDSP, SMLSLD, (f, in) -> {
            lohi(f, in);
            in.imm = f.get("M") << 4;
        });
        b.t32("UMLAL_T1", "111110111110 Rn:4 RdLo:4 RdHi:4 0000 Rm:4", MULDSP, UMLAL, MultiplyDspEncodings::lohi);
        b.t32("UMAAL_T1", "111110111110 Rn:4 RdLo:4 RdHi:4 0110 Rm:4", MULDSP, UMAAL, MultiplyDspEncodings::lohi);

        MultiplyDspSimdEncodings.register(b);
    }

    /** Rd, Rn, Rm; none may be SP or PC. */
    static void rdm(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.rn = f.get("Rn");
        in.rm = f.get("Rm");
        if (bad(in.rd) || bad(in.rn) || bad(in.rm)) in.undefined();
    }

    /**
     * Cortex-M4 divides take 2 to 12 cycles, terminating early depending on the operands' leading
     * zeros/ones; the count here is static (the JIT sums cycles per block), so use the midpoint.
     * Every other instruction of this group is single-cycle on the M4 (TRM table 3-1).
     */
    public static final int DIVIDE_CYCLES = 7;

    private static void divide(Fields f, Insn in) {
        rdm(f, in);
        in.cycles = DIVIDE_CYCLES;
    }

    /** Rd, Rn, Rm, Ra (Ra == 15 was matched by the non-accumulating form; Ra == 13 is UNPREDICTABLE). */
    private static void rdma(Fields f, Insn in) {
        rdm(f, in);
        in.ra = f.get("Ra");
        if (in.ra == 13) in.undefined();
    }

    /** The X (exchange) bit M as a rotation of R[m] (0 or 16). */
    private static void rdmX(Fields f, Insn in) {
        rdm(f, in);
        in.imm = f.get("M") << 4;
    }

    private static void rdmaX(Fields f, Insn in) {
        rdma(f, in);
        in.imm = f.get("M") << 4;
    }

    /** N and M as half selectors (0 bottom, 16 top) of R[n] and R[m]. */
    private static void halves(Fields f, Insn in) {
        in.shiftN = f.get("N") << 4;
        in.imm = f.get("M") << 4;
    }

    /** Long forms: ra = RdLo, rd = RdHi; SP/PC and RdHi == RdLo are UNPREDICTABLE. */
    private static void lohi(Fields f, Insn in) {
        in.ra = f.get("RdLo");
        in.rd = f.get("RdHi");
        in.rn = f.get("Rn");
        in.rm = f.get("Rm");
        if (bad(in.ra) || bad(in.rd) || bad(in.rn) || bad(in.rm) || in.ra == in.rd) in.undefined();
    }
}
