#!/usr/bin/env python3
"""basural's per-site methane against Climate TRACE's, on the sites matched in the shipped data.

Runs `basural methane --year 2023` on the shipped inventory, reads the pairs of
datasets/climate_trace_2023_lac.csv (`methane_match_site_id`: Mexico's INEGI sites within 1 km of a
Climate TRACE asset, Brazil's SNIS units alone in their municipality with one asset) and prints the
markdown tables of docs/results.md: per country the pairs, how many basural could estimate, the
median and quartiles of basural / Climate TRACE, the correlation of the logs, the sums, and the same
for the implied emission factor (CH4 per tonne of annual waste) and the annual waste itself, which
splits the gap into "how much waste" and "how much methane per tonne". Standard library only.

    bench/methane_vs_climate_trace.py [--basural build/apps/basural/basural] [--datasets datasets]
"""

import argparse
import csv
import math
import os
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEAR = 2023  # Climate TRACE's year


def quartiles(values):
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def log_correlation(xs, ys):
    lx = [math.log10(x) for x in xs]
    ly = [math.log10(y) for y in ys]
    return statistics.correlation(lx, ly)


def run_methane(basural, datasets, out_csv):
    inventory = os.path.join(datasets, "lac_sites.csv")
    cmd = [basural, "methane", inventory, "--year", str(YEAR), "-o", out_csv, "--format", "csv"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"methane_vs_climate_trace: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return list(csv.DictReader(done.stdout.splitlines()))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def pair_rows(sites, assets):
    by_id = {s["site_id"]: s for s in sites}
    pairs, missing = [], []
    for a in assets:
        sid = a["methane_match_site_id"]
        if not sid:
            continue
        s = by_id.get(sid)
        if s is None:  # merged into another record at loading (a site reported by several municipalities)
            missing.append(sid)
            continue
        pairs.append((a, s))
    return pairs, missing


def fmt(x, d=2):
    return "" if x is None else f"{x:,.{d}f}"


def country_rows(pairs, country):
    mine = [(a, s) for a, s in pairs if a["country"] == country]
    known = [(a, s) for a, s in mine if s["ch4_t_per_year"] and float(a["ch4_t_per_year_2023"]) > 0]
    ours = [float(s["ch4_t_per_year"]) for _, s in known]
    theirs = [float(a["ch4_t_per_year_2023"]) for a, _ in known]
    positive = [(o, t) for o, t in zip(ours, theirs) if o > 0]
    ratio = [o / t for o, t in positive]
    ef_ours = [float(s["ch4_t_per_year"]) / float(s["annual_waste_t"]) for _, s in known
               if float(s["annual_waste_t"] or 0) > 0]
    ef_theirs = [float(a["ch4_t_per_year_2023"]) / float(a["activity"]) for a, _ in known if float(a["activity"]) > 0]
    waste_ratio = [float(s["annual_waste_t"]) / float(a["activity"]) for a, s in known
                   if float(a["activity"]) > 0 and float(s["annual_waste_t"] or 0) > 0]
    return dict(pairs=len(mine), known=len(known), ratio=quartiles(ratio) if len(ratio) >= 4 else None,
                log_r=log_correlation(*zip(*positive)) if len(positive) >= 3 else None,
                ours_t=sum(ours), theirs_t=sum(theirs),
                ef_ours=statistics.median(ef_ours) if ef_ours else None,
                ef_theirs=statistics.median(ef_theirs) if ef_theirs else None,
                waste_ratio=quartiles(waste_ratio) if len(waste_ratio) >= 4 else None,
                by_type=sorted({s["site_type"] for _, s in known}),
                estimated_waste=sum(1 for _, s in known if s["waste_provenance"] == "estimated"))


def national_rows(per_country, assets, countries):
    ct_total = {}
    for a in assets:
        ct_total[a["country"]] = ct_total.get(a["country"], 0.0) + float(a["ch4_t_per_year_2023"])
    out = []
    for c in countries:
        row = next((r for r in per_country if r["country"] == c), None)
        out.append((c, float(row["ch4_t_per_year"]) if row and row["ch4_t_per_year"] else None,
                    int(row["sites"]) if row else 0, int(row["sites_unknown"]) if row else 0, ct_total.get(c)))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basural", default=os.path.join(REPO, "build", "apps", "basural", "basural"))
    parser.add_argument("--datasets", default=os.path.join(REPO, "datasets"))
    args = parser.parse_args(argv)
    assets = read_csv(os.path.join(args.datasets, "climate_trace_2023_lac.csv"))
    with tempfile.TemporaryDirectory(prefix="basural-methane-") as tmp:
        out_csv = os.path.join(tmp, "sites.csv")
        per_country = run_methane(args.basural, args.datasets, out_csv)
        sites = read_csv(out_csv)
    pairs, missing = pair_rows(sites, assets)
    if missing:
        print(f"({len(missing)} matched sites are not rows of basural's output: merged at loading)\n")

    print(f"Per site, {YEAR} (basural / Climate TRACE; quartiles over the pairs both estimate above 0)\n")
    print("| country | pairs | both known | basural / CT: p25, median, p75 | r of log10 | sum basural t CH4 "
          "| sum CT t CH4 | CH4 per t of annual waste, median: basural, CT | annual waste basural / CT activity: "
          "p25, median, p75 |")
    print("|---|---:|---:|---|---:|---:|---:|---|---|")
    for c in ("MEX", "BRA"):
        r = country_rows(pairs, c)
        q = r["ratio"]
        w = r["waste_ratio"]
        print(f"| {c} | {r['pairs']:,} | {r['known']:,} | "
              f"{'' if q is None else ', '.join(fmt(x) for x in q)} | {fmt(r['log_r'])} | "
              f"{r['ours_t']:,.0f} | {r['theirs_t']:,.0f} | {fmt(r['ef_ours'], 4)}, {fmt(r['ef_theirs'], 4)} | "
              f"{'' if w is None else ', '.join(fmt(x) for x in w)} |")
    print(f"\nNational totals, {YEAR} (t CH4; basural over every site of the inventory, unknown sites add nothing)\n")
    print("| country | basural | sites | of which unknown | Climate TRACE (all its assets) |")
    print("|---|---:|---:|---:|---:|")
    for c, ours, n, unknown, theirs in national_rows(per_country, assets, ("MEX", "BRA", "PER", "ARG", "LAC")):
        theirs = sum(float(a["ch4_t_per_year_2023"]) for a in assets) if c == "LAC" else theirs
        print(f"| {c} | {fmt(ours, 0)} | {n:,} | {unknown:,} | {fmt(theirs, 0)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
