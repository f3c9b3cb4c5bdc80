"""Checks the build runs on the finished inventory, each recomputed from the rows (not from the
builders' bookkeeping): a failed check stops the build with what failed."""

import bisect
import collections

from .climate_trace import DEDUP_ANY_TYPE_M, DEDUP_SAME_TYPE_M, DEDUP_SEAT_M
from .common import NAME_BY_ISO3, BuildError, haversine_m
from .mexico import INEGI_EXPECTED

LOADER_NEAR_DUPLICATE_M = 50.0  # basural's loader takes two located sites of one type this close for one


def pairs_within(a_rows, b_rows, radius_m):
    """(a, b, distance) for every pair closer than radius_m (latitude-sorted sweep)."""
    b_sorted = sorted(b_rows, key=lambda r: r["lat"])
    lats = [r["lat"] for r in b_sorted]
    reach = radius_m / 111000.0 + 1e-9
    for a in a_rows:
        lo = bisect.bisect_left(lats, a["lat"] - reach)
        hi = bisect.bisect_right(lats, a["lat"] + reach)
        for b in b_sorted[lo:hi]:
            if b is a:
                continue
            d = haversine_m(a["lon"], a["lat"], b["lon"], b["lat"])
            if d <= radius_m:
                yield a, b, d


def check_mexico(rows):
    inegi = [r for r in rows if r["site_id"].startswith("MEX-INEGI-")]
    by_type = collections.Counter(r["site_type"] for r in inegi)
    if len(inegi) != 1601 or dict(by_type) != INEGI_EXPECTED or any(r["provenance"] != "observed" for r in inegi):
        raise BuildError(f"Mexico: {len(inegi)} INEGI rows {dict(by_type)}, expected 1,601 observed {INEGI_EXPECTED}")


def check_dedup(rows):
    """No Climate TRACE site within the deduplication distance of a register site."""
    ct = [r for r in rows if "-CT-" in r["site_id"]]
    inegi = [r for r in rows if r["site_id"].startswith("MEX-INEGI-")]
    snis = [r for r in rows if r["site_id"].startswith("BRA-SNIS-")]
    for c, r, d in pairs_within(ct, inegi, DEDUP_SAME_TYPE_M):
        if d <= DEDUP_ANY_TYPE_M or c["site_type"] == r["site_type"]:
            raise BuildError(f"{c['site_id']} is {d:.0f} m from {r['site_id']} ({r['site_type']}): a duplicate")
    for c, r, d in pairs_within([c for c in ct if c["country"] == "BRA"], snis, DEDUP_SEAT_M):
        raise BuildError(f"{c['site_id']} is {d:.0f} m from the seat of {r['site_id']}: a duplicate")


def check_near_duplicates(rows):
    """No two located sites of one type closer than the loader's near-duplicate distance, except pairs
    of INEGI register sites (one site reported by several municipalities: the loader merges them)."""
    located = [r for r in rows if r["location_precision"] != "municipal_seat"]
    shared = 0
    for a, b, d in pairs_within(located, located, LOADER_NEAR_DUPLICATE_M):
        if a["site_id"] >= b["site_id"] or a["site_type"] != b["site_type"]:
            continue
        if a["site_id"].startswith("MEX-INEGI-") and b["site_id"].startswith("MEX-INEGI-"):
            shared += 1
            continue
        raise BuildError(f"{a['site_id']} and {b['site_id']} ({a['site_type']}) are {d:.1f} m apart")
    return shared


def check_totals(rows, stats):
    """Each country's estimated rows are its figure minus the observed sites that count against it."""
    estimated = collections.Counter((r["country"], r["site_type"]) for r in rows if r["provenance"] == "estimated")
    for iso3, plan in stats["plans"].items():
        planned = sum(n for _, n, _ in plan["planned_groups"])
        written = sum(n for _, n, _ in plan["groups"])
        by_type = collections.Counter()
        for site_type, n, _ in plan["groups"]:
            by_type[site_type] += n
        if any(estimated[(iso3, t)] != n for t, n in by_type.items()):
            raise BuildError(f"{iso3}: estimated rows {dict((t, estimated[(iso3, t)]) for t in by_type)} "
                             f"are not the plan's {dict(by_type)}")
        absorbed = planned - written
        if absorbed < 0 or absorbed > sum(plan["observed"].values()) + plan["observed_unknown_type"]:
            raise BuildError(f"{iso3}: {planned} planned, {written} estimated, {plan['observed']} observed")
    present = {r["country"] for r in rows}
    if present != set(NAME_BY_ISO3):
        raise BuildError(f"countries without sites: {sorted(set(NAME_BY_ISO3) - present)}")


def check_inventory(rows, assets, stats):
    check_mexico(rows)
    check_dedup(rows)
    shared = check_near_duplicates(rows)
    check_totals(rows, stats)
    unassigned = [r["site_id"] for r in rows if not r["admin1_code"]]
    if unassigned:
        raise BuildError(f"{len(unassigned)} sites without admin-1, e.g. {unassigned[:5]}")
    outcomes = collections.Counter(a["outcome"] for a in assets)
    if None in outcomes:
        raise BuildError(f"{outcomes[None]} Climate TRACE assets with no outcome")
    n_open = sum(1 for r in rows if r["site_type"] == "open_dump")
    if len(rows) < 14000 or n_open < 10000:
        raise BuildError(f"{len(rows)} sites, {n_open} open dumps: below the 14,000 / 10,000 targets")
    stats["checks"] = dict(inegi_shared_pairs=shared, ct_outcomes=dict(outcomes))
