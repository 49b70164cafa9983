// blink: counts in binary on the board's LEDs, one step every 250 ms,
// forever (libtock-c examples/blink). Prints one line at start.
#include "alarm.h"
#include "led.h"
#include "mini_libc.h"

int main(void) {
  int n = 0;
  if (libtock_led_count(&n) != 0 || n == 0) {
    printf("[blink] no LEDs\n");
    return 1;
  }
  printf("[blink] %d LEDs\n", n);
  for (uint32_t count = 0;; count++) {
    for (int i = 0; i < n; i++) {
      if (count & (1u << i)) {
        libtock_led_on(i);
      } else {
        libtock_led_off(i);
      }
    }
    delay_ms(250);
  }
}
