/* sysregs: special-register access. MRS of APSR/IAPSR/EAPSR/XPSR/IPSR/EPSR/IEPSR,
 * MSP/PSP, PRIMASK/BASEPRI/FAULTMASK/CONTROL in thread mode and inside an SVC
 * handler; MSR write masks (PSP and MSP low bits, CONTROL bits, APSR_nzcvq vs
 * APSR_g vs APSR_nzcvqg), CPSID/CPSIE, hints (NOP, YIELD, SEV then WFE which
 * returns at once because the event register is set), barriers, and 16-bit
 * branches with PC as a destination (ADD PC, MOV PC, POP {PC}, LDR PC, BX/BLX). */
#include "tb.h"

uint32_t tb_sum;
static volatile uint32_t h_ipsr, h_xpsr, h_ctrl, h_iepsr;
void SVC_Handler(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, ipsr" : "=r"(v)); h_ipsr = v;
    __asm__ volatile("mrs %0, xpsr" : "=r"(v)); h_xpsr = v & 0xf80f01ffu;
    __asm__ volatile("mrs %0, iepsr" : "=r"(v)); h_iepsr = v;
    __asm__ volatile("mrs %0, control" : "=r"(v)); h_ctrl = v;
}
#define MRS(name) ({ uint32_t _v; __asm__ volatile("mrs %0, " #name : "=r"(_v)); _v; })
static void show(const char *n, uint32_t v) { printf("%-26s %08lx\n", n, (unsigned long)v); tb_mix(v); }

static uint32_t __attribute__((naked, noinline)) add_pc_fn(uint32_t sel)
{
    /* add pc, r0 reads PC as this instruction + 4: targets +6, +10, +14 */
    __asm__ volatile("lsls r0, r0, #2\n\tadd pc, r0\n\tnop\n\tmovs r0, #10\n\tbx lr\n\tmovs r0, #20\n\tbx lr\n\tmovs r0, #30\n\tbx lr");
}
static uint32_t __attribute__((naked, noinline)) mov_pc_fn(void)
{
    __asm__ volatile("movs r0, #5\n\tmov pc, lr");
}
static uint32_t __attribute__((naked, noinline)) blx_fn(void)
{
    __asm__ volatile("push {r4, lr}\n\tadr r4, 1f + 1\n\tblx r4\n\tadds r0, r0, #1\n\tpop {r4, pc}\n\t.align 2\n1: movs r0, #41\n\tbx lr");
}

int main(void)
{
    /* writes and reads in one asm block each: compiled code in between (newlib's
     * string functions use UADD8) would change the flags */
    uint32_t a1, a2, a3, ia, ea, xa;
    __asm__ volatile("msr apsr_nzcvqg, %[x]\n\tmrs %[a1], apsr\n\tmsr apsr_nzcvq, %[y]\n\tmrs %[a2], apsr\n\t"
                     "msr apsr_g, %[z]\n\tmrs %[a3], apsr\n\tmrs %[ia], iapsr\n\tmrs %[ea], eapsr\n\tmrs %[xa], xpsr"
                     : [a1] "=&r"(a1), [a2] "=&r"(a2), [a3] "=&r"(a3), [ia] "=&r"(ia), [ea] "=&r"(ea), [xa] "=&r"(xa)
                     : [x] "r"(0xa8050000u), [y] "r"(0x50000000u), [z] "r"(0x000a0000u) : "cc");
    show("apsr after msr nzcvqg", a1);
    show("apsr after msr nzcvq", a2);
    show("apsr after msr g", a3);
    show("iapsr", ia);
    show("eapsr", ea);
    show("xpsr (thread)", xa);
    show("ipsr (thread)", MRS(ipsr));
    show("epsr reads as 0", MRS(epsr));
    show("iepsr (thread)", MRS(iepsr));
    show("control (reset)", MRS(control));
    show("primask (reset)", MRS(primask));
    show("faultmask (reset)", MRS(faultmask));
    show("basepri (reset)", MRS(basepri));
    uint32_t msp = MRS(msp);
    show("msp == sp", msp == ({ uint32_t s; __asm__ volatile("mov %0, sp" : "=r"(s)); s; }));
    __asm__ volatile("msr psp, %0" :: "r"(0x20300007u));
    show("psp low bits forced 0", MRS(psp));
    __asm__ volatile("msr primask, %0" :: "r"(0xffffffffu));
    show("primask after msr ~0", MRS(primask));
    __asm__ volatile("cpsie i");
    show("primask after cpsie i", MRS(primask));
    __asm__ volatile("cpsid f");
    show("faultmask after cpsid f", MRS(faultmask));
    __asm__ volatile("cpsie f");
    show("faultmask after cpsie f", MRS(faultmask));
    __asm__ volatile("msr basepri, %0" :: "r"(0x1e0u));
    show("basepri & 0xe0 after 0x1e0", MRS(basepri) & 0xe0u);
    __asm__ volatile("msr basepri, %0" :: "r"(0u));
    __asm__ volatile("svc #0");
    show("ipsr in svc", h_ipsr);
    show("xpsr & flags in svc", h_xpsr & 0x000001ffu);
    show("iepsr in svc", h_iepsr);
    show("control in svc", h_ctrl);
    __asm__ volatile("nop\n\tyield\n\tnop.w\n\tsev\n\twfe\n\tdmb\n\tdsb\n\tisb\n\tdmb sy\n\tdsb sy\n\tisb sy" ::: "memory");
    show("after hints and barriers", 1);
    show("add pc 0,1,2", add_pc_fn(0) + add_pc_fn(1) * 100 + add_pc_fn(2) * 10000);
    show("mov pc, lr", mov_pc_fn());
    show("blx register", blx_fn());
    printf("sysregs checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
