/* muldiv: MUL/MULS, MLA, MLS, UMULL, SMULL, UMLAL, SMLAL on edge values;
 * SDIV/UDIV incl. divide by zero (result 0, CCR.DIV_0_TRP clear) and
 * INT_MIN / -1; and a software check of every result. */
#include "tb.h"

uint32_t tb_sum;
static const uint32_t vals[] = {0, 1, 2, 3, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x10000, 0xffff, 0x12345678, 0xdeadbeef};
#define NV (sizeof vals / sizeof vals[0])
static int bad;

static void chk(const char *n, uint32_t a, uint32_t b, uint32_t got, uint32_t want)
{
    tb_mix(got);
    if (got != want) { bad++; printf("MISMATCH %s %08lx %08lx got %08lx want %08lx\n", n, (unsigned long)a, (unsigned long)b, (unsigned long)got, (unsigned long)want); }
}

int main(void)
{
    uint32_t c = 0x55aa55aa, c2 = 0x01020304;
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t a = vals[i], b = vals[j], d, lo, hi, f;
            __asm__ volatile("mul %0, %1, %2" : "=r"(d) : "r"(a), "r"(b));
            chk("mul", a, b, d, a * b);
            __asm__ volatile("msr apsr_nzcvqg, %4\n\tmuls %0, %1, %0\n\tmrs %2, apsr" : "=l"(d), "=l"(lo), "=r"(f) : "0"(a), "r"(0x30000000u), "l"(b) : "cc");
            (void)lo;
            printf("muls %08lx %08lx = %08lx %s\n", (unsigned long)a, (unsigned long)b, (unsigned long)d, flagstr(f));
            __asm__ volatile("mla %0, %1, %2, %3" : "=r"(d) : "r"(a), "r"(b), "r"(c));
            chk("mla", a, b, d, a * b + c);
            __asm__ volatile("mls %0, %1, %2, %3" : "=r"(d) : "r"(a), "r"(b), "r"(c));
            chk("mls", a, b, d, c - a * b);
            __asm__ volatile("umull %0, %1, %2, %3" : "=&r"(lo), "=&r"(hi) : "r"(a), "r"(b));
            uint64_t u = (uint64_t)a * b;
            chk("umull.lo", a, b, lo, (uint32_t)u); chk("umull.hi", a, b, hi, (uint32_t)(u >> 32));
            __asm__ volatile("smull %0, %1, %2, %3" : "=&r"(lo), "=&r"(hi) : "r"(a), "r"(b));
            int64_t s = (int64_t)(int32_t)a * (int32_t)b;
            chk("smull.lo", a, b, lo, (uint32_t)s); chk("smull.hi", a, b, hi, (uint32_t)((uint64_t)s >> 32));
            lo = c; hi = c2;
            __asm__ volatile("umlal %0, %1, %2, %3" : "+r"(lo), "+r"(hi) : "r"(a), "r"(b));
            u = (uint64_t)a * b + (((uint64_t)c2 << 32) | c);
            chk("umlal.lo", a, b, lo, (uint32_t)u); chk("umlal.hi", a, b, hi, (uint32_t)(u >> 32));
            lo = c; hi = 0xfffffff0;
            __asm__ volatile("smlal %0, %1, %2, %3" : "+r"(lo), "+r"(hi) : "r"(a), "r"(b));
            u = (uint64_t)((int64_t)(int32_t)a * (int32_t)b) + ((0xfffffff0ull << 32) | c);
            chk("smlal.lo", a, b, lo, (uint32_t)u); chk("smlal.hi", a, b, hi, (uint32_t)(u >> 32));
            __asm__ volatile("udiv %0, %1, %2" : "=r"(d) : "r"(a), "r"(b));
            chk("udiv", a, b, d, b ? a / b : 0);
            __asm__ volatile("sdiv %0, %1, %2" : "=r"(d) : "r"(a), "r"(b));
            int32_t sa = (int32_t)a, sb = (int32_t)b;
            uint32_t want = sb == 0 ? 0 : (sa == INT32_MIN && sb == -1) ? 0x80000000u : (uint32_t)(sa / sb);
            chk("sdiv", a, b, d, want);
            printf("div %08lx %08lx: udiv %08lx sdiv %08lx\n", (unsigned long)a, (unsigned long)b, (unsigned long)(b ? a / b : 0), (unsigned long)d);
        }
    }
    printf("muldiv mismatches %d checksum %08lx\n", bad, (unsigned long)tb_sum);
    return bad ? 1 : 0;
}
