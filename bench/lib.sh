# Shared helpers for the build benchmarks (run_regeneration.sh, run_hugo.sh, run_scale.sh).
# Sourced, not run. Needs GNU time at /usr/bin/time.

bench_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench_root="$(dirname "$bench_here")"

# jaarverslag binary: $JAARVERSLAG if set, else build the target in $BUILD_DIR.
find_jaarverslag() {
  if [ -n "${JAARVERSLAG:-}" ]; then echo "$JAARVERSLAG"; return; fi
  local build="${BUILD_DIR:-$bench_root/build/bench-release}"
  cmake -S "$bench_root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target jaarverslag >/dev/null
  echo "$build/jaarverslag"
}

if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >&2
fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# timed LABEL RESULTS LOG cmd...: runs cmd, appends "LABEL wall cpu maxrss_kb" to RESULTS
# (cpu = user + sys), the command's output to LOG; stops the script if cmd fails.
timed() {
  local label="$1" results="$2" log="$3"; shift 3
  local tf; tf="$(mktemp)"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >>"$log" 2>&1; then
    echo "FAILED: $label: $*" >&2; tail -20 "$log" >&2; cat "$tf" >&2; rm -f "$tf"; return 1
  fi
  awk -v l="$label" 'END { printf "%s %.3f %.3f %d\n", l, $1, $2 + $3, $4 }' "$tf" >>"$results"
  rm -f "$tf"
}

# col RESULTS LABEL N: column N (2 wall, 3 cpu, 4 maxrss) of every row with LABEL
col() { awk -v l="$2" -v c="$3" '$1 == l { print $c }' "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }
