package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.mem.Region;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** 32-bit LDM/STM/PUSH/POP, LDRD/STRD, exclusives, TBB/TBH (ARM ARM A5.3.5, A5.3.6). */
class LoadStoreMultipleTest {
    static final int RAM = TestMachine.RAM;
    static final int TINY = 0x3000_0000;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    static TestMachine m(String src) { return new TestMachine().asm(src); }

    /** A machine with an 8-byte RAM region at TINY: the third word from TINY is unmapped. */
    static TestMachine tiny(String src) {
        TestMachine m = m(src);
        m.bus.add(Region.memory("tiny", TINY, 8, true, false));
        return m;
    }

    static int mem32(TestMachine m, int addr) { return m.bus.read(addr, 4); }

    static void assertFault(TestMachine m, int exception, int status) {
        assertThrows(GuestFault.class, m::run);
        assertEquals(exception, m.cpu.faultException, "exception");
        assertEquals(status, m.cpu.faultStatus, "status");
        assertEquals(0, m.cpu.pc, "the faulting instruction");
    }

    static void undefined(int hw1, int hw2) {
        Insn in = Decoder.decode(hw1, hw2);
        assertTrue(in.isUndefined(), in.toString());
    }

    // ------------------------------------------------------------------ LDM/STM

    @Test
    void stmLdmIncrementAfter() {
        TestMachine m = m("stmia.w r0!, {r1, r2, r8, r12, lr}\n ldmia.w r9, {r3-r7}\n ldmia.w r10!, {r11, r12}");
        m.cpu.r[0] = RAM + 0x100;
        m.cpu.r[1] = 1; m.cpu.r[2] = 2; m.cpu.r[8] = 8; m.cpu.r[12] = 12; m.cpu.r[14] = 14;
        m.cpu.r[9] = RAM + 0x100;
        m.cpu.r[10] = RAM + 0x108;
        m.run();
        assertEquals(RAM + 0x114, m.reg(0));
        int[] expect = {1, 2, 8, 12, 14};
        for (int i = 0; i < 5; i++) assertEquals(expect[i], mem32(m, RAM + 0x100 + 4 * i));
        for (int i = 0; i < 5; i++) assertEquals(expect[i], m.reg(3 + i));
        assertEquals(RAM + 0x100, m.reg(9), "no writeback");
        assertEquals(8, m.reg(11));
        assertEquals(12, m.reg(12));
        assertEquals(RAM + 0x110, m.reg(10));
        assertEquals(6 + 6 + 3, m.cpu.cycles);
    }

    @Test
    void stmdbLdmdb() {
        TestMachine m = m("stmdb r0!, {r1-r3}\n ldmdb r4, {r5-r7}\n ldmdb r8!, {r9, r10}");
        m.cpu.r[0] = RAM + 0x100;
        m.cpu.r[1] = 0x11; m.cpu.r[2] = 0x22; m.cpu.r[3] = 0x33;
        m.cpu.r[4] = RAM + 0x100;
        m.cpu.r[8] = RAM + 0x100;
        m.cpu.r[11] = RAM + 0x200;
        m.run();
        assertEquals(RAM + 0xF4, m.reg(0));
        assertEquals(0x11, mem32(m, RAM + 0xF4));
        assertEquals(0x22, mem32(m, RAM + 0xF8));
        assertEquals(0x33, mem32(m, RAM + 0xFC));
        assertEquals(0x11, m.reg(5));
        assertEquals(0x22, m.reg(6));
        assertEquals(0x33, m.reg(7));
        assertEquals(RAM + 0x100, m.reg(4));
        assertEquals(0x22, m.reg(9));
        assertEquals(0x33, m.reg(10));
        assertEquals(RAM + 0xF8, m.reg(8));
    }

    @Test
    void pushPopWide() {
        TestMachine m = m("bl f\n movs r0, #1\n b done\n"
                + "f: push.w {r4-r11, lr}\n movs r4, #0\n mov r11, r4\n pop.w {r4-r11, pc}\ndone:");
        for (int i = 4; i <= 11; i++) m.cpu.r[i] = 0x100 + i;
        int sp = m.reg(13);
        m.run();
        for (int i = 4; i <= 11; i++) assertEquals(0x100 + i, m.reg(i), "r" + i);
        assertEquals(1, m.reg(0));
        assertEquals(sp, m.reg(13));
        assertEquals(0x105, mem32(m, sp - 32));
        assertEquals("PUSH_T2", Decoder.decode(0xE92D, 0x4FF0).name);
        assertEquals("POP_T2", Decoder.decode(0xE8BD, 0x8FF0).name);
    }

