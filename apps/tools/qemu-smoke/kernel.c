// A stand-in Tock kernel for smoke-testing the userland on real ARM
// semantics (qemu-system-arm -M mps2-an386), independent of tockemu.
//
// It is NOT an implementation of Tock: one process, no scheduler, no real
// timers (virtual time: +1000 ticks per syscall, and a blocking yield jumps
// to the pending alarm), no grants (the top 2 KiB of the RAM block stand in
// for the grant region), console output through semihosting. It follows
// /work/shared/tock-abi.md closely enough to run every test app whose
// drivers it has: alarm, console (write), LED, button, GPIO, RNG,
// temperature, low-level debug. Kernel messages start with "[k] ".
#include <stddef.h>
#include <stdint.h>

extern uint8_t app_tbf[];

#define MEM_START 0x20010000u
#define MEM_LEN   0x4000u
#define GRANT     (MEM_START + MEM_LEN - 0x800u)  // MPU: top subregion off
#define FREQ      (32768u << 8)                   // 24-bit timer, left-justified
#define QUEUE_LEN 10

enum { FAILURE = 0, FAILURE_2U32 = 2, SUCCESS = 128, SUCCESS_U32 = 129, SUCCESS_2U32 = 130 };
enum { E_FAIL = 1, E_ALREADY = 3, E_INVAL = 6, E_NOMEM = 9, E_NOSUPPORT = 10, E_NODEVICE = 11 };

typedef struct { uint32_t fn, ud; } upcall_t;
typedef struct { uint32_t drv, sub, a0, a1, a2; int is_call; } task_t;

uint32_t proc_psp;                           // read by start.S
static uint32_t flash_start, flash_end, app_start, entry;
static uint32_t brk, allow_hwm, now, restarts;
static task_t queue[QUEUE_LEN];
static int queued;
static int alarm_armed;
static uint32_t alarm_ref, alarm_dt;
static upcall_t up_alarm, up_console[3], up_button, up_gpio, up_rng, up_temp;
static uint32_t ro_ptr[2], ro_len[2], rw_ptr[2], rw_len[2], rng_ptr, rng_len, rng_state;

// ---- output -----------------------------------------------------------------

static void semihost(uint32_t op, const void* arg) {
  register uint32_t r0 asm ("r0") = op;
  register const void* r1 asm ("r1") = arg;
  asm volatile ("bkpt 0xab" : "+r" (r0) : "r" (r1) : "memory");
}
static void kputc(char c) { semihost(3, &c); }
static void kputs(const char* s) { while (*s) kputc(*s++); }
static void kputx(uint32_t v) {
  kputs("0x");
  for (int i = 28; i >= 0; i -= 4) kputc("0123456789abcdef"[(v >> i) & 15]);
}
static void kexit(void) {
  semihost(0x18, (void*)0x20026);  // ADP_Stopped_ApplicationExit
  for (;;) {}
}

// ---- TBF and process ----------------------------------------------------------

static void load_tbf(void) {
  uint8_t* t = app_tbf;
  uint32_t header_size = *(uint16_t*)(t + 2), init = 0, trailer = 0;
  if (*(uint16_t*)t != 2) { kputs("[k] not a TBF\n"); kexit(); }
  for (uint32_t o = 16; o + 4 <= header_size;) {
    uint32_t type = *(uint16_t*)(t + o), len = *(uint16_t*)(t + o + 2);
    if (type == 1 || type == 9) {  // Main or Program
      init = *(uint32_t*)(t + o + 4);
      trailer = *(uint32_t*)(t + o + 8);
    }
    o += 4 + ((len + 3) & ~3u);
  }
  flash_start = (uint32_t)t;
  flash_end = flash_start + *(uint32_t*)(t + 4);
  app_start = flash_start + header_size + trailer;
  entry = flash_start + header_size + init;
}

static void start_process(int first) {
  uint32_t* frame = (uint32_t*)MEM_START;
  if (first) {
    for (uint32_t p = MEM_START; p < MEM_START + MEM_LEN; p += 4) *(uint32_t*)p = 0;
  }
  brk = MEM_START + 32;
  allow_hwm = MEM_START;
  queued = 0;
  alarm_armed = 0;
  up_alarm = up_button = up_gpio = up_rng = up_temp = (upcall_t){ 0, 0 };
  for (int i = 0; i < 3; i++) up_console[i] = (upcall_t){ 0, 0 };
  for (int i = 0; i < 2; i++) ro_ptr[i] = ro_len[i] = rw_ptr[i] = rw_len[i] = 0;
  rng_ptr = rng_len = 0;
  rng_state = 12345;
  frame[0] = app_start;
  frame[1] = MEM_START;
  frame[2] = MEM_LEN;
  frame[3] = brk;
  // frame[4] (r12) is left alone, as Tock does.
  frame[5] = 1;                 // lr
  frame[6] = entry & ~1u;       // pc
  frame[7] = 0x01000000;        // xPSR: Thumb
  proc_psp = MEM_START;
}

