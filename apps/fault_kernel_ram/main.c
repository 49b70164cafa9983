// fault_kernel_ram: writes to the start of SRAM (0x20000000), where Tock
// boards keep the kernel's stack and data, below the app RAM pool.
#include "mini_libc.h"
#include "tock.h"

#define SRAM_BASE 0x20000000u

int main(void) {
  uintptr_t mem_start = (uintptr_t)tock_app_memory_begins_at();
  uintptr_t mem_end = (uintptr_t)tock_app_memory_ends_at();
  if (SRAM_BASE >= mem_start && SRAM_BASE < mem_end) {
    printf("FAIL: SRAM base is inside this process's RAM; kernel RAM is elsewhere\n");
    return 1;
  }
  printf("[fault_kernel_ram] writing to kernel RAM: expect a fault\n");
  *(volatile uint32_t*)SRAM_BASE = 0xDEADBEEF;
  printf("FAIL: write to kernel RAM did not fault\n");
  return 1;
}
