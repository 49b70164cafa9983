package org.tockemu.core.decode;

import static org.tockemu.core.decode.Group.MEMORY;
import static org.tockemu.core.exec.LoadStore.*;
import static org.tockemu.core.exec.LoadStoreMultiple.*;

/**
 * Encodings of the loads and stores: the 16-bit forms (A5.2.4, A5.2.5 and PUSH/POP of A5.2.5),
 * load/store multiple (A5.3.5), dual, exclusive and table branch (A5.3.6). The 32-bit
 * single-register forms and memory hints are in {@link LoadStoreSingleEncodings}.
 *
 * <p>UNPREDICTABLE encodings are UNDEFINED here, as the ARM ARM lists them. That includes 32-bit
 * LDM/STM with a single register, as QEMU 7.2 (the cross-check reference) does; QEMU 8+ executes
 * them as the single transfer, which some hardware reportedly does too.
 */
public final class LoadStoreEncodings {
    private LoadStoreEncodings() {}

    public static void register(TableBuilder b) {
        register16(b);
        registerMultiple(b);
        registerDualExclusive(b);
        LoadStoreSingleEncodings.register(b);
    }

    // ------------------------------------------------------------------ 16-bit

    private static void register16(TableBuilder b) {
        b.t16("LDR_lit_T1", "01001 Rt:3 imm8:8", MEMORY, LD_LIT + W, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = 15;
            in.imm = f.get("imm8") << 2;
            in.flags = Insn.INDEX | Insn.ADD;
            in.cycles = 2;
        });
        // register offset: 0101 opB:3 Rm Rn Rt
        reg16(b, "STR_reg_T1", 0b000, ST_REG + W);
        reg16(b, "STRH_reg_T1", 0b001, ST_REG + H);
        reg16(b, "STRB_reg_T1", 0b010, ST_REG + B);
        reg16(b, "LDRSB_reg_T1", 0b011, LD_REG + SB);
        reg16(b, "LDR_reg_T1", 0b100, LD_REG + W);
        reg16(b, "LDRH_reg_T1", 0b101, LD_REG + H);
        reg16(b, "LDRB_reg_T1", 0b110, LD_REG + B);
        reg16(b, "LDRSH_reg_T1", 0b111, LD_REG + SH);
        // immediate offset, scaled by the access size
        imm16(b, "STR_imm_T1", "01100", ST_IMM + W, 2);
        imm16(b, "LDR_imm_T1", "01101", LD_IMM + W, 2);
        imm16(b, "STRB_imm_T1", "01110", ST_IMM + B, 0);
        imm16(b, "LDRB_imm_T1", "01111", LD_IMM + B, 0);
        imm16(b, "STRH_imm_T1", "10000", ST_IMM + H, 1);
        imm16(b, "LDRH_imm_T1", "10001", LD_IMM + H, 1);
        // SP-relative
        b.t16("STR_imm_T2", "10010 Rt:3 imm8:8", MEMORY, ST_IMM + W, (f, in) -> sp16(f, in, 1));
        b.t16("LDR_imm_T2", "10011 Rt:3 imm8:8", MEMORY, LD_IMM + W, (f, in) -> sp16(f, in, 2));
        // multiple
        b.t16("STM_T1", "11000 Rn:3 list:8", MEMORY, STM, (f, in) -> {
            in.rn = f.get("Rn");
            multiple16(in, f.get("list"), true);
        });
        b.t16("LDM_T1", "11001 Rn:3 list:8", MEMORY, LDM, (f, in) -> {
            in.rn = f.get("Rn");
            int list = f.get("list");
            // writeback only when the base is not loaded
            multiple16(in, list, (list & (1 << in.rn)) == 0);
        });
        b.t16("PUSH_T1", "1011010 M:1 list:8", MEMORY, STMDB, (f, in) -> {
            in.rn = 13;
            multiple16(in, (f.get("M") << 14) | f.get("list"), true);
        });
        b.t16("POP_T1", "1011110 P:1 list:8", MEMORY, LDM, (f, in) -> {
            in.rn = 13;
            multiple16(in, (f.get("P") << 15) | f.get("list"), true);
        });
    }

    private static void reg16(TableBuilder b, String name, int opB, int op) {
        String bits = "0101" + ((opB >> 2) & 1) + ((opB >> 1) & 1) + (opB & 1);
        b.t16(name, bits + " Rm:3 Rn:3 Rt:3", MEMORY, op, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = f.get("Rn");
            in.rm = f.get("Rm");
            in.flags = Insn.INDEX | Insn.ADD | REG;
            in.cycles = isLoad(op) ? 2 : 1;
        });
    }

    private static void imm16(TableBuilder b, String name, String bits, int op, int scale) {
        b.t16(name, bits + " imm5:5 Rn:3 Rt:3", MEMORY, op, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = f.get("Rn");
            in.imm = f.get("imm5") << scale;
            in.flags = Insn.INDEX | Insn.ADD;
            in.cycles = isLoad(op) ? 2 : 1;
        });
    }

    private static void sp16(Fields f, Insn in, int cycles) {
        in.rd = f.get("Rt");
        in.rn = 13;
        in.imm = f.get("imm8") << 2;
        in.flags = Insn.INDEX | Insn.ADD;
        in.cycles = cycles;
    }

    private static void multiple16(Insn in, int list, boolean wback) {
        in.list = list;
        in.flags = wback ? Insn.WBACK : 0;
        in.cycles = 1 + Integer.bitCount(list);
        if (list == 0) in.undefined();
    }

    static boolean isLoad(int op) {
        return (op >= LD_IMM && op < ST_IMM) || (op >= LD_REG && op < ST_REG) || (op >= LD_LIT && op < ST_WB)
                || (op >= LD_T && op < ST_T) || op == LDR_PC;
    }

    // ------------------------------------------------------------------ load/store multiple

    private static void registerMultiple(TableBuilder b) {
        b.t32("POP_T2", "1110100010 1 1 1101 list:16", MEMORY, LDM, (f, in) -> multiple32(f, in, 13, true, true));
        b.t32("LDM_T2", "1110100010 W:1 1 Rn:4 list:16", MEMORY, LDM, (f, in) -> multiple32(f, in, f.get("Rn"), f.bit("W"), true));
        b.t32("STM_T2", "1110100010 W:1 0 Rn:4 list:16", MEMORY, STM, (f, in) -> multiple32(f, in, f.get("Rn"), f.bit("W"), false));
        b.t32("PUSH_T2", "1110100100 1 0 1101 list:16", MEMORY, STMDB, (f, in) -> multiple32(f, in, 13, true, false));
        b.t32("LDMDB_T1", "1110100100 W:1 1 Rn:4 list:16", MEMORY, LDMDB, (f, in) -> multiple32(f, in, f.get("Rn"), f.bit("W"), true));
        b.t32("STMDB_T1", "1110100100 W:1 0 Rn:4 list:16", MEMORY, STMDB, (f, in) -> multiple32(f, in, f.get("Rn"), f.bit("W"), false));
    }

    /**
     * LDM/LDMDB T2/T1, STM/STMDB, PUSH.W/POP.W. UNPREDICTABLE (UNDEFINED here): Rn = PC, fewer
     * than two registers, SP in the list, PC in a store list, PC and LR both in a load list,
     * writeback with the base in the list.
     */
    private static void multiple32(Fields f, Insn in, int rn, boolean wback, boolean load) {
        int list = f.get("list");
        in.rn = rn;
        in.list = list;
        in.flags = wback ? Insn.WBACK : 0;
        in.cycles = 1 + Integer.bitCount(list);
        if (rn == 15 || Integer.bitCount(list) < 2 || (list & 0x2000) != 0) in.undefined();
        if (load ? (list & 0xC000) == 0xC000 : (list & 0x8000) != 0) in.undefined();
        if (wback && (list & (1 << rn)) != 0) in.undefined();
    }

    // ------------------------------------------------------------------ dual, exclusive, table branch

    private static void registerDualExclusive(TableBuilder b) {
        b.t32("STREX_T1", "111010000100 Rn:4 Rt:4 Rd:4 imm8:8", MEMORY, STREX, (f, in) -> {
            strex(f, in);
            in.imm = f.get("imm8") << 2;
        });
        b.t32("LDREX_T1", "111010000101 Rn:4 Rt:4 1111 imm8:8", MEMORY, LDREX, (f, in) -> {
            ldrex(f, in);
            in.imm = f.get("imm8") << 2;
        });
        b.t32("STREXB_T1", "111010001100 Rn:4 Rt:4 1111 0100 Rd:4", MEMORY, STREXB, LoadStoreEncodings::strex);
        b.t32("STREXH_T1", "111010001100 Rn:4 Rt:4 1111 0101 Rd:4", MEMORY, STREXH, LoadStoreEncodings::strex);
        b.t32("TBB_T1", "111010001101 Rn:4 1111 0000 0000 Rm:4", MEMORY, TBB, LoadStoreEncodings::tableBranch);
        b.t32("TBH_T1", "111010001101 Rn:4 1111 0000 0001 Rm:4", MEMORY, TBH, LoadStoreEncodings::tableBranch);
        b.t32("LDREXB_T1", "111010001101 Rn:4 Rt:4 1111 0100 1111", MEMORY, LDREXB, LoadStoreEncodings::ldrex);
        b.t32("LDREXH_T1", "111010001101 Rn:4 Rt:4 1111 0101 1111", MEMORY, LDREXH, LoadStoreEncodings::ldrex);
        // P == 0 && W == 0 is the exclusive space above: the rest of it (LDREXD/STREXD, LDA/STL, ...) is UNDEFINED on v7-M
        b.t32("STRD_imm_T1", "1110100 P:1 U:1 1 W:1 0 Rn:4 Rt:4 Rt2:4 imm8:8", MEMORY, STRD, (f, in) -> {
            dual(f, in, f.get("Rn"));
            if (in.rn == 15) in.undefined();
        });
        b.t32("LDRD_lit_T1", "1110100 P:1 U:1 1 W:1 1 1111 Rt:4 Rt2:4 imm8:8", MEMORY, LDRD, (f, in) -> {
            dual(f, in, 15);
            if (in.wback() || in.rd == in.ra) in.undefined();
        });
        b.t32("LDRD_imm_T1", "1110100 P:1 U:1 1 W:1 1 Rn:4 Rt:4 Rt2:4 imm8:8", MEMORY, LDRD, (f, in) -> {
            dual(f, in, f.get("Rn"));
            if (in.rd == in.ra) in.undefined();
        });
    }

    /** Common LDRD/STRD decoding: Rt/Rt2 in {SP, PC}, or writeback to Rt/Rt2, are UNPREDICTABLE. */
    private static void dual(Fields f, Insn in, int rn) {
        boolean p = f.bit("P"), w = f.bit("W");
        in.rd = f.get("Rt");
        in.ra = f.get("Rt2");
        in.rn = rn;
        int imm = f.get("imm8") << 2;
        in.imm = f.bit("U") ? imm : -imm;
        in.flags = (p ? Insn.INDEX : 0) | (w ? Insn.WBACK : 0) | (f.bit("U") ? Insn.ADD : 0);
        in.cycles = 3;
        if (!p && !w) in.undefined();
        if (in.rd == 13 || in.rd == 15 || in.ra == 13 || in.ra == 15) in.undefined();
        if (w && (rn == in.rd || rn == in.ra)) in.undefined();
    }

    private static void ldrex(Fields f, Insn in) {
        in.rd = f.get("Rt");
        in.rn = f.get("Rn");
        in.cycles = 2;
        if (in.rd == 13 || in.rd == 15 || in.rn == 15) in.undefined();
    }

    /** STREX*: Rd (status) in ra. */
    private static void strex(Fields f, Insn in) {
        in.rd = f.get("Rt");
        in.rn = f.get("Rn");
        in.ra = f.get("Rd");
        in.cycles = 2;
        if (in.ra == 13 || in.ra == 15 || in.rd == 13 || in.rd == 15 || in.rn == 15) in.undefined();
        if (in.ra == in.rn || in.ra == in.rd) in.undefined();
    }

    private static void tableBranch(Fields f, Insn in) {
        in.rn = f.get("Rn");
        in.rm = f.get("Rm");
        in.cycles = 2;
        if (in.rn == 13 || in.rm == 13 || in.rm == 15) in.undefined();
    }
}
