/* bench crc32: bitwise CRC-32 (reflected, poly 0xEDB88320) and a table-driven
 * CRC-32 over a 4 KiB pseudo-random buffer, BENCH_ITERS times; checks they agree. */
#include "bench.h"

static uint8_t buf[4096];
static uint32_t table[256];

static uint32_t crc_bitwise(const uint8_t *p, uint32_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--) { crc ^= *p++; for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1)); }
    return ~crc;
}
static uint32_t crc_table(const uint8_t *p, uint32_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}
int main(void)
{
    for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1)); table[i] = c; }
    for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)rng();
    uint32_t a = 0, b = 0;
    for (int it = 0; it < BENCH_ITERS; it++) {
        a = crc_bitwise(buf, sizeof buf, a);
        b = crc_table(buf, sizeof buf, b);
        buf[it % sizeof buf] ^= (uint8_t)a;
    }
    printf("crc32 iters=%d bitwise=%08lx table=%08lx %s\n", BENCH_ITERS, (unsigned long)a, (unsigned long)b, a == b ? "agree" : "DISAGREE");
    printf("crc32(\"123456789\")=%08lx\n", (unsigned long)crc_table((const uint8_t *)"123456789", 9, 0));
    return a == b ? 0 : 1;
}
