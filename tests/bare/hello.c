/* hello: newlib printf through rdimon semihosting (SYS_OPEN ":tt", SYS_WRITE),
 * static constructors, .data/.bss initialisation, malloc via _sbrk, exit status 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tb.h"

uint32_t tb_sum;
static int initialised = 42;
static int zeroed;
static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 7; }

int main(void)
{
    printf("hello from mps2-an386\n");
    printf("data=%d bss=%d ctor=%d\n", initialised, zeroed, ctor_ran);
    char *p = malloc(100);
    strcpy(p, "heap works");
    printf("%s %s\n", p, p != NULL ? "ok" : "null");
    free(p);
    printf("fmt: %08x %d %u %ld %s %c|%5d|%-5d|\n", 0xdeadbeefu, -12345, 4000000000u, -2147483647L - 1, "str", 'x', 42, 42);
    long long ll = 0x123456789abcdefLL;
    printf("ll: %lld %llx\n", ll, (unsigned long long)ll * 3);
    fputs("fputs line\n", stdout);
    fprintf(stderr, "to stderr\n");
    return 0;
}
