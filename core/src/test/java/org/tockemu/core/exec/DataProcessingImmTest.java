package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** 32-bit data processing (modified immediate) and (plain binary immediate). */
class DataProcessingImmTest extends DataProcessingBaseTest {
    static final int N = 0x80000000;

    @Test
    void thumbExpandImm() {
        // i:imm3:imm8 patterns 00..11 and rotations; carry -1 = unchanged
        assertEquals(0xAB, Alu.thumbExpandImm(0x0AB));
        assertEquals(-1, Alu.thumbExpandImmCarry(0x0AB));
        assertEquals(0x00AB00AB, Alu.thumbExpandImm(0x1AB));
        assertEquals(0xAB00AB00, Alu.thumbExpandImm(0x2AB));
        assertEquals(0xABABABAB, Alu.thumbExpandImm(0x3AB));
        assertEquals(-1, Alu.thumbExpandImmCarry(0x3AB));
        assertEquals(0x80000000, Alu.thumbExpandImm(0x400)); // 0x80 ror 8
        assertEquals(1, Alu.thumbExpandImmCarry(0x400));
        assertEquals(0xFF000000, Alu.thumbExpandImm(0x47F)); // 0xFF ror 8
        assertEquals(0x000003FC, Alu.thumbExpandImm(0xF7F)); // 0xFF ror 30
        assertEquals(0, Alu.thumbExpandImmCarry(0xF7F));
        assertEquals(0x00008000, Alu.thumbExpandImm(0xC00)); // 0x80 ror 24
        assertEquals(0x40000000, Alu.thumbExpandImm(0x480)); // 0x80 ror 9
        assertEquals(false, Alu.thumbImmValid(0x100));
        assertEquals(false, Alu.thumbImmValid(0x300));
        assertEquals(true, Alu.thumbImmValid(0x000));
        assertEquals(true, Alu.thumbImmValid(0x400));
    }

    @Test
    void logicalModifiedImmediate() {
        t("and r0, r1, #0xFF").r(1, 0x1234).in("NZCV").is(0, 0x34).named("AND_imm_T1");
        t("ands r0, r1, #0x80000000").r(1, 0x80000001).is(0, N).flags("NzCv");
        t("ands r0, r1, #0xFF").r(1, 0x100).in("nzCv").is(0, 0).flags("nZCv");
        t("ands r0, r1, #0x3FC").r(1, 0x3FC).in("nzCv").is(0, 0x3FC).flags("nzcv");
        t("ands r0, r1, #0x00FF00FF").r(1, -1).in("NzCV").is(0, 0x00FF00FF).flags("nzCV");
        t("tst r0, #0x80000000").r(0, 0).flags("nZCv").named("TST_imm_T1");
        t("tst r0, #0x00FF00FF").r(0, 0x100).in("NzcV").flags("nZcV");
        t("bics r0, r1, #0xFF00FF00").r(1, -1).in("NZCv").is(0, 0x00FF00FF).flags("nzCv").named("BIC_imm_T1");
        t("bic r0, r1, #0xF").r(1, 0xFF).is(0, 0xF0);
        t("orr r0, r1, #0xABABABAB").r(1, 0).is(0, 0xABABABAB).named("ORR_imm_T1");
        t("orrs r0, r1, #0x01000000").r(1, 0).in("nZCv").is(0, 0x01000000).flags("nzcv");
        t("mov.w r0, #0x12000000").in("NZCV").is(0, 0x12000000).named("MOV_imm_T2");
        t("movs.w r0, #0xF0000000").is(0, 0xF0000000).flags("NzCv");
        t("movs.w r0, #0").in("NzCV").is(0, 0).flags("nZCV");
        t("mvn r0, #0").is(0, -1).named("MVN_imm_T1");
        t("mvns r0, #0xFF").in("nzCv").is(0, 0xFFFFFF00).flags("NzCv");
        t("mvns r0, #0x80000000").is(0, 0x7FFFFFFF).flags("nzCv");
        t("orn r0, r1, #0xFF").r(1, 0x12).is(0, 0xFFFFFF12).named("ORN_imm_T1");
        t("orns r0, r1, #0x80000000").r(1, 0).is(0, 0x7FFFFFFF).flags("nzCv");
        t("eors r0, r1, #0x40000000").r(1, 0).in("nzCv").is(0, 0x40000000).flags("nzcv").named("EOR_imm_T1");
        t("eor r0, r1, #0x55").r(1, 0xFF).is(0, 0xAA);
        t("teq r0, #0x80000000").r(0, N).flags("nZCv").named("TEQ_imm_T1");
        t("teq r0, #0xFF").r(0, N).in("nzCV").flags("NzCV");
        check();
    }

