#include "button.h"

int libtock_button_count(int* count) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_BUTTON, 0, 0, 0),
                                               (uint32_t*)count);
}

int libtock_button_enable_interrupt(int button) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_BUTTON, 1, button, 0));
}

int libtock_button_disable_interrupt(int button) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_BUTTON, 2, button, 0));
}

int libtock_button_read(int button, int* pressed) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_BUTTON, 3, button, 0),
                                               (uint32_t*)pressed);
}

int libtock_button_subscribe(subscribe_upcall uc, void* ud) {
  return tock_subscribe_return_to_returncode(subscribe(DRIVER_NUM_BUTTON, 0, uc, ud));
}
