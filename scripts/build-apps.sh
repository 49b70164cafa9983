#!/usr/bin/env bash
# build-apps.sh [TARGET...] [VAR=value...]: build the C userland in apps/.
#
#   scripts/build-apps.sh                  ELFs and TBFs -> apps/build/<arch>/<name>.{elf,tbf}
#   scripts/build-apps.sh elfs             ELFs only (no Java needed)
#   scripts/build-apps.sh prebuilt         refresh apps/prebuilt/<arch>/<name>.tbf
#   scripts/build-apps.sh check-prebuilt   rebuild in a temp dir, diff against apps/prebuilt
#   scripts/build-apps.sh APPS="hello blink" ARCHS=cortex-m4
#
# Needs arm-none-eabi-gcc (Debian: gcc-arm-none-eabi); TBFs also need the
# packer, `scripts/tockemu tbf pack` (override with TBFPACK=...).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v arm-none-eabi-gcc >/dev/null 2>&1; then
    echo "build-apps: arm-none-eabi-gcc not found (apt-get install gcc-arm-none-eabi)" >&2
    exit 1
fi

exec make -C "$root/apps" -j"$(nproc 2>/dev/null || echo 4)" "$@"
