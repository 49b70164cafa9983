// tock.c: system-call wrappers for Thumb (ARMv6-M and ARMv7-M).
//
// Arguments go in r0..r3, `svc <class>` traps, results come back in r0..r3.
// A plain Yield may run an upcall on this very stack frame: the kernel
// rewrites the svc frame so the upcall starts with LR = the instruction
// after the svc, so r0-r3, r12 and lr are clobbered across it. r4-r11 are
// callee-saved by the upcall itself (r9 is the PIC base and never changes).
#include "tock.h"

// Tell the compiler that an upcall may have run and clobbered everything
// the AAPCS lets a callee clobber.
#define YIELD_CLOBBERS "memory", "cc", "r12", "lr"

void yield(void) {
  register uint32_t r0 asm ("r0") = 1;  // yield-wait
  register uint32_t r1 asm ("r1") = 0;
  asm volatile (
    "svc 0"
    : "+r" (r0), "+r" (r1)
    :
    : "r2", "r3", YIELD_CLOBBERS);
}

int yield_no_wait(void) {
  volatile uint8_t result = 0;
  register uint32_t r0 asm ("r0") = 0;  // yield-no-wait
  register volatile uint8_t* r1 asm ("r1") = &result;
  asm volatile (
    "svc 0"
    : "+r" (r0), "+r" (r1)
    :
    : "r2", "r3", YIELD_CLOBBERS);
  return (int)result;
}

yield_waitfor_return_t yield_wait_for(uint32_t driver, uint32_t subscribe) {
  register uint32_t r0 asm ("r0") = 2;  // yield-wait-for
  register uint32_t r1 asm ("r1") = driver;
  register uint32_t r2 asm ("r2") = subscribe;
  asm volatile (
    "svc 0"
    : "+r" (r0), "+r" (r1), "+r" (r2)
    :
    : "r3", YIELD_CLOBBERS);
  yield_waitfor_return_t rv = { r0, r1, r2 };
  return rv;
}

void yield_for(bool* cond) {
  while (!*(volatile bool*)cond) {
    yield();
  }
}

// One svc with four inputs and four outputs. r12/lr survive non-yield
// syscalls, so only memory is clobbered.
#define SVC4(cls, a0, a1, a2, a3, o0, o1, o2, o3) do {                 \
    register uint32_t r0_ asm ("r0") = (uint32_t)(a0);                 \
    register uint32_t r1_ asm ("r1") = (uint32_t)(a1);                 \
    register uint32_t r2_ asm ("r2") = (uint32_t)(a2);                 \
    register uint32_t r3_ asm ("r3") = (uint32_t)(a3);                 \
    asm volatile ("svc " #cls                                          \
                  : "+r" (r0_), "+r" (r1_), "+r" (r2_), "+r" (r3_)     \
                  :                                                    \
                  : "memory");                                         \
    (o0) = r0_; (o1) = r1_; (o2) = r2_; (o3) = r3_;                    \
} while (0)

subscribe_return_t subscribe(uint32_t driver, uint32_t subscribe,
                             subscribe_upcall uc, void* userdata) {
  uint32_t t, v1, v2, v3;
  SVC4(1, driver, subscribe, uc, userdata, t, v1, v2, v3);
  if (t == TOCK_SYSCALL_SUCCESS_U32_U32) {
    subscribe_return_t rv = { true, (subscribe_upcall*)v1, (void*)v2, 0 };
    return rv;
  } else if (t == TOCK_SYSCALL_FAILURE_U32_U32) {
    subscribe_return_t rv = { false, (subscribe_upcall*)v2, (void*)v3, (statuscode_t)v1 };
    return rv;
  }
  tock_exit((uint32_t)-1);  // the kernel broke TRD104
}

syscall_return_t command(uint32_t driver, uint32_t command, int arg1, int arg2) {
  uint32_t t, v1, v2, v3;
  SVC4(2, driver, command, arg1, arg2, t, v1, v2, v3);
  syscall_return_t rv = { (syscall_rtype_t)t, { v1, v2, v3 } };
  return rv;
}

// The three allow classes share their result encoding.
#define ALLOW_BODY(cls, rtype, ptrtype)                                        \
  uint32_t t, v1, v2, v3;                                                      \
  SVC4(cls, driver, allow, ptr, size, t, v1, v2, v3);                          \
  if (t == TOCK_SYSCALL_SUCCESS_U32_U32) {                                     \
    rtype rv = { true, (ptrtype)v1, (size_t)v2, 0 };                           \
    return rv;                                                                 \
  } else if (t == TOCK_SYSCALL_FAILURE_U32_U32) {                              \
    rtype rv = { false, (ptrtype)v2, (size_t)v3, (statuscode_t)v1 };           \
    return rv;                                                                 \
  }                                                                            \
  tock_exit((uint32_t)-1);

allow_rw_return_t allow_readwrite(uint32_t driver, uint32_t allow,
                                  void* ptr, size_t size) {
  ALLOW_BODY(3, allow_rw_return_t, void*)
}

allow_ro_return_t allow_readonly(uint32_t driver, uint32_t allow,
                                 const void* ptr, size_t size) {
  ALLOW_BODY(4, allow_ro_return_t, const void*)
}

allow_userspace_r_return_t allow_userspace_read(uint32_t driver, uint32_t allow,
                                                void* ptr, size_t size) {
  ALLOW_BODY(7, allow_userspace_r_return_t, void*)
}

