// fault_grant: writes to the start of the grant region (memop 6), kernel
// memory inside the process's own RAM block. The MPU must refuse it
// (libtock-c examples/tests/mpu/mpu_grant_start).
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  volatile uint32_t* grant = tock_app_grant_begins_at();
  printf("[fault_grant] writing to the grant region: expect a fault\n");
  *grant = 0xDEADBEEF;
  printf("FAIL: write to the grant region did not fault\n");
  return 1;
}
