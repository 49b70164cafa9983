// fault_ram_end: writes just past the end of the process's RAM block
// (memop 3), memory that belongs to the next process or to nobody
// (libtock-c examples/tests/mpu/mpu_ram_end).
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  volatile uint32_t* mem_end = tock_app_memory_ends_at();
  printf("[fault_ram_end] writing past the end of RAM: expect a fault\n");
  *mem_end = 0xDEADBEEF;
  printf("FAIL: write past the end of RAM did not fault\n");
  return 1;
}
