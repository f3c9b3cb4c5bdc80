"""Climate TRACE 2023 solid-waste-disposal assets of the 33 states: located sites, their type derived
from the name, deduplicated against the register rows (INEGI, SNIS); and the shipped table of every
asset with what became of it (datasets/climate_trace_2023_lac.csv), which the methane comparison reads.
"""

import math
import os
import re

from osgeo import gdal, ogr

from .common import NAME_BY_ISO3, BuildError, csv_text, fixed, haversine_m, read_csv
from .site_types import self_check, type_from_name

CT_COLUMNS = ["year", "asset_id", "native_asset_id", "asset_name", "iso3_country", "original_inventory_sector",
              "activity", "emissions_quantity", "emissions_quantity_new", "emissions_quantity_avoided",
              "annexOrNot", "lat", "lon"]
# native_asset_id prefix -> the upstream source Climate TRACE took the asset from
CT_UPSTREAM = {"mex": "Mexican national inventory", "met": "OpenStreetMap landfills",
               "gpw": "Global Plastic Watch", "wa": "Waste Atlas"}
CT_SOURCE = "Climate TRACE 2023 solid-waste-disposal"

# Deduplication (a Climate TRACE asset that is a site the inventory already has from a register is not
# added again):
DEDUP_ANY_TYPE_M = 1000.0    # this close to a surveyed register site (INEGI): that site, whatever the types
DEDUP_SAME_TYPE_M = 5000.0   # this close to a surveyed register site of the same type: that site
DEDUP_SEAT_M = 30000.0       # this close to a municipal seat where SNIS places units: one of those units
# Matching for the methane comparison (one asset to one register site):
MATCH_MEX_M = 1000.0         # nearest pairs first, each asset and each INEGI site used once
COUNTRY_TOLERANCE_KM = 3.0   # as for every site: inside the country polygon or this close to it


def read_assets(shared):
    wrong = self_check()
    if wrong:
        raise BuildError(f"name-to-type rules: {wrong} (name, expected, got)")
    path = os.path.join(shared, "inventories", "climate_trace_2023", "lac_assets_2023.csv")
    table = read_csv(path)
    if table[0] != CT_COLUMNS:
        raise BuildError(f"{path}: header {table[0]} is not {CT_COLUMNS}")
    assets = []
    for line_no, rec in enumerate(table[1:], start=2):
        r = dict(zip(CT_COLUMNS, rec))
        where = f"{path} line {line_no}"
        if r["year"] != "2023" or r["original_inventory_sector"] != "solid-waste-disposal":
            raise BuildError(f"{where}: year '{r['year']}' / sector '{r['original_inventory_sector']}'")
        if r["iso3_country"] not in NAME_BY_ISO3:
            raise BuildError(f"{where}: country '{r['iso3_country']}' is not one of the 33")
        m = re.fullmatch(r"([a-z]+)\d+", r["native_asset_id"])
        if m is None or m.group(1) not in CT_UPSTREAM:
            raise BuildError(f"{where}: native_asset_id '{r['native_asset_id']}' of an unknown upstream source")
        ch4, new, avoided = (float(r[k]) for k in ("emissions_quantity", "emissions_quantity_new",
                                                    "emissions_quantity_avoided"))
        if abs(ch4 - new - avoided) > 1.0:
            raise BuildError(f"{where}: emissions {ch4} != new {new} + avoided {avoided}")
        site_type, rule = type_from_name(r["asset_name"])
        assets.append(dict(
            asset_id=int(r["asset_id"]), native_id=r["native_asset_id"], upstream=m.group(1),
            name=r["asset_name"].strip(), iso3=r["iso3_country"], activity=float(r["activity"]),
            ch4_t=ch4, lon=float(r["lon"]), lat=float(r["lat"]), site_type=site_type, type_rule=rule,
            outcome=None, site_id="", distance_m=None, match_site_id="", match_distance_m=None))
    if len({a["asset_id"] for a in assets}) != len(assets):
        raise BuildError(f"{path}: asset_id not unique")
    assets.sort(key=lambda a: a["asset_id"])
    return assets


class PointGrid:
    """Points in 0.1-degree cells, for 'what is within d metres' over a few thousand sites."""

    CELL_DEG = 0.1

    def __init__(self, items):
        self.cells = {}
        for item in items:
            self.cells.setdefault(self.key(item["lon"], item["lat"]), []).append(item)

    def key(self, lon, lat):
        return (math.floor(lon / self.CELL_DEG), math.floor(lat / self.CELL_DEG))

    def within(self, lon, lat, radius_m):
        """[(distance_m, item)] sorted by distance, then by the item's site_id."""
        reach_lat = radius_m / 111000.0
        reach_lon = reach_lat / max(0.05, math.cos(math.radians(abs(lat) + reach_lat)))
        cx0, cy0 = self.key(lon - reach_lon, lat - reach_lat)
        cx1, cy1 = self.key(lon + reach_lon, lat + reach_lat)
        out = []
        for cx in range(cx0, cx1 + 1):
            for cy in range(cy0, cy1 + 1):
                for item in self.cells.get((cx, cy), ()):
                    d = haversine_m(lon, lat, item["lon"], item["lat"])
                    if d <= radius_m:
                        out.append((d, item["site_id"], item))
        out.sort(key=lambda t: (t[0], t[1]))
        return [(d, item) for d, _, item in out]


