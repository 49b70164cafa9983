/* exceptions: SVC (handler decodes the SVC number and reads/modifies the stacked
 * frame r0-r3, r12, lr, pc, xPSR), stack alignment on entry (xPSR bit 9), thread
 * mode on PSP (EXC_RETURN 0xFFFFFFFD), PendSV, SysTick pended by software,
 * NVIC software-triggered IRQs (STIR and ISPR) with priorities: preemption,
 * tail-chaining, equal-priority ordering by number, active bits, BASEPRI,
 * BASEPRI_MAX, PRIMASK, FAULTMASK masking, caller-saved registers and flags
 * preserved across an interrupt, NMI by ICSR.NMIPENDSET (not masked by PRIMASK),
 * WFI waking on a pending interrupt while PRIMASK is set, vector table
 * relocation through VTOR. */
#include "tb.h"

uint32_t tb_sum;
static volatile uint32_t log_[64];
static volatile unsigned nlog;
static void logv(uint32_t v) { if (nlog < 64) log_[nlog++] = v; }
static void dump_log(const char *what)
{
    printf("%-28s", what);
    for (unsigned i = 0; i < nlog; i++) { printf(" %lx", (unsigned long)log_[i]); tb_mix(log_[i]); }
    printf("\n");
    nlog = 0;
}

/* ---- SVC ---- */
static volatile uint32_t svc_frame[8], svc_excret, svc_num, svc_frame_align, svc_frame_addr;
void svc_c(uint32_t *frame, uint32_t excret)
{
    for (int i = 0; i < 8; i++) svc_frame[i] = frame[i];
    svc_excret = excret;
    svc_num = ((uint16_t *)frame[6])[-1] & 0xff;
    svc_frame_align = (uint32_t)frame & 7;
    svc_frame_addr = (uint32_t)frame;
    switch (svc_num) {
    case 1: frame[0] = frame[0] + frame[1] + frame[2] + frame[3]; break;
    case 2: frame[0] = frame[12 / 4] * 2; frame[1] = 0x1111; break;
    case 3: set_control(get_control() & ~1u); break; /* back to privileged */
    default: frame[0] = 0xbad; break;
    }
}
__attribute__((naked)) void SVC_Handler(void)
{
    __asm__ volatile("tst lr, #4\n\tite eq\n\tmrseq r0, msp\n\tmrsne r0, psp\n\tmov r1, lr\n\t"
                     "push {r1, lr}\n\tbl svc_c\n\tpop {r1, pc}");
}
static uint32_t svc1(uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
    register uint32_t r0 __asm__("r0") = a, r1 __asm__("r1") = b, r2 __asm__("r2") = c, r3 __asm__("r3") = d;
    __asm__ volatile("mov r12, #0x1200\n\tsvc #1" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "r12", "lr", "memory", "cc");
    return r0;
}
static void print_svc(const char *what, uint32_t ret)
{
    printf("%s: num=%lu ret=%08lx r0-r3=%08lx %08lx %08lx %08lx r12=%08lx pc-ok=%d xpsr=%08lx excret=%08lx align=%lu\n", what,
           (unsigned long)svc_num, (unsigned long)ret, (unsigned long)svc_frame[0], (unsigned long)svc_frame[1],
           (unsigned long)svc_frame[2], (unsigned long)svc_frame[3], (unsigned long)svc_frame[4],
           (svc_frame[6] & 1) == 0, (unsigned long)(svc_frame[7] & 0xff0003ffu), (unsigned long)svc_excret, (unsigned long)svc_frame_align);
    tb_mix(ret); tb_mix(svc_frame[7] & 0xff0003ffu);
}

/* ---- IRQs 24..27 (unused by the AN386 devices), PendSV, SysTick ---- */
static volatile int nest_mode;
void irq_c(uint32_t excret)
{
    uint32_t ipsr = get_ipsr();
    logv(ipsr);
    logv(excret & 0xff);
    if (ipsr == 16 + 24 && nest_mode == 1) { NVIC_STIR = 25; dsb_isb(); logv(0x100 | NVIC_IABR(0) >> 24); }
    if (ipsr == 16 + 25 && nest_mode == 2) { NVIC_STIR = 24; NVIC_STIR = 26; dsb_isb(); logv(0x200 | (NVIC_ISPR(0) >> 24)); }
    if (ipsr == 16 + 26 && nest_mode == 3) { SCB_ICSR = ICSR_PENDSVSET; dsb_isb(); logv(0x300); }
    logv(0xe00 | ipsr);
}
#define TRAMP(name) __attribute__((naked)) void name(void) { \
    __asm__ volatile("mov r0, lr\n\tpush {r0, lr}\n\tbl irq_c\n\tpop {r0, pc}"); }
