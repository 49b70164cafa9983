#!/bin/sh
# check-elf.sh ELF: sanity checks on a linked tockemu app.
#  1. position independence: code in flash must not contain absolute
#     addresses (they would point at the link-time sentinels), i.e. no
#     absolute relocations against .text;
#  2. the entry point is _start, inside .text, in Thumb state.
set -eu
elf=$1
READELF=${READELF:-arm-none-eabi-readelf}

abs=$("$READELF" -rW "$elf" | awk '
  /^Relocation section/ { sec = $3; gsub(/\047/, "", sec); next }
  sec == ".rel.text" && ($3 ~ /R_ARM_ABS32|R_ARM_THM_MOV[WT]_ABS|R_ARM_MOV[WT]_ABS/) { print }')
if [ -n "$abs" ]; then
  echo "check-elf: $elf: absolute relocations in .text (not PIC):" >&2
  echo "$abs" | head -5 >&2
  exit 1
fi

entry=$("$READELF" -h "$elf" | awk '/Entry point/ { print $4 }')
start=$("$READELF" -sW "$elf" | awk '$8 == "_start" { print "0x" $2 }')
if [ $((entry)) -ne $((start | 1)) ]; then
  echo "check-elf: $elf: entry $entry is not _start|1 ($start)" >&2
  exit 1
fi
