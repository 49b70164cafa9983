/* mpu: PMSAv7 MPU (8 regions). MPU_TYPE, RBAR/RASR readback, every AP encoding
 * probed with privileged LDR/STR and unprivileged LDRT/STRT, subregion disable
 * (SRD) with overlapping regions (higher number wins), XN (execute from RAM
 * faults with IACCVIOL), PRIVDEFENA on and off (background map), MPU disabled,
 * MemManage DACCVIOL with MMFAR, and real unprivileged thread mode via
 * CONTROL.nPRIV with an SVC back to privileged, and a stacking fault (MSTKERR)
 * on SVC entry from an unprivileged thread whose PSP points into a
 * privileged-only region, followed by the tail-chained pending SVC; then an
 * unstacking fault (MUNSTKERR) returning from an SVC whose handler moved PSP
 * into that region. */
#include "tb.h"
#include "fault.h"

uint32_t tb_sum;
/* tbuf gets a 1 KiB page of its own: QEMU's semihosting reads guest memory by
 * translating the base of the 1 KiB page holding the buffer, so an MPU no-access
 * region elsewhere in the page of newlib's stdout buffer makes output vanish. */
static uint8_t tbuf[1024] __attribute__((aligned(1024)));
static uint8_t bigbuf[16384] __attribute__((aligned(16384)));
static volatile uint32_t unpriv_log[16];

#define RASR(xn, ap, srd, size) (((uint32_t)(xn) << 28) | ((uint32_t)(ap) << 24) | (1u << 17) /* C */ | ((uint32_t)(srd) << 8) | ((uint32_t)(size) << 1) | 1u)
static void region(uint32_t n, uint32_t base, uint32_t rasr) { MPU_RBAR = base | (1u << 4) | n; MPU_RASR = rasr; }
static void region_off(uint32_t n) { MPU_RNR = n; MPU_RASR = 0; }
static void mpu_on(int privdef) { MPU_CTRL = 1u | (privdef ? 4u : 0u); dsb_isb(); }
static void mpu_off(void) { MPU_CTRL = 0; dsb_isb(); }

/* 32-bit probe instructions, so the fault handler skips exactly one of them */
static uint32_t p_ldr(volatile void *a) { uint32_t v = 0xeeeeeeee; __asm__ volatile("ldr.w %0, [%1]" : "+r"(v) : "r"(a) : "memory"); return v; }
static void p_str(volatile void *a, uint32_t v) { __asm__ volatile("str.w %0, [%1]" :: "r"(v), "r"(a) : "memory"); }
static uint32_t p_ldrt(volatile void *a) { uint32_t v = 0xeeeeeeee; __asm__ volatile("ldrt %0, [%1]" : "+r"(v) : "r"(a) : "memory"); return v; }
static void p_strt(volatile void *a, uint32_t v) { __asm__ volatile("strt %0, [%1]" :: "r"(v), "r"(a) : "memory"); }

/* four probes -> "RW rw" style string, '-' where the access faulted */
static void probe4(const char *what, volatile void *a)
{
    char s[6] = "RW rw";
    fault_reset(); p_ldr(a);          if (last_fault.count) s[0] = '-';
    uint32_t c1 = last_fault.cfsr;
    fault_reset(); p_str(a, 0x1234);  if (last_fault.count) s[1] = '-';
    uint32_t c2 = last_fault.cfsr;
    fault_reset(); p_ldrt(a);         if (last_fault.count) s[3] = '-';
    uint32_t c3 = last_fault.cfsr;
    fault_reset(); p_strt(a, 0x5678); if (last_fault.count) s[4] = '-';
    uint32_t c4 = last_fault.cfsr, far = last_fault.far;
    fault_reset();
    printf("%-26s %s cfsr %02lx %02lx %02lx %02lx mmfar-off %lx\n", what, s, (unsigned long)c1, (unsigned long)c2, (unsigned long)c3, (unsigned long)c4,
           (unsigned long)(far ? far - (uint32_t)a : 0xff));
    tb_mix(s[0] ^ s[1] << 8 ^ s[3] << 16 ^ s[4] << 24); tb_mix(c1 ^ c2 ^ c3 ^ c4);
}

static void base_regions(void)
{
    region(0, 0x00000000, RASR(0, 6, 0, 21)); /* code, 4 MiB, read-only for all */
    region(1, 0x20000000, RASR(0, 3, 0, 21)); /* SRAM, 4 MiB, full access */
    for (int n = 2; n < 8; n++) region_off(n);
}

typedef int (*ramfn)(void);

/* Stacking fault: unprivileged thread on a PSP inside a privileged-only region
 * executes SVC; exception entry cannot stack (MSTKERR), MemManage is taken, the
 * hook points PSP at a valid fake frame that resumes at stk_recover, and the
 * SVC, still pending, follows by tail-chaining. */
