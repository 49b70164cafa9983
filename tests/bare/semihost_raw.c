/* semihost_raw: ARM semihosting through raw BKPT 0xAB calls, no newlib stdio.
 * SYS_WRITE0, SYS_WRITEC, SYS_OPEN(":tt"), SYS_WRITE, SYS_ISTTY, SYS_CLOSE,
 * SYS_CLOCK, SYS_ELAPSED, SYS_TICKFREQ, SYS_HEAPINFO, SYS_EXIT_EXTENDED(3).
 * Timing values differ between emulators, so only their sanity is printed. */
#include "tb.h"

uint32_t tb_sum;

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITEC 0x03
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_ISTTY 0x09
#define SYS_CLOCK 0x10
#define SYS_HEAPINFO 0x16
#define SYS_EXIT_EXTENDED 0x20
#define SYS_ELAPSED 0x30
#define SYS_TICKFREQ 0x31

static void w0(const char *s) { semihost(SYS_WRITE0, s); }
static void wc(char c) { semihost(SYS_WRITEC, &c); }
static void hex(uint32_t v)
{
    char b[11] = "0x";
    for (int i = 0; i < 8; i++) b[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
    b[10] = 0;
    w0(b);
}
static void yesno(const char *what, int ok) { w0(what); w0(ok ? ": yes\n" : ": no\n"); }

int main(void)
{
    w0("SYS_WRITE0: hello\n");
    const char *s = "SYS_WRITEC: chars\n";
    while (*s) wc(*s++);

    static const char tt[] = ":tt";
    uint32_t open_args[3] = {(uint32_t)tt, 4 /* "w" */, 3};
    int32_t h = (int32_t)semihost(SYS_OPEN, open_args);
    yesno("SYS_OPEN :tt handle valid", h >= 0);
    static const char msg[] = "SYS_WRITE: 27 bytes written\n";
    uint32_t wr_args[3] = {(uint32_t)h, (uint32_t)msg, sizeof msg - 1};
    uint32_t notw = semihost(SYS_WRITE, wr_args);
    w0("SYS_WRITE not written = "); hex(notw); wc('\n');
    uint32_t tty_args[1] = {(uint32_t)h};
    w0("SYS_ISTTY = "); hex(semihost(SYS_ISTTY, tty_args)); wc('\n');
    uint32_t cl_args[1] = {(uint32_t)h};
    w0("SYS_CLOSE = "); hex(semihost(SYS_CLOSE, cl_args)); wc('\n');

    int32_t c0 = (int32_t)semihost(SYS_CLOCK, 0);
    volatile uint32_t spin = 0;
    for (int i = 0; i < 100000; i++) spin += i;
    int32_t c1 = (int32_t)semihost(SYS_CLOCK, 0);
    yesno("SYS_CLOCK non-negative and monotonic", c0 >= 0 && c1 >= c0);

    uint32_t e0[2] = {0xffffffffu, 0xffffffffu}, e1[2] = {0, 0};
    int32_t r0 = (int32_t)semihost(SYS_ELAPSED, e0);
    for (int i = 0; i < 100000; i++) spin += i;
    int32_t r1 = (int32_t)semihost(SYS_ELAPSED, e1);
    uint64_t t0 = ((uint64_t)e0[1] << 32) | e0[0], t1 = ((uint64_t)e1[1] << 32) | e1[0];
    yesno("SYS_ELAPSED returns 0", r0 == 0 && r1 == 0);
    yesno("SYS_ELAPSED monotonic", t1 >= t0);
    int32_t f = (int32_t)semihost(SYS_TICKFREQ, 0);
    yesno("SYS_TICKFREQ positive", f > 0);

    uint32_t hi[4] = {0xdeadbeef, 0xdeadbeef, 0xdeadbeef, 0xdeadbeef};
    uint32_t *hip = hi;
    semihost(SYS_HEAPINFO, &hip);
    yesno("SYS_HEAPINFO filled block", hi[0] != 0xdeadbeef && hi[1] != 0xdeadbeef &&
                                      hi[2] != 0xdeadbeef && hi[3] != 0xdeadbeef);
    yesno("SYS_HEAPINFO heap base <= limit", hi[0] <= hi[1]);

    w0("exiting with SYS_EXIT_EXTENDED status 3\n");
    uint32_t ex[2] = {0x20026, 3};
    semihost(SYS_EXIT_EXTENDED, ex);
    w0("not reached\n");
    return 99;
}
