// console.h: the console driver (0x1). Transmit: RO allow 1, command 1,
// upcall 1 (bytes_written, 0, 0). Receive: RW allow 1, command 2, upcall 2
// (status, bytes_read, 0).
#pragma once

#include <stdint.h>

#define DRIVER_NUM_CONSOLE 0x1

// Write all of buf, waiting for each transmission with yield-wait-for.
// Returns the number of bytes written or a negative returncode.
int libtocksync_console_write(const void* buf, uint32_t len);

// Read up to len bytes (at most the kernel's receive buffer, 64 by default).
// Returns the number of bytes read or a negative returncode.
int libtocksync_console_read(void* buf, uint32_t len);
