#!/usr/bin/env bash
# Installs the Debian packages, builds (Release) and starts the atlas with its built-in body and
# dataset. Without a display it renders the default view to a PNG and prints the file's path.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target lesion-atlas
exec ./build/app/lesion-atlas "$@"
