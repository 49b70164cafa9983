package org.tockemu.core.decode;

import static org.tockemu.core.decode.Group.DATA;
import static org.tockemu.core.exec.DataProcessing.*;

import java.util.function.Predicate;
import org.tockemu.core.exec.Alu;

/**
 * Encodings of the integer data-processing instructions (ARM ARM ARMv7-M A5.2.1-A5.2.3, A5.2.5,
 * A5.3.1, A5.3.3, A5.3.11, A5.3.12). Not here, although in the same encoding spaces: MUL (16-bit),
 * SSAT/USAT/SSAT16/USAT16, PKHBT/PKHTB, SXTB16/UXTB16/SXTAB16/UXTAB16 and the saturating and
 * parallel ops (MultiplyDspEncodings); BX/BLX (BranchSystemEncodings).
 *
 * <p>UNPREDICTABLE register choices (BadReg cases, CMP with two low registers in the high form,
 * zero replicated immediates, inconsistent Rm copies, bit-field ranges out of order) decode as
 * UNDEFINED; the runtime-only UNPREDICTABLE case of a PC write inside an IT block that is not last
 * executes like the same write outside (as QEMU does).
 */
public final class DataProcessingEncodings {
    private DataProcessingEncodings() {}

    public static void register(TableBuilder b) {
        register16(b);
        registerModifiedImmediate(b);
        registerPlainImmediate(b);
        registerShiftedRegister(b);
        registerRegister(b);
    }

    // ------------------------------------------------------------------ 16-bit

