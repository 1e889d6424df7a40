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
ctest --output-on-failure -j"$JOBS"
