#!/usr/bin/env bash
# Chart benchmark, side by side in one run: jaarverslag vs Vega-Lite (SVG) and vs matplotlib
# (PNG at 2x + SVG), the same 8-bar chart (chart_data.json) at the same size.
#
#   bench/run_charts.sh [path/to/chart_bench]
#
# Installs what is missing (npm packages into bench/node_modules, Debian python3-matplotlib),
# builds chart_bench unless its path is given, then runs ROUNDS interleaved rounds
# (jaarverslag, Vega-Lite, matplotlib, jaarverslag, ...) and prints the median rates and ratios.
# Warm-up (untimed) in every run: 5 charts for jaarverslag, 30 for Vega-Lite (lets V8 JIT the
# code; with 5 its rate is about half), 2 for matplotlib.
# Environment: ROUNDS (5), N_OURS (300), N_VEGA (200), N_MPL (10) iterations per run,
# BUILD_DIR (build/bench-release) when building.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
ROUNDS="${ROUNDS:-5}"
N_OURS="${N_OURS:-300}"
N_VEGA="${N_VEGA:-200}"
N_MPL="${N_MPL:-10}"
PY=/usr/bin/python3  # Debian's Python, where python3-matplotlib is installed

# --- install what is missing -------------------------------------------------------------
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing nodejs, npm" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi
if [ ! -d "$here/node_modules" ]; then
  echo "npm install in bench/" >&2
  (cd "$here" && npm install --no-audit --no-fund >&2)
fi
if ! dpkg-query -W -f='${Status}' python3-matplotlib 2>/dev/null | grep -q "install ok installed"; then
  echo "installing python3-matplotlib" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-matplotlib >&2
fi

# --- build ---------------------------------------------------------------------------------
if [ $# -ge 1 ]; then
  bench="$1"
else
  build="${BUILD_DIR:-$root/build/bench-release}"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target chart_bench >/dev/null
  bench="$build/bench/chart_bench"
fi

# --- same size for everyone: jaarverslag's layout decides the height of the 640 px chart ----
samples="$(mktemp -d)"
trap 'rm -rf "$samples"' EXIT
height="$("$bench" --write "$samples" | sed -n 's/.*height=\([0-9.]*\).*/\1/p')"
node "$here/vega_bench.mjs" --height "$height" --write "$samples" >/dev/null
"$PY" "$here/mpl_bench.py" --height "$height" --write "$samples" >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "versions: vega $(node -p "require('$here/node_modules/vega/package.json').version")," \
  "vega-lite $(node -p "require('$here/node_modules/vega-lite/package.json').version")," \
  "matplotlib $("$PY" -c 'import matplotlib; print(matplotlib.__version__)'), node $(node --version)," \
  "python $("$PY" -c 'import platform; print(platform.python_version())')"
echo "chart: 8 bars, 640x${height} CSS px; PNG at 2x = 1280x$((${height%.*} * 2)) px"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "iterations per run: jaarverslag $N_OURS, Vega-Lite $N_VEGA, matplotlib $N_MPL;" \
  "$ROUNDS interleaved rounds; untimed warm-up first in every run (5 / 30 / 2 charts)"
echo

# --- interleaved rounds --------------------------------------------------------------------
results="$samples/results.txt"
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
  "$bench" --n "$N_OURS" --warmup 5 --mode both | tee -a "$results" >&2
  node "$here/vega_bench.mjs" --n "$N_VEGA" --warmup 30 --height "$height" | tee -a "$results" >&2
  "$PY" "$here/mpl_bench.py" --n "$N_MPL" --warmup 2 --height "$height" | tee -a "$results" >&2
  echo "round $round/$ROUNDS done" >&2
done

# --- medians and ratios --------------------------------------------------------------------
rates() {  # renderer output -> one rate per line
  grep "renderer=$1 output=$2 " "$results" | sed 's/.*charts_per_second=\([0-9.]*\).*/\1/'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

printf '%-12s %-10s %6s %7s %14s  %s\n' renderer output n/run runs "median chart/s" "range"
row() {  # renderer output n
  printf '%-12s %-10s %6s %7s %14.2f  %s\n' "$1" "$2" "$3" "$(rates "$1" "$2" | wc -l)" \
    "$(rates "$1" "$2" | median)" "$(rates "$1" "$2" | minmax)"
}
row jaarverslag svg "$N_OURS"
row vega-lite svg "$N_VEGA"
row jaarverslag png2x+svg "$N_OURS"
row matplotlib png2x+svg "$N_MPL"
echo

ratio() {  # label ours theirs target
  awk -v label="$1" -v a="$2" -v b="$3" -v t="$4" 'BEGIN {
    r = a / b
    printf "%-48s %7.1fx  (target >= %gx: %s)\n", label, r, t, (r >= t ? "met" : "MISSED")
  }'
}
ratio "jaarverslag SVG / Vega-Lite SVG" "$(rates jaarverslag svg | median)" \
  "$(rates vega-lite svg | median)" 20
ratio "jaarverslag PNG2x+SVG / matplotlib PNG2x+SVG" "$(rates jaarverslag png2x+svg | median)" \
  "$(rates matplotlib png2x+svg | median)" 30
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
