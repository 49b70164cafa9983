#include "tb.h"
uint32_t tb_sum;
static volatile uint32_t lg[64]; static volatile int n;
static volatile int nest;
void irq_c(void) { uint32_t i = get_ipsr(); if (n < 64) lg[n++] = i;
    if (nest && i == 16 + 3) { nest = 0; NVIC_STIR = 5; NVIC_STIR = 6; dsb_isb(); if (n < 64) lg[n++] = 0x100 | i; } }
#define T(k) void IRQ##k##_Handler(void) { irq_c(); }
T(0) T(1) T(2) T(3) T(4) T(5) T(6) T(7)
static void run(const char *what, uint32_t prigroup, const uint8_t *pr, uint32_t pendmask, int nst)
{
    n = 0; nest = nst;
    SCB_AIRCR = 0x05fa0000 | (prigroup << 8);
    for (int i = 0; i < 8; i++) NVIC_IPR(i) = pr[i];
    NVIC_ISER(0) = 0xff;
    __asm__ volatile("cpsid i");
    NVIC_ISPR(0) = pendmask;
    __asm__ volatile("cpsie i\n isb");
    printf("%-12s", what);
    for (int i = 0; i < n; i++) printf(" %lx", (unsigned long)lg[i]);
    printf("\n");
}
int main(void)
{
    static const uint8_t a[8] = {0x60, 0x50, 0x40, 0x70, 0x20, 0x30, 0x48, 0x44};
    for (uint32_t g = 0; g < 8; g++) { char b[16]; sprintf(b, "pg%lu", (unsigned long)g); run(b, g, a, 0xdf, 0); }
    for (uint32_t g = 0; g < 8; g++) { char b[16]; sprintf(b, "nest pg%lu", (unsigned long)g); run(b, g, a, 0x08, 1); }
    SCB_AIRCR = 0x05fa0000;
    return 0;
}
