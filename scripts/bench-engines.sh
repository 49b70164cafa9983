#!/usr/bin/env bash
# Side-by-side speed of the JIT, the interpreter and QEMU on the tests/bare benchmarks.
# Usage: scripts/bench-engines.sh [BENCH_ITERS] [bench names...]
#   BENCH_ITERS (default 1000) is the benchmark run length; the ELFs are built into
#   tests/build/bench-engines-ITERS (never touching tests/build/bare).
# Wall clock includes start-up (JVM or QEMU) for every engine; tockemu's own --stats JSON
# gives the instruction and cycle counts, which must be identical for jit and interp.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
iters="${1:-1000}"; shift || true
benches=("$@")
[[ ${#benches[@]} -eq 0 ]] && benches=(crc32 matmul sort sha256 coremark_mix)
out="$root/tests/build/bench-engines-$iters"
mkdir -p "$out"
targets=()
for b in "${benches[@]}"; do targets+=("$out/bench_$b.elf"); done
make -s -C "$root/tests/bare" OUT="$out" BENCH_ITERS="$iters" "${targets[@]}" >/dev/null
"$root/scripts/tockemu" --version >/dev/null 2>&1 || true   # build the jar once, outside the timings
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
json() { sed -n "s/.*\"$2\": *\([0-9.]*\).*/\1/p" "$1" | head -1; }
qemu=(qemu-system-arm -M mps2-an386 -nographic -monitor none -serial stdio -semihosting-config enable=on,target=native)
printf "%-14s %12s %9s %9s %9s %8s %8s %9s %6s\n" bench instructions interp_s jit_s qemu_s jit/int jit/qemu jit_MIPS same
for b in "${benches[@]}"; do
    elf="$out/bench_$b.elf"
    t0=$(now); "$root/scripts/tockemu" bare --engine interp --stats "$tmp/i.json" "$elf" >"$tmp/i.out" 2>&1 || true; t1=$(now)
    "$root/scripts/tockemu" bare --engine jit --stats "$tmp/j.json" "$elf" >"$tmp/j.out" 2>&1 || true; t2=$(now)
    if command -v qemu-system-arm >/dev/null; then
        timeout 600 "${qemu[@]}" -kernel "$elf" >"$tmp/q.out" 2>&1 </dev/null || true; t3=$(now)
        qs=$(echo "$t3 - $t2" | bc -l)
    else
        qs=nan; : >"$tmp/q.out"
    fi
    is=$(echo "$t1 - $t0" | bc -l); js=$(echo "$t2 - $t1" | bc -l)
    ni=$(json "$tmp/i.json" instructions); nj=$(json "$tmp/j.json" instructions)
    ci=$(json "$tmp/i.json" cycles); cj=$(json "$tmp/j.json" cycles)
    same=yes
    [[ "$ni" == "$nj" && "$ci" == "$cj" ]] && cmp -s "$tmp/i.out" "$tmp/j.out" || same=NO
    [[ -s "$tmp/q.out" ]] && ! diff -q <(tr -d '\r' <"$tmp/q.out") "$tmp/j.out" >/dev/null && same="$same/qemu-differs"
    printf "%-14s %12s %9.2f %9.2f %9.2f %8.2f %8.2f %9.1f %6s\n" "$b" "$nj" "$is" "$js" "$qs" \
        "$(echo "$is / $js" | bc -l)" "$(echo "$qs / $js" | bc -l)" "$(echo "$nj / $js / 1000000" | bc -l)" "$same"
done
