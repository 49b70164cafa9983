// alarm.c: userspace virtualisation of the kernel alarm.
#include <stdbool.h>

#include "alarm.h"

static libtock_alarm_t* alarms;   // pending alarms, in insertion order
static bool subscribed;

int libtock_alarm_command_get_frequency(uint32_t* freq) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_ALARM, 1, 0, 0), freq);
}

int libtock_alarm_command_read(uint32_t* now) {
  return tock_command_return_u32_to_returncode(command(DRIVER_NUM_ALARM, 2, 0, 0), now);
}

int libtock_alarm_command_stop(void) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_ALARM, 3, 0, 0));
}

int libtock_alarm_command_set_absolute(uint32_t reference, uint32_t dt) {
  uint32_t expiration;
  return tock_command_return_u32_to_returncode(
      command(DRIVER_NUM_ALARM, 6, (int)reference, (int)dt), &expiration);
}

uint32_t libtock_alarm_ms_to_ticks(uint32_t ms) {
  uint32_t freq = 0;
  libtock_alarm_command_get_frequency(&freq);
  return (uint32_t)(((uint64_t)ms * freq) / 1000);
}

uint32_t libtock_alarm_ticks_to_ms(uint32_t ticks) {
  uint32_t freq = 1;
  libtock_alarm_command_get_frequency(&freq);
  return freq ? (uint32_t)(((uint64_t)ticks * 1000) / freq) : 0;
}

// Ticks left until a fires (0 if it has expired).
static uint32_t remaining(const libtock_alarm_t* a, uint32_t now) {
  uint32_t elapsed = now - a->reference;
  return elapsed >= a->dt ? 0 : a->dt - elapsed;
}

// Program the kernel alarm for the earliest pending alarm (first one wins
// ties, so equal deadlines fire in insertion order).
static void rearm(void) {
  if (!alarms) {
    libtock_alarm_command_stop();
    return;
  }
  uint32_t now = 0;
  libtock_alarm_command_read(&now);
  libtock_alarm_t* best = alarms;
  for (libtock_alarm_t* a = alarms->next; a; a = a->next) {
    if (remaining(a, now) < remaining(best, now)) best = a;
  }
  libtock_alarm_command_set_absolute(best->reference, best->dt);
}

static void unlink(libtock_alarm_t* alarm) {
  for (libtock_alarm_t** pp = &alarms; *pp; pp = &(*pp)->next) {
    if (*pp == alarm) {
      *pp = alarm->next;
      alarm->next = NULL;
      return;
    }
  }
}

// Kernel upcall: run every expired alarm, earliest deadline first.
static void alarm_upcall(int now_, int expiration, int unused, void* ud) {
  (void)now_; (void)expiration; (void)unused; (void)ud;
  for (;;) {
    uint32_t now = 0;
    libtock_alarm_command_read(&now);
    libtock_alarm_t* due = NULL;
    uint32_t due_late = 0;
    for (libtock_alarm_t* a = alarms; a; a = a->next) {
      uint32_t elapsed = now - a->reference;
      if (elapsed >= a->dt && (!due || elapsed - a->dt > due_late)) {
        due = a;
        due_late = elapsed - a->dt;
      }
    }
    if (!due) break;
    unlink(due);
    due->callback(now, due->reference + due->dt, due->ud);
  }
  rearm();
}

int libtock_alarm_at(uint32_t reference, uint32_t dt,
                     libtock_alarm_callback cb, void* ud, libtock_alarm_t* alarm) {
  if (!subscribed) {
    subscribe_return_t s = subscribe(DRIVER_NUM_ALARM, 0, alarm_upcall, NULL);
    if (!s.success) return tock_status_to_returncode(s.status);
    subscribed = true;
  }
  unlink(alarm);
  alarm->reference = reference;
  alarm->dt = dt;
  alarm->callback = cb;
  alarm->ud = ud;
  alarm->next = NULL;
  libtock_alarm_t** pp = &alarms;
  while (*pp) pp = &(*pp)->next;
  *pp = alarm;
  rearm();
  return RETURNCODE_SUCCESS;
}

int libtock_alarm_in_ms(uint32_t ms, libtock_alarm_callback cb, void* ud,
                        libtock_alarm_t* alarm) {
  uint32_t now;
  int rc = libtock_alarm_command_read(&now);
  if (rc != RETURNCODE_SUCCESS) return rc;
  return libtock_alarm_at(now, libtock_alarm_ms_to_ticks(ms), cb, ud, alarm);
}

void libtock_alarm_cancel(libtock_alarm_t* alarm) {
  unlink(alarm);
  rearm();
}

static void delay_done(uint32_t now, uint32_t scheduled, void* ud) {
  (void)now; (void)scheduled;
  *(bool*)ud = true;
}

int libtocksync_alarm_delay_ms(uint32_t ms) {
  bool fired = false;
  libtock_alarm_t alarm = { 0 };
  int rc = libtock_alarm_in_ms(ms, delay_done, &fired, &alarm);
  if (rc != RETURNCODE_SUCCESS) return rc;
  yield_for(&fired);
  return RETURNCODE_SUCCESS;
}
