// pong: shares the console with ping. Prints "pong <i>" at t = 50, 150, ... 950 ms
// after its start, then "pong done" and exits with 0. Loaded together with
// ping (which prints at 0, 100, ...) the two processes' lines interleave:
// ping 0, pong 0, ping 1, pong 1, ... Each line is one console write.
#include "alarm.h"
#include "mini_libc.h"

#define OFFSET_MS 50
#define PERIOD_MS 100

static void wake(uint32_t now, uint32_t scheduled, void* ud) {
  (void)now; (void)scheduled;
  *(bool*)ud = true;
}

// Sleep until start + offset ticks; measuring from start keeps the
// printing time from accumulating as drift.
static void sleep_until(uint32_t start, uint32_t offset) {
  bool fired = false;
  libtock_alarm_t alarm;
  libtock_alarm_at(start, offset, wake, &fired, &alarm);
  yield_for(&fired);
}

int main(void) {
  uint32_t start = 0;
  libtock_alarm_command_read(&start);
  for (uint32_t i = 0; i < 10; i++) {
    sleep_until(start, libtock_alarm_ms_to_ticks(OFFSET_MS + i * PERIOD_MS));
    printf("pong %lu\n", (unsigned long)i);
  }
  printf("pong done\n");
  return 0;
}
