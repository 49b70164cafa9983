// fault_exec_ram: copies a Thumb `bx lr` into RAM and calls it. Process RAM
// is execute-never, so the call must fault.
#include "mini_libc.h"
#include "tock.h"

static uint16_t code[4];

int main(void) {
  code[0] = 0x4770;  // bx lr
  code[1] = 0x4770;
  void (*fn)(void) = (void (*)(void))((uintptr_t)code | 1);
  printf("[fault_exec_ram] calling code in RAM: expect a fault\n");
  fn();
  printf("FAIL: executing from RAM did not fault\n");
  return 1;
}
