#!/usr/bin/env bash
# Side-by-side speed of the JIT, the interpreter and QEMU on the tests/bare benchmarks.
# Usage: scripts/bench-engines.sh [BENCH_ITERS|long|xl] [bench names...]
#   BENCH_ITERS (default 1000) is the benchmark run length; the ELFs are built into
#   tests/build/bench-engines-ITERS (never touching tests/build/bare). "long" runs the ~1.1 G-instruction
#   variants (make -C tests/bare bench-long), "xl" the ~11 G ones (bench-xl).
#   BENCH_SKIP_INTERP=1 leaves the interpreter out (its column shows nan).
#   BENCH_REPS=N runs each engine N times on each ELF and reports the fastest run of each
#   (default 1): on a shared machine run-to-run spread is a few percent for all three engines.
# Wall clock includes start-up (JVM or QEMU) for every engine, tockemu run as scripts/tockemu runs it; tockemu's own --stats JSON
# gives the instruction and cycle counts, which must be identical for jit and interp.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
iters="${1:-1000}"; shift || true
benches=("$@")
[[ ${#benches[@]} -eq 0 ]] && benches=(crc32 matmul sort sha256 coremark_mix)
case "$iters" in
    long|xl) out="$root/tests/build/bare/$iters"; mkargs=() ;;
    *[!0-9]*|'') echo "bench-engines.sh: BENCH_ITERS must be a number, long or xl (got '$iters')" >&2; exit 2 ;;
    *) out="$root/tests/build/bench-engines-$iters"; mkargs=(OUT="$out" BENCH_ITERS="$iters") ;;
esac
mkdir -p "$out"
targets=()
for b in "${benches[@]}"; do targets+=("$out/bench_$b.elf"); done
make -s -C "$root/tests/bare" "${mkargs[@]}" "${targets[@]}" >/dev/null
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# build the jar once, outside the timings, and run a private copy (others' edits must not trigger rebuilds mid-run)
# through the launcher, so with the same JVM options (scripts/jvm-options, TOCKEMU_JAVA_OPTS) and its
# class-data-sharing archive, made next to the copy by the first call, also outside the timings
"$root/scripts/tockemu" --version >/dev/null
cp "$root/kernel/target/tockemu.jar" "$tmp/tockemu.jar"
jvm=(env TOCKEMU_JAR="$tmp/tockemu.jar" "$root/scripts/tockemu")
"${jvm[@]}" --version >/dev/null
ratio() { if [[ "$1" == nan || "$2" == nan* ]]; then echo nan; else echo "$1 / ($2)" | bc -l; fi; }
json() { sed -n "s/.*\"$2\": *\([0-9.]*\).*/\1/p" "$1" | head -1; }
qemu=(qemu-system-arm -M mps2-an386 -nographic -monitor none -serial stdio -semihosting-config enable=on,target=native)
# timed CMD...: runs CMD, leaves "wall cpu" (seconds; cpu = user + sys, all threads) in $tmp/t
timed() { /usr/bin/time -f "%e %U %S" -o "$tmp/t.raw" "$@" || true; tail -1 "$tmp/t.raw" | awk '{printf "%s %.2f\n", $1, $2 + $3}' >"$tmp/t"; }
reps="${BENCH_REPS:-1}"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "bench-engines.sh: BENCH_REPS must be a positive number (got '$reps')" >&2; exit 2; }
# best OUT CMD...: runs CMD $reps times (stdout and stderr to OUT), leaves the fastest "wall cpu" in $tmp/t
best() {
    local out="$1" w c bw="" bc=""; shift
    for ((r = 0; r < reps; r++)); do
        timed "$@" >"$out" 2>&1 </dev/null; read -r w c <"$tmp/t"
        if [[ -z "$bw" ]] || awk -v a="$w" -v b="$bw" 'BEGIN{exit !(a < b)}'; then bw="$w"; bc="$c"; fi
    done
    echo "$bw $bc" >"$tmp/t"
}
echo "wall-clock seconds incl. start-up (cpu seconds, all threads, in parentheses); ratios on wall clock$( ((reps > 1)) && echo "; fastest of $reps runs each")"
printf "%-13s %11s %15s %15s %13s %7s %8s %8s %5s\n" bench instructions interp_s jit_s qemu_s jit/int jit/qemu jit_MIPS same
for b in "${benches[@]}"; do
    elf="$out/bench_$b.elf"
    if [[ -n "${BENCH_SKIP_INTERP:-}" ]]; then
        # the jit's run under the interpreter's name: jit/int reads 1, instruction counts still compared
        timed "${jvm[@]}" bare --engine jit --stats "$tmp/i.json" "$elf" >"$tmp/i.out" 2>&1; iw=nan; ic=nan
    else
        best "$tmp/i.out" "${jvm[@]}" bare --engine interp --stats "$tmp/i.json" "$elf"; read -r iw ic <"$tmp/t"
    fi
    best "$tmp/j.out" "${jvm[@]}" bare --engine jit --stats "$tmp/j.json" "$elf"; read -r jw jc <"$tmp/t"
    if command -v qemu-system-arm >/dev/null; then
        best "$tmp/q.out" timeout 600 "${qemu[@]}" -kernel "$elf"; read -r qw qc <"$tmp/t"
    else
        qw=nan; qc=nan; : >"$tmp/q.out"
    fi
    ni=$(json "$tmp/i.json" instructions); nj=$(json "$tmp/j.json" instructions)
    ci=$(json "$tmp/i.json" cycles); cj=$(json "$tmp/j.json" cycles)
    same=yes
    [[ "$ni" == "$nj" && "$ci" == "$cj" ]] && cmp -s "$tmp/i.out" "$tmp/j.out" || same=NO
    [[ -s "$tmp/q.out" ]] && ! cmp -s "$tmp/q.out" "$tmp/j.out" && same="$same/qemu-differs"
    printf "%-13s %11s %7.2f (%5.2f) %7.2f (%5.2f) %6.2f (%4.2f) %7.2f %8.2f %8.1f %5s\n" "$b" "$nj" "$iw" "$ic" "$jw" "$jc" "$qw" "$qc" \
        "$(ratio "$iw" "$jw")" "$(ratio "$qw" "$jw")" "$(ratio "$nj" "$jw * 1000000")" "$same"
done
