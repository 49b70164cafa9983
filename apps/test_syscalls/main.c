// test_syscalls: every system-call class and its error paths
// (tock-abi.md sections 1.2-1.10). Uses raw svc calls where the exact
// register contents matter, e.g. that Failure leaves unused registers alone.
#include "alarm.h"
#include "console.h"
#include "led.h"
#include "tocktest.h"

#define NO_DRIVER 0xDEAD0   // no board has this driver
#define E_INVAL     6
#define E_NOMEM     9
#define E_NOSUPPORT 10
#define E_NODEVICE  11

static void upcall_a(int a, int b, int c, void* ud) { (void)a; (void)b; (void)c; (void)ud; }
static void upcall_b(int a, int b, int c, void* ud) { (void)a; (void)b; (void)c; (void)ud; }

static uint8_t buf_a[16];
static uint8_t buf_b[8];
static const char flash_text[] = "read-only data in flash";

static void test_command(void) {
  tock_raw_return_t r = tock_syscall_raw(2, NO_DRIVER, 0, 0x1234, 0x5678);
  test_eq(r.r0, TOCK_SYSCALL_FAILURE, "command, missing driver: variant Failure");
  test_eq(r.r1, E_NODEVICE, "command, missing driver: NODEVICE");
  test_eq(r.r2, 0x1234, "command Failure leaves r2 as passed");
  test_eq(r.r3, 0x5678, "command Failure leaves r3 as passed");

  r = tock_syscall_raw(2, DRIVER_NUM_CONSOLE, 0, 0, 0);
  test_eq(r.r0, TOCK_SYSCALL_SUCCESS, "command 0 on console: Success");

  r = tock_syscall_raw(2, DRIVER_NUM_ALARM, 1, 0, 0);
  test_eq(r.r0, TOCK_SYSCALL_SUCCESS_U32, "alarm frequency: variant SuccessU32");
  test_check(r.r1 != 0, "alarm frequency is not zero");

  r = tock_syscall_raw(2, DRIVER_NUM_ALARM, 99, 0, 0);
  test_eq(r.r0, TOCK_SYSCALL_FAILURE, "alarm command 99: variant Failure");
  test_eq(r.r1, E_NOSUPPORT, "alarm command 99: NOSUPPORT");

  test_check(!driver_exists(NO_DRIVER), "driver_exists(missing driver) is false");
  test_check(driver_exists(DRIVER_NUM_CONSOLE), "driver_exists(console) is true");
}

static void test_subscribe(void) {
  uint32_t fa = (uint32_t)upcall_a, fb = (uint32_t)upcall_b;

  tock_raw_return_t r = tock_syscall_raw(1, NO_DRIVER, 0, fa, 0x42);
  test_eq(r.r0, TOCK_SYSCALL_FAILURE_U32_U32, "subscribe, missing driver: variant Failure2U32");
  test_eq(r.r1, E_NODEVICE, "subscribe, missing driver: NODEVICE");
  test_eq(r.r2, fa, "subscribe Failure returns our upcall");
  test_eq(r.r3, 0x42, "subscribe Failure returns our appdata");

  r = tock_syscall_raw(1, DRIVER_NUM_ALARM, 0, 0x10, 0);
  test_eq(r.r1, E_INVAL, "subscribe with upcall outside the process: INVAL");
  r = tock_syscall_raw(1, NO_DRIVER, 0, 0x10, 0);
  test_eq(r.r1, E_INVAL, "upcall pointer is checked before the driver: INVAL");

  r = tock_syscall_raw(1, DRIVER_NUM_ALARM, 5, fa, 0);
  test_eq(r.r1, E_NOSUPPORT, "subscribe number out of range: NOSUPPORT");

  if (driver_exists(DRIVER_NUM_LED)) {
    r = tock_syscall_raw(1, DRIVER_NUM_LED, 0, fa, 0);
    test_eq(r.r1, E_NOMEM, "subscribe to LED (driver without grant): NOMEM");
  } else {
    test_skip("no LED driver");
  }

  // Swap semantics: each success hands back the previous (upcall, appdata).
  r = tock_syscall_raw(1, DRIVER_NUM_ALARM, 0, 0, 0);
  test_eq(r.r0, TOCK_SYSCALL_SUCCESS_U32_U32, "subscribe null upcall: variant Success2U32");
  test_check(r.r1 == 0 && r.r2 == 0, "first subscribe returns (0, 0)");
  r = tock_syscall_raw(1, DRIVER_NUM_ALARM, 0, fa, 1);
  test_check(r.r1 == 0 && r.r2 == 0, "subscribe A returns the null upcall");
  r = tock_syscall_raw(1, DRIVER_NUM_ALARM, 0, fb, 2);
  test_check(r.r1 == fa && r.r2 == 1, "subscribe B returns (A, 1)");
  subscribe_return_t s = subscribe(DRIVER_NUM_ALARM, 0, NULL, NULL);
  test_check(s.success && (uint32_t)s.callback == fb && (uint32_t)s.userdata == 2,
             "subscribe null returns (B, 2)");
}

