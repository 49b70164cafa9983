// gpio.h: the GPIO driver (0x4). Upcall 0: (pin, level, 0).
#pragma once
#include "tock.h"

#define DRIVER_NUM_GPIO 0x4

typedef enum { libtock_pull_none = 0, libtock_pull_up = 1, libtock_pull_down = 2 } libtock_gpio_input_mode_t;
typedef enum { libtock_change = 0, libtock_rising_edge = 1, libtock_falling_edge = 2 } libtock_gpio_interrupt_mode_t;

int libtock_gpio_count(int* count);                                   // command 10
int libtock_gpio_enable_output(uint32_t pin);                         // command 1
int libtock_gpio_set(uint32_t pin);                                   // command 2
int libtock_gpio_clear(uint32_t pin);                                 // command 3
int libtock_gpio_toggle(uint32_t pin);                                // command 4
int libtock_gpio_enable_input(uint32_t pin, libtock_gpio_input_mode_t pull); // command 5
int libtock_gpio_read(uint32_t pin, int* value);                      // command 6
int libtock_gpio_enable_interrupt(uint32_t pin, libtock_gpio_interrupt_mode_t mode); // command 7
int libtock_gpio_disable_interrupt(uint32_t pin);                     // command 8
int libtock_gpio_disable(uint32_t pin);                               // command 9
int libtock_gpio_subscribe(subscribe_upcall uc, void* ud);
