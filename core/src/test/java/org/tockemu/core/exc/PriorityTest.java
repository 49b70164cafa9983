package org.tockemu.core.exc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.exc.ExcMachine.LOG;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;

/** Priorities, grouping, masking, preemption and the order of tail-chained handlers. */
class PriorityTest {
    /** logv: appends r2 to the log (count at LOG, values after it); clobbers r0, r1. */
    static final String LOGV = String.join("\n",
            "logv:",
            "  ldr r0, =" + LOG,
            "  ldr r1, [r0]",
            "  adds r1, #1",
            "  str r1, [r0]",
            "  str r2, [r0, r1, lsl #2]",
            "  bx lr");

    /** A handler that logs its IPSR. */
    static final String LOG_IPSR = String.join("\n",
            "log_ipsr:",
            "  push {r4, lr}",
            "  mrs r2, ipsr",
            "  bl logv",
            "  pop {r4, pc}");

    static int[] logged(ExcMachine m) {
        int n = m.log(0);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = m.log(i + 1);
        return v;
    }

    static Map<Integer, String> irqHandlers(String label, int count) {
        Map<Integer, String> h = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) h.put(Fault.IRQ0 + i, label);
        return h;
    }

    @Test
    void pendingInterruptsAreTakenByPriorityThenNumber() {
        ExcMachine m = new ExcMachine().program(irqHandlers("log_ipsr", 8), String.join("\n",
                "reset:",
                "  cpsid i",
                "  ldr r0, =0xE000E400",
                "  ldr r1, =0xC0404080",     // IPR0..3: irq0 0x80, irq1 0x40, irq2 0x40, irq3 0xC0
                "  str r1, [r0]",
                "  ldr r0, =0xE000E100",
                "  movs r1, #0xF",
                "  str r1, [r0]",            // ISER
                "  ldr r0, =0xE000E200",
                "  str r1, [r0]",            // ISPR
                "  cpsie i",
                "  isb",
                "  bkpt #1",
                LOGV, LOG_IPSR));
        m.runToBkpt(1);
        assertArrayEquals(new int[] {17, 18, 16, 19}, logged(m));
    }

    @Test
    void higherPriorityPreemptsEqualDoesNot() {
        // irq0 (0x80) pends irq1 (0x40: preempts) and irq2 (0x80: waits until irq0 returns)
        ExcMachine m = new ExcMachine().program(handlers3(), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E400",
                "  ldr r1, =0x00804080",
                "  str r1, [r0]",
                "  ldr r0, =0xE000E100",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  ldr r0, =0xE000EF00",
                "  movs r1, #0",
                "  str r1, [r0]",            // STIR 0
                "  bkpt #1",
                "irq0:",
                "  push {r4, lr}",
                "  movs r2, #0x10",
                "  bl logv",
                "  ldr r3, =0xE000EF00",
                "  movs r4, #2",
                "  str r4, [r3]",
                "  movs r4, #1",
                "  str r4, [r3]",
                "  movs r2, #0x1E",
                "  bl logv",
                "  pop {r4, pc}",
                LOGV, LOG_IPSR));
        m.runToBkpt(1);
        assertArrayEquals(new int[] {0x10, 17, 0x1E, 18}, logged(m));
    }

    private static Map<Integer, String> handlers3() {
        return ExcMachine.handlers(Fault.IRQ0, "irq0", Fault.IRQ0 + 1, "log_ipsr", Fault.IRQ0 + 2, "log_ipsr");
    }

    @Test
    void subpriorityDoesNotPreemptButOrdersPending() {
        // PRIGROUP 5: group = bits 7:6. irq0 0x50 pends irq1 0x40 (same group 0x40): no preemption.
        ExcMachine m = new ExcMachine().program(handlers3(), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000ED0C",
                "  ldr r1, =0x05FA0500",
                "  str r1, [r0]",
                "  ldr r0, =0xE000E400",
                "  ldr r1, =0x00004050",
                "  str r1, [r0]",
                "  ldr r0, =0xE000E100",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  ldr r0, =0xE000EF00",
                "  movs r1, #0",
                "  str r1, [r0]",
                "  ldr r0, =0xE000ED0C",
                "  ldr r1, [r0]",
                "  mov r9, r1",
                "  bkpt #1",
                "irq0:",
                "  push {r4, lr}",
                "  movs r2, #0x10",
                "  bl logv",
                "  ldr r3, =0xE000EF00",
                "  movs r4, #1",
                "  str r4, [r3]",
                "  movs r2, #0x1E",
                "  bl logv",
                "  pop {r4, pc}",
                LOGV, LOG_IPSR));
        m.runToBkpt(1);
        assertArrayEquals(new int[] {0x10, 0x1E, 17}, logged(m));
        assertEquals(0xFA050500, m.reg(9), "AIRCR reads VECTKEYSTAT and PRIGROUP");
    }

    @Test
    void basepriMasksAtAndBelowItsLevel() {
        ExcMachine m = new ExcMachine().program(irqHandlers("log_ipsr", 4), String.join("\n",
                "reset:",
                "  movs r0, #0x80",
                "  msr basepri, r0",
                "  ldr r0, =0xE000E400",
                "  ldr r1, =0x00007F80",     // irq0 0x80 (masked), irq1 0x7F (taken)
                "  str r1, [r0]",
                "  ldr r0, =0xE000E100",
                "  movs r1, #3",
                "  str r1, [r0]",
                "  ldr r0, =0xE000EF00",
                "  movs r1, #0",
                "  str r1, [r0]",
                "  movs r1, #1",
                "  str r1, [r0]",
                "  isb",
                "  movs r2, #0xAA",
                "  bl logv",
                "  ldr r0, =0xE000ED04",
                "  ldr r9, [r0]",            // ICSR while irq0 is pending but masked
                "  movs r0, #0",
                "  msr basepri, r0",
                "  isb",
                "  bkpt #1",
                LOGV, LOG_IPSR));
        m.runToBkpt(1);
        assertArrayEquals(new int[] {17, 0xAA, 16}, logged(m));
        int icsr = m.reg(9);
        assertEquals(16, (icsr >>> 12) & 0x1FF, "VECTPENDING");
        assertTrue((icsr & Scb.ICSR_ISRPENDING) != 0, "ISRPENDING");
        assertTrue((icsr & Scb.ICSR_RETTOBASE) != 0, "RETTOBASE in thread mode (as QEMU)");
        assertEquals(0, icsr & 0x1FF, "VECTACTIVE");
    }

    @Test
    void primaskBlocksInterruptsAndEscalatesSvc() {
        ExcMachine m = new ExcMachine().program(ExcMachine.handlers(Fault.HARDFAULT, "hard", Fault.SVCALL, "unexpected"), String.join("\n",
                "reset:",
                "  cpsid i",
                "  svc #1",
                "  bkpt #1",
                "hard:",
                "  ldr r0, =0xE000ED2C",
                "  ldr r9, [r0]",
                "  mrs r10, ipsr",
                "  bkpt #2"));
        m.runToBkpt(2);
        assertEquals(Fault.HFSR_FORCED, m.reg(9));
        assertEquals(Fault.HARDFAULT, m.reg(10));
        assertTrue(m.exc.isPending(Fault.SVCALL) == false, "SVC was escalated, not left pending");
    }

    @Test
    void priorityBitsAreMaskedAndBasepriFollows() {
        ExcMachine m = new ExcMachine(48, 3).program(String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E400",
                "  movs r1, #0xFF",
                "  strb r1, [r0, #5]",
                "  ldrb r2, [r0, #5]",
                "  ldr r0, =0xE000ED18",
                "  strb r1, [r0, #2]",       // UsageFault priority byte
                "  ldr r3, [r0]",
                "  movs r1, #0x3F",
                "  msr basepri, r1",
                "  mrs r4, basepri",
                "  ldr r0, =0xE000E004",
                "  ldr r5, [r0]",            // ICTR
                "  bkpt #1"));
        m.runToBkpt(1);
        assertEquals(0xE0, m.reg(2));
        assertEquals(0x00E00000, m.reg(3));
        assertEquals(0x20, m.reg(4));
        assertEquals(1, m.reg(5), "48 interrupts: INTLINESNUM = 1");
    }

    @Test
    void faultmaskIsClearedOnExceptionReturn() {
        ExcMachine m = new ExcMachine().program(ExcMachine.handlers(Fault.SVCALL, "svc"), String.join("\n",
                "reset:",
                "  svc #0",
                "  mrs r9, faultmask",
                "  bkpt #1",
                "svc:",
                "  cpsid f",
                "  mrs r8, faultmask",
                "  bx lr"));
        m.runToBkpt(1);
        assertEquals(1, m.reg(8));
        assertEquals(0, m.reg(9));
    }

    @Test
    void nmiPendedThroughIcsrPreemptsEverything() {
        ExcMachine m = new ExcMachine().program(ExcMachine.handlers(Fault.NMI, "log_ipsr"), String.join("\n",
                "reset:",
                "  cpsid f",
                "  ldr r0, =0xE000ED04",
                "  mov r1, #0x80000000",
                "  str r1, [r0]",
                "  bkpt #1",
                LOGV, LOG_IPSR));
        m.runToBkpt(1);
        assertArrayEquals(new int[] {Fault.NMI}, logged(m));
        assertEquals(1, m.cpu.faultmask, "NMI return does not clear FAULTMASK");
    }

    @Test
    void hostRaisedIrqLineRepeatsWhileAsserted() {
        ExcMachine m = new ExcMachine().program(ExcMachine.handlers(Fault.IRQ0 + 3, "irq3"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E100",
                "  movs r1, #8",
                "  str r1, [r0]",
                "  bkpt #1",
                "  bkpt #2",
                "irq3:",
                "  push {r4, lr}",
                "  mrs r2, ipsr",
                "  bl logv",
                "  ldr r0, =" + LOG,
                "  ldr r1, [r0]",
                "  cmp r1, #3",
                "  bne 1f",
                "  bkpt #3",
                "1:",
                "  pop {r4, pc}",
                LOGV));
        m.runToBkpt(1).resume();
        m.exc.raiseIrq(3);
        m.runToBkpt(3);
        m.exc.lowerIrq(3);
        m.resume().runToBkpt(2);
        assertArrayEquals(new int[] {19, 19, 19}, logged(m));
    }
}
