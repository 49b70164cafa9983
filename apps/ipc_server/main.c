// ipc_server: an IPC service named "ipc_server" (its TBF package name).
// Each notification carries the client's shared buffer; the service adds
// 1 to its first word and notifies the client back. Runs forever.
// Load it together with ipc_client.
#include "ipc.h"
#include "mini_libc.h"

static void request(int client, int len, int buf, void* ud) {
  (void)ud;
  if (len >= 4) {
    uint32_t* word = (uint32_t*)buf;
    *word += 1;
  }
  printf("[ipc_server] request, len %d\n", len);
  ipc_notify_client((uint32_t)client);
}

int main(void) {
  int rc = ipc_register_service_callback("ipc_server", request, NULL);
  printf("[ipc_server] register: %s\n", tock_strrcode(rc));
  while (1) yield();
}
