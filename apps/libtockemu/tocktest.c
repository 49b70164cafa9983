#include "tocktest.h"
#include "alarm.h"

static const char* test_name = "test";
static int passed, failed;

void test_begin(const char* name) {
  test_name = name;
  passed = failed = 0;
  printf("[%s] start\n", name);
}

bool test_check(bool cond, const char* what) {
  if (cond) {
    passed++;
    printf("ok: %s\n", what);
  } else {
    failed++;
    printf("FAIL: %s\n", what);
  }
  return cond;
}

bool test_eq(uint32_t got, uint32_t expected, const char* what) {
  if (got == expected) {
    passed++;
    printf("ok: %s\n", what);
    return true;
  }
  failed++;
  printf("FAIL: %s (got 0x%lx, expected 0x%lx)\n", what,
         (unsigned long)got, (unsigned long)expected);
  return false;
}

void test_skip(const char* what) {
  printf("skip: %s\n", what);
}

int test_end(void) {
  printf("[%s] done: %d ok, %d failed\n", test_name, passed, failed);
  return failed;
}

void test_spin_ticks(uint32_t ticks) {
  uint32_t start = 0, now = 0;
  libtock_alarm_command_read(&start);
  do {
    libtock_alarm_command_read(&now);
  } while (now - start < ticks);
}