def dedup_against_inegi(assets, inegi_rows):
    """Mexico: an asset within 1 km of an INEGI site, or 5 km of one of its type, is that site."""
    grid = PointGrid(inegi_rows)
    for a in assets:
        if a["iso3"] != "MEX" or a["outcome"]:
            continue
        for d, r in grid.within(a["lon"], a["lat"], DEDUP_SAME_TYPE_M):
            if d <= DEDUP_ANY_TYPE_M or r["site_type"] == a["site_type"]:
                a.update(outcome="same_site", site_id=r["site_id"], distance_m=d)
                break


def dedup_against_snis(assets, snis_rows):
    """Brazil: SNIS places its units at the seat of their municipality, so the rule is municipal-scale:
    an asset within 30 km of a seat that has SNIS units is taken to be one of them (the nearest seat)."""
    seats = {}
    for r in snis_rows:
        seats.setdefault(r["municipality_code"], dict(lon=r["lon"], lat=r["lat"], site_id=r["municipality_code"],
                                                      units=[]))["units"].append(r)
    grid = PointGrid(list(seats.values()))
    for a in assets:
        if a["iso3"] != "BRA" or a["outcome"]:
            continue
        near = grid.within(a["lon"], a["lat"], DEDUP_SEAT_M)
        if near:
            d, seat = near[0]
            a.update(outcome="snis_municipality", site_id=seat["units"][0]["site_id"], distance_m=d,
                     seat=seat["site_id"])


def match_mexico(assets, inegi_rows):
    """One asset to one INEGI site for the methane comparison: pairs within 1 km, nearest first."""
    grid = PointGrid(inegi_rows)
    pairs = []
    for a in assets:
        if a["iso3"] == "MEX":
            for d, r in grid.within(a["lon"], a["lat"], MATCH_MEX_M):
                pairs.append((d, a["asset_id"], r["site_id"], a, r))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    used_assets, used_sites = set(), set()
    for d, asset_id, site_id, a, r in pairs:
        if asset_id in used_assets or site_id in used_sites:
            continue
        used_assets.add(asset_id)
        used_sites.add(site_id)
        a.update(match_site_id=site_id, match_distance_m=d)


def brazil_municipality_index(shared):
    """IBGE municipality polygons (7-digit code) for the Brazilian assets' point-in-polygon."""
    folder = os.path.join(shared, "boundaries", "brazil_municipalities")
    polys = []
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("geojs-") and name.endswith("-mun.json")):
            continue
        ds = gdal.OpenEx(os.path.join(folder, name), gdal.OF_VECTOR, allowed_drivers=["GeoJSON"])
        for f in ds.GetLayer(0):
            g = f.GetGeometryRef()
            polys.append((f.GetField("id"), g.Clone(), g.GetEnvelope()))
    return polys


def match_brazil(assets, snis_rows, municipality_polys):
    """One asset to one SNIS unit: the asset lies in a municipality (IBGE polygon) that reports exactly
    one disposal unit in operation, and no other asset lies in that municipality."""
    units = {}
    for r in snis_rows:
        if r["status"] == "active":
            units.setdefault(r["municipality_code"], []).append(r)
    in_municipality = {}
    for a in assets:
        if a["iso3"] != "BRA":
            continue
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(a["lon"], a["lat"])
        for code, g, (minx, maxx, miny, maxy) in municipality_polys:
            if minx <= a["lon"] <= maxx and miny <= a["lat"] <= maxy and g.Contains(pt):
                a["municipality_code"] = code
                in_municipality.setdefault(code, []).append(a)
                break
    for code, group in sorted(in_municipality.items()):
        mine = units.get(code, [])
        if len(group) == 1 and len(mine) == 1:
            r = mine[0]
            group[0].update(match_site_id=r["site_id"],
                            match_distance_m=haversine_m(group[0]["lon"], group[0]["lat"], r["lon"], r["lat"]))


def asset_row(a, admin1):
    site_type = a["site_type"] or "other"
    return {
        "site_id": f"{a['iso3']}-CT-{a['asset_id']}",
        "name": a["name"],
        "country": a["iso3"],
        "admin1_name": admin1["name"] if admin1 else "", "admin1_code": admin1["admin1_code"] if admin1 else "",
        "municipality_name": "", "municipality_code": "",
        "lon": a["lon"], "lat": a["lat"],
        "location_precision": "surveyed",
        "site_type": site_type,
        "status": "unknown",  # a 2023 emission estimate says nothing of whether the site still receives waste
        "derived": ["site_type"],
        "type_unknown": a["site_type"] is None,  # `other` because the name says nothing of the type
        "gas_capture": "unknown",
        "provenance": "observed",
        "source": f"{CT_SOURCE} ({CT_UPSTREAM[a['upstream']]})",
        "source_record": f"asset_id {a['asset_id']} ({a['native_id']})",
    }


ASSET_TABLE_COLUMNS = [
    "asset_id", "native_asset_id", "upstream_source", "asset_name", "country", "lon", "lat",
    "ch4_t_per_year_2023", "activity", "site_type_from_name", "type_rule", "outcome", "site_id",
    "distance_km", "methane_match_site_id", "methane_match_distance_km"]


def asset_table(assets):
    """datasets/climate_trace_2023_lac.csv: every LAC asset, its derived type and what became of it."""
    def km(m):
        return "" if m is None else fixed(m / 1000.0, 3)
    rows = [[a["asset_id"], a["native_id"], CT_UPSTREAM[a["upstream"]], a["name"], a["iso3"],
             fixed(a["lon"], 5), fixed(a["lat"], 5), fixed(a["ch4_t"], 0), fixed(a["activity"], 0),
             a["site_type"] or "", a["type_rule"], a["outcome"], a["site_id"], km(a["distance_m"]),
             a["match_site_id"], km(a["match_distance_m"])] for a in assets]
    return csv_text(ASSET_TABLE_COLUMNS, rows)
