// fault_flash_end: reads the last byte of the app's flash (allowed), then
// the first byte after it, which the MPU must refuse
// (libtock-c examples/tests/mpu/mpu_flash_end).
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  volatile uint8_t* flash_end = tock_app_flash_ends_at();
  printf("[fault_flash_end] reading the last byte of flash\n");
  (void)flash_end[-1];
  printf("[fault_flash_end] ok, reading the byte after flash end: expect a fault\n");
  (void)flash_end[0];
  printf("FAIL: read past the end of flash did not fault\n");
  return 1;
}
