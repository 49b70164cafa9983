// printf.c: a small, deterministic printf family.
//
// Conversions: d i u x X o c s p %, flags - 0 + space #, width and
// precision (also *), length modifiers hh h l ll z j t. No floating point
// (apps print fixed-point values themselves, as libtock-c's examples do).
// printf formats into a buffer on the stack and hands whole chunks to
// _write, so a line shorter than the buffer reaches the console in one
// write and lines of different processes never interleave mid-line.
#include <stdbool.h>
#include <stdint.h>

#include "mini_libc.h"

int _write(int fd, const void* buf, uint32_t count);

typedef struct {
  char* buf;
  size_t size;    // capacity of buf
  size_t pos;     // bytes in buf
  size_t total;   // bytes produced so far
  bool flush;     // console sink: flush buf when full; else truncate
} sink_t;

static void emit(sink_t* s, char c) {
  if (s->flush && s->pos == s->size) {
    _write(1, s->buf, s->pos);
    s->pos = 0;
  }
  if (s->pos < s->size) s->buf[s->pos++] = c;
  s->total++;
}

static void emit_pad(sink_t* s, char c, int n) {
  while (n-- > 0) emit(s, c);
}

// Formats an unsigned value with sign/prefix, precision and width.
static void emit_number(sink_t* s, uint64_t v, unsigned base, bool upper,
                        const char* prefix, int width, int prec,
                        bool left, bool zero) {
  char digits[24];
  int n = 0;
  const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  while (v) {
    digits[n++] = set[v % base];
    v /= base;
  }
  if (prec < 0) prec = 1;
  int zeros = prec > n ? prec - n : 0;
  int plen = (int)strlen(prefix);
  int len = plen + zeros + n;
  if (zero && !left && width > len) {
    zeros += width - len;
    len = width;
  }
  if (!left) emit_pad(s, ' ', width - len);
  for (const char* p = prefix; *p; p++) emit(s, *p);
  emit_pad(s, '0', zeros);
  while (n) emit(s, digits[--n]);
  if (left) emit_pad(s, ' ', width - len);
}

static void format(sink_t* s, const char* fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      emit(s, *fmt);
      continue;
    }
    bool left = false, zero = false, plus = false, space = false, alt = false;
    for (;; fmt++) {
      char f = fmt[1];
      if (f == '-') left = true;
      else if (f == '0') zero = true;
      else if (f == '+') plus = true;
      else if (f == ' ') space = true;
      else if (f == '#') alt = true;
      else break;
    }
    fmt++;
    int width = 0;
    if (*fmt == '*') {
      width = va_arg(ap, int);
      if (width < 0) { left = true; width = -width; }
      fmt++;
    } else {
      while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    }
    int prec = -1;
    if (*fmt == '.') {
      fmt++;
      prec = 0;
      if (*fmt == '*') {
        prec = va_arg(ap, int);
        fmt++;
      } else {
        while (*fmt >= '0' && *fmt <= '9') prec = prec * 10 + (*fmt++ - '0');
      }
    }
    int lng = 0;  // 0 int, 1 long, 2 long long
    while (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 'j' || *fmt == 't') {
      if (*fmt == 'l') lng++;
      else if (*fmt == 'j') lng = 2;
      fmt++;
    }
    char c = *fmt;
    if (c == '\0') break;
    switch (c) {
      case 'd': case 'i': {
        int64_t v = lng >= 2 ? va_arg(ap, long long)
                  : lng == 1 ? va_arg(ap, long) : va_arg(ap, int);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        const char* sign = v < 0 ? "-" : plus ? "+" : space ? " " : "";
        emit_number(s, u, 10, false, sign, width, prec, left, zero && prec < 0);
        break;
      }
      case 'u': case 'x': case 'X': case 'o': {
        uint64_t u = lng >= 2 ? va_arg(ap, unsigned long long)
                   : lng == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
        unsigned base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
        const char* prefix = "";
        if (alt && u != 0) prefix = c == 'x' ? "0x" : c == 'X' ? "0X" : c == 'o' ? "0" : "";
        emit_number(s, u, base, c == 'X', prefix, width, prec, left, zero && prec < 0);
        break;
      }
      case 'p': {
        uintptr_t u = (uintptr_t)va_arg(ap, void*);
        emit_number(s, u, 16, false, "0x", width, 8, left, false);
        break;
      }
      case 'c': {
        if (!left) emit_pad(s, ' ', width - 1);
        emit(s, (char)va_arg(ap, int));
        if (left) emit_pad(s, ' ', width - 1);
        break;
      }
      case 's': {
        const char* str = va_arg(ap, const char*);
        if (!str) str = "(null)";
        int n = 0;
        while (str[n] && (prec < 0 || n < prec)) n++;
        if (!left) emit_pad(s, ' ', width - n);
        for (int i = 0; i < n; i++) emit(s, str[i]);
        if (left) emit_pad(s, ' ', width - n);
        break;
      }
      default:  // "%%" and unknown conversions print themselves
        emit(s, c);
        break;
    }
  }
}

int vsnprintf(char* buf, size_t size, const char* fmt, va_list ap) {
  sink_t s = { buf, size ? size - 1 : 0, 0, 0, false };
  format(&s, fmt, ap);
  if (size) buf[s.pos] = '\0';
  return (int)s.total;
}

int snprintf(char* buf, size_t size, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, size, fmt, ap);
  va_end(ap);
  return n;
}

int vprintf(const char* fmt, va_list ap) {
  char buf[128];
  sink_t s = { buf, sizeof(buf), 0, 0, true };
  format(&s, fmt, ap);
  if (s.pos) _write(1, buf, s.pos);
  return (int)s.total;
}

int printf(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vprintf(fmt, ap);
  va_end(ap);
  return n;
}

int puts(const char* str) {
  printf("%s\n", str);
  return 1;
}

int putchar(int c) {
  char ch = (char)c;
  _write(1, &ch, 1);
  return (unsigned char)c;
}
