#!/bin/sh
# Builds basural with the benchmarks and runs the OR-Library location benchmarks through
# `basural locate` (bench/bench_locate_orlib.cpp). The Markdown tables go to stdout; progress to stderr.
#   bench/run_orlib.sh [build-dir]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build-bench"}
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBASURAL_BUILD_BENCH=ON -DBASURAL_BUILD_TESTS=OFF >&2
cmake --build "$build" -j2 --target basural bench_locate_orlib >&2
echo "Machine: $(nproc) cores, $(uname -m); $(date -u +%Y-%m-%d)"
"$build/bench/bench_locate_orlib"
