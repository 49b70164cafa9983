/* bitband: the Cortex-M bit-band alias of SRAM (0x22000000 maps bit n of byte
 * 0x20000000+k to word 0x22000000 + 32k + 4n): single-bit writes of every bit
 * of a word, reads of 0/1, byte/halfword/word accesses to the alias, word
 * stores with only bit 0 significant, and read-modify-write atomicity against
 * neighbouring bits. Also the peripheral alias (0x42000000) on UART0's CTRL. */
#include "tb.h"

uint32_t tb_sum;
static volatile uint32_t words[4] __attribute__((aligned(16)));
#define ALIAS(addr, bit) ((volatile uint32_t *)(0x22000000u + (((uint32_t)(addr) - 0x20000000u) * 32u) + (bit) * 4u))

int main(void)
{
    words[0] = 0; words[1] = 0xffffffffu; words[2] = 0x12345678u; words[3] = 0;
    for (int b = 0; b < 32; b += 3) *ALIAS(&words[0], b) = 1;
    printf("set every 3rd bit: %08lx\n", (unsigned long)words[0]);
    for (int b = 0; b < 32; b += 2) *ALIAS(&words[1], b) = 0xfffffffeu; /* only bit 0 counts: clears */
    printf("clear even bits with 0xfffffffe: %08lx\n", (unsigned long)words[1]);
    uint32_t r = 0;
    for (int b = 0; b < 32; b++) r |= (*ALIAS(&words[2], b) & 1u) << (31 - b);
    printf("bit-reversed via alias reads: %08lx (bswap %08lx)\n", (unsigned long)r, (unsigned long)__builtin_bswap32(r));
    uint32_t raw = *ALIAS(&words[2], 3);
    printf("alias read value of a set bit: %08lx, clear bit: %08lx\n", (unsigned long)raw, (unsigned long)*ALIAS(&words[2], 0));
    volatile uint8_t *ab = (volatile uint8_t *)ALIAS(&words[3], 5);
    volatile uint16_t *ah = (volatile uint16_t *)ALIAS(&words[3], 9);
    *ab = 1; *ah = 1;
    printf("byte/halfword alias writes: %08lx, byte read %u, half read %u\n", (unsigned long)words[3], *ab, *ah);
    /* byte-granular: bit 7 of byte 1 of words[3] */
    *ALIAS((uint8_t *)&words[3] + 1, 7) = 1;
    printf("byte 1 bit 7: %08lx\n", (unsigned long)words[3]);

    /* peripheral bit-band: UART0 CTRL (0x40004008) bit 0 (TX enable) */
    volatile uint32_t *ctrl = (volatile uint32_t *)0x40004008u;
    volatile uint32_t *alias = (volatile uint32_t *)(0x42000000u + (0x4008u * 32u) + 0u * 4u);
    uint32_t before = *ctrl & 0x7f;
    *alias = 1;
    uint32_t after = *ctrl & 0x7f;
    *alias = 0;
    printf("uart0 ctrl via alias: before %02lx after set %02lx after clear %02lx\n", (unsigned long)before, (unsigned long)after,
           (unsigned long)(*ctrl & 0x7f));
    tb_mix(words[0]); tb_mix(words[1]); tb_mix(r); tb_mix(words[3]);
    printf("bitband checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
