package org.tockemu.core.exec;

import org.junit.jupiter.api.Test;

/** 16-bit data-processing instructions: exact results and NZCV, IT-block flag suppression, PC/SP rules. */
class DataProcessing16Test extends DataProcessingBaseTest {
    static final int N = 0x80000000;

    @Test
    void shiftImmediate() {
        t("lsls r0, r1, #0").r(1, N).in("nzCv").is(0, N).flags("NzCv").named("MOV_reg_T2");
        t("lsls r0, r1, #1").r(1, 0x80000001).is(0, 2).flags("nzCv").named("LSL_imm_T1");
        t("lsls r0, r1, #31").r(1, 3).in("nzcV").is(0, N).flags("NzCV");
        t("lsls r0, r1, #31").r(1, 1).in("nzCv").is(0, N).flags("Nzcv");
        t("lsrs r0, r1, #1").r(1, 1).is(0, 0).flags("nZCv").named("LSR_imm_T1");
        t("lsrs r0, r1, #31").r(1, N).is(0, 1).flags("nzcv");
        t("lsrs r0, r1, #32").r(1, N).is(0, 0).flags("nZCv");
        t("lsrs r0, r1, #32").r(1, 0x7FFFFFFF).in("nzCv").is(0, 0).flags("nZcv");
        t("asrs r0, r1, #32").r(1, N).is(0, -1).flags("NzCv").named("ASR_imm_T1");
        t("asrs r0, r1, #32").r(1, 0x7FFFFFFF).in("NzCV").is(0, 0).flags("nZcV");
        t("asrs r0, r1, #4").r(1, 0x80000018).is(0, 0xF8000001).flags("NzCv");
        t("asrs r0, r1, #1").r(1, 1).is(0, 0).flags("nZCv");
        t("lsls r7, r7, #4").r(7, 0x0F000001).in("NZcV").is(7, 0xF0000010).flags("NzcV");
        check();
    }

    @Test
    void addSubtractMoveCompare() {
        t("adds r0, r1, r2").r(1, 0x7FFFFFFF).r(2, 1).is(0, N).flags("NzcV").named("ADD_reg_T1");
        t("adds r0, r1, r2").r(1, -1).r(2, 1).is(0, 0).flags("nZCv");
        t("adds r0, r1, r2").r(1, N).r(2, N).is(0, 0).flags("nZCV");
        t("subs r0, r1, r2").r(1, 5).r(2, 5).is(0, 0).flags("nZCv").named("SUB_reg_T1");
        t("subs r0, r1, r2").r(1, 0).r(2, 1).is(0, -1).flags("Nzcv");
        t("subs r0, r1, r2").r(1, N).r(2, 1).is(0, 0x7FFFFFFF).flags("nzCV");
        t("subs r0, r1, r2").r(1, 0x7FFFFFFF).r(2, -1).is(0, N).flags("NzcV");
        t("subs r4, r4, r4").r(4, 123).is(4, 0).flags("nZCv");
        t("adds r3, r4, #7").r(4, -7).is(3, 0).flags("nZCv").named("ADD_imm_T1");
        t("adds r3, r4, #0").r(4, 0).in("NzCV").is(3, 0).flags("nZcv");
        t("subs r3, r4, #1").r(4, 0).is(3, -1).flags("Nzcv").named("SUB_imm_T1");
        t("subs r3, r4, #7").r(4, 7).is(3, 0).flags("nZCv");
        t("movs r5, #0").in("NzCV").is(5, 0).flags("nZCV").named("MOV_imm_T1");
        t("movs r5, #255").in("NZcv").is(5, 255).flags("nzcv");
        t("cmp r6, #10").r(6, 10).flags("nZCv").named("CMP_imm_T1");
        t("cmp r6, #10").r(6, 9).flags("Nzcv");
        t("cmp r6, #0").r(6, N).flags("NzCv");
        t("cmp r6, #1").r(6, N).flags("nzCV");
        t("adds r7, #200").r(7, -200).is(7, 0).flags("nZCv").named("ADD_imm_T2");
        t("adds r7, #255").r(7, 0x7FFFFF01).is(7, 0x80000000).flags("NzcV");
        t("subs r7, #1").r(7, N).is(7, 0x7FFFFFFF).flags("nzCV").named("SUB_imm_T2");
        t("subs r7, #255").r(7, 254).is(7, -1).flags("Nzcv");
        check();
    }

