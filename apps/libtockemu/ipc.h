// ipc.h: inter-process communication (0x10000), as libtock-c uses it.
//  - discover: RO allow 0 = package name, command 1 -> SuccessU32(service id)
//  - a service subscribes its own id to receive notifications:
//    upcall (client id, shared length, shared buffer address)
//  - a client subscribes the service id for the service's replies
//  - command 2 (id) notifies a service, command 3 (id) notifies a client
//  - RW allow <service id> shares a buffer with that service
#pragma once
#include "tock.h"

#define DRIVER_NUM_IPC 0x10000

int ipc_discover(const char* pkg_name, uint32_t* svc_id);
int ipc_register_service_callback(const char* pkg_name, subscribe_upcall uc, void* ud);
int ipc_register_client_callback(uint32_t svc_id, subscribe_upcall uc, void* ud);
int ipc_notify_service(uint32_t svc_id);
int ipc_notify_client(uint32_t client_id);
int ipc_share(uint32_t svc_id, void* base, uint32_t len);
