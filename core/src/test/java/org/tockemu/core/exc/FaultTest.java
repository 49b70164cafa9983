package org.tockemu.core.exc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.exc.ExcMachine.LOG;
import static org.tockemu.core.exc.ExcMachine.handlers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;

/** Synchronous faults: status registers, escalation, lockup, stacking and vector faults, INVPC, BKPT. */
class FaultTest {
    /** Logs IPSR, CFSR, HFSR, MMFAR, BFAR, stacked PC, LR, stacked xPSR to LOG and stops at bkpt #9. */
    static final String FAULT = String.join("\n",
            "fault:",
            "  ldr r4, =" + LOG,
            "  mrs r5, ipsr",
            "  str r5, [r4]",
            "  ldr r6, =0xE000ED28",
            "  ldr r5, [r6]",
            "  str r5, [r4, #4]",
            "  ldr r5, [r6, #4]",
            "  str r5, [r4, #8]",
            "  ldr r5, [r6, #12]",
            "  str r5, [r4, #12]",
            "  ldr r5, [r6, #16]",
            "  str r5, [r4, #16]",
            "  tst lr, #4",
            "  ite eq",
            "  mrseq r7, msp",
            "  mrsne r7, psp",
            "  ldr r5, [r7, #24]",
            "  str r5, [r4, #20]",
            "  str lr, [r4, #24]",
            "  ldr r5, [r7, #28]",
            "  str r5, [r4, #28]",
            "  bkpt #9");

    /** Like FAULT without touching the (possibly unreadable) frame. */
    static final String FAULT_NOFRAME = FAULT.substring(0, FAULT.indexOf("  tst lr")).replace("fault:", "fault_noframe:") + "  bkpt #9";

    static final Map<Integer, String> ALL_FAULTS = handlers(Fault.HARDFAULT, "fault", Fault.MEMMANAGE, "fault",
            Fault.BUSFAULT, "fault", Fault.USAGEFAULT, "fault", Fault.DEBUGMONITOR, "fault");

    static final String ENABLE_FAULTS = String.join("\n",
            "  ldr r0, =0xE000ED24",
            "  mov r1, #0x70000",
            "  str r1, [r0]");

    static ExcMachine run(String body) {
        return new ExcMachine().program(ALL_FAULTS, "reset:\n" + body + "\n  bkpt #1\n" + FAULT).runToBkpt(9);
    }

    static void expect(ExcMachine m, int exc, int cfsr, int hfsr) {
        assertEquals(exc, m.log(0), "IPSR");
        assertEquals(cfsr, m.log(1), "CFSR");
        assertEquals(hfsr, m.log(2), "HFSR");
    }

    @Test
    void undefinedInstructionEscalatesWhenUsageFaultDisabled() {
        ExcMachine m = run("  adr r8, bad\nbad:\n  udf #0");
        expect(m, Fault.HARDFAULT, Fault.UNDEFINSTR, Fault.HFSR_FORCED);
        assertEquals(m.reg(8), m.log(5), "stacked PC = the faulting instruction");
        assertEquals(0xFFFFFFF9, m.log(6));
    }

    @Test
    void undefinedInstructionTakesUsageFaultWhenEnabled() {
        ExcMachine m = run(ENABLE_FAULTS + "\n  adr r8, bad\nbad:\n  udf #0");
        expect(m, Fault.USAGEFAULT, Fault.UNDEFINSTR, 0);
        assertEquals(m.reg(8), m.log(5));
    }

    @Test
    void usageFaultWithInsufficientPriorityEscalates() {
        // UsageFault priority 0x80 while running an SVC handler at 0x40
        ExcMachine m = new ExcMachine().program(handlers(Fault.HARDFAULT, "fault", Fault.USAGEFAULT, "fault", Fault.SVCALL, "svc"),
                String.join("\n", "reset:", ENABLE_FAULTS,
                        "  ldr r0, =0xE000ED18",
                        "  ldr r1, =0x00800000",
                        "  str r1, [r0]",
                        "  ldr r1, =0x40000000",
                        "  str r1, [r0, #4]",
                        "  svc #0",
                        "  bkpt #1",
                        "svc:",
                        "  udf #1",
                        FAULT)).runToBkpt(9);
        expect(m, Fault.HARDFAULT, Fault.UNDEFINSTR, Fault.HFSR_FORCED);
        assertEquals(0xFFFFFFF1, m.log(6));
    }

    @Test
    void preciseBusFaultRecordsBfar() {
        ExcMachine m = run(ENABLE_FAULTS + "\n  ldr r1, =0x30000010\n  adr r8, bad\nbad:\n  ldr.w r0, [r1]");
        expect(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID, 0);
        assertEquals(0x30000010, m.log(4));
        assertEquals(m.reg(8), m.log(5));
    }