    @Test
    void arithmeticModifiedImmediate() {
        t("adds.w r0, r1, #0x80000000").r(1, N).is(0, 0).flags("nZCV").named("ADD_imm_T3");
        t("add.w r0, r1, #0x10000").r(1, 1).in("NZCV").is(0, 0x10001);
        t("cmn.w r0, #1").r(0, -1).flags("nZCv").named("CMN_imm_T1");
        t("cmn.w r0, #0x80000000").r(0, N).flags("nZCV");
        t("adcs r0, r1, #1").r(1, -2).in("nzCv").is(0, 0).flags("nZCv").named("ADC_imm_T1");
        t("adc r0, r1, #0x100").r(1, 1).in("nzCv").is(0, 0x102);
        t("sbcs r0, r1, #1").r(1, 0).in("nzcv").is(0, -2).flags("Nzcv").named("SBC_imm_T1");
        t("sbcs r0, r1, #1").r(1, 2).in("nzCv").is(0, 1).flags("nzCv");
        t("subs.w r0, r1, #0x10000").r(1, 0x10000).is(0, 0).flags("nZCv").named("SUB_imm_T3");
        t("subs.w r0, r1, #1").r(1, N).is(0, 0x7FFFFFFF).flags("nzCV");
        t("cmp.w r0, #0x100").r(0, 0xFF).flags("Nzcv").named("CMP_imm_T2");
        t("cmp.w r0, #0xFF000000").r(0, 0xFF000000).flags("nZCv");
        t("rsbs r0, r1, #0x100").r(1, 0x101).is(0, -1).flags("Nzcv").named("RSB_imm_T2");
        t("rsb.w r0, r1, #0").r(1, 5).is(0, -5);
        t("add.w sp, sp, #0x100").is(13, SP0 + 0x100).named("ADD_SP_imm_T3");
        t("sub.w sp, sp, #0x100").is(13, SP0 - 0x100).named("SUB_SP_imm_T2");
        t("adds.w r0, sp, #4").in("NZCV").is(0, SP0 + 4).flags("nzcv");
        t("subs.w r0, sp, #4").is(0, SP0 - 4).flags("nzCv");
        t("cmp.w sp, #0x10").flags("nzCv");
        t("add.w r8, r9, #0xFF00").r(9, 0x100).is(8, 0x10000);
        check();
    }

    @Test
    void modifiedImmediateUnpredictable() {
        t(".inst.w 0xf0010d01").undef(); // AND sp, r1, #1
        t(".inst.w 0xf0010f01").undef(); // AND pc, r1, #1 (S=0)
        t(".inst.w 0xf01d0f01").undef(); // TST sp, #1
        t(".inst.w 0xf04f1000").undef(); // MOV r0, #(00000000:00:00000000:00): zero replicated imm8
        t(".inst.w 0xf04f2000").undef();
        t(".inst.w 0xf04f3000").undef();
        t(".inst.w 0xf04f0000").is(0, 0); // MOV r0, #0 (pattern 00) is fine
        t(".inst.w 0xf10f0001").undef(); // ADD r0, pc, #1
        t(".inst.w 0xf1010d01").undef(); // ADD sp, r1, #1
        t(".inst.w 0xf10d0f01").undef(); // ADD pc, sp, #1 (S=0)
        t(".inst.w 0xf11d0f01").flags("nzcv"); // CMN sp, #1
        t(".inst.w 0xf04d0001").undef(); // ORR r0, sp, #1
        t(".inst.w 0xf0a10001").undef(); // op 0101: unallocated
        t(".inst.w 0xf0c10001").undef(); // op 0110
        t(".inst.w 0xf0e10001").undef(); // op 0111
        t(".inst.w 0xf1210001").undef(); // op 1001
        t(".inst.w 0xf1810001").undef(); // op 1100
        t(".inst.w 0xf1e10001").undef(); // op 1111
        t(".inst.w 0xf1af0001").undef(); // SUB r0, pc, #1 (modified immediate)
        t(".inst.w 0xf1bf0f01").undef(); // CMP pc, #1
        t(".inst.w 0xf1c10d01").undef(); // RSB sp, r1, #1
        check();
    }

