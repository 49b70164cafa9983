// fault_bad_svc: `svc 8` is not a system-call class (0-7), so the kernel
// must fault the process; nothing is returned to it.
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  printf("[fault_bad_svc] svc 8: expect a fault\n");
  register uint32_t r0 asm ("r0") = 0;
  asm volatile ("svc 8" : "+r" (r0) : : "r1", "r2", "r3", "memory");
  printf("FAIL: svc 8 returned 0x%lx\n", (unsigned long)r0);
  return 1;
}
