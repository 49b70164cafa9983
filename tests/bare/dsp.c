/* dsp: the ARMv7E-M DSP extension, every instruction: parallel add/subtract
 * (S/Q/SH/U/UQ/UH x ADD16/ASX/SAX/SUB16/ADD8/SUB8) with GE flags, SEL,
 * saturating QADD/QSUB/QDADD/QDSUB, SSAT/USAT (with shifts), SSAT16/USAT16 with
 * the sticky Q flag, SMULxy/SMLAxy/SMULWy/SMLAWy/SMLALxy, SMUAD(X)/SMUSD(X),
 * SMLAD(X)/SMLSD(X), SMLALD(X)/SMLSLD(X), SMMUL(R)/SMMLA(R)/SMMLS(R), UMAAL,
 * USAD8/USADA8. Each result is printed with the GE bits and Q. */
#include "tb.h"

uint32_t tb_sum;
static const uint32_t vals[] = {0, 1, 0x7fff8000, 0x80007fff, 0xffffffff, 0x7f80017f, 0x01fe80ff, 0x12345678,
                                0xfedcba98, 0x80808080, 0x7f7f7f7f, 0x80000000};
#define NV (sizeof vals / sizeof vals[0])
static const uint32_t fins[] = {0x00050000, 0x080a0000};
static const uint32_t ACC = 0x7ffffff0, ACC_HI = 0x00000003;

static void out(uint32_t d, uint32_t f)
{
    printf(" %08lx%c%lx", (unsigned long)d, (f & (1u << 27)) ? 'q' : '.', (unsigned long)((f >> 16) & 15));
    tb_mix(d); tb_mix(f & 0xf80f0000);
}
static void out2(uint32_t lo, uint32_t hi, uint32_t f)
{
    printf(" %08lx:%08lx%c", (unsigned long)hi, (unsigned long)lo, (f & (1u << 27)) ? 'q' : '.');
    tb_mix(lo); tb_mix(hi); tb_mix(f & 0xf80f0000);
}

/* d = op(a, b [, acc]) */
#define OP(name, text) static void name(uint32_t a, uint32_t b, uint32_t fin) { uint32_t d, f, c = ACC; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" text "\n\tmrs %[f], apsr" \
        : [d] "=&r"(d), [f] "=&r"(f) : [a] "r"(a), [b] "r"(b), [c] "r"(c), [fin] "r"(fin) : "cc"); out(d, f); }
/* lo:hi = op(a, b) accumulating into ACC_HI:ACC */
#define OPL(name, text) static void name(uint32_t a, uint32_t b, uint32_t fin) { uint32_t lo = ACC, hi = ACC_HI, f; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" text "\n\tmrs %[f], apsr" \
        : [lo] "+&r"(lo), [hi] "+&r"(hi), [f] "=&r"(f) : [a] "r"(a), [b] "r"(b), [fin] "r"(fin) : "cc"); out2(lo, hi, f); }

