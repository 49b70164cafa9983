package org.tockemu.core.exc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tockemu.core.exc.ExcMachine.LOG;
import static org.tockemu.core.exc.ExcMachine.handlers;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;

/** SysTick counting (lazy, from the cycle counter), COUNTFLAG, periods, WFI/WFE and sleep-on-exit. */
class SysTickSleepTest {
    @Test
    void counterSequenceReloadAndCountflag() {
        ExcMachine m = new ExcMachine();
        SysTick st = m.exc.sysTick;
        m.cpu.cycles = 1000;
        st.writeRvr(9);
        st.writeCvr(123);
        assertEquals(0, st.readCvr(), "any CVR write clears it");
        st.writeCsr(SysTick.CSR_ENABLE | SysTick.CSR_CLKSOURCE);
        m.cpu.cycles = 1001;
        assertEquals(9, st.readCvr(), "reload on the first tick");
        m.cpu.cycles = 1009;
        assertEquals(1, st.readCvr());
        assertEquals(SysTick.CSR_ENABLE | SysTick.CSR_CLKSOURCE, st.readCsr(), "no wrap yet");
        m.cpu.cycles = 1010;
        assertEquals(0, st.readCvr());
        assertEquals(SysTick.CSR_COUNTFLAG, st.readCsr() & SysTick.CSR_COUNTFLAG, "1 -> 0 sets COUNTFLAG");
        assertEquals(0, st.readCsr() & SysTick.CSR_COUNTFLAG, "reading CSR clears it");
        m.cpu.cycles = 1011;
        assertEquals(9, st.readCvr());
        m.cpu.cycles = 1010 + 10 * 1000 + 3;
        assertEquals(7, st.readCvr(), "period RVR+1");
        assertTrue((st.readCsr() & SysTick.CSR_COUNTFLAG) != 0);
        assertFalse(m.exc.isPending(Fault.SYSTICK), "no TICKINT: no interrupt");
        assertEquals(Long.MAX_VALUE, st.nextEventCycle());
    }

    @Test
    void tickintSchedulesAndPends() {
        ExcMachine m = new ExcMachine();
        SysTick st = m.exc.sysTick;
        st.writeRvr(99);
        st.writeCsr(7);
        assertEquals(100, st.nextEventCycle());
        m.cpu.cycles = 100;
        st.advanceTo(100);
        assertTrue(m.exc.isPending(Fault.SYSTICK));
        assertEquals(200, st.nextEventCycle());
        m.exc.clearPending(Fault.SYSTICK);
        st.writeCvr(0);
        assertEquals(200, st.nextEventCycle(), "CVR write restarts from the reload at the next tick");
    }

    @Test
    void reloadZeroStopsAtTheNextWrap() {
        ExcMachine m = new ExcMachine();
        SysTick st = m.exc.sysTick;
        st.writeRvr(4);
        st.writeCsr(7);
        m.cpu.cycles = 3;
        st.writeRvr(0);
        assertEquals(5, st.nextEventCycle(), "counting down the current period");
        m.cpu.cycles = 5;
        st.advanceTo(5);
        assertEquals(Long.MAX_VALUE, st.nextEventCycle());
        m.cpu.cycles = 50;
        assertEquals(0, st.readCvr());
    }

    @Test
    void externalReferenceClockDividesTicks() {
        ExcMachine m = new ExcMachine();
        SysTick st = m.exc.sysTick;
        st.setExternalClockDivider(25);
        assertEquals(0, st.readCalib() >>> 31, "NOREF clear when a reference exists");
        st.writeRvr(3);
        st.writeCsr(SysTick.CSR_ENABLE | SysTick.CSR_TICKINT); // CLKSOURCE = 0: external
        assertEquals(4 * 25, st.nextEventCycle());
        m.cpu.cycles = 26;
        assertEquals(3, st.readCvr());
        m.cpu.cycles = 51;
        assertEquals(2, st.readCvr());
    }

    @Test
    void noReferenceMeansClksourceReadsOne() {
        ExcMachine m = new ExcMachine();
        m.exc.sysTick.writeCsr(0);
        assertEquals(SysTick.CSR_CLKSOURCE, m.exc.sysTick.readCsr());
        assertEquals(1, m.exc.sysTick.readCalib() >>> 31);
    }

    static final String TICK_COUNTER = String.join("\n",
            "tick:",
            "  ldr r0, =" + LOG,
            "  ldr r1, [r0]",
            "  adds r1, #1",
            "  str r1, [r0]",
            "  bx lr");

