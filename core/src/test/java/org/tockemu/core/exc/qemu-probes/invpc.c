#include "tb.h"
uint32_t tb_sum;
static volatile uint32_t ulog[32]; static volatile int un;
static volatile int mode;
void UsageFault_c(uint32_t *frame, uint32_t lr)
{
    ulog[un++] = 0xaaaa0000 | get_ipsr();
    ulog[un++] = REG32(0xE000ED28);
    ulog[un++] = lr;
    ulog[un++] = (uint32_t)frame & 0xff;
    ulog[un++] = frame[6];
    ulog[un++] = frame[7];
    ulog[un++] = REG32(0xE000ED24);
    REG32(0xE000ED28) = REG32(0xE000ED28);
    /* recover: back to thread mode via a fresh valid frame: point at resume */
    extern void resume_point(void);
    frame[6] = (uint32_t)resume_point & ~1u;
    frame[7] = 0x01000000;
}
__attribute__((naked)) void UsageFault_Handler(void) { __asm__ volatile("mrs r0, msp\n mov r1, lr\n push {r0, lr}\n bl UsageFault_c\n pop {r0, r1}\n ldr r1, =0xfffffff9\n bx r1"); }
__attribute__((naked)) void SVC_Handler(void) {
    __asm__ volatile("ldr r0, =mode\n ldr r0, [r0]\n cmp r0, #1\n beq 1f\n ldr r1, =0xfffffff1\n bx r1\n1: ldr r1, =0xfffffff5\n bx r1");
}
int main(void)
{
    REG32(0xE000ED24) = 0x70000;
    uint32_t sp0; __asm__ volatile("mov %0, sp" : "=r"(sp0));
    mode = 0;
    __asm__ volatile("svc #0\n .global resume_point\n .thumb_func\nresume_point:\n nop" ::: "memory");
    uint32_t sp1; __asm__ volatile("mov %0, sp" : "=r"(sp1));
    for (int i = 0; i < un; i++) printf("bad excret %d: %08lx\n", i, (unsigned long)ulog[i]);
    printf("sp delta %ld\n", (long)(sp0 - sp1));
    return 0;
}
