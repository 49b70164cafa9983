package org.tockemu.core.exc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.exc.ExcMachine.LOG;
import static org.tockemu.core.exc.ExcMachine.RAM_TOP;
import static org.tockemu.core.exc.ExcMachine.handlers;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;

/** Exception entry and return: frames, alignment padding, EXC_RETURN values, modes and stacks. */
class EntryReturnTest {
    /** An SVC handler that logs SP, LR, IPSR, CONTROL and the stacked frame (8 words) to LOG. */
    static final String LOGGING_SVC = String.join("\n",
            "svc_handler:",
            "  ldr r4, =" + LOG,
            "  tst lr, #4",
            "  ite eq",
            "  mrseq r5, msp",
            "  mrsne r5, psp",
            "  str r5, [r4]",
            "  str lr, [r4, #4]",
            "  mrs r6, ipsr",
            "  str r6, [r4, #8]",
            "  mrs r6, control",
            "  str r6, [r4, #12]",
            "  movs r7, #0",
            "1:",
            "  ldr r6, [r5, r7]",
            "  add r8, r4, r7",
            "  str r6, [r8, #16]",
            "  adds r7, #4",
            "  cmp r7, #32",
            "  bne 1b",
            "  bx lr");

    static final String SET_REGS = String.join("\n",
            "  ldr r0, =0x10101010",
            "  ldr r1, =0x11111111",
            "  ldr r2, =0x12121212",
            "  ldr r3, =0x13131313",
            "  ldr r12, =0x1c1c1c1c",
            "  ldr lr, =0x0e0e0e0f",
            "  ldr r9, =0xa0000000",
            "  msr apsr_nzcvq, r9");

