// alarm.h: the alarm driver (0x0) and libtock-c style userspace alarms.
//
// The kernel gives each process one hardware-backed alarm and reports ticks
// left-justified to 32 bits (Tock 2.2+), so all tick arithmetic here is
// plain wrapping u32 arithmetic. Commands used, as libtock-c: 1 frequency,
// 2 now, 3 stop, 6 set(reference, dt). Upcall 0: (now, expiration, 0).
// Any number of userspace alarms share the one kernel alarm.
#pragma once

#include <stdint.h>

#include "tock.h"

#define DRIVER_NUM_ALARM 0x0

typedef void (*libtock_alarm_callback)(uint32_t now, uint32_t scheduled, void* ud);

typedef struct libtock_alarm {
  uint32_t reference;
  uint32_t dt;
  libtock_alarm_callback callback;
  void* ud;
  struct libtock_alarm* next;
} libtock_alarm_t;

int libtock_alarm_command_get_frequency(uint32_t* freq);
int libtock_alarm_command_read(uint32_t* now);
int libtock_alarm_command_stop(void);
int libtock_alarm_command_set_absolute(uint32_t reference, uint32_t dt);

uint32_t libtock_alarm_ms_to_ticks(uint32_t ms);
uint32_t libtock_alarm_ticks_to_ms(uint32_t ticks);

// Schedule callback at reference + dt ticks. The alarm struct must stay
// alive until the callback has run or the alarm is cancelled.
int libtock_alarm_at(uint32_t reference, uint32_t dt,
                     libtock_alarm_callback cb, void* ud, libtock_alarm_t* alarm);
int libtock_alarm_in_ms(uint32_t ms, libtock_alarm_callback cb, void* ud,
                        libtock_alarm_t* alarm);
void libtock_alarm_cancel(libtock_alarm_t* alarm);

// Block (yielding, so other upcalls still run) for ms milliseconds.
int libtocksync_alarm_delay_ms(uint32_t ms);
static inline int delay_ms(uint32_t ms) { return libtocksync_alarm_delay_ms(ms); }
