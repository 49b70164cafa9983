package org.tockemu.core.exec;

import org.junit.jupiter.api.Test;

/** 32-bit data processing (shifted register), register-controlled shifts, extends, CLZ/RBIT/REV*. */
class DataProcessingRegTest extends DataProcessingBaseTest {
    static final int N = 0x80000000;

    @Test
    void logicalShiftedRegister() {
        t("and.w r0, r1, r2, lsl #4").r(1, -1).r(2, 0x0F).in("NZCV").is(0, 0xF0).named("AND_reg_T2");
        t("ands.w r0, r1, r2, lsr #32").r(1, -1).r(2, N).is(0, 0).flags("nZCv");
        t("ands.w r0, r1, r2, asr #32").r(1, -1).r(2, N).is(0, -1).flags("NzCv");
        t("ands.w r0, r1, r2, ror #4").r(1, -1).r(2, 0xF).is(0, 0xF0000000).flags("NzCv");
        t("ands.w r0, r1, r2, rrx").r(1, -1).r(2, 1).in("nzcv").is(0, 0).flags("nZCv");
        t("ands.w r0, r1, r2, rrx").r(1, -1).r(2, 0).in("nzCv").is(0, N).flags("Nzcv");
        t("ands.w r0, r1, r2").r(1, -1).r(2, 0).in("nzCV").is(0, 0).flags("nZCV");
        t("ands.w r0, r1, r2, lsl #1").r(1, -1).r(2, 0x7FFFFFFF).in("nzCv").is(0, -2).flags("Nzcv");
        t("tst.w r0, r1, lsl #31").r(0, -1).r(1, 1).flags("Nzcv").named("TST_reg_T2");
        t("tst.w r0, r1, lsl #31").r(0, -1).r(1, 3).flags("NzCv");
        t("bics.w r0, r1, r2, lsr #1").r(1, -1).r(2, 3).is(0, 0xFFFFFFFE).flags("NzCv").named("BIC_reg_T2");
        t("orr.w r0, r1, r2, asr #31").r(1, 5).r(2, N).is(0, -1).named("ORR_reg_T2");
        t("orrs.w r0, r1, r2, asr #31").r(1, 5).r(2, 0x40000000).in("nzcv").is(0, 5).flags("nzCv");
        t("orn r0, r1, r2, lsl #8").r(1, 0).r(2, 0xFF).is(0, 0xFFFF00FF).named("ORN_reg_T1");
        t("orns r0, r1, r2").r(1, 0).r(2, -1).is(0, 0).flags("nZcv");
        t("eor.w r0, r1, r2, ror #16").r(1, 0xFFFF).r(2, 0xFFFF).is(0, -1).named("EOR_reg_T2");
        t("eors.w r0, r1, r2, lsr #1").r(1, 1).r(2, 3).is(0, 0).flags("nZCv");
        t("teq.w r0, r1, lsl #1").r(0, 2).r(1, 1).flags("nZcv").named("TEQ_reg_T1");
        t("teq.w r0, r1, lsl #1").r(0, 0).r(1, N).in("NzcV").flags("nZCV");
        t("mvn.w r0, r1, lsl #1").r(1, 1).is(0, 0xFFFFFFFD).named("MVN_reg_T2");
        t("mvns.w r0, r1, lsr #32").r(1, N).is(0, -1).flags("NzCv");
        check();
    }

