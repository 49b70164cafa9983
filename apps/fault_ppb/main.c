// fault_ppb: tries to take over the machine by moving the vector table
// (SCB->VTOR, 0xE000ED08). The System Control Space is privileged-only,
// so the unprivileged store must fault.
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  printf("[fault_ppb] writing SCB->VTOR: expect a fault\n");
  *(volatile uint32_t*)0xE000ED08u = 0;
  printf("FAIL: unprivileged write to SCB->VTOR did not fault\n");
  return 1;
}
