// echo: interactive console demo. Reads the console one byte at a time
// and writes each byte back, forever (console receive: RW allow 1,
// command 2, upcall 2). Prints "[echo] type something" first.
#include "console.h"
#include "mini_libc.h"
#include "tock.h"

int main(void) {
  printf("[echo] type something\n");
  for (;;) {
    char c;
    int n = libtocksync_console_read(&c, 1);
    if (n < 0) {
      printf("[echo] read error %s\n", tock_strrcode(n));
      return 1;
    }
    if (n == 1) libtocksync_console_write(&c, 1);
  }
}
