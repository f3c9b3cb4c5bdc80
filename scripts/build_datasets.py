#!/usr/bin/python3
"""Build basural's shipped datasets (datasets/) and benchmark inputs (bench/data/) from raw public data.

Reads the raw data in ../shared/data (relative to the repository root; --shared overrides) and writes

  datasets/lac_countries.geojson    the 33 LAC states, Natural Earth 1:10m
  datasets/world_context.geojson    other Natural Earth 1:50m countries around LAC (greyed on maps)
  datasets/lac_admin1.geojson       first-level units of the 33 states (Natural Earth 10m, generalized),
                                    with lac_admin1.LICENSE-GPL-2.txt (its licence as distributed)
  datasets/lac_places.csv           GeoNames populated places of the 33 states
  datasets/lac_country_waste.csv    What a Waste 2.0 figures of the 33 states
  datasets/lac_sites.csv            the inventory: observed registers (SNIS, INEGI, MINAM), located
                                    Climate TRACE sites, and estimates up to each country's published figure
  datasets/climate_trace_2023_lac.csv  every Climate TRACE asset of the 33 states and what became of it
  datasets/README.md                sources, licences, columns and how every number was made
  bench/data/*                      OR-Library p-median instances, copied unchanged, and their README

The build is deterministic: the same inputs give the same bytes (sorted rows, fixed float formats, no
timestamps).  `--check` rebuilds into a temporary directory and exits 1 if a committed file differs.

Run with Debian's /usr/bin/python3 (needs python3-gdal); standard library and osgeo only.
The builders are in scripts/basural_data/, one module per dataset or source.
"""

import argparse
import os
import sys
import tempfile

from basural_data.admin1 import build_admin1
from basural_data.bench import BENCH_FILES, BENCH_README
from basural_data.common import BuildError, csv_text, read_dict_csv
from basural_data.countries import build_countries, build_world_context
from basural_data.checks import check_inventory
from basural_data.climate_trace import asset_table
from basural_data.inventory import build_inventory
from basural_data.places import build_places
from basural_data.readme import build_readme
from basural_data.sites import SITE_COLUMNS, site_line, verify_locations
from basural_data.waste import build_country_waste

GPL2_TEXT = "/usr/share/common-licenses/GPL-2"  # Debian base-files
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------------------------

def build_all(shared):
    """Every output file: {relative path: bytes}."""
    for sub in ("boundaries", "places", "waste_generation", "inventories", "counts", "benchmarks"):
        if not os.path.isdir(os.path.join(shared, sub)):
            raise BuildError(f"{shared}: no '{sub}' folder (is --shared the raw data folder?)")
    stats = {}
    out = {}
    countries_text, parts = build_countries(shared, stats)
    out["datasets/lac_countries.geojson"] = countries_text.encode()
    out["datasets/world_context.geojson"] = build_world_context(shared, stats).encode()
    admin1_text, admin1_units = build_admin1(shared, parts, stats)
    out["datasets/lac_admin1.geojson"] = admin1_text.encode()
    with open(GPL2_TEXT, "rb") as f:  # the admin-1 layer is GPL-2+ as distributed (datasets/README.md)
        out["datasets/lac_admin1.LICENSE-GPL-2.txt"] = f.read()
    places_text, places = build_places(shared, stats)
    out["datasets/lac_places.csv"] = places_text.encode()
    waste_text, waw = build_country_waste(shared, stats)
    out["datasets/lac_country_waste.csv"] = waste_text.encode()
    if any(waw[i] is None for i in waw):
        raise BuildError("a LAC country is missing from What a Waste 2.0: the estimation rules need it")
    counts_rows = read_dict_csv(os.path.join(shared, "counts", "lac_dumpsite_counts.csv"))
    rows, assets = build_inventory(shared, parts, admin1_units, places, waw, counts_rows, stats)
    verify_locations(rows, parts, stats)
    rows.sort(key=lambda r: r["site_id"])
    check_inventory(rows, assets, stats)
    out["datasets/climate_trace_2023_lac.csv"] = asset_table(assets).encode()
    out["datasets/lac_sites.csv"] = csv_text(SITE_COLUMNS, [site_line(r) for r in rows]).encode()
    for folder, name in BENCH_FILES:
        with open(os.path.join(shared, "benchmarks", folder, name), "rb") as f:
            out[f"bench/data/{name}"] = f.read()
    out["bench/data/README.md"] = BENCH_README.encode()
    sizes = {k.split("/", 1)[1]: len(v) for k, v in out.items() if k.startswith("datasets/")}
    out["datasets/README.md"] = build_readme(rows, assets, stats, waw, sizes).encode()
    return out, stats


def write_tree(out, root):
    for rel, data in sorted(out.items()):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.path.join(REPO_ROOT, "..", "shared", "data"),
                        help="raw data folder (default: <repo>/../shared/data)")
    parser.add_argument("--out", default=REPO_ROOT,
                        help="repository root to write datasets/ and bench/data/ into (default: this repo)")
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temporary directory and exit 1 if a committed file differs")
    args = parser.parse_args(argv)
    shared = os.path.normpath(args.shared)
    try:
        if args.check:
            with tempfile.TemporaryDirectory(prefix="basural-datasets-") as tmp:
                out, _ = build_all(shared)
                write_tree(out, tmp)
                differ = []
                for rel in sorted(out):
                    committed = os.path.join(args.out, rel)
                    if not os.path.exists(committed):
                        differ.append(f"{rel}: missing")
                        continue
                    with open(committed, "rb") as f:
                        if f.read() != out[rel]:
                            differ.append(f"{rel}: differs from a fresh build")
                if differ:
                    for d in differ:
                        print(f"build_datasets: {d}", file=sys.stderr)
                    return 1
                print(f"build_datasets: all {len(out)} files match a fresh build")
                return 0
        out, stats = build_all(shared)
        write_tree(out, args.out)
        for rel in sorted(out):
            print(f"{len(out[rel]):>10,}  {rel}")
        return 0
    except (BuildError, OSError, KeyError, ValueError, RuntimeError) as e:
        print(f"build_datasets: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