    private static void register16(TableBuilder b) {
        // shift (immediate), add, subtract, move, compare (A5.2.1)
        b.t16("MOV_reg_T2", "0000000000 Rm:3 Rd:3", DATA, MOV_R, (f, in) -> low2(f, in, 2));
        b.t16("LSL_imm_T1", "00000 imm5:5 Rm:3 Rd:3", DATA, MOV_S, (f, in) -> shift16(f, in, Alu.LSL));
        b.t16("LSR_imm_T1", "00001 imm5:5 Rm:3 Rd:3", DATA, MOV_S, (f, in) -> shift16(f, in, Alu.LSR));
        b.t16("ASR_imm_T1", "00010 imm5:5 Rm:3 Rd:3", DATA, MOV_S, (f, in) -> shift16(f, in, Alu.ASR));
        b.t16("ADD_reg_T1", "0001100 Rm:3 Rn:3 Rd:3", DATA, ADD_R, (f, in) -> low3(f, in));
        b.t16("SUB_reg_T1", "0001101 Rm:3 Rn:3 Rd:3", DATA, SUB_R, (f, in) -> low3(f, in));
        b.t16("ADD_imm_T1", "0001110 imm3:3 Rn:3 Rd:3", DATA, ADD_I, (f, in) -> imm3(f, in));
        b.t16("SUB_imm_T1", "0001111 imm3:3 Rn:3 Rd:3", DATA, SUB_I, (f, in) -> imm3(f, in));
        b.t16("MOV_imm_T1", "00100 Rd:3 imm8:8", DATA, MOV_I, (f, in) -> imm8(f, in, 2));
        b.t16("CMP_imm_T1", "00101 Rd:3 imm8:8", DATA, CMP_I, (f, in) -> imm8(f, in, 1));
        b.t16("ADD_imm_T2", "00110 Rd:3 imm8:8", DATA, ADD_I, (f, in) -> imm8(f, in, 2));
        b.t16("SUB_imm_T2", "00111 Rd:3 imm8:8", DATA, SUB_I, (f, in) -> imm8(f, in, 2));

        // data processing (register) (A5.2.2); 0100001101 is MUL (MultiplyDspEncodings)
        b.t16("AND_reg_T1", "0100000000 Rm:3 Rd:3", DATA, AND_R, (f, in) -> low2(f, in, 2));
        b.t16("EOR_reg_T1", "0100000001 Rm:3 Rd:3", DATA, EOR_R, (f, in) -> low2(f, in, 2));
        b.t16("LSL_reg_T1", "0100000010 Rm:3 Rd:3", DATA, SHIFT_REG, (f, in) -> shiftReg16(f, in, Alu.LSL));
        b.t16("LSR_reg_T1", "0100000011 Rm:3 Rd:3", DATA, SHIFT_REG, (f, in) -> shiftReg16(f, in, Alu.LSR));
        b.t16("ASR_reg_T1", "0100000100 Rm:3 Rd:3", DATA, SHIFT_REG, (f, in) -> shiftReg16(f, in, Alu.ASR));
        b.t16("ADC_reg_T1", "0100000101 Rm:3 Rd:3", DATA, ADC_R, (f, in) -> low2(f, in, 2));
        b.t16("SBC_reg_T1", "0100000110 Rm:3 Rd:3", DATA, SBC_R, (f, in) -> low2(f, in, 2));
        b.t16("ROR_reg_T1", "0100000111 Rm:3 Rd:3", DATA, SHIFT_REG, (f, in) -> shiftReg16(f, in, Alu.ROR));
        b.t16("TST_reg_T1", "0100001000 Rm:3 Rd:3", DATA, TST_R, (f, in) -> low2(f, in, 1));
        b.t16("RSB_imm_T1", "0100001001 Rn:3 Rd:3", DATA, RSB_I, (f, in) -> { // NEG
            in.rd = f.get("Rd");
            in.rn = f.get("Rn");
            in.imm = 0;
            in.setFlags = 2;
        });
        b.t16("CMP_reg_T1", "0100001010 Rm:3 Rd:3", DATA, CMP_R, (f, in) -> low2(f, in, 1));
        b.t16("CMN_reg_T1", "0100001011 Rm:3 Rd:3", DATA, CMN_R, (f, in) -> low2(f, in, 1));
        b.t16("ORR_reg_T1", "0100001100 Rm:3 Rd:3", DATA, ORR_R, (f, in) -> low2(f, in, 2));
        b.t16("BIC_reg_T1", "0100001110 Rm:3 Rd:3", DATA, BIC_R, (f, in) -> low2(f, in, 2));
        b.t16("MVN_reg_T1", "0100001111 Rm:3 Rd:3", DATA, MVN_R, (f, in) -> low2(f, in, 2));

        // special data processing (A5.2.3); BX/BLX are BranchSystemEncodings'
        b.t16("ADD_reg_T2", "01000100 Rdn:1 Rm:4 Rdn:3", DATA, ADD_R, (f, in) -> {
            in.rd = in.rn = f.get("Rdn");
            in.rm = f.get("Rm");
            if (in.rd == 13 || in.rm == 13) in.name = in.rm == 13 ? "ADD_SP_reg_T1" : "ADD_SP_reg_T2";
            if (in.rd == 15) {
                in.op = ADD_PC;
                if (in.rm == 15) in.undefined();
            }
        });
        b.t16("CMP_reg_T2", "01000101 Rn:1 Rm:4 Rn:3", DATA, CMP_R, (f, in) -> {
            in.rn = f.get("Rn");
            in.rm = f.get("Rm");
            in.setFlags = 1;
            if ((in.rn < 8 && in.rm < 8) || in.rn == 15 || in.rm == 15) in.undefined();
        });
        b.t16("MOV_reg_T1", "01000110 Rd:1 Rm:4 Rd:3", DATA, MOV_R, (f, in) -> {
            in.rd = f.get("Rd");
            in.rm = f.get("Rm");
            if (in.rd == 15) in.op = MOV_PC;
        });

        // PC/SP-relative address generation and SP adjustment (A5.2.5)
        b.t16("ADR_T1", "10100 Rd:3 imm8:8", DATA, ADR, (f, in) -> {
            in.rd = f.get("Rd");
            in.imm = f.get("imm8") << 2;
        });
        b.t16("ADD_SP_imm_T1", "10101 Rd:3 imm8:8", DATA, ADD_I, (f, in) -> {
            in.rd = f.get("Rd");
            in.rn = 13;
            in.imm = f.get("imm8") << 2;
        });
        b.t16("ADD_SP_imm_T2", "101100000 imm7:7", DATA, ADD_I, (f, in) -> spImm7(f, in));
        b.t16("SUB_SP_imm_T1", "101100001 imm7:7", DATA, SUB_I, (f, in) -> spImm7(f, in));

        // extends and byte reversal (miscellaneous 16-bit, A5.2.5)
        b.t16("SXTH_T1", "1011001000 Rm:3 Rd:3", DATA, SXTH, (f, in) -> low2(f, in, 0));
        b.t16("SXTB_T1", "1011001001 Rm:3 Rd:3", DATA, SXTB, (f, in) -> low2(f, in, 0));
        b.t16("UXTH_T1", "1011001010 Rm:3 Rd:3", DATA, UXTH, (f, in) -> low2(f, in, 0));
        b.t16("UXTB_T1", "1011001011 Rm:3 Rd:3", DATA, UXTB, (f, in) -> low2(f, in, 0));
        b.t16("REV_T1", "1011101000 Rm:3 Rd:3", DATA, REV, (f, in) -> low2(f, in, 0));
        b.t16("REV16_T1", "1011101001 Rm:3 Rd:3", DATA, REV16, (f, in) -> low2(f, in, 0));
        b.t16("REVSH_T1", "1011101011 Rm:3 Rd:3", DATA, REVSH, (f, in) -> low2(f, in, 0));
    }

