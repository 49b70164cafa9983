// fault_write_flash: writes over its own code. App flash is mapped
// read/execute only, so the store must fault.
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  volatile uint16_t* code = (volatile uint16_t*)((uintptr_t)main & ~1u);
  printf("[fault_write_flash] writing to app flash: expect a fault\n");
  *code = 0xBE00;  // bkpt
  printf("FAIL: write to flash did not fault\n");
  return 1;
}
