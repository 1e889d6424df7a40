#!/bin/bash
# Whole-process scale figures for issue 9 point 4: wall time and peak resident memory of
# `lesion-atlas stats` on SYNTHETIC tables (bench/gen_synthetic_table.py; written to a temporary
# folder, never to assets/): 1M rows in the HAM10000 layout (read with --mapping ham10000), 100k
# rows in the built-in layout. Median of RUNS runs (default 3).
#   bench/scale.sh [path/to/lesion-atlas] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/app/lesion-atlas}
runs=${2:-3}
[ -x "$bin" ] || { echo "no program at $bin (build it or pass its path)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen_synthetic_table.py" ham 1000000 "$tmp/ham1m.csv"
python3 "$here/gen_synthetic_table.py" builtin 100000 "$tmp/builtin100k.csv"

measure() {  # label, then the stats arguments
  local label=$1; shift
  local walls=() cpus=() rss=()
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M %U %S' -o "$tmp/t" "$bin" stats "$@" --format json > "$tmp/out.json"
    read -r w m u s < "$tmp/t"
    walls+=("$w"); rss+=("$m"); cpus+=("$(echo "$u + $s" | bc)")
  done
  median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
  # CPU (user + system) is the steadier figure on a shared machine; wall includes waiting for it.
  printf '%-42s wall %6.2f s, CPU %6.2f s (medians of %d)   peak RSS %5d MB\n' "$label" "$(median "${walls[@]}")" \
    "$(median "${cpus[@]}")" "$runs" $(($(median "${rss[@]}") / 1024))
}

echo "$(date -u +%F) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $bin"
measure "stats, 1M rows HAM10000 layout (mapped)" --data "$tmp/ham1m.csv" --mapping ham10000
measure "stats, 100k rows built-in layout" --data "$tmp/builtin100k.csv"
