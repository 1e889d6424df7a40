#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, -DLA_FUZZ=ON, core only) and runs them one after another.
#
#   tests/fuzz/run.sh                 full run: each target until 10 million executions or
#                                     10 minutes, whichever comes first (the issue's criterion)
#   tests/fuzz/run.sh --seconds 180   each target for at most 180 s (still capped at 10M runs)
#   tests/fuzz/run.sh --ci            CI: each target a few seconds over its corpus
#   tests/fuzz/run.sh ... csv scene   only the named targets
#   tests/fuzz/run.sh --timeout 30    a slower input counts as a hang after 30 s (default 10); the
#                                     limit is wall-clock time, so on a machine busy with other work
#                                     a starved process can pass 10 s on an input that takes 20 ms
#
# The full run of one target is, by hand (from the repository root):
#   build-fuzz/tests/fuzz/fuzz_csv -runs=10000000 -max_total_time=600 -timeout=10 -rss_limit_mb=2048 \
#     -max_len=4096 -dict=tests/fuzz/csv.dict -artifact_prefix=build-fuzz/fuzz-artifacts/csv/ \
#     build-fuzz/fuzz-corpus/csv tests/fuzz/corpus/csv        (a target without its own <name>.dict uses json.dict)
# after replaying the saved crashing inputs: build-fuzz/tests/fuzz/fuzz_csv -runs=0 tests/fuzz/regressions/csv
# New inputs libFuzzer finds go to build-fuzz/fuzz-corpus/<target>/ (not committed: the committed
# corpus stays small); a crashing input is written to build-fuzz/fuzz-artifacts/<target>/ and the
# script fails. Keep it as tests/fuzz/regressions/<target>/<name> after fixing the reader.
# Environment: LA_FUZZ_BUILD (build folder, default build-fuzz), LA_FUZZ_JOBS (build jobs).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUILD=${LA_FUZZ_BUILD:-build-fuzz}
SECONDS_EACH=600
RUNS=10000000
CI=0
TIMEOUT=10
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) CI=1; SECONDS_EACH=8 ;;
    --seconds) SECONDS_EACH=$2; shift ;;
    --timeout) TIMEOUT=$2; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) TARGETS+=("$1") ;;
  esac
  shift
done
ALL=$(sed -n 's/^set(LA_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt)
[ ${#TARGETS[@]} -gt 0 ] || read -r -a TARGETS <<< "$ALL"

CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DLA_FUZZ=ON > /dev/null
cmake --build "$BUILD" -j"${LA_FUZZ_JOBS:-$(nproc)}" --target $(printf 'fuzz_%s ' "${TARGETS[@]}")

status=0
summary=""
for t in "${TARGETS[@]}"; do
  exe="$BUILD/tests/fuzz/fuzz_$t"
  work="$BUILD/fuzz-corpus/$t"
  art="$BUILD/fuzz-artifacts/$t"
  mkdir -p "$work" "$art"
  # Inputs up to 4 KiB: far longer than any seed but the saved regressions, and slow inputs would
  # starve the search.
  args=(-runs="$RUNS" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout="$TIMEOUT" -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$art/")
  # A target's own dictionary when it has one (csv, mesh_reply), else the JSON one.
  dict=tests/fuzz/$t.dict; [ -f "$dict" ] || dict=tests/fuzz/json.dict
  args+=(-dict="$dict")
  if [ "$CI" = 1 ]; then
    # CI starts from the committed seeds only, in a fresh folder, so every run is the same work.
    rm -rf "$work"; mkdir -p "$work"
  fi
  log="$BUILD/fuzz-$t.log"
  : > "$log"
  result=ok
  # Every crashing input found so far is replayed first, whole (some are longer than -max_len).
  if [ -d tests/fuzz/regressions/"$t" ] &&
     ! "$exe" -runs=0 -timeout="$TIMEOUT" -rss_limit_mb=2048 tests/fuzz/regressions/"$t" >> "$log" 2>&1; then
    result=FAILED
  fi
  echo "== fuzz_$t: up to $RUNS runs or ${SECONDS_EACH}s"
  if [ "$result" = ok ] && ! "$exe" "${args[@]}" "$work" tests/fuzz/corpus/"$t" >> "$log" 2>&1; then
    result=FAILED
  fi
  if [ "$result" = FAILED ]; then
    status=1
    tail -n 60 "$log"
  fi
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)
  echo "   $result: ${done_line:-no summary (see $log)}"
  summary+="fuzz_$t: $result ${done_line}"$'\n'
done
printf '\n%s' "$summary"
exit $status