static uint8_t gbuf[1024] __attribute__((aligned(1024)));
uint32_t gbuf_psp;
static volatile uint32_t stk_log[12];
static volatile unsigned stk_n;
static void stk_logv(uint32_t v) { if (stk_n < 12) stk_log[stk_n++] = v; }
static uint32_t fake_frame[16] __attribute__((aligned(8)));
extern char stk_recover[], stk_recover2[];
static int stack_hook(uint32_t *frame, uint32_t excret, uint32_t cfsr)
{
    (void)frame;
    stk_logv(0x4d000000 | (cfsr & 0xff) << 8 | (excret & 0xff)); /* 'M', MMFSR, EXC_RETURN low byte */
    if (!(cfsr & ((1u << 4) | (1u << 3)))) return 0; /* MSTKERR or MUNSTKERR */
    for (int i = 0; i < 16; i++) fake_frame[i] = 0;
    fake_frame[6] = (uint32_t)((cfsr & (1u << 4)) ? stk_recover : stk_recover2) & ~1u;
    fake_frame[7] = 0x01000000u;
    __asm__ volatile("msr psp, %0" :: "r"(fake_frame) : "memory");
    return 1;
}
static void __attribute__((naked, noinline)) stacking_thread(void)
{
    __asm__ volatile(
        "push {r4-r7, lr}\n\t"
        "ldr r0, =gbuf_psp\n\tldr r0, [r0]\n\tmsr psp, r0\n\t"
        "movs r0, #3\n\tmsr control, r0\n\tisb\n\t"
        "svc #1\n\t"
        ".global stk_recover\n\t.thumb_func\nstk_recover:\n\t"
        "svc #2\n\t"
        "movs r0, #3\n\tmsr control, r0\n\tisb\n\t"
        "svc #3\n\t"
        ".global stk_recover2\n\t.thumb_func\nstk_recover2:\n\t"
        "svc #4\n\t"
        "movs r0, #0\n\tmsr control, r0\n\tisb\n\t"
        "pop {r4-r7, pc}\n\t.ltorg");
}
static void unpriv_body(void)
{
    /* runs unprivileged: loads/stores to tbuf, faults are recorded by the handler */
    volatile uint32_t *w = (volatile uint32_t *)tbuf;
    fault_reset();
    unpriv_log[0] = p_ldr(w);
    unpriv_log[1] = last_fault.count;
    p_str(w + 1, 0xabcd);
    unpriv_log[2] = last_fault.count;
    unpriv_log[3] = p_ldr(w + 40);
    unpriv_log[4] = last_fault.count;
    p_str(w + 40, 0x9999);
    unpriv_log[5] = last_fault.count;
    unpriv_log[6] = last_fault.cfsr;
    unpriv_log[7] = last_fault.far - (uint32_t)tbuf;
    unpriv_log[8] = get_control();
}

void svc_c(uint32_t *frame)
{
    uint32_t num = ((uint16_t *)frame[6])[-1] & 0xff;
    stk_logv(0x5c00 | num); /* 'S', SVC number */
    if (num == 3) { /* return to the unprivileged thread with PSP in the guard: unstacking faults */
        __asm__ volatile("msr psp, %0" :: "r"(gbuf_psp) : "memory");
        return;
    }
    set_control(get_control() & ~1u);
}
__attribute__((naked)) void SVC_Handler(void)
{
    __asm__ volatile("tst lr, #4\n\tite eq\n\tmrseq r0, msp\n\tmrsne r0, psp\n\tpush {r0, lr}\n\tbl svc_c\n\tpop {r0, pc}");
}

