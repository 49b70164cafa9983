// spin: never yields (libtock-c examples/tests/whileone). The scheduler
// must preempt it at the end of each timeslice so that the other
// processes keep running; it must never fault or finish.
#include <stdint.h>

#include "mini_libc.h"

int main(void) {
  printf("[spin] spinning forever without yielding\n");
  volatile uint32_t n = 0;
  while (1) n++;
}
