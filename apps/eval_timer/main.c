// eval_timer: a silent periodic timer, for timer-event delivery cost with
// many processes (paper Figure 8) and for sleep/energy studies. Fires
// every PERIOD_MS (10 ms) on a drift-free schedule and does nothing else;
// load any number of copies. Prints one line at start.
#include "alarm.h"
#include "mini_libc.h"

#define PERIOD_MS 10

static void tick(uint32_t now, uint32_t scheduled, void* ud) {
  (void)now; (void)scheduled;
  *(bool*)ud = true;
}

int main(void) {
  printf("[eval_timer] period %d ms\n", PERIOD_MS);
  uint32_t period = libtock_alarm_ms_to_ticks(PERIOD_MS);
  uint32_t reference = 0;
  libtock_alarm_command_read(&reference);
  for (;;) {
    bool fired = false;
    libtock_alarm_t alarm;
    libtock_alarm_at(reference, period, tick, &fired, &alarm);
    yield_for(&fired);
    reference += period;
  }
}
