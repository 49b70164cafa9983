// test_exit: Exit class (6). An invalid exit number must come back as
// NOSUPPORT; exit-terminate(7) must stop the process for good with
// completion code 7: the "FAIL" line must never appear and the process
// must not be restarted.
#include "tocktest.h"

int main(void) {
  test_begin("test_exit");
  tock_raw_return_t r = tock_syscall_raw(6, 5, 0, 0, 0);
  test_check(r.r0 == TOCK_SYSCALL_FAILURE && r.r1 == TOCK_STATUSCODE_NOSUPPORT,
             "exit with r0=5 returns NOSUPPORT");
  test_end();
  printf("[test_exit] exit-terminate with completion code 7\n");
  tock_exit(7);
  printf("FAIL: still running after exit-terminate\n");
  return 1;
}
