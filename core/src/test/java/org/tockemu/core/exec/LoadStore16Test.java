package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.GuestFault;
import org.tockemu.core.decode.Decoder;
import org.tockemu.core.decode.Insn;
import org.tockemu.core.mem.Region;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/** The 16-bit loads and stores, PUSH/POP and LDM/STM (ARM ARM A5.2.4, A5.2.5). */
class LoadStore16Test {
    static final int RAM = TestMachine.RAM;

    @BeforeAll
    static void tools() { Asm.assumeAvailable(); }

    static TestMachine m(String src) { return new TestMachine().asm(src); }

    static int mem32(TestMachine m, int addr) { return m.bus.read(addr, 4); }

    static void undefined(int hw) {
        Insn in = Decoder.decode(hw, 0);
        assertEquals(true, in.isUndefined(), in.toString());
    }

    static void assertFault(TestMachine m, int exception, int status) {
        assertThrows(GuestFault.class, m::run);
        assertEquals(exception, m.cpu.faultException, "exception");
        assertEquals(status, m.cpu.faultStatus, "status");
    }

    @Test
    void ldrLiteral() {
        TestMachine m = m("nop\n ldr r0, lit\n ldr r1, lit2\n b done\n .align 2\nlit: .word 0x12345678\nlit2: .word 0x9abcdef0\ndone:");
        m.run();
        assertEquals(0x12345678, m.reg(0));
        assertEquals(0x9abcdef0, m.reg(1));
        assertEquals("LDR_lit_T1", Decoder.decode(0x4800, 0).name);
    }

    @Test
    void registerOffsetAllEight() {
        TestMachine m = m("str r0, [r1, r2]\n strh r0, [r1, r3]\n strb r0, [r1, r4]\n"
                + "ldr r5, [r1, r2]\n ldrh r6, [r1, r3]\n ldrb r7, [r1, r4]\n ldrsh r2, [r1, r3]\n ldrsb r3, [r1, r4]");
        m.cpu.r[0] = 0x8182F3F4;
        m.cpu.r[1] = RAM + 0x100;
        m.cpu.r[2] = 0;
        m.cpu.r[3] = 8;
        m.cpu.r[4] = 13; // unaligned byte
        m.run();
        assertEquals(0x8182F3F4, mem32(m, RAM + 0x100));
        assertEquals(0xF3F4, m.bus.read(RAM + 0x108, 2));
        assertEquals(0xF4, m.bus.read(RAM + 0x10D, 1));
        assertEquals(0x8182F3F4, m.reg(5));
        assertEquals(0xF3F4, m.reg(6));
        assertEquals(0xF4, m.reg(7));
        assertEquals(0xFFFFF3F4, m.reg(2));
        assertEquals(0xFFFFFFF4, m.reg(3));
        assertEquals(3 * 1 + 5 * 2, m.cpu.cycles, "loads 2 cycles, stores 1");
    }

    @Test
    void immediateOffsetScaled() {
        TestMachine m = m("str r0, [r1, #124]\n strh r0, [r1, #62]\n strb r0, [r1, #31]\n"
                + "ldr r2, [r1, #124]\n ldrh r3, [r1, #62]\n ldrb r4, [r1, #31]\n ldr r5, [r1, #0]");
        m.cpu.r[0] = 0xCAFEBABE;
        m.cpu.r[1] = RAM;
        m.bus.write(RAM, 4, 0x55AA55AA);
        m.run();
        assertEquals(0xCAFEBABE, mem32(m, RAM + 124));
        assertEquals(0xBABE, m.bus.read(RAM + 62, 2));
        assertEquals(0xBE, m.bus.read(RAM + 31, 1));
        assertEquals(0xCAFEBABE, m.reg(2));
        assertEquals(0xBABE, m.reg(3));
        assertEquals(0xBE, m.reg(4));
        assertEquals(0x55AA55AA, m.reg(5));
    }

    @Test
    void unalignedWordAndHalfwordAllowed() {
        TestMachine m = m("ldr r2, [r1, r0]\n ldrh r3, [r1, r0]\n str r2, [r1, r4]\n ldrsh r5, [r1, r6]");
        for (int i = 0; i < 8; i++) m.bus.write(RAM + i, 1, 0x11 * (i + 1));
        m.cpu.r[0] = 1;
        m.cpu.r[1] = RAM;
        m.cpu.r[4] = 0x21;
        m.cpu.r[6] = 7; // 0x88 and 0x00
        m.run();
        assertEquals(0x55443322, m.reg(2));
        assertEquals(0x3322, m.reg(3));
        assertEquals(0x55443322, mem32(m, RAM + 0x21));
        assertEquals(0x0088, m.reg(5));
    }

