// hello: the smallest app. Prints one line and exits with code 0.
#include "mini_libc.h"

int main(void) {
  printf("Hello, World!\n");
  return 0;
}
