#!/usr/bin/env bash
# Regeneration benchmark on the example (data/): full builds and an incremental rebuild after
# one corrected figure, measured side by side in one run.
#
#   bench/run_regeneration.sh
#   RUNS=7 JAARVERSLAG=/tmp/jv-bench-build/jaarverslag bench/run_regeneration.sh
#
# Copies data/ to a temporary folder. Every round runs, interleaved, with wall and CPU time
# (user + sys) from /usr/bin/time:
#   full-warm-j2  build --force --jobs 2 into the warm output folder (every picture repainted)
#   full-warm-j1  the same with --jobs 1 (rounds alternate which of the two goes first)
#   full-cold     build --jobs 2 into an empty output folder (removed again afterwards)
#   incremental   one figure corrected in data/values/jaarverslag-2023.csv (aandeel-preventie,
#                 amsterdam, 2023: 27 <-> 26, alternating so every round is a real change), then
#                 build --jobs 2 into the warm output folder
# and prints medians, ranges and the ratios incremental / full (target <= 5%) and jobs 1 / 2.
# Then the editor's loop: `jaarverslag serve` on its own copy of the data, the same figure
# corrected RUNS times, each rebuild's time as serve reports it (inside the running process,
# from the start of the build to the new site in place; without the 200 ms it waits for a save
# to settle), compared with the full builds above.
# At the end the incremental output is compared byte for byte with a cold build of the same data.
# Environment: RUNS (7), JAARVERSLAG (binary; else built in BUILD_DIR, default build/bench-release).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
RUNS="${RUNS:-7}"
J="$(find_jaarverslag)"
T="$bench_root/templates"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$bench_root/data" "$work/data"
csv="$work/data/values/jaarverslag-2023.csv"
key='aandeel-preventie,amsterdam,2023,'
grep -q "^${key}27," "$csv" || { echo "expected line ${key}27,... in $csv" >&2; exit 1; }
set_value() { sed -i "s/^${key}[0-9.]*,/${key}$2,/" "$1"; }  # file value

results="$work/results.txt"; log="$work/log.txt"; : >"$results"; : >"$log"
B=("$J" build --data "$work/data" --templates "$T")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "binary: $J"
echo "data: $(find "$work/data" -type f | wc -l) files; $RUNS interleaved rounds"
echo "load average at start: $(loadavg)"
echo
"${B[@]}" --out "$work/site" >>"$log" 2>&1   # untimed warm-up: fills the output folder and page cache
value=27
for round in $(seq 1 "$RUNS"); do
  if [ $((round % 2)) -eq 1 ]; then
    timed full-warm-j2 "$results" "$log" "${B[@]}" --out "$work/site" --force --jobs 2
    timed full-warm-j1 "$results" "$log" "${B[@]}" --out "$work/site" --force --jobs 1
  else
    timed full-warm-j1 "$results" "$log" "${B[@]}" --out "$work/site" --force --jobs 1
    timed full-warm-j2 "$results" "$log" "${B[@]}" --out "$work/site" --force --jobs 2
  fi
  rm -rf "$work/cold"
  timed full-cold "$results" "$log" "${B[@]}" --out "$work/cold" --jobs 2
  rm -rf "$work/cold"
  if [ "$value" = 27 ]; then value=26; else value=27; fi
  set_value "$csv" "$value"
  : >"$work/inc.txt"
  timed incremental "$results" "$work/inc.txt" "${B[@]}" --out "$work/site" --jobs 2
  cat "$work/inc.txt" >>"$log"
  echo "round $round/$RUNS: $(tail -4 "$results" | awk '{ printf "%s %ss/%ss  ", $1, $2, $3 }')" >&2
