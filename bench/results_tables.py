#!/usr/bin/env python3
"""The per-country tables of docs/results.md, from the real binary on an inventory.

Runs `basural coverage --format csv` and `basural methane -o` (every default) on INVENTORY and prints
per country: sites (as loaded: shared sites merged) and the share observed, active sanitary
landfills, t/day to inadequate sites and the share of it that goes to observed sites (whose tonnage
basural still estimates), the share within reach of an active sanitary landfill, and CH4. With --old OLD_INVENTORY it prints the same
figures for OLD beside them (what moved). Standard library only.

    bench/results_tables.py [INVENTORY] [--old OLD.csv] [--basural build/apps/basural/basural]
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INADEQUATE = {"open_dump", "controlled_dump"}
RECEIVING = {"active", "closing", "unknown"}  # statuses whose waste coverage can count


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"results_tables: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def figures(basural, inventory):
    """{country: dict of figures} for one inventory."""
    coverage = {r["country"]: r for r in csv.DictReader(run([basural, "coverage", inventory, "--format", "csv"])
                                                          .splitlines())}
    with tempfile.TemporaryDirectory(prefix="basural-results-") as tmp:
        out = os.path.join(tmp, "methane.csv")
        run([basural, "methane", inventory, "-o", out, "--format", "csv"])
        methane = {r["site_id"]: r for r in read_csv(out)}
    sites = read_csv(inventory)
    result = {}
    for c, row in coverage.items():
        result[c] = dict(sites=int(row["sites"]), t_per_day=float(row["inadequate_waste_t_per_day"] or 0),
                         share_near=float(row["share_waste_near_landfill"] or 0),
                         landfills=int(row["active_sanitary_landfills"] or 0),
                         ch4=float(row["ch4_t_per_year"]) if row["ch4_t_per_year"] else None,
                         observed=0, t_observed_sites=0.0)
    lac = result.get("LAC")
    for s in sites:
        c = result.get(s["country"])
        m = methane.get(s["site_id"])
        if c is None or m is None:  # not a loaded site (merged into another)
            continue
        observed = s["provenance"] == "observed"
        c["observed"] += observed
        if lac is not None:
            lac["observed"] += observed
        if s["site_type"] not in INADEQUATE or s["status"] not in RECEIVING or not m["waste_t_per_day"]:
            continue
        t = float(m["waste_t_per_day"])
        for target in (c, lac):
            if target is None:
                continue
            if observed:
                target["t_observed_sites"] += t
    return result


def pct(part, whole):
    return f"{100.0 * part / whole:.1f} %" if whole else ""


def line(c, f):
    ch4 = "" if f["ch4"] is None else f"{f['ch4']:,.0f}"
    return (f"| {c} | {f['sites']:,} | {pct(f['observed'], f['sites'])} | {f['landfills']:,} | {f['t_per_day']:,.0f} | "
            f"{pct(f['t_observed_sites'], f['t_per_day'])} | "
            f"{100.0 * f['share_near']:.1f} % | {ch4} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inventory", nargs="?", default=os.path.join(REPO, "datasets", "lac_sites.csv"))
    parser.add_argument("--old", help="an earlier inventory to compare with")
    parser.add_argument("--basural", default=os.path.join(REPO, "build", "apps", "basural", "basural"))
    args = parser.parse_args(argv)
    new = figures(args.basural, args.inventory)
    old = figures(args.basural, args.old) if args.old else None
    head = ("| country | sites | observed | active landfills | t/day to inadequate sites | of it at observed sites "
            "| within 50 km of a landfill | CH4 t/yr |")
    print(head)
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for c in sorted(new, key=lambda k: (k == "LAC", k)):
        print(line(c, new[c]))
        if old is not None and c in old:
            print(line(f"{c} before", old[c]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
