#include "temperature.h"

int libtocksync_temperature_read(int* centi_celsius) {
  int rc = tock_command_return_novalue_to_returncode(command(DRIVER_NUM_TEMPERATURE, 1, 0, 0));
  if (rc != RETURNCODE_SUCCESS) return rc;
  yield_waitfor_return_t r = yield_wait_for(DRIVER_NUM_TEMPERATURE, 0);
  *centi_celsius = (int)r.data0;
  return RETURNCODE_SUCCESS;
}
