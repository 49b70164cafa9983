#!/bin/sh
# run.sh APP.tbf: run one TBF under the stand-in kernel in this directory,
# on qemu-system-arm -M mps2-an386 (Cortex-M4) or, with SMOKE_EMU=tockemu,
# on tockemu's bare-metal runner (the same ELF; $TOCKEMU, default
# scripts/tockemu). The app's console output and the kernel's "[k] ..."
# lines go to stdout. Cortex-M0 builds run too (their Thumb code is a
# subset). SMOKE_TIMEOUT (seconds, default 20) bounds a run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tbf=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$tbf" "$tmp/app.tbf"
arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -Os -nostdlib -ffreestanding -Wall \
  -Wa,-I"$tmp" -T "$here/link.ld" "$here/start.S" "$here/kernel.c" -o "$tmp/kernel.elf"
case "${SMOKE_EMU:-qemu}" in
  qemu)
    timeout "${SMOKE_TIMEOUT:-20}" qemu-system-arm -M mps2-an386 -nographic -semihosting \
      -monitor none -serial none -kernel "$tmp/kernel.elf" 2>&1 ;;
  tockemu)
    # shellcheck disable=SC2086  # TOCKEMU may be a command with arguments
    timeout "${SMOKE_TIMEOUT:-20}" ${TOCKEMU:-$here/../../../scripts/tockemu} bare \
      "$tmp/kernel.elf" 2>&1 ;;
  *) echo "run.sh: SMOKE_EMU must be qemu or tockemu" >&2; exit 2 ;;
esac
