/* bitops: bitfield (BFI, BFC, UBFX, SBFX), CLZ, RBIT, REV, REV16, REVSH,
 * extends (SXTB/SXTH/UXTB/UXTH with rotation, SXTAB/SXTAH/UXTAB/UXTAH,
 * SXTB16/UXTB16/SXTAB16/UXTAB16), PKHBT/PKHTB, MOVW/MOVT, ADR. */
#include "tb.h"

uint32_t tb_sum;
static const uint32_t vals[] = {0, 1, 0x80000000, 0xffffffff, 0x7fffffff, 0x00ff00ff, 0x12345678, 0x87654321, 0xf0f0000f, 0x00008080};
#define NV (sizeof vals / sizeof vals[0])

#define OP(fn, text) static uint32_t fn(uint32_t a, uint32_t b) { uint32_t d = a; \
    __asm__ volatile(text : [d] "+r"(d) : [a] "r"(a), [b] "r"(b)); return d; }
OP(bfi_0_8,    "bfi %[d], %[b], #0, #8")
OP(bfi_12_20,  "bfi %[d], %[b], #12, #20")
OP(bfi_31_1,   "bfi %[d], %[b], #31, #1")
OP(bfi_0_32,   "bfi %[d], %[b], #0, #32")
OP(bfc_4_8,    "bfc %[d], #4, #8")
OP(bfc_0_32,   "bfc %[d], #0, #32")
OP(ubfx_0_1,   "ubfx %[d], %[a], #0, #1")
OP(ubfx_7_9,   "ubfx %[d], %[a], #7, #9")
OP(ubfx_0_32,  "ubfx %[d], %[a], #0, #32")
OP(ubfx_31_1,  "ubfx %[d], %[a], #31, #1")
OP(sbfx_0_1,   "sbfx %[d], %[a], #0, #1")
OP(sbfx_4_12,  "sbfx %[d], %[a], #4, #12")
OP(sbfx_16_16, "sbfx %[d], %[a], #16, #16")
OP(sbfx_0_32,  "sbfx %[d], %[a], #0, #32")
OP(clz,        "clz %[d], %[a]")
OP(rbit,       "rbit %[d], %[a]")
OP(rev,        "rev %[d], %[a]")
OP(rev16,      "rev16 %[d], %[a]")
OP(revsh,      "revsh %[d], %[a]")
OP(rev_w,      "rev.w %[d], %[a]")
OP(sxtb,       "sxtb %[d], %[a]")
OP(sxth,       "sxth %[d], %[a]")
OP(uxtb,       "uxtb %[d], %[a]")
OP(uxth,       "uxth %[d], %[a]")
OP(sxtb_r8,    "sxtb %[d], %[a], ror #8")
OP(sxth_r16,   "sxth %[d], %[a], ror #16")
OP(uxtb_r24,   "uxtb %[d], %[a], ror #24")
OP(uxth_r8,    "uxth %[d], %[a], ror #8")
OP(sxtab,      "sxtab %[d], %[a], %[b]")
OP(sxtah_r8,   "sxtah %[d], %[a], %[b], ror #8")
OP(uxtab_r16,  "uxtab %[d], %[a], %[b], ror #16")
OP(uxtah,      "uxtah %[d], %[a], %[b]")
OP(sxtb16,     "sxtb16 %[d], %[a]")
OP(sxtb16_r8,  "sxtb16 %[d], %[a], ror #8")
OP(uxtb16,     "uxtb16 %[d], %[a]")
OP(uxtb16_r24, "uxtb16 %[d], %[a], ror #24")
OP(sxtab16,    "sxtab16 %[d], %[a], %[b]")
OP(sxtab16_r16,"sxtab16 %[d], %[a], %[b], ror #16")
OP(uxtab16,    "uxtab16 %[d], %[a], %[b]")
OP(uxtab16_r8, "uxtab16 %[d], %[a], %[b], ror #8")
OP(pkhbt,      "pkhbt %[d], %[a], %[b]")
OP(pkhbt_l5,   "pkhbt %[d], %[a], %[b], lsl #5")
OP(pkhtb,      "pkhtb %[d], %[a], %[b]")
OP(pkhtb_a7,   "pkhtb %[d], %[a], %[b], asr #7")
OP(pkhtb_a32,  "pkhtb %[d], %[a], %[b], asr #31")
OP(movt,       "movt %[d], #0x8001")
OP(mvn_r,      "mvn %[d], %[a], lsl #3")
OP(orn_r,      "orn %[d], %[a], %[b], lsr #4")

typedef uint32_t (*fn_t)(uint32_t, uint32_t);
struct op { const char *name; fn_t fn; };
#define E(x) {#x, x},
static const struct op ops[] = {
    E(bfi_0_8) E(bfi_12_20) E(bfi_31_1) E(bfi_0_32) E(bfc_4_8) E(bfc_0_32) E(ubfx_0_1) E(ubfx_7_9) E(ubfx_0_32)
    E(ubfx_31_1) E(sbfx_0_1) E(sbfx_4_12) E(sbfx_16_16) E(sbfx_0_32) E(clz) E(rbit) E(rev) E(rev16) E(revsh)
    E(rev_w) E(sxtb) E(sxth) E(uxtb) E(uxth) E(sxtb_r8) E(sxth_r16) E(uxtb_r24) E(uxth_r8) E(sxtab) E(sxtah_r8)
    E(uxtab_r16) E(uxtah) E(sxtb16) E(sxtb16_r8) E(uxtb16) E(uxtb16_r24) E(sxtab16) E(sxtab16_r16) E(uxtab16)
    E(uxtab16_r8) E(pkhbt) E(pkhbt_l5) E(pkhtb) E(pkhtb_a7) E(pkhtb_a32) E(movt) E(mvn_r) E(orn_r)
};

int main(void)
{
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        printf("%-12s", ops[o].name);
        for (unsigned i = 0; i < NV; i++)
            for (unsigned j = 0; j < NV; j += 3) {
                uint32_t r = ops[o].fn(vals[i], vals[j]);
                printf(" %08lx", (unsigned long)r);
                tb_mix(r);
            }
        printf("\n");
    }
    uint32_t a1, a2;
    __asm__ volatile("adr %0, 1f\n\tadr.w %1, 1f\n\tnop\n\t.align 2\n1:" : "=l"(a1), "=r"(a2));
    printf("adr same target: %s\n", a1 == a2 ? "yes" : "no");
    printf("bitops checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
