// test_upcalls: upcall delivery (tock-abi.md sections 1.4-1.6, 1.11):
// arguments and appdata, Yield-WaitFor not running the upcall, FIFO order
// of queued upcalls, re-subscribe dropping queued upcalls, Yield-Wait
// discarding null-upcall events, and userspace alarm virtualisation.
#include "alarm.h"
#include "console.h"
#include "tocktest.h"

#define MAX_EVENTS 8

static char events[MAX_EVENTS + 1];   // one letter per upcall, in run order
static int n_events;
static uint32_t last_args[3];
static void* last_ud;

static void record(char tag, int a, int b, int c, void* ud) {
  if (n_events < MAX_EVENTS) events[n_events++] = tag;
  events[n_events] = '\0';
  last_args[0] = (uint32_t)a;
  last_args[1] = (uint32_t)b;
  last_args[2] = (uint32_t)c;
  last_ud = ud;
}

static void alarm_upcall(int a, int b, int c, void* ud) { record('A', a, b, c, ud); }
static void other_alarm_upcall(int a, int b, int c, void* ud) { record('B', a, b, c, ud); }
static void console_upcall(int a, int b, int c, void* ud) { record('C', a, b, c, ud); }

static void reset_events(void) {
  n_events = 0;
  events[0] = '\0';
}

// Arm the kernel alarm ms from now; returns the expiration.
static uint32_t arm_ms(uint32_t ms) {
  uint32_t now = 0;
  libtock_alarm_command_read(&now);
  syscall_return_t r = command(DRIVER_NUM_ALARM, 6, (int)now, (int)libtock_alarm_ms_to_ticks(ms));
  return r.data[0];
}

static void test_arguments(void) {
  reset_events();
  subscribe(DRIVER_NUM_ALARM, 0, alarm_upcall, (void*)0xC0FFEE);
  uint32_t expiration = arm_ms(2);
  yield();
  test_check(n_events == 1 && events[0] == 'A', "yield runs the alarm upcall once");
  test_eq(last_args[1], expiration, "upcall arg 1 is the expiration");
  test_eq(last_args[2], 0, "upcall arg 2 is 0");
  test_check(last_args[0] - expiration < 0x80000000u, "upcall arg 0 (now) is not before the expiration");
  test_eq((uint32_t)last_ud, 0xC0FFEE, "upcall receives the subscribed appdata");

  reset_events();
  expiration = arm_ms(2);
  yield_waitfor_return_t w = yield_wait_for(DRIVER_NUM_ALARM, 0);
  test_eq(n_events, 0, "yield-wait-for does not run the subscribed upcall");
  test_eq(w.data1, expiration, "yield-wait-for returns the upcall arguments");
}

static void test_fifo_order(void) {
  static const char probe[] = "[test_upcalls] console probe\n";
  uint32_t tick_ms = libtock_alarm_ms_to_ticks(1);

  reset_events();
  subscribe(DRIVER_NUM_ALARM, 0, alarm_upcall, NULL);
  subscribe(DRIVER_NUM_CONSOLE, 1, console_upcall, NULL);
  // Event 1: the alarm expires while we spin.
  arm_ms(1);
  test_spin_ticks(3 * tick_ms);
  // Event 2: a console write completes while we spin.
  allow_readonly(DRIVER_NUM_CONSOLE, 1, probe, sizeof(probe) - 1);
  command(DRIVER_NUM_CONSOLE, 1, sizeof(probe) - 1, 0);
  test_spin_ticks(20 * tick_ms);
  // No printing until both upcalls ran: printf's own console writes would
  // wait for (and consume) the probe's write-done event.
  int before = n_events;
  int ran1 = yield_no_wait();
  int ran2 = yield_no_wait();
  int ran3 = yield_no_wait();
  allow_readonly(DRIVER_NUM_CONSOLE, 1, NULL, 0);
  subscribe(DRIVER_NUM_CONSOLE, 1, NULL, NULL);
  test_eq(before, 0, "no upcall runs while the process does not yield");
  test_check(ran1 == 1 && ran2 == 1, "two yield-no-wait calls each run one queued upcall");
  test_check(strcmp(events, "AC") == 0, "queued upcalls run in event order (alarm, console)");
  test_eq(ran3, 0, "the queue is then empty");
}

static void test_resubscribe_drops_queued(void) {
  uint32_t tick_ms = libtock_alarm_ms_to_ticks(1);
  reset_events();
  subscribe(DRIVER_NUM_ALARM, 0, alarm_upcall, NULL);
  arm_ms(1);
  test_spin_ticks(3 * tick_ms);          // A's upcall is queued now
  subscribe(DRIVER_NUM_ALARM, 0, other_alarm_upcall, NULL);
  test_eq(yield_no_wait(), 0, "re-subscribing removes the queued upcall");
  test_eq(n_events, 0, "neither upcall ran");
}

static void test_null_upcall_discarded_by_yield(void) {
  uint32_t tick_ms = libtock_alarm_ms_to_ticks(1);
  reset_events();
  subscribe(DRIVER_NUM_ALARM, 0, NULL, NULL);
  arm_ms(1);
  test_spin_ticks(3 * tick_ms);          // a null-upcall event is queued
  subscribe(DRIVER_NUM_ALARM, 0, alarm_upcall, NULL);
  uint32_t expiration = arm_ms(3);
  yield();                               // must skip the null event
  test_check(n_events == 1 && events[0] == 'A', "yield skips the null-upcall event and runs the next");
  test_eq(last_args[1], expiration, "the upcall that ran is the second alarm");
  subscribe(DRIVER_NUM_ALARM, 0, NULL, NULL);
}

static char fired[4];
static int n_fired;
static void virtual_alarm(uint32_t now, uint32_t scheduled, void* ud) {
  (void)now; (void)scheduled;
  fired[n_fired++] = (char)(uintptr_t)ud;
}

static void test_virtual_alarms(void) {
  libtock_alarm_t a, b, c;
  n_fired = 0;
  libtock_alarm_in_ms(30, virtual_alarm, (void*)'3', &a);
  libtock_alarm_in_ms(10, virtual_alarm, (void*)'1', &b);
  libtock_alarm_in_ms(20, virtual_alarm, (void*)'2', &c);
  while (n_fired < 3) yield();
  fired[3] = '\0';
  test_check(strcmp(fired, "123") == 0, "three userspace alarms fire in deadline order");

  n_fired = 0;
  libtock_alarm_in_ms(10, virtual_alarm, (void*)'x', &a);
  libtock_alarm_in_ms(20, virtual_alarm, (void*)'y', &b);
  libtock_alarm_cancel(&a);
  while (n_fired < 1) yield();
  test_check(n_fired == 1 && fired[0] == 'y', "a cancelled alarm does not fire");

  uint32_t t0 = 0, t1 = 0;
  libtock_alarm_command_read(&t0);
  delay_ms(50);
  libtock_alarm_command_read(&t1);
  test_check(t1 - t0 >= libtock_alarm_ms_to_ticks(50), "delay_ms(50) waits at least 50 ms");
}

int main(void) {
  test_begin("test_upcalls");
  test_arguments();
  test_fifo_order();
  test_resubscribe_drops_queued();
  test_null_upcall_discarded_by_yield();
  test_virtual_alarms();
  return test_end();
}
