// eval_gpio_irq: interrupt-to-process latency (paper Table 5, "Tock
// process" row). GPIO pin 0 is an input with a rising-edge interrupt; each
// upcall sets output pin 1 and clears it again, so the latency is the time
// from the edge on pin 0 to the rising edge on pin 1. Runs forever; prints
// one line at start and one every 100 interrupts.
#include "gpio.h"
#include "mini_libc.h"

#define IN_PIN 0
#define OUT_PIN 1

static uint32_t count;

static void edge(int pin, int level, int unused, void* ud) {
  (void)pin; (void)level; (void)unused; (void)ud;
  libtock_gpio_set(OUT_PIN);
  libtock_gpio_clear(OUT_PIN);
  count++;
}

int main(void) {
  int rc = libtock_gpio_enable_output(OUT_PIN);
  if (rc == RETURNCODE_SUCCESS) rc = libtock_gpio_clear(OUT_PIN);
  if (rc == RETURNCODE_SUCCESS) rc = libtock_gpio_enable_input(IN_PIN, libtock_pull_down);
  if (rc == RETURNCODE_SUCCESS) rc = libtock_gpio_subscribe(edge, NULL);
  if (rc == RETURNCODE_SUCCESS) rc = libtock_gpio_enable_interrupt(IN_PIN, libtock_rising_edge);
  printf("[eval_gpio_irq] pin %d rising edge -> pulse on pin %d: %s\n", IN_PIN, OUT_PIN,
         tock_strrcode(rc));
  if (rc != RETURNCODE_SUCCESS) return 1;
  uint32_t reported = 0;
  for (;;) {
    yield();
    if (count - reported >= 100) {
      reported = count;
      printf("[eval_gpio_irq] %lu interrupts\n", (unsigned long)count);
    }
  }
}
