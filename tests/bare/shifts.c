/* shifts: LSL/LSR/ASR/ROR by register (amounts 0, 1, 31, 32, 33, 255, 256+n where
 * only the bottom byte counts) and by immediate (incl. LSR/ASR #32 encodings),
 * RRX, 16-bit and 32-bit forms; results and carry-out. */
#include "tb.h"

uint32_t tb_sum;

static const uint32_t vals[] = {0, 1, 0x80000000, 0x80000001, 0xffffffff, 0x7fffffff, 0xa5a5a5a5, 0x12345678};
static const uint32_t amts[] = {0, 1, 4, 31, 32, 33, 63, 64, 255, 256, 257, 0xffffff20};

static void report(const char *n, uint32_t a, uint32_t s, uint32_t fin, uint32_t d, uint32_t f)
{
    printf("%-8s %08lx by %08lx %s -> %08lx %s\n", n, (unsigned long)a, (unsigned long)s, flagstr(fin), (unsigned long)d, flagstr(f));
    tb_mix(d); tb_mix(f);
}

#define SREG(fn, text, cons) static void fn(uint32_t a, uint32_t s, uint32_t fin) { \
    uint32_t d = a, f; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" text "\n\tmrs %[f], apsr" \
        : [d] "+" cons(d), [f] "=&r"(f) : [s] cons(s), [fin] "r"(fin) : "cc"); \
    report(#fn, a, s, fin, d, f); }
SREG(lsls16, "lsls %[d], %[s]", "l")
SREG(lsrs16, "lsrs %[d], %[s]", "l")
SREG(asrs16, "asrs %[d], %[s]", "l")
SREG(rors16, "rors %[d], %[s]", "l")
SREG(lsls_w, "lsls.w %[d], %[d], %[s]", "r")
SREG(lsrs_w, "lsrs.w %[d], %[d], %[s]", "r")
SREG(asrs_w, "asrs.w %[d], %[d], %[s]", "r")
SREG(rors_w, "rors.w %[d], %[d], %[s]", "r")
SREG(lsl_nf, "lsl.w %[d], %[d], %[s]", "r")
SREG(asr_nf, "asr.w %[d], %[d], %[s]", "r")

#define SIMM(fn, text) static void fn(uint32_t a, uint32_t fin) { \
    uint32_t d = a, f; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" text "\n\tmrs %[f], apsr" \
        : [d] "+l"(d), [f] "=&r"(f) : [fin] "r"(fin) : "cc"); \
    report(#fn, a, 0, fin, d, f); }
SIMM(lsls_i0,  "lsls %[d], %[d], #0")
SIMM(lsls_i1,  "lsls %[d], %[d], #1")
SIMM(lsls_i31, "lsls %[d], %[d], #31")
SIMM(lsrs_i1,  "lsrs %[d], %[d], #1")
SIMM(lsrs_i31, "lsrs %[d], %[d], #31")
SIMM(lsrs_i32, "lsrs %[d], %[d], #32")
SIMM(asrs_i1,  "asrs %[d], %[d], #1")
SIMM(asrs_i31, "asrs %[d], %[d], #31")
SIMM(asrs_i32, "asrs %[d], %[d], #32")
SIMM(rors_i1,  "rors.w %[d], %[d], #1")
SIMM(rors_i31, "rors.w %[d], %[d], #31")
SIMM(rrxs,     "rrxs %[d], %[d]")
SIMM(rrx_nf,   "rrx %[d], %[d]")
SIMM(lsls_wi5, "lsls.w %[d], %[d], #5")
SIMM(lsrs_wi32,"lsrs.w %[d], %[d], #32")
SIMM(asrs_wi32,"asrs.w %[d], %[d], #32")
SIMM(ror_nf,   "ror.w %[d], %[d], #12")

typedef void (*rfn)(uint32_t, uint32_t, uint32_t);
typedef void (*ifn)(uint32_t, uint32_t);
static const rfn rops[] = {lsls16, lsrs16, asrs16, rors16, lsls_w, lsrs_w, asrs_w, rors_w, lsl_nf, asr_nf};
static const ifn iops[] = {lsls_i0, lsls_i1, lsls_i31, lsrs_i1, lsrs_i31, lsrs_i32, asrs_i1, asrs_i31, asrs_i32,
                           rors_i1, rors_i31, rrxs, rrx_nf, lsls_wi5, lsrs_wi32, asrs_wi32, ror_nf};

int main(void)
{
    static const uint32_t fins[] = {0x00050000, 0x300f0000, 0xf8000000};
    for (unsigned o = 0; o < sizeof rops / sizeof rops[0]; o++)
        for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++)
            for (unsigned j = 0; j < sizeof amts / sizeof amts[0]; j++)
                for (unsigned k = 0; k < 2; k++)
                    rops[o](vals[i], amts[j], fins[k * 2]);
    for (unsigned o = 0; o < sizeof iops / sizeof iops[0]; o++)
        for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++)
            for (unsigned k = 0; k < 3; k++)
                iops[o](vals[i], fins[k]);
    printf("shifts checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
