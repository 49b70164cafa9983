package org.tockemu.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.mem.Bus;
import org.tockemu.core.testing.Asm;
import org.tockemu.core.testing.TestMachine;

/**
 * Loads of the PC that are exception returns (POP, LDR, LDM with an EXC_RETURN value in handler
 * mode) and load/store faults taken as real exceptions: the handler sees the faulting
 * instruction's address and untouched registers.
 */
class LoadStoreExceptionTest {
    static final int RAM = 0x2000_0000, RAM_TOP = 0x2000_8000, LOG = 0x2001_0000;

    final TestMachine machine = new TestMachine().withSystemControl();
    final Bus bus = machine.bus;
    final Cpu cpu = machine.cpu;

    /** Vector table (SVCall -> svc_handler, UsageFault -> usage_handler, others -> bkpt #0x55) and program. */
    void program(String source) {
        Asm.assumeAvailable();
        StringBuilder sb = new StringBuilder(String.format(".word 0x%08x\n.word reset+1\n", RAM_TOP));
        for (int i = 2; i < 16; i++) {
            sb.append(".word ").append(i == Fault.SVCALL ? "svc_handler" : i == Fault.USAGEFAULT ? "usage_handler" : "unexpected").append("+1\n");
        }
        sb.append(source).append("\nunexpected:\n  bkpt #0x55\n");
        if (!source.contains("usage_handler:")) sb.append("usage_handler:\n  bkpt #0x56\n");
        byte[] bin = Asm.m4(sb.toString());
        bus.load(0, bin, 0, bin.length);
        cpu.exceptions.reset();
    }

    void runToBkpt(int imm) {
        int r = org.tockemu.core.exec.Interpreter.run(cpu, 10_000_000);
        assertEquals(StopReason.BREAKPOINT, r, "stop reason");
        assertEquals(0xBE00 | imm, bus.read(cpu.pc, 2), String.format("bkpt at 0x%08x", cpu.pc));
    }

    static final String SET_REGS = "  ldr r0, =0x10101010\n  ldr r1, =0x11111111\n  ldr r4, =0x44444444\n  ldr r5, =0x55555555\n";

    private void svcReturnsWith(String handlerBody) {
        program("reset:\n" + SET_REGS + "  svc #1\n  bkpt #1\n"
                + "svc_handler:\n" + handlerBody + "\n");
        runToBkpt(1);
        assertEquals(0, cpu.ipsr, "back in thread mode");
        assertEquals(RAM_TOP, cpu.r[13]);
        assertEquals(0x10101010, cpu.r[0], "r0 restored from the frame");
        assertEquals(0x44444444, cpu.r[4], "r4 restored by the handler");
        assertEquals(0x55555555, cpu.r[5]);
        assertEquals(false, cpu.exceptions.isActive(Fault.SVCALL));
    }

    @Test
    void popPcIsAnExceptionReturn() {
        svcReturnsWith("  push {r4, lr}\n  movs r4, #0\n  movs r0, #0\n  pop {r4, pc}");
    }

    @Test
    void ldrPcPostIndexedIsAnExceptionReturn() {
        svcReturnsWith("  str lr, [sp, #-8]!\n  movs r0, #0\n  ldr pc, [sp], #8");
    }

    @Test
    void ldmWithPcIsAnExceptionReturn() {
        svcReturnsWith("  push.w {r4, r5, r6, lr}\n  movs r4, #0\n  movs r5, #0\n  ldmia.w sp!, {r4, r5, r6, pc}");
    }

    @Test
    void unalignedLdmFaultIsPreciseAndRestartable() {
        // the UsageFault handler logs CFSR and the stacked PC, fixes the base (r2) in the frame and returns to retry
        program("reset:\n"
                + "  ldr r0, =0xE000ED24\n  ldr r1, [r0]\n  orr r1, r1, #(1 << 18)\n  str r1, [r0]\n" // SHCSR.USGFAULTENA
                + "  ldr r2, =" + (RAM + 0x102) + "\n  ldr r3, =" + RAM + "\n  movs r4, #7\n  str r4, [r3]\n  movs r4, #0\n"
                + "  ldmia r2!, {r4}\n" + "  bkpt #2\n"
                + "usage_handler:\n"
                + "  ldr r0, =0xE000ED28\n  ldr r1, [r0]\n  str r1, [r0]\n  ldr r3, =" + LOG + "\n  str r1, [r3]\n"
                + "  ldr r1, [sp, #24]\n  str r1, [r3, #4]\n  ldr r1, [sp, #8]\n  str r1, [r3, #8]\n"   // stacked PC, stacked r2
                + "  ldr r1, =" + RAM + "\n  str r1, [sp, #8]\n  bx lr\n"
                + "svc_handler:\n  bkpt #0x57\n");
        runToBkpt(2);
        assertEquals(Fault.UNALIGNED, bus.read(LOG, 4), "CFSR");
        assertEquals(RAM + 0x102, bus.read(LOG + 8, 4), "base register untouched by the faulting LDM");
        int ldm = bus.read(LOG + 4, 4);
        assertEquals(0xCA10, bus.read(ldm, 2), "stacked PC is the LDM itself (ldmia r2!, {r4})");
        assertEquals(7, cpu.r[4], "retried with the fixed base");
        assertEquals(RAM + 4, cpu.r[2]);
    }
}
