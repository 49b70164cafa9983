// rng.h: the RNG driver (0x40001). RW allow 0 = buffer, command 1 (n),
// upcall 0: (0, bytes_filled, 0).
#pragma once
#include "tock.h"

#define DRIVER_NUM_RNG 0x40001

// Fill buf with up to len random bytes; *got receives the count.
int libtocksync_rng_get_random_bytes(uint8_t* buf, uint32_t len, uint32_t* got);
