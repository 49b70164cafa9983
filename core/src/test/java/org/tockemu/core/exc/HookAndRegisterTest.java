package org.tockemu.core.exc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.exc.ExcMachine.handlers;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;

/** Host hooks (the Java kernel's view) and SCS register behaviour. */
class HookAndRegisterTest {
    static final String UNPRIV_PROCESS = String.join("\n",
            "reset:",
            "  ldr r0, =0x20004000",
            "  msr psp, r0",
            "  movs r0, #3",
            "  msr control, r0",
            "  isb");

    @Test
    void hookedSvcStopsWithTheFrameOnTheProcessStack() {
        ExcMachine m = new ExcMachine().program(UNPRIV_PROCESS + String.join("\n", "",
                "  movs r0, #1",
                "  movs r1, #2",
                "  svc #4",
                "  adds r0, #1",
                "  bkpt #1"));
        m.exc.setHooked(Fault.SVCALL, true);
        assertEquals(StopReason.HOOK, m.run());
        assertEquals(Fault.SVCALL, m.exc.hookedException());
        assertEquals(Fault.SVCALL, m.cpu.ipsr);
        int frame = m.cpu.psp();
        assertEquals(0x20004000 - 0x20, frame);
        assertEquals(1, m.word(frame));
        assertEquals(2, m.word(frame + 4));
        int pc = m.word(frame + 24);
        assertEquals(0xDF04, m.bus.read(pc - 2, 2), "stacked PC follows the SVC (imm 4 readable by the kernel)");
        assertEquals(ExceptionUnit.EXC_RETURN_THREAD_PSP, m.reg(14));
        // the kernel writes the return value into the frame and resumes the process
        m.bus.write(frame, 4, 41);
        m.exc.returnFromException(ExceptionUnit.EXC_RETURN_THREAD_PSP);
        assertEquals(0, m.cpu.ipsr);
        assertFalse(m.cpu.privileged());
        m.runToBkpt(1);
        assertEquals(42, m.reg(0));
        assertEquals(0x20004000, m.cpu.psp());
    }

