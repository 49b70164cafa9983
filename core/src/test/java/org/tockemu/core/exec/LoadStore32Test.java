package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** 32-bit single-register loads and stores, LDR PC, memory hints (ARM ARM A5.3.7-A5.3.10). */
class LoadStore32Test {
    static final int RAM = TestMachine.RAM;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    static TestMachine m(String src) { return new TestMachine().asm(src); }

    static int mem32(TestMachine m, int addr) { return m.bus.read(addr, 4); }

    static void assertFault(TestMachine m, int exception, int status) {
        assertThrows(GuestFault.class, m::run);
        assertEquals(exception, m.cpu.faultException, "exception");
        assertEquals(status, m.cpu.faultStatus, "status");
    }

    static void undefined(int hw1, int hw2) {
        assertTrue(Decoder.decode(hw1, hw2).isUndefined(), Decoder.decode(hw1, hw2).toString());
    }

    @Test
    void imm12AllKinds() {
        TestMachine m = m("str.w r0, [r1, #4088]\n strh.w r0, [r1, #4000]\n strb.w r0, [r1, #4095]\n"
                + "ldr.w r2, [r1, #4088]\n ldrh.w r3, [r1, #4000]\n ldrb.w r4, [r1, #4095]\n"
                + "ldrsh.w r5, [r1, #4000]\n ldrsb.w r6, [r1, #4095]\n ldr.w r13, [r1, #4088]");
        m.cpu.r[0] = 0x89ABCDEF;
        m.cpu.r[1] = RAM;
        m.run();
        assertEquals(0x89ABCDEF, mem32(m, RAM + 4088));
        assertEquals(0xCDEF, m.bus.read(RAM + 4000, 2));
        assertEquals(0xEF, m.bus.read(RAM + 4095, 1));
        assertEquals(0x89ABCDEF, m.reg(2));
        assertEquals(0xCDEF, m.reg(3));
        assertEquals(0xEF, m.reg(4));
        assertEquals(0xFFFFCDEF, m.reg(5));
        assertEquals(0xFFFFFFEF, m.reg(6));
        assertEquals(0x89ABCDEC, m.reg(13), "LDR to SP is allowed; SP[1:0] are RAZ/WI");
        assertEquals(3 + 6 * 2, m.cpu.cycles);
    }

    @Test
    void imm8NegativeOffset() {
        TestMachine m = m("str r0, [r1, #-255]\n strb r0, [r1, #-1]\n ldr r2, [r1, #-255]\n ldrsb r3, [r1, #-1]\n"
                + "strh r0, [r1, #-8]\n ldrsh r4, [r1, #-8]\n ldrh r5, [r1, #-8]\n ldrb r6, [r1, #-1]");
        m.cpu.r[0] = 0x1234F687;
        m.cpu.r[1] = RAM + 0x400;
        m.run();
        assertEquals(0x1234F687, mem32(m, RAM + 0x400 - 255));
        assertEquals(0x1234F687, m.reg(2));
        assertEquals(0xFFFFFF87, m.reg(3));
        assertEquals(0xFFFFF687, m.reg(4));
        assertEquals(0xF687, m.reg(5));
        assertEquals(0x87, m.reg(6));
        assertEquals(RAM + 0x400, m.reg(1), "no writeback");
    }

    @Test
    void preIndexedWriteback() {
        TestMachine m = m("str r0, [r1, #8]!\n ldr r2, [r1, #-8]!\n strb r0, [r3, #1]!\n ldrsh r4, [r5, #-2]!");
        m.cpu.r[0] = 0xA5A5_8001;
        m.cpu.r[1] = RAM + 0x100;
        m.cpu.r[3] = RAM + 0x200;
        m.cpu.r[5] = RAM + 0x302;
        m.bus.write(RAM + 0x100, 4, 0x600D);
        m.bus.write(RAM + 0x300, 2, 0x8123);
        m.run();
        assertEquals(0xA5A5_8001, mem32(m, RAM + 0x108));
        assertEquals(0x600D, m.reg(2));
        assertEquals(RAM + 0x100, m.reg(1));
        assertEquals(0x01, m.bus.read(RAM + 0x201, 1));
        assertEquals(RAM + 0x201, m.reg(3));
        assertEquals(0xFFFF8123, m.reg(4));
        assertEquals(RAM + 0x300, m.reg(5));
    }

