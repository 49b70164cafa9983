#include "low_level_debug.h"

static int cmd(uint32_t c, uint32_t a, uint32_t b) {
  return tock_command_return_novalue_to_returncode(
      command(DRIVER_NUM_LOW_LEVEL_DEBUG, c, (int)a, (int)b));
}

int libtock_lldb_alert_code(uint32_t code) { return cmd(1, code, 0); }
int libtock_lldb_print1(uint32_t a) { return cmd(2, a, 0); }
int libtock_lldb_print2(uint32_t a, uint32_t b) { return cmd(3, a, b); }