done
# The editor's loop: serve rebuilds in its running process after every save.
serve_data="$work/serve-data"; serve_log="$work/serve.txt"
cp -r "$bench_root/data" "$serve_data"
"$J" serve --data "$serve_data" --templates "$T" --out "$work/served" --port 0 >"$serve_log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for_builds() {  # until serve has reported $1 successful builds
  for _ in $(seq 1200); do
    [ "$(grep -c '^built ' "$serve_log")" -ge "$1" ] && return 0
    sleep 0.05
  done
  echo "serve did not report build $1:" >&2; cat "$serve_log" >&2; exit 1
}
wait_for_builds 1
serve_value=27
for round in $(seq 1 "$RUNS"); do
  if [ "$serve_value" = 27 ]; then serve_value=26; else serve_value=27; fi
  set_value "$serve_data/values/jaarverslag-2023.csv" "$serve_value"
  # serve waits 200 ms for the save to settle before it builds: poll only after that, so that
  # the polling processes do not compete with the build for the two cores.
  sleep 0.3
  wait_for_builds $((round + 1))
done
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
grep '^built ' "$serve_log" | tail -n +2 | sed -n 's/.* in \([0-9]*\) ms:.*/\1/p' |
  awk '{ printf "serve-incremental %.3f\n", $1 / 1000 }' >>"$results"
[ "$(col "$results" serve-incremental 2 | wc -l)" -eq "$RUNS" ] || { echo "serve reported no times:" >&2; cat "$serve_log" >&2; exit 1; }
echo "load average at end: $(loadavg)"
echo
echo "what the last incremental build reported:"
grep -v ': warning: ' "$work/inc.txt" | sed 's/^/  /'
echo

printf '%-14s %5s %12s %16s %12s %16s %10s\n' build runs "wall median" "wall range" "cpu median" "cpu range" "max RSS"
for l in full-cold full-warm-j2 full-warm-j1 incremental; do
  printf '%-14s %5s %11.2fs %16s %11.2fs %16s %8.0fMB\n' "$l" "$(col "$results" $l 2 | wc -l)" \
    "$(col "$results" $l 2 | median)" "$(col "$results" $l 2 | minmax)" \
    "$(col "$results" $l 3 | median)" "$(col "$results" $l 3 | minmax)" \
    "$(col "$results" $l 4 | median | awk '{ print $1 / 1024 }')"
done
echo
ratio() {  # label a b target(<= in %) | or - for no target
  awk -v label="$1" -v a="$2" -v b="$3" -v t="$4" 'BEGIN {
    r = 100 * a / b
    if (t == "-") printf "%-46s %6.1f%%\n", label, r
    else printf "%-46s %6.1f%%  (target <= %g%%: %s)\n", label, r, t, (r <= t ? "met" : "MISSED") }'
}
m() { col "$results" "$1" "$2" | median; }
ratio "incremental / full --force (warm), wall" "$(m incremental 2)" "$(m full-warm-j2 2)" 5
ratio "incremental / full --force (warm), cpu" "$(m incremental 3)" "$(m full-warm-j2 3)" 5
ratio "incremental / full cold, wall" "$(m incremental 2)" "$(m full-cold 2)" 5
ratio "incremental / full cold, cpu" "$(m incremental 3)" "$(m full-cold 3)" 5
printf '%-46s %6.0f ms  (median of %s; range %s s)\n' "serve: rebuild after one corrected figure" \
  "$(m serve-incremental 2 | awk '{ print $1 * 1000 }')" "$(col "$results" serve-incremental 2 | wc -l)" \
  "$(col "$results" serve-incremental 2 | minmax)"
ratio "serve rebuild / full --force (warm), wall" "$(m serve-incremental 2)" "$(m full-warm-j2 2)" 5
ratio "serve rebuild / full cold, wall" "$(m serve-incremental 2)" "$(m full-cold 2)" 5
awk -v a="$(m full-warm-j1 2)" -v b="$(m full-warm-j2 2)" -v c="$(m full-warm-j1 3)" -v d="$(m full-warm-j2 3)" \
  'BEGIN { printf "%-46s %6.2fx wall, cpu j2/j1 %.2f\n", "full --force: --jobs 1 / --jobs 2 (speed-up)", a / b, d / c }'

# the incremental result must equal a cold build of the same data
"${B[@]}" --out "$work/check" --jobs 2 >>"$log" 2>&1
if diff -rq "$work/site" "$work/check" >/dev/null; then
  echo "check: incremental output is byte-identical to a cold build of the same data"
else
  echo "check: incremental output DIFFERS from a cold build:"; diff -rq "$work/site" "$work/check" | head
fi
