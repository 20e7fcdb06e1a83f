#!/usr/bin/env bash
# Pages benchmark, side by side in one run: jaarverslag vs Hugo on the SAME 1.000 Markdown pages.
#
#   bench/run_hugo.sh
#   ROUNDS=5 PAGES=1000 JAARVERSLAG=/tmp/jv-bench-build/jaarverslag bench/run_hugo.sh
#   BASE_URL=1 bench/run_hugo.sh     # jaarverslag also writes Open Graph URLs and preview images
#
# gen_pages.py writes the pages (Dutch-looking text, 500-1500 words, ## headings, lists, one
# table, links) once as a jaarverslag data folder (one edition, one chapter per page, one figure
# in the values CSV) and once as a minimal Hugo site with its own tiny layouts (no theme).
# Installs Debian's hugo when missing. Every round builds both into warm output folders
# (jaarverslag with --force --jobs 2, so it repaints every picture; hugo with its defaults,
# which use every core), alternating which goes first, and prints pages per second
# (PAGES / wall time) and pages per CPU second, their medians over ROUNDS, the ratio
# jaarverslag / Hugo (target >= 2x) and what each tool wrote (file counts and bytes).
# By default the jaarverslag site has no base_url, like the Hugo site's pages have no Open Graph
# tags: jaarverslag then paints no preview images (nothing could link to them). BASE_URL=1 gives
# it the Hugo site's base URL: every page then gets og:url/og:image and a 1200x630 PNG preview,
# painted again in every --force round.
# Environment: ROUNDS (5), PAGES (1000), BASE_URL (0), JAARVERSLAG (binary; else built in BUILD_DIR).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
ROUNDS="${ROUNDS:-5}"
PAGES="${PAGES:-1000}"
BASE_URL="${BASE_URL:-0}"

if ! command -v hugo >/dev/null; then
  echo "installing hugo" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends hugo >&2
fi
J="$(find_jaarverslag)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HUGO_CACHEDIR="$work/hugo-cache"
base_url_args=()
[ "$BASE_URL" = 1 ] && base_url_args=(--base-url "https://www.example.nl/jaarverslag/")
gen="$(/usr/bin/python3 "$bench_here/gen_pages.py" "$work/in" --pages "$PAGES" "${base_url_args[@]}")"
JB=("$J" build --data "$work/in/jaarverslag/data" --templates "$bench_root/templates" --out "$work/jv-out" --force --jobs 2)
HB=(hugo --quiet -s "$work/in/hugo" -d "$work/hugo-out")

results="$work/results.txt"; log="$work/log.txt"; : >"$results"; : >"$log"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "versions: $("$J" --version 2>&1 | head -1), $(hugo version | cut -d' ' -f1-2)"
echo "input: $gen; $(du -sb "$work/in/hugo/content" | cut -f1) bytes of Markdown; jaarverslag base_url: $([ "$BASE_URL" = 1 ] && echo set || echo none)"
echo "load average at start: $(loadavg)"
# Untimed warm-up: output folders and page cache. jaarverslag builds twice, so that its rounds
# find what every rebuild finds: the output folder and the site before it (.jv-out.previous),
# which a build turns into the new site instead of starting from an empty folder.
"${JB[@]}" >>"$log" 2>&1; "${JB[@]}" >>"$log" 2>&1; "${HB[@]}" >>"$log" 2>&1
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    timed jaarverslag "$results" "$log" "${JB[@]}"; timed hugo "$results" "$log" "${HB[@]}"
  else
    timed hugo "$results" "$log" "${HB[@]}"; timed jaarverslag "$results" "$log" "${JB[@]}"
  fi
  echo "round $round/$ROUNDS: $(tail -2 "$results" | awk '{ printf "%s %ss/%ss  ", $1, $2, $3 }')" >&2
done
echo "load average at end: $(loadavg)"
echo

printf '%-12s %5s %10s %16s %10s %14s %12s %9s\n' tool runs "wall med" "wall range" "cpu med" "pages/s (wall)" "pages/cpu-s" "max RSS"
for t in jaarverslag hugo; do
  w="$(col "$results" $t 2 | median)"; c="$(col "$results" $t 3 | median)"
  printf '%-12s %5s %9.2fs %16s %9.2fs %14.1f %12.1f %7.0fMB\n' $t "$(col "$results" $t 2 | wc -l)" "$w" \
    "$(col "$results" $t 2 | minmax)" "$c" "$(awk -v p="$PAGES" -v w="$w" 'BEGIN { print p / w }')" \
    "$(awk -v p="$PAGES" -v c="$c" 'BEGIN { print p / c }')" "$(col "$results" $t 4 | median | awk '{ print $1 / 1024 }')"
done
echo
jw="$(col "$results" jaarverslag 2 | median)"; hw="$(col "$results" hugo 2 | median)"
jc="$(col "$results" jaarverslag 3 | median)"; hc="$(col "$results" hugo 3 | median)"
awk -v jw="$jw" -v hw="$hw" -v jc="$jc" -v hc="$hc" 'BEGIN {
  r = hw / jw; printf "%-44s %6.2fx  (target >= 2x: %s)\n", "jaarverslag / Hugo pages per second (wall)", r, (r >= 2 ? "met" : "MISSED")
  r = hc / jc; printf "%-44s %6.2fx  (target >= 2x: %s)\n", "jaarverslag / Hugo pages per CPU second", r, (r >= 2 ? "met" : "MISSED") }'
echo
echo "what each tool wrote (last round):"
for o in jv-out hugo-out; do
  printf '  %-9s %5d files %11d bytes:' "$o" "$(find "$work/$o" -type f | wc -l)" "$(du -sb "$work/$o" | cut -f1)"
  find "$work/$o" -type f | sed -n 's/.*\.\([a-z0-9-]*\)$/\1/p' | sort | uniq -c | sort -rn |
    awk '{ printf " %s %s", $1, $2 }'; echo
done
for d in "2024 (chapter pages, edition home, dashboard)" "social (preview images)" "zoeken (search page and index)"; do
  sub="${d%% *}"
  [ -d "$work/jv-out/$sub" ] && printf '  jv-out/%-50s %5d files %11d bytes\n' "$d" \
    "$(find "$work/jv-out/$sub" -type f | wc -l)" "$(du -sb "$work/jv-out/$sub" | cut -f1)"
done
printf '  one chapter page: jaarverslag %d bytes, Hugo %d bytes\n' \
  "$(wc -c <"$work/jv-out/2024/hoofdstuk-0001/index.html")" \
  "$(wc -c <"$work/hugo-out/hoofdstukken/hoofdstuk-0001/index.html")"
grep -v ': warning: ' "$log" | grep '^built ' | tail -1 | sed 's/^/  jaarverslag: /'
