package org.tockemu.core.decode;

import static org.tockemu.core.decode.Group.MEMORY;
import static org.tockemu.core.exec.LoadStore.*;

/**
 * 32-bit single-register loads and stores and the memory hints (ARM ARM A5.3.7 load word,
 * A5.3.8 load byte and memory hints, A5.3.9 load halfword and unallocated memory hints,
 * A5.3.10 store single data item). hw1 is 1111100 S U size L Rn; every load family has the
 * literal (Rn = PC), imm12, unprivileged (T), imm8 with P/U/W and register (LSL #0-3) forms.
 *
 * <p>Rt = PC: LDR (any form) is a LoadWritePC ({@link org.tockemu.core.exec.LoadStore#LDR_PC});
 * in the byte space it is PLD/PLI, in the halfword space an unallocated hint that executes as a
 * NOP (architecturally; QEMU UNDEFs the PLDW-shaped ones on a CPU without v7MP). Stores with
 * Rn = PC are UNDEFINED; the UNPREDICTABLE register choices (Rt = SP/PC for byte and halfword
 * transfers, Rm = SP/PC, writeback with Rn == Rt) are UNDEFINED here.
 */
public final class LoadStoreSingleEncodings {
    private LoadStoreSingleEncodings() {}

    /** Encoding names per family: literal, imm12, T, imm8, register. */
    private static final String[] LDR = {"LDR_lit_T2", "LDR_imm_T3", "LDRT_T1", "LDR_imm_T4", "LDR_reg_T2"};
    private static final String[] LDRB = {"LDRB_lit_T1", "LDRB_imm_T2", "LDRBT_T1", "LDRB_imm_T3", "LDRB_reg_T2"};
    private static final String[] LDRSB = {"LDRSB_lit_T1", "LDRSB_imm_T1", "LDRSBT_T1", "LDRSB_imm_T2", "LDRSB_reg_T2"};
    private static final String[] LDRH = {"LDRH_lit_T1", "LDRH_imm_T2", "LDRHT_T1", "LDRH_imm_T3", "LDRH_reg_T2"};
    private static final String[] LDRSH = {"LDRSH_lit_T1", "LDRSH_imm_T1", "LDRSHT_T1", "LDRSH_imm_T2", "LDRSH_reg_T2"};
    private static final String[] STR = {null, "STR_imm_T3", "STRT_T1", "STR_imm_T4", "STR_reg_T2"};
    private static final String[] STRB = {null, "STRB_imm_T2", "STRBT_T1", "STRB_imm_T3", "STRB_reg_T2"};
    private static final String[] STRH = {null, "STRH_imm_T2", "STRHT_T1", "STRH_imm_T3", "STRH_reg_T2"};

    static void register(TableBuilder b) {
        hints(b, "0", "00", "PLD_lit_T1", "PLD_imm_T1", "PLD_imm_T2", "PLD_reg_T1", true);
        hints(b, "1", "00", "PLI_lit_T3", "PLI_imm_T1", "PLI_imm_T2", "PLI_reg_T1", true);
        hints(b, "0", "01", "HINT_lit_LDRH", "HINT_imm12_LDRH", "HINT_imm8_LDRH", "HINT_reg_LDRH", false);
        hints(b, "1", "01", "HINT_lit_LDRSH", "HINT_imm12_LDRSH", "HINT_imm8_LDRSH", "HINT_reg_LDRSH", false);
        loads(b, LDR, "0", "10", W);
        loads(b, LDRB, "0", "00", B);
        loads(b, LDRSB, "1", "00", SB);
        loads(b, LDRH, "0", "01", H);
        loads(b, LDRSH, "1", "01", SH);
        stores(b, STR, "10", W);
        stores(b, STRB, "00", B);
        stores(b, STRH, "01", H);
    }

    /** Rt = 1111 in the byte and halfword load spaces (listed before the loads). */
    private static void hints(TableBuilder b, String s, String sz, String lit, String imm12, String imm8, String reg,
            boolean checkRm) {
        String p = "1111100" + s;
        b.t32(lit, p + " x " + sz + "1 1111 1111 xxxxxxxxxxxx", MEMORY, HINT, (f, in) -> {});
        b.t32(imm12, p + "1" + sz + "1 Rn:4 1111 xxxxxxxxxxxx", MEMORY, HINT, (f, in) -> in.rn = f.get("Rn"));
        b.t32(imm8, p + "0" + sz + "1 Rn:4 1111 1100 xxxxxxxx", MEMORY, HINT, (f, in) -> in.rn = f.get("Rn"));
        b.t32(reg, p + "0" + sz + "1 Rn:4 1111 000000 xx Rm:4", MEMORY, HINT, (f, in) -> {
            in.rn = f.get("Rn");
            in.rm = f.get("Rm");
            if (checkRm && (in.rm == 13 || in.rm == 15)) in.undefined();
        });
    }