    @Test
    void hookedSysTickPreemptsASpinningProcess() {
        ExcMachine m = new ExcMachine().program(String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E010",
                "  movs r1, #200",
                "  str r1, [r0, #4]",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  ldr r0, =0x20004000",
                "  msr psp, r0",
                "  movs r0, #3",
                "  msr control, r0",
                "  isb",
                "1:",
                "  adds r5, #1",
                "  b 1b"));
        m.exc.setHooked(Fault.SYSTICK, true);
        assertEquals(StopReason.HOOK, m.run());
        assertEquals(Fault.SYSTICK, m.exc.hookedException());
        assertTrue(m.cpu.cycles >= 201 && m.cpu.cycles < 230, "at the first wrap: " + m.cpu.cycles);
        m.exc.returnFromException(ExceptionUnit.EXC_RETURN_THREAD_PSP);
        assertEquals(StopReason.HOOK, m.run());
        assertTrue(m.cpu.cycles >= 402 && m.cpu.cycles < 430, "second slice: " + m.cpu.cycles);
    }

    @Test
    void hookedFaultReportsMemManageOfAProcess() {
        ExcMachine m = new ExcMachine().program(UNPRIV_PROCESS + String.join("\n", "",
                "  ldr r1, =0xE000ED00",
                "  ldr r2, [r1]",
                "  bkpt #1"));
        m.exc.setHooked(Fault.HARDFAULT, true);
        m.exc.setHooked(Fault.BUSFAULT, true);
        assertEquals(StopReason.HOOK, m.run());
        assertEquals(Fault.HARDFAULT, m.exc.hookedException(), "BusFault disabled: escalated");
        assertEquals(Fault.PRECISERR | Fault.BFARVALID, m.exc.cfsr());
        assertEquals(0xE000ED00, m.exc.bfar());
        assertTrue(FaultReport.describe(m.cpu).contains("PRECISERR"));
    }

    @Test
    void scbIdentificationAndResetValues() {
        ExcMachine m = new ExcMachine();
        SystemControlSpace scs = new SystemControlSpace(m.cpu);
        assertEquals(0x410FC241, scs.read(0xD00, 4));
        assertEquals(0x200, scs.read(0xD14, 4), "CCR.STKALIGN set at reset");
        assertEquals(0xFA050000, scs.read(0xD0C, 4));
        assertEquals(0x800, scs.read(0xD90, 4), "MPU_TYPE: 8 regions");
        assertEquals(0, scs.read(0xD88, 4), "CPACR: no FPU");
        assertEquals(0x00000030, scs.read(0xD40, 4), "ID_PFR0");
        assertEquals(0, scs.read(0xD00, 2), "sub-word read of a word-only register is RAZ (QEMU)");
    }

    @Test
    void aircrNeedsTheKeyAndSysresetreqStops() {
        ExcMachine m = new ExcMachine();
        SystemControlSpace scs = new SystemControlSpace(m.cpu);
        scs.write(0xD0C, 4, 0x00000300);
        assertEquals(0xFA050000, scs.read(0xD0C, 4), "no VECTKEY: ignored");
        scs.write(0xD0C, 4, 0x05FA0300);
        assertEquals(0xFA050300, scs.read(0xD0C, 4));
        scs.write(0xD0C, 4, 0x05FA0004);
        assertEquals(StopReason.REQUESTED, m.cpu.stopRequest);
        assertTrue(m.exc.takeResetRequest());
        assertFalse(m.exc.takeResetRequest());
    }

    @Test
    void vtorShcsrIcsrAndNvicBanks() {
        ExcMachine m = new ExcMachine();
        SystemControlSpace scs = new SystemControlSpace(m.cpu);
        scs.write(0xD08, 4, 0x12345678);
        assertEquals(0x12345600, scs.read(0xD08, 4));
        scs.write(0xD24, 4, 0x00070000);
        assertEquals(0x00070000, scs.read(0xD24, 4));
        assertTrue(m.exc.isEnabled(Fault.USAGEFAULT));
        scs.write(0xD04, 4, Scb.ICSR_PENDSVSET | Scb.ICSR_PENDSTSET);
        int icsr = scs.read(0xD04, 4);
        assertEquals(Scb.ICSR_PENDSVSET | Scb.ICSR_PENDSTSET, icsr & (Scb.ICSR_PENDSVSET | Scb.ICSR_PENDSTSET));
        assertEquals(Fault.PENDSV, (icsr >>> 12) & 0x1FF, "equal priority: the lower number first");
        scs.write(0xD04, 4, Scb.ICSR_PENDSVCLR | Scb.ICSR_PENDSTCLR);
        assertEquals(0, scs.read(0xD04, 4) & (Scb.ICSR_PENDSVSET | Scb.ICSR_PENDSTSET));
        // NVIC: 32 interrupts configured, bank 1 is RAZ/WI
        scs.write(0x100, 4, 0xFFFFFFFF);
        assertEquals(0xFFFFFFFF, scs.read(0x100, 4));
        scs.write(0x104, 4, 0xFFFFFFFF);
        assertEquals(0, scs.read(0x104, 4));
        scs.write(0x181, 1, 0x80); // ICER byte 1 bit 7: IRQ 15
        assertEquals(0xFFFF7FFF, scs.read(0x180, 4));
        scs.write(0x200, 2, 0x0003);
        assertEquals(3, scs.read(0x200, 4));
        assertTrue(scs.read(0xD04, 4) >= 0, "");
        scs.write(0x280, 4, 1);
        assertEquals(2, scs.read(0x200, 4));
        scs.write(0x407, 1, 0xA5);
        assertEquals(0xA5000000, scs.read(0x404, 4));
        assertEquals(0xA5, scs.read(0x407, 1));
        scs.write(0xD1B, 1, 0xCC); // SHPR1 byte 3: reserved (exception 7)
        assertEquals(0, scs.read(0xD18, 4));
        scs.write(0xD22, 2, 0x4080); // PendSV 0x80, SysTick 0x40
        assertEquals(0x40800000, scs.read(0xD20, 4));
    }

    @Test
    void resetLoadsStackPointerAndEntryAndChecksTheThumbBit() {
        ExcMachine m = new ExcMachine();
        m.bus.write(0, 4, 0x20001004);
        m.bus.write(4, 4, 0x100);         // bit 0 clear: INVSTATE at the first instruction
        m.bus.write(12, 4, 0x201);        // HardFault handler at 0x200
        m.bus.write(0x200, 2, 0xBE42);    // bkpt #0x42
        m.exc.reset();
        assertEquals(0x20001004, m.cpu.msp());
        assertEquals(0x100, m.cpu.pc);
        assertFalse(m.cpu.thumb);
        m.runToBkpt(0x42);
        assertEquals(Fault.INVSTATE, m.exc.cfsr());
        assertEquals(Fault.HFSR_FORCED, m.exc.hfsr());
        assertEquals(0, m.bus.read(m.cpu.msp() + 28, 4) & (1 << 24), "stacked T bit clear");
    }

    @Test
    void iabrShowsActiveInterruptsInHandler() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.IRQ0 + 9, "irq"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E100",
                "  mov r1, #0x200",
                "  str r1, [r0]",
                "  ldr r0, =0xE000EF00",
                "  movs r1, #9",
                "  str r1, [r0]",
                "  bkpt #1",
                "irq:",
                "  ldr r0, =0xE000E300",
                "  ldr r9, [r0]",
                "  ldr r0, =0xE000ED04",
                "  ldr r10, [r0]",
                "  ldr r0, =0xE000ED24",
                "  ldr r11, [r0]",
                "  bx lr"));
        m.runToBkpt(1);
        assertEquals(0x200, m.reg(9));
        assertEquals(Fault.IRQ0 + 9, m.reg(10) & 0x1FF, "VECTACTIVE");
        assertTrue((m.reg(10) & Scb.ICSR_RETTOBASE) != 0, "RETTOBASE: only one active");
        assertEquals(0, m.reg(11));
    }

    @Test
    void sleepingProcessIsWokenByAHookedTimedInterrupt() {
        ExcMachine m = new ExcMachine().program(UNPRIV_PROCESS + String.join("\n", "",
                "1:",
                "  wfi",
                "  b 1b"));
        m.exc.setAllIrqsHooked(true);
        m.exc.setEnabled(Fault.IRQ0 + 4, true);
        long[] due = {5000};
        m.exc.addTimedDevice(new TimedDevice() {
            @Override public long nextEventCycle() { return due[0]; }
            @Override public void advanceTo(long cycle) { m.exc.pulseIrq(4); due[0] = Long.MAX_VALUE; }
        });
        assertEquals(StopReason.HOOK, m.run());
        assertEquals(Fault.IRQ0 + 4, m.exc.hookedException());
        assertTrue(m.cpu.cycles >= 5000 && m.cpu.cycles < 5000 + 40, "time skipped to the event: " + m.cpu.cycles);
        assertTrue(m.exc.sleepCycles > 4900);
        m.exc.returnFromException(ExceptionUnit.EXC_RETURN_THREAD_PSP);
        assertEquals(StopReason.SLEEP, m.run(), "back to sleep, nothing else can wake it");
    }

    @Test
    void listenerSeesEntriesReturnsAndSleep() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SVCALL, "svc", Fault.SYSTICK, "svc"), String.join("\n",
                "reset:",
                "  svc #0",
                "  ldr r0, =0xE000E010",
                "  movs r1, #99",
                "  str r1, [r0, #4]",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  wfi",
                "  movs r1, #0",
                "  str r1, [r0]",
                "  bkpt #1",
                "svc:",
                "  bx lr"));
        StringBuilder log = new StringBuilder();
        m.exc.setListener(new ExceptionListener() {
            @Override public void entered(int exc, long cycle) { log.append("in ").append(exc).append(' '); }
            @Override public void returned(int exc, long cycle) { log.append("out ").append(exc).append(' '); }
            @Override public void slept(long from, long to, boolean deep) { log.append("sleep ").append(to - from > 50).append(' '); }
        });
        m.runToBkpt(1);
        assertEquals("in 11 out 11 sleep true in 15 out 15 ", log.toString());
    }
}
