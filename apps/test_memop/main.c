// test_memop: every memop operation, brk/sbrk results and limits, the
// allow high-water mark, and malloc on top of sbrk (tock-abi.md section 1.9).
#include "console.h"
#include "tocktest.h"

#define E_FAIL      1
#define E_NOMEM     9
#define E_NOSUPPORT 10

static uint32_t in_bss;

static bool all_zero(const uint8_t* p, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (p[i]) return false;
  }
  return true;
}

static void test_layout(void) {
  uint8_t local = 0;
  uintptr_t mem_start = (uintptr_t)tock_app_memory_begins_at();
  uintptr_t mem_end = (uintptr_t)tock_app_memory_ends_at();
  uintptr_t flash_start = (uintptr_t)tock_app_flash_begins_at();
  uintptr_t flash_end = (uintptr_t)tock_app_flash_ends_at();
  uintptr_t grant = (uintptr_t)tock_app_grant_begins_at();
  uintptr_t brk = memop(1, 0).data;
  uintptr_t code = (uintptr_t)main & ~1u;

  test_check(mem_start < brk && brk <= grant && grant < mem_end,
             "mem_start < break <= grant start < mem_end");
  test_check(flash_start < code && code < flash_end, "main() lies in [flash start, flash end)");
  test_check(mem_start <= (uintptr_t)&local && (uintptr_t)&local < brk,
             "the stack lies in [mem_start, break)");
  test_check(mem_start <= (uintptr_t)&in_bss && (uintptr_t)&in_bss < brk,
             "the BSS lies in [mem_start, break)");
  test_check((uintptr_t)&local < (uintptr_t)&in_bss,
             "the stack lies below the BSS (libtock-c layout)");

  memop_return_t r = memop(7, 0);
  test_check(r.status == 0 && r.data == 0, "memop 7: no writeable flash regions");
  r = memop(8, 0);
  test_eq(r.status, E_FAIL, "memop 8, missing region: FAIL");
  r = memop(9, 0);
  test_eq(r.status, E_FAIL, "memop 9, missing region: FAIL");
  tock_raw_return_t raw = tock_syscall_raw(5, 10, (uint32_t)&local, 0, 0);
  test_eq(raw.r0, TOCK_SYSCALL_SUCCESS, "memop 10 (stack hint): Success");
  raw = tock_syscall_raw(5, 11, brk, 0, 0);
  test_eq(raw.r0, TOCK_SYSCALL_SUCCESS, "memop 11 (heap hint): Success");
  raw = tock_syscall_raw(5, 2, 0, 0, 0);
  test_eq(raw.r0, TOCK_SYSCALL_SUCCESS_U32, "memop 2: variant SuccessU32");
  r = memop(12, 0);
  test_eq(r.status, E_NOSUPPORT, "memop 12: NOSUPPORT");
  r = memop(99, 0);
  test_eq(r.status, E_NOSUPPORT, "memop 99: NOSUPPORT");
}

static void test_brk(void) {
  uintptr_t mem_start = (uintptr_t)tock_app_memory_begins_at();
  uintptr_t mem_end = (uintptr_t)tock_app_memory_ends_at();
  uintptr_t grant = (uintptr_t)tock_app_grant_begins_at();
  uintptr_t old = memop(1, 0).data;

  memop_return_t r = memop(1, 64);
  test_check(r.status == 0 && r.data == old, "sbrk(+64) returns the old break");
  test_eq(memop(1, 0).data, old + 64, "the break moved up by 64");
  // Whether new heap memory is zeroed is deliberately not checked: Tock's
  // brk does not clear it (process RAM is zeroed once, when the process is
  // created), and libtock-c never relies on it.
  uint8_t* p = (uint8_t*)old;
  memset(p, 0xA5, 64);
  test_check(p[0] == 0xA5 && p[63] == 0xA5, "new heap memory is writable");
  r = memop(1, -64);
  test_check(r.status == 0 && r.data == old + 64, "sbrk(-64) returns the old break");
  test_eq(memop(1, 0).data, old, "the break moved back down");
  memop(1, 64);

  tock_raw_return_t raw = tock_syscall_raw(5, 0, old + 128, 0, 0);
  test_eq(raw.r0, TOCK_SYSCALL_SUCCESS, "brk(old + 128): Success");
  p[127] = 1;
  test_eq(p[127], 1, "the last byte below the new break is writable");

  test_eq(memop(0, (int)(mem_start - 4)).status, E_NOMEM, "brk below mem_start: NOMEM");
  test_eq(memop(0, (int)mem_end).status, E_NOMEM, "brk to mem_end: NOMEM");
  test_eq(memop(0, (int)(grant + 4)).status, E_NOMEM, "brk into the grant region: NOMEM");
  test_eq(memop(1, 0x100000).status, E_NOMEM, "sbrk(+1 MiB): NOMEM");
  test_eq(memop(1, 0).data, old + 128, "failed brk/sbrk leave the break alone");

  // A buffer allowed to a capsule pins the break above it, even after it
  // is un-allowed (the high-water mark only grows).
  allow_rw_return_t a = allow_readwrite(DRIVER_NUM_CONSOLE, 1, p + 64, 32);
  test_check(a.success, "allow-rw of a heap buffer: Success");
  test_eq(memop(0, (int)(old + 32)).status, E_NOMEM, "brk below an allowed buffer: NOMEM");
  allow_readwrite(DRIVER_NUM_CONSOLE, 1, NULL, 0);
  test_eq(memop(0, (int)(old + 32)).status, E_NOMEM, "brk below a revoked buffer: still NOMEM");
  test_eq(memop(0, (int)(old + 96)).status, 0, "brk to the end of that buffer: Success");
}

static void test_malloc(void) {
  uintptr_t brk = memop(1, 0).data;
  uint8_t* a = malloc(100);
  test_check(a != NULL && (uintptr_t)a >= brk, "malloc(100) returns memory from sbrk");
  memset(a, 0x5A, 100);
  free(a);
  uint8_t* b = malloc(100);
  test_check(b == a, "malloc after free reuses the block");
  uint8_t* c = calloc(10, 10);
  test_check(c != NULL && c != b && all_zero(c, 100), "calloc returns a zeroed new block");
  free(b);
  free(c);
  test_check(malloc(0x100000) == NULL, "malloc(1 MiB) fails cleanly");
}

int main(void) {
  test_begin("test_memop");
  test_layout();
  test_brk();
  test_malloc();
  return test_end();
}
