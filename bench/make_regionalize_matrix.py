"""make_regionalize_matrix: a dense travel matrix for `basural regionalize --matrix`, for measuring
large matrices (docs/reliability.md "Large matrices").

The sites are the shipped inventory's planned sites of the countries asked for (the demand rule and
the candidate rule of docs/cli/regionalize.md: open and controlled dumps with status active, closing
or unknown; sanitary landfills with status active or unknown), ordered by site_id, at most --limit of
them. Every site is an origin and a destination (n x n pairs, a site to itself at 0). The cost is a
synthetic road distance in km: the WGS84 geodesic (pyproj's Geod) times a detour factor of 1.2-1.5
fixed per pair (a hash of the two ids), written with 3 decimals, origins in site_id order.

    /usr/bin/python3 bench/make_regionalize_matrix.py --countries BRA -o /tmp/bra_matrix.csv
    build/apps/basural/basural regionalize --country BRA --matrix /tmp/bra_matrix.csv -o plan.gpkg
"""

import argparse
import csv
import os
import sys
import zlib

import numpy as np
from pyproj import Geod

DEMAND_TYPES = {"open_dump", "controlled_dump"}
DEMAND_STATUS = {"active", "closing", "unknown"}
LANDFILL_STATUS = {"active", "unknown"}


def planned_sites(inventory, countries, limit):
    """(site_id, lon, lat) of the planned sites of `countries`, by site_id, at most `limit`."""
    out = []
    with open(inventory, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["country"] not in countries:
                continue
            demand = r["site_type"] in DEMAND_TYPES and r["status"] in DEMAND_STATUS
            landfill = r["site_type"] == "sanitary_landfill" and r["status"] in LANDFILL_STATUS
            if demand or landfill:
                out.append((r["site_id"], float(r["lon"]), float(r["lat"])))
    out.sort()
    return out[:limit] if limit else out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inventory", default=os.path.join(here, "..", "datasets", "lac_sites.csv"))
    p.add_argument("--countries", default="BRA", help="ISO3 codes, comma-separated")
    p.add_argument("--limit", type=int, default=0, help="at most this many sites (0 = all)")
    p.add_argument("-o", "--output", required=True)
    a = p.parse_args()
    sites = planned_sites(a.inventory, set(a.countries.split(",")), a.limit)
    if not sites:
        sys.exit("no planned site in " + a.countries)
    ids = [s[0] for s in sites]
    lon = np.array([s[1] for s in sites])
    lat = np.array([s[2] for s in sites])
    hashes = np.array([zlib.crc32(i.encode()) for i in ids], dtype=np.uint64)
    geod = Geod(ellps="WGS84")
    n = len(sites)
    tmp = a.output + ".part"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write("origin_id,destination_id,cost\n")
        for i in range(n):
            _, _, m = geod.inv(np.full(n, lon[i]), np.full(n, lat[i]), lon, lat)
            mix = (hashes[i] * np.uint64(2654435761) + hashes * np.uint64(40503)) % np.uint64(1000)
            km = m / 1000.0 * (1.2 + 0.3 * mix.astype(float) / 999.0)
            km[i] = 0.0
            out.write("".join(f"{ids[i]},{ids[j]},{km[j]:.3f}\n" for j in range(n)))
    os.replace(tmp, a.output)
    print(f"{a.output}: {n} x {n} = {n * n} pairs, {os.path.getsize(a.output)} bytes")


if __name__ == "__main__":
    main()
