package org.tockemu.core.decode;

import static org.tockemu.core.decode.Group.BRANCH;
import static org.tockemu.core.exec.BranchSystem.*;

/** Encodings of branches, IT, hints, barriers, SVC/BKPT/UDF and special-register access (ARM ARM A5.2.6, A5.3.4). */
public final class BranchSystemEncodings {
    private BranchSystemEncodings() {}

    public static void register(TableBuilder b) {
        // ---- 16-bit ----
        b.t16("UDF_T1", "11011110 imm8:8", BRANCH, UDF, (f, in) -> in.imm = f.get("imm8"));
        b.t16("SVC_T1", "11011111 imm8:8", BRANCH, SVC, (f, in) -> in.imm = f.get("imm8"));
        b.t16("B_T1", "1101 cond:4 imm8:8", BRANCH, B_COND, (f, in) -> {
            in.cond = f.get("cond");
            in.imm = (byte) f.get("imm8") << 1;
        });
        b.t16("B_T2", "11100 imm11:11", BRANCH, B, (f, in) -> in.imm = (f.get("imm11") << 21) >> 20);
        b.t16("BX_T1", "010001110 Rm:4 xxx", BRANCH, BX, (f, in) -> in.rm = f.get("Rm"));
        b.t16("BLX_reg_T1", "010001111 Rm:4 xxx", BRANCH, BLX, (f, in) -> {
            in.rm = f.get("Rm");
            if (in.rm == 15) in.undefined();
        });
        b.t16("CBZ_T1", "1011 op:1 0 i:1 1 imm5:5 Rn:3", BRANCH, CBZ, (f, in) -> {
            in.rn = f.get("Rn");
            in.imm = (f.get("i") << 6) | (f.get("imm5") << 1);
            if (f.bit("op")) in.op = CBNZ;
        });
        b.t16("hint_T1", "10111111 hint:4 0000", BRANCH, NOP, (f, in) -> in.op = hintOp(f.get("hint")));
        b.t16("IT_T1", "10111111 firstcond:4 mask:4", BRANCH, IT, (f, in) -> {
            int cond = f.get("firstcond");
            int mask = f.get("mask");
            // firstcond == 1111, or 1110 with a mask that is not 1000, is UNPREDICTABLE
            if (cond == 0xF || (cond == 0xE && Integer.bitCount(mask) != 1)) in.undefined();
            in.imm = (cond << 4) | mask;
        });
        b.t16("BKPT_T1", "10111110 imm8:8", BRANCH, BKPT, (f, in) -> in.imm = f.get("imm8"));
        b.t16("CPS_T1", "10110110011 im:1 xx I:1 F:1", BRANCH, CPS, (f, in) -> {
            in.imm = f.get("im");
            in.list = (f.get("I") << 1) | f.get("F");
            if (in.list == 0) in.undefined();
        });

        // ---- 32-bit: branches and miscellaneous control ----
        b.t32("MSR_T1", "111100111000 Rn:4 10x0 mask:2 xx SYSm:8", BRANCH, MSR, (f, in) -> {
            in.rn = f.get("Rn");
            in.imm = f.get("SYSm");
            in.list = f.get("mask");
            if (in.rn == 13 || in.rn == 15 || !validSysm(in.imm)) in.undefined();
            if ((in.imm >>> 3) == 0) { if (in.list == 0) in.undefined(); } else if (in.list != 2) in.undefined();
        });
        b.t32("MRS_T1", "1111001111101111 10x0 Rd:4 SYSm:8", BRANCH, MRS, (f, in) -> {
            in.rd = f.get("Rd");
            in.imm = f.get("SYSm");
            if (in.rd == 13 || in.rd == 15 || !validSysm(in.imm)) in.undefined(); // LR is allowed
        });
        b.t32("hint_T2", "111100111010xxxx 10x0x000 hint:8", BRANCH, NOP, (f, in) -> {
            int h = f.get("hint");
            in.op = h < 5 ? hintOp(h) : NOP; // DBG #n and unallocated hints execute as NOP
        });
        b.t32("CLREX_T1", "111100111011xxxx 10x0xxxx 0010 xxxx", BRANCH, CLREX, (f, in) -> {});
        b.t32("DSB_T1", "111100111011xxxx 10x0xxxx 0100 option:4", BRANCH, BARRIER, (f, in) -> in.imm = f.get("option"));
        b.t32("DMB_T1", "111100111011xxxx 10x0xxxx 0101 option:4", BRANCH, BARRIER, (f, in) -> in.imm = f.get("option"));
        b.t32("ISB_T1", "111100111011xxxx 10x0xxxx 0110 option:4", BRANCH, BARRIER, (f, in) -> in.imm = f.get("option"));
        b.t32("UDF_T2", "111101111111 imm4:4 1010 imm12:12", BRANCH, UDF, (f, in) -> in.imm = (f.get("imm4") << 12) | f.get("imm12"));
        b.t32("B_T3", "11110 S:1 cond:4 imm6:6 10 J1:1 0 J2:1 imm11:11", BRANCH, B_COND, (f, in) -> {
            in.cond = f.get("cond");
            if ((in.cond >>> 1) == 7) { in.undefined(); return; } // misc-control space not matched above
            int v = (f.get("S") << 20) | (f.get("J2") << 19) | (f.get("J1") << 18) | (f.get("imm6") << 12) | (f.get("imm11") << 1);
            in.imm = (v << 11) >> 11;
        });
        b.t32("B_T4", "11110 S:1 imm10:10 10 J1:1 1 J2:1 imm11:11", BRANCH, B, (f, in) -> in.imm = branchOffset24(f));
        b.t32("BL_T1", "11110 S:1 imm10:10 11 J1:1 1 J2:1 imm11:11", BRANCH, BL, (f, in) -> in.imm = branchOffset24(f));
    }

    private static int hintOp(int hint) {
        switch (hint) {
            case 1: return YIELD;
            case 2: return WFE;
            case 3: return WFI;
            case 4: return SEV;
            default: return NOP;
        }
    }

    private static boolean validSysm(int sysm) {
        switch (sysm) {
            case 0: case 1: case 2: case 3: case 5: case 6: case 7: case 8: case 9:
            case 16: case 17: case 18: case 19: case 20:
                return true;
            default:
                return false;
        }
    }

    /** SignExtend(S:I1:I2:imm10:imm11:'0') with I1 = NOT(J1 XOR S), I2 = NOT(J2 XOR S). */
    private static int branchOffset24(Fields f) {
        int s = f.get("S");
        int i1 = 1 ^ (f.get("J1") ^ s), i2 = 1 ^ (f.get("J2") ^ s);
        int v = (s << 24) | (i1 << 23) | (i2 << 22) | (f.get("imm10") << 12) | (f.get("imm11") << 1);
        return (v << 7) >> 7;
    }
}
