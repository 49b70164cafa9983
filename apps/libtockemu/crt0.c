// crt0.c: process entry for position-independent Tock apps (libtock-c ABI).
//
// The kernel enters _start(app_start, mem_start, memory_len, app_brk) with
// sp = app_brk = mem_start + 32 (tock-abi.md section 2). _start claims RAM
// with brk, moves the stack, sets r9 to the GOT and calls _c_start_pic,
// which relocates and initialises RAM and then runs main().
#include <stdint.h>
#include "mini_libc.h"

#include "tock.h"

extern int main(void);
extern void exit(int status) __attribute__((noreturn));

// The ten words the linker script puts at app_start (.crt0_header).
// "sym" offsets are from app_start (flash); the others from mem_start (RAM).
struct hdr {
  uint32_t got_sym_start;   //  0
  uint32_t got_start;       //  4
  uint32_t got_size;        //  8
  uint32_t data_sym_start;  // 12
  uint32_t data_start;      // 16
  uint32_t data_size;       // 20
  uint32_t bss_start;       // 24
  uint32_t bss_size;        // 28
  uint32_t reldata_start;   // 32: u32 byte length, then Elf32_Rel entries
  uint32_t stack_size;      // 36
};

struct reldata {
  uint32_t len;             // in bytes
  uint32_t data[];          // (r_offset, r_info) pairs
};

void _c_start_pic(uint32_t app_start, uint32_t mem_start) __attribute__((noreturn, used));

// Written for ARMv6-M so the same code runs on every Cortex-M.
__attribute__((section(".start"), used, naked, noreturn))
void _start(void* app_start, void* mem_start, void* memory_len, void* app_brk) {
  (void)app_start; (void)mem_start; (void)memory_len; (void)app_brk;
  __asm__ volatile (
    ".syntax unified\n"
    // r4 = stacktop = (mem_start + stack_size + 7) & ~7
    "ldr  r4, [r0, #36]\n"
    "adds r4, r4, #7\n"
    "adds r4, r4, r1\n"
    "movs r5, #7\n"
    "bics r4, r4, r5\n"
    // r5 = new break = mem_start + bss_start + bss_size (BSS is last)
    "ldr  r5, [r0, #24]\n"
    "ldr  r6, [r0, #28]\n"
    "adds r5, r5, r6\n"
    "adds r5, r5, r1\n"
    // keep app_start and mem_start in callee-saved registers
    "movs r6, r0\n"
    "movs r7, r1\n"
    // If the current break already covers the new stack, move sp first;
    // otherwise the stack must stay where it is until brk has grown RAM.
    "cmp  r5, r3\n"
    "bgt  1f\n"
    "mov  sp, r4\n"
    "1:\n"
    // memop(0, brk): claim stack + GOT + data + BSS
    "movs r0, #0\n"
    "movs r1, r5\n"
    "svc  5\n"
    // memop(10, stacktop) and memop(11, brk): debug hints for the kernel
    "movs r0, #10\n"
    "movs r1, r4\n"
    "svc  5\n"
    "movs r0, #11\n"
    "movs r1, r5\n"
    "svc  5\n"
    "mov  sp, r4\n"
    // r9 = mem_start + got_start: the PIC base register
    "ldr  r0, [r6, #4]\n"
    "adds r0, r0, r7\n"
    "mov  r9, r0\n"
    "movs r0, r6\n"
    "movs r1, r7\n"
    "bl   _c_start_pic\n"
    "bkpt #255\n"
  );
}

// Fix one pointer-sized value linked against the sentinel addresses:
// bit 31 set means flash (relative to app_start), clear means RAM.
static inline uint32_t relocate(uint32_t v, uint32_t app_start, uint32_t mem_start) {
  return (v & 0x80000000u) ? (v ^ 0x80000000u) + app_start : v + mem_start;
}

void _c_start_pic(uint32_t app_start, uint32_t mem_start) {
  const struct hdr* h = (const struct hdr*)app_start;

  // GOT: copy from flash, relocating each entry.
  uint32_t* got = (uint32_t*)(mem_start + h->got_start);
  const uint32_t* got_sym = (const uint32_t*)(app_start + h->got_sym_start);
  for (uint32_t i = 0; i < h->got_size / 4; i++) {
    got[i] = relocate(got_sym[i], app_start, mem_start);
  }

  // .data from flash, .bss zeroed.
  memcpy((void*)(mem_start + h->data_start),
         (const void*)(app_start + h->data_sym_start), h->data_size);
  memset((void*)(mem_start + h->bss_start), 0, h->bss_size);

  // Pointers stored in .data, from the .rel.data entries the packer appended.
  const struct reldata* rd = (const struct reldata*)(app_start + h->reldata_start);
  for (uint32_t i = 0; i < rd->len / 4; i += 2) {
    uint32_t* target = (uint32_t*)(mem_start + rd->data[i]);
    *target = relocate(*target, app_start, mem_start);
  }

  exit(main());
}