    @Test
    void postIndexedWriteback() {
        TestMachine m = m("ldrh r2, [r1], #2\n ldrh r3, [r1], #2\n strh r2, [r4], #-2\n strh r3, [r4], #-2\n"
                + "ldrb r5, [r6], #255\n ldrsb r7, [r8], #-1\n str r0, [r9], #4\n ldr r10, [r11], #-4");
        m.cpu.r[0] = 0x01020304;
        m.cpu.r[1] = RAM;
        m.bus.write(RAM, 4, 0x87654321);
        m.cpu.r[4] = RAM + 0x10;
        m.cpu.r[6] = RAM + 3;
        m.cpu.r[8] = RAM + 3;
        m.cpu.r[9] = RAM + 0x20;
        m.cpu.r[11] = RAM + 0x20;
        m.run();
        assertEquals(0x4321, m.reg(2));
        assertEquals(0x8765, m.reg(3));
        assertEquals(RAM + 4, m.reg(1));
        assertEquals(0x4321, m.bus.read(RAM + 0x10, 2));
        assertEquals(0x8765, m.bus.read(RAM + 0x0E, 2));
        assertEquals(RAM + 0x0C, m.reg(4));
        assertEquals(0x87, m.reg(5));
        assertEquals(RAM + 3 + 255, m.reg(6));
        assertEquals(0xFFFFFF87, m.reg(7));
        assertEquals(RAM + 2, m.reg(8));
        assertEquals(0x01020304, mem32(m, RAM + 0x20));
        assertEquals(RAM + 0x24, m.reg(9));
        assertEquals(0x01020304, m.reg(10), "post-indexed load reads the old address");
        assertEquals(RAM + 0x1C, m.reg(11));
    }

    @Test
    void registerOffsetWithShift() {
        TestMachine m = m("ldr.w r4, [r1, r2, lsl #0]\n ldr.w r5, [r1, r2, lsl #1]\n ldr.w r6, [r1, r2, lsl #2]\n"
                + "ldr.w r7, [r1, r2, lsl #3]\n str.w r0, [r1, r3, lsl #3]\n strh.w r0, [r1, r3, lsl #2]\n strb.w r0, [r1, r3, lsl #1]\n"
                + "ldrsb.w r8, [r1, r3, lsl #1]\n ldrsh.w r9, [r1, r3, lsl #2]\n ldrb.w r10, [r1, r3, lsl #1]\n ldrh.w r11, [r1, r3, lsl #2]");
        for (int i = 0; i < 64; i += 4) m.bus.write(RAM + i, 4, 0x1000 + i);
        m.cpu.r[0] = 0xFEDC_BA98;
        m.cpu.r[1] = RAM;
        m.cpu.r[2] = 4;
        m.cpu.r[3] = 0x20; // 0x100, 0x80, 0x40
        m.run();
        assertEquals(0x1004, m.reg(4));
        assertEquals(0x1008, m.reg(5));
        assertEquals(0x1010, m.reg(6));
        assertEquals(0x1020, m.reg(7));
        assertEquals(0xFEDC_BA98, mem32(m, RAM + 0x100));
        assertEquals(0xBA98, m.bus.read(RAM + 0x80, 2));
        assertEquals(0x98, m.bus.read(RAM + 0x40, 1));
        assertEquals(0xFFFFFF98, m.reg(8));
        assertEquals(0xFFFFBA98, m.reg(9));
        assertEquals(0x98, m.reg(10));
        assertEquals(0xBA98, m.reg(11));
    }