    @Test
    void plainBinaryImmediate() {
        t("addw r0, r1, #0xFFF").r(1, 1).in("NZCV").is(0, 0x1000).named("ADD_imm_T4");
        t("subw r0, r1, #1").r(1, 0).is(0, -1).named("SUB_imm_T4");
        t("addw r0, sp, #4").is(0, SP0 + 4).named("ADD_SP_imm_T4");
        t("subw sp, sp, #8").is(13, SP0 - 8).named("SUB_SP_imm_T3");
        t("addw sp, sp, #6").is(13, SP0 + 4);
        t("addw r0, pc, #4").is(0, 8).named("ADR_T3");
        t("nop; addw r0, pc, #4").is(0, 8);
        t("subw r0, pc, #4").is(0, 0).named("ADR_T2");
        t("nop; subw r0, pc, #1").is(0, 3);
        t("movw r0, #0xFFFF").is(0, 0xFFFF).named("MOV_imm_T3");
        t("movw r0, #0x8000").in("NZCV").is(0, 0x8000);
        t("movt r0, #0x1234").r(0, 0xCAFE5678).is(0, 0x12345678).named("MOVT_T1");
        t("movt r0, #0").r(0, -1).is(0, 0xFFFF);
        t("sbfx r0, r1, #4, #8").r(1, 0xF80).is(0, 0xFFFFFFF8).named("SBFX_T1");
        t("sbfx r0, r1, #4, #8").r(1, 0x780).is(0, 0x78);
        t("sbfx r0, r1, #31, #1").r(1, N).is(0, -1);
        t("sbfx r0, r1, #0, #32").r(1, 0x87654321).is(0, 0x87654321);
        t("ubfx r0, r1, #4, #8").r(1, 0xF80).in("NZCV").is(0, 0xF8).named("UBFX_T1");
        t("ubfx r0, r1, #31, #1").r(1, N).is(0, 1);
        t("ubfx r0, r1, #0, #32").r(1, 0x87654321).is(0, 0x87654321);
        t("ubfx r0, r1, #0, #1").r(1, 3).is(0, 1);
        t("bfi r0, r1, #8, #4").r(0, -1).r(1, 0x5).is(0, 0xFFFFF5FF).named("BFI_T1");
        t("bfi r0, r1, #0, #32").r(0, -1).r(1, 0x12345678).is(0, 0x12345678);
        t("bfi r0, r1, #31, #1").r(0, 0).r(1, 0xFF).is(0, N);
        t("bfc r0, #4, #8").r(0, -1).is(0, 0xFFFFF00F).named("BFC_T1");
        t("bfc r0, #31, #1").r(0, -1).is(0, 0x7FFFFFFF);
        t("bfc r0, #0, #32").r(0, -1).is(0, 0);
        check();
    }

    @Test
    void plainImmediateUnpredictable() {
        t(".inst.w 0xf3417083").undef(); // SBFX r0, r1, #30, #4: lsb + width > 32
        t(".inst.w 0xf3c17083").undef(); // UBFX likewise
        t(".inst.w 0xf3612004").undef(); // BFI r0, r1, lsb 8, msb 4
        t(".inst.w 0xf36f2004").undef(); // BFC r0, lsb 8, msb 4
        t(".inst.w 0xf36d0004").undef(); // BFI r0, sp, ...
        t(".inst.w 0xf3410d03").undef(); // SBFX sp, r1, ...
        t(".inst.w 0xf34f0003").undef(); // SBFX r0, pc, ...
        t(".inst.w 0xf3410023").undef(); // SBFX with hw2 bit 5 set
        t(".inst.w 0xf2400d01").undef(); // MOVW sp, #1
        t(".inst.w 0xf2c00f01").undef(); // MOVT pc, #1
        t(".inst.w 0xf2010d01").undef(); // ADDW sp, r1, #1
        t(".inst.w 0xf20d0f01").undef(); // ADDW pc, sp, #1
        t(".inst.w 0xf20f0d01").undef(); // ADR sp, #1
        t(".inst.w 0xf2ad0f01").undef(); // SUBW pc, sp, #1
        check();
    }
}