static void mpu_setup(void) {
  volatile uint32_t* mpu = (uint32_t*)0xE000ED90;  // TYPE CTRL RNR RBAR RASR
  uint32_t size_log2 = 5;
  while ((1u << size_log2) < flash_end - flash_start) size_log2++;
  mpu[2] = 0;  // flash: read-only for both, executable
  mpu[3] = flash_start;
  mpu[4] = (0x6u << 24) | ((size_log2 - 1) << 1) | 1;
  mpu[2] = 1;  // RAM block: read-write, execute-never, top eighth disabled
  mpu[3] = MEM_START;
  mpu[4] = (1u << 28) | (0x3u << 24) | (0x80u << 8) | ((14 - 1) << 1) | 1;
  mpu[1] = 5;  // ENABLE | PRIVDEFENA
  asm volatile ("dsb\n isb");
}

// ---- upcall queue -----------------------------------------------------------------

static upcall_t* upcall_slot(uint32_t drv, uint32_t sub) {
  switch (drv) {
    case 0x0:     return sub < 1 ? &up_alarm : NULL;
    case 0x1:     return sub < 3 ? &up_console[sub] : NULL;
    case 0x3:     return sub < 1 ? &up_button : NULL;
    case 0x4:     return sub < 1 ? &up_gpio : NULL;
    case 0x40001: return sub < 1 ? &up_rng : NULL;
    case 0x60000: return sub < 1 ? &up_temp : NULL;
    default:      return NULL;
  }
}

static void enqueue(uint32_t drv, uint32_t sub, uint32_t a0, uint32_t a1, uint32_t a2) {
  if (queued == QUEUE_LEN) { kputs("[k] upcall queue full\n"); return; }
  upcall_t* u = upcall_slot(drv, sub);
  queue[queued++] = (task_t){ drv, sub, a0, a1, a2, u && u->fn };
}

static task_t take(int i) {
  task_t t = queue[i];
  for (; i < queued - 1; i++) queue[i] = queue[i + 1];
  queued--;
  return t;
}

static void check_alarm(void) {
  if (alarm_armed && now - alarm_ref >= alarm_dt) {
    alarm_armed = 0;
    enqueue(0, 0, now, alarm_ref + alarm_dt, 0);
  }
}

// Nothing to run: let virtual time jump to the alarm. 0 if nothing pends.
static int sleep_until_event(void) {
  if (!alarm_armed) return 0;
  if (now - alarm_ref < alarm_dt) now = alarm_ref + alarm_dt;
  check_alarm();
  return 1;
}

// ---- system calls -------------------------------------------------------------------

static int in_ram(uint32_t p, uint32_t n) { return p >= MEM_START && p + n >= p && p + n <= brk; }
static int in_app_flash(uint32_t p, uint32_t n) { return p >= app_start && p + n >= p && p + n <= flash_end; }

static uint32_t* frame;
static void ret(uint32_t variant, int nvals, uint32_t v1, uint32_t v2, uint32_t v3) {
  frame[0] = variant;  // registers past nvals keep the caller's values
  if (nvals > 0) frame[1] = v1;
  if (nvals > 1) frame[2] = v2;
  if (nvals > 2) frame[3] = v3;
}
#define FAIL(e)       ret(FAILURE, 1, (e), 0, 0)
#define FAIL2(e)      ret(FAILURE_2U32, 3, (e), frame[2], frame[3])
#define OK()          ret(SUCCESS, 0, 0, 0, 0)
#define OK1(v)        ret(SUCCESS_U32, 1, (v), 0, 0)
#define OK2(a, b)     ret(SUCCESS_2U32, 2, (a), (b), 0)

static void run_upcall(task_t t) {
  upcall_t* u = upcall_slot(t.drv, t.sub);
  frame[0] = t.a0; frame[1] = t.a1; frame[2] = t.a2; frame[3] = u->ud;
  frame[5] = frame[6] | 1;   // return to after the svc
  frame[6] = u->fn & ~1u;
}

static int driver_known(uint32_t d) {
  return d == 0 || d == 1 || d == 2 || d == 3 || d == 4 || d == 8 || d == 0x40001 || d == 0x60000;
}

