// eval_syscall: system-call cost microbenchmark (paper section 6.3 and the
// Tock WG syscall-cost measurements). Runs N calls of each kind, timed with
// the alarm clock, and prints the elapsed ticks and the mean cost:
//   [eval_syscall] <kind>: <N> calls, <ticks> ticks, <ns> ns/call
// Kinds: yield-no-wait with nothing queued and memop 2 (core kernel only),
// command alarm 2 "now" (one capsule), command to a missing driver
// (lookup failure). Times are virtual, so deterministic on tockemu.
#include "alarm.h"
#include "mini_libc.h"

#define N 10000

static uint32_t now(void) {
  uint32_t t = 0;
  libtock_alarm_command_read(&t);
  return t;
}

static void report(const char* kind, uint32_t ticks, uint32_t freq) {
  uint64_t ns = freq ? ((uint64_t)ticks * 1000000000u) / ((uint64_t)freq * N) : 0;
  printf("[eval_syscall] %s: %d calls, %lu ticks, %lu ns/call\n", kind, N,
         (unsigned long)ticks, (unsigned long)ns);
}

int main(void) {
  uint32_t freq = 0;
  libtock_alarm_command_get_frequency(&freq);
  printf("[eval_syscall] start, alarm frequency %lu Hz (left-justified)\n", (unsigned long)freq);

  uint32_t t0 = now();
  for (int i = 0; i < N; i++) yield_no_wait();
  report("yield-no-wait", now() - t0, freq);

  t0 = now();
  for (int i = 0; i < N; i++) memop(2, 0);
  report("memop 2", now() - t0, freq);

  t0 = now();
  for (int i = 0; i < N; i++) command(DRIVER_NUM_ALARM, 2, 0, 0);
  report("command alarm now", now() - t0, freq);

  t0 = now();
  for (int i = 0; i < N; i++) command(0xDEAD0, 0, 0, 0);
  report("command missing driver", now() - t0, freq);

  printf("[eval_syscall] done\n");
  return 0;
}