    @Test
    void literalBothDirections() {
        TestMachine m = m("b start\n .align 2\nback: .word 0x80818283\nstart:\n ldr.w r0, back\n ldrb.w r1, back\n ldrsh.w r2, back\n"
                + "ldrsb.w r3, fwd\n ldrh.w r4, fwd\n ldr.w r5, fwd\n ldrsh.w r6, fwd\n b done\n .align 2\nfwd: .word 0x7f8f9faf\ndone:");
        m.run();
        assertEquals(0x80818283, m.reg(0));
        assertEquals(0x83, m.reg(1));
        assertEquals(0xFFFF8283, m.reg(2));
        assertEquals(0xFFFFFFAF, m.reg(3));
        assertEquals(0x9FAF, m.reg(4));
        assertEquals(0x7f8f9faf, m.reg(5));
        assertEquals(0xFFFF9FAF, m.reg(6));
    }

    @Test
    void literalUsesAlignedPc() {
        // a 32-bit literal load at a halfword-aligned (not word-aligned) address
        TestMachine m = m("nop\n ldr.w r0, lit\n b done\n .align 2\nlit: .word 0x5a5a1234\ndone:");
        m.run();
        assertEquals(0x5a5a1234, m.reg(0));
    }

    @Test
    void unprivilegedForms() {
        TestMachine m = m("strt r0, [r1, #4]\n strht r0, [r1, #8]\n strbt r0, [r1, #255]\n ldrt r2, [r1, #4]\n"
                + "ldrht r3, [r1, #8]\n ldrbt r4, [r1, #255]\n ldrsht r5, [r1, #8]\n ldrsbt r6, [r1, #255]");
        m.cpu.r[0] = 0x1122_C3D4;
        m.cpu.r[1] = RAM;
        m.run();
        assertEquals(0x1122_C3D4, mem32(m, RAM + 4));
        assertEquals(0xC3D4, m.bus.read(RAM + 8, 2));
        assertEquals(0xD4, m.bus.read(RAM + 255, 1));
        assertEquals(0x1122_C3D4, m.reg(2));
        assertEquals(0xC3D4, m.reg(3));
        assertEquals(0xD4, m.reg(4));
        assertEquals(0xFFFFC3D4, m.reg(5));
        assertEquals(0xFFFFFFD4, m.reg(6));
        assertEquals(RAM, m.reg(1));
    }

    @Test
    void unalignedSingleAccessesAllowed() {
        TestMachine m = m("ldr.w r2, [r1, #1]\n ldrsh.w r3, [r1, #3]\n str.w r2, [r1, #0x41]\n strh.w r3, [r1, #0x51]\n ldrt r4, [r1, #1]");
        for (int i = 0; i < 8; i++) m.bus.write(RAM + i, 1, 0x80 + i * 0x11);
        m.cpu.r[1] = RAM;
        m.run();
        int expect = (0x91) | (0xA2 << 8) | (0xB3 << 16) | (0xC4 << 24);
        assertEquals(expect, m.reg(2));
        assertEquals((short) (0xB3 | (0xC4 << 8)), m.reg(3));
        assertEquals(expect, mem32(m, RAM + 0x41));
        assertEquals(0xC4B3, m.bus.read(RAM + 0x51, 2));
        assertEquals(expect, m.reg(4));
    }

