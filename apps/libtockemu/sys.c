// sys.c: the newlib-style system glue (libtock-c libtock/sys.c and
// libtock-sync/sys.c). Our own mini libc uses it too: printf ends in _write,
// malloc in _sbrk and exit in _exit.
#include <stddef.h>
#include <stdint.h>

#include "console.h"
#include "tock.h"

int _write(int fd, const void* buf, uint32_t count);
int _read(int fd, void* buf, uint32_t count);
void* _sbrk(int incr);
void _exit(int status) __attribute__((noreturn));
void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
int _close(int fd);
int _fstat(int fd, void* st);
int _isatty(int fd);
int _lseek(int fd, int ptr, int dir);
int _getpid(void);
int _kill(int pid, int sig);

// stdout and stderr both go to the console.
int _write(int fd, const void* buf, uint32_t count) {
  (void)fd;
  int ret = libtocksync_console_write(buf, count);
  return ret < 0 ? -1 : ret;
}

// Like libtock-c, input is not wired to stdin.
int _read(int fd, void* buf, uint32_t count) {
  (void)fd; (void)buf; (void)count;
  return 0;
}

// Heap growth with memop 1 (sbrk); the kernel zeroes new memory.
void* _sbrk(int incr) {
  memop_return_t r = memop(1, incr);
  if (r.status != TOCK_STATUSCODE_SUCCESS) {
    return (void*)-1;
  }
  return (void*)r.data;
}

void _exit(int status) {
  tock_exit((uint32_t)status);
}

void exit(int status) {
  _exit(status);
}

void abort(void) {
  _exit(-1);
}

int _close(int fd) { (void)fd; return -1; }
int _fstat(int fd, void* st) { (void)fd; (void)st; return 0; }
int _isatty(int fd) { (void)fd; return 1; }
int _lseek(int fd, int ptr, int dir) { (void)fd; (void)ptr; (void)dir; return 0; }
int _getpid(void) { return 0; }
int _kill(int pid, int sig) { (void)pid; (void)sig; return -1; }
