// fault_other_app: reads the word just below its own RAM block. Load it
// after another app: that word is the top of the other process's block
// (its grant region); with no app before it, it is kernel or unused RAM.
// Either way the MPU must refuse the access.
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  volatile uint32_t* below = (volatile uint32_t*)tock_app_memory_begins_at() - 1;
  printf("[fault_other_app] reading below mem_start: expect a fault\n");
  uint32_t v = *below;
  printf("FAIL: read below mem_start did not fault (0x%lx)\n", (unsigned long)v);
  return 1;
}
