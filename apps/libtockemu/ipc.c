#include "mini_libc.h"

#include "ipc.h"

int ipc_discover(const char* pkg_name, uint32_t* svc_id) {
  allow_ro_return_t a = allow_readonly(DRIVER_NUM_IPC, 0, pkg_name, strlen(pkg_name));
  if (!a.success) return tock_status_to_returncode(a.status);
  int rc = tock_command_return_u32_to_returncode(command(DRIVER_NUM_IPC, 1, 0, 0), svc_id);
  allow_readonly(DRIVER_NUM_IPC, 0, NULL, 0);
  return rc;
}

int ipc_register_service_callback(const char* pkg_name, subscribe_upcall uc, void* ud) {
  uint32_t id;
  int rc = ipc_discover(pkg_name, &id);
  if (rc != RETURNCODE_SUCCESS) return rc;
  return tock_subscribe_return_to_returncode(subscribe(DRIVER_NUM_IPC, id, uc, ud));
}

int ipc_register_client_callback(uint32_t svc_id, subscribe_upcall uc, void* ud) {
  return tock_subscribe_return_to_returncode(subscribe(DRIVER_NUM_IPC, svc_id, uc, ud));
}

int ipc_notify_service(uint32_t svc_id) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_IPC, 2, (int)svc_id, 0));
}

int ipc_notify_client(uint32_t client_id) {
  return tock_command_return_novalue_to_returncode(command(DRIVER_NUM_IPC, 3, (int)client_id, 0));
}

int ipc_share(uint32_t svc_id, void* base, uint32_t len) {
  return tock_allow_rw_return_to_returncode(allow_readwrite(DRIVER_NUM_IPC, svc_id, base, len));
}