static void test_allow_rw(void) {
  uint8_t* brk = (uint8_t*)memop(1, 0).data;
  uint8_t* mem_start = tock_app_memory_begins_at();
  uint8_t* grant = tock_app_grant_begins_at();

  tock_raw_return_t r = tock_syscall_raw(3, NO_DRIVER, 0, (uint32_t)buf_a, 16);
  test_eq(r.r0, TOCK_SYSCALL_FAILURE_U32_U32, "allow-rw, missing driver: variant Failure2U32");
  test_eq(r.r1, E_NODEVICE, "allow-rw, missing driver: NODEVICE");
  test_check(r.r2 == (uint32_t)buf_a && r.r3 == 16, "allow-rw Failure returns our buffer");

  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, (uint32_t)flash_text, 4);
  test_eq(r.r1, E_INVAL, "allow-rw of flash: INVAL");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, (uint32_t)(mem_start - 16), 16);
  test_eq(r.r1, E_INVAL, "allow-rw below mem_start: INVAL");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, (uint32_t)(brk - 4), 8);
  test_eq(r.r1, E_INVAL, "allow-rw straddling the break: INVAL");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, (uint32_t)grant, 4);
  test_eq(r.r1, E_INVAL, "allow-rw of the grant region: INVAL");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, 0xFFFFFFF0u, 0x20);
  test_eq(r.r1, E_INVAL, "allow-rw wrapping around the address space: INVAL");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, 0, 16);
  test_eq(r.r1, E_INVAL, "allow-rw of NULL with length 16: INVAL");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 9, (uint32_t)buf_a, 16);
  test_eq(r.r1, E_NOSUPPORT, "allow-rw number out of range: NOSUPPORT");
  if (driver_exists(DRIVER_NUM_LED)) {
    r = tock_syscall_raw(3, DRIVER_NUM_LED, 0, (uint32_t)buf_a, 16);
    test_eq(r.r1, E_NOMEM, "allow-rw to LED (driver without grant): NOMEM");
  }

  // Swap semantics.
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, 0x1234, 0);
  test_eq(r.r0, TOCK_SYSCALL_SUCCESS_U32_U32, "allow-rw of length 0, any pointer: Success2U32");
  r = tock_syscall_raw(3, DRIVER_NUM_CONSOLE, 1, (uint32_t)buf_a, sizeof(buf_a));
  test_check(r.r0 == TOCK_SYSCALL_SUCCESS_U32_U32 && r.r2 == 0, "allow-rw A returns the empty buffer");
  allow_rw_return_t a = allow_readwrite(DRIVER_NUM_CONSOLE, 1, buf_b, sizeof(buf_b));
  test_check(a.success && a.ptr == buf_a && a.size == sizeof(buf_a), "allow-rw B returns (A, 16)");
  a = allow_readwrite(DRIVER_NUM_CONSOLE, 1, NULL, 0);
  test_check(a.success && a.ptr == buf_b && a.size == sizeof(buf_b), "allow-rw NULL returns (B, 8)");
}

