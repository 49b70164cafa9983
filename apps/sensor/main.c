// sensor: a sleepy 1 Hz temperature sampler. Every second, on a fixed
// schedule (no drift however long it runs), it takes one reading and
// prints "[sensor] #<n> <degrees>.<hundredths> C", forever. Between samples
// it only yields, so the board can sleep.
#include "alarm.h"
#include "mini_libc.h"
#include "temperature.h"

static void wake(uint32_t now, uint32_t scheduled, void* ud) {
  (void)now; (void)scheduled;
  *(bool*)ud = true;
}

int main(void) {
  if (!driver_exists(DRIVER_NUM_TEMPERATURE)) {
    printf("[sensor] no temperature sensor\n");
    return 1;
  }
  printf("[sensor] sampling temperature at 1 Hz\n");
  uint32_t period = libtock_alarm_ms_to_ticks(1000);
  uint32_t reference = 0;
  libtock_alarm_command_read(&reference);
  for (uint32_t n = 1;; n++) {
    // Wake at reference + period; the next sample is measured from that
    // deadline, not from when we got to run, so there is no drift.
    bool fired = false;
    libtock_alarm_t alarm;
    libtock_alarm_at(reference, period, wake, &fired, &alarm);
    yield_for(&fired);
    reference += period;

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
