package org.tockemu.kernel;

import org.tockemu.core.board.ExecutionEngine;
import org.tockemu.core.cpu.Cpu;
import org.tockemu.core.cpu.Fault;
import org.tockemu.core.cpu.StopReason;
import org.tockemu.core.exc.ExceptionUnit;
import org.tockemu.core.mem.Bus;

/**
 * The user/kernel boundary of Tock's Cortex-M port (arch/cortex-m), done with the emulated core's
 * real mechanisms: the kernel runs "inside" the SVCall handler; a process is entered by an exception
 * return to thread mode on PSP with CONTROL.nPRIV set; SVC, SysTick, the kernel's event interrupt and
 * HardFault come back as hooked exceptions whose frames the hardware stacked on the process stack.
 * The MPU and SysTick are programmed through their System Control Space registers.
 */
public final class CortexMBoundary implements ProcessCpu {
    // System Control Space registers
    private static final int SYST_CSR = 0xE000E010, SYST_RVR = 0xE000E014, SYST_CVR = 0xE000E018;
    private static final int NVIC_ISER0 = 0xE000E100;
    private static final int CFSR = 0xE000ED28, HFSR = 0xE000ED2C, MMFAR = 0xE000ED34, BFAR = 0xE000ED38;
    private static final int MPU_CTRL = 0xE000ED94, MPU_RBAR = 0xE000ED9C, MPU_RASR = 0xE000EDA0;
    private static final int EXC_RETURN_THREAD_PSP = 0xFFFFFFFD;
    /** The kernel's event interrupt: external IRQ 17 (the nRF52's RTC1, which Tock's alarm uses). */
    public static final int KERNEL_IRQ_LINE = 17;

    private final Cpu cpu;
    private final Bus bus;
    private final ExceptionUnit exc;
    private final ExecutionEngine engine;
    private int[] programmedMpu;

    public CortexMBoundary(Cpu cpu, ExecutionEngine engine, int kernelStackTop) {
        this.cpu = cpu;
        this.bus = cpu.bus;
        this.exc = cpu.exceptions;
        this.engine = engine;
        for (int e : new int[] {Fault.SVCALL, Fault.SYSTICK, Fault.HARDFAULT, Fault.MEMMANAGE, Fault.BUSFAULT, Fault.USAGEFAULT, kernelIrq()}) {
            exc.setHooked(e, true);
        }
        scsWrite(NVIC_ISER0 + 4 * (KERNEL_IRQ_LINE / 32), 4, 1 << (KERNEL_IRQ_LINE % 32));
        // Enter the kernel's context: privileged thread mode on MSP takes an SVCall, as Tock's boot
        // ends with the first switch_to_user's svc. From then on the kernel "runs in the handler".
        cpu.setModeAndControl(0, 0);
        cpu.setMsp(kernelStackTop);
        cpu.r[14] = 0xFFFFFFFF;
        exc.setPending(Fault.SVCALL);
        int r = engine.run(cpu, 1);
        if (r != StopReason.HOOK || exc.hookedException() != Fault.SVCALL) {
            throw new IllegalStateException("could not enter the kernel context (stop " + StopReason.name(r) + ")");
        }
    }

    /** Kernel accesses to the System Control Space are privileged whatever mode the core is in. */
    private void scsWrite(int addr, int size, int value) {
        cpu.hostAccess = true;
        try {
            bus.write(addr, size, value);
        } finally {
            cpu.hostAccess = false;
        }
    }

    private int scsRead(int addr, int size) {
        cpu.hostAccess = true;
        try {
            return bus.read(addr, size);
        } finally {
            cpu.hostAccess = false;
        }
    }

    @Override public int kernelIrq() { return Fault.IRQ0 + KERNEL_IRQ_LINE; }

    @Override public void switchTo(Process p, int[] mpu, long timesliceCycles) {
        programMpu(mpu);
        if (timesliceCycles > 0) {
            scsWrite(SYST_CSR, 4, 0);
            scsWrite(SYST_RVR, 4, (int) Math.min(0xFFFFFF, Math.max(1, timesliceCycles - 1)));
            scsWrite(SYST_CVR, 4, 0);
            scsWrite(SYST_CSR, 4, 0b111); // ENABLE | TICKINT | CLKSOURCE (processor clock)
        } else {
            scsWrite(SYST_CSR, 4, 0);
        }
        enter(p);
    }

    @Override public void resume(Process p, int[] mpu) {
        programMpu(mpu);
        enter(p);
    }

    private void enter(Process p) {
        System.arraycopy(p.savedRegs, 0, cpu.r, 4, 8);
        cpu.setPsp(p.psp);
        cpu.setModeAndControl(cpu.ipsr, cpu.control | 1); // CONTROL.nPRIV: the process runs unprivileged
        exc.returnFromException(EXC_RETURN_THREAD_PSP);
    }

    /** Writes RBAR/RASR for all eight regions (RBAR with VALID selects the region), then enables with PRIVDEFENA. */
    private void programMpu(int[] mpu) {
        if (programmedMpu != null && java.util.Arrays.equals(programmedMpu, mpu)) return; // Tock skips unchanged configurations
        for (int i = 0; i < 8; i++) {
            scsWrite(MPU_RBAR, 4, mpu[2 * i]);
            scsWrite(MPU_RASR, 4, mpu[2 * i + 1]);
        }
        scsWrite(MPU_CTRL, 4, 0b101);
        programmedMpu = mpu.clone();
    }

    @Override public int run(long budgetCycles) { return engine.run(cpu, budgetCycles); }

    @Override public int hookedException() { return exc.hookedException(); }

    @Override public void saveContext(Process p) {
        System.arraycopy(cpu.r, 4, p.savedRegs, 0, 8);
        p.psp = cpu.psp();
    }

    @Override public void preempt() { exc.setPending(kernelIrq()); }

    @Override public void leave() { scsWrite(SYST_CSR, 4, 0); }

    /** Reads the fault status registers and clears them (write-one-to-clear), ready for the next fault. */
    @Override public int[] faultStatus() {
        int[] s = {scsRead(CFSR, 4), scsRead(HFSR, 4), scsRead(MMFAR, 4), scsRead(BFAR, 4)};
        scsWrite(CFSR, 4, s[0]);
        scsWrite(HFSR, 4, s[1]);
        return s;
    }
}
