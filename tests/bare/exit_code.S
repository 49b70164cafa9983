/* exit_code: pure assembly, no libc. Own vector table; prints with SYS_WRITE0
 * and leaves with the legacy SYS_EXIT (0x18) and a reason other than
 * ADP_Stopped_ApplicationExit (0x20024: RunTimeErrorUnknown), which QEMU
 * reports as exit status 1. */
    .file "exit_code.S"
    .syntax unified
    .thumb
    .section .isr_vector, "a"
    .word 0x20400000
    .word Reset_Handler + 1
    .rept 14
    .word hang + 1
    .endr

    .text
    .global Reset_Handler
    .thumb_func
Reset_Handler:
    movs r0, #4
    adr r1, msg
    bkpt 0xab
    movs r0, #0x18
    ldr r1, =0x20024
    bkpt 0xab
    .thumb_func
hang:
    b hang
    .align 2
msg:
    .asciz "exit_code: SYS_EXIT with reason RunTimeErrorUnknown\n"
    .align 2
    .ltorg