#define PAR(p) OP(p##add16, #p "add16 %[d], %[a], %[b]") OP(p##asx, #p "asx %[d], %[a], %[b]") \
    OP(p##sax, #p "sax %[d], %[a], %[b]") OP(p##sub16, #p "sub16 %[d], %[a], %[b]") \
    OP(p##add8, #p "add8 %[d], %[a], %[b]") OP(p##sub8, #p "sub8 %[d], %[a], %[b]")
PAR(s) PAR(q) PAR(sh) PAR(u) PAR(uq) PAR(uh)
OP(sel,      "sel %[d], %[a], %[b]")
OP(qadd,     "qadd %[d], %[a], %[b]")
OP(qsub,     "qsub %[d], %[a], %[b]")
OP(qdadd,    "qdadd %[d], %[a], %[b]")
OP(qdsub,    "qdsub %[d], %[a], %[b]")
OP(ssat1,    "ssat %[d], #1, %[a]")
OP(ssat8,    "ssat %[d], #8, %[a]")
OP(ssat16l,  "ssat %[d], #16, %[a], lsl #4")
OP(ssat32,   "ssat %[d], #32, %[a], asr #1")
OP(ssat12a,  "ssat %[d], #12, %[a], asr #31")
OP(usat0,    "usat %[d], #0, %[a]")
OP(usat8,    "usat %[d], #8, %[a]")
OP(usat31,   "usat %[d], #31, %[a], lsl #1")
OP(usat16a,  "usat %[d], #16, %[a], asr #8")
OP(ssat16_4, "ssat16 %[d], #4, %[a]")
OP(ssat16_16,"ssat16 %[d], #16, %[a]")
OP(usat16_0, "usat16 %[d], #0, %[a]")
OP(usat16_9, "usat16 %[d], #9, %[a]")
OP(smulbb,   "smulbb %[d], %[a], %[b]")
OP(smulbt,   "smulbt %[d], %[a], %[b]")
OP(smultb,   "smultb %[d], %[a], %[b]")
OP(smultt,   "smultt %[d], %[a], %[b]")
OP(smlabb,   "smlabb %[d], %[a], %[b], %[c]")
OP(smlabt,   "smlabt %[d], %[a], %[b], %[c]")
OP(smlatb,   "smlatb %[d], %[a], %[b], %[c]")
OP(smlatt,   "smlatt %[d], %[a], %[b], %[c]")
OP(smulwb,   "smulwb %[d], %[a], %[b]")
OP(smulwt,   "smulwt %[d], %[a], %[b]")
OP(smlawb,   "smlawb %[d], %[a], %[b], %[c]")
OP(smlawt,   "smlawt %[d], %[a], %[b], %[c]")
OP(smuad,    "smuad %[d], %[a], %[b]")
OP(smuadx,   "smuadx %[d], %[a], %[b]")
OP(smusd,    "smusd %[d], %[a], %[b]")
OP(smusdx,   "smusdx %[d], %[a], %[b]")
OP(smlad,    "smlad %[d], %[a], %[b], %[c]")
OP(smladx,   "smladx %[d], %[a], %[b], %[c]")
OP(smlsd,    "smlsd %[d], %[a], %[b], %[c]")
OP(smlsdx,   "smlsdx %[d], %[a], %[b], %[c]")
OP(smmul,    "smmul %[d], %[a], %[b]")
OP(smmulr,   "smmulr %[d], %[a], %[b]")
OP(smmla,    "smmla %[d], %[a], %[b], %[c]")
OP(smmlar,   "smmlar %[d], %[a], %[b], %[c]")
OP(smmls,    "smmls %[d], %[a], %[b], %[c]")
OP(smmlsr,   "smmlsr %[d], %[a], %[b], %[c]")
OP(usad8,    "usad8 %[d], %[a], %[b]")
OP(usada8,   "usada8 %[d], %[a], %[b], %[c]")
OPL(smlalbb, "smlalbb %[lo], %[hi], %[a], %[b]")
OPL(smlalbt, "smlalbt %[lo], %[hi], %[a], %[b]")
OPL(smlaltb, "smlaltb %[lo], %[hi], %[a], %[b]")
OPL(smlaltt, "smlaltt %[lo], %[hi], %[a], %[b]")
OPL(smlald,  "smlald %[lo], %[hi], %[a], %[b]")
OPL(smlaldx, "smlaldx %[lo], %[hi], %[a], %[b]")
OPL(smlsld,  "smlsld %[lo], %[hi], %[a], %[b]")
OPL(smlsldx, "smlsldx %[lo], %[hi], %[a], %[b]")
OPL(umaal,   "umaal %[lo], %[hi], %[a], %[b]")

typedef void (*fn_t)(uint32_t, uint32_t, uint32_t);
struct op { const char *name; fn_t fn; };
#define E(x) {#x, x},
#define EPAR(p) E(p##add16) E(p##asx) E(p##sax) E(p##sub16) E(p##add8) E(p##sub8)
static const struct op ops[] = {
    EPAR(s) EPAR(q) EPAR(sh) EPAR(u) EPAR(uq) EPAR(uh)
    E(sel) E(qadd) E(qsub) E(qdadd) E(qdsub) E(ssat1) E(ssat8) E(ssat16l) E(ssat32) E(ssat12a) E(usat0) E(usat8)
    E(usat31) E(usat16a) E(ssat16_4) E(ssat16_16) E(usat16_0) E(usat16_9)
    E(smulbb) E(smulbt) E(smultb) E(smultt) E(smlabb) E(smlabt) E(smlatb) E(smlatt) E(smulwb) E(smulwt) E(smlawb)
    E(smlawt) E(smuad) E(smuadx) E(smusd) E(smusdx) E(smlad) E(smladx) E(smlsd) E(smlsdx) E(smmul) E(smmulr)
    E(smmla) E(smmlar) E(smmls) E(smmlsr) E(usad8) E(usada8)
    E(smlalbb) E(smlalbt) E(smlaltb) E(smlaltt) E(smlald) E(smlaldx) E(smlsld) E(smlsldx) E(umaal)
};

int main(void)
{
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++)
        for (unsigned k = 0; k < 2; k++)
            for (unsigned i = 0; i < NV; i++) {
                printf("%-9s %s %08lx:", ops[o].name, k ? "Q/ge1010" : "ge0101  ", (unsigned long)vals[i]);
                for (unsigned j = 0; j < NV; j++) ops[o].fn(vals[i], vals[j], fins[k]);
                printf("\n");
            }
    printf("dsp checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
