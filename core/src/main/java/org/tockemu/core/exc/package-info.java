/**
 * The Cortex-M4 exception model (ARMv7-M ARM DDI0403E B1.5, B3.2-B3.4): {@link
 * org.tockemu.core.exc.ExceptionUnit} (state, priorities, service at instruction boundaries,
 * faults, sleep, host hooks), {@link org.tockemu.core.exc.ExceptionEntry} and {@link
 * org.tockemu.core.exc.ExceptionReturn} (the frames), the register front ends {@link
 * org.tockemu.core.exc.Scb}, {@link org.tockemu.core.exc.Nvic}, {@link org.tockemu.core.exc.SysTick}
 * and {@link org.tockemu.core.exc.SystemControlSpace} (the bus device at 0xE000E000), and {@link
 * org.tockemu.core.exc.FaultReport}.
 *
 * <h2>Choices where the architecture leaves room, and known differences</h2>
 * <ul>
 * <li>Tail-chaining and late arrival are not modelled as such: a return followed by an entry
 *     unstacks and stacks again (same memory contents, same LR); only the cycle charge uses the
 *     tail-chain figure. A higher-priority exception that becomes pending during stacking is taken
 *     after the first handler's entry (it preempts at the next boundary).</li>
 * <li>Derived faults during stacking compete with the original exception by priority, escalation
 *     being judged against the execution priority before the entry (as QEMU); the original stays
 *     pending when it loses. A failed stack write stops the remaining writes (as QEMU), the stack
 *     pointer is still moved.</li>
 * <li>A bad EXC_RETURN, a return to handler mode with no other active exception, or a return
 *     from an inactive exception takes the INVPC UsageFault without stacking, LR = the EXC_RETURN
 *     value (ARM ARM pseudocode; QEMU 7.2 behaves the same, checked with probe programs).</li>
 * <li>SCR keeps only SLEEPONEXIT, SLEEPDEEP and SEVONPEND (QEMU 7.2 reads back most written
 *     bits).</li>
 * <li>Unprivileged (and LDRT/STRT) accesses to the whole SCS, SysTick included, are bus errors
 *     except STIR with CCR.USERSETMPEND; sub-word accesses work only on the byte-accessible
 *     registers (NVIC banks and IPR, SHPR, CFSR), elsewhere RAZ/WI (as QEMU).</li>
 * <li>BKPT with no host handler and no debugger: HardFault with HFSR.DEBUGEVT and DFSR.BKPT
 *     (architecture), or DebugMonitor when DEMCR.MON_EN is set; {@code qemuCompat} makes it
 *     HFSR.FORCED without DFSR, as QEMU.</li>
 * <li>WFI/WFE wake on a pending exception whose group priority beats the active exceptions,
 *     ignoring PRIMASK, BASEPRI and FAULTMASK (as QEMU); sleep-on-exit unstacks and sleeps in
 *     thread mode (the interrupt that wakes it stacks the same frame again).</li>
 * <li>CCR.BFHFNMIGN is stored but not honoured: a BusFault at negative priority locks up.</li>
 * <li>CPUID reads 0x410FC241 (Cortex-M4 r0p1); QEMU 7.2 reports 0x410FC240. CPACR is RAZ/WI (no
 *     FPU); QEMU's cortex-m4 has one.</li>
 * <li>Reset zeroes r0-r12 and PSP (UNKNOWN architecturally; QEMU zeroes them too).</li>
 * </ul>
 */
package org.tockemu.core.exc;
