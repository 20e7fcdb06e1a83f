#!/usr/bin/env bash
# Scale benchmark: full builds of a generated dataset of 100 areas x 50 indicators x 10 years at
# 1/4x, 1x and 4x size (gen_scale.py scales the number of areas: 25, 100, 400), measured side by
# side in one run.
#
#   bench/run_scale.sh
#   ROUNDS=3 SCALES="0.25 1 4" JAARVERSLAG=/tmp/jv-bench-build/jaarverslag bench/run_scale.sh
#
# Every round builds each size once with --jobs 2 into an empty output folder (a cold full
# build), rotating the order of the sizes from round to round; /usr/bin/time gives wall time,
# CPU time (user + sys) and peak memory (max RSS). Prints medians, the cost per chart and per
# page, how cost grows from size to size (4x the data -> ideally 4x the time and less than 4x the
# memory), and the 1x target: within 10 s and 1 GiB on 2 cores.
# Environment: ROUNDS (3), SCALES ("0.25 1 4"), JAARVERSLAG (binary; else built in BUILD_DIR),
# OUT_DIR (where the output folders go; default the temporary work folder). OUT_DIR=/dev/shm
# measures the generator without the disk: on an ext4 file system without a journal, creating
# files within five minutes of deleting many others is several times slower (the kernel skips
# every recently deleted inode; see bench/RESULTS.md), and this benchmark deletes its outputs.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
ROUNDS="${ROUNDS:-3}"
read -r -a SCALES <<<"${SCALES:-0.25 1 4}"
J="$(find_jaarverslag)"

work="$(mktemp -d)"
out_root="$(mktemp -d -p "${OUT_DIR:-$work}")"
trap 'rm -rf "$work" "$out_root"' EXIT
results="$work/results.txt"; log="$work/log.txt"; : >"$results"; : >"$log"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "binary: $J"
echo "output folders in: $out_root ($(stat -f -c %T "$out_root"))"
for s in "${SCALES[@]}"; do
  echo "scale ${s}x: $(/usr/bin/python3 "$bench_here/gen_scale.py" "$work/data-$s" --scale "$s")," \
    "$(du -sb "$work/data-$s" | cut -f1) bytes of input"
done
echo "load average at start: $(loadavg)"
echo
n=${#SCALES[@]}
for round in $(seq 1 "$ROUNDS"); do
  for k in $(seq 0 $((n - 1))); do
    s="${SCALES[$(((k + round - 1) % n))]}"
    rm -rf "$out_root/out-$s"
    : >"$work/build-$s.txt"
    timed "$s" "$results" "$work/build-$s.txt" "$J" build --data "$work/data-$s" \
      --templates "$bench_root/templates" --out "$out_root/out-$s" --jobs 2
    grep '^built ' "$work/build-$s.txt" >"$work/built-$s.txt" || true
    echo "round $round/$ROUNDS: scale ${s}x $(tail -1 "$results" | awk '{ printf "%ss wall, %ss cpu, %d MB", $2, $3, $4 / 1024 }')" >&2
  done
done
echo "load average at end: $(loadavg)"
echo

printf '%-6s %5s %7s %7s %7s %9s %16s %9s %9s %10s %9s\n' scale pages charts files "out MB" "wall med" "wall range" "cpu med" "max RSS" "ms cpu/chart" "runs"
for s in "${SCALES[@]}"; do
  pages="$(sed -n 's/.*: \([0-9]*\) pages.*/\1/p' "$work/built-$s.txt")"
  charts="$(sed -n 's/.* \([0-9]*\) charts.*/\1/p' "$work/built-$s.txt")"
  w="$(col "$results" "$s" 2 | median)"; c="$(col "$results" "$s" 3 | median)"
  printf '%-6s %5s %7s %7s %7.0f %8.2fs %16s %8.2fs %7.0fMB %10.2f %9s\n' "${s}x" "$pages" "$charts" \
    "$(find "$out_root/out-$s" -type f | wc -l)" "$(du -sb "$out_root/out-$s" | awk '{ print $1 / 1e6 }')" \
    "$w" "$(col "$results" "$s" 2 | minmax)" "$c" "$(col "$results" "$s" 4 | median | awk '{ print $1 / 1024 }')" \
    "$(awk -v c="$c" -v n="$charts" 'BEGIN { print 1000 * c / n }')" "$(col "$results" "$s" 2 | wc -l)"
done
echo
echo "growth (each step is the data x the scale ratio; linear = the same factor):"
for k in $(seq 1 $((n - 1))); do
  a="${SCALES[$((k - 1))]}"; b="${SCALES[$k]}"
  awk -v a="$a" -v b="$b" -v wa="$(col "$results" "$a" 2 | median)" -v wb="$(col "$results" "$b" 2 | median)" \
      -v ca="$(col "$results" "$a" 3 | median)" -v cb="$(col "$results" "$b" 3 | median)" \
      -v ma="$(col "$results" "$a" 4 | median)" -v mb="$(col "$results" "$b" 4 | median)" 'BEGIN {
    printf "  %sx -> %sx (data x%g): wall x%.2f, cpu x%.2f, peak memory x%.2f\n", a, b, b / a, wb / wa, cb / ca, mb / ma }'
done
for s in "${SCALES[@]}"; do
  [ "$s" = 1 ] || continue
  awk -v w="$(col "$results" 1 2 | median)" -v m="$(col "$results" 1 4 | median)" 'BEGIN {
    printf "1x full build: %.2f s wall (target <= 10 s: %s), %.0f MB peak (target <= 1024 MB: %s)\n",
      w, (w <= 10 ? "met" : "MISSED"), m / 1024, (m / 1024 <= 1024 ? "met" : "MISSED") }'
done
