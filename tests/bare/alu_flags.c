/* alu_flags: data-processing instructions and their NZCV results on edge values
 * (carry/overflow boundaries), 16-bit (low registers) and 32-bit (.w) encodings,
 * register, shifted-register and modified-immediate operands. Q is set on entry
 * in half of the runs to check that it is preserved. */
#include "tb.h"

uint32_t tb_sum;

static const uint32_t vals[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x12345678, 0xedcba987};
#define NV (sizeof vals / sizeof vals[0])
static const uint32_t fins[] = {0x00000000, 0xf80a0000};
#define NF (sizeof fins / sizeof fins[0])

static void report(const char *name, uint32_t a, uint32_t b, uint32_t fin, uint32_t d, uint32_t f)
{
    printf("%-12s %08lx %08lx %s -> %08lx %s\n", name, (unsigned long)a, (unsigned long)b,
           flagstr(fin) , (unsigned long)d, flagstr(f));
    tb_mix(d); tb_mix(f);
}

/* Two-operand op with low registers (allows 16-bit encodings) */
#define OPL(fn, text) static void fn(uint32_t a, uint32_t b, uint32_t fin) { \
    uint32_t d = a, f; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" text "\n\tmrs %[f], apsr" \
        : [d] "+l"(d), [f] "=&r"(f) : [a] "l"(a), [b] "l"(b), [fin] "r"(fin) : "cc"); \
    report(#fn, a, b, fin, d, f); }
/* Three-operand op with any registers (32-bit encodings forced with .w) */
#define OPW(fn, text) static void fn(uint32_t a, uint32_t b, uint32_t fin) { \
    uint32_t d = 0, f; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" text "\n\tmrs %[f], apsr" \
        : [d] "+r"(d), [f] "=&r"(f) : [a] "r"(a), [b] "r"(b), [fin] "r"(fin) : "cc"); \
    report(#fn, a, b, fin, d, f); }