    @Test
    void ldmLoadsPcLast() {
        TestMachine m = m("ldmia.w r0!, {r1, pc}\n movs r2, #1\n movs r3, #1\n");
        m.cpu.r[0] = RAM;
        m.bus.write(RAM, 4, 77);
        m.bus.write(RAM + 4, 4, 0x6 | 1); // skip "movs r2"
        m.run();
        assertEquals(77, m.reg(1));
        assertEquals(0, m.reg(2));
        assertEquals(1, m.reg(3));
        assertEquals(RAM + 8, m.reg(0));
    }

    @Test
    void singleRegisterWideLdmStmAreUndefined() {
        // UNPREDICTABLE; QEMU 7.2 UNDEFs them (QEMU 8+ executes the single transfer)
        TestMachine m = m(".hword 0xe890, 0x0002"); // ldmia.w r0, {r1}
        m.cpu.r[0] = RAM;
        m.cpu.r[1] = 5;
        assertFault(m, Fault.USAGEFAULT, Fault.UNDEFINSTR);
        assertEquals(5, m.reg(1));
        undefined(0xE90B, 0x0002); // stmdb r11, {r1}
        undefined(0xE8BD, 0x0010); // pop.w {r4}
        undefined(0xE92D, 0x0010); // push.w {r4}
    }

    @Test
    void multipleUnpredictableFormsAreUndefined() {
        undefined(0xE890, 0x0000); // LDM empty list
        undefined(0xE890, 0x2002); // LDM with SP in the list
        undefined(0xE890, 0xC002); // LDM with PC and LR
        undefined(0xE89F, 0x0003); // LDM Rn = PC
        undefined(0xE8B0, 0x0003); // LDM r0!, {r0, r1}
        undefined(0xE880, 0x8002); // STM with PC in the list
        undefined(0xE880, 0x2002); // STM with SP in the list
        undefined(0xE8A0, 0x0003); // STM r0!, {r0, r1}
    }

    @Test
    void stmdbWritebackWithBaseNotInListIsFine() {
        assertFalse(Decoder.decode(0xE920, 0x0006).isUndefined());
        assertFalse(Decoder.decode(0xE880, 0x0003).isUndefined(), "base in list without writeback");
        assertFalse(Decoder.decode(0xE8BD, 0x4002).isUndefined(), "POP.W {r1, lr}");
        undefined(0xE92D, 0x8002); // PUSH.W with PC
        undefined(0xE8BD, 0xC002); // POP.W with PC and LR
        undefined(0xE810, 0x0003); // RFE-shaped: UNDEFINED on M profile
        undefined(0xE9A0, 0x0003); // SRS-shaped
    }

    @Test
    void stmFaultOnLastWordLeavesMemoryUntouched() {
        TestMachine m = tiny("stmia.w r0!, {r1, r2, r3}");
        m.cpu.r[0] = TINY;
        m.cpu.r[1] = 1; m.cpu.r[2] = 2; m.cpu.r[3] = 3;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(TINY + 8, m.cpu.faultAddress);
        assertEquals(0, mem32(m, TINY));
        assertEquals(0, mem32(m, TINY + 4));
        assertEquals(TINY, m.reg(0));
    }

    @Test
    void pushWideFaultLeavesMemoryAndSpUntouched() {
        TestMachine m = tiny("push.w {r4, r5, r6, lr}");
        m.cpu.r[13] = TINY + 12; // lowest word at TINY - 4 (unmapped)
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(TINY - 4, m.cpu.faultAddress);
        assertEquals(0, mem32(m, TINY));
        assertEquals(TINY + 12, m.reg(13));
    }

    @Test
    void ldmFaultLeavesRegistersUntouched() {
        TestMachine m = tiny("ldmia.w r0!, {r1, r2, r3, pc}");
        m.bus.write(TINY, 4, 0x55);
        m.bus.write(TINY + 4, 4, 0x66);
        m.cpu.r[0] = TINY;
        m.cpu.r[1] = -1; m.cpu.r[2] = -2; m.cpu.r[3] = -3;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(-1, m.reg(1));
        assertEquals(-2, m.reg(2));
        assertEquals(-3, m.reg(3));
        assertEquals(TINY, m.reg(0));
    }

