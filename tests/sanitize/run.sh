#!/usr/bin/env bash
# Builds everything with LA_SANITIZE=ON (AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-asan/ and runs the whole ctest suite there (tests/sanitize/README.md). The sanitizer
# options, including lsan.supp, are compiled into the executables: nothing to set up.
# Environment: LA_ASAN_BUILD (build folder, default build-asan), LA_ASAN_JOBS (parallel jobs).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${LA_ASAN_BUILD:-build-asan}
JOBS=${LA_ASAN_JOBS:-$(nproc)}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DLA_SANITIZE=ON -DLA_BUILD_BENCH=OFF
cmake --build "$BUILD" -j"$JOBS"
cd "$BUILD"
# Left out: Catch2 test cases tagged [timing], which assert a speed budget (e.g. a pick under
# 1 ms). The sanitizers make code two to three times slower, so those budgets say nothing here;
# the normal suite (scripts/test.sh) runs them. Everything else runs.
timing=()
for exe in $(find tests -type f -executable -name '*_tests'); do
  # Catch2 v2 exits with the number of tests listed: not an error.
  while IFS= read -r name; do
    [ -n "$name" ] && timing+=("$(printf '%s' "$name" | sed 's/[][\.*^$()+?{}|]/\\&/g')")
  done < <("./$exe" --list-test-names-only '[timing]' 2>/dev/null || true)
done
exclude=()
if [ ${#timing[@]} -gt 0 ]; then
  echo "sanitize: leaving out ${#timing[@]} timing test(s) tagged [timing]"
  exclude=(-E "^($(IFS='|'; echo "${timing[*]}"))\$")
fi
ctest --output-on-failure -j"$JOBS" "${exclude[@]}"
