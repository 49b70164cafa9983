// test_crt0: what crt0 and the packer's relocation data must get right
// (tock-abi.md section 4): .data copied from flash, .bss zeroed, pointers
// stored in .data relocated (to flash, to RAM, to code) via the .rel.data
// entries appended after the binary, the GOT relocated, and an 8-byte
// aligned stack inside the process RAM.
#include "tocktest.h"

static int counter = 42;                      // .data
static uint32_t zeroed[8];                    // .bss
static const char greeting[] = "hello flash"; // .rodata (flash)
static int ram_target = 7;

static int add_one(int x) { return x + 1; }

// Initialised pointers: each one is an R_ARM_ABS32 relocation in .rel.data.
// volatile keeps the compiler from folding them into GOT loads.
static const char* volatile const_ptr_to_flash = greeting;
static int* volatile ptr_to_ram = &ram_target;
static int (*volatile ptr_to_code)(int) = add_one;
static const char* volatile table[] = { "zero", "one", "two" };
static volatile struct { int* p; const char* s; } pairs[2] = { { &counter, "c" }, { &ram_target, "r" } };

int main(void) {
  test_begin("test_crt0");
  uintptr_t mem_start = (uintptr_t)tock_app_memory_begins_at();
  uintptr_t brk = memop(1, 0).data;
  uintptr_t flash_start = (uintptr_t)tock_app_flash_begins_at();
  uintptr_t flash_end = (uintptr_t)tock_app_flash_ends_at();
  uint32_t sp;
  asm volatile ("mov %0, sp" : "=r" (sp));

  test_eq((uint32_t)counter, 42, ".data initialised from flash");
  bool zero = true;
  for (int i = 0; i < 8; i++) zero &= zeroed[i] == 0;
  test_check(zero, ".bss is zero");
  test_check(strcmp(const_ptr_to_flash, "hello flash") == 0, "pointer in .data to flash data");
  test_check((uintptr_t)const_ptr_to_flash >= flash_start && (uintptr_t)const_ptr_to_flash < flash_end,
             "that pointer lies in app flash");
  test_check(ptr_to_ram == &ram_target && *ptr_to_ram == 7, "pointer in .data to RAM");
  test_check((uintptr_t)ptr_to_ram >= mem_start && (uintptr_t)ptr_to_ram < brk,
             "that pointer lies in process RAM");
  test_eq((uint32_t)ptr_to_code(41), 42, "function pointer in .data");
  test_check(strcmp(table[0], "zero") == 0 && strcmp(table[2], "two") == 0,
             "array of string pointers in .data");
  test_check(*pairs[0].p == 42 && *pairs[1].p == 7 && pairs[1].s[0] == 'r',
             "struct array of mixed pointers in .data");
  int (*via_got)(int) = add_one;
  test_eq((uint32_t)via_got(1), 2, "function address taken through the GOT");
  test_eq(sp & 7, 0, "stack pointer is 8-byte aligned");
  test_check(sp > mem_start && sp < brk, "stack pointer lies in process RAM");
  counter++;
  test_eq((uint32_t)counter, 43, ".data is writable");
  return test_end();
}