    @Test
    void memManageRecordsTheExactAddress() {
        // region 0: 32 bytes at 0x20002000, privileged read-only; PRIVDEFENA for the rest
        ExcMachine m = run(ENABLE_FAULTS + String.join("\n", "",
                "  ldr r0, =0xE000ED9C",
                "  ldr r1, =0x20002010",    // RBAR: VALID, region 0
                "  str r1, [r0]",
                "  ldr r1, =0x05000009",    // RASR: AP=5, SIZE=4 (32 B), ENABLE
                "  str r1, [r0, #4]",
                "  ldr r0, =0xE000ED94",
                "  movs r1, #5",
                "  str r1, [r0]",           // CTRL: ENABLE | PRIVDEFENA
                "  dsb",
                "  isb",
                "  ldr r1, =0x20002000",
                "  ldr r2, [r1, #0x1c]",    // read allowed
                "  adr r8, bad",
                "bad:",
                "  strh r2, [r1, #0x16]"));
        expect(m, Fault.MEMMANAGE, Fault.DACCVIOL | Fault.MMARVALID, 0);
        assertEquals(0x20002016, m.log(3), "MMFAR");
        assertEquals(m.reg(8), m.log(5));
    }

    @Test
    void faultInHardFaultLocksUp() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.HARDFAULT, "hard"), String.join("\n",
                "reset:",
                "  udf #0",
                "hard:",
                "  udf #1"));
        assertEquals(StopReason.LOCKUP, m.run());
        assertTrue(m.exc.lockedUp());
        String report = m.exc.lockupReport();
        assertNotNull(report);
        assertTrue(report.contains("UNDEFINSTR"), report);
        assertTrue(report.contains("FORCED"), report);
        assertEquals(StopReason.LOCKUP, m.run(), "stays locked up");
    }

    @Test
    void faultWithFaultmaskLocksUp() {
        ExcMachine m = new ExcMachine().program(ALL_FAULTS, "reset:\n  cpsid f\n  udf #0\n" + FAULT);
        assertEquals(StopReason.LOCKUP, m.run());
    }

    /** An SVC handler that returns with the given EXC_RETURN value; run to the fault handler's breakpoint. */
    private static ExcMachine svcReturningWith(String excReturn) {
        return new ExcMachine().program(handlers(Fault.USAGEFAULT, "fault", Fault.HARDFAULT, "fault", Fault.SVCALL, "svc"),
                String.join("\n", "reset:", ENABLE_FAULTS,
                        "  svc #0",
                        "  bkpt #1",
                        "svc:",
                        "  ldr r0, =" + excReturn,
                        "  bx r0",
                        FAULT)).runToBkpt(9);
    }

    @Test
    void invalidExcReturnIsInvpc() {
        ExcMachine m = svcReturningWith("0xFFFFFFF5");
        expect(m, Fault.USAGEFAULT, Fault.INVPC, 0);
        assertEquals(0xFFFFFFF5, m.log(6), "LR = the offending EXC_RETURN");
        assertFalse(m.exc.isActive(Fault.SVCALL), "the returning exception was deactivated");
    }

    @Test
    void returnToHandlerWithoutNestingIsInvpc() {
        ExcMachine m = svcReturningWith("0xFFFFFFF1");
        expect(m, Fault.USAGEFAULT, Fault.INVPC, 0);
    }

    @Test
    void vectorReadFailureIsHardFaultVecttbl() {
        // VTOR near the end of the 1 MiB code memory: IRQ16's vector (offset 0x80) is unmapped
        ExcMachine m = new ExcMachine().program(ALL_FAULTS, String.join("\n",
                "reset:",
                "  ldr r0, =0x000FFF80",
                "  adr r1, fault",
                "  adds r1, #1",
                "  str r1, [r0, #12]",      // HardFault vector of the new table
                "  ldr r2, =0xE000ED08",
                "  str r0, [r2]",
                "  ldr r2, =0xE000E100",
                "  ldr r3, =0x10000",
                "  str r3, [r2]",           // enable IRQ16
                "  ldr r2, =0xE000EF00",
                "  movs r3, #16",
                "  str r3, [r2]",
                "  bkpt #1",
                FAULT)).runToBkpt(9);
        expect(m, Fault.HARDFAULT, 0, Fault.HFSR_VECTTBL);
        assertTrue(m.exc.isPending(Fault.IRQ0 + 16), "the interrupt stays pending");
    }

    @Test
    void unreadableHardFaultVectorLocksUp() {
        ExcMachine m = new ExcMachine().program(ALL_FAULTS, String.join("\n",
                "reset:",
                "  ldr r0, =0x30000000",
                "  ldr r2, =0xE000ED08",
                "  str r0, [r2]",
                "  svc #0",
                FAULT));
        assertEquals(StopReason.LOCKUP, m.run());
        assertEquals(Fault.HFSR_VECTTBL, m.exc.hfsr());
    }

    @Test
    void stackingBusErrorIsDerivedAndTheOriginalStaysPending() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.HARDFAULT, "fault_noframe", Fault.SVCALL, "unexpected"), String.join("\n",
                "reset:",
                "  ldr r0, =0x30000100",
                "  msr psp, r0",
                "  movs r0, #2",
                "  msr control, r0",
                "  isb",
                "  svc #0",
                "  bkpt #1",
                FAULT_NOFRAME)).runToBkpt(9);
        expect(m, Fault.HARDFAULT, Fault.STKERR, Fault.HFSR_FORCED);
        assertEquals(0x300000E0, m.cpu.psp(), "PSP moved even though the stores failed");
        assertTrue(m.exc.isPending(Fault.SVCALL));
    }

    @Test
    void stackingMpuViolationIsMstkerr() {
        // unprivileged thread whose PSP points into a privileged-only region: the SVC frame faults
        ExcMachine m = new ExcMachine().program(ALL_FAULTS, String.join("\n",
                "reset:", ENABLE_FAULTS,
                "  ldr r0, =0xE000ED9C",
                "  ldr r1, =0x20004010",
                "  str r1, [r0]",
                "  ldr r1, =0x01000011",    // AP=1 (priv RW), SIZE=8 (512 B)
                "  str r1, [r0, #4]",
                "  ldr r1, =0x00000011",    // region 1: code, 1 MiB, read-only for all
                "  str r1, [r0]",
                "  ldr r1, =0x06000027",
                "  str r1, [r0, #4]",
                "  ldr r0, =0xE000ED94",
                "  movs r1, #5",
                "  str r1, [r0]",
                "  ldr r0, =0x20004100",
                "  msr psp, r0",
                "  movs r0, #3",
                "  msr control, r0",
                "  isb",
                "  svc #0",
                "  bkpt #1",
                FAULT)).runToBkpt(9);
        expect(m, Fault.MEMMANAGE, Fault.MSTKERR, 0);
        assertTrue(m.exc.isPending(Fault.SVCALL), "MemManage (4) wins over SVCall (11) at equal priority");
    }

    @Test
    void bkptWithoutDebuggerIsDebugEventHardFault() {
        ExcMachine m = new ExcMachine();
        m.program(ALL_FAULTS, "reset:\n  adr r8, bad\nbad:\n  bkpt #7\n" + FAULT);
        m.exc.debuggerAttached = false;
        m.exc.setBreakpointHandler((cpu, imm) -> {
            if (imm == 9) cpu.requestStop(StopReason.HALT);
            return imm == 9;
        });
        assertEquals(StopReason.HALT, m.run());
        expect(m, Fault.HARDFAULT, 0, Fault.HFSR_DEBUGEVT);
        assertEquals(m.reg(8), m.log(5), "stacked PC = the BKPT");
        assertEquals(ExceptionUnit.DFSR_BKPT, m.exc.dfsr());
    }

    @Test
    void bkptInQemuCompatModeIsForced() {
        ExcMachine m = new ExcMachine();
        m.program(ALL_FAULTS, "reset:\n  bkpt #7\n" + FAULT);
        m.exc.debuggerAttached = false;
        m.exc.qemuCompat = true;
        m.exc.setBreakpointHandler((cpu, imm) -> {
            if (imm == 9) cpu.requestStop(StopReason.HALT);
            return imm == 9;
        });
        assertEquals(StopReason.HALT, m.run());
        expect(m, Fault.HARDFAULT, 0, Fault.HFSR_FORCED);
    }

    @Test
    void handledBkptIsANop() {
        ExcMachine m = new ExcMachine();
        m.program("reset:\n  movs r0, #1\n  bkpt #0xAB\n  movs r1, #2\n  bkpt #1");
        m.exc.setBreakpointHandler((cpu, imm) -> {
            if (imm != 0xAB) return false;
            cpu.r[0] = 42;
            return true;
        });
        m.runToBkpt(1);
        assertEquals(42, m.reg(0));
        assertEquals(2, m.reg(1));
    }

    @Test
    void interworkingToArmStateIsInvstateAtTheTarget() {
        ExcMachine m = run(ENABLE_FAULTS + "\n  adr r0, target\n  bx r0\n  nop\n.align 2\ntarget:\n  nop");
        expect(m, Fault.USAGEFAULT, Fault.INVSTATE, 0);
        assertEquals(0, m.log(7) & (1 << 24), "stacked EPSR.T clear");
    }

    @Test
    void unalignedTrap() {
        ExcMachine m = run(ENABLE_FAULTS + String.join("\n", "",
                "  ldr r0, =0xE000ED14",
                "  ldr r1, [r0]",
                "  orr r1, #8",
                "  str r1, [r0]",
                "  ldr r1, =0x20000001",
                "  ldr r2, [r1]"));
        expect(m, Fault.USAGEFAULT, Fault.UNALIGNED, 0);
    }

    @Test
    void unprivilegedScsAccessIsBusFaultButStirMayBeAllowed() {
        ExcMachine m = run(ENABLE_FAULTS + String.join("\n", "",
                "  ldr r0, =0xE000ED14",
                "  ldr r1, [r0]",
                "  orr r1, #2",              // USERSETMPEND
                "  str r1, [r0]",
                "  movs r1, #1",
                "  msr control, r1",
                "  isb",
                "  ldr r0, =0xE000EF00",
                "  movs r1, #5",
                "  str r1, [r0]",            // STIR from unprivileged: allowed
                "  ldr r0, =0xE000ED00",
                "  ldr r1, [r0]"));          // CPUID: BusFault
        expect(m, Fault.BUSFAULT, Fault.PRECISERR | Fault.BFARVALID, 0);
        assertEquals(0xE000ED00, m.log(4));
        assertTrue(m.exc.isPending(Fault.IRQ0 + 5));
    }

    @Test
    void clearingFaultStatusIsWriteOneToClear() {
        ExcMachine m = run("  udf #0");
        m.resume();
        m.cpu.r[0] = 0;
        // the handler stopped at bkpt #9; clear CFSR bits through the bus as software would
        SystemControlSpace scs = new SystemControlSpace(m.cpu);
        scs.write(0xD28, 4, Fault.INVSTATE);
        assertEquals(Fault.UNDEFINSTR, m.exc.cfsr());
        scs.write(0xD2A, 2, Fault.UNDEFINSTR >>> 16);
        assertEquals(0, m.exc.cfsr());
        scs.write(0xD2C, 4, Fault.HFSR_FORCED);
        assertEquals(0, m.exc.hfsr());
    }

    @Test
    void bkptWithDebugMonitorEnabledTakesDebugMonitor() {
        ExcMachine m = new ExcMachine();
        m.program(ALL_FAULTS, String.join("\n",
                "reset:",
                "  ldr r0, =0xE000EDFC",
                "  mov r1, #0x10000",
                "  str r1, [r0]",              // DEMCR.MON_EN
                "  adr r8, bad",
                "bad:",
                "  bkpt #7",
                FAULT));
        m.exc.debuggerAttached = false;
        m.exc.setBreakpointHandler((cpu, imm) -> {
            if (imm == 9) cpu.requestStop(StopReason.HALT);
            return imm == 9;
        });
        assertEquals(StopReason.HALT, m.run());
        expect(m, Fault.DEBUGMONITOR, 0, 0);
        assertEquals(m.reg(8), m.log(5));
        assertEquals(ExceptionUnit.DFSR_BKPT, m.exc.dfsr());
    }

    @Test
    void unstackingMpuViolationIsMunstkerrTakenWithoutStacking() {
        java.util.Map<Integer, String> h = new java.util.TreeMap<>(ALL_FAULTS);
        h.put(Fault.MEMMANAGE, "fault_noframe");
        h.put(Fault.SVCALL, "svc");
        ExcMachine m = new ExcMachine().program(h, String.join("\n",
                "reset:", ENABLE_FAULTS,
                "  ldr r0, =0xE000ED9C",
                "  ldr r1, =0x00000010",     // region 0: code 1 MiB, read-only for all
                "  str r1, [r0]",
                "  ldr r1, =0x06000027",
                "  str r1, [r0, #4]",
                "  ldr r1, =0x20000011",     // region 1: RAM 256 KiB, full access
                "  str r1, [r0]",
                "  ldr r1, =0x03000023",
                "  str r1, [r0, #4]",
                "  ldr r1, =0x20004012",     // region 2: 512 B privileged only
                "  str r1, [r0]",
                "  ldr r1, =0x01000011",
                "  str r1, [r0, #4]",
                "  ldr r0, =0xE000ED94",
                "  movs r1, #5",
                "  str r1, [r0]",
                "  ldr r0, =0x20003000",
                "  msr psp, r0",
                "  movs r0, #3",
                "  msr control, r0",
                "  isb",
                "  svc #0",
                "  bkpt #1",
                "svc:",
                "  ldr r0, =0x20004100",
                "  msr psp, r0",
                "  bx lr",
                FAULT_NOFRAME));
        m.runToBkpt(9);
        expect(m, Fault.MEMMANAGE, Fault.MUNSTKERR, 0);
        assertEquals(0xFFFFFFFD, m.reg(14), "tail-chained: LR = the failed EXC_RETURN");
        assertEquals(0x20004100, m.cpu.psp(), "nothing popped");
        assertFalse(m.exc.isActive(Fault.SVCALL));
    }
}
