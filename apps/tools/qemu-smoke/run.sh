#!/bin/sh
# run.sh APP.tbf: run one TBF on qemu-system-arm (mps2-an386, Cortex-M4)
# under the stand-in kernel in this directory; the app's console output and
# the kernel's "[k] ..." lines go to stdout. Cortex-M0 builds run too (their
# Thumb code is a subset). SMOKE_TIMEOUT (seconds, default 20) bounds a run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tbf=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$tbf" "$tmp/app.tbf"
arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -Os -nostdlib -ffreestanding -Wall \
  -Wa,-I"$tmp" -T "$here/link.ld" "$here/start.S" "$here/kernel.c" -o "$tmp/kernel.elf"
timeout "${SMOKE_TIMEOUT:-20}" qemu-system-arm -M mps2-an386 -nographic -semihosting \
  -monitor none -serial none -kernel "$tmp/kernel.elf" 2>&1