    @Test
    void ldmdbFaultLeavesRegistersUntouched() {
        TestMachine m = tiny("ldmdb r0!, {r1, r2, r3}");
        m.cpu.r[0] = TINY + 8; // first word at TINY - 4
        m.cpu.r[2] = 7;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(TINY - 4, m.cpu.faultAddress);
        assertEquals(7, m.reg(2));
        assertEquals(TINY + 8, m.reg(0));
    }

    @Test
    void ldmFromSlowPathCommitsAll() {
        // the first access goes through the slow path (no window yet) and must still load everything in order
        TestMachine m = tiny("ldmia r0!, {r1, r2}");
        m.bus.write(TINY, 4, 0xAA);
        m.bus.write(TINY + 4, 4, 0xBB);
        m.cpu.r[0] = TINY;
        m.run();
        assertEquals(0xAA, m.reg(1));
        assertEquals(0xBB, m.reg(2));
        assertEquals(TINY + 8, m.reg(0));
    }

    @Test
    void multipleUnalignedFaults() {
        TestMachine m = m("stmdb r0!, {r1, r2}");
        m.cpu.r[0] = RAM + 0x102;
        assertFault(m, Fault.USAGEFAULT, Fault.UNALIGNED);
        assertEquals(RAM + 0x102, m.reg(0));
        TestMachine p = m("pop.w {r4, r5}");
        p.cpu.r[13] = RAM + 0x101;
        assertFault(p, Fault.USAGEFAULT, Fault.UNALIGNED);
    }

    // ------------------------------------------------------------------ LDRD/STRD

    @Test
    void ldrdStrdAddressingModes() {
        TestMachine m = m("strd r0, r1, [r2, #8]\n ldrd r3, r4, [r2, #8]\n strd r0, r1, [r5, #-8]!\n ldrd r6, r7, [r8], #-1020\n"
                + "strd r1, r0, [r9], #4\n ldrd r10, r11, [r12, #4]!");
        m.cpu.r[0] = 0xDEADBEEF;
        m.cpu.r[1] = 0x0BADF00D;
        m.cpu.r[2] = RAM;
        m.cpu.r[5] = RAM + 0x108;
        m.cpu.r[8] = RAM + 0x100;
        m.cpu.r[9] = RAM + 0x200;
        m.cpu.r[12] = RAM + 0x1FC;
        m.run();
        assertEquals(0xDEADBEEF, mem32(m, RAM + 8));
        assertEquals(0x0BADF00D, mem32(m, RAM + 12));
        assertEquals(0xDEADBEEF, m.reg(3));
        assertEquals(0x0BADF00D, m.reg(4));
        assertEquals(RAM, m.reg(2));
        assertEquals(RAM + 0x100, m.reg(5));
        assertEquals(0xDEADBEEF, m.reg(6));
        assertEquals(0x0BADF00D, m.reg(7));
        assertEquals(RAM + 0x100 - 1020, m.reg(8));
        assertEquals(0x0BADF00D, mem32(m, RAM + 0x200));
        assertEquals(0xDEADBEEF, mem32(m, RAM + 0x204));
        assertEquals(RAM + 0x204, m.reg(9));
        assertEquals(0x0BADF00D, m.reg(10));
        assertEquals(0xDEADBEEF, m.reg(11));
        assertEquals(RAM + 0x200, m.reg(12));
    }

    @Test
    void ldrdLiteralAndWordAlignment() {
        TestMachine m = m("nop\n ldrd r0, r1, lit\n ldrd r2, r3, [r4]\n b done\n .align 2\nlit: .word 1, 2\ndone:");
        m.cpu.r[4] = RAM + 4; // word aligned but not doubleword aligned: allowed
        m.bus.write(RAM + 4, 4, 3);
        m.bus.write(RAM + 8, 4, 4);
        m.run();
        assertEquals(1, m.reg(0));
        assertEquals(2, m.reg(1));
        assertEquals(3, m.reg(2));
        assertEquals(4, m.reg(3));
    }

    @Test
    void ldrdStrdUnalignedFault() {
        TestMachine m = m("ldrd r0, r1, [r2]");
        m.cpu.r[2] = RAM + 2;
        assertFault(m, Fault.USAGEFAULT, Fault.UNALIGNED);
        TestMachine s = m("strd r0, r1, [r2, #8]!");
        s.cpu.r[2] = RAM + 1;
        assertFault(s, Fault.USAGEFAULT, Fault.UNALIGNED);
        assertEquals(RAM + 1, s.reg(2));
    }

