#!/usr/bin/env bash
# Builds basural with AddressSanitizer (LeakSanitizer included) and UBSan, with clang, in ./build-asan
# (override with BUILD_DIR=...), with the fuzz targets (the same instrumented library), and runs every
# test under the sanitizers. Benchmarks are not built. docs/reliability.md
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR="${BUILD_DIR:-build-asan}"
# -O1 with line tables only: stack traces name file and line, and the build takes far less time than
# -O2 -g. The Python module is not built: an instrumented extension cannot load into Debian's
# uninstrumented python3 without preloading the ASan runtime, and what it calls is the library the
# C++ tests run under the sanitizers.
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBASURAL_BUILD_TESTS=ON -DBASURAL_BUILD_BENCH=OFF \
  -DBASURAL_BUILD_PYTHON=OFF -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DBASURAL_SANITIZE=address,undefined -DBASURAL_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
# shellcheck source=scripts/sanitizer-env.sh
source scripts/sanitizer-env.sh
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
