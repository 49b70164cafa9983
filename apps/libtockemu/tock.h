// tock.h: the Tock 2.x system-call interface (TRD104), Cortex-M flavour.
//
// Names, types and return conventions follow libtock-c (libtock/tock.h) so
// that code written against one reads the same against the other. Register
// usage and return variants: /work/shared/tock-abi.md section 1.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Return variants, the value of r0 after a syscall (TRD104 section 3.2).
typedef enum {
  TOCK_SYSCALL_FAILURE              = 0,
  TOCK_SYSCALL_FAILURE_U32          = 1,
  TOCK_SYSCALL_FAILURE_U32_U32      = 2,
  TOCK_SYSCALL_FAILURE_U64          = 3,
  TOCK_SYSCALL_SUCCESS              = 128,
  TOCK_SYSCALL_SUCCESS_U32          = 129,
  TOCK_SYSCALL_SUCCESS_U32_U32      = 130,
  TOCK_SYSCALL_SUCCESS_U64          = 131,
  TOCK_SYSCALL_SUCCESS_U32_U32_U32  = 132,
  TOCK_SYSCALL_SUCCESS_U32_U64      = 133,
} syscall_rtype_t;

// Kernel ErrorCode values, as the kernel puts them in r1 (positive).
typedef enum {
  TOCK_STATUSCODE_SUCCESS     = 0,
  TOCK_STATUSCODE_FAIL        = 1,
  TOCK_STATUSCODE_BUSY        = 2,
  TOCK_STATUSCODE_ALREADY     = 3,
  TOCK_STATUSCODE_OFF         = 4,
  TOCK_STATUSCODE_RESERVE     = 5,
  TOCK_STATUSCODE_INVAL       = 6,
  TOCK_STATUSCODE_SIZE        = 7,
  TOCK_STATUSCODE_CANCEL      = 8,
  TOCK_STATUSCODE_NOMEM       = 9,
  TOCK_STATUSCODE_NOSUPPORT   = 10,
  TOCK_STATUSCODE_NODEVICE    = 11,
  TOCK_STATUSCODE_UNINSTALLED = 12,
  TOCK_STATUSCODE_NOACK       = 13,
} statuscode_t;

// Library return codes: 0 or a negated ErrorCode (libtock-c returncode_t).
typedef enum {
  RETURNCODE_SUCCESS      = 0,
  RETURNCODE_FAIL         = -1,
  RETURNCODE_EBUSY        = -2,
  RETURNCODE_EALREADY     = -3,
  RETURNCODE_EOFF         = -4,
  RETURNCODE_ERESERVE     = -5,
  RETURNCODE_EINVAL       = -6,
  RETURNCODE_ESIZE        = -7,
  RETURNCODE_ECANCEL      = -8,
  RETURNCODE_ENOMEM       = -9,
  RETURNCODE_ENOSUPPORT   = -10,
  RETURNCODE_ENODEVICE    = -11,
  RETURNCODE_EUNINSTALLED = -12,
  RETURNCODE_ENOACK       = -13,
  RETURNCODE_EBADRVAL     = -1024,  // the kernel returned an unexpected variant
} returncode_t;

// Upcall signature: the kernel passes three arguments plus the appdata.
typedef void (subscribe_upcall)(int, int, int, void*);

// Command result: r0 (variant) and r1..r3.
typedef struct {
  syscall_rtype_t type;
  uint32_t data[3];
} syscall_return_t;

typedef struct {
  bool success;
  subscribe_upcall* callback;  // previous upcall on success, ours on failure
  void* userdata;
  statuscode_t status;
} subscribe_return_t;

typedef struct {
  bool success;
  void* ptr;                   // previous buffer on success, ours on failure
  size_t size;
  statuscode_t status;
} allow_rw_return_t;

typedef struct {
  bool success;
  const void* ptr;
  size_t size;
  statuscode_t status;
} allow_ro_return_t;

typedef allow_rw_return_t allow_userspace_r_return_t;

typedef struct {
  statuscode_t status;
  uint32_t data;
} memop_return_t;

// Yield-WaitFor result: the three upcall arguments, no variant.
typedef struct {
  uint32_t data0;
  uint32_t data1;
  uint32_t data2;
} yield_waitfor_return_t;

// --- Class 0: Yield ------------------------------------------------------
// Block until an upcall has run.
void yield(void);
// Run one pending upcall if there is one; returns 1 if one ran, 0 if not.
int yield_no_wait(void);
// Block until driver/subscribe has an event; no upcall runs, its three
// arguments are returned instead (Tock 2.2+).
yield_waitfor_return_t yield_wait_for(uint32_t driver, uint32_t subscribe);
// Yield until *cond becomes true.
void yield_for(bool* cond);

// --- Class 1..7 -----------------------------------------------------------
subscribe_return_t subscribe(uint32_t driver, uint32_t subscribe,
                             subscribe_upcall uc, void* userdata);
syscall_return_t command(uint32_t driver, uint32_t command, int arg1, int arg2);
allow_rw_return_t allow_readwrite(uint32_t driver, uint32_t allow,
                                  void* ptr, size_t size);
allow_ro_return_t allow_readonly(uint32_t driver, uint32_t allow,
                                 const void* ptr, size_t size);
allow_userspace_r_return_t allow_userspace_read(uint32_t driver, uint32_t allow,
                                                void* ptr, size_t size);
memop_return_t memop(uint32_t op, int arg1);
__attribute__((noreturn)) void tock_exit(uint32_t completion_code);
__attribute__((noreturn)) void tock_restart(uint32_t completion_code);

// Raw access for tests: issue `svc cls` (cls 0..7) with r0..r3 = a0..a3 and
// return r0..r3 exactly as the kernel left them. Yield classes are not
// allowed here (an upcall would clobber the frame); use yield*() instead.
typedef struct {
  uint32_t r0, r1, r2, r3;
} tock_raw_return_t;
tock_raw_return_t tock_syscall_raw(uint32_t cls, uint32_t a0, uint32_t a1,
                                   uint32_t a2, uint32_t a3);

// --- Memop helpers (memop ops 2..9) ---------------------------------------
void* tock_app_memory_begins_at(void);
void* tock_app_memory_ends_at(void);
void* tock_app_flash_begins_at(void);
void* tock_app_flash_ends_at(void);
void* tock_app_grant_begins_at(void);
int tock_app_number_writeable_flash_regions(void);
void* tock_app_writeable_flash_region_begins_at(int region_index);
void* tock_app_writeable_flash_region_ends_at(int region_index);

// --- Return-value conversions ----------------------------------------------
int tock_status_to_returncode(statuscode_t status);
int tock_command_return_novalue_to_returncode(syscall_return_t ret);
int tock_command_return_u32_to_returncode(syscall_return_t ret, uint32_t* val);
int tock_subscribe_return_to_returncode(subscribe_return_t ret);
int tock_allow_rw_return_to_returncode(allow_rw_return_t ret);
int tock_allow_ro_return_to_returncode(allow_ro_return_t ret);
const char* tock_strrcode(int rcode);

// True if the driver answers command 0 with any success variant.
bool driver_exists(uint32_t driver);

#ifdef __cplusplus
}
#endif