    @Test
    void movesAndImmediateShifts() {
        t("mov.w r0, r1").r(1, 0).in("NzCv").is(0, 0).named("MOV_reg_T3");
        t("movs.w r0, r1").r(1, 0).in("NzCV").is(0, 0).flags("nZCV");
        t("mov.w sp, r1").r(1, 0x20001002).is(13, 0x20001000);
        t("mov.w r1, sp").is(1, SP0);
        t("lsl.w r0, r1, #1").r(1, 3).is(0, 6).named("LSL_imm_T2");
        t("lsls.w r0, r1, #31").r(1, 3).is(0, N).flags("NzCv");
        t("lsrs.w r0, r1, #32").r(1, N).is(0, 0).flags("nZCv").named("LSR_imm_T2");
        t("lsrs.w r0, r1, #1").r(1, 1).is(0, 0).flags("nZCv");
        t("asrs.w r0, r1, #32").r(1, N).is(0, -1).flags("NzCv").named("ASR_imm_T2");
        t("asrs.w r0, r1, #31").r(1, 0x40000000).is(0, 0).flags("nZCv");
        t("rors.w r0, r1, #1").r(1, 1).is(0, N).flags("NzCv").named("ROR_imm_T1");
        t("ror.w r0, r1, #8").r(1, 0x12345678).is(0, 0x78123456);
        t("rors.w r0, r1, #31").r(1, N).in("nzCv").is(0, 1).flags("nzcv");
        t("rrxs r0, r1").r(1, 1).in("nzCv").is(0, N).flags("NzCv").named("RRX_T1");
        t("rrxs r0, r1").r(1, 2).in("nzCv").is(0, 0x80000001).flags("Nzcv");
        t("rrx r0, r1").r(1, 3).in("nzcv").is(0, 1);
        check();
    }

    @Test
    void arithmeticShiftedRegister() {
        t("add.w r0, r1, r2, lsl #2").r(1, 1).r(2, 4).in("NZCV").is(0, 17).named("ADD_reg_T3");
        t("adds.w r0, r1, r2, asr #1").r(1, 1).r(2, -2).is(0, 0).flags("nZCv");
        t("adds.w r0, r1, r2, rrx").r(1, 0).r(2, 0).in("nzCv").is(0, N).flags("Nzcv");
        t("adds.w r0, r1, r2, lsl #31").r(1, N).r(2, 1).is(0, 0).flags("nZCV");
        t("adc.w r0, r1, r2, lsl #1").r(1, 1).r(2, 1).in("nzCv").is(0, 4).named("ADC_reg_T2");
        t("adcs.w r0, r1, r2, rrx").r(1, 0).r(2, 1).in("nzCv").is(0, 0x80000001).flags("Nzcv");
        t("adcs.w r0, r1, r2").r(1, 0x7FFFFFFF).r(2, 0).in("nzCv").is(0, N).flags("NzcV");
        t("sbcs.w r0, r1, r2, lsl #1").r(1, 4).r(2, 2).in("nzcv").is(0, -1).flags("Nzcv").named("SBC_reg_T2");
        t("sbcs.w r0, r1, r2, lsl #1").r(1, 4).r(2, 2).in("nzCv").is(0, 0).flags("nZCv");
        t("sub.w r0, r1, r2, lsr #1").r(1, 10).r(2, 4).is(0, 8).named("SUB_reg_T2");
        t("subs.w r0, r1, r2, lsr #32").r(1, 10).r(2, N).is(0, 10).flags("nzCv");
        t("subs.w r0, r1, r2").r(1, N).r(2, 1).is(0, 0x7FFFFFFF).flags("nzCV");
        t("rsb r0, r1, r2, lsl #1").r(1, 1).r(2, 1).is(0, 1).named("RSB_reg_T1");
        t("rsbs r0, r1, r2, lsl #1").r(1, 3).r(2, 1).is(0, -1).flags("Nzcv");
        t("cmp.w r0, r1, lsl #1").r(0, 2).r(1, 1).flags("nZCv").named("CMP_reg_T3");
        t("cmp.w r0, r1, asr #1").r(0, 0).r(1, 4).flags("Nzcv");
        t("cmn.w r0, r1").r(0, -1).r(1, 1).flags("nZCv").named("CMN_reg_T2");
        t("cmn.w r0, r1, lsl #1").r(0, 0).r(1, 0x40000000).flags("Nzcv");
        t("cmp.w sp, r1").r(1, SP0).flags("nZCv");
        t("add.w sp, sp, r1, lsl #2").r(1, 4).is(13, SP0 + 16).named("ADD_SP_reg_T3");
        t(".inst.w 0xeb0d0dc1").r(1, 4).is(13, SP0 + 32); // add.w sp, sp, r1, lsl #3
        t("add.w r0, sp, r1, ror #4").r(1, 0x10).is(0, SP0 + 1);
        t("adds.w r0, sp, r1").r(1, -SP0).is(0, 0).flags("nZCv");
        t("sub.w sp, sp, r1").r(1, 8).is(13, SP0 - 8).named("SUB_SP_reg_T1");
        t("sub.w r0, sp, r1, lsl #1").r(1, 8).is(0, SP0 - 16);
        check();
    }

