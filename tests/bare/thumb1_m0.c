/* thumb1_m0: built with -mcpu=cortex-m0, so all code (this file, startup and
 * the ARMv6-M newlib) is the 16-bit Thumb subset plus BL, MSR/MRS, DMB/DSB/ISB:
 * compiler-generated switch tables (__gnu_thumb1_case_*), libgcc division
 * (__aeabi_uidiv/__aeabi_idiv), 64-bit arithmetic helpers, struct copies, and
 * inline asm for the flag-setting 16-bit forms (ADCS, SBCS, RORS, NEGS, MULS). */
#include "tb.h"
#include <string.h>

uint32_t tb_sum;

struct blob { uint32_t a[5]; uint16_t h; uint8_t b; };
static int classify(int v)
{
    switch (v) {
    case 0: return 11; case 1: return 23; case 2: return 35; case 3: return 47; case 4: return 59;
    case 5: return 61; case 6: return 73; case 7: return 85; case 9: return 97; case 12: return 3;
    default: return -1;
    }
}
static uint32_t asm16(uint32_t a, uint32_t b, uint32_t *flags)
{
    uint32_t f;
    __asm__ volatile(".syntax unified\n\tadds %[a], %[a], %[b]\n\tadcs %[a], %[b]\n\tsbcs %[a], %[b]\n\trors %[a], %[b]\n\t"
                     "negs %[a], %[a]\n\tmuls %[a], %[b], %[a]\n\tmrs %[f], apsr"
                     : [a] "+l"(a), [f] "=l"(f) : [b] "l"(b) : "cc");
    *flags = f;
    return a;
}

int main(void)
{
    uint32_t x = 0x12345678;
    for (int i = 0; i < 40; i++) {
        uint32_t f;
        x = x * 1103515245u + 12345u;
        uint32_t r = asm16(x, x >> 7 | 1, &f);
        uint32_t q = x / ((x & 0xff) + 1), m = x % 37;
        int32_t sq = (int32_t)x / -((int32_t)(x & 0x3f) + 1);
        uint64_t w = (uint64_t)x * (x >> 3) + ((uint64_t)q << 40);
        uint64_t wq = w / 1000003u;
        printf("%2d %08lx asm %08lx %s div %08lx %2lu %08lx w %08lx%08lx wq %08lx%08lx sw %d\n", i, (unsigned long)x, (unsigned long)r, flagstr(f),
               (unsigned long)q, (unsigned long)m, (unsigned long)sq, (unsigned long)(w >> 32), (unsigned long)w,
               (unsigned long)(wq >> 32), (unsigned long)wq, classify((int)(x % 14)));
        tb_mix(r); tb_mix(f); tb_mix(q); tb_mix((uint32_t)sq); tb_mix((uint32_t)wq);
    }
    struct blob b1 = {{1, 2, 3, 4, 5}, 0xbeef, 7}, b2;
    b2 = b1;
    b2.a[2] += b1.h;
    char s[32];
    memset(s, 'x', sizeof s);
    memcpy(s + 3, "thumb1", 7);
    printf("struct %lu %x %u str %s len %u\n", (unsigned long)b2.a[2], b2.h, b2.b, s + 3, (unsigned)strlen(s + 3));
    printf("thumb1_m0 checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
