// eval_ipc: IPC round-trip cost (two context switches per trip, plus the
// upcalls). Load with ipc_server. Runs N round trips through the server's
// increment service and prints
//   [eval_ipc] <N> round trips, <ticks> ticks, <ns> ns/trip, counter <N>
#include "alarm.h"
#include "ipc.h"
#include "mini_libc.h"

#define N 1000

static uint32_t shared[16] __attribute__((aligned(64)));
static bool replied;

static void reply(int svc, int len, int buf, void* ud) {
  (void)svc; (void)len; (void)buf; (void)ud;
  replied = true;
}

int main(void) {
  delay_ms(10);  // let the server register first
  uint32_t svc = 0, freq = 0, t0 = 0, t1 = 0;
  if (ipc_discover("ipc_server", &svc) != RETURNCODE_SUCCESS) {
    printf("[eval_ipc] no ipc_server\n");
    return 1;
  }
  ipc_register_client_callback(svc, reply, NULL);
  ipc_share(svc, shared, sizeof(shared));
  shared[0] = 0;
  libtock_alarm_command_get_frequency(&freq);
  libtock_alarm_command_read(&t0);
  for (int i = 0; i < N; i++) {
    replied = false;
    ipc_notify_service(svc);
    yield_for(&replied);
  }
  libtock_alarm_command_read(&t1);
  uint64_t ns = freq ? ((uint64_t)(t1 - t0) * 1000000000u) / ((uint64_t)freq * N) : 0;
  printf("[eval_ipc] %d round trips, %lu ticks, %lu ns/trip, counter %lu\n", N,
         (unsigned long)(t1 - t0), (unsigned long)ns, (unsigned long)shared[0]);
  return 0;
}