memop_return_t memop(uint32_t op, int arg1) {
  uint32_t t, v1, v2, v3;
  SVC4(5, op, arg1, 0, 0, t, v1, v2, v3);
  (void)v2; (void)v3;
  memop_return_t rv;
  if (t == TOCK_SYSCALL_SUCCESS) {
    rv.status = TOCK_STATUSCODE_SUCCESS; rv.data = 0;
  } else if (t == TOCK_SYSCALL_SUCCESS_U32) {
    rv.status = TOCK_STATUSCODE_SUCCESS; rv.data = v1;
  } else if (t == TOCK_SYSCALL_FAILURE) {
    rv.status = (statuscode_t)v1; rv.data = 0;
  } else {
    tock_exit((uint32_t)-1);
  }
  return rv;
}

void tock_exit(uint32_t completion_code) {
  register uint32_t r0 asm ("r0") = 0;  // exit-terminate
  register uint32_t r1 asm ("r1") = completion_code;
  asm volatile ("svc 6" : : "r" (r0), "r" (r1) : "memory");
  __builtin_unreachable();
}

void tock_restart(uint32_t completion_code) {
  register uint32_t r0 asm ("r0") = 1;  // exit-restart
  register uint32_t r1 asm ("r1") = completion_code;
  asm volatile ("svc 6" : : "r" (r0), "r" (r1) : "memory");
  __builtin_unreachable();
}

tock_raw_return_t tock_syscall_raw(uint32_t cls, uint32_t a0, uint32_t a1,
                                   uint32_t a2, uint32_t a3) {
  tock_raw_return_t r = { 0xFFFFFFFF, 0, 0, 0 };
  switch (cls) {
    case 1: SVC4(1, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    case 2: SVC4(2, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    case 3: SVC4(3, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    case 4: SVC4(4, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    case 5: SVC4(5, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    case 6: SVC4(6, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    case 7: SVC4(7, a0, a1, a2, a3, r.r0, r.r1, r.r2, r.r3); break;
    default: break;
  }
  return r;
}

// --- memop helpers -----------------------------------------------------------

void* tock_app_memory_begins_at(void) { return (void*)memop(2, 0).data; }
void* tock_app_memory_ends_at(void)   { return (void*)memop(3, 0).data; }
void* tock_app_flash_begins_at(void)  { return (void*)memop(4, 0).data; }
void* tock_app_flash_ends_at(void)    { return (void*)memop(5, 0).data; }
void* tock_app_grant_begins_at(void)  { return (void*)memop(6, 0).data; }
int tock_app_number_writeable_flash_regions(void) { return (int)memop(7, 0).data; }
void* tock_app_writeable_flash_region_begins_at(int i) { return (void*)memop(8, i).data; }
void* tock_app_writeable_flash_region_ends_at(int i)   { return (void*)memop(9, i).data; }

// --- conversions --------------------------------------------------------------

int tock_status_to_returncode(statuscode_t status) {
  // ErrorCode n maps to -n; 0 is success.
  return -(int)status;
}

int tock_command_return_novalue_to_returncode(syscall_return_t ret) {
  if (ret.type == TOCK_SYSCALL_SUCCESS) return RETURNCODE_SUCCESS;
  if (ret.type == TOCK_SYSCALL_FAILURE) return tock_status_to_returncode(ret.data[0]);
  return RETURNCODE_EBADRVAL;
}

int tock_command_return_u32_to_returncode(syscall_return_t ret, uint32_t* val) {
  if (ret.type == TOCK_SYSCALL_SUCCESS_U32) {
    *val = ret.data[0];
    return RETURNCODE_SUCCESS;
  }
  if (ret.type == TOCK_SYSCALL_FAILURE) return tock_status_to_returncode(ret.data[0]);
  return RETURNCODE_EBADRVAL;
}

int tock_subscribe_return_to_returncode(subscribe_return_t ret) {
  return ret.success ? RETURNCODE_SUCCESS : tock_status_to_returncode(ret.status);
}

int tock_allow_rw_return_to_returncode(allow_rw_return_t ret) {
  return ret.success ? RETURNCODE_SUCCESS : tock_status_to_returncode(ret.status);
}

int tock_allow_ro_return_to_returncode(allow_ro_return_t ret) {
  return ret.success ? RETURNCODE_SUCCESS : tock_status_to_returncode(ret.status);
}

const char* tock_strrcode(int rcode) {
  switch (rcode) {
    case RETURNCODE_SUCCESS:      return "SUCCESS";
    case RETURNCODE_FAIL:         return "FAIL";
    case RETURNCODE_EBUSY:        return "BUSY";
    case RETURNCODE_EALREADY:     return "ALREADY";
    case RETURNCODE_EOFF:         return "OFF";
    case RETURNCODE_ERESERVE:     return "RESERVE";
    case RETURNCODE_EINVAL:       return "INVAL";
    case RETURNCODE_ESIZE:        return "SIZE";
    case RETURNCODE_ECANCEL:      return "CANCEL";
    case RETURNCODE_ENOMEM:       return "NOMEM";
    case RETURNCODE_ENOSUPPORT:   return "NOSUPPORT";
    case RETURNCODE_ENODEVICE:    return "NODEVICE";
    case RETURNCODE_EUNINSTALLED: return "UNINSTALLED";
    case RETURNCODE_ENOACK:       return "NOACK";
    case RETURNCODE_EBADRVAL:     return "BADRVAL";
    default:                      return "?";
  }
}

bool driver_exists(uint32_t driver) {
  syscall_return_t r = command(driver, 0, 0, 0);
  return r.type >= TOCK_SYSCALL_SUCCESS;
}
