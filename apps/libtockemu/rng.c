#include "rng.h"

int libtocksync_rng_get_random_bytes(uint8_t* buf, uint32_t len, uint32_t* got) {
  allow_rw_return_t a = allow_readwrite(DRIVER_NUM_RNG, 0, buf, len);
  if (!a.success) return tock_status_to_returncode(a.status);
  int rc = tock_command_return_novalue_to_returncode(command(DRIVER_NUM_RNG, 1, (int)len, 0));
  if (rc == RETURNCODE_SUCCESS) {
    yield_waitfor_return_t r = yield_wait_for(DRIVER_NUM_RNG, 0);
    *got = r.data1;
  }
  allow_readwrite(DRIVER_NUM_RNG, 0, NULL, 0);
  return rc;
}
