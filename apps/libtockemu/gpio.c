#include "gpio.h"

static int cmd(uint32_t c, uint32_t pin, int arg) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_GPIO, c, (int)pin, arg));
}

int libtock_gpio_count(int* count) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_GPIO, 10, 0, 0),
                                               (uint32_t*)count);
}
int libtock_gpio_enable_output(uint32_t pin) { return cmd(1, pin, 0); }
int libtock_gpio_set(uint32_t pin) { return cmd(2, pin, 0); }
int libtock_gpio_clear(uint32_t pin) { return cmd(3, pin, 0); }
int libtock_gpio_toggle(uint32_t pin) { return cmd(4, pin, 0); }
int libtock_gpio_enable_input(uint32_t pin, libtock_gpio_input_mode_t pull) { return cmd(5, pin, (int)pull); }
int libtock_gpio_read(uint32_t pin, int* value) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_GPIO, 6, (int)pin, 0),
                                               (uint32_t*)value);
}
int libtock_gpio_enable_interrupt(uint32_t pin, libtock_gpio_interrupt_mode_t mode) { return cmd(7, pin, (int)mode); }
int libtock_gpio_disable_interrupt(uint32_t pin) { return cmd(8, pin, 0); }
int libtock_gpio_disable(uint32_t pin) { return cmd(9, pin, 0); }

int libtock_gpio_subscribe(subscribe_upcall uc, void* ud) {
  return tock_subscribe_return_to_returncode(subscribe(DRIVER_NUM_GPIO, 0, uc, ud));
}