static void sys_yield(uint32_t which, uint32_t a1, uint32_t a2) {
  for (;;) {
    if (which == 2) {  // wait-for: first matching task, no upcall
      for (int i = 0; i < queued; i++) {
        if (queue[i].drv == a1 && queue[i].sub == a2) {
          task_t t = take(i);
          frame[0] = t.a0; frame[1] = t.a1; frame[2] = t.a2;
          return;
        }
      }
    } else {
      while (queued) {
        task_t t = take(0);
        if (t.is_call) {
          if (which == 0 && in_ram(a1, 1)) *(uint8_t*)a1 = 1;
          run_upcall(t);
          return;
        }  // null-upcall events are dropped
      }
      if (which == 0) {
        if (in_ram(a1, 1)) *(uint8_t*)a1 = 0;
        return;
      }
    }
    if (!sleep_until_event()) { kputs("[k] process blocked forever\n"); kexit(); }
  }
}

static void sys_subscribe(uint32_t drv, uint32_t sub, uint32_t fn, uint32_t ud) {
  if (fn && !in_app_flash(fn & ~1u, 4) && !in_ram(fn, 4)) { FAIL2(E_INVAL); return; }
  if (!driver_known(drv)) { FAIL2(E_NODEVICE); return; }
  if (drv == 2 || drv == 8) { FAIL2(E_NOMEM); return; }  // no grant
  upcall_t* u = upcall_slot(drv, sub);
  if (!u) { FAIL2(E_NOSUPPORT); return; }
  OK2(u->fn, u->ud);
  u->fn = fn;
  u->ud = ud;
  for (int i = 0; i < queued; i++) {
    if (queue[i].drv == drv && queue[i].sub == sub && queue[i].is_call) take(i--);
  }
}

static void sys_command(uint32_t drv, uint32_t cmd, uint32_t a, uint32_t b) {
  switch (drv) {
    case 0x0:
      switch (cmd) {
        case 0: OK(); return;
        case 1: OK1(FREQ); return;
        case 2: OK1(now); return;
        case 3: if (alarm_armed) { alarm_armed = 0; OK(); } else FAIL(E_ALREADY); return;
        case 5: alarm_ref = now; alarm_dt = a; alarm_armed = 1; OK1(now + a); return;
        case 6: alarm_ref = a; alarm_dt = b; alarm_armed = 1; OK1(a + b); return;
        default: FAIL(E_NOSUPPORT); return;
      }
    case 0x1:
      if (cmd == 0) { OK(); return; }
      if (cmd == 1) {
        uint32_t n = a < ro_len[1] ? a : ro_len[1];
        for (uint32_t i = 0; i < n; i++) kputc(((char*)ro_ptr[1])[i]);
        enqueue(1, 1, n, 0, 0);
        OK();
        return;
      }
      FAIL(E_NOSUPPORT);
      return;
    case 0x2:  // 2 LEDs
      if (cmd == 0) OK1(2);
      else if (cmd > 4) FAIL(E_NOSUPPORT);
      else if (a >= 2) FAIL(E_INVAL);
      else if (cmd == 4) OK1(0);
      else OK();
      return;
    case 0x3:  // 2 buttons, never pressed
      if (cmd == 0) OK1(2);
      else if (cmd > 3) FAIL(E_NOSUPPORT);
      else if (a >= 2) FAIL(E_INVAL);
      else if (cmd == 3) OK1(0);
      else OK();
      return;
    case 0x4:  // 4 pins, reading 0
      if (cmd == 0) OK();
      else if (cmd == 10) OK1(4);
      else if (cmd > 10) FAIL(E_NOSUPPORT);
      else if (a >= 4) FAIL(E_INVAL);
      else if (cmd == 5 && b > 2) FAIL(E_NOSUPPORT);
      else if (cmd == 6) OK1(0);
      else OK();
      return;
    case 0x8:
      if (cmd == 0) { OK(); return; }
      if (cmd > 3) { FAIL(E_NOSUPPORT); return; }
      kputs("LowLevelDebug: App 0x0 ");
      kputs(cmd == 1 ? "alert code " : "prints ");
      kputx(a);
      if (cmd == 3) { kputc(' '); kputx(b); }
      kputc('\n');
      OK();
      return;
    case 0x40001:
      if (cmd == 0) { OK(); return; }
      if (cmd != 1) { FAIL(E_NOSUPPORT); return; }
      {
        uint32_t n = a < rng_len ? a : rng_len;
        for (uint32_t i = 0; i < n; i++) {
          rng_state = rng_state * 1103515245u + 12345u;
          ((uint8_t*)rng_ptr)[i] = (uint8_t)(rng_state >> 16);
        }
        enqueue(0x40001, 0, 0, n, 0);
      }
      OK();
      return;
    case 0x60000:
      if (cmd == 0) OK();
      else if (cmd == 1) { enqueue(0x60000, 0, 2250, 0, 0); OK(); }  // 22.50 C
      else FAIL(E_NOSUPPORT);
      return;
    default:
      FAIL(E_NODEVICE);
  }
}

