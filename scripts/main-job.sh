#!/usr/bin/env bash
# The README's main job: installs dependencies, builds, and reports on the shipped LAC inventory:
# a default regional landfill plan (basural regionalize) and the coverage report per country
# (basural coverage). Outputs go to ./out (override with OUT_DIR=...).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
OUT_DIR="${OUT_DIR:-out}"
mkdir -p "$OUT_DIR"
basural=build/apps/basural/basural
"$basural" info --format md > "$OUT_DIR/inventory.md"
"$basural" regionalize -o "$OUT_DIR/lac_plan.gpkg" > "$OUT_DIR/plan_summary.txt"
"$basural" coverage --plan "$OUT_DIR/lac_plan.gpkg"
echo "basural: inventory summary in $OUT_DIR/inventory.md, regional plan in $OUT_DIR/lac_plan.gpkg" >&2
