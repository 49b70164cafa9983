/* risu harness for QEMU mps2-an386 and tockemu: vector table, reset handler,
 * the 256-byte memory window, its seeded fill routine, the state dump and a
 * fault reporter. The generated file (risu_cases) provides the cases: each
 * sets r0-r12, lr and APSR from a table, runs a random instruction sequence,
 * pushes [magic][case][sp][apsr][r0..r12][lr] and calls risu_dump.
 *
 * Output (binary, through SYS_WRITE to ":tt"): per case a 72-byte register
 * record ('RISU' magic) followed by the 256-byte window; a fault writes a
 * 'RFLT' record [magic][case][ipsr][cfsr][hfsr][stacked pc][0...] and the run goes
 * on with the next case; the end is an 'REND' record [magic][cases] and exit
 * status 0. Each case starts by resetting SP from risu_sp and setting risu_next
 * (where a fault resumes). When the generated file defines
 * risu_systick_reload (interrupt mode), SysTick interrupts with that reload
 * value land at arbitrary points of the cases (inside IT blocks too); the
 * handler is transparent, so the dumps must not change. */
    .file "harness.S"
    .syntax unified
    .thumb

    .section .isr_vector, "a"
    .word __stack_top
    .word Reset_Handler + 1
    .rept 13
    .word risu_fault + 1
    .endr
    .word risu_tick + 1          @ SysTick

    .weak risu_systick_reload
    .text
    .global Reset_Handler
    .thumb_func
Reset_Handler:
    movs r0, #1                  @ SYS_OPEN ":tt" for writing
    ldr r1, =open_args
    bkpt 0xab
    ldr r1, =risu_handle
    str r0, [r1]
    ldr r0, =0xE000ED24          @ SHCSR: enable MemManage, BusFault, UsageFault
    ldr r1, [r0]
    orr r1, r1, #0x70000
    str r1, [r0]
    ldr r0, =risu_systick_reload @ weak: nonzero when the generated file asks for interrupts
    cbz r0, 1f
    ldr r1, =0xE000E014          @ SYST_RVR
    str r0, [r1]
    movs r0, #0
    str r0, [r1, #4]             @ SYST_CVR
    movs r0, #7
    str r0, [r1, #-4]            @ SYST_CSR: enable, interrupt, processor clock
1:  bl risu_cases
    ldr r1, =0xE000E010
    movs r0, #0
    str r0, [r1]                 @ SysTick off
    ldr r0, =0x444e4552          @ 'REND'
    ldr r1, =risu_ncases
    ldr r1, [r1]
    push {r0, r1}
    mov r0, sp
    movs r1, #8
    bl risu_write
    add sp, #8
    movs r0, #0x20               @ SYS_EXIT_EXTENDED, status 0
    ldr r1, =exit_ok
    bkpt 0xab
1:  b 1b

@ risu_tick: SysTick handler for interrupt mode; transparent to the interrupted
@ code (only r0-r3 and flags, which exception entry saves and return restores)
    .thumb_func
risu_tick:
    ldr r0, =risu_ticks
    ldr r1, [r0]
    adds r1, r1, #1
    str r1, [r0]
    bx lr

@ risu_write: r0 = buffer, r1 = length (SYS_WRITE to the :tt handle)
    .global risu_write
    .thumb_func
risu_write:
    push {r4, lr}
    sub sp, #16
    ldr r2, =risu_handle
    ldr r2, [r2]
    str r2, [sp]
    str r0, [sp, #4]
    str r1, [sp, #8]
    movs r0, #5
    mov r1, sp
    bkpt 0xab
    add sp, #16
    pop {r4, pc}

@ risu_fill: r0 = seed; fills the window with xorshift32 words (seed 0 -> 1)
    .global risu_fill
    .thumb_func
risu_fill:
    cmp r0, #0
    it eq
    moveq r0, #1
    ldr r1, =risu_window
    movs r2, #64
1:  eor r0, r0, r0, lsl #13
    eor r0, r0, r0, lsr #17
    eor r0, r0, r0, lsl #5
    str r0, [r1], #4
    subs r2, r2, #1
    bne 1b
    bx lr

@ risu_dump: the 18-word register record is at sp on entry (lr = return)
    .global risu_dump
    .thumb_func
risu_dump:
    push {r4, lr}
    add r0, sp, #8
    movs r1, #72
    bl risu_write
    ldr r0, =risu_window
    movs r1, #0
    add r1, r1, #256
    bl risu_write
    ldr r1, =risu_ncases
    ldr r0, [r1]
    adds r0, r0, #1
    str r0, [r1]
    pop {r4, pc}

@ risu_fault: any fault or unexpected exception during a case. Writes an 'RFLT'
@ record [magic][case][ipsr][cfsr][hfsr][stacked pc][0...], clears the fault
@ status, and returns into the next case (risu_next), which resets SP itself.
    .thumb_func
risu_fault:
    push {r4-r7, lr}
    add r7, sp, #20              @ the exception frame
    ldr r6, [r7, #24]            @ stacked pc
    ldr r1, =0x544c4652          @ 'RFLT'
    ldr r2, =risu_cur
    ldr r2, [r2]
    mrs r3, ipsr
    ldr r4, =0xE000ED28
    ldr r4, [r4]                 @ CFSR
    ldr r5, =0xE000ED2C
    ldr r5, [r5]                 @ HFSR
    ldr r0, =risu_fault_rec
    stm r0!, {r1, r2, r3, r4, r5, r6}
    ldr r0, =risu_fault_rec
    movs r1, #72
    bl risu_write
    ldr r0, =0xE000ED28          @ clear CFSR and HFSR (write one to clear)
    ldr r1, [r0]
    str r1, [r0]
    ldr r0, =0xE000ED2C
    ldr r1, [r0]
    str r1, [r0]
    ldr r1, =risu_next
    ldr r1, [r1]
    bic r1, r1, #1
    str r1, [r7, #24]            @ resume at the next case
    mov r1, #0x01000000
    str r1, [r7, #28]            @ xPSR: Thumb, no flags
    pop {r4-r7, pc}              @ exception return

    .align 2
open_args:
    .word tt_name, 5, 3           @ mode 5 = "wb": stdout
tt_name:
    .asciz ":tt"
    .align 2
exit_ok:
    .word 0x20026, 0
    .ltorg

    .data
    .align 2
    .global risu_cur, risu_sp, risu_next
risu_cur:     .word 0
risu_sp:      .word 0
risu_next:    .word 0
risu_ncases:  .word 0
risu_ticks:   .word 0
risu_handle:  .word 0
risu_fault_rec: .space 72

    .bss
    .align 8
    .global risu_window
risu_window:  .space 256
