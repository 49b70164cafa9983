#include "tb.h"
uint32_t tb_sum;
#define P(name, expr) do { uint32_t _v = (expr); printf("%-28s %08lx\n", name, (unsigned long)_v); } while (0)
static volatile uint32_t hlog[16]; static volatile int hn;
static volatile int mode;
void SVC_Handler_c(uint32_t *frame, uint32_t lr)
{
    hlog[hn++] = REG32(0xE000ED24);            /* SHCSR in SVC */
    hlog[hn++] = REG32(0xE000ED04);            /* ICSR in SVC */
    if (mode == 1) { REG32(0xE000ED04) = ICSR_PENDSVSET; dsb_isb(); hlog[hn++] = REG32(0xE000ED04); }
    if (mode == 2) { __asm__ volatile("cpsid f"); }
    hlog[hn++] = lr;
    (void)frame;
}
__attribute__((naked)) void SVC_Handler(void) { __asm__ volatile("mrs r0, msp\n mov r1, lr\n push {r0, lr}\n bl SVC_Handler_c\n pop {r0, pc}"); }
void PendSV_Handler(void) { hlog[hn++] = 0xeeee0000 | REG32(0xE000ED04) >> 11; hlog[hn++] = REG32(0xE000ED24); }
static volatile uint32_t hf_hfsr, hf_cfsr, hf_ipsr, hf_n;
void HardFault_Handler(void) { hf_hfsr = REG32(0xE000ED2C); hf_cfsr = REG32(0xE000ED28); hf_ipsr = get_ipsr(); hf_n++;
    REG32(0xE000ED2C) = hf_hfsr; REG32(0xE000ED28) = hf_cfsr; }
int main(void)
{
    P("cpuid&fff0", REG32(0xE000ED00) & 0xfffffff0u);
    P("icsr", REG32(0xE000ED04));
    P("aircr", REG32(0xE000ED0C));
    P("ictr", REG32(0xE000E004));
    P("actlr", REG32(0xE000E008));
    P("calib", REG32(0xE000E01C));
    P("syst_csr", REG32(0xE000E010));
    REG32(0xE000E010) = 0xfffffffe; P("syst_csr w", REG32(0xE000E010)); REG32(0xE000E010) = 0;
    REG32(0xE000E014) = 0xffffffff; P("syst_rvr w", REG32(0xE000E014));
    P("mpu_type", REG32(0xE000ED90));
    REG32(0xE000ED94) = 7; P("mpu_ctrl w7", REG32(0xE000ED94)); REG32(0xE000ED94) = 0;
    REG32(0xE000ED98) = 7; REG32(0xE000EDA0) = 0xffffffff; P("rasr7 w", REG32(0xE000EDA0)); REG32(0xE000EDA0) = 0;
    REG32(0xE000ED9C) = 0xffffffff; P("rbar w ffffffff", REG32(0xE000ED9C)); P("rnr", REG32(0xE000ED98));
    REG32(0xE000ED9C) = 0x20000019; P("rbar valid 9", REG32(0xE000ED9C)); P("rnr after", REG32(0xE000ED98));
    REG32(0xE000ED9C) = 0;
    REG32(0xE000ED98) = 12; P("rnr w12", REG32(0xE000ED98));
    uint32_t ccr = REG32(0xE000ED14);
    REG32(0xE000ED14) = 0xffffffff; P("ccr w", REG32(0xE000ED14)); REG32(0xE000ED14) = ccr;
    REG32(0xE000ED10) = 0xffffffff; P("scr w", REG32(0xE000ED10)); REG32(0xE000ED10) = 0;
    REG32(0xE000ED08) = 0xffffffff; P("vtor w", REG32(0xE000ED08)); REG32(0xE000ED08) = 0;
    REG32(0xE000ED0C) = 0x05fa0700; P("aircr prigroup7", REG32(0xE000ED0C)); REG32(0xE000ED0C) = 0x05fa0000;
    REG8(0xE000E400 + 3) = 0xff; P("ipr3", REG32(0xE000E400)); REG8(0xE000E400 + 3) = 0;
    REG32(0xE000ED18) = 0xffffffff; P("shpr1", REG32(0xE000ED18)); REG32(0xE000ED18) = 0;
    REG32(0xE000ED1C) = 0xffffffff; P("shpr2", REG32(0xE000ED1C)); REG32(0xE000ED1C) = 0;
    REG32(0xE000ED20) = 0xffffffff; P("shpr3", REG32(0xE000ED20)); REG32(0xE000ED20) = 0;
    set_basepri(0xff); P("basepri", get_basepri()); set_basepri(0);
    P("shcsr", REG32(0xE000ED24));
    REG32(0xE000ED24) = 0x70000; P("shcsr en", REG32(0xE000ED24)); REG32(0xE000ED24) = 0;
    P("dfsr", REG32(0xE000ED30)); P("afsr", REG32(0xE000ED3C));
    P("mmfar", REG32(0xE000ED34)); P("bfar", REG32(0xE000ED38));
    P("demcr", REG32(0xE000EDFC));
    P("id_isar0", REG32(0xE000ED60)); P("id_mmfr0", REG32(0xE000ED50));
    P("iser0 after ff", (REG32(0xE000E100) = 0xffffffff, REG32(0xE000E100))); REG32(0xE000E180) = 0xffffffff;
    P("iser1", (REG32(0xE000E104) = 0xffffffff, REG32(0xE000E104)));
    __asm__ volatile("cpsid i");
    REG32(0xE000ED04) = ICSR_PENDSVSET | ICSR_PENDSTSET;
    REG32(0xE000E100) = 1u << 5; REG32(0xE000EF00) = 5;
    P("icsr pend3", REG32(0xE000ED04));
    REG32(0xE000ED04) = (1u << 27) | (1u << 25); REG32(0xE000E280) = 1u << 5; REG32(0xE000E180) = 1u << 5;
    P("icsr cleared", REG32(0xE000ED04));
    __asm__ volatile("cpsie i");
    /* SVC: SHCSR/ICSR in handler, nested PendSV at equal priority */
    hn = 0; mode = 1; __asm__ volatile("svc #0" ::: "memory");
    for (int i = 0; i < hn; i++) P("svc log", hlog[i]);
    /* FAULTMASK set in handler is cleared on return */
    hn = 0; mode = 2; __asm__ volatile("svc #0" ::: "memory");
    { uint32_t fm; __asm__ volatile("mrs %0, faultmask" : "=r"(fm)); P("faultmask after", fm); }
    mode = 0;
    /* SVC masked by BASEPRI: escalation */
    REG32(0xE000ED1C) = 0x80u << 24; set_basepri(0x40);
    hf_n = 0; __asm__ volatile("svc #1" ::: "memory");
    set_basepri(0);
    P("svc basepri hf", hf_n); P("hfsr", hf_hfsr); P("hf ipsr", hf_ipsr);
    /* sub-word accesses */
    P("cfsr byte", REG8(0xE000ED28)); P("cpuid half", *(volatile uint16_t *)0xE000ED00);
    P("ipr half", (*(volatile uint16_t *)0xE000E404 = 0x4080, *(volatile uint16_t *)0xE000E404));
    P("ipr word", REG32(0xE000E404)); REG32(0xE000E404) = 0;
    P("shpr3 byte", (REG8(0xE000ED23) = 0xc0, REG32(0xE000ED20))); REG32(0xE000ED20) = 0;
    return 0;
}
