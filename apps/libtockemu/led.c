#include "led.h"

int libtock_led_count(int* count) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_LED, 0, 0, 0),
                                               (uint32_t*)count);
}

int libtock_led_on(int led) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_LED, 1, led, 0));
}

int libtock_led_off(int led) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_LED, 2, led, 0));
}

int libtock_led_toggle(int led) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_LED, 3, led, 0));
}