    @Test
    void dataProcessingRegister() {
        t("ands r0, r1").r(0, 0xF0F0F0F0).r(1, 0x0FF00FF0).in("NZCV").is(0, 0x00F000F0).flags("nzCV").named("AND_reg_T1");
        t("ands r0, r1").r(0, 0xF0).r(1, 0x0F).is(0, 0).flags("nZcv");
        t("eors r0, r1").r(0, 0xFFFF0000).r(1, -1).in("Nzcv").is(0, 0xFFFF).flags("nzcv").named("EOR_reg_T1");
        t("eors r2, r2").r(2, 77).is(2, 0).flags("nZcv");
        t("adcs r0, r1").r(0, -1).r(1, 0).in("nzCv").is(0, 0).flags("nZCv").named("ADC_reg_T1");
        t("adcs r0, r1").r(0, 0x7FFFFFFF).r(1, 0).in("nzCv").is(0, N).flags("NzcV");
        t("adcs r0, r1").r(0, 1).r(1, 2).in("nzcv").is(0, 3).flags("nzcv");
        t("adcs r0, r1").r(0, -1).r(1, -1).in("nzCv").is(0, -1).flags("NzCv");
        t("sbcs r0, r1").r(0, 5).r(1, 5).in("nzcv").is(0, -1).flags("Nzcv").named("SBC_reg_T1");
        t("sbcs r0, r1").r(0, 5).r(1, 5).in("nzCv").is(0, 0).flags("nZCv");
        t("sbcs r0, r1").r(0, N).r(1, 0).in("nzcv").is(0, 0x7FFFFFFF).flags("nzCV");
        t("sbcs r0, r1").r(0, 0).r(1, -1).in("nzcv").is(0, 0).flags("nZcv");
        t("tst r0, r1").r(0, 0xF0).r(1, 0x0F).in("NzCV").flags("nZCV").named("TST_reg_T1");
        t("tst r0, r1").r(0, N).r(1, -1).in("nZcv").flags("Nzcv");
        t("negs r0, r1").r(1, 1).is(0, -1).flags("Nzcv").named("RSB_imm_T1");
        t("negs r0, r1").r(1, 0).is(0, 0).flags("nZCv");
        t("negs r0, r1").r(1, N).is(0, N).flags("NzcV");
        t("cmp r0, r1").r(0, 1).r(1, 2).flags("Nzcv").named("CMP_reg_T1");
        t("cmp r0, r1").r(0, 2).r(1, 1).flags("nzCv");
        t("cmp r0, r1").r(0, N).r(1, 1).flags("nzCV");
        t("cmn r0, r1").r(0, -1).r(1, 1).flags("nZCv").named("CMN_reg_T1");
        t("cmn r0, r1").r(0, 0x7FFFFFFF).r(1, 1).flags("NzcV");
        t("orrs r0, r1").r(0, N).r(1, 1).in("nZCV").is(0, 0x80000001).flags("NzCV").named("ORR_reg_T1");
        t("bics r0, r1").r(0, 0xFF).r(1, 0x0F).is(0, 0xF0).flags("nzcv").named("BIC_reg_T1");
        t("bics r0, r1").r(0, 0xFF).r(1, -1).is(0, 0).flags("nZcv");
        t("mvns r0, r1").r(1, 0).in("nZCV").is(0, -1).flags("NzCV").named("MVN_reg_T1");
        t("mvns r0, r1").r(1, -1).is(0, 0).flags("nZcv");
        check();
    }

