"""Peru: the adequate disposal sites (sanitary landfills and transitory cells) named in MINAM's 2022
district table, with the waste each received, located by a Climate TRACE asset or a district seat."""

import collections
import os

from .common import BuildError, haversine_m, read_dict_csv
from .site_types import fold

PERU_YEAR = "2022"
PERU_SOURCE = "MINAM SIGERSOL disposición final adecuada 2022"
PERU_TYPES = {"RELLENO SANITARIO": "sanitary_landfill",
              # a transitory cell is an authorised engineered cell that MINAM counts as adequate disposal
              "CELDA TRANSITORIA": "sanitary_landfill"}
# One landfill written two ways in the table (the Callao landfill, in Ventanilla, under department LIMA
# for Lima's districts and under CALLAO for Callao's): merged under the second name.
PERU_SITE_ALIASES = {"R.S. EL MODELO CALLAO": "R.S. MODELO DEL CALLAO"}
# Districts whose seat GeoNames (lac_places.csv) lists under another name, or not at all:
# UBIGEO -> (GeoNames id of the place used, what it is).
PERU_SEAT_ALIASES = {
    "100601": (3691348, "Tingo María, seat of Rupa-Rupa"),
    "030602": (3926453, "Uripa, seat of Anco-Huallo"),
    "090304": (3936391, "Lircay, capital of Angaraes province (Ccochaccasa's seat is not in GeoNames)"),
    "021201": (3698841, "Carás, seat of Caraz (GeoNames spelling)"),
    "051010": (3939515, "Huancapi, capital of Víctor Fajardo province (Hualla's seat is not in GeoNames)"),
    "020105": (3696378, "Huaraz: Independencia is part of the city"),
    "120301": (3937020, "La Merced, seat of Chanchamayo"),
    "120434": (3937733, "Jauja: Yauyos is part of the city"),
    "160113": (3696183, "Iquitos: San Juan Bautista is part of the city"),
    "200701": (3691582, "Talara, seat of Pariñas"),
    "090117": (3939470, "Huancavelica, capital of the province (Yauli's seat is not in GeoNames)"),
}
CT_MATCH_M = 15000.0  # a Climate TRACE asset this close to the seat of a district the site serves


def read_sites(shared):
    path = os.path.join(shared, "waste_disposal", "peru_minam_disposal_by_district", "disposal_by_district_utf8.csv")
    sites = collections.defaultdict(list)
    for n, r in enumerate(read_dict_csv(path), start=2):
        name = r["NOMBRE_SITIO_DISPOSICION_FINAL_ADECUADA"].strip()
        if r["ANIO"] != PERU_YEAR or not name:
            continue
        kind = r["TIPO_SITIO_DISPOSICION_FINAL_ADECUADA"].strip()
        if kind not in PERU_TYPES:
            raise BuildError(f"{path} line {n}: site type '{kind}' is not one of {sorted(PERU_TYPES)}")
        ubigeo = r["UBIGEO"].strip().zfill(6)  # the source lost the leading zero
        t_per_year = float(r["RESIDUOS_MUNICIPALES_DISPUESTOS"])
        if not ubigeo.isdigit() or len(ubigeo) != 6 or t_per_year < 0:
            raise BuildError(f"{path} line {n}: UBIGEO '{r['UBIGEO']}' / tonnage '{t_per_year}'")
        sites[PERU_SITE_ALIASES.get(name, name)].append(dict(
            ubigeo=ubigeo, district=r["DISTRITO"].strip(), province=r["PROVINCIA"].strip(),
            department=r["DEPARTAMENTO"].strip(), t_per_year=t_per_year, kind=kind, name=name))
    return sites


def district_seats(districts, places, admin1_index):
    """{ubigeo: (place, how)} for the districts whose seat is in GeoNames (same name, same department)
    or in the alias table."""
    by_id = {p["geonameid"]: p for p in places if p["iso3"] == "PER"}
    by_name = collections.defaultdict(list)
    for p in by_id.values():
        by_name[fold(p["name"])].append(p)
    seats = {}
    for d in districts:
        if d["ubigeo"] in PERU_SEAT_ALIASES:
            gid, why = PERU_SEAT_ALIASES[d["ubigeo"]]
            if gid not in by_id:
                raise BuildError(f"Peru seat alias {d['ubigeo']}: GeoNames {gid} is not in lac_places.csv")
            seats[d["ubigeo"]] = (by_id[gid], why)
            continue
        # Natural Earth splits MINAM's department LIMA into Lima Province (Lima's metropolitan province)
        # and Lima (the region's other provinces)
        department = fold(d["department"])
        if department == "lima":
            department = "lima province" if fold(d["province"]) == "lima" else "lima"
        wanted = {department}
        found = []
        for p in by_name.get(fold(d["district"]), []):
            unit, _ = admin1_index.locate("PER", p["lon"], p["lat"], 5.0)
            if unit is not None and fold(unit["name"]) in wanted:
                found.append(p)
        found.sort(key=lambda p: (-(p["population"] or 0), p["geonameid"]))
        if found:
            seats[d["ubigeo"]] = (found[0], f"{found[0]['name']}, seat of {d['district'].title()}")
    return seats


