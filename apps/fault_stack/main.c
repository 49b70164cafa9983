// fault_stack: recurses until the stack (1 KiB here) grows below mem_start,
// which must fault (libtock-c examples/tests/mpu/mpu_stack_growth). Prints
// nothing while recursing, so the transcript does not depend on frame sizes.
#include "mini_libc.h"
#include "tock.h"

#pragma GCC diagnostic ignored "-Winfinite-recursion"

__attribute__((noinline)) static uint32_t grow(uint32_t depth) {
  volatile uint8_t frame[128];
  frame[0] = (uint8_t)depth;
  frame[127] = (uint8_t)depth;
  return grow(depth + 1) + frame[0] + frame[127];  // not a tail call
}

int main(void) {
  printf("[fault_stack] growing the stack below mem_start: expect a fault\n");
  grow(0);
  printf("FAIL: stack overflow did not fault\n");
  return 1;
}
