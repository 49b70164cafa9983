/* asm_smoke: pure assembly, no libc, own vector table. A chain of mixed
 * Thumb-2 instructions (ALU with shifts, IT blocks, multiplies, bitfields,
 * LDM/STM, PUSH/POP, TBB, table loads) folds into r0; the program prints
 * the checksum and several intermediate values in hex with SYS_WRITEC and
 * SYS_WRITE0, then exits with SYS_EXIT_EXTENDED status 0. */
    .file "asm_smoke.S"
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
    ldr r0, =banner
    bl puts
    movs r4, #0                 @ checksum
    ldr r5, =0x9e3779b9
    movs r6, #0                 @ loop counter
1:  eor r4, r4, r6, ror #3
    add r4, r4, r5
    mul r7, r4, r5
    umull r8, r9, r4, r7
    eor r4, r4, r9
    add r4, r4, r8, lsr #7
    cmp r6, #20
    ite lo
    addlo r4, r4, #0x11
    subhs r4, r4, #0x33
    bfi r4, r6, #8, #5
    ubfx r7, r4, #3, #11
    add r4, r4, r7
    clz r7, r4
    rbit r8, r4
    rev r9, r4
    add r4, r4, r7
    eor r4, r4, r8
    add r4, r4, r9, asr #2
    and r7, r6, #3
    tbb [pc, r7]
2:  .byte (3f-2b)/2, (4f-2b)/2, (5f-2b)/2, (6f-2b)/2
3:  add r4, r4, #1
    b 7f
4:  eor r4, r4, #0xff00
    b 7f
5:  ror r4, r4, #13
    b 7f
6:  mvn r4, r4
7:  ldr r0, =scratch
    stmia r0!, {r4-r9}
    ldmdb r0!, {r1, r2, r3, r7, r8, r9}
    add r4, r1, r9
    push {r4, r5}
    pop {r8, r9}
    sub r4, r8, r6
    adds r6, r6, #1
    cmp r6, #50
    bne 1b
    ldr r0, =msg_sum
    bl puts
    mov r0, r4
    bl puthex
    ldr r0, =table
    ldrh r1, [r0, #2]
    ldrsb r2, [r0, #5]
    ldrsh r3, [r0, #6]
    ldrb r7, [r0, #9]
    add r0, r1, r2
    add r0, r0, r3
    add r0, r0, r7, lsl #16
    bl puthex
    ldr r0, =scratch
    ldr r0, [r0, #4]
    bl puthex
    movs r0, #0x20
    ldr r1, =exit_block
    bkpt 0xab
    .thumb_func
hang:
    b hang

@ puts: r0 = NUL-terminated string
    .thumb_func
puts:
    mov r1, r0
    movs r0, #4
    bkpt 0xab
    bx lr

@ puthex: print r0 as 8 hex digits plus newline, via SYS_WRITEC
    .thumb_func
puthex:
    push {r4, r5, lr}
    mov r4, r0
    movs r5, #28
1:  lsr r0, r4, r5
    and r0, r0, #15
    cmp r0, #10
    ite lo
    addlo r0, r0, #'0'
    addhs r0, r0, #'a' - 10
    sub sp, sp, #8
    strb r0, [sp]
    mov r1, sp
    movs r0, #3
    bkpt 0xab
    add sp, sp, #8
    subs r5, r5, #4
    bpl 1b
    movs r0, #10
    sub sp, sp, #8
    strb r0, [sp]
    mov r1, sp
    movs r0, #3
    bkpt 0xab
    add sp, sp, #8
    pop {r4, r5, pc}

    .align 2
exit_block:
    .word 0x20026, 0
table:
    .hword 0x1234, 0xfedc, 0x80ff, 0x8001
    .byte 0x7f, 0x81, 0, 0
banner:
    .asciz "asm_smoke: mixed Thumb-2 chain\n"
msg_sum:
    .asciz "checksum, table, scratch:\n"
    .align 2
    .ltorg

    .bss
    .align 3
scratch:
    .space 64
