#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) and prints one line per target: runs, runs per second,
# coverage, corpus size, peak memory and the result. Targets run two at a time (FUZZ_JOBS); their
# corpora start from the seeds in tests/data (plus the inputs of tests/data/fuzz/<name>/) and grow in
# BUILD_DIR/fuzz-corpus/<name>/; an input that crashes is saved in BUILD_DIR/fuzz-artifacts/<name>/.
#   scripts/fuzz.sh [SECONDS] [NAME...]     NAME: inventory_csv inventory_geojson inventory_kml mapping
#                                            cost_matrix plan ranking (default: all)
# Needs a build with -DBASURAL_FUZZ=ON (scripts/test-sanitized.sh makes one in build-asan). Exit 1 if a
# target found a crash. docs/reliability.md
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build-asan}"
SECONDS_EACH="${1:-60}"
shift || true
NAMES=("$@")
[ ${#NAMES[@]} -eq 0 ] && NAMES=(inventory_csv inventory_geojson inventory_kml mapping cost_matrix plan ranking)
JOBS="${FUZZ_JOBS:-2}"
# shellcheck source=scripts/sanitizer-env.sh
source scripts/sanitizer-env.sh

extension_of() {
  case "$1" in
    inventory_csv|cost_matrix|ranking) echo csv ;;
    inventory_geojson) echo geojson ;;
    inventory_kml) echo kml ;;
    mapping) echo json ;;
    plan) echo gpkg ;;
  esac
}

seed() {  # seed NAME DIR: tests/data files of the harness's extension and its saved inputs
  local name=$1 dir=$2 ext
  ext=$(extension_of "$name")
  mkdir -p "$dir"
  cp tests/data/*."$ext" "$dir"/ 2>/dev/null || true
  [ -d "tests/data/fuzz/$name" ] && cp "tests/data/fuzz/$name"/* "$dir"/ 2>/dev/null || true
}

run_one() {  # run_one NAME: one target, its log in BUILD_DIR/fuzz-logs/NAME.log
  local name=$1 exe="$BUILD_DIR/fuzz/fuzz_$1"
  local corpus="$BUILD_DIR/fuzz-corpus/$name" artifacts="$BUILD_DIR/fuzz-artifacts/$name/"
  mkdir -p "$corpus" "$artifacts" "$BUILD_DIR/fuzz-logs"
  seed "$name" "$BUILD_DIR/fuzz-seeds/$name"
  local rc=0
  "$exe" "$corpus" "$BUILD_DIR/fuzz-seeds/$name" -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2560 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" >"$BUILD_DIR/fuzz-logs/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$BUILD_DIR/fuzz-logs/$name.rc"
}

for name in "${NAMES[@]}"; do
  [ -x "$BUILD_DIR/fuzz/fuzz_$name" ] || { echo "fuzz: $BUILD_DIR/fuzz/fuzz_$name is not built (configure with -DBASURAL_FUZZ=ON)" >&2; exit 2; }
done
rm -rf "$BUILD_DIR/fuzz-logs"
running=0
for name in "${NAMES[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

failed=0
printf '%-18s %8s %10s %8s %8s %10s %8s  %s\n' target seconds runs runs/s cov corpus rss_mb result
for name in "${NAMES[@]}"; do
  log="$BUILD_DIR/fuzz-logs/$name.log"
  rc=$(cat "$BUILD_DIR/fuzz-logs/$name.rc" 2>/dev/null || echo 1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(ls "$BUILD_DIR/fuzz-corpus/$name" | wc -l)
  result=ok
  if [ "$rc" != 0 ]; then
    result="FAILED (exit $rc): $(grep -m1 -E 'ERROR: |fuzz_[a-z_]+: |runtime error' "$log" || echo "see $log")"
    failed=1
  fi
  printf '%-18s %8s %10s %8s %8s %10s %8s  %s\n' "$name" "$SECONDS_EACH" "${runs:-?}" "${speed:-?}" "${cov:-?}" \
    "$corpus" "${rss:-?}" "$result"
done
[ "$failed" -eq 0 ] || echo "fuzz: crash inputs are in $BUILD_DIR/fuzz-artifacts/; logs in $BUILD_DIR/fuzz-logs/" >&2
exit "$failed"