    @Test
    void svcFromThreadOnMainStack() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc_handler"), String.join("\n",
                "reset:",
                SET_REGS,
                "  svc #5",
                "after:",
                "  bkpt #1",
                LOGGING_SVC));
        m.runToBkpt(1);
        int frame = RAM_TOP - 0x20;
        assertEquals(frame, m.log(0), "SP in handler");
        assertEquals(0xFFFFFFF9, m.log(1), "EXC_RETURN thread/MSP");
        assertEquals(Fault.SVCALL, m.log(2));
        assertEquals(0, m.log(3), "CONTROL in handler");
        assertEquals(0x10101010, m.log(4));
        assertEquals(0x11111111, m.log(5));
        assertEquals(0x12121212, m.log(6));
        assertEquals(0x13131313, m.log(7));
        assertEquals(0x1c1c1c1c, m.log(8));
        assertEquals(0x0e0e0e0f, m.log(9));
        assertEquals(m.cpu.pc, m.log(10), "return address = instruction after SVC (the bkpt)");
        assertEquals(0xA1000000, m.log(11), "xPSR: N, C, T; IPSR 0; no padding");
        // after return: registers restored from the frame, SP back, thread mode
        assertEquals(RAM_TOP, m.cpu.msp());
        assertEquals(0, m.cpu.ipsr);
        assertEquals(0x10101010, m.reg(0));
        assertEquals(0x0e0e0e0f, m.reg(14));
        assertTrue(m.cpu.n && m.cpu.c && !m.cpu.z && !m.cpu.v);
        assertFalse(m.exc.isActive(Fault.SVCALL));
    }

    @Test
    void framePaddingWhenStackIsOnlyWordAligned() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc_handler"), String.join("\n",
                "reset:",
                "  sub sp, #4",
                SET_REGS,
                "  svc #0",
                "  bkpt #1",
                LOGGING_SVC));
        m.runToBkpt(1);
        assertEquals(RAM_TOP - 0x28, m.log(0), "frame realigned to 8 bytes");
        assertEquals(0xA1000200, m.log(11), "xPSR bit 9 records the padding");
        assertEquals(RAM_TOP - 4, m.cpu.msp(), "padding removed on return");
    }

    @Test
    void noPaddingWhenStkalignIsClear() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc_handler"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000ED14",
                "  movs r1, #0",
                "  str r1, [r0]",
                "  sub sp, #4",
                "  svc #0",
                "  bkpt #1",
                LOGGING_SVC));
        m.runToBkpt(1);
        assertEquals(RAM_TOP - 0x24, m.log(0));
        assertEquals(0, m.log(11) & 0x200);
        assertEquals(RAM_TOP - 4, m.cpu.msp());
    }

    @Test
    void svcFromUnprivilegedThreadOnProcessStack() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc_handler"), String.join("\n",
                "reset:",
                "  ldr r0, =0x20004000",
                "  msr psp, r0",
                "  movs r0, #3",
                "  msr control, r0",
                "  isb",
                "  svc #7",
                "  mrs r0, control",
                "  mov r1, sp",
                "  bkpt #1",
                LOGGING_SVC));
        m.runToBkpt(1);
        assertEquals(0x20004000 - 0x20, m.log(0), "frame on PSP");
        assertEquals(0xFFFFFFFD, m.log(1), "EXC_RETURN thread/PSP");
        assertEquals(1, m.log(3), "in the handler: SPSEL cleared, nPRIV kept");
        assertEquals(RAM_TOP, m.cpu.msp(), "main stack untouched");
        assertEquals(3, m.reg(0), "CONTROL restored: unprivileged, PSP");
        assertEquals(0x20004000, m.reg(1));
        assertFalse(m.cpu.privileged());
    }

    @Test
    void nestedExceptionUsesHandlerExcReturn() {
        // SVC handler pends PendSV at a higher priority (0x00 vs SVC 0x80): it preempts, with LR = 0xFFFFFFF1
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc", Fault.PENDSV, "pendsv"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000ED1C",
                "  mov r1, #0x80000000",
                "  str r1, [r0]",           // SHPR2: SVC priority 0x80
                "  svc #0",
                "  bkpt #1",
                "svc:",
                "  ldr r0, =0xE000ED04",
                "  mov r1, #0x10000000",
                "  str r1, [r0]",           // PENDSVSET
                "  isb",
                "  ldr r4, =" + LOG,
                "  ldr r5, [r4]",
                "  str r5, [r4, #8]",       // what pendsv logged before we got here again
                "  bx lr",
                "pendsv:",
                "  ldr r4, =" + LOG,
                "  str lr, [r4]",
                "  mrs r5, ipsr",
                "  str r5, [r4, #4]",
                "  mov r5, sp",
                "  str r5, [r4, #12]",
                "  bx lr"));
        m.runToBkpt(1);
        assertEquals(0xFFFFFFF1, m.log(0));
        assertEquals(Fault.PENDSV, m.log(1));
        assertEquals(0xFFFFFFF1, m.log(2), "PendSV ran inside the SVC handler");
        assertEquals(RAM_TOP - 0x40, m.log(3), "second frame on the main stack below the first");
        assertEquals(RAM_TOP, m.cpu.msp());
    }

    @Test
    void interruptInsideItBlockStacksItState() {
        // SysTick pended inside an IT block by a store: taken after the store, ITSTATE stacked and restored
        ExcMachine m = new ExcMachine().program(handlers(Fault.SYSTICK, "tick"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000ED04",
                "  mov r1, #0x04000000",      // PENDSTSET
                "  movs r2, #0",
                "  cmp r2, #0",
                "  itttt eq",
                "  streq r1, [r0]",
                "  addeq r2, #1",
                "  addeq r2, #2",
                "  addeq r2, #4",
                "  bkpt #1",
                "tick:",
                "  ldr r4, =" + LOG,
                "  ldr r5, [sp, #28]",
                "  str r5, [r4]",
                "  movs r5, #0",
                "  cmp r5, #1",                // clobber flags: must be restored
                "  bx lr"));
        m.runToBkpt(1);
        assertEquals(7, m.reg(2), "the rest of the IT block ran with the restored ITSTATE");
        int itBits = m.log(0) & 0x0600FC00;
        assertTrue(itBits != 0, "ITSTATE in the stacked xPSR");
        assertEquals(0x61000000, m.log(0) & 0xF9000000, "Z, C and T in the stacked xPSR");
    }

    @Test
    void handlerEntryClearsExclusiveMonitorAndSetsThumbFromVector() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc"), String.join("\n",
                "reset:",
                "  ldr r0, =0x20000100",
                "  ldrex r1, [r0]",
                "  svc #0",
                "  movs r2, #9",
                "  strex r3, r2, [r0]",
                "  bkpt #1",
                "svc:",
                "  bx lr"));
        m.runToBkpt(1);
        assertEquals(1, m.reg(3), "STREX fails after an exception");
    }

    private static long cyclesOf(boolean charge, String body, java.util.Map<Integer, String> handlers) {
        ExcMachine m = new ExcMachine().program(handlers, "reset:\n  bkpt #1\n" + body + "\n  bkpt #2\nh:\n  bx lr");
        m.exc.chargeExceptionCycles = charge;
        m.runToBkpt(1).resume();
        long c0 = m.cpu.cycles;
        m.runToBkpt(2);
        return m.cpu.cycles - c0;
    }

    @Test
    void entryReturnAndTailChainCycles() {
        var svc = handlers(Fault.SVCALL, "h");
        assertEquals(ExceptionUnit.ENTRY_CYCLES + ExceptionUnit.RETURN_CYCLES,
                cyclesOf(true, "  svc #0", svc) - cyclesOf(false, "  svc #0", svc));
        var irqs = handlers(Fault.IRQ0, "h", Fault.IRQ0 + 1, "h");
        String two = String.join("\n",
                "  cpsid i",
                "  ldr r0, =0xE000E100",
                "  movs r1, #3",
                "  str r1, [r0]",
                "  ldr r0, =0xE000E200",
                "  str r1, [r0]",
                "  cpsie i");
        assertEquals(ExceptionUnit.ENTRY_CYCLES + ExceptionUnit.TAILCHAIN_CYCLES + ExceptionUnit.RETURN_CYCLES,
                cyclesOf(true, two, irqs) - cyclesOf(false, two, irqs));
    }
}
