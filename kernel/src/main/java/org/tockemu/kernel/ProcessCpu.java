package org.tockemu.kernel;

/**
 * The narrow interface between the kernel and the CPU (Tock's UserspaceKernelBoundary, arch/cortex-m):
 * enter a process through an exception return, run until something brings the CPU back, and save
 * what the hardware left. Everything happens as on a real Cortex-M: frames on the process stack,
 * PSP/MSP banking, CONTROL.nPRIV, the MPU programmed through its registers.
 */
public interface ProcessCpu {
    /** Programs the MPU (RBAR/RASR pairs for regions 0-7), SysTick (0 = off) and returns into the process. */
    void switchTo(Process p, int[] mpuRegions, long timesliceCycles);

    /** Returns into the process after a syscall (context still in the CPU), reprogramming the MPU. */
    void resume(Process p, int[] mpuRegions);

    /** Runs the CPU for at most budget cycles; returns a core StopReason. */
    int run(long budgetCycles);

    /** The exception number that brought the CPU back (after StopReason.HOOK). */
    int hookedException();

    /** Saves r4-r11 and PSP into the process. */
    void saveContext(Process p);

    /** Raises the kernel's event interrupt so the running process is preempted at the next instruction. */
    void preempt();

    /** Exception number of the kernel's event interrupt. */
    int kernelIrq();

    /** Back in the kernel for good: SysTick off. */
    void leave();

    /** Fault status registers for reports: CFSR, HFSR, MMFAR, BFAR. */
    int[] faultStatus();
}
