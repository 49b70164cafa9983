// test_restart: exit-restart (Exit class 6, r0 = 1).
//
// The process restarts itself twice, then exits with code 0. Expected:
//   [test_restart] boot 0
//   [test_restart] exit-restart
//   [test_restart] boot 1
//   [test_restart] exit-restart
//   [test_restart] boot 2
//   [test_restart] done, exit 0
//
// A boot counter has to survive the restart, and crt0 re-initialises
// .data and .bss. The kernel's initial exception frame sits in the first 32
// bytes of the block (PSP = mem_start); Tock writes r0-r3, lr, pc and xPSR
// there on every start but not r12 (word 4, mem_start + 16), and it does
// not clear RAM on restart, so that word keeps what the previous run stored
// (tock-abi.md section 2, "r12 | 0 (RAM zeroed at load; not re-zeroed on
// restart)"). Nothing else uses it: it is the deepest word of our stack. A
// kernel that clears it would loop printing "boot 0" forever.
#include "tocktest.h"

#define MAGIC 0x7E570000u

int main(void) {
  volatile uint32_t* slot = (volatile uint32_t*)((uintptr_t)tock_app_memory_begins_at() + 16);
  uint32_t boot = (*slot & 0xFFFF0000u) == MAGIC ? *slot & 0xFFFFu : 0;
  printf("[test_restart] boot %lu\n", (unsigned long)boot);
  if (boot < 2) {
    *slot = MAGIC | (boot + 1);
    printf("[test_restart] exit-restart\n");
    tock_restart(boot);
  }
  *slot = 0;
  printf("[test_restart] done, exit 0\n");
  return 0;
}