    /** Two low registers "Rm, Rdn": rd = rn = Rd field, rm = Rm field. */
    private static void low2(Fields f, Insn in, int setFlags) {
        in.rd = in.rn = f.get("Rd");
        in.rm = f.get("Rm");
        in.setFlags = setFlags;
    }

    private static void low3(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.rn = f.get("Rn");
        in.rm = f.get("Rm");
        in.setFlags = 2;
    }

    private static void imm3(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.rn = f.get("Rn");
        in.imm = f.get("imm3");
        in.setFlags = 2;
    }

    private static void imm8(Fields f, Insn in, int setFlags) {
        in.rd = in.rn = f.get("Rd");
        in.imm = f.get("imm8");
        in.setFlags = setFlags;
    }

    private static void shift16(Fields f, Insn in, int type) {
        in.rd = f.get("Rd");
        in.rm = f.get("Rm");
        in.shiftType = type;
        in.shiftN = Alu.decodeShiftAmount(type, f.get("imm5"));
        in.setFlags = 2;
    }

    private static void shiftReg16(Fields f, Insn in, int type) {
        in.rd = in.rn = f.get("Rd");
        in.rm = f.get("Rm");
        in.shiftType = type;
        in.setFlags = 2;
    }

    private static void spImm7(Fields f, Insn in) {
        in.rd = in.rn = 13;
        in.imm = f.get("imm7") << 2;
    }

    // ------------------------------------------------------------------ 32-bit, modified immediate (A5.3.1)

    private static String mi(String op, String s, String rn, String rd) {
        return "11110 i:1 0 " + op + " " + s + " " + rn + " 0 imm3:3 " + rd + " imm8:8";
    }

