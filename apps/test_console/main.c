// test_console: the console driver's transmit path as printf and libtock-c
// use it (tock-abi.md section 6): long writes, the write-done count, a
// command length larger than the allowed buffer, and error paths.
#include "console.h"
#include "tocktest.h"

static char line[301];

int main(void) {
  test_begin("test_console");

  // A 200-character line through printf: two console writes (the printf
  // buffer is 128 bytes), both must arrive in order.
  for (int i = 0; i < 199; i++) line[i] = (char)('a' + i % 26);
  line[199] = '\n';
  line[200] = '\0';
  int n = printf("%s", line);
  test_eq((uint32_t)n, 200, "printf of a 200-character line returns 200");

  // 300 bytes in one console write.
  for (int i = 0; i < 299; i++) line[i] = (char)('0' + i % 10);
  line[299] = '\n';
  n = libtocksync_console_write(line, 300);
  test_eq((uint32_t)n, 300, "one 300-byte console write returns 300");
  test_eq((uint32_t)libtocksync_console_write(line, 0), 0, "a 0-byte write returns 0");

  // Command 1 with a length beyond the allowed buffer transmits only the
  // buffer; the upcall reports the bytes written.
  static const char shorter[] = "[test_console] a short buffer, 100 bytes asked\n";
  allow_readonly(DRIVER_NUM_CONSOLE, 1, shorter, sizeof(shorter) - 1);
  syscall_return_t r = command(DRIVER_NUM_CONSOLE, 1, 100, 0);
  yield_waitfor_return_t w = yield_wait_for(DRIVER_NUM_CONSOLE, 1);
  allow_readonly(DRIVER_NUM_CONSOLE, 1, NULL, 0);
  test_eq(r.type, TOCK_SYSCALL_SUCCESS, "transmit command: Success");
  test_eq(w.data0, sizeof(shorter) - 1, "write-done reports the bytes actually written");

  r = command(DRIVER_NUM_CONSOLE, 99, 0, 0);
  test_check(r.type == TOCK_SYSCALL_FAILURE && r.data[0] == TOCK_STATUSCODE_NOSUPPORT,
             "console command 99: NOSUPPORT");
  return test_end();
}
