// console.c: synchronous console access, libtock-sync style.
#include "console.h"
#include "tock.h"

int libtocksync_console_write(const void* buf, uint32_t len) {
  const uint8_t* p = buf;
  uint32_t done = 0;
  while (done < len) {
    uint32_t chunk = len - done;
    allow_ro_return_t a = allow_readonly(DRIVER_NUM_CONSOLE, 1, p + done, chunk);
    if (!a.success) return tock_status_to_returncode(a.status);
    int rc = tock_command_return_novalue_to_returncode(
        command(DRIVER_NUM_CONSOLE, 1, (int)chunk, 0));
    if (rc == RETURNCODE_SUCCESS) {
      // The kernel reports (bytes_written, 0, 0).
      yield_waitfor_return_t r = yield_wait_for(DRIVER_NUM_CONSOLE, 1);
      uint32_t written = r.data0 > chunk ? chunk : r.data0;
      done += written;
      if (written == 0) rc = RETURNCODE_FAIL;
    }
    allow_readonly(DRIVER_NUM_CONSOLE, 1, NULL, 0);
    if (rc != RETURNCODE_SUCCESS) return done > 0 ? (int)done : rc;
  }
  return (int)done;
}

int libtocksync_console_read(void* buf, uint32_t len) {
  allow_rw_return_t a = allow_readwrite(DRIVER_NUM_CONSOLE, 1, buf, len);
  if (!a.success) return tock_status_to_returncode(a.status);
  int rc = tock_command_return_novalue_to_returncode(
      command(DRIVER_NUM_CONSOLE, 2, (int)len, 0));
  if (rc == RETURNCODE_SUCCESS) {
    yield_waitfor_return_t r = yield_wait_for(DRIVER_NUM_CONSOLE, 2);
    rc = r.data0 == 0 ? (int)r.data1 : tock_status_to_returncode(r.data0);
  }
  allow_readwrite(DRIVER_NUM_CONSOLE, 1, NULL, 0);
  return rc;
}