    @Test
    void spRelative() {
        TestMachine m = m("str r0, [sp, #1020]\n ldr r1, [sp, #1020]\n ldr r2, [sp]");
        m.cpu.r[13] = RAM + 0x1000;
        m.cpu.r[0] = 0x01020304;
        m.bus.write(RAM + 0x1000, 4, 77);
        m.run();
        assertEquals(0x01020304, mem32(m, RAM + 0x1000 + 1020));
        assertEquals(0x01020304, m.reg(1));
        assertEquals(77, m.reg(2));
    }

    @Test
    void pushPopWithLrAndPc() {
        TestMachine m = m("movs r4, #4\n movs r5, #5\n bl f\n movs r7, #7\n b done\n"
                + "f: push {r4, r5, lr}\n movs r4, #40\n movs r5, #50\n pop {r4, r5, pc}\ndone:");
        m.cpu.r[13] = RAM + 0x800;
        m.run();
        assertEquals(4, m.reg(4));
        assertEquals(5, m.reg(5));
        assertEquals(7, m.reg(7));
        assertEquals(RAM + 0x800, m.reg(13));
        assertEquals(4, mem32(m, RAM + 0x800 - 12));
        assertEquals(5, mem32(m, RAM + 0x800 - 8));
        assertEquals(0x9, mem32(m, RAM + 0x800 - 4), "return address with the Thumb bit");
        assertEquals(true, m.cpu.thumb);
    }

    @Test
    void pushPopCycles() {
        TestMachine m = m("push {r0-r7, lr}\n pop {r0-r7}");
        m.run(1);
        assertEquals(10, m.cpu.cycles);
        m.run(1);
        assertEquals(10 + 9, m.cpu.cycles);
        assertEquals(TestMachine.RAM + TestMachine.RAM_SIZE - 4, m.reg(13));
    }

    @Test
    void popPcWithEvenAddressLeavesThumbState() {
        TestMachine m = m("pop {pc}");
        m.cpu.r[13] = RAM + 0x100;
        m.bus.write(RAM + 0x100, 4, 0x00000400);
        m.run(1);
        assertEquals(0x400, m.cpu.pc);
        assertEquals(false, m.cpu.thumb, "bit 0 clear: INVSTATE at the next instruction");
        assertEquals(RAM + 0x104, m.reg(13));
    }

    @Test
    void stmLdmWriteback() {
        TestMachine m = m("stmia r0!, {r1, r2, r3}\n ldmia r4!, {r5, r6, r7}");
        m.cpu.r[0] = RAM + 0x40;
        m.cpu.r[1] = 11; m.cpu.r[2] = 22; m.cpu.r[3] = 33;
        m.cpu.r[4] = RAM + 0x40;
        m.run();
        assertEquals(RAM + 0x4C, m.reg(0));
        assertEquals(RAM + 0x4C, m.reg(4));
        assertEquals(11, m.reg(5));
        assertEquals(22, m.reg(6));
        assertEquals(33, m.reg(7));
    }

    @Test
    void ldmWithBaseInListHasNoWriteback() {
        TestMachine m = m("ldmia r1, {r0, r1, r2}");
        m.cpu.r[1] = RAM + 0x20;
        m.bus.write(RAM + 0x20, 4, 100);
        m.bus.write(RAM + 0x24, 4, 101);
        m.bus.write(RAM + 0x28, 4, 102);
        m.run();
        assertEquals(100, m.reg(0));
        assertEquals(101, m.reg(1));
        assertEquals(102, m.reg(2));
        assertEquals("LDM_T1", Decoder.decode(0xC907, 0).name);
        assertEquals(0, Decoder.decode(0xC907, 0).flags, "no writeback");
    }

    @Test
    void stmWithBaseInListStoresOriginalBase() {
        TestMachine m = m(".hword 0xc003"); // stmia r0!, {r0, r1}: base is the lowest register
        m.cpu.r[0] = RAM + 0x20;
        m.cpu.r[1] = 5;
        m.run();
        assertEquals(RAM + 0x20, mem32(m, RAM + 0x20));
        assertEquals(5, mem32(m, RAM + 0x24));
        assertEquals(RAM + 0x28, m.reg(0));
        // base not lowest: the ARM ARM stores an UNKNOWN value; we store the original base (as QEMU)
        TestMachine m2 = m(".hword 0xc103"); // stmia r1!, {r0, r1}
        m2.cpu.r[0] = 9;
        m2.cpu.r[1] = RAM + 0x40;
        m2.run();
        assertEquals(9, mem32(m2, RAM + 0x40));
        assertEquals(RAM + 0x40, mem32(m2, RAM + 0x44));
        assertEquals(RAM + 0x48, m2.reg(1));
    }

