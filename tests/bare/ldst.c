/* ldst: loads and stores in every addressing mode: immediate (positive, negative,
 * 16-bit scaled, 32-bit 12-bit), pre-indexed and post-indexed writeback, register
 * offset with LSL #0-3, PC-relative literals, byte/halfword/signed variants,
 * unaligned LDR/LDRH/STR (CCR.UNALIGN_TRP clear), LDRD/STRD (offset and
 * writeback), LDM/STM IA/DB with and without writeback, PUSH/POP incl. POP {pc},
 * LDREX/STREX/CLREX (word, byte, halfword), TBB/TBH jump tables, LDRT/STRT. */
#include "tb.h"
#include <string.h>

uint32_t tb_sum;
static uint8_t mem[256] __attribute__((aligned(8)));

static void init_mem(void) { for (int i = 0; i < 256; i++) mem[i] = (uint8_t)(i * 7 + 3); }
static void dump_mem(const char *tag)
{
    uint32_t s = 0;
    for (int i = 0; i < 256; i++) s = s * 31 + mem[i];
    printf("%s mem hash %08lx\n", tag, (unsigned long)s);
    tb_mix(s);
}
static void pr(const char *n, uint32_t a, uint32_t b)
{
    printf("%-14s %08lx %08lx\n", n, (unsigned long)a, (unsigned long)b);
    tb_mix(a); tb_mix(b);
}

