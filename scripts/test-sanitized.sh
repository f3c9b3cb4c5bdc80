#!/usr/bin/env bash
# Builds basural with AddressSanitizer (LeakSanitizer included) and UBSan, with clang, in ./build-asan
# (override with BUILD_DIR=...), with the fuzz targets (the same instrumented library), and runs every
# test under the sanitizers. Benchmarks are not built. docs/reliability.md
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR="${BUILD_DIR:-build-asan}"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBASURAL_BUILD_TESTS=ON -DBASURAL_BUILD_BENCH=OFF \
  -DBASURAL_SANITIZE=address,undefined -DBASURAL_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
# shellcheck source=scripts/sanitizer-env.sh
source scripts/sanitizer-env.sh
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