static void sys_allow(uint32_t cls, uint32_t drv, uint32_t num, uint32_t ptr, uint32_t len) {
  if (!driver_known(drv)) { FAIL2(E_NODEVICE); return; }
  if (len && !in_ram(ptr, len) && !(cls == 4 && in_app_flash(ptr, len))) { FAIL2(E_INVAL); return; }
  if (drv == 2 || drv == 8) { FAIL2(E_NOMEM); return; }
  uint32_t *p, *l;
  if (cls == 3 && drv == 1 && num < 2) { p = &rw_ptr[num]; l = &rw_len[num]; }
  else if (cls == 4 && drv == 1 && num < 2) { p = &ro_ptr[num]; l = &ro_len[num]; }
  else if (cls == 3 && drv == 0x40001 && num == 0) { p = &rng_ptr; l = &rng_len; }
  else { FAIL2(E_NOSUPPORT); return; }
  OK2(*p, *l);
  *p = ptr;
  *l = len;
  if (len && ptr + len > allow_hwm && in_ram(ptr, len)) allow_hwm = ptr + len;
}

static void sys_memop(uint32_t op, uint32_t arg) {
  uint32_t new_brk;
  switch (op) {
    case 0: case 1:
      new_brk = op == 0 ? arg : brk + (int32_t)arg;
      if (new_brk < allow_hwm || new_brk < MEM_START || new_brk > GRANT) { FAIL(E_NOMEM); return; }
      // Like Tock, brk does not clear memory (RAM is zeroed once, at load).
      if (op == 1) OK1(brk); else OK();
      brk = new_brk;
      return;
    case 2: OK1(MEM_START); return;
    case 3: OK1(MEM_START + MEM_LEN); return;
    case 4: OK1(flash_start); return;
    case 5: OK1(flash_end); return;
    case 6: OK1(GRANT); return;
    case 7: OK1(0); return;
    case 8: case 9: FAIL(E_FAIL); return;
    case 10: case 11: OK(); return;
    default: FAIL(E_NOSUPPORT); return;
  }
}

uint32_t svc_dispatch(uint32_t psp) {
  if (psp < MEM_START || psp + 32 > brk) { kputs("[k] process fault: stack outside its memory\n"); kexit(); }
  frame = (uint32_t*)psp;
  uint32_t cls = *(uint16_t*)(frame[6] - 2) & 0xff;
  uint32_t a0 = frame[0], a1 = frame[1], a2 = frame[2], a3 = frame[3];
  now += 1000;
  check_alarm();
  switch (cls) {
    case 0:
      if (a0 > 2) { kputs("[k] process fault: bad yield\n"); kexit(); }
      sys_yield(a0, a1, a2);
      break;
    case 1: sys_subscribe(a0, a1, a2, a3); break;
    case 2: sys_command(a0, a1, a2, a3); break;
    case 3: case 4: case 7:
      if (cls == 7 && driver_known(a0)) { FAIL2(E_NOSUPPORT); break; }
      sys_allow(cls, a0, a1, a2, a3);
      break;
    case 5: sys_memop(a0, a1); break;
    case 6:
      if (a0 == 0) { kputs("[k] exit-terminate "); kputx(a1); kputc('\n'); kexit(); }
      if (a0 == 1) {
        kputs("[k] exit-restart "); kputx(a1); kputc('\n');
        if (++restarts > 5) kexit();
        start_process(0);  // RAM is not cleared on restart
        return proc_psp;
      }
      FAIL(E_NOSUPPORT);
      break;
    default:
      kputs("[k] process fault: svc "); kputx(cls); kputc('\n');
      kexit();
  }
  return psp;
}

void fault_dispatch(uint32_t psp, uint32_t exc_return) {
  uint32_t cfsr = *(volatile uint32_t*)0xE000ED28, mmfar = *(volatile uint32_t*)0xE000ED34;
  int from_process = (exc_return & 4) && psp >= MEM_START && psp + 32 <= MEM_START + MEM_LEN;
  kputs("[k] process fault: cfsr="); kputx(cfsr);
  kputs(" mmfar="); kputx(mmfar);
  kputs(" pc="); kputx(from_process ? ((uint32_t*)psp)[6] : 0);
  kputc('\n');
  kexit();
}

void kmain(void) {
  load_tbf();
  start_process(1);
  mpu_setup();
  asm volatile ("svc 0xff");  // to the process; never returns here
}
