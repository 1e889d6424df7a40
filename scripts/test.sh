#!/usr/bin/env bash
# Installs the Debian packages, builds (Release) and runs every test. Works without a display:
# rendering tests start their own private Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)"
