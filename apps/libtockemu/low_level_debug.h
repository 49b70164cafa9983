// low_level_debug.h: the LowLevelDebug driver (0x8). The kernel prints
// "LowLevelDebug: App 0x<id> alert code 0x<v>" / "prints 0x<a> [0x<b>]".
#pragma once
#include "tock.h"

#define DRIVER_NUM_LOW_LEVEL_DEBUG 0x8

int libtock_lldb_alert_code(uint32_t code);        // command 1
int libtock_lldb_print1(uint32_t a);               // command 2
int libtock_lldb_print2(uint32_t a, uint32_t b);   // command 3
