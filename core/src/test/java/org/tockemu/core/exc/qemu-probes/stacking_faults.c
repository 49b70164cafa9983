#include "tb.h"
uint32_t tb_sum;
static volatile uint32_t lg[64]; static volatile int n;
static void L(uint32_t v) { if (n < 64) lg[n++] = v; }
static volatile int stage;
void MemManage_c(uint32_t lr)
{
    L(0x4000 | get_ipsr()); L(REG32(0xE000ED28)); L(lr); L(REG32(0xE000ED24)); L(REG32(0xE000ED04));
    REG32(0xE000ED28) = REG32(0xE000ED28);
    /* make the stack usable again and leave the thread privileged on MSP */
    REG32(0xE000ED94) = 0;
    uint32_t *f; __asm__ volatile("mrs %0, psp" : "=r"(f));
    extern void resume_point(void);
    f[6] = (uint32_t)resume_point & ~1u; f[7] = 0x01000000;
}
__attribute__((naked)) void MemManage_Handler(void) { __asm__ volatile("mov r0, lr\n push {r0, lr}\n bl MemManage_c\n pop {r0, pc}"); }
void SVC_c(uint32_t lr) { L(0x5000 | get_ipsr()); L(lr); L(REG32(0xE000ED24)); set_control(get_control() & ~1u); }
__attribute__((naked)) void SVC_Handler(void) { __asm__ volatile("mov r0, lr\n push {r0, lr}\n bl SVC_c\n pop {r0, pc}"); }
void HardFault_c(uint32_t lr) { L(0x3000 | get_ipsr()); L(REG32(0xE000ED2C)); L(REG32(0xE000ED28)); L(lr);
    REG32(0xE000ED2C) = REG32(0xE000ED2C); REG32(0xE000ED28) = REG32(0xE000ED28); REG32(0xE000ED94) = 0;
    uint32_t *f; __asm__ volatile("mrs %0, psp" : "=r"(f));
    extern void resume_point(void);
    if ((lr & 4) && f[7] == 0) { f[6] = (uint32_t)resume_point & ~1u; f[7] = 0x01000000; } }
__attribute__((naked)) void HardFault_Handler(void) { __asm__ volatile("mov r0, lr\n push {r0, lr}\n bl HardFault_c\n pop {r0, pc}"); }
static uint8_t pstack[1024] __attribute__((aligned(1024)));
static void go(int memfault_en, uint32_t mm_prio)
{
    n = 0;
    REG32(0xE000ED24) = memfault_en ? 0x10000 : 0;
    REG32(0xE000ED18) = mm_prio;
    REG32(0xE000ED9C) = 0x00000010; REG32(0xE000EDA0) = (6u << 24) | (21u << 1) | 1; /* code 4MiB RO all */
    REG32(0xE000ED9C) = 0x20000011; REG32(0xE000EDA0) = (3u << 24) | (21u << 1) | 1; /* sram 4MiB full */
    REG32(0xE000ED9C) = (uint32_t)pstack | 0x12; REG32(0xE000EDA0) = (1u << 24) | (9u << 1) | 1; /* 1KiB priv only */
    REG32(0xE000ED94) = 5; dsb_isb();
    __asm__ volatile("msr psp, %0\n mrs r0, control\n orr r0, r0, #3\n msr control, r0\n isb\n svc #0\n .global resume_point\n .thumb_func\nresume_point:\n nop\n mrs r0, control\n bic r0, r0, #2\n msr control, r0\n isb" :: "r"(pstack + 512) : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    uint32_t ctl = get_control();
    L(0x7000 | ctl);
    /* back to privileged MSP thread (SVC handler doesn't fix CONTROL; if still unpriv we cannot) */
    for (int i = 0; i < n; i++) printf(" %lx", (unsigned long)lg[i]);
    printf("\n");
}
int main(void)
{
    printf("mm enabled prio0:"); go(1, 0);
    printf("mm disabled:"); go(0, 0);
    printf("mm prio 0x80, svc 0x40:"); REG32(0xE000ED1C) = 0x40u << 24; go(1, 0x80);
    printf("mm prio 0x40, svc 0x80:"); REG32(0xE000ED1C) = 0x80u << 24; go(1, 0x40);
    return 0;
}