    @Test
    void shiftsByRegister() {
        t("lsls r0, r1").r(0, 1).r(1, 32).is(0, 0).flags("nZCv").named("LSL_reg_T1");
        t("lsls r0, r1").r(0, 1).r(1, 33).in("nzCv").is(0, 0).flags("nZcv");
        t("lsls r0, r1").r(0, 1).r(1, 0x100).in("nzCv").is(0, 1).flags("nzCv");
        t("lsls r0, r1").r(0, 1).r(1, 0).in("NzcV").is(0, 1).flags("nzcV");
        t("lsls r0, r1").r(0, 3).r(1, 31).is(0, N).flags("NzCv");
        t("lsls r0, r1").r(0, 3).r(1, 1).in("nzCv").is(0, 6).flags("nzcv");
        t("lsls r0, r1").r(0, -1).r(1, 255).in("nzCv").is(0, 0).flags("nZcv");
        t("lsls r0, r1").r(0, -1).r(1, 0xFFFFFF01).is(0, -2).flags("NzCv");
        t("lsrs r0, r1").r(0, N).r(1, 32).is(0, 0).flags("nZCv").named("LSR_reg_T1");
        t("lsrs r0, r1").r(0, N).r(1, 33).in("nzCv").is(0, 0).flags("nZcv");
        t("lsrs r0, r1").r(0, N).r(1, 1).in("nzCv").is(0, 0x40000000).flags("nzcv");
        t("lsrs r0, r1").r(0, -1).r(1, 31).is(0, 1).flags("nzCv");
        t("lsrs r0, r1").r(0, -1).r(1, 255).in("nzCv").is(0, 0).flags("nZcv");
        t("asrs r0, r1").r(0, N).r(1, 33).is(0, -1).flags("NzCv").named("ASR_reg_T1");
        t("asrs r0, r1").r(0, N).r(1, 255).is(0, -1).flags("NzCv");
        t("asrs r0, r1").r(0, 0x40000000).r(1, 32).in("nzCv").is(0, 0).flags("nZcv");
        t("asrs r0, r1").r(0, N).r(1, 0).in("nzCv").is(0, N).flags("NzCv");
        t("asrs r0, r1").r(0, N).r(1, 31).is(0, -1).flags("Nzcv");
        t("asrs r0, r1").r(0, N).r(1, 1).is(0, 0xC0000000).flags("Nzcv");
        t("rors r0, r1").r(0, 0x80000001).r(1, 1).is(0, 0xC0000000).flags("NzCv").named("ROR_reg_T1");
        t("rors r0, r1").r(0, 0x80000001).r(1, 32).is(0, 0x80000001).flags("NzCv");
        t("rors r0, r1").r(0, 0x80000001).r(1, 33).is(0, 0xC0000000).flags("NzCv");
        t("rors r0, r1").r(0, 0x80000001).r(1, 0).in("nzcV").is(0, 0x80000001).flags("NzcV");
        t("rors r0, r1").r(0, 0x80000001).r(1, 0x100).in("nzCv").is(0, 0x80000001).flags("NzCv");
        t("rors r0, r1").r(0, 0x80000001).r(1, 31).in("nzCv").is(0, 3).flags("nzcv");
        t("rors r0, r1").r(0, 0x80000001).r(1, 255).in("nzCv").is(0, 3).flags("nzcv");
        t("rors r0, r1").r(0, 0x7FFFFFFF).r(1, 64).in("nzCv").is(0, 0x7FFFFFFF).flags("nzcv");
        t("rors r0, r1").r(0, 0).r(1, 5).in("NzCv").is(0, 0).flags("nZcv");
        t("lsls r2, r2").r(2, 4).is(2, 64).flags("nzcv");
        check();
    }

    @Test
    void highRegisters() {
        t("add r0, r8").r(0, 1).r(8, 2).in("NZCV").is(0, 3).named("ADD_reg_T2");
        t("add r8, r0").r(0, 1).r(8, -1).is(8, 0);
        t("add r0, pc").r(0, 0x100).is(0, 0x104);
        t("nop; add r0, pc").r(0, 0x100).is(0, 0x106);
        t("add sp, r1").r(1, 8).is(13, SP0 + 8).named("ADD_SP_reg_T2");
        t("add sp, r3").r(3, 6).is(13, SP0 + 4);
        t("add r1, sp, r1").r(1, 12).is(1, SP0 + 12).named("ADD_SP_reg_T1");
        t("add r12, sp").r(12, -16).is(12, SP0 - 16);
        t("add pc, r1").r(1, 0x20).pc(0x24);
        t("add pc, r1").r(1, 0x21).pc(0x24);
        t("mov pc, r2").r(2, 0x101).pc(0x100).named("MOV_reg_T1");
        t("mov r8, r1").r(1, 77).in("NzCv").is(8, 77);
        t("mov r0, r1").r(1, 0).in("NzCv").is(0, 0);
        t("mov r1, sp").is(1, SP0);
        t("mov r1, pc").is(1, 4);
        t("mov sp, r2").r(2, 0x20001003).is(13, 0x20001000);
        t("mov lr, r12").r(12, 5).is(14, 5);
        t("cmp r8, r1").r(8, 5).r(1, 5).flags("nZCv").named("CMP_reg_T2");
        t("cmp r1, r8").r(8, 6).r(1, 5).flags("Nzcv");
        t("cmp sp, r9").r(9, SP0 + 1).flags("Nzcv");
        t(".hword 0x4501").undef(); // CMP T2 with two low registers
        t(".hword 0x44ff").undef(); // ADD PC, PC
        t(".hword 0x45f8").undef(); // CMP r8, pc
        t(".hword 0x4587").undef(); // CMP pc, r0
        check();
    }