int main(void)
{
    SCB_SHCSR |= SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA;
    for (int i = 0; i < 256; i++) tbuf[i] = (uint8_t)i; /* only the first 256 bytes are probed */
    printf("mpu type dregion=%lu separate=%lu\n", (unsigned long)((MPU_TYPE >> 8) & 0xff), (unsigned long)(MPU_TYPE & 1));

    base_regions();
    region(2, (uint32_t)tbuf, RASR(1, 2, 0x5a, 7));
    MPU_RNR = 2;
    printf("readback rnr=%lu rbar=%08lx rasr=%08lx\n", (unsigned long)MPU_RNR, (unsigned long)(MPU_RBAR - (uint32_t)tbuf), (unsigned long)MPU_RASR);

    mpu_off();
    probe4("mpu off", tbuf);
    static const char *apn[8] = {"AP=000 none", "AP=001 priv RW", "AP=010 priv RW, user RO", "AP=011 full",
                                 "AP=100 reserved", "AP=101 priv RO", "AP=110 RO", "AP=111 RO"};
    for (uint32_t ap = 0; ap < 8; ap++) {
        if (ap == 4) continue;
        mpu_off();
        base_regions();
        region(2, (uint32_t)tbuf, RASR(1, ap, 0, 7));
        mpu_on(1);
        probe4(apn[ap], tbuf + 64);
    }
    /* subregions (2 KiB each, so that QEMU's 1 KiB TLB pages do not hide a
     * disabled subregion falling through to a larger region): region 3 = no access over bigbuf, subregions 1, 4, 6 disabled -> fall through to region 1 */
    mpu_off(); base_regions();
    region(3, (uint32_t)bigbuf, RASR(1, 0, 0x52, 13));
    mpu_on(1);
    printf("srd 0x52 per 2KiB subregion:");
    for (int sr = 0; sr < 8; sr++) {
        fault_reset();
        p_ldr(bigbuf + sr * 2048 + 4);
        printf(" %c", last_fault.count ? '-' : 'R');
        tb_mix(last_fault.count);
    }
    printf("\n");
    /* overlap: lower-numbered region says no access, higher says read-only */
    mpu_off(); base_regions();
    region(2, (uint32_t)tbuf, RASR(1, 0, 0, 7));
    region(4, (uint32_t)tbuf + 128, RASR(1, 6, 0, 6));
    mpu_on(1);
    probe4("overlap lower half", tbuf + 8);
    probe4("overlap upper half", tbuf + 200);

    /* XN: run code copied to RAM */
    mpu_off(); base_regions();
    static const uint16_t code[] = {0x202a /* movs r0, #42 */, 0x4770 /* bx lr */};
    uint16_t *cbuf = (uint16_t *)(tbuf + 128);
    cbuf[0] = code[0]; cbuf[1] = code[1];
    dsb_isb();
    region(2, (uint32_t)tbuf, RASR(0, 3, 0, 7));
    mpu_on(1);
    fault_reset();
    int r = ((ramfn)((uint32_t)cbuf | 1))();
    fault_print("exec from RAM, XN=0", (uint32_t)r);
    mpu_off();
    region(2, (uint32_t)tbuf, RASR(1, 3, 0, 7));
    mpu_on(1);
    r = ((ramfn)((uint32_t)cbuf | 1))();
    (void)r; /* r0 is whatever the caller left there */
    last_fault.far = last_fault.far ? last_fault.far - (uint32_t)tbuf : 0;
    fault_print("exec from RAM, XN=1", 0);

    /* PRIVDEFENA: PSRAM at 0x21000000 is not covered by any region */
    volatile uint32_t *psram = (volatile uint32_t *)0x21000100;
    mpu_off(); base_regions(); mpu_on(1);
    *psram = 0x31415926;
    probe4("privdefena=1 background", psram);
    mpu_off(); base_regions(); mpu_on(0);
    probe4("privdefena=0 background", psram);
    fault_reset(); p_ldr((void *)0xE000ED00);
    fault_print("privdefena=0, SCS read", 0);
    fault_reset(); p_ldrt((void *)0xE000ED00);
    fault_print("unprivileged SCS read", 0);

    /* real unprivileged thread mode; tbuf: first 128 bytes RO for user, rest none */
    mpu_off(); base_regions();
    region(2, (uint32_t)tbuf, RASR(1, 2, 0, 6));
    region(3, (uint32_t)tbuf + 128, RASR(1, 1, 0, 6));
    mpu_on(1);
    set_control(get_control() | 1);
    unpriv_body();
    __asm__ volatile("svc #0" ::: "memory");
    mpu_off();
    printf("unprivileged run: ld %08lx f%lu st f%lu ld2 %08lx f%lu st2 f%lu cfsr %02lx mmfar-off %02lx control %lu -> %lu\n",
           (unsigned long)unpriv_log[0], (unsigned long)unpriv_log[1], (unsigned long)unpriv_log[2], (unsigned long)unpriv_log[3],
           (unsigned long)unpriv_log[4], (unsigned long)unpriv_log[5], (unsigned long)unpriv_log[6], (unsigned long)unpriv_log[7],
           (unsigned long)unpriv_log[8], (unsigned long)get_control());
    for (int i = 0; i < 9; i++) tb_mix(unpriv_log[i]);
    /* stacking fault on exception entry */
    mpu_off(); base_regions();
    region(5, (uint32_t)gbuf, RASR(1, 1, 0, 7)); /* privileged RW, unprivileged none */
    mpu_on(1);
    gbuf_psp = (uint32_t)gbuf + 128;
    fault_hook = stack_hook;
    stk_n = 0;
    stacking_thread();
    fault_hook = 0;
    mpu_off();
    printf("stacking fault:");
    for (unsigned i = 0; i < stk_n; i++) { printf(" %08lx", (unsigned long)stk_log[i]); tb_mix(stk_log[i]); }
    printf(" control %lx\n", (unsigned long)get_control());
    printf("mpu checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
