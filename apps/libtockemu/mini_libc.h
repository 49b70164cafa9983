// mini_libc.h: the small C library our apps link instead of newlib.
//
// Debian's newlib is not built position-independent for -msingle-pic-base
// (its code loads absolute RAM addresses from literal pools in flash, which
// crt0 cannot relocate), so it cannot run in a PIC Tock process. libtock-c
// ships its own PIC-built newlib; we ship this instead: printf to the
// console (through _write), the string functions and a small malloc
// (through _sbrk). Names and semantics are the standard ones.
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <string.h>   // newlib's prototypes; the code is in string.c

int printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char* fmt, va_list ap);
int snprintf(char* buf, size_t size, const char* fmt, ...)
  __attribute__((format(printf, 3, 4)));
int vsnprintf(char* buf, size_t size, const char* fmt, va_list ap);
int puts(const char* s);
int putchar(int c);

void* malloc(size_t size);
void* calloc(size_t n, size_t size);
void free(void* p);

void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