    @Test
    void shiftedRegisterUnpredictable() {
        t(".inst.w 0xea01000d").undef(); // AND r0, r1, sp
        t(".inst.w 0xea010d02").undef(); // AND sp, r1, r2
        t(".inst.w 0xea0f0002").undef(); // AND r0, pc, r2
        t(".inst.w 0xea4f8001").undef(); // MOV.W with hw2 bit 15 set
        t(".inst.w 0xea4f0d0d").undef(); // MOV.W sp, sp
        t(".inst.w 0xea4f0f01").undef(); // MOV.W pc, r1
        t(".inst.w 0xea4f000f").undef(); // MOV.W r0, pc
        t(".inst.w 0xea5f000d").undef(); // MOVS.W r0, sp
        t(".inst.w 0xea5f0d01").undef(); // MOVS.W sp, r1
        t(".inst.w 0xea4f0d41").undef(); // LSL.W sp, r1, #1
        t(".inst.w 0xea4f004d").undef(); // LSL.W r0, sp, #1
        t(".inst.w 0xea4d0001").undef(); // ORR r0, sp, r1
        t(".inst.w 0xeb0d0d11").undef(); // ADD sp, sp, r1, lsr #32
        t(".inst.w 0xeb0d1d01").undef(); // ADD sp, sp, r1, lsl #4
        t(".inst.w 0xeb0d0f01").undef(); // ADD pc, sp, r1
        t(".inst.w 0xeb0f0001").undef(); // ADD r0, pc, r1
        t(".inst.w 0xeb01000d").undef(); // ADD r0, r1, sp
        t(".inst.w 0xeb1f0f01").undef(); // CMN pc, r1
        t(".inst.w 0xebbd0f0f").undef(); // CMP sp, pc
        t(".inst.w 0xebcd0001").undef(); // RSB r0, sp, r1
        check();
    }

    @Test
    void registerControlledShifts() {
        t("lsl.w r0, r1, r2").r(1, 1).r(2, 32).in("NZCV").is(0, 0).named("LSL_reg_T2");
        t("lsls.w r0, r1, r2").r(1, 1).r(2, 32).is(0, 0).flags("nZCv");
        t("lsls.w r0, r1, r2").r(1, 1).r(2, 0x120).is(0, 0).flags("nZCv");
        t("lsls.w r0, r1, r2").r(1, 1).r(2, 33).in("nzCv").is(0, 0).flags("nZcv");
        t("lsls.w r0, r1, r2").r(1, 1).r(2, 0x100).in("nzCv").is(0, 1).flags("nzCv");
        t("lsrs.w r0, r1, r2").r(1, N).r(2, 31).is(0, 1).flags("nzcv").named("LSR_reg_T2");
        t("lsrs.w r0, r1, r2").r(1, N).r(2, 255).in("nzCv").is(0, 0).flags("nZcv");
        t("asrs.w r0, r1, r2").r(1, N).r(2, 200).is(0, -1).flags("NzCv").named("ASR_reg_T2");
        t("asr.w r0, r1, r2").r(1, N).r(2, 4).is(0, 0xF8000000);
        t("rors.w r0, r1, r2").r(1, 0x80000001).r(2, 0).in("nzcv").is(0, 0x80000001).flags("Nzcv").named("ROR_reg_T2");
        t("rors.w r0, r1, r2").r(1, 0x80000001).r(2, 32).in("nzcv").is(0, 0x80000001).flags("NzCv");
        t("rors.w r0, r1, r2").r(1, 0x80000001).r(2, 4).is(0, 0x18000000).flags("nzcv");
        t("it eq; lslseq.w r0, r1, r2").r(1, 1).r(2, 1).in("nZcv").is(0, 2).flags("nzcv");
        t(".inst.w 0xfa0df001").undef(); // LSL.W r0, sp, r1
        t(".inst.w 0xfa01f00f").undef(); // LSL.W r0, r1, pc
        t(".inst.w 0xfa01fd02").undef(); // LSL.W sp, r1, r2
        t(".inst.w 0xfa01f012").undef(); // hw2[7:4] != 0000: not a shift
        check();
    }