    private static void loads(TableBuilder b, String[] names, String s, String sz, int kind) {
        String p = "1111100" + s;
        boolean word = kind == W;
        b.t32(names[0], p + " U:1 " + sz + "1 1111 Rt:4 imm12:12", MEMORY, LD_LIT + kind, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = 15;
            int imm = f.get("imm12");
            in.imm = f.bit("U") ? imm : -imm;
            in.flags = Insn.INDEX | (f.bit("U") ? Insn.ADD : 0);
            loadTarget(in, word);
        });
        b.t32(names[1], p + "1" + sz + "1 Rn:4 Rt:4 imm12:12", MEMORY, LD_IMM + kind, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = f.get("Rn");
            in.imm = f.get("imm12");
            in.flags = Insn.INDEX | Insn.ADD;
            loadTarget(in, word);
        });
        b.t32(names[2], p + "0" + sz + "1 Rn:4 Rt:4 1110 imm8:8", MEMORY, LD_T + kind, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = f.get("Rn");
            in.imm = f.get("imm8");
            in.flags = Insn.INDEX | Insn.ADD;
            in.cycles = 2;
            if (in.rd == 13 || in.rd == 15) in.undefined();
        });
        b.t32(names[3], p + "0" + sz + "1 Rn:4 Rt:4 1 P:1 U:1 W:1 imm8:8", MEMORY, LD_IMM + kind, (f, in) -> {
            imm8(f, in);
            if (in.wback()) in.op = LD_WB + kind;
            if (word) {
                loadTarget(in, true);
            } else {
                in.cycles = 2;
                if (in.rd == 13 || in.rd == 15) in.undefined();
            }
        });
        b.t32(names[4], p + "0" + sz + "1 Rn:4 Rt:4 000000 imm2:2 Rm:4", MEMORY, LD_REG + kind, (f, in) -> {
            reg(f, in);
            loadTarget(in, word);
        });
    }

    private static void stores(TableBuilder b, String[] names, String sz, int kind) {
        boolean word = kind == W;
        b.t32(names[1], "111110001" + sz + "0 Rn:4 Rt:4 imm12:12", MEMORY, ST_IMM + kind, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = f.get("Rn");
            in.imm = f.get("imm12");
            in.flags = Insn.INDEX | Insn.ADD;
            storeChecks(in, word);
        });
        b.t32(names[2], "111110000" + sz + "0 Rn:4 Rt:4 1110 imm8:8", MEMORY, ST_T + kind, (f, in) -> {
            in.rd = f.get("Rt");
            in.rn = f.get("Rn");
            in.imm = f.get("imm8");
            in.flags = Insn.INDEX | Insn.ADD;
            storeChecks(in, false); // STRT: Rt = SP is UNPREDICTABLE too
        });
        b.t32(names[3], "111110000" + sz + "0 Rn:4 Rt:4 1 P:1 U:1 W:1 imm8:8", MEMORY, ST_IMM + kind, (f, in) -> {
            imm8(f, in);
            if (in.wback()) in.op = ST_WB + kind;
            storeChecks(in, word);
        });
        b.t32(names[4], "111110000" + sz + "0 Rn:4 Rt:4 000000 imm2:2 Rm:4", MEMORY, ST_REG + kind, (f, in) -> {
            reg(f, in);
            storeChecks(in, word);
        });
    }

    /** The imm8 form with P/U/W (P == 1, U == 1, W == 0 is the T form, matched before). */
    private static void imm8(Fields f, Insn in) {
        boolean p = f.bit("P"), u = f.bit("U"), w = f.bit("W");
        in.rd = f.get("Rt");
        in.rn = f.get("Rn");
        int imm = f.get("imm8");
        in.imm = u ? imm : -imm;
        in.flags = (p ? Insn.INDEX : 0) | (u ? Insn.ADD : 0) | (w ? Insn.WBACK : 0);
        if (!p && !w) in.undefined();
        if (w && in.rn == in.rd) in.undefined();
    }

    private static void reg(Fields f, Insn in) {
        in.rd = f.get("Rt");
        in.rn = f.get("Rn");
        in.rm = f.get("Rm");
        in.shiftN = f.get("imm2");
        in.flags = Insn.INDEX | Insn.ADD | REG;
        if (in.rm == 13 || in.rm == 15) in.undefined();
    }

    /**
     * Loads: LDR to PC becomes LDR_PC, LDR to SP LDR_SP (both handle every addressing form);
     * byte/halfword loads to SP are UNPREDICTABLE (to PC they were hints).
     */
    private static void loadTarget(Insn in, boolean word) {
        in.cycles = 2;
        if (word) {
            if (in.isUndefined()) return;
            if (in.rd == 15) in.op = LDR_PC;
            else if (in.rd == 13) in.op = LDR_SP;
        } else if (in.rd == 13 || in.rd == 15) {
            in.undefined();
        }
    }

    /** Stores: Rn = PC is UNDEFINED; Rt = PC (and SP for byte/halfword/T) UNPREDICTABLE. */
    private static void storeChecks(Insn in, boolean word) {
        in.cycles = 1;
        if (in.rn == 15 || in.rd == 15 || (!word && in.rd == 13)) in.undefined();
    }
}
