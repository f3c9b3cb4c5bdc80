#!/usr/bin/env bash
# Runs one basural binary through the main outputs on the shipped inventory and writes them to a
# folder, so that two builds (before and after a refactoring) can be compared file by file:
#   scripts/compare-outputs.sh OLD_BINARY NEW_BINARY [WORK_DIR]
# GeoPackages are compared by their content (ogrinfo -al of every layer, without the file's own
# timestamps); every other file byte by byte. Exits 1 when any output differs.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [WORK_DIR]" >&2; exit 2; }
old=$(realpath "$1"); new=$(realpath "$2"); work=${3:-$(mktemp -d)}
mkdir -p "$work"
data=${BASURAL_DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/datasets}

# Inputs of the location models on their own (`locate`: LSCP, MCLP, p-median, capacitated p-median):
# the shipped sites of Haiti and Honduras with a tonnage, as demand points and candidates.
mkdir -p "$work/inputs"
for c in HTI HND; do
  ogr2ogr -f CSV "$work/inputs/$c.csv" "$data/lac_sites.csv" -dialect SQLite -sql \
    "SELECT site_id AS id, CAST(waste_t_per_day AS REAL) AS weight, CAST(lon AS REAL) AS lon,
            CAST(lat AS REAL) AS lat FROM lac_sites WHERE country = '$c' AND waste_t_per_day <> ''"
done

# A dense travel matrix of 800 planned sites of Guatemala (640,000 pairs of synthetic road km, WGS84
# geodesic x a detour fixed per pair) for `regionalize --matrix`; needs Debian's python3-pyproj.
/usr/bin/python3 "$(dirname "$0")/../bench/make_regionalize_matrix.py" --inventory "$data/lac_sites.csv" \
  --countries GTM --limit 800 -o "$work/inputs/gtm_matrix.csv" > /dev/null

run_all() {  # binary out_dir
  local b=$1 o=$2
  mkdir -p "$o"
  "$b" info --format csv > "$o/info.csv"
  "$b" regionalize -o "$o/plan.gpkg" --threads 2 > "$o/plan_summary.txt" 2>/dev/null
  "$b" regionalize --country GTM --reuse-existing -o "$o/gtm_plan.gpkg" > "$o/gtm_summary.txt" 2>/dev/null
  "$b" regionalize --country GTM --matrix "$work/inputs/gtm_matrix.csv" --max-haul-km 60 -o "$o/gtm_matrix_plan.gpkg" \
       > "$o/gtm_matrix_summary.txt" 2>/dev/null
  "$b" coverage --plan "$o/plan.gpkg" --format csv > "$o/coverage.csv"
  "$b" methane --year 2024 -o "$o/methane.csv" > /dev/null
  "$b" prioritize --plan "$o/plan.gpkg" -o "$o/ranking.csv" > /dev/null
  "$b" cluster --method dbscan --eps-km 20 --min-points 3 -o "$o/clusters.gpkg" > /dev/null
  "$b" map --country GTM --plan "$o/gtm_plan.gpkg" -o "$o/gtm.png" > /dev/null
  "$b" map --country GTM --plan "$o/gtm_plan.gpkg" -o "$o/gtm.svg" > /dev/null
  "$b" map --country GTM --plan "$o/gtm_plan.gpkg" -o "$o/gtm.html" > /dev/null
  local hti=(--demand "$work/inputs/HTI.csv" --candidates "$work/inputs/HTI.csv" --format json)
  local hnd=(--demand "$work/inputs/HND.csv" --candidates "$work/inputs/HND.csv" --format json)
  "$b" locate "${hti[@]}" --model lscp --max-cost 20 -o "$o/locate_lscp.json"
  "$b" locate "${hti[@]}" --model mclp --p 15 --max-cost 20 -o "$o/locate_mclp.json"
  "$b" locate "${hti[@]}" --model p-median --p 15 --max-cost 80 -o "$o/locate_p_median.json"
  "$b" locate "${hnd[@]}" --model p-median --p 8 --max-cost 100 --capacity 100 --min-throughput 10 \
       -o "$o/locate_capacitated.json"
  # The two builds differ in where they run and find the shipped data: not an output difference.
  sed -i -E "s|$o/|OUT/|g; s|[^,]*/datasets/|datasets/|g" "$o"/*.txt "$o"/*.csv
}
run_all "$old" "$work/old"
run_all "$new" "$work/new"

status=0
for f in "$work"/old/*; do
  name=$(basename "$f")
  if [[ $name == *.gpkg ]]; then
    if ! diff -q <(ogrinfo -ro -al -q "$f" | sed 1d | sed -E "s|[^ ]*/datasets/|datasets/|") \
                 <(ogrinfo -ro -al -q "$work/new/$name" | sed 1d | sed -E "s|[^ ]*/datasets/|datasets/|") >/dev/null; then
      echo "differs: $name"; status=1
    fi
  elif ! cmp -s "$f" "$work/new/$name"; then
    echo "differs: $name"; status=1
  fi
done
[ $status -eq 0 ] && echo "compare-outputs: $(ls "$work/old" | wc -l) outputs identical ($work)"
exit $status
