// led.h: the LED driver (0x2). No grant: subscribe/allow give NOMEM.
#pragma once
#include "tock.h"

#define DRIVER_NUM_LED 0x2

int libtock_led_count(int* count);   // command 0 -> SuccessU32(count)
int libtock_led_on(int led);         // command 1
int libtock_led_off(int led);        // command 2
int libtock_led_toggle(int led);     // command 3
