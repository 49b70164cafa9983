// tocktest.h: deterministic test transcripts.
//
// Every check prints exactly one line, "ok: <what>" or
// "FAIL: <what> (got 0x.., expected 0x..)"; values appear only on failure,
// so a passing run prints the same text on every kernel and memory layout.
// test_end() prints "[<name>] done: <n> ok, <m> failed" and returns m.
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "mini_libc.h"
#include "tock.h"

void test_begin(const char* name);
bool test_check(bool cond, const char* what);
bool test_eq(uint32_t got, uint32_t expected, const char* what);
void test_skip(const char* what);
int test_end(void);

int main(void);

// Busy-wait (without yielding) for at least `ticks` alarm ticks, so that
// kernel events can queue up while this process keeps running.
void test_spin_ticks(uint32_t ticks);