    @Test
    void unalignTrapFaultsWordAndHalfwordAccessesOnly() {
        String[] faulting = {"ldr.w r2, [r1, #1]", "ldrh r2, [r1, #2]", "ldrsh.w r2, [r1, r3]", "str r2, [r1, #2]", "strh.w r2, [r1, #-2]",
            "ldrt r2, [r1, #2]", "strht r2, [r1, #2]", "ldr r2, [r1], #4"};
        for (String insn : faulting) {
            TestMachine m = m("ldrb r0, [r1, #1]\n strb r0, [r1, #3]\n ldrsb r0, [r1, #5]\n " + insn);
            m.cpu.exceptions.scb.write(0xD14, ExceptionUnit.CCR_UNALIGN_TRP | ExceptionUnit.CCR_STKALIGN);
            m.cpu.r[1] = RAM + 0x101;
            m.cpu.r[2] = 0x5A;
            m.cpu.r[3] = 2;
            assertFault(m, Fault.USAGEFAULT, Fault.UNALIGNED);
            assertEquals(8, m.cpu.pc, insn + ": the byte accesses before it (2 + 2 + 4 bytes) do not trap");
            assertEquals(0x5A, m.reg(2), insn);
            assertEquals(RAM + 0x101, m.reg(1), insn);
        }
    }

    @Test
    void loadPcForms() {
        TestMachine m = m("ldr.w pc, [r1, #4]\n nop\n nop\n nop\n movs r0, #1\n ldr pc, [sp], #4\n movs r0, #2\n"
                + " movs r2, #3\n ldr.w pc, [r1, r3, lsl #2]\n nop\n movs r4, #4\n");
        // target addresses: +0x0A (movs r0,#1), then +0x12 (movs r2, #3), then +0x1A (movs r4,#4)
        m.cpu.r[1] = RAM;
        m.bus.write(RAM + 4, 4, 0x0A | 1);
        m.cpu.r[13] = RAM + 0x40;
        m.bus.write(RAM + 0x40, 4, 0x12 | 1);
        m.cpu.r[3] = 3;
        m.bus.write(RAM + 12, 4, 0x1A | 1);
        m.run();
        assertEquals(1, m.reg(0));
        assertEquals(3, m.reg(2));
        assertEquals(4, m.reg(4));
        assertEquals(RAM + 0x44, m.reg(13));
        assertEquals("LDR_imm_T3", Decoder.decode(0xF8D1, 0xF004).name);
        assertEquals("LDR_imm_T4", Decoder.decode(0xF85D, 0xFB04).name);
    }

    @Test
    void spWritesClearBits1And0() {
        TestMachine m = m("ldr r0, [sp], #3\n str r0, [sp, #-2]!\n ldr.w sp, [r1, r2]\n");
        m.cpu.r[13] = RAM + 0x100;
        m.bus.write(RAM + 0x100, 4, 0x11);
        m.cpu.r[1] = RAM;
        m.cpu.r[2] = 0x41; // unaligned load into SP is fine (MemU), the value loses bits [1:0]
        m.bus.write(RAM + 0x41, 4, 0x2000_0807);
        m.run(2);
        assertEquals(0x11, m.reg(0));
        assertEquals(RAM + 0xFC, m.reg(13), "(0x100 + 3) & ~3 = 0x100, then the store at 0xFE and SP = 0xFE & ~3");
        assertEquals(0x11, mem32(m, RAM + 0xFE));
        m.run();
        assertEquals(0x2000_0804, m.reg(13));
        assertEquals("LDR_reg_T2", Decoder.decode(0xF851, 0xD002).name);
        assertEquals(LoadStore.LDR_SP, Decoder.decode(0xF851, 0xD002).op);
    }

    @Test
    void loadPcUnalignedFaultsAndCommitsNothing() {
        TestMachine m = m("ldr pc, [r1], #4");
        m.cpu.r[1] = RAM + 2;
        assertFault(m, Fault.USAGEFAULT, Fault.UNALIGNED);
        assertEquals(RAM + 2, m.reg(1));
        assertEquals(0, m.cpu.pc);
    }

    @Test
    void loadPcLiteral() {
        TestMachine m = m("ldr.w pc, lit\n nop\n .align 2\nlit: .word 13\n movs r0, #9\n");
        m.run();
        assertEquals(9, m.reg(0));
    }