    @Test
    void emptyListsAreUndefined() {
        undefined(0xC000); // STM r0!, {}
        undefined(0xC800); // LDM r0!, {}
        undefined(0xB400); // PUSH {}
        undefined(0xBC00); // POP {}
        TestMachine m = m(".hword 0xbc00");
        assertFault(m, Fault.USAGEFAULT, Fault.UNDEFINSTR);
    }

    @Test
    void pushFaultLeavesMemoryAndSpUntouched() {
        TestMachine m = m("push {r0, r1, r2}");
        m.bus.add(Region.memory("tiny", 0x3000_0000, 8, true, false));
        m.cpu.r[13] = 0x3000_0008 + 4; // the last word pushed (r2) lands past the region
        m.cpu.r[0] = 1; m.cpu.r[1] = 2; m.cpu.r[2] = 3;
        // lowest address is 0x30000000, highest 0x30000008 (unmapped)
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(0x3000_0008, m.cpu.faultAddress);
        assertEquals(0, mem32(m, 0x3000_0000));
        assertEquals(0, mem32(m, 0x3000_0004));
        assertEquals(0x3000_000C, m.reg(13));
        assertEquals(0, m.cpu.pc);
    }

    @Test
    void popFaultLeavesRegistersUntouched() {
        TestMachine m = m("pop {r0, r1, r2, pc}");
        m.bus.add(Region.memory("tiny", 0x3000_0000, 8, true, false));
        m.bus.write(0x3000_0000, 4, 0x11);
        m.bus.write(0x3000_0004, 4, 0x22);
        m.cpu.r[13] = 0x3000_0000;
        m.cpu.r[0] = -1; m.cpu.r[1] = -2; m.cpu.r[2] = -3;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(0x3000_0008, m.cpu.faultAddress);
        assertEquals(-1, m.reg(0));
        assertEquals(-2, m.reg(1));
        assertEquals(-3, m.reg(2));
        assertEquals(0x3000_0000, m.reg(13));
    }

    @Test
    void ldmUnalignedBaseFaults() {
        TestMachine m = m("ldmia r0!, {r1, r2}");
        m.cpu.r[0] = RAM + 2;
        assertFault(m, Fault.USAGEFAULT, Fault.UNALIGNED);
        assertEquals(RAM + 2, m.reg(0));
        TestMachine s = m("stmia r0!, {r1, r2}");
        s.cpu.r[0] = RAM + 1;
        assertFault(s, Fault.USAGEFAULT, Fault.UNALIGNED);
    }

    @Test
    void loadFaultLeavesRegisterUntouched() {
        TestMachine m = m("ldr r0, [r1, #4]");
        m.cpu.r[0] = 42;
        m.cpu.r[1] = 0x4000_0000;
        assertFault(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID);
        assertEquals(0x4000_0004, m.cpu.faultAddress);
        assertEquals(42, m.reg(0));
    }

    @Test
    void decodeNames() {
        String[][] cases = {
            {"5000", "STR_reg_T1"}, {"5200", "STRH_reg_T1"}, {"5400", "STRB_reg_T1"}, {"5600", "LDRSB_reg_T1"},
            {"5800", "LDR_reg_T1"}, {"5a00", "LDRH_reg_T1"}, {"5c00", "LDRB_reg_T1"}, {"5e00", "LDRSH_reg_T1"},
            {"6000", "STR_imm_T1"}, {"6800", "LDR_imm_T1"}, {"7000", "STRB_imm_T1"}, {"7800", "LDRB_imm_T1"},
            {"8000", "STRH_imm_T1"}, {"8800", "LDRH_imm_T1"}, {"9000", "STR_imm_T2"}, {"9800", "LDR_imm_T2"},
            {"c001", "STM_T1"}, {"c801", "LDM_T1"}, {"b401", "PUSH_T1"}, {"bc01", "POP_T1"}, {"4800", "LDR_lit_T1"},
        };
        for (String[] c : cases) assertEquals(c[1], Decoder.decode(Integer.parseInt(c[0], 16), 0).name, c[0]);
    }
}