TRAMP(IRQ24_Handler) TRAMP(IRQ25_Handler) TRAMP(IRQ26_Handler) TRAMP(IRQ27_Handler)
TRAMP(PendSV_Handler) TRAMP(SysTick_Handler) TRAMP(NMI_Handler)

static void alt_svc(void) { logv(0xa17); }

static uint32_t psp_stack[256] __attribute__((aligned(8)));

int main(void)
{
    /* priorities: only the top 3 bits are used so any implemented width works */
    SCB_SHPR2 = 0x80u << 24;            /* SVC */
    SCB_SHPR3 = (0xe0u << 16) | (0xe0u << 24); /* PendSV, SysTick lowest */
    NVIC_IPR(24) = 0x80; NVIC_IPR(25) = 0x40; NVIC_IPR(26) = 0x80; NVIC_IPR(27) = 0x20;
    NVIC_ISER(0) = 0xfu << 24;
    printf("ipr readback (top 3 bits): %02x %02x %02x %02x shpr2 %08lx\n", NVIC_IPR(24) & 0xe0, NVIC_IPR(25) & 0xe0,
           NVIC_IPR(26) & 0xe0, NVIC_IPR(27) & 0xe0, (unsigned long)(SCB_SHPR2 & 0xe0000000u));
    printf("ccr.stkalign %lu\n", (unsigned long)((SCB_CCR >> 9) & 1));

    uint32_t r = svc1(1, 2, 3, 4);
    print_svc("svc1 msp", r);
    /* SVC with SP only 4-byte aligned: the frame is realigned and xPSR bit 9 set */
    __asm__ volatile("sub sp, #4\n\tmov r12, #0x77\n\tmovs r0, #5\n\tmovs r1, #6\n\tmovs r2, #7\n\tmovs r3, #8\n\tsvc #1\n\tadd sp, #4"
                     ::: "r0", "r1", "r2", "r3", "r12", "lr", "memory", "cc");
    print_svc("svc1 misaligned", svc_frame[0]);
    {
        register uint32_t r0 __asm__("r0") = 0, r1 __asm__("r1") = 0, r3 __asm__("r3") = 0x21, r12 __asm__("r12") = 0xc12;
        __asm__ volatile("msr apsr_nzcvqg, %[f]\n\tsvc #2" : "+r"(r0), "+r"(r1) : "r"(r3), [f] "r"(0x90000000u), "r"(r12) : "r2", "lr", "memory", "cc");
        print_svc("svc2 flags", r0 ^ r1);
    }
    /* thread mode on the process stack */
    __asm__ volatile("msr psp, %0\n\tmrs r0, control\n\torr r0, r0, #2\n\tmsr control, r0\n\tisb" :: "r"(psp_stack + 256) : "r0", "memory");
    r = svc1(10, 20, 30, 40);
    printf("control on psp: %lu\n", (unsigned long)(get_control() & 2));
    print_svc("svc1 psp", r);
    printf("frame on psp stack: %s\n", svc_frame_addr >= (uint32_t)psp_stack && svc_frame_addr < (uint32_t)(psp_stack + 256) ? "yes" : "no");
    /* unprivileged thread, SVC #3 returns to privileged */
    /* (no semihosting while unprivileged: QEMU only allows it with userspace=on) */
    set_control(get_control() | 1);
    uint32_t c_unpriv = get_control();
    set_control(c_unpriv & ~1u); /* ignored when unprivileged */
    uint32_t c_still = get_control();
    __asm__ volatile("svc #3" ::: "r0", "r1", "r2", "r3", "r12", "lr", "memory", "cc");
    printf("unprivileged: control=%lx, after msr %lx, after svc3 %lx\n", (unsigned long)c_unpriv, (unsigned long)c_still, (unsigned long)get_control());
    __asm__ volatile("mrs r0, control\n\tbic r0, r0, #2\n\tmsr control, r0\n\tisb" ::: "r0", "memory");

    nlog = 0;
    SCB_ICSR = ICSR_PENDSVSET; dsb_isb();
    dump_log("pendsv");
    SCB_ICSR = ICSR_PENDSTSET; dsb_isb();
    dump_log("systick pended");
    NVIC_STIR = 27; dsb_isb();
    dump_log("stir 27");
    nest_mode = 1; NVIC_STIR = 24; dsb_isb();
    dump_log("preempt 24<-25");
    nest_mode = 2; NVIC_ISPR(0) = 1u << 25; dsb_isb();
    dump_log("tailchain 25->24,26");
    nest_mode = 3; NVIC_STIR = 26; dsb_isb();
    dump_log("26 pends pendsv");
    nest_mode = 0;

    set_basepri(0x80);
    NVIC_STIR = 24; NVIC_STIR = 25; dsb_isb();
    logv(0xb00 | (NVIC_ISPR(0) >> 24));
    set_basepri(0x40);
    logv(0xb10 | (NVIC_ISPR(0) >> 24));
    __asm__ volatile("msr basepri_max, %0\n\tisb" :: "r"(0x60u));
    logv(0xb20 | get_basepri());
    __asm__ volatile("msr basepri_max, %0\n\tisb" :: "r"(0x20u));
    logv(0xb30 | get_basepri());
    set_basepri(0);
    dump_log("basepri");

    __asm__ volatile("cpsid i" ::: "memory");
    NVIC_STIR = 25; NVIC_STIR = 27; dsb_isb();
    logv(0xc00 | (NVIC_ISPR(0) >> 24));
    __asm__ volatile("cpsie i\n\tisb" ::: "memory");
    set_primask(1);
    NVIC_STIR = 26; dsb_isb();
    logv(0xc10 | (NVIC_ISPR(0) >> 24));
    set_primask(0);
    __asm__ volatile("cpsid f" ::: "memory");
    NVIC_STIR = 24; SCB_ICSR = ICSR_PENDSVSET; dsb_isb();
    logv(0xc20 | (NVIC_ISPR(0) >> 24));
    __asm__ volatile("cpsie f\n\tisb" ::: "memory");
    dump_log("primask/faultmask");

    NVIC_ICER(0) = 1u << 26;
    NVIC_STIR = 26; dsb_isb();
    logv(0xd00 | (NVIC_ISPR(0) >> 24));
    NVIC_ICPR(0) = 1u << 26;
    logv(0xd10 | (NVIC_ISPR(0) >> 24));
    NVIC_ISER(0) = 1u << 26;
    dump_log("disabled irq stays pending");

    /* register and flag preservation across an interrupt taken mid-sequence */
    {
        uint32_t out[6];
        __asm__ volatile(
            "ldr r0, =0x10101010\n\tldr r1, =0x21212121\n\tldr r2, =0x32323232\n\tldr r3, =0x43434343\n\t"
            "ldr r12, =0xc0c0c0c0\n\tmsr apsr_nzcvqg, r2\n\t"
            "mov lr, #27\n\tldr r4, =0xe000ef00\n\tstr lr, [r4]\n\tdsb\n\tisb\n\t"
            "mrs lr, apsr\n\tstm %[o], {r0, r1, r2, r3, r12, lr}"
            : : [o] "r"(out) : "r0", "r1", "r2", "r3", "r4", "r12", "lr", "memory", "cc");
        printf("preserved:");
        for (int i = 0; i < 6; i++) { printf(" %08lx", (unsigned long)out[i]); tb_mix(out[i]); }
        printf("\n");
        dump_log("irq during sequence");
    }

    /* NMI pended through ICSR.NMIPENDSET: taken even with PRIMASK and FAULTMASK clear or set (PRIMASK) */
    set_primask(1);
    SCB_ICSR = 1u << 31; dsb_isb();
    set_primask(0);
    dump_log("nmi under primask");
    /* WFI with PRIMASK set wakes up on a pending interrupt without taking it */
    set_primask(1);
    NVIC_ISPR(0) = 1u << 25;
    __asm__ volatile("wfi");
    logv(0xf00 | (NVIC_ISPR(0) >> 24));
    set_primask(0);
    dump_log("wfi wakes under primask");

    /* VTOR relocation */
    static uint32_t ramvec[48] __attribute__((aligned(256)));
    for (int i = 0; i < 48; i++) ramvec[i] = ((volatile uint32_t *)SCB_VTOR)[i];
    ramvec[16 + 27] = (uint32_t)alt_svc | 1;
    SCB_VTOR = (uint32_t)ramvec; dsb_isb();
    NVIC_STIR = 27; dsb_isb();
    SCB_VTOR = 0; dsb_isb();
    NVIC_STIR = 27; dsb_isb();
    dump_log("vtor relocation");
    printf("exceptions checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