    @Test
    void extendsWithRotation() {
        t("sxth.w r0, r1").r(1, 0x12348765).is(0, 0xFFFF8765).named("SXTH_T2");
        t("sxth.w r0, r1, ror #8").r(1, 0x12345678).is(0, 0x3456);
        t("sxth.w r0, r1, ror #16").r(1, 0x80001234).is(0, 0xFFFF8000);
        t("sxth.w r0, r1, ror #24").r(1, 0x12340080).is(0, 0xFFFF8012);
        t("sxtb.w r0, r1, ror #16").r(1, 0x00800000).is(0, 0xFFFFFF80).named("SXTB_T2");
        t("sxtb.w r0, r1, ror #24").r(1, 0x7F000000).is(0, 0x7F);
        t("uxth.w r0, r1, ror #8").r(1, 0x12345678).in("NZCV").is(0, 0x3456).named("UXTH_T2");
        t("uxth.w r0, r1, ror #24").r(1, 0x12340080).is(0, 0x8012);
        t("uxtb.w r0, r1, ror #8").r(1, 0x12345678).is(0, 0x56).named("UXTB_T2");
        t("uxtb.w r0, r1").r(1, 0xFFFFFF80).is(0, 0x80);
        t("sxtah r0, r1, r2").r(1, 1).r(2, 0xFFFF).is(0, 0).named("SXTAH_T1");
        t("sxtah r0, r1, r2, ror #16").r(1, 0x10000).r(2, 0x80000000).is(0, 0x10000 - 0x8000);
        t("sxtab r0, r1, r2, ror #8").r(1, 0x100).r(2, 0x0000FF00).is(0, 0xFF).named("SXTAB_T1");
        t("uxtah r0, r1, r2, ror #24").r(1, -1).r(2, 0x01000000).is(0, 0).named("UXTAH_T1");
        t("uxtah r0, r1, r2").r(1, -1).r(2, 0xFFFFFFFF).is(0, 0xFFFE);
        t("uxtab r0, r1, r2").r(1, 0x100).r(2, 0x1FF).is(0, 0x1FF).named("UXTAB_T1");
        t("uxtab r0, r1, r2, ror #24").r(1, 1).r(2, 0xAB000000).is(0, 0xAC);
        t(".inst.w 0xfa0df081").undef(); // SXTAH r0, sp, r1
        t(".inst.w 0xfa0ff08d").undef(); // SXTH r0, sp
        t(".inst.w 0xfa0ffd81").undef(); // SXTH sp, r1
        t(".inst.w 0xfa0ff0c1").undef(); // hw2 bit 6 set
        check();
    }

    @Test
    void miscellaneous() {
        t("clz r0, r1").r(1, 0).in("NZCV").is(0, 32).named("CLZ_T1");
        t("clz r0, r1").r(1, 1).is(0, 31);
        t("clz r0, r1").r(1, N).is(0, 0);
        t("clz r0, r1").r(1, 0x0000F000).is(0, 16);
        t("rbit r0, r1").r(1, 1).is(0, N).named("RBIT_T1");
        t("rbit r0, r1").r(1, 0x12345678).is(0, 0x1E6A2C48);
        t("rev.w r0, r1").r(1, 0x12345678).is(0, 0x78563412).named("REV_T2");
        t("rev16.w r0, r1").r(1, 0x12345678).is(0, 0x34127856).named("REV16_T2");
        t("revsh.w r0, r1").r(1, 0x12345680).is(0, 0xFFFF8056).named("REVSH_T2");
        t("revsh.w r0, r1").r(1, 0xFFFF0012).is(0, 0x1200);
        t(".inst.w 0xfab2f081").undef(); // CLZ r0 with Rm copies r2/r1
        t(".inst.w 0xfa92f081").undef(); // REV r0 with Rm copies r2/r1
        t(".inst.w 0xfabdf08d").undef(); // CLZ r0, sp
        t(".inst.w 0xfab1fd81").undef(); // CLZ sp, r1
        check();
    }
}