    @Test
    void preloadHintsNeverFault() {
        TestMachine m = m("pld [r1, #4]\n pld [r1, #-4]\n pld [r1, r2, lsl #1]\n pli [r1, #4]\n pli [r1, #-4]\n pli [r1, r2]\n"
                + "pld lit\n pli lit\n .hword 0xf8b1, 0xf000\n .hword 0xf931, 0xfc04\n .hword 0xf83f, 0xf000\n .hword 0xf831, 0xf00d\n"
                + "b done\n .align 2\nlit: .word 0\ndone:");
        m.cpu.r[1] = 0x4000_0000; // unmapped
        m.cpu.r[2] = 8;
        m.run();
        assertEquals(0x4000_0000, m.reg(1));
        assertEquals("PLD_imm_T1", Decoder.decode(0xF891, 0xF004).name);
        assertEquals("PLD_imm_T2", Decoder.decode(0xF811, 0xFC04).name);
        assertEquals("PLI_reg_T1", Decoder.decode(0xF911, 0xF012).name);
        assertEquals("PLD_lit_T1", Decoder.decode(0xF89F, 0xF030).name);
        assertEquals("PLI_lit_T3", Decoder.decode(0xF99F, 0xF02C).name);
        assertEquals("HINT_imm12_LDRH", Decoder.decode(0xF8B1, 0xF000).name);
    }

