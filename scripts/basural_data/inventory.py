"""lac_sites.csv's rows: the observed sources (SNIS, INEGI, MINAM, Climate TRACE), the estimates that
fill each country up to its published figure, and admin-1 for every site."""

from .admin1 import Admin1Index
from .brazil import build_brazil
from .climate_trace import (COUNTRY_TOLERANCE_KM, asset_row, brazil_municipality_index, dedup_against_inegi,
                            dedup_against_snis, match_brazil, match_mexico, read_assets)
from .common import BuildError
from .estimated import build_estimated
from .geometry import distance_to_country_km, point_in_country
from .mexico import build_mexico
from .peru import build_peru

ADMIN1_TOLERANCE_KM = 10.0  # a site outside every unit of its country (coasts, islands) takes the nearest this close


def located_assets(assets, parts_by_iso3, stats):
    """The Climate TRACE assets left after Peru's landfills and deduplication become sites, if they lie
    in their country (or within the coastal tolerance)."""
    rows, outside = [], []
    for a in assets:
        if a["outcome"]:
            continue
        parts = parts_by_iso3[a["iso3"]]
        if not point_in_country(parts, a["lon"], a["lat"]):
            d = distance_to_country_km(parts, a["lon"], a["lat"])
            if d > COUNTRY_TOLERANCE_KM:
                a.update(outcome="outside_country", distance_m=d * 1000.0)
                outside.append((a["asset_id"], a["iso3"], d))
                continue
        row = asset_row(a, None)
        a.update(outcome="added", site_id=row["site_id"])
        rows.append(row)
    stats["ct_outside"] = outside
    return rows


def assign_admin1(rows, index, stats):
    """Admin-1 by point-in-polygon for every row whose source gives none (recorded in `derived`);
    for rows that have one (INEGI, IBGE), count how often the generalized layer agrees."""
    agree = disagree = unassigned = 0
    for r in rows:
        unit, _ = index.locate(r["country"], r["lon"], r["lat"], ADMIN1_TOLERANCE_KM)
        if r["admin1_code"]:
            if unit is not None and unit["admin1_code"] == r["admin1_code"]:
                agree += 1
            else:
                disagree += 1
            continue
        if unit is None:
            unassigned += 1
            continue
        r["admin1_name"], r["admin1_code"] = unit["name"], unit["admin1_code"]
        r["derived"] = list(r.get("derived", [])) + ["admin1_name", "admin1_code"]
    stats["admin1_assignment"] = dict(agree=agree, disagree=disagree, unassigned=unassigned)


def build_inventory(shared, parts, admin1_units, places, waw, counts_rows, stats):
    """(rows, Climate TRACE assets with their outcome)."""
    index = Admin1Index(admin1_units)
    brazil = build_brazil(shared, stats)
    mexico = build_mexico(shared, stats)
    assets = read_assets(shared)
    peru = build_peru(shared, places, index, assets, stats)
    dedup_against_inegi(assets, mexico)
    dedup_against_snis(assets, brazil)
    match_mexico(assets, mexico)
    match_brazil(assets, brazil, brazil_municipality_index(shared))
    located = located_assets(assets, parts, stats)
    observed = brazil + mexico + peru + located
    rows = observed + build_estimated(shared, places, waw, parts, counts_rows, observed, stats)
    assign_admin1(rows, index, stats)
    if len({r["site_id"] for r in rows}) != len(rows):
        raise BuildError("site_id not unique")
    return rows, assets
