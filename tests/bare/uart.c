/* uart: CMSDK APB UART0 at 0x40004000 as a console next to semihosting: CTRL
 * (TX/RX enable), BAUDDIV, STATE (TX full, RX full), DATA writes with polling,
 * INTSTATUS. QEMU must run with -serial stdio (the harness does), tockemu sends
 * UART0 output to its console: both interleave with semihosting output in order. */
#include "tb.h"

uint32_t tb_sum;
#define UART_DATA  REG32(0x40004000)
#define UART_STATE REG32(0x40004004)
#define UART_CTRL  REG32(0x40004008)
#define UART_INT   REG32(0x4000400C)
#define UART_BAUD  REG32(0x40004010)

static void uputc(char c) { while (UART_STATE & 1u) { } UART_DATA = (uint8_t)c; }
static void uputs(const char *s) { while (*s) uputc(*s++); }

int main(void)
{
    printf("semihosting: before uart\n");
    UART_BAUD = 16;
    UART_CTRL = 0x3; /* TX and RX enable, no interrupts */
    printf("ctrl %02lx baud %lu state %lx\n", (unsigned long)(UART_CTRL & 0x7f), (unsigned long)UART_BAUD, (unsigned long)(UART_STATE & 0x3));
    uputs("uart: hello from CMSDK UART0\n");
    printf("semihosting: between uart lines\n");
    for (int i = 0; i < 3; i++) { uputs("uart: line "); uputc((char)('0' + i)); uputc('\n'); }
    printf("rx full: %lu, intstatus %lx\n", (unsigned long)((UART_STATE >> 1) & 1), (unsigned long)(UART_INT & 0xf));
    UART_CTRL = 0;
    printf("semihosting: done\n");
    return 0;
}
