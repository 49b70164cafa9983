// mini_libc.h: the small C library our apps link instead of newlib.
//
// Debian's newlib is not built position-independent for -msingle-pic-base
// (its code loads absolute RAM addresses from literal pools in flash, which
// crt0 cannot relocate), so it cannot run in a PIC Tock process. libtock-c
// ships its own PIC-built newlib; we ship this instead: printf to the
// console (through _write), the string functions and a small malloc
// (through _sbrk). Names and semantics are the standard ones. Only GCC's
// freestanding headers are used, so newlib need not be installed.
#pragma once

#include <stdarg.h>
#include <stddef.h>

int printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char* fmt, va_list ap);
int snprintf(char* buf, size_t size, const char* fmt, ...)
  __attribute__((format(printf, 3, 4)));
int vsnprintf(char* buf, size_t size, const char* fmt, va_list ap);
int puts(const char* s);
int putchar(int c);

void* memcpy(void* restrict dst, const void* restrict src, size_t n);
void* memmove(void* dst, const void* src, size_t n);
void* memset(void* dst, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
size_t strlen(const char* s);
int strcmp(const char* a, const char* b);
int strncmp(const char* a, const char* b, size_t n);
char* strcpy(char* restrict dst, const char* restrict src);
char* strchr(const char* s, int c);

void* malloc(size_t size);
void* calloc(size_t n, size_t size);
void free(void* p);

void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
