/* cond_it: every condition code under all 16 NZCV combinations, through IT
 * blocks (IT, ITT, ITE, ITTE, ITET, ITTEE, ITETE, ITTTT ...), conditional
 * branches (16-bit B<c>, 32-bit B<c>.W), CBZ/CBNZ, and 16-bit instructions inside
 * IT blocks, which do not set flags (ADDS outside IT vs ADD inside). */
#include "tb.h"

uint32_t tb_sum;

#define COND_IT(c) static uint32_t it_##c(uint32_t fin) { uint32_t r = 0; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tit " #c "\n\tmov" #c " %[r], #1" : [r] "+l"(r) : [fin] "r"(fin) : "cc"); return r; }
#define COND_B(c) static uint32_t b_##c(uint32_t fin) { uint32_t r = 1; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tb" #c " 1f\n\tmovs %[r], #0\n1:" : [r] "+l"(r) : [fin] "r"(fin) : "cc"); return r; }
#define COND_BW(c) static uint32_t bw_##c(uint32_t fin) { uint32_t r = 1; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tb" #c ".w 1f\n\tmovs %[r], #0\n1:" : [r] "+l"(r) : [fin] "r"(fin) : "cc"); return r; }
#define ALLC(M) M(eq) M(ne) M(cs) M(cc) M(mi) M(pl) M(vs) M(vc) M(hi) M(ls) M(ge) M(lt) M(gt) M(le)
ALLC(COND_IT)
ALLC(COND_B)
ALLC(COND_BW)
typedef uint32_t (*cf)(uint32_t);
#define LIST_IT(c) it_##c,
#define LIST_B(c) b_##c,
#define LIST_BW(c) bw_##c,
static const cf its[] = {ALLC(LIST_IT)};
static const cf bs[] = {ALLC(LIST_B)};
static const cf bws[] = {ALLC(LIST_BW)};

/* IT block patterns: each instruction adds a distinct bit if it executes */
#define ITP(name, mask, c1, c2, c3, c4, n) static uint32_t name(uint32_t fin) { uint32_t r = 0; \
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\t" mask "\n\t" \
        "orr" c1 " %[r], %[r], #1\n\t" \
        "orr" c2 " %[r], %[r], #2\n\t" \
        "orr" c3 " %[r], %[r], #4\n\t" \
        "orr" c4 " %[r], %[r], #8\n\t" : [r] "+r"(r) : [fin] "r"(fin) : "cc"); return r; }
ITP(p_itttt_eq, "itttt eq", "eq", "eq", "eq", "eq", 4)
ITP(p_iteee_ne, "iteee ne", "ne", "eq", "eq", "eq", 4)
ITP(p_ittee_hi, "ittee hi", "hi", "hi", "ls", "ls", 4)
ITP(p_itete_ge, "itete ge", "ge", "lt", "ge", "lt", 4)
ITP(p_iteet_mi, "iteet mi", "mi", "pl", "pl", "mi", 4)
ITP(p_ittet_vs, "ittet vs", "vs", "vs", "vc", "vs", 4)
ITP(p_itett_cs, "itett cs", "cs", "cc", "cs", "cs", 4)
ITP(p_iteet_gt, "iteet gt", "gt", "le", "le", "gt", 4)

static uint32_t p_ittt_eq(uint32_t fin) { uint32_t r = 0;
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tcmp %[r], %[r]\n\tittt eq\n\taddeq %[r], #1\n\taddeq %[r], #2\n\taddeq %[r], #4"
        : [r] "+l"(r) : [fin] "r"(fin) : "cc"); return r; }
/* flags changed inside an IT block affect later instructions of the same block */
static uint32_t p_flagchange(uint32_t fin) { uint32_t r = 0, t = 1;
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tittt eq\n\tcmpeq.w %[t], #1\n\taddeq %[r], #1\n\tcmpeq.w %[t], #2\n\t"
                     "it ne\n\taddne %[r], #8"
        : [r] "+l"(r), [t] "+r"(t) : [fin] "r"(fin) : "cc"); return r; }
/* 16-bit arithmetic inside IT does not set flags; outside IT it does */
static uint32_t p_noflags(uint32_t fin) { uint32_t r = 0, f;
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tmovs %[r], #0\n\tmsr apsr_nzcvqg, %[fin]\n\t"
                     "cmp %[r], %[r]\n\titt eq\n\taddeq %[r], %[r], #0\n\tsubeq %[r], #1\n\tmrs %[f], apsr" : [r] "+l"(r), [f] "=r"(f) : [fin] "r"(fin) : "cc");
    return f ^ r; }
static uint32_t p_flags32(uint32_t fin) { uint32_t r = 0, f;
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tcmp %[r], %[r]\n\tit eq\n\tsubseq.w %[r], %[r], #1\n\tmrs %[f], apsr" : [r] "+r"(r), [f] "=r"(f) : [fin] "r"(fin) : "cc");
    return f ^ r; }
/* conditional load/store and branch as last instruction of an IT block */
static uint32_t p_ldst(uint32_t fin) { static volatile uint32_t cell[2] = {0x11, 0x22}; uint32_t r = 0;
    __asm__ volatile("msr apsr_nzcvqg, %[fin]\n\tite mi\n\tldrmi %[r], [%[p]]\n\tldrpl %[r], [%[p], #4]\n\t"
                     "it cs\n\tstrcs %[r], [%[p], #4]\n\tit vs\n\tbvs 1f\n\tadd %[r], %[r], #0x100\n1:"
        : [r] "+l"(r) : [p] "l"(cell), [fin] "r"(fin) : "cc", "memory");
    r |= cell[1] << 16; cell[0] = 0x11; cell[1] = 0x22; return r; }
static const cf pats[] = {p_itttt_eq, p_iteee_ne, p_ittee_hi, p_itete_ge, p_iteet_mi, p_ittet_vs, p_itett_cs,
                          p_iteet_gt, p_ittt_eq, p_flagchange, p_noflags, p_flags32, p_ldst};

static uint32_t cbz_test(uint32_t v) { uint32_t r = 0;
    __asm__ volatile("cbz %[v], 1f\n\torr %[r], %[r], #1\n1:\n\tcbnz %[v], 2f\n\torr %[r], %[r], #2\n2:" : [r] "+r"(r) : [v] "l"(v)); return r; }

int main(void)
{
    for (uint32_t nzcv = 0; nzcv < 16; nzcv++) {
        uint32_t fin = nzcv << 28;
        uint32_t mi = 0, mb = 0, mw = 0;
        for (int c = 0; c < 14; c++) {
            mi |= its[c](fin) << c;
            mb |= bs[c](fin) << c;
            mw |= bws[c](fin) << c;
        }
        printf("nzcv=%lx it=%04lx b=%04lx b.w=%04lx pats:", (unsigned long)nzcv, (unsigned long)mi, (unsigned long)mb, (unsigned long)mw);
        tb_mix(mi); tb_mix(mb); tb_mix(mw);
        for (unsigned p = 0; p < sizeof pats / sizeof pats[0]; p++) {
            uint32_t v = pats[p](fin);
            printf(" %lx", (unsigned long)v);
            tb_mix(v);
        }
        printf("\n");
    }
    printf("cbz 0 -> %lx, cbz 5 -> %lx\n", (unsigned long)cbz_test(0), (unsigned long)cbz_test(5));
    printf("cond_it checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