    @Test
    void loadFaultKeepsBaseAndTarget() {
        TestMachine m = m("ldr r0, [r1], #4");
        m.cpu.r[0] = 5;
        m.cpu.r[1] = 0x4000_0000;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(5, m.reg(0));
        assertEquals(0x4000_0000, m.reg(1));
        TestMachine s = m("str r0, [r1, #4]!");
        s.cpu.r[1] = 0x4000_0000;
        assertFault(s, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(0x4000_0004, s.cpu.faultAddress);
        assertEquals(0x4000_0000, s.reg(1));
    }

    @Test
    void unpredictableFormsAreUndefined() {
        undefined(0xF8CF, 0x0000); // STR.W Rn = PC (UNDEFINED)
        undefined(0xF84F, 0x0D04); // STR Rt, [PC, #-4]!
        undefined(0xF80F, 0x0000); // STRB reg, Rn = PC
        undefined(0xF8C1, 0xF000); // STR.W PC, [r1]
        undefined(0xF881, 0xD000); // STRB.W SP, [r1]
        undefined(0xF8A1, 0xF000); // STRH.W PC, [r1]
        undefined(0xF841, 0x1F04); // STR r1, [r1, #4]!
        undefined(0xF841, 0x000D); // STR r0, [r1, sp]
        undefined(0xF841, 0x0800); // STR imm8 with P == 0 && W == 0
        undefined(0xF801, 0xDE00); // STRBT SP
        undefined(0xF891, 0xD000); // LDRB.W SP, [r1]
        undefined(0xF851, 0x1F04); // LDR r1, [r1, #4]!
        undefined(0xF851, 0x1B04); // LDR r1, [r1], #4
        undefined(0xF851, 0x000F); // LDR r0, [r1, pc]
        undefined(0xF851, 0x0800); // LDR imm8 with P == 0 && W == 0
        undefined(0xF851, 0xFE04); // LDRT PC
        undefined(0xF811, 0xFD04); // LDRB PC, [r1, #4]!  (UNPREDICTABLE, not a hint)
        undefined(0xF831, 0xDC04); // LDRH SP, [r1, #-4]
        undefined(0xF91F, 0xD004); // LDRSB SP, literal
        undefined(0xF811, 0xF00D); // PLD [r1, sp]
        undefined(0xF871, 0x0000); // S = 0, size 11: unallocated
        undefined(0xF951, 0x0000); // LDRS-word: unallocated
        undefined(0xF941, 0x0000); // signed store: unallocated
        undefined(0xF851, 0x0040); // register form with hw2[11:6] != 0
    }

    @Test
    void decodeNames() {
        int[][] enc = {
            {0xF85F, 0x0008}, {0xF8D1, 0x0004}, {0xF851, 0x0E04}, {0xF851, 0x0C04}, {0xF851, 0x0012},
            {0xF81F, 0x100C}, {0xF891, 0x0004}, {0xF811, 0x0E04}, {0xF811, 0x0904}, {0xF811, 0x0002},
            {0xF91F, 0x100C}, {0xF991, 0x0004}, {0xF911, 0x0E04}, {0xF911, 0x0904}, {0xF911, 0x0002},
            {0xF83F, 0x100C}, {0xF8B1, 0x0004}, {0xF831, 0x0E04}, {0xF831, 0x0904}, {0xF831, 0x0002},
            {0xF93F, 0x100C}, {0xF9B1, 0x0004}, {0xF931, 0x0E04}, {0xF931, 0x0904}, {0xF931, 0x0002},
            {0xF8C1, 0x0004}, {0xF841, 0x0E04}, {0xF841, 0x0D04}, {0xF841, 0x0002},
            {0xF881, 0x0004}, {0xF801, 0x0E04}, {0xF801, 0x0B04}, {0xF801, 0x0002},
            {0xF8A1, 0x0004}, {0xF821, 0x0E04}, {0xF821, 0x0F04}, {0xF821, 0x0002},
            {0xF89F, 0xF000}, {0xF891, 0xF000}, {0xF811, 0xFC00}, {0xF811, 0xF001},
            {0xF99F, 0xF000}, {0xF991, 0xF000}, {0xF911, 0xFC00}, {0xF911, 0xF001},
            {0xF83F, 0xF000}, {0xF8B1, 0xF000}, {0xF831, 0xFC00}, {0xF831, 0xF00D},
            {0xF93F, 0xF000}, {0xF9B1, 0xF000}, {0xF931, 0xFC00}, {0xF931, 0xF00F},
        };
        String[] names = {
            "LDR_lit_T2", "LDR_imm_T3", "LDRT_T1", "LDR_imm_T4", "LDR_reg_T2",
            "LDRB_lit_T1", "LDRB_imm_T2", "LDRBT_T1", "LDRB_imm_T3", "LDRB_reg_T2",
            "LDRSB_lit_T1", "LDRSB_imm_T1", "LDRSBT_T1", "LDRSB_imm_T2", "LDRSB_reg_T2",
            "LDRH_lit_T1", "LDRH_imm_T2", "LDRHT_T1", "LDRH_imm_T3", "LDRH_reg_T2",
            "LDRSH_lit_T1", "LDRSH_imm_T1", "LDRSHT_T1", "LDRSH_imm_T2", "LDRSH_reg_T2",
            "STR_imm_T3", "STRT_T1", "STR_imm_T4", "STR_reg_T2",
            "STRB_imm_T2", "STRBT_T1", "STRB_imm_T3", "STRB_reg_T2",
            "STRH_imm_T2", "STRHT_T1", "STRH_imm_T3", "STRH_reg_T2",
            "PLD_lit_T1", "PLD_imm_T1", "PLD_imm_T2", "PLD_reg_T1",
            "PLI_lit_T3", "PLI_imm_T1", "PLI_imm_T2", "PLI_reg_T1",
            "HINT_lit_LDRH", "HINT_imm12_LDRH", "HINT_imm8_LDRH", "HINT_reg_LDRH",
            "HINT_lit_LDRSH", "HINT_imm12_LDRSH", "HINT_imm8_LDRSH", "HINT_reg_LDRSH",
        };
        for (int i = 0; i < enc.length; i++) {
            var in = Decoder.decode(enc[i][0], enc[i][1]);
            assertEquals(names[i], in.name, in.toString());
            assertTrue(!in.isUndefined(), in.toString());
        }
    }
}