    @Test
    void ldrdStrdSecondWordFaultIsAtomic() {
        TestMachine m = tiny("ldrd r0, r1, [r2, #4]!");
        m.cpu.r[0] = 10; m.cpu.r[1] = 11;
        m.cpu.r[2] = TINY;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(TINY + 8, m.cpu.faultAddress);
        assertEquals(10, m.reg(0));
        assertEquals(11, m.reg(1));
        assertEquals(TINY, m.reg(2));
        TestMachine s = tiny("strd r0, r1, [r2, #4]!");
        s.cpu.r[0] = 10; s.cpu.r[1] = 11;
        s.cpu.r[2] = TINY;
        assertFault(s, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(0, mem32(s, TINY + 4));
        assertEquals(TINY, s.reg(2));
    }

    @Test
    void dualUnpredictableFormsAreUndefined() {
        undefined(0xE9D2, 0x2200); // LDRD r2, r2, [r2]: Rt == Rt2
        undefined(0xE9D2, 0xD100); // LDRD SP, r1
        undefined(0xE9D2, 0x0F00); // LDRD r0, PC
        undefined(0xE9F2, 0x2300); // LDRD r2, r3, [r2]! (writeback to Rt)
        undefined(0xE8F2, 0x0203); // LDRD r0, r2, [r2], #12 (writeback to Rt2)
        undefined(0xE9CF, 0x0100); // STRD Rn = PC
        undefined(0xE9FF, 0x0100); // LDRD literal with writeback
        undefined(0xE9C1, 0xD000); // STRD SP, r0
    }

    // ------------------------------------------------------------------ exclusives

    @Test
    void ldrexStrexSuccessAndFailure() {
        TestMachine m = m("ldrex r0, [r1, #8]\n adds r0, #1\n strex r2, r0, [r1, #8]\n strex r3, r0, [r1, #8]\n"
                + "ldrex r4, [r1]\n strex r5, r0, [r1, #8]\n ldrex r4, [r1]\n clrex\n strex r6, r0, [r1]");
        m.cpu.r[1] = RAM + 0x40;
        m.bus.write(RAM + 0x48, 4, 41);
        m.bus.write(RAM + 0x40, 4, 5);
        m.run();
        assertEquals(0, m.reg(2), "first STREX succeeds");
        assertEquals(42, mem32(m, RAM + 0x48));
        assertEquals(1, m.reg(3), "monitor closed by the first STREX");
        assertEquals(1, m.reg(5), "monitor open for a different address");
        assertEquals(1, m.reg(6), "CLREX");
        assertEquals(5, mem32(m, RAM + 0x40), "failed STREX stores nothing");
        assertFalse(m.cpu.exclusiveOpen);
    }

    @Test
    void byteAndHalfwordExclusives() {
        TestMachine m = m("ldrexb r0, [r1]\n strexb r2, r3, [r1]\n ldrexh r4, [r5]\n strexh r6, r3, [r5]\n strexh r7, r3, [r5]");
        m.cpu.r[1] = RAM + 3;
        m.cpu.r[5] = RAM + 6;
        m.cpu.r[3] = 0xABCD1234;
        m.bus.write(RAM, 4, 0x99887766);
        m.bus.write(RAM + 4, 4, 0x55443322);
        m.run();
        assertEquals(0x99, m.reg(0));
        assertEquals(0, m.reg(2));
        assertEquals(0x34, m.bus.read(RAM + 3, 1));
        assertEquals(0x5544, m.reg(4));
        assertEquals(0, m.reg(6));
        assertEquals(0x1234, m.bus.read(RAM + 6, 2));
        assertEquals(1, m.reg(7));
    }

    @Test
    void exclusivesMustBeAligned() {
        TestMachine m = m("ldrex r0, [r1]");
        m.cpu.r[1] = RAM + 2;
        assertFault(m, Fault.USAGEFAULT, Fault.UNALIGNED);
        assertFalse(m.cpu.exclusiveOpen);
        TestMachine h = m("ldrexh r0, [r1]");
        h.cpu.r[1] = RAM + 1;
        assertFault(h, Fault.USAGEFAULT, Fault.UNALIGNED);
        TestMachine s = m("strex r2, r0, [r1]");
        s.cpu.r[1] = RAM + 2;
        s.cpu.r[2] = 7;
        assertFault(s, Fault.USAGEFAULT, Fault.UNALIGNED); // even with the monitor closed
        assertEquals(7, s.reg(2));
    }

    @Test
    void strexFaultsBeforeMonitorCheck() {
        TestMachine m = m("strex r2, r0, [r1]");
        m.cpu.r[1] = 0x4000_0000;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
    }

    @Test
    void exclusiveUnpredictableFormsAreUndefined() {
        undefined(0xE841, 0x0100); // STREX r1, r0, [r1]: Rd == Rn
        undefined(0xE841, 0x0000); // STREX r0, r0, [r1]: Rd == Rt
        undefined(0xE84F, 0x0200); // STREX Rn = PC
        undefined(0xE851, 0xDF00); // LDREX SP
        undefined(0xE851, 0x0E00); // LDREX with hw2[11:8] != 1111
        undefined(0xE8D1, 0xFF4F); // LDREXB PC
        undefined(0xE8C1, 0x0F4D); // STREXB with Rd = SP
        undefined(0xE8D1, 0x0F7F); // LDREXD: not in ARMv7-M
        undefined(0xE8C1, 0x0172); // STREXD: not in ARMv7-M
        undefined(0xE8D1, 0x0FAF); // LDA: v8 only
    }

    // ------------------------------------------------------------------ TBB/TBH

    @Test
    void tbbWithPcBase() {
        // the table starts right after the TBB, which is where PC (TBB + 4) points
        for (int i = 0; i < 3; i++) {
            TestMachine mm = m("tbb [pc, r0]\nt: .byte (c0 - t) / 2, (c1 - t) / 2, (c2 - t) / 2\n .align 1\n"
                    + "c0: movs r1, #10\n b done\nc1: movs r1, #11\n b done\nc2: movs r1, #12\ndone:");
            mm.cpu.r[0] = i;
            mm.run();
            assertEquals(10 + i, mm.reg(1), "case " + i);
        }
        assertEquals("TBB_T1", Decoder.decode(0xE8DF, 0xF000).name);
    }

    @Test
    void tbhWithRegisterBase() {
        TestMachine m = m("tbh [r2, r0, lsl #1]\n movs r1, #1\n movs r1, #2\n movs r1, #3\n");
        m.cpu.r[2] = RAM;
        m.bus.write(RAM, 2, 0);
        m.bus.write(RAM + 2, 2, 1);
        m.bus.write(RAM + 4, 2, 2);
        m.cpu.r[0] = 2; // target PC + 4 = 0x08
        m.run();
        assertEquals(3, m.reg(1));
        assertEquals(2 + 1, m.cpu.cycles);
    }

    @Test
    void tableBranchUnpredictableFormsAreUndefined() {
        undefined(0xE8DD, 0xF000); // TBB [sp, r0]
        undefined(0xE8D0, 0xF00D); // TBB [r0, sp]
        undefined(0xE8D0, 0xF01F); // TBH [r0, pc]
        undefined(0xE8D0, 0xE000); // TBB with hw2[15:12] != 1111
    }

    @Test
    void decodeNames() {
        int[][] enc = {
            {0xE890, 0x0006}, {0xE880, 0x0006}, {0xE910, 0x0006}, {0xE900, 0x0006}, {0xE8BD, 0x0006}, {0xE92D, 0x0006},
            {0xE8E2, 0x0102}, {0xE8F2, 0x0104}, {0xE9DF, 0x0102},
            {0xE841, 0x0202}, {0xE851, 0x0F02}, {0xE8C1, 0x0F42}, {0xE8C1, 0x0F52},
            {0xE8D1, 0xF000}, {0xE8D1, 0xF010}, {0xE8D1, 0x0F4F}, {0xE8D1, 0x0F5F},
        };
        String[] names = {
            "LDM_T2", "STM_T2", "LDMDB_T1", "STMDB_T1", "POP_T2", "PUSH_T2",
            "STRD_imm_T1", "LDRD_imm_T1", "LDRD_lit_T1",
            "STREX_T1", "LDREX_T1", "STREXB_T1", "STREXH_T1",
            "TBB_T1", "TBH_T1", "LDREXB_T1", "LDREXH_T1",
        };
        for (int i = 0; i < enc.length; i++) {
            Insn in = Decoder.decode(enc[i][0], enc[i][1]);
            assertEquals(names[i], in.name, in.toString());
            assertFalse(in.isUndefined(), in.toString());
        }
    }
}
