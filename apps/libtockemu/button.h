// button.h: the button driver (0x3). Upcall 0: (button index, pressed, 0)
// on both edges, for buttons whose interrupt this process enabled.
#pragma once
#include "tock.h"

#define DRIVER_NUM_BUTTON 0x3

int libtock_button_count(int* count);                // command 0
int libtock_button_enable_interrupt(int button);     // command 1
int libtock_button_disable_interrupt(int button);    // command 2
int libtock_button_read(int button, int* pressed);   // command 3
int libtock_button_subscribe(subscribe_upcall uc, void* ud);
