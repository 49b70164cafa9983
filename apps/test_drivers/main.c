// test_drivers: the command interface of each board driver, as libtock-c
// uses it (tock-abi.md section 6). Drivers the board lacks print "skip".
// Values that depend on the environment (random bytes, temperature) are
// checked for plausibility, never printed.
#include "alarm.h"
#include "button.h"
#include "gpio.h"
#include "led.h"
#include "low_level_debug.h"
#include "rng.h"
#include "temperature.h"
#include "tocktest.h"

static void test_alarm(void) {
  uint32_t f = 0, t0 = 0, t1 = 0;
  test_eq(libtock_alarm_command_get_frequency(&f), 0, "alarm: frequency");
  test_check(f >= 1000, "alarm: frequency is at least 1 kHz (left-justified)");
  libtock_alarm_command_read(&t0);
  test_spin_ticks(libtock_alarm_ms_to_ticks(2));
  libtock_alarm_command_read(&t1);
  test_check(t1 - t0 >= libtock_alarm_ms_to_ticks(2), "alarm: now advances");
  test_eq((uint32_t)libtock_alarm_command_stop(), (uint32_t)RETURNCODE_EALREADY,
          "alarm: stop when not armed: ALREADY");
  syscall_return_t r = command(DRIVER_NUM_ALARM, 4, 0, 0);
  test_check(r.type == TOCK_SYSCALL_FAILURE && r.data[0] == TOCK_STATUSCODE_NOSUPPORT,
             "alarm: command 4: NOSUPPORT");
  r = command(DRIVER_NUM_ALARM, 5, (int)libtock_alarm_ms_to_ticks(1000), 0);
  int stop = libtock_alarm_command_stop();
  test_eq(r.type, TOCK_SYSCALL_SUCCESS_U32, "alarm: command 5 (relative): SuccessU32");
  test_eq((uint32_t)stop, 0, "alarm: stop when armed: Success");
}

static void test_led(void) {
  int n = 0;
  if (libtock_led_count(&n) != 0) { test_skip("no LED driver"); return; }
  test_check(n >= 1, "led: count >= 1");
  test_eq(libtock_led_on(0), 0, "led: on(0)");
  test_eq(libtock_led_toggle(0), 0, "led: toggle(0)");
  test_eq(libtock_led_off(0), 0, "led: off(0)");
  test_eq((uint32_t)libtock_led_on(n), (uint32_t)RETURNCODE_EINVAL, "led: on(count): INVAL");
}

static void test_button(void) {
  int n = 0, pressed = -1;
  if (libtock_button_count(&n) != 0) { test_skip("no button driver"); return; }
  test_check(n >= 1, "button: count >= 1");
  test_eq(libtock_button_read(0, &pressed), 0, "button: read(0)");
  test_check(pressed == 0, "button: 0 is not pressed");
  test_eq(libtock_button_enable_interrupt(0), 0, "button: enable interrupt(0)");
  test_eq(libtock_button_disable_interrupt(0), 0, "button: disable interrupt(0)");
  test_eq((uint32_t)libtock_button_read(n, &pressed), (uint32_t)RETURNCODE_EINVAL,
          "button: read(count): INVAL");
}

static void test_gpio(void) {
  int n = 0, v = -1;
  if (libtock_gpio_count(&n) != 0) { test_skip("no GPIO driver"); return; }
  test_check(n >= 1, "gpio: count >= 1");
  test_eq(libtock_gpio_enable_output(0), 0, "gpio: output(0)");
  test_eq(libtock_gpio_set(0), 0, "gpio: set(0)");
  test_eq(libtock_gpio_toggle(0), 0, "gpio: toggle(0)");
  test_eq(libtock_gpio_clear(0), 0, "gpio: clear(0)");
  test_eq(libtock_gpio_enable_input(0, libtock_pull_down), 0, "gpio: input(0, pull-down)");
  test_eq(libtock_gpio_read(0, &v), 0, "gpio: read(0)");
  test_check(v == 0 || v == 1, "gpio: read gives 0 or 1");
  test_eq((uint32_t)libtock_gpio_enable_input(0, 7), (uint32_t)RETURNCODE_ENOSUPPORT,
          "gpio: input with pull mode 7: NOSUPPORT");
  test_eq((uint32_t)libtock_gpio_set(n), (uint32_t)RETURNCODE_EINVAL, "gpio: set(count): INVAL");
  test_eq(libtock_gpio_disable(0), 0, "gpio: disable(0)");
}

static void test_rng(void) {
  uint8_t buf[16] = { 0 };
  uint32_t got = 0;
  if (!driver_exists(DRIVER_NUM_RNG)) { test_skip("no RNG driver"); return; }
  test_eq(libtocksync_rng_get_random_bytes(buf, sizeof(buf), &got), 0, "rng: request 16 bytes");
  test_eq(got, 16, "rng: 16 bytes delivered");
  bool nonzero = false;
  for (unsigned i = 0; i < sizeof(buf); i++) nonzero |= buf[i] != 0;
  test_check(nonzero, "rng: bytes are not all zero");
}

static void test_temperature(void) {
  int centi = -100000;
  if (!driver_exists(DRIVER_NUM_TEMPERATURE)) { test_skip("no temperature driver"); return; }
  test_eq(libtocksync_temperature_read(&centi), 0, "temperature: read");
  test_check(centi > -4000 && centi < 12500, "temperature: between -40 and 125 C");
}

static void test_lldb(void) {
  if (!driver_exists(DRIVER_NUM_LOW_LEVEL_DEBUG)) { test_skip("no low-level debug driver"); return; }
  // The kernel prints these two lines itself.
  test_eq(libtock_lldb_alert_code(0x42), 0, "lldb: alert code 0x42");
  test_eq(libtock_lldb_print2(0x1234, 0x5678), 0, "lldb: print 0x1234 0x5678");
}

int main(void) {
  test_begin("test_drivers");
  test_alarm();
  test_led();
  test_button();
  test_gpio();
  test_rng();
  test_temperature();
  test_lldb();
  return test_end();
}
