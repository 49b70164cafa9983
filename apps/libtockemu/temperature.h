// temperature.h: the temperature driver (0x60000). Command 1 starts a
// reading; upcall 0: (centi-degrees Celsius as i32, 0, 0).
#pragma once
#include "tock.h"

#define DRIVER_NUM_TEMPERATURE 0x60000

// One reading, in hundredths of a degree Celsius.
int libtocksync_temperature_read(int* centi_celsius);
