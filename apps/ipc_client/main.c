// ipc_client: finds the "ipc_server" service, shares a 64-byte buffer with
// it (power-of-two size and alignment, so an MPU region can expose it),
// and asks it three times to increment a counter. Expected transcript:
//   [ipc_client] discover: SUCCESS
//   [ipc_client] reply 42
//   [ipc_client] reply 43
//   [ipc_client] reply 44
//   [ipc_client] done
// interleaved with the server's "[ipc_server] request, len 64" lines.
#include "alarm.h"
#include "ipc.h"
#include "mini_libc.h"

static uint32_t shared[16] __attribute__((aligned(64)));
static bool replied;

static void reply(int svc, int len, int buf, void* ud) {
  (void)svc; (void)len; (void)buf; (void)ud;
  replied = true;
}

int main(void) {
  delay_ms(10);  // let the server register first
  uint32_t svc = 0;
  int rc = ipc_discover("ipc_server", &svc);
  printf("[ipc_client] discover: %s\n", tock_strrcode(rc));
  if (rc != RETURNCODE_SUCCESS) return 1;
  ipc_register_client_callback(svc, reply, NULL);
  ipc_share(svc, shared, sizeof(shared));
  shared[0] = 41;
  for (int i = 0; i < 3; i++) {
    replied = false;
    ipc_notify_service(svc);
    yield_for(&replied);
    printf("[ipc_client] reply %lu\n", (unsigned long)shared[0]);
  }
  printf("[ipc_client] done\n");
  return 0;
}
