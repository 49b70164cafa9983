#include "tb.h"
uint32_t tb_sum;
static volatile uint32_t mmfar, cfsr, n;
static uint8_t buf[64] __attribute__((aligned(64)));
void MemManage_c(uint32_t *f) { cfsr = REG32(0xE000ED28); mmfar = REG32(0xE000ED34); REG32(0xE000ED28) = cfsr; n++; f[6] += 4; }
__attribute__((naked)) void MemManage_Handler(void) { __asm__ volatile("mrs r0, msp\n push {r0, lr}\n bl MemManage_c\n pop {r0, pc}"); }
int main(void)
{
    REG32(0xE000ED24) = 0x10000;
    REG32(0xE000ED9C) = (uint32_t)(buf + 32) | 0x10; REG32(0xE000EDA0) = (0u << 24) | (4u << 1) | 1; /* 32 B no access */
    REG32(0xE000ED94) = 5; dsb_isb();
    for (int off = 29; off <= 31; off++) {
        n = 0; mmfar = 0;
        uint32_t v;
        __asm__ volatile("ldr.w %0, [%1]" : "=r"(v) : "r"(buf + off) : "memory");
        printf("ldr at +%d: n=%lu cfsr=%02lx mmfar=+%ld\n", off, (unsigned long)n, (unsigned long)cfsr, (long)(mmfar - (uint32_t)buf));
        n = 0; mmfar = 0;
        __asm__ volatile("str.w %0, [%1]" :: "r"(v), "r"(buf + off) : "memory");
        printf("str at +%d: n=%lu cfsr=%02lx mmfar=+%ld\n", off, (unsigned long)n, (unsigned long)cfsr, (long)(mmfar - (uint32_t)buf));
    }
    REG32(0xE000ED94) = 0;
    return 0;
}
