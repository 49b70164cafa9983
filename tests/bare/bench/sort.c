/* bench sort: quicksort, insertion sort and newlib qsort of 1024 pseudo-random
 * words per iteration; verifies order and prints a checksum. */
#include "bench.h"
#include <stdlib.h>
#define N 1024
static uint32_t a[N], b[N], c[N];

static void quick(uint32_t *v, int lo, int hi)
{
    while (lo < hi) {
        uint32_t p = v[(lo + hi) / 2]; int i = lo, j = hi;
        while (i <= j) { while (v[i] < p) i++; while (v[j] > p) j--; if (i <= j) { uint32_t t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; } }
        if (j - lo < hi - i) { quick(v, lo, j); lo = i; } else { quick(v, i, hi); hi = j; }
    }
}
static void insertion(uint32_t *v, int n)
{
    for (int i = 1; i < n; i++) { uint32_t x = v[i]; int j = i - 1; while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; } v[j + 1] = x; }
}
static int cmp(const void *x, const void *y) { uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y; return p < q ? -1 : p > q; }

int main(void)
{
    uint32_t sum = 0; int bad = 0;
    for (int it = 0; it < BENCH_ITERS; it++) {
        for (int i = 0; i < N; i++) a[i] = b[i] = c[i] = rng() >> (it & 7);
        quick(a, 0, N - 1);
        insertion(b, N);
        qsort(c, N, sizeof c[0], cmp);
        for (int i = 0; i < N; i++) { if (a[i] != b[i] || a[i] != c[i] || (i && a[i - 1] > a[i])) bad++; sum = sum * 33 + a[i]; }
    }
    printf("sort iters=%d checksum=%08lx min=%08lx max=%08lx bad=%d\n", BENCH_ITERS, (unsigned long)sum, (unsigned long)a[0], (unsigned long)a[N - 1], bad);
    return bad != 0;
}
