// malloc.c: a first-fit allocator on top of _sbrk (memop 1).
//
// Blocks carry an 8-byte header (size incl. header, next free block); freed
// blocks go to an address-ordered free list and merge with free neighbours.
#include <stdint.h>

#include "mini_libc.h"

void* _sbrk(int incr);

typedef struct block {
  size_t size;
  struct block* next;
} block_t;

static block_t* free_list;

void* malloc(size_t size) {
  if (size == 0) return NULL;
  size_t need = (size + sizeof(block_t) + 7) & ~(size_t)7;
  block_t** pp = &free_list;
  for (block_t* b = free_list; b; pp = &b->next, b = b->next) {
    if (b->size >= need) {
      if (b->size - need >= 2 * sizeof(block_t)) {
        block_t* rest = (block_t*)((uint8_t*)b + need);
        rest->size = b->size - need;
        rest->next = b->next;
        *pp = rest;
        b->size = need;
      } else {
        *pp = b->next;
      }
      return b + 1;
    }
  }
  block_t* b = _sbrk((int)need);
  if (b == (void*)-1) return NULL;
  b->size = need;
  return b + 1;
}

void* calloc(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  void* p = malloc(n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

void free(void* p) {
  if (!p) return;
  block_t* b = (block_t*)p - 1;
  block_t** pp = &free_list;
  while (*pp && *pp < b) pp = &(*pp)->next;
  b->next = *pp;
  *pp = b;
  if (b->next && (uint8_t*)b + b->size == (uint8_t*)b->next) {
    b->size += b->next->size;
    b->next = b->next->next;
  }
  if (pp != &free_list) {
    block_t* prev = (block_t*)((uint8_t*)pp - offsetof(block_t, next));
    if ((uint8_t*)prev + prev->size == (uint8_t*)b) {
      prev->size += b->size;
      prev->next = b->next;
    }
  }
}