    private static void registerModifiedImmediate(TableBuilder b) {
        Predicate<Insn> dn = in -> bad(in.rd) || bad(in.rn), n = in -> bad(in.rn), d = in -> bad(in.rd);
        Predicate<Insn> dn13 = in -> bad(in.rd) || in.rn == 13, dn15 = in -> bad(in.rd) || in.rn == 15;
        Predicate<Insn> pc = in -> in.rn == 15, dpc = in -> in.rd == 15;
        b.t32("TST_imm_T1", mi("0000", "1", "Rn:4", "1111"), DATA, TST_I, (f, in) -> modImm(f, in, n));
        b.t32("AND_imm_T1", mi("0000", "S:1", "Rn:4", "Rd:4"), DATA, AND_I, (f, in) -> modImm(f, in, dn));
        b.t32("BIC_imm_T1", mi("0001", "S:1", "Rn:4", "Rd:4"), DATA, BIC_I, (f, in) -> modImm(f, in, dn));
        b.t32("MOV_imm_T2", mi("0010", "S:1", "1111", "Rd:4"), DATA, MOV_I, (f, in) -> modImm(f, in, d));
        b.t32("ORR_imm_T1", mi("0010", "S:1", "Rn:4", "Rd:4"), DATA, ORR_I, (f, in) -> modImm(f, in, dn13));
        b.t32("MVN_imm_T1", mi("0011", "S:1", "1111", "Rd:4"), DATA, MVN_I, (f, in) -> modImm(f, in, d));
        b.t32("ORN_imm_T1", mi("0011", "S:1", "Rn:4", "Rd:4"), DATA, ORN_I, (f, in) -> modImm(f, in, dn13));
        b.t32("TEQ_imm_T1", mi("0100", "1", "Rn:4", "1111"), DATA, TEQ_I, (f, in) -> modImm(f, in, n));
        b.t32("EOR_imm_T1", mi("0100", "S:1", "Rn:4", "Rd:4"), DATA, EOR_I, (f, in) -> modImm(f, in, dn));
        b.t32("CMN_imm_T1", mi("1000", "1", "Rn:4", "1111"), DATA, CMN_I, (f, in) -> modImm(f, in, pc));
        b.t32("ADD_SP_imm_T3", mi("1000", "S:1", "1101", "Rd:4"), DATA, ADD_I, (f, in) -> modImm(f, in, dpc));
        b.t32("ADD_imm_T3", mi("1000", "S:1", "Rn:4", "Rd:4"), DATA, ADD_I, (f, in) -> modImm(f, in, dn15));
        b.t32("ADC_imm_T1", mi("1010", "S:1", "Rn:4", "Rd:4"), DATA, ADC_I, (f, in) -> modImm(f, in, dn));
        b.t32("SBC_imm_T1", mi("1011", "S:1", "Rn:4", "Rd:4"), DATA, SBC_I, (f, in) -> modImm(f, in, dn));
        b.t32("CMP_imm_T2", mi("1101", "1", "Rn:4", "1111"), DATA, CMP_I, (f, in) -> modImm(f, in, pc));
        b.t32("SUB_SP_imm_T2", mi("1101", "S:1", "1101", "Rd:4"), DATA, SUB_I, (f, in) -> modImm(f, in, dpc));
        b.t32("SUB_imm_T3", mi("1101", "S:1", "Rn:4", "Rd:4"), DATA, SUB_I, (f, in) -> modImm(f, in, dn15));
        b.t32("RSB_imm_T2", mi("1110", "S:1", "Rn:4", "Rd:4"), DATA, RSB_I, (f, in) -> modImm(f, in, dn));
    }

    /** Fills rd/rn/setFlags and the ThumbExpandImm_C immediate, then applies the UNPREDICTABLE check. */
    private static void modImm(Fields f, Insn in, Predicate<Insn> unpredictable) {
        regs(f, in, in.name.contains("_SP_"));
        int imm12 = (f.get("i") << 11) | (f.get("imm3") << 8) | f.get("imm8");
        in.imm = Alu.thumbExpandImm(imm12);
        in.immCarry = Alu.thumbExpandImmCarry(imm12);
        if (!Alu.thumbImmValid(imm12) || unpredictable.test(in)) in.undefined();
    }

    /**
     * Rd, Rn, Rm and S of a 32-bit encoding. A register that the pattern fixes is not a field: Rd
     * (compare forms) reads as 15, Rn as 15 (MOV/MVN), or 13 for the SP forms, which say so.
     */
    private static void regs(Fields f, Insn in, boolean spForm) {
        in.rd = f.has("Rd") ? f.get("Rd") : 15;
        in.rn = f.has("Rn") ? f.get("Rn") : spForm ? 13 : 15;
        if (f.has("Rm")) in.rm = f.get("Rm");
        in.setFlags = f.has("S") ? f.get("S") : 1;
    }

    // ------------------------------------------------------------------ 32-bit, plain binary immediate (A5.3.3)

    private static String pb(String op, String rn) {
        return "11110 i:1 1 " + op + " " + rn + " 0 imm3:3 Rd:4 imm8:8";
    }

