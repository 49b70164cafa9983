/* Shared helpers for the tockemu bare-metal corpus (QEMU mps2-an386). */
#ifndef TB_H
#define TB_H
#include <stdint.h>
#include <stdio.h>

#define REG32(a) (*(volatile uint32_t *)(a))
#define REG8(a)  (*(volatile uint8_t *)(a))

/* System control space */
#define SCB_ICSR   REG32(0xE000ED04)
#define SCB_VTOR   REG32(0xE000ED08)
#define SCB_AIRCR  REG32(0xE000ED0C)
#define SCB_SCR    REG32(0xE000ED10)
#define SCB_CCR    REG32(0xE000ED14)
#define SCB_SHPR1  REG32(0xE000ED18)
#define SCB_SHPR2  REG32(0xE000ED1C)
#define SCB_SHPR3  REG32(0xE000ED20)
#define SCB_SHCSR  REG32(0xE000ED24)
#define SCB_CFSR   REG32(0xE000ED28)
#define SCB_HFSR   REG32(0xE000ED2C)
#define SCB_MMFAR  REG32(0xE000ED34)
#define SCB_BFAR   REG32(0xE000ED38)
#define SYST_CSR   REG32(0xE000E010)
#define SYST_RVR   REG32(0xE000E014)
#define SYST_CVR   REG32(0xE000E018)
#define NVIC_ISER(n) REG32(0xE000E100 + 4 * (n))
#define NVIC_ICER(n) REG32(0xE000E180 + 4 * (n))
#define NVIC_ISPR(n) REG32(0xE000E200 + 4 * (n))
#define NVIC_ICPR(n) REG32(0xE000E280 + 4 * (n))
#define NVIC_IABR(n) REG32(0xE000E300 + 4 * (n))
#define NVIC_IPR(n)  REG8(0xE000E400 + (n))
#define NVIC_STIR  REG32(0xE000EF00)
#define MPU_TYPE   REG32(0xE000ED90)
#define MPU_CTRL   REG32(0xE000ED94)
#define MPU_RNR    REG32(0xE000ED98)
#define MPU_RBAR   REG32(0xE000ED9C)
#define MPU_RASR   REG32(0xE000EDA0)

#define ICSR_PENDSVSET (1u << 28)
#define ICSR_PENDSTSET (1u << 26)
#define SHCSR_MEMFAULTENA (1u << 16)
#define SHCSR_BUSFAULTENA (1u << 17)
#define SHCSR_USGFAULTENA (1u << 18)
#define CCR_UNALIGN_TRP (1u << 3)
#define CCR_DIV_0_TRP   (1u << 4)

/* Raw ARM semihosting call (BKPT 0xAB, Thumb). */
static inline uint32_t semihost(uint32_t op, const void *arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static inline uint32_t get_apsr(void) { uint32_t v; __asm__ volatile("mrs %0, apsr" : "=r"(v)); return v; }
static inline void set_apsr(uint32_t v) { __asm__ volatile("msr apsr_nzcvqg, %0" :: "r"(v) : "cc"); }
static inline uint32_t get_control(void) { uint32_t v; __asm__ volatile("mrs %0, control" : "=r"(v)); return v; }
static inline void set_control(uint32_t v) { __asm__ volatile("msr control, %0\n isb" :: "r"(v) : "memory"); }
static inline uint32_t get_basepri(void) { uint32_t v; __asm__ volatile("mrs %0, basepri" : "=r"(v)); return v; }
static inline void set_basepri(uint32_t v) { __asm__ volatile("msr basepri, %0\n isb" :: "r"(v) : "memory"); }
static inline void set_primask(uint32_t v) { __asm__ volatile("msr primask, %0\n isb" :: "r"(v) : "memory"); }
static inline uint32_t get_ipsr(void) { uint32_t v; __asm__ volatile("mrs %0, ipsr" : "=r"(v)); return v; }
static inline void dsb_isb(void) { __asm__ volatile("dsb\n isb" ::: "memory"); }

/* Flags as text: "NZCVQ" letters, '-' when clear, plus GE bits. */
static inline const char *flagstr(uint32_t apsr)
{
    static char bufs[4][12];
    static unsigned next;
    char *buf = bufs[next++ & 3];
    buf[0] = (apsr & (1u << 31)) ? 'N' : '-';
    buf[1] = (apsr & (1u << 30)) ? 'Z' : '-';
    buf[2] = (apsr & (1u << 29)) ? 'C' : '-';
    buf[3] = (apsr & (1u << 28)) ? 'V' : '-';
    buf[4] = (apsr & (1u << 27)) ? 'Q' : '-';
    buf[5] = ' ';
    buf[6] = 'g';
    for (int i = 0; i < 4; i++) buf[7 + i] = ((apsr >> (19 - i)) & 1) ? '1' : '0';
    buf[11] = 0;
    return buf;
}

/* Running checksum over printed results, so a summary line catches drift. */
extern uint32_t tb_sum;
static inline void tb_mix(uint32_t v) { tb_sum = (tb_sum ^ v) * 0x01000193u + 0x9e3779b9u; }

/* Length in bytes of the Thumb instruction at addr (for skipping faulting instructions). */
static inline uint32_t thumb_len(uint32_t addr)
{
    uint16_t hw = *(volatile uint16_t *)addr;
    return ((hw >> 11) >= 0x1d) ? 4 : 2;
}
#endif