/* 16-bit forms: d starts as a */
OPL(adds16,  "adds %[d], %[a], %[b]")
OPL(adcs16,  "adcs %[d], %[b]")
OPL(subs16,  "subs %[d], %[a], %[b]")
OPL(sbcs16,  "sbcs %[d], %[b]")
OPL(rsbs16,  "rsbs %[d], %[b], #0")
OPL(cmp16,   "cmp %[a], %[b]")
OPL(cmn16,   "cmn %[a], %[b]")
OPL(tst16,   "tst %[a], %[b]")
OPL(ands16,  "ands %[d], %[b]")
OPL(orrs16,  "orrs %[d], %[b]")
OPL(eors16,  "eors %[d], %[b]")
OPL(bics16,  "bics %[d], %[b]")
OPL(mvns16,  "mvns %[d], %[b]")
OPL(muls16,  "muls %[d], %[b], %[d]")
OPL(adds3i,  "adds %[d], %[a], #7")
OPL(subs3i,  "subs %[d], %[a], #1")
OPL(adds8i,  "adds %[d], #255")
OPL(subs8i,  "subs %[d], #128")
OPL(cmp8i,   "cmp %[a], #0x80")
OPL(movs8i,  "movs %[d], #0")
/* 32-bit forms */
OPW(adds_w,  "adds.w %[d], %[a], %[b]")
OPW(adcs_w,  "adcs.w %[d], %[a], %[b]")
OPW(subs_w,  "subs.w %[d], %[a], %[b]")
OPW(sbcs_w,  "sbcs.w %[d], %[a], %[b]")
OPW(rsbs_w,  "rsbs.w %[d], %[a], %[b]")
OPW(cmp_w,   "cmp.w %[a], %[b]")
OPW(cmn_w,   "cmn.w %[a], %[b]")
OPW(tst_w,   "tst.w %[a], %[b]")
OPW(teq_w,   "teq.w %[a], %[b]")
OPW(ands_w,  "ands.w %[d], %[a], %[b]")
OPW(orrs_w,  "orrs.w %[d], %[a], %[b]")
OPW(orns_w,  "orns %[d], %[a], %[b]")
OPW(eors_w,  "eors.w %[d], %[a], %[b]")
OPW(bics_w,  "bics.w %[d], %[a], %[b]")
OPW(mvns_w,  "mvns.w %[d], %[b]")
OPW(movs_w,  "movs.w %[d], %[b]")
OPW(add_nf,  "add.w %[d], %[a], %[b]")
OPW(adc_nf,  "adc.w %[d], %[a], %[b]")
OPW(sbc_nf,  "sbc.w %[d], %[a], %[b]")
/* shifted register operands: carry comes from the shifter for logical ops */
OPW(ands_lsl1,  "ands.w %[d], %[a], %[b], lsl #1")
OPW(ands_lsr32, "ands.w %[d], %[a], %[b], lsr #32")
OPW(orrs_asr32, "orrs.w %[d], %[a], %[b], asr #32")
OPW(eors_ror31, "eors.w %[d], %[a], %[b], ror #31")
OPW(bics_rrx,   "bics.w %[d], %[a], %[b], rrx")
OPW(tst_lsr1,   "tst.w %[a], %[b], lsr #1")
OPW(teq_asr31,  "teq.w %[a], %[b], asr #31")
OPW(mvns_ror8,  "mvns.w %[d], %[b], ror #8")
OPW(lsls_w0,    "lsls.w %[d], %[b], #1")
OPW(adds_lsl31, "adds.w %[d], %[a], %[b], lsl #31")
OPW(subs_lsr7,  "subs.w %[d], %[a], %[b], lsr #7")
OPW(adcs_asr5,  "adcs.w %[d], %[a], %[b], asr #5")
OPW(rsbs_ror4,  "rsbs.w %[d], %[a], %[b], ror #4")
OPW(cmp_asr2,   "cmp.w %[a], %[b], asr #2")
OPW(cmn_rrx,    "cmn.w %[a], %[b], rrx")
/* modified immediates: rotated constants set C to bit 31 of the constant for logical ops */
OPW(ands_i80,   "ands %[d], %[a], #0x80000000")
OPW(ands_iff,   "ands %[d], %[a], #0xff")
OPW(orrs_i3fc,  "orrs %[d], %[a], #0x3fc00")
OPW(eors_irep,  "eors %[d], %[a], #0xab00ab00")
OPW(tst_irep,   "tst %[a], #0x01010101")
OPW(teq_i8,     "teq %[a], #0x80000000")
OPW(bics_irep,  "bics %[d], %[a], #0xffffffff")
OPW(movs_ineg,  "movs %[d], #0xff000000")
OPW(mvns_i1,    "mvns %[d], #1")
OPW(adds_irep,  "adds %[d], %[a], #0x7f7f7f7f")
OPW(subs_i1,    "subs %[d], %[a], #1")
OPW(adcs_i0,    "adcs %[d], %[a], #0")
OPW(sbcs_i0,    "sbcs %[d], %[a], #0")
OPW(rsbs_i0,    "rsbs %[d], %[a], #0")
OPW(cmp_ineg,   "cmp %[a], #0xffffffff")
OPW(cmn_i1,     "cmn %[a], #1")
OPW(addw_i,     "addw %[d], %[a], #4095")
OPW(subw_i,     "subw %[d], %[a], #4095")
OPW(movw_i,     "movw %[d], #0xbeef")
OPW(movt_i,     "mov %[d], %[a]\n\tmovt %[d], #0xcafe")

typedef void (*opfn)(uint32_t, uint32_t, uint32_t);
static const opfn ops[] = {
    adds16, adcs16, subs16, sbcs16, rsbs16, cmp16, cmn16, tst16, ands16, orrs16, eors16, bics16,
    mvns16, muls16, adds3i, subs3i, adds8i, subs8i, cmp8i, movs8i,
    adds_w, adcs_w, subs_w, sbcs_w, rsbs_w, cmp_w, cmn_w, tst_w, teq_w, ands_w, orrs_w, orns_w,
    eors_w, bics_w, mvns_w, movs_w, add_nf, adc_nf, sbc_nf,
    ands_lsl1, ands_lsr32, orrs_asr32, eors_ror31, bics_rrx, tst_lsr1, teq_asr31, mvns_ror8,
    lsls_w0, adds_lsl31, subs_lsr7, adcs_asr5, rsbs_ror4, cmp_asr2, cmn_rrx,
    ands_i80, ands_iff, orrs_i3fc, eors_irep, tst_irep, teq_i8, bics_irep, movs_ineg, mvns_i1,
    adds_irep, subs_i1, adcs_i0, sbcs_i0, rsbs_i0, cmp_ineg, cmn_i1, addw_i, subw_i, movw_i, movt_i,
};

int main(void)
{
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++)
        for (unsigned i = 0; i < NV; i++)
            for (unsigned j = 0; j < NV; j++)
                for (unsigned k = 0; k < NF; k++)
                    ops[o](vals[i], vals[j], fins[k]);
    printf("alu_flags checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