    private static void registerPlainImmediate(TableBuilder b) {
        b.t32("ADR_T3", pb("00000", "1111"), DATA, ADR, (f, in) -> imm12(f, in, 15, 1));
        b.t32("ADD_SP_imm_T4", pb("00000", "1101"), DATA, ADD_I, (f, in) -> imm12(f, in, 13, 1));
        b.t32("ADD_imm_T4", pb("00000", "Rn:4"), DATA, ADD_I, (f, in) -> imm12(f, in, f.get("Rn"), 1));
        b.t32("MOV_imm_T3", "11110 i:1 1 00100 imm4:4 0 imm3:3 Rd:4 imm8:8", DATA, MOV_I, (f, in) -> imm16(f, in));
        b.t32("ADR_T2", pb("01010", "1111"), DATA, ADR, (f, in) -> imm12(f, in, 15, -1));
        b.t32("SUB_SP_imm_T3", pb("01010", "1101"), DATA, SUB_I, (f, in) -> imm12(f, in, 13, 1));
        b.t32("SUB_imm_T4", pb("01010", "Rn:4"), DATA, SUB_I, (f, in) -> imm12(f, in, f.get("Rn"), 1));
        b.t32("MOVT_T1", "11110 i:1 1 01100 imm4:4 0 imm3:3 Rd:4 imm8:8", DATA, MOVT, (f, in) -> imm16(f, in));
        // SSAT/SSAT16 (10000, 10010) and USAT/USAT16 (11000, 11010) are MultiplyDspEncodings'
        b.t32("SBFX_T1", "11110 0 1 10100 Rn:4 0 imm3:3 Rd:4 imm2:2 0 widthm1:5", DATA, SBFX, (f, in) -> bitfieldExtract(f, in));
        b.t32("BFC_T1", "11110 0 1 10110 1111 0 imm3:3 Rd:4 imm2:2 0 msb:5", DATA, BFC, (f, in) -> bitfieldInsert(f, in, 15));
        b.t32("BFI_T1", "11110 0 1 10110 Rn:4 0 imm3:3 Rd:4 imm2:2 0 msb:5", DATA, BFI, (f, in) -> bitfieldInsert(f, in, f.get("Rn")));
        b.t32("UBFX_T1", "11110 0 1 11100 Rn:4 0 imm3:3 Rd:4 imm2:2 0 widthm1:5", DATA, UBFX, (f, in) -> bitfieldExtract(f, in));
    }

    /** ADDW/SUBW/ADR: imm = sign * i:imm3:imm8. ADR and the SP forms forbid Rd = PC, the others Rd = SP too. */
    private static void imm12(Fields f, Insn in, int rn, int sign) {
        in.rd = f.get("Rd");
        in.rn = rn;
        in.imm = sign * ((f.get("i") << 11) | (f.get("imm3") << 8) | f.get("imm8"));
        in.setFlags = 0;
        if (rn == 13 ? in.rd == 15 : bad(in.rd)) in.undefined();
    }

    /** MOVW/MOVT: imm = imm4:i:imm3:imm8. */
    private static void imm16(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.imm = (f.get("imm4") << 12) | (f.get("i") << 11) | (f.get("imm3") << 8) | f.get("imm8");
        in.setFlags = 0;
        if (bad(in.rd)) in.undefined();
    }

    /** UBFX/SBFX: shiftN = lsb, imm = width. */
    private static void bitfieldExtract(Fields f, Insn in) {
        in.rd = f.get("Rd");
        in.rn = f.get("Rn");
        in.shiftN = (f.get("imm3") << 2) | f.get("imm2");
        in.imm = f.get("widthm1") + 1;
        if (in.shiftN + in.imm > 32 || bad(in.rd) || bad(in.rn)) in.undefined();
    }

    /** BFI/BFC: shiftN = lsb, imm = mask of bits lsb..msb. */
    private static void bitfieldInsert(Fields f, Insn in, int rn) {
        in.rd = f.get("Rd");
        in.rn = rn;
        int lsb = (f.get("imm3") << 2) | f.get("imm2"), msb = f.get("msb");
        in.shiftN = lsb;
        in.imm = msb >= lsb ? Alu.bitMask(lsb, msb) : 0;
        if (msb < lsb || bad(in.rd) || rn == 13) in.undefined();
    }

    // ------------------------------------------------------------------ 32-bit, shifted register (A5.3.11)

    private static String sr(String op, String s, String rn, String rd) {
        return "1110101 " + op + " " + s + " " + rn + " 0 imm3:3 " + rd + " imm2:2 type:2 Rm:4";
    }