def place_sites(sites, seats, assets):
    """Each site's location: a Climate TRACE asset near a served district's seat (nearest pairs first,
    each asset once, never one whose name says dump), else the seat of the served district with most waste."""
    pairs = []
    for name, districts in sites.items():
        for d in districts:
            if d["ubigeo"] not in seats:
                continue
            seat = seats[d["ubigeo"]][0]
            for a in assets:
                if a["iso3"] != "PER" or a["site_type"] == "open_dump":
                    continue
                dist = haversine_m(seat["lon"], seat["lat"], a["lon"], a["lat"])
                if dist <= CT_MATCH_M:
                    pairs.append((dist, name, a["asset_id"], d, a))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    placed, used = {}, set()
    for dist, name, asset_id, d, a in pairs:
        if name in placed or asset_id in used:
            continue
        used.add(asset_id)
        placed[name] = dict(asset=a, district=d, distance_m=dist)
    for name, districts in sites.items():
        if name in placed:
            continue
        with_seat = sorted((d for d in districts if d["ubigeo"] in seats),
                           key=lambda d: (-d["t_per_year"], d["ubigeo"]))
        if not with_seat:
            raise BuildError(f"Peru: no district of '{name}' has a seat in lac_places.csv "
                             f"({', '.join(d['ubigeo'] + ' ' + d['district'] for d in districts)}): "
                             "add one to PERU_SEAT_ALIASES")
        placed[name] = dict(asset=None, district=with_seat[0], distance_m=None)
    return placed


def build_peru(shared, places, admin1_index, assets, stats):
    sites = read_sites(shared)
    all_districts = [d for ds in sites.values() for d in ds]
    seats = district_seats(all_districts, places, admin1_index)
    placed = place_sites(sites, seats, assets)
    rows, table = [], []
    for k, name in enumerate(sorted(sites), start=1):
        districts = sorted(sites[name], key=lambda d: d["ubigeo"])
        where = placed[name]
        t_per_year = sum(d["t_per_year"] for d in districts)
        kinds = {d["kind"] for d in districts}
        if len(kinds) != 1:
            raise BuildError(f"Peru: '{name}' is both {sorted(kinds)}")
        site_id = f"PER-MINAM-{k:03d}"
        host = where["district"]
        if where["asset"] is not None:
            a = where["asset"]
            a.update(outcome="peru_landfill", site_id=site_id, distance_m=None)
            lon, lat, precision = a["lon"], a["lat"], "surveyed"
            municipality = ("", "")
            located = (f"Climate TRACE asset {a['asset_id']} ({a['name']}), "
                       f"{where['distance_m'] / 1000:.1f} km from {seats[host['ubigeo']][1]}")
        else:
            seat = seats[host["ubigeo"]][0]
            lon, lat, precision = seat["lon"], seat["lat"], "municipal_seat"
            municipality = (host["ubigeo"], host["district"].title())
            located = f"{seats[host['ubigeo']][1]} (GeoNames {seat['geonameid']})"
        rows.append({
            "site_id": site_id, "name": name, "country": "PER",
            "admin1_name": "", "admin1_code": "",
            "municipality_code": municipality[0], "municipality_name": municipality[1],
            "lon": lon, "lat": lat, "location_precision": precision,
            "site_type": PERU_TYPES[kinds.pop()], "status": "active",
            "waste_t_per_day": t_per_year / 365.0, "waste_provenance": "observed",
            "receives_other_municipalities": "yes" if len(districts) > 1 else "",
            "reporting_municipalities": "; ".join(f"{d['ubigeo']} {d['district'].title()}" for d in districts),
            "derived": ["receives_other_municipalities"] if len(districts) > 1 else [],
            "gas_capture": "unknown", "provenance": "observed",
            "source": PERU_SOURCE, "source_record": "; ".join(sorted({d["name"] for d in districts})),
        })
        table.append(dict(site_id=site_id, name=name, kind=districts[0]["kind"], districts=len(districts),
                          t_per_year=t_per_year, located=located, precision=precision))
    stats["peru"] = dict(sites=len(rows), table=table, districts=len(all_districts),
                         t_per_year=sum(t["t_per_year"] for t in table),
                         by_ct=sum(1 for t in table if t["precision"] == "surveyed"))
    return rows