static void test_allow_ro(void) {
  uint8_t* flash_start = tock_app_flash_begins_at();
  uint8_t* flash_end = tock_app_flash_ends_at();
  uint8_t* grant = tock_app_grant_begins_at();

  tock_raw_return_t r = tock_syscall_raw(4, NO_DRIVER, 1, (uint32_t)flash_text, 4);
  test_eq(r.r1, E_NODEVICE, "allow-ro, missing driver: NODEVICE");
  r = tock_syscall_raw(4, DRIVER_NUM_CONSOLE, 1, (uint32_t)flash_start, 4);
  test_eq(r.r1, E_INVAL, "allow-ro of the TBF header (protected flash): INVAL");
  r = tock_syscall_raw(4, DRIVER_NUM_CONSOLE, 1, (uint32_t)(flash_end - 2), 4);
  test_eq(r.r1, E_INVAL, "allow-ro past the end of flash: INVAL");
  r = tock_syscall_raw(4, DRIVER_NUM_CONSOLE, 1, (uint32_t)grant, 4);
  test_eq(r.r1, E_INVAL, "allow-ro of the grant region: INVAL");

  // printf itself uses console RO allow 1, so no printing in between.
  allow_ro_return_t a1 = allow_readonly(DRIVER_NUM_CONSOLE, 1, flash_text, sizeof(flash_text));
  allow_ro_return_t a2 = allow_readonly(DRIVER_NUM_CONSOLE, 1, buf_a, sizeof(buf_a));
  allow_ro_return_t a3 = allow_readonly(DRIVER_NUM_CONSOLE, 1, NULL, 0);
  test_check(a1.success, "allow-ro of app flash: Success");
  test_check(a2.success && a2.ptr == flash_text && a2.size == sizeof(flash_text),
             "allow-ro of RAM returns the flash buffer");
  test_check(a3.success && a3.ptr == buf_a && a3.size == sizeof(buf_a),
             "allow-ro NULL returns the RAM buffer");

  r = tock_syscall_raw(7, NO_DRIVER, 0, (uint32_t)buf_a, 4);
  test_eq(r.r1, E_NODEVICE, "userspace-readable allow, missing driver: NODEVICE");
  r = tock_syscall_raw(7, DRIVER_NUM_CONSOLE, 0, (uint32_t)buf_a, 4);
  test_eq(r.r1, E_NOSUPPORT, "userspace-readable allow on console: NOSUPPORT");
}

// Yield-NoWait with an arbitrary result pointer; nothing is queued here.
static void yield_no_wait_at(uint32_t result_ptr) {
  register uint32_t r0 asm ("r0") = 0;
  register uint32_t r1 asm ("r1") = result_ptr;
  asm volatile ("svc 0" : "+r" (r0), "+r" (r1) : : "r2", "r3", "r12", "lr", "memory", "cc");
}

static void test_yield_and_exit(void) {
  test_eq(yield_no_wait(), 0, "yield-no-wait with nothing queued returns 0");
  yield_no_wait_at(0);
  test_check(true, "yield-no-wait with a NULL result pointer returns");
  uint8_t before = *(volatile const uint8_t*)flash_text;
  yield_no_wait_at((uint32_t)flash_text);
  test_check(*(volatile const uint8_t*)flash_text == before,
             "yield-no-wait with a result pointer in flash writes nothing");

  // Yield-WaitFor on a null upcall returns the upcall arguments.
  uint32_t now = 0;
  libtock_alarm_command_read(&now);
  syscall_return_t c = command(DRIVER_NUM_ALARM, 6, (int)now, (int)libtock_alarm_ms_to_ticks(2));
  yield_waitfor_return_t w = yield_wait_for(DRIVER_NUM_ALARM, 0);
  test_eq(w.data1, c.data[0], "yield-wait-for returns the alarm expiration as arg 1");
  test_eq(w.data2, 0, "yield-wait-for returns 0 as arg 2");

  tock_raw_return_t r = tock_syscall_raw(6, 2, 0, 0, 0);
  test_eq(r.r0, TOCK_SYSCALL_FAILURE, "exit with r0=2: variant Failure");
  test_eq(r.r1, E_NOSUPPORT, "exit with r0=2: NOSUPPORT");
}

int main(void) {
  test_begin("test_syscalls");
  test_command();
  test_subscribe();
  test_allow_rw();
  test_allow_ro();
  test_yield_and_exit();
  return test_end();
}