    private static void registerShiftedRegister(TableBuilder b) {
        Predicate<Insn> dnm = in -> bad(in.rd) || bad(in.rn) || bad(in.rm), nm = in -> bad(in.rn) || bad(in.rm);
        Predicate<Insn> dm = in -> bad(in.rd) || bad(in.rm);
        Predicate<Insn> d13nm = in -> bad(in.rd) || in.rn == 13 || bad(in.rm), d15nm = in -> bad(in.rd) || in.rn == 15 || bad(in.rm);
        Predicate<Insn> pcm = in -> in.rn == 15 || bad(in.rm);
        // ADD/SUB (SP plus/minus register): Rd = SP only with LSL #0..3
        Predicate<Insn> sp = in -> (in.rd == 13 && (in.shiftType != Alu.LSL || in.shiftN > 3)) || in.rd == 15 || bad(in.rm);
        b.t32("TST_reg_T2", sr("0000", "1", "Rn:4", "1111"), DATA, TST_S, (f, in) -> shReg(f, in, nm));
        b.t32("AND_reg_T2", sr("0000", "S:1", "Rn:4", "Rd:4"), DATA, AND_S, (f, in) -> shReg(f, in, dnm));
        b.t32("BIC_reg_T2", sr("0001", "S:1", "Rn:4", "Rd:4"), DATA, BIC_S, (f, in) -> shReg(f, in, dnm));
        b.t32("MOV_reg_T3", sr("0010", "S:1", "1111", "Rd:4"), DATA, MOV_S, (f, in) -> {
            shReg(f, in, x -> false);
            if (in.isUndefined()) return;
            if (in.op == MOV_R) { // no shift: MOV.W; SP allowed as one operand when not setting flags
                if (in.setFlags != 0 ? bad(in.rd) || bad(in.rm) : in.rd == 15 || in.rm == 15 || (in.rd == 13 && in.rm == 13)) in.undefined();
                return;
            }
            in.name = in.shiftType == Alu.RRX ? "RRX_T1" : in.shiftType == Alu.ROR ? "ROR_imm_T1" : SHIFT_NAMES[in.shiftType] + "_imm_T2";
            if (bad(in.rd) || bad(in.rm)) in.undefined();
        });
        b.t32("ORR_reg_T2", sr("0010", "S:1", "Rn:4", "Rd:4"), DATA, ORR_S, (f, in) -> shReg(f, in, d13nm));
        b.t32("MVN_reg_T2", sr("0011", "S:1", "1111", "Rd:4"), DATA, MVN_S, (f, in) -> shReg(f, in, dm));
        b.t32("ORN_reg_T1", sr("0011", "S:1", "Rn:4", "Rd:4"), DATA, ORN_S, (f, in) -> shReg(f, in, d13nm));
        b.t32("TEQ_reg_T1", sr("0100", "1", "Rn:4", "1111"), DATA, TEQ_S, (f, in) -> shReg(f, in, nm));
        b.t32("EOR_reg_T2", sr("0100", "S:1", "Rn:4", "Rd:4"), DATA, EOR_S, (f, in) -> shReg(f, in, dnm));
        // 0110 is PKHBT/PKHTB (MultiplyDspEncodings)
        b.t32("CMN_reg_T2", sr("1000", "1", "Rn:4", "1111"), DATA, CMN_S, (f, in) -> shReg(f, in, pcm));
        b.t32("ADD_SP_reg_T3", sr("1000", "S:1", "1101", "Rd:4"), DATA, ADD_S, (f, in) -> shReg(f, in, sp));
        b.t32("ADD_reg_T3", sr("1000", "S:1", "Rn:4", "Rd:4"), DATA, ADD_S, (f, in) -> shReg(f, in, d15nm));
        b.t32("ADC_reg_T2", sr("1010", "S:1", "Rn:4", "Rd:4"), DATA, ADC_S, (f, in) -> shReg(f, in, dnm));
        b.t32("SBC_reg_T2", sr("1011", "S:1", "Rn:4", "Rd:4"), DATA, SBC_S, (f, in) -> shReg(f, in, dnm));
        b.t32("CMP_reg_T3", sr("1101", "1", "Rn:4", "1111"), DATA, CMP_S, (f, in) -> shReg(f, in, pcm));
        b.t32("SUB_SP_reg_T1", sr("1101", "S:1", "1101", "Rd:4"), DATA, SUB_S, (f, in) -> shReg(f, in, sp));
        b.t32("SUB_reg_T2", sr("1101", "S:1", "Rn:4", "Rd:4"), DATA, SUB_S, (f, in) -> shReg(f, in, d15nm));
        b.t32("RSB_reg_T1", sr("1110", "S:1", "Rn:4", "Rd:4"), DATA, RSB_S, (f, in) -> shReg(f, in, dnm));
    }