/* load with base p, result d, updated base b */
#define LD(fn, text) static void fn(void) { uint32_t d = 0; uint8_t *b = mem + 64; \
    __asm__ volatile(text : [d] "=&r"(d), [b] "+r"(b) : : "memory"); pr(#fn, d, (uint32_t)(b - mem)); }
#define LDL(fn, text) static void fn(void) { uint32_t d = 0; uint8_t *b = mem + 64; \
    __asm__ volatile(text : [d] "=&l"(d), [b] "+l"(b) : : "memory"); pr(#fn, d, (uint32_t)(b - mem)); }
#define LDX(fn, text, idx) static void fn(void) { uint32_t d = 0; uint8_t *b = mem + 64; uint32_t x = idx; \
    __asm__ volatile(text : [d] "=&r"(d), [b] "+r"(b) : [x] "r"(x) : "memory"); pr(#fn, d, (uint32_t)(b - mem)); }
LDL(ldr16_imm,   "ldr %[d], [%[b], #124]")
LDL(ldrh16_imm,  "ldrh %[d], [%[b], #62]")
LDL(ldrb16_imm,  "ldrb %[d], [%[b], #31]")
LD(ldr_w_imm,    "ldr.w %[d], [%[b], #188]")
LD(ldr_neg,      "ldr %[d], [%[b], #-60]")
LD(ldrb_neg,     "ldrb %[d], [%[b], #-63]")
LD(ldrsb_imm,    "ldrsb %[d], [%[b], #100]")
LD(ldrsh_imm,    "ldrsh %[d], [%[b], #104]")
LD(ldrsb_neg,    "ldrsb %[d], [%[b], #-1]")
LD(ldr_pre,      "ldr %[d], [%[b], #8]!")
LD(ldr_preneg,   "ldr %[d], [%[b], #-12]!")
LD(ldr_post,     "ldr %[d], [%[b]], #20")
LD(ldr_postneg,  "ldr %[d], [%[b]], #-36")
LD(ldrb_pre,     "ldrb %[d], [%[b], #3]!")
LD(ldrh_post,    "ldrh %[d], [%[b]], #-2")
LD(ldrsh_pre,    "ldrsh %[d], [%[b], #-6]!")
LD(ldrsb_post,   "ldrsb %[d], [%[b]], #255")
LDX(ldr_reg,     "ldr %[d], [%[b], %[x]]", 12)
LDX(ldr_lsl1,    "ldr.w %[d], [%[b], %[x], lsl #1]", 10)
LDX(ldr_lsl2,    "ldr.w %[d], [%[b], %[x], lsl #2]", 5)
LDX(ldr_lsl3,    "ldr.w %[d], [%[b], %[x], lsl #3]", 3)
LDX(ldrh_lsl1,   "ldrh.w %[d], [%[b], %[x], lsl #1]", 7)
LDX(ldrsh_reg,   "ldrsh %[d], [%[b], %[x]]", 40)
LDX(ldrsb_reg,   "ldrsb %[d], [%[b], %[x]]", 77)
LDX(ldrb_lsl3,   "ldrb.w %[d], [%[b], %[x], lsl #3]", 15)
LD(ldr_unal1,    "ldr %[d], [%[b], #1]")
LD(ldr_unal3,    "ldr %[d], [%[b], #-5]")
LD(ldrh_unal,    "ldrh %[d], [%[b], #3]")
LD(ldrsh_unal,   "ldrsh %[d], [%[b], #-3]")
LD(ldrt_imm,     "ldrt %[d], [%[b], #16]")
LD(ldrbt_imm,    "ldrbt %[d], [%[b], #191]")
LD(ldrsht_imm,   "ldrsht %[d], [%[b], #2]")
static void ldr_lit(void) { uint32_t a, b, c;
    __asm__ volatile("ldr %0, 1f\n\tldr.w %1, 1f\n\tb 2f\n\t.align 2\n1: .word 0xfeedf00d\n2:\n\tldr.w %2, 1b" : "=l"(a), "=r"(b), "=r"(c));
    pr("ldr_lit", a, b ^ c); }
static void ldrd_lit(void) { uint32_t a, b;
    __asm__ volatile("b 2f\n\t.align 3\n1: .word 0x01234567, 0x89abcdef\n2:\n\tldrd %0, %1, 1b" : "=r"(a), "=r"(b));
    pr("ldrd_lit", a, b); }

#define ST(fn, text, val) static void fn(void) { uint32_t v = val; uint8_t *b = mem + 128; \
    __asm__ volatile(text : [b] "+r"(b) : [v] "r"(v) : "memory"); pr(#fn, (uint32_t)(b - mem), *(uint32_t *)(mem + 124) ^ *(uint32_t *)(mem + 132)); }
ST(str_imm,    "str %[v], [%[b], #4]", 0xa1b2c3d4)
ST(strb_neg,   "strb %[v], [%[b], #-3]", 0x5a)
ST(strh_imm,   "strh %[v], [%[b], #6]", 0xbeef)
ST(str_pre,    "str %[v], [%[b], #-4]!", 0x11223344)
ST(str_post,   "str %[v], [%[b]], #4", 0x55667788)
ST(strh_pre,   "strh %[v], [%[b], #2]!", 0x9988)
ST(strb_post,  "strb %[v], [%[b]], #-1", 0x77)
ST(str_unal,   "str %[v], [%[b], #-3]", 0xcafebabe)
ST(strh_unal,  "strh %[v], [%[b], #5]", 0x1234)
ST(strt_imm,   "strt %[v], [%[b], #4]", 0xdeadbeef)
static void strreg(void) { uint32_t v = 0x13579bdf, x = 3; uint8_t *b = mem + 100;
    __asm__ volatile("str.w %[v], [%[b], %[x], lsl #2]\n\tstrb %[v], [%[b], %[x]]\n\tstrh %[v], [%[b], %[x]]" : : [b] "r"(b), [v] "r"(v), [x] "r"(x) : "memory");
    pr("str_reg", *(uint32_t *)(mem + 112), *(uint32_t *)(mem + 100)); }

static void ldrd_strd(void)
{
    uint32_t a, c; uint8_t *b = mem + 64;
    __asm__ volatile("ldrd %[a], %[c], [%[b], #8]" : [a] "=&r"(a), [c] "=&r"(c) : [b] "r"(b) : "memory");
    pr("ldrd_imm", a, c);
    __asm__ volatile("ldrd %[a], %[c], [%[b], #-16]!" : [a] "=&r"(a), [c] "=&r"(c), [b] "+r"(b) : : "memory");
    pr("ldrd_pre", a ^ c, (uint32_t)(b - mem));
    __asm__ volatile("ldrd %[a], %[c], [%[b]], #24" : [a] "=&r"(a), [c] "=&r"(c), [b] "+r"(b) : : "memory");
    pr("ldrd_post", a ^ c, (uint32_t)(b - mem));
    a = 0x0badf00d; c = 0xfeedface;
    __asm__ volatile("strd %[a], %[c], [%[b], #-8]!" : [b] "+r"(b) : [a] "r"(a), [c] "r"(c) : "memory");
    pr("strd_pre", *(uint32_t *)b, (uint32_t)(b - mem));
    __asm__ volatile("strd %[c], %[a], [%[b]], #-1020" : [b] "+r"(b) : [a] "r"(a), [c] "r"(c) : "memory");
    __asm__ volatile("strd %[c], %[a], [%[b], #1020]" : : [b] "r"(b), [a] "r"(a + 1), [c] "r"(c + 1) : "memory");
    pr("strd_post", *(uint32_t *)(b + 1020), (uint32_t)(b + 1020 - mem));
}

static void ldm_stm(void)
{
    uint32_t r[8]; uint32_t *p;
    p = (uint32_t *)(mem + 32);
    __asm__ volatile("ldmia %[p]!, {r4, r5, r6, r7}\n\tstmia %[o], {r4-r7}" : [p] "+l"(p) : [o] "r"(r) : "r4", "r5", "r6", "r7", "memory");
    pr("ldmia_wb", r[0] ^ r[3], (uint32_t)((uint8_t *)p - mem));
    p = (uint32_t *)(mem + 96);
    __asm__ volatile("ldmdb %[p]!, {r4, r5, r6, r8, r9, r10}\n\tstmia %[o], {r4-r6, r8-r10}" : [p] "+r"(p) : [o] "r"(r) : "r4", "r5", "r6", "r8", "r9", "r10", "memory");
    pr("ldmdb_wb", r[0] ^ r[5], (uint32_t)((uint8_t *)p - mem));
    p = (uint32_t *)(mem + 48);
    __asm__ volatile("ldm.w %[p], {r4, r11, r12}\n\tstm %[o], {r4, r11, r12}" : : [p] "r"(p), [o] "r"(r) : "r4", "r11", "r12", "memory");
    pr("ldm_nowb", r[1], r[2]);
    p = (uint32_t *)(mem + 200);
    __asm__ volatile("mov r4, #0x44\n\tmov r5, #0x55\n\tmov r9, #0x99\n\tstmdb %[p]!, {r4, r5, r9}" : [p] "+r"(p) : : "r4", "r5", "r9", "memory");
    pr("stmdb_wb", p[0] + p[1] * 3 + p[2] * 5, (uint32_t)((uint8_t *)p - mem));
    p = (uint32_t *)(mem + 200);
    __asm__ volatile("mov r4, #0x14\n\tmov r7, #0x17\n\tstmia %[p]!, {r4, r7}" : [p] "+l"(p) : : "r4", "r7", "memory");
    pr("stmia_wb", p[-2] * 3 + p[-1], (uint32_t)((uint8_t *)p - mem));
    /* base in list for LDM without writeback: loaded value wins */
    p = (uint32_t *)(mem + 16);
    uint32_t q;
    __asm__ volatile("mov r0, %[p]\n\tldm r0, {r0, r1}\n\tadd %[q], r0, r1" : [q] "=r"(q) : [p] "r"(p) : "r0", "r1", "memory");
    pr("ldm_baseinlist", q, 0);
}

static uint32_t __attribute__((noinline, naked)) push_pop_fn(uint32_t a)
{
    __asm__ volatile("push {r4, r5, lr}\n\tpush.w {r8, r9}\n\tmov r4, r0\n\tmov r8, sp\n\tadd r0, r0, #1\n\t"
                     "pop.w {r8, r9}\n\tstr r4, [sp, #-4]!\n\tldr r5, [sp], #4\n\tadd r0, r0, r5\n\tpop {r4, r5, pc}");
}
static uint32_t __attribute__((noinline, naked)) ldr_pc_fn(void)
{
    __asm__ volatile("push {lr}\n\tmovs r0, #77\n\tldr pc, [sp], #4");
}

static void exclusive(void)
{
    uint32_t s1, s2, s3, s4, v;
    volatile uint32_t *w = (uint32_t *)(mem + 8);
    __asm__ volatile("ldrex %[v], [%[w]]\n\tadd %[v], %[v], #1\n\tstrex %[s1], %[v], [%[w]]\n\t"
                     "strex %[s2], %[v], [%[w]]\n\t"
                     "ldrex %[v], [%[w]]\n\tclrex\n\tstrex %[s3], %[v], [%[w]]\n\t"
                     "ldrex %[v], [%[w], #4]\n\tstrex %[s4], %[v], [%[w], #4]"
                     : [v] "=&r"(v), [s1] "=&r"(s1), [s2] "=&r"(s2), [s3] "=&r"(s3), [s4] "=&r"(s4) : [w] "r"(w) : "memory");
    printf("excl word: strex %lu %lu clrex %lu off4 %lu val %08lx\n", (unsigned long)s1, (unsigned long)s2, (unsigned long)s3, (unsigned long)s4, (unsigned long)*w);
    tb_mix(s1 | s2 << 1 | s3 << 2 | s4 << 3);
    uint32_t b, h;
    __asm__ volatile("ldrexb %[v], [%[w]]\n\tstrexb %[s1], %[v], [%[w], #0]\n\tldrexh %[h], [%[w]]\n\tadd %[h], %[h], #0x101\n\tstrexh %[s2], %[h], [%[w]]\n\t"
                     "ldrexh %[b], [%[w]]\n\tclrex\n\tstrexh %[s3], %[b], [%[w]]"
                     : [v] "=&r"(v), [h] "=&r"(h), [b] "=&r"(b), [s1] "=&r"(s1), [s2] "=&r"(s2), [s3] "=&r"(s3) : [w] "r"(w) : "memory");
    printf("excl byte/half: %lu %lu %lu val %08lx b %08lx\n", (unsigned long)s1, (unsigned long)s2, (unsigned long)s3, (unsigned long)*w, (unsigned long)b);
    tb_mix(*w);
}

static uint32_t tbb(uint32_t i)
{
    uint32_t r;
    __asm__ volatile("tbb [pc, %[i]]\n1:\n\t.byte (2f-1b)/2, (3f-1b)/2, (4f-1b)/2, (5f-1b)/2\n\t.align 1\n"
                     "2: movs %[r], #10\n\tb 9f\n3: movs %[r], #20\n\tb 9f\n4: movs %[r], #30\n\tb 9f\n5: movs %[r], #40\n9:"
                     : [r] "=l"(r) : [i] "r"(i) : "cc");
    return r;
}
static uint32_t tbh(uint32_t i)
{
    uint32_t r;
    __asm__ volatile("tbh [pc, %[i], lsl #1]\n1:\n\t.hword (2f-1b)/2, (3f-1b)/2, (4f-1b)/2\n"
                     "2: movs %[r], #11\n\tb 9f\n3: movs %[r], #22\n\tb 9f\n\t.space 600\n4: movs %[r], #33\n9:"
                     : [r] "=l"(r) : [i] "r"(i) : "cc");
    return r;
}
static uint32_t tbb_reg(const uint8_t *tab, uint32_t i)
{
    uint32_t r;
    __asm__ volatile("tbb [%[t], %[i]]\n1:\n\tmovs %[r], #1\n\tb 9f\n\tmovs %[r], #2\n\tb 9f\n\tmovs %[r], #3\n9:"
                     : [r] "=l"(r) : [t] "r"(tab), [i] "r"(i) : "cc");
    return r;
}

int main(void)
{
    init_mem();
    ldr16_imm(); ldrh16_imm(); ldrb16_imm(); ldr_w_imm(); ldr_neg(); ldrb_neg(); ldrsb_imm(); ldrsh_imm(); ldrsb_neg();
    ldr_pre(); ldr_preneg(); ldr_post(); ldr_postneg(); ldrb_pre(); ldrh_post(); ldrsh_pre(); ldrsb_post();
    ldr_reg(); ldr_lsl1(); ldr_lsl2(); ldr_lsl3(); ldrh_lsl1(); ldrsh_reg(); ldrsb_reg(); ldrb_lsl3();
    ldr_unal1(); ldr_unal3(); ldrh_unal(); ldrsh_unal(); ldrt_imm(); ldrbt_imm(); ldrsht_imm(); ldr_lit(); ldrd_lit();
    str_imm(); strb_neg(); strh_imm(); str_pre(); str_post(); strh_pre(); strb_post(); str_unal(); strh_unal(); strt_imm(); strreg();
    dump_mem("after stores");
    init_mem();
    ldrd_strd();
    ldm_stm();
    dump_mem("after ldm/stm");
    pr("push_pop", push_pop_fn(1000), ldr_pc_fn());
    exclusive();
    static const uint8_t tab[3] = {0, 2, 4};
    printf("tbb %lu %lu %lu %lu tbh %lu %lu %lu tbb_reg %lu %lu %lu\n", (unsigned long)tbb(0), (unsigned long)tbb(1), (unsigned long)tbb(2), (unsigned long)tbb(3),
           (unsigned long)tbh(0), (unsigned long)tbh(1), (unsigned long)tbh(2),
           (unsigned long)tbb_reg(tab, 0), (unsigned long)tbb_reg(tab, 1), (unsigned long)tbb_reg(tab, 2));
    dump_mem("final");
    printf("ldst checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
