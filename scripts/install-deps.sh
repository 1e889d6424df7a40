#!/usr/bin/env bash
# Installs every Debian 12 package lesion-atlas needs to build, run and test.
# Idempotent: when everything is already present it only checks and returns quickly.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libvtk9-dev            # render layer (VTK 9.1)
  libimgui-dev libstb-dev # Dear ImGui 1.86 (+ GLFW/OpenGL3 backends in libimgui.a; its .pc requires stb)
  libfreetype-dev        # imgui_freetype inside libimgui.a
  libglfw3-dev           # window
  libassimp-dev          # mesh import/export
  libgl-dev libgl1-mesa-dri # OpenGL (Mesa llvmpipe when there is no GPU)
  catch2                 # tests (Catch2 v2 API)
  libbenchmark-dev       # bench/
  libcli11-dev nlohmann-json3-dev libfmt-dev
  libssl-dev             # SHA-256 of tables a saved view names (libcrypto)
  zlib1g-dev             # PNG compression on every CPU (app/core/png_encode)
  fonts-dejavu-core      # the UI font (TTF)
  xvfb xauth             # headless rendering and tests
  clang-14 libclang-rt-14-dev # fuzz targets (libFuzzer) in tests/fuzz
  ffmpeg                 # turntable videos: H.264 MP4 and GIF (PNG frames work without it)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