    private static final String[] SHIFT_NAMES = {"LSL", "LSR", "ASR", "ROR", "RRX"};

    /**
     * Fills a shifted-register form (DecodeImmShift), applies the UNPREDICTABLE check, and turns an
     * _S op with LSL #0 into the cheaper _R op (same semantics: C is unchanged by a zero shift).
     */
    private static void shReg(Fields f, Insn in, Predicate<Insn> unpredictable) {
        regs(f, in, in.name.contains("_SP_"));
        int type = f.get("type"), imm5 = (f.get("imm3") << 2) | f.get("imm2");
        in.shiftType = Alu.decodeShiftType(type, imm5);
        in.shiftN = Alu.decodeShiftAmount(type, imm5);
        if (unpredictable.test(in)) { in.undefined(); return; }
        if (in.shiftType == Alu.LSL && in.shiftN == 0) in.op--;
    }

    // ------------------------------------------------------------------ 32-bit, data processing (register) (A5.3.12)

    private static void registerRegister(TableBuilder b) {
        for (int t = 0; t < 4; t++) {
            int type = t;
            b.t32(SHIFT_NAMES[t] + "_reg_T2", "11111010 0 " + bits(t, 2) + " S:1 Rn:4 1111 Rd:4 0000 Rm:4", DATA, SHIFT_REG, (f, in) -> {
                regs(f, in, false);
                in.setFlags = f.get("S");
                in.shiftType = type;
                if (bad(in.rd) || bad(in.rn) || bad(in.rm)) in.undefined();
            });
        }
        // extends with rotation; 0010/0011 (SXTAB16/UXTAB16) are MultiplyDspEncodings'
        extend(b, "0000", "SXTH", SXTH, "SXTAH", SXTAH);
        extend(b, "0001", "UXTH", UXTH, "UXTAH", UXTAH);
        extend(b, "0100", "SXTB", SXTB, "SXTAB", SXTAB);
        extend(b, "0101", "UXTB", UXTB, "UXTAB", UXTAB);
        // miscellaneous operations
        misc(b, "REV_T2", "1001", "00", REV);
        misc(b, "REV16_T2", "1001", "01", REV16);
        misc(b, "RBIT_T1", "1001", "10", RBIT);
        misc(b, "REVSH_T2", "1001", "11", REVSH);
        misc(b, "CLZ_T1", "1011", "00", CLZ);
    }

    private static void extend(TableBuilder b, String op, String name, int execOp, String nameA, int execOpA) {
        b.t32(name + "_T2", "11111010" + op + " 1111 1111 Rd:4 10 rot:2 Rm:4", DATA, execOp, (f, in) -> {
            in.rd = f.get("Rd");
            in.rm = f.get("Rm");
            in.shiftN = f.get("rot") << 3;
            if (bad(in.rd) || bad(in.rm)) in.undefined();
        });
        b.t32(nameA + "_T1", "11111010" + op + " Rn:4 1111 Rd:4 10 rot:2 Rm:4", DATA, execOpA, (f, in) -> {
            in.rd = f.get("Rd");
            in.rn = f.get("Rn");
            in.rm = f.get("Rm");
            in.shiftN = f.get("rot") << 3;
            if (bad(in.rd) || in.rn == 13 || bad(in.rm)) in.undefined();
        });
    }

    /** CLZ/RBIT/REV*: Rm is encoded twice; copies that differ are UNPREDICTABLE. */
    private static void misc(TableBuilder b, String name, String op1, String op2, int execOp) {
        b.t32(name, "11111010 10" + op1.substring(2) + " Rm2:4 1111 Rd:4 10" + op2 + " Rm:4", DATA, execOp, (f, in) -> {
            in.rd = f.get("Rd");
            in.rm = f.get("Rm");
            if (f.get("Rm2") != in.rm || bad(in.rd) || bad(in.rm)) in.undefined();
        });
    }

    private static String bits(int v, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = width - 1; i >= 0; i--) sb.append((v >>> i) & 1);
        return sb.toString();
    }

    private static boolean bad(int reg) { return reg == 13 || reg == 15; }
}
