/* Benchmark workloads: deterministic compute kernels whose run length is set
 * at compile time with -DBENCH_ITERS=N (Makefile: make BENCH_ITERS=N). Each
 * prints a result checksum (never a time), so QEMU and tockemu outputs match. */
#ifndef BENCH_H
#define BENCH_H
#include "tb.h"
#ifndef BENCH_ITERS
#define BENCH_ITERS 10
#endif
uint32_t tb_sum;
static uint32_t rng_state = 0x2545f491u;
static inline uint32_t rng(void) { uint32_t x = rng_state; x ^= x << 13; x ^= x >> 17; x ^= x << 5; return rng_state = x; }
#endif
