#!/usr/bin/env bash
# The README's test command: installs dependencies, builds and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DBASURAL_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
