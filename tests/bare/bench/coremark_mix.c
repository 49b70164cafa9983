/* bench coremark_mix: a CoreMark-like mix (not CoreMark itself): linked-list
 * find/reverse/merge-sort, a 16x16 matrix add/multiply/bit-extract pass, a
 * character state machine over a generated input, all folded into a CRC-16. */
#include "bench.h"

struct node { struct node *next; int16_t data; uint16_t idx; };
static struct node pool[64];
#define M 16
static int16_t ma[M * M], mb[M * M];
static int32_t mc[M * M];
static char input[256];

static uint16_t crc16(uint16_t crc, uint32_t v)
{
    for (int i = 0; i < 32; i++) { uint16_t x = (uint16_t)((crc ^ v) & 1); crc >>= 1; v >>= 1; if (x) crc ^= 0xa001; }
    return crc;
}
static struct node *list_reverse(struct node *l) { struct node *r = 0; while (l) { struct node *n = l->next; l->next = r; r = l; l = n; } return r; }
static struct node *list_sort(struct node *l)
{
    /* bottom-up merge sort on data */
    int insize = 1;
    for (;;) {
        struct node *p = l, *tail = 0; l = 0; int merges = 0;
        while (p) {
            merges++;
            struct node *q = p; int psize = 0, qsize = insize;
            for (int i = 0; i < insize && q; i++) { psize++; q = q->next; }
            while (psize > 0 || (qsize > 0 && q)) {
                struct node *e;
                if (psize == 0) { e = q; q = q->next; qsize--; }
                else if (qsize == 0 || !q || p->data <= q->data) { e = p; p = p->next; psize--; }
                else { e = q; q = q->next; qsize--; }
                if (tail) tail->next = e; else l = e;
                tail = e;
            }
            p = q;
        }
        tail->next = 0;
        if (merges <= 1) return l;
        insize *= 2;
    }
}
static int state_machine(const char *s, uint32_t counts[4])
{
    enum { START, INT, FLOAT, INVALID } st = START;
    int tokens = 0;
    for (; *s; s++) {
        char c = *s;
        if (c == ',') { counts[st]++; st = START; tokens++; continue; }
        switch (st) {
        case START: st = (c >= '0' && c <= '9') ? INT : (c == '.') ? FLOAT : INVALID; break;
        case INT: if (c == '.') st = FLOAT; else if (c < '0' || c > '9') st = INVALID; break;
        case FLOAT: if (c < '0' || c > '9') st = INVALID; break;
        default: break;
        }
    }
    return tokens;
}
int main(void)
{
    uint16_t crc = 0;
    static const char alpha[] = "0123456789.,x-";
    for (int it = 0; it < BENCH_ITERS; it++) {
        for (int i = 0; i < 64; i++) { pool[i].data = (int16_t)rng(); pool[i].idx = (uint16_t)i; pool[i].next = i < 63 ? &pool[i + 1] : 0; }
        struct node *l = list_sort(list_reverse(&pool[0]));
        int found = 0;
        for (struct node *n = l; n; n = n->next) { crc = crc16(crc, (uint32_t)n->data ^ ((uint32_t)n->idx << 16)); if ((n->data & 0xff) == 0x42) found++; }
        crc = crc16(crc, (uint32_t)found);
        for (int i = 0; i < M * M; i++) { ma[i] = (int16_t)(rng() & 0x0fff); mb[i] = (int16_t)(rng() & 0x0fff); }
        for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) {
            int32_t s = 0;
            for (int k = 0; k < M; k++) s += (int32_t)ma[i * M + k] * mb[k * M + j];
            mc[i * M + j] = s + ma[i * M + j];
        }
        uint32_t bits = 0;
        for (int i = 0; i < M * M; i++) bits += (mc[i] >> 2) & 0xf;
        crc = crc16(crc, bits);
        for (unsigned i = 0; i < sizeof input - 1; i++) input[i] = alpha[rng() % (sizeof alpha - 1)];
        input[sizeof input - 1] = 0;
        uint32_t counts[4] = {0};
        int tokens = state_machine(input, counts);
        crc = crc16(crc, (uint32_t)tokens ^ counts[1] << 8 ^ counts[2] << 16 ^ counts[3] << 24);
    }
    printf("coremark_mix iters=%d crc=%04x\n", BENCH_ITERS, crc);
    return 0;
}
