/* bench matmul: 24x24 int32 matrix multiply (C = A*B, then A = C >> 3), and a
 * Q15 fixed-point version using SMLAD (DSP dual multiply-accumulate). */
#include "bench.h"
#define N 24
static int32_t A[N][N], B[N][N], C[N][N];
static int16_t QA[N][N], QBt[N][N];

int main(void)
{
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
        A[i][j] = (int32_t)(rng() % 2001) - 1000; B[i][j] = (int32_t)(rng() % 2001) - 1000;
        QA[i][j] = (int16_t)rng(); QBt[i][j] = (int16_t)rng();
    }
    uint32_t sum = 0;
    for (int it = 0; it < BENCH_ITERS; it++) {
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
            int32_t s = 0;
            for (int k = 0; k < N; k++) s += A[i][k] * B[k][j];
            C[i][j] = s;
        }
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = (C[i][j] >> 3) % 1000; sum = sum * 31 + (uint32_t)C[i][j]; }
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
            int32_t acc = 0;
            const uint32_t *pa = (const uint32_t *)QA[i], *pb = (const uint32_t *)QBt[j];
            for (int k = 0; k < N / 2; k++) __asm__("smlad %0, %1, %2, %0" : "+r"(acc) : "r"(pa[k]), "r"(pb[k]));
            sum ^= (uint32_t)acc;
        }
    }
    printf("matmul iters=%d checksum=%08lx c00=%ld\n", BENCH_ITERS, (unsigned long)sum, (long)C[0][0]);
    return 0;
}