    @Test
    void addressesAndStack() {
        t("add r0, pc, #8").is(0, 12).named("ADR_T1");
        t("nop; add r0, pc, #8").is(0, 12);
        t("nop; nop; add r0, pc, #1020").is(0, 8 + 1020);
        t("add r2, sp, #1020").is(2, SP0 + 1020).named("ADD_SP_imm_T1");
        t("add sp, #508").in("NZCV").is(13, SP0 + 508).named("ADD_SP_imm_T2");
        t("sub sp, #4").is(13, SP0 - 4).named("SUB_SP_imm_T1");
        t("sub sp, #508").is(13, SP0 - 508);
        check();
    }

    @Test
    void extendsAndReverses() {
        t("sxth r0, r1").r(1, 0x12348765).is(0, 0xFFFF8765).named("SXTH_T1");
        t("sxth r0, r1").r(1, 0x87654321).is(0, 0x4321);
        t("sxtb r0, r1").r(1, 0x12345680).is(0, 0xFFFFFF80).named("SXTB_T1");
        t("sxtb r0, r1").r(1, 0x8765437F).is(0, 0x7F);
        t("uxth r0, r1").r(1, 0x12348765).is(0, 0x8765).named("UXTH_T1");
        t("uxtb r0, r1").r(1, 0x12345680).in("NZCV").is(0, 0x80).named("UXTB_T1");
        t("rev r0, r1").r(1, 0x12345678).is(0, 0x78563412).named("REV_T1");
        t("rev16 r0, r1").r(1, 0x12345678).is(0, 0x34127856).named("REV16_T1");
        t("revsh r0, r1").r(1, 0x12345680).is(0, 0xFFFF8056).named("REVSH_T1");
        t("revsh r0, r1").r(1, 0x12348012).is(0, 0x1280);
        check();
    }

    @Test
    void itBlocksSuppressFlagUpdates() {
        t("it eq; addeq r0, r1, r2").r(1, 0x7FFFFFFF).r(2, 1).in("nZcv").is(0, N);
        t("it ne; addne r0, r1, r2").r(1, 0x7FFFFFFF).r(2, 1).in("nZcv");
        t("itt eq; moveq r0, #0; lsleq r1, r2, #1").r(2, N).in("nZcv").is(0, 0).is(1, 0);
        t("it eq; cmpeq r0, r1").r(0, 1).r(1, 2).in("nZcv").flags("Nzcv");
        t("it eq; cmneq r0, r1").r(0, -1).r(1, 1).in("nZcv").flags("nZCv");
        t("it eq; tsteq r0, r1").r(0, 1).r(1, 2).in("nZcV").flags("nZcV");
        t("ite eq; moveq r0, #1; movne r0, #2").in("nZcv").is(0, 1);
        t("ite eq; moveq r0, #1; movne r0, #2").in("nzcv").is(0, 2);
        t("it eq; moveq r0, #1; movs r1, #0").in("nzcv").is(1, 0).flags("nZcv");
        t("it eq; moveq r0, #1; movs r1, #0").in("nZcv").is(0, 1).is(1, 0).flags("nZcv");
        t("it eq; negeq r0, r1").r(1, 1).in("nZcv").is(0, -1);
        t("it eq; lsleq r0, r1").r(0, 1).r(1, 32).in("nZcv").is(0, 0);
        t("it eq; andeq r0, r1").r(0, 6).r(1, 3).in("nZcv").is(0, 2);
        // the flag-setting encodings themselves, run with ITSTATE = AL, single instruction
        t("adds r0, r1, r2").r(1, -1).r(2, 1).it(0xE8).is(0, 0);
        t("lsls r0, r1, #1").r(1, N).it(0xE8).is(0, 0);
        t("lsls r0, r1, #0").r(1, 0).it(0xE8).is(0, 0);
        t("movs r0, #0").it(0xE8).is(0, 0);
        t("subs r7, #1").r(7, 0).it(0xE8).is(7, -1);
        t("rsbs r0, r1, #0").r(1, 0).it(0xE8).is(0, 0);
        t("cmp r0, #3").r(0, 3).it(0xE8).flags("nZCv");
        t("mvns r0, r1").r(1, 0).it(0xE8).is(0, -1);
        t("adcs r0, r1").r(0, -1).r(1, 0).in("nzCv").it(0xE8).is(0, 0);
        // 32-bit S forms set flags inside IT blocks too
        t("it eq; addseq.w r0, r1, r2").r(1, -1).r(2, 1).in("nZcv").is(0, 0).flags("nZCv");
        t("add.w r0, r1, r2").r(1, -1).r(2, 1).it(0xE8).is(0, 0);
        t("adds.w r0, r1, r2").r(1, -1).r(2, 1).it(0xE8).is(0, 0).flags("nZCv");
        check();
    }
}
