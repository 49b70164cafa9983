/* systick: SysTick timer on the processor clock: interrupts counted while the
 * core sleeps in WFI, COUNTFLAG set on wrap and cleared by reading CSR or by
 * writing CVR, CVR within [0, RVR], RVR is 24 bits, SysTick masked by BASEPRI
 * (ICSR.PENDSTSET visible) and taken when unmasked, disable stops interrupts.
 * Output does not depend on timing: only counts and relations are printed. */
#include "tb.h"

uint32_t tb_sum;
static volatile uint32_t ticks;
void SysTick_Handler(void) { ticks++; }

int main(void)
{
    SCB_SHPR3 = (SCB_SHPR3 & 0x00ffffffu) | (0x80u << 24);
    SYST_RVR = 0xffffffffu;
    printf("rvr 24-bit: %08lx\n", (unsigned long)SYST_RVR);
    SYST_RVR = 9999;
    SYST_CVR = 0;
    SYST_CSR = 0x7; /* enable, tickint, processor clock */
    while (ticks < 5) __asm__ volatile("wfi");
    printf("woke after %s5 ticks\n", ticks >= 5 ? ">=" : "<");
    SYST_CSR = 0x5; /* no interrupt */
    uint32_t before = ticks;
    int ok = 1;
    for (int i = 0; i < 200; i++) { uint32_t v = SYST_CVR; if (v > 9999) ok = 0; }
    printf("cvr within reload: %s\n", ok ? "yes" : "no");
    (void)SYST_CSR;
    uint32_t spins = 0;
    while (!(SYST_CSR & (1u << 16))) spins++;
    printf("countflag seen; second read: %lu\n", (unsigned long)((SYST_CSR >> 16) & 1));
    while (!(SYST_CSR & (1u << 16))) spins++;
    uint32_t wait = 0;
    while (wait < 3) { if (SYST_CSR & (1u << 16)) wait++; }
    SYST_CVR = 12345; /* any write clears CVR and COUNTFLAG */
    uint32_t csr = SYST_CSR;
    printf("after cvr write: countflag %lu\n", (unsigned long)((csr >> 16) & 1));
    printf("no interrupts while tickint=0: %s\n", ticks == before ? "yes" : "no");

    set_basepri(0x80);
    SYST_CSR = 0x7;
    while (!(SCB_ICSR & ICSR_PENDSTSET)) { }
    uint32_t masked_ticks = ticks;
    printf("pending while masked by basepri: yes, taken: %s\n", masked_ticks == before ? "no" : "yes");
    set_basepri(0);
    __asm__ volatile("isb");
    printf("taken after unmask: %s\n", ticks > masked_ticks ? "yes" : "no");
    SYST_CSR = 0;
    uint32_t t = ticks;
    for (volatile int i = 0; i < 100000; i++) { }
    printf("disabled: no more ticks: %s\n", ticks == t ? "yes" : "no");
    printf("csr after disable %08lx\n", (unsigned long)(SYST_CSR & 0x7));
    return 0;
}