    @Test
    void wfiSleepsUntilSysTickAndSkipsTime() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SYSTICK, "tick"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E010",
                "  movs r1, #99",
                "  str r1, [r0, #4]",
                "  movs r1, #0",
                "  str r1, [r0, #8]",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  ldr r2, =" + LOG,
                "1:",
                "  wfi",
                "  ldr r3, [r2]",
                "  cmp r3, #10",
                "  blo 1b",
                "  bkpt #1",
                TICK_COUNTER));
        m.runToBkpt(1);
        assertEquals(10, m.log(0));
        long c = m.cpu.cycles;
        assertTrue(c >= 1000 && c < 1100, "10 periods of 100 cycles, got " + c);
        assertTrue(m.exc.sleepCycles > 600, "most of the time asleep: " + m.exc.sleepCycles);
    }

    @Test
    void sleepWithNothingToWakeReturnsSleep() {
        ExcMachine m = new ExcMachine().program("reset:\n  wfi\n  bkpt #1");
        assertEquals(StopReason.SLEEP, m.run());
        assertEquals(StopReason.SLEEP, m.run(), "still asleep");
        m.exc.setEnabled(Fault.IRQ0 + 2, true);
        m.exc.pulseIrq(2); // wakes it; IRQ 2 has no handler in this program -> taken: vector "unexpected"
        m.runToBkpt(0x55);
    }

    @Test
    void budgetEndsInsideSleepAtExactlyTheBudget() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SYSTICK, "tick"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000E010",
                "  ldr r1, =999999",
                "  str r1, [r0, #4]",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  wfi",
                "  bkpt #1",
                TICK_COUNTER));
        assertEquals(StopReason.BUDGET, m.run(5000));
        assertEquals(5000, m.cpu.cycles);
        assertTrue(m.exc.isSleeping());
        m.runToBkpt(1);
        assertEquals(1, m.log(0));
        assertTrue(m.cpu.cycles >= 1_000_000 && m.cpu.cycles < 1_000_100, "woken by the first wrap: " + m.cpu.cycles);
    }

    @Test
    void primaskedInterruptWakesWfiWithoutBeingTaken() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SYSTICK, "tick"), String.join("\n",
                "reset:",
                "  cpsid i",
                "  ldr r0, =0xE000E010",
                "  movs r1, #50",
                "  str r1, [r0, #4]",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  wfi",
                "  ldr r2, =" + LOG,
                "  ldr r9, [r2]",
                "  cpsie i",
                "  isb",
                "  ldr r10, [r2]",
                "  bkpt #1",
                TICK_COUNTER));
        m.runToBkpt(1);
        assertEquals(0, m.reg(9), "woken, not taken while PRIMASK is set");
        assertEquals(1, m.reg(10), "taken once unmasked");
    }

    @Test
    void wfeUsesTheEventRegister() {
        ExcMachine m = new ExcMachine().program(String.join("\n",
                "reset:",
                "  wfe",             // the event register is clear after reset: sleeps forever
                "  bkpt #1"));
        assertEquals(StopReason.SLEEP, m.run());
        m.exc.sendEvent();
        m.runToBkpt(1);
        // an exception entry/return sets the event register: WFE right after it does not sleep
        ExcMachine m2 = new ExcMachine().program(handlers(Fault.SVCALL, "svc"), String.join("\n",
                "reset:",
                "  svc #0",
                "  wfe",
                "  bkpt #2",
                "svc:",
                "  bx lr"));
        m2.runToBkpt(2);
    }

    @Test
    void sleepOnExitReturnsToSleepInsteadOfThread() {
        ExcMachine m = new ExcMachine().program(handlers(Fault.SYSTICK, "tick5"), String.join("\n",
                "reset:",
                "  ldr r0, =0xE000ED10",
                "  movs r1, #2",
                "  str r1, [r0]",          // SCR.SLEEPONEXIT
                "  ldr r0, =0xE000E010",
                "  movs r1, #99",
                "  str r1, [r0, #4]",
                "  movs r1, #7",
                "  str r1, [r0]",
                "  movs r9, #0",
                "  wfi",
                "  adds r9, #1",
                "  bkpt #1",
                "tick5:",
                "  ldr r0, =" + LOG,
                "  ldr r1, [r0]",
                "  adds r1, #1",
                "  str r1, [r0]",
                "  cmp r1, #5",
                "  bne 1f",
                "  ldr r0, =0xE000ED10",
                "  movs r1, #0",
                "  str r1, [r0]",
                "1:",
                "  bx lr"));
        m.runToBkpt(1);
        assertEquals(5, m.log(0));
        assertEquals(1, m.reg(9), "thread code after WFI ran once");
    }
}
