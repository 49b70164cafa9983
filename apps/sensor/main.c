// sensor: a sleepy 1 Hz temperature sampler. Every second it takes one
// reading and prints "[sensor] #<n> <degrees>.<hundredths> C", forever.
// Between samples it only yields, so the board can sleep.
#include "alarm.h"
#include "mini_libc.h"
#include "temperature.h"

int main(void) {
  if (!driver_exists(DRIVER_NUM_TEMPERATURE)) {
    printf("[sensor] no temperature sensor\n");
    return 1;
  }
  printf("[sensor] sampling temperature at 1 Hz\n");
  for (uint32_t n = 1;; n++) {
    delay_ms(1000);
    int centi = 0;
    int rc = libtocksync_temperature_read(&centi);
    if (rc != RETURNCODE_SUCCESS) {
      printf("[sensor] #%lu error %s\n", (unsigned long)n, tock_strrcode(rc));
      continue;
    }
    const char* sign = centi < 0 ? "-" : "";
    unsigned a = (unsigned)(centi < 0 ? -centi : centi);
    printf("[sensor] #%lu %s%u.%02u C\n", (unsigned long)n, sign, a / 100, a % 100);
  }
}
