/* Vector table, context switch and the embedded app for the QEMU smoke
 * kernel (mps2-an386, Cortex-M4). The kernel runs in handler mode: the
 * process traps with svc, svc_dispatch() edits its exception frame and
 * returns the PSP to resume with. */
  .syntax unified
  .cpu cortex-m4
  .thumb

  .section .vectors, "a"
  .word _estack
  .word reset_handler
  .word fault_handler   /* NMI */
  .word fault_handler   /* HardFault */
  .word fault_handler   /* MemManage */
  .word fault_handler   /* BusFault */
  .word fault_handler   /* UsageFault */
  .word 0, 0, 0, 0
  .word svc_handler
  .word 0, 0
  .word fault_handler   /* PendSV */
  .word fault_handler   /* SysTick */

  .text
  .thumb_func
  .global reset_handler
reset_handler:
  ldr sp, =_estack
  bl kmain
1: b 1b

  .thumb_func
svc_handler:
  tst lr, #4
  bne from_process
  /* First entry from kmain: drop to the unprivileged process on PSP. */
  ldr r0, =proc_psp
  ldr r0, [r0]
  msr psp, r0
  movs r0, #1
  msr control, r0
  isb
  ldr lr, =0xFFFFFFFD
  bx lr
from_process:
  mrs r0, psp
  push {r4, lr}
  bl svc_dispatch
  pop {r4, lr}
  msr psp, r0
  bx lr

  .thumb_func
fault_handler:
  mrs r0, psp
  mov r1, lr
  bl fault_dispatch
1: b 1b

  /* The TBF, aligned so that one MPU region can cover it. */
  .section .app, "a"
  .balign 16384
  .global app_tbf
app_tbf:
  .incbin "app.tbf"
