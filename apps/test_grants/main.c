// test_grants: the heap and the grant region meeting in the middle
// (tock-abi.md section 5). The app grows its break until sbrk fails, then
// asks capsules it has not used yet for their grants (by subscribing).
// Each request must either succeed without the grant region reaching the
// heap, or fail with NOMEM and move nothing. After the heap shrinks, every
// refused request must succeed. Whether any request is refused depends on
// how much room the MPU rounding leaves, so that is not printed.
#include "alarm.h"
#include "button.h"
#include "gpio.h"
#include "rng.h"
#include "temperature.h"
#include "tocktest.h"

static void upcall(int a, int b, int c, void* ud) { (void)a; (void)b; (void)c; (void)ud; }

static const uint32_t drivers[] = {
  DRIVER_NUM_ALARM, DRIVER_NUM_BUTTON, DRIVER_NUM_GPIO, DRIVER_NUM_RNG, DRIVER_NUM_TEMPERATURE,
};
#define N (sizeof(drivers) / sizeof(drivers[0]))

int main(void) {
  test_begin("test_grants");
  // Nothing here touches these drivers before the heap is full: even a
  // command 0 could make the kernel allocate the capsule's grant.
  uintptr_t start_brk = memop(1, 0).data;
  uint32_t grown = 0;
  while (memop(1, 64).status == TOCK_STATUSCODE_SUCCESS) grown += 64;
  while (memop(1, 4).status == TOCK_STATUSCODE_SUCCESS) grown += 4;
  uintptr_t full_brk = memop(1, 0).data;

  // No printing while the heap is full.
  bool no_overlap = true, refused_clean = true, others_ok = true;
  bool refused[N];
  for (unsigned i = 0; i < N; i++) {
    uintptr_t before = (uintptr_t)tock_app_grant_begins_at();
    subscribe_return_t s = subscribe(drivers[i], 0, upcall, NULL);
    uintptr_t after = (uintptr_t)tock_app_grant_begins_at();
    refused[i] = !s.success && s.status == TOCK_STATUSCODE_NOMEM;
    if (s.success) {
      no_overlap &= after >= full_brk;
    } else if (refused[i]) {
      refused_clean &= after == before;
    } else {
      others_ok &= s.status == TOCK_STATUSCODE_NODEVICE;  // not on this board
    }
  }
  bool brk_blocked = memop(1, 64).status == TOCK_STATUSCODE_NOMEM;
  memop(0, (int)start_brk);
  bool retry_ok = true;
  for (unsigned i = 0; i < N; i++) {
    if (refused[i]) retry_ok &= subscribe(drivers[i], 0, upcall, NULL).success;
  }
  for (unsigned i = 0; i < N; i++) subscribe(drivers[i], 0, NULL, NULL);

  test_check(grown > 0, "the heap grew until sbrk failed");
  test_check(no_overlap, "granted capsule memory never reaches the full heap");
  test_check(refused_clean, "a refused grant answers NOMEM and moves nothing");
  test_check(others_ok, "no other errors than NOMEM (or NODEVICE for a missing driver)");
  test_check(brk_blocked, "the full heap cannot grow after the grants");
  test_check(retry_ok, "refused grants succeed once the heap has shrunk");
  return test_end();
}
