#!/usr/bin/python3
"""Build basural's shipped datasets (datasets/) and benchmark inputs (bench/data/) from raw public data.

Reads the raw data in ../shared/data (relative to the repository root; --shared overrides) and writes

  datasets/lac_countries.geojson    the 33 LAC states, Natural Earth 1:10m
  datasets/world_context.geojson    other Natural Earth 1:50m countries around LAC (greyed on maps)
  datasets/lac_places.csv           GeoNames populated places of the 33 states
  datasets/lac_country_waste.csv    What a Waste 2.0 figures of the 33 states
  datasets/lac_sites.csv            the inventory: Brazil's SNIS units (observed) + calibrated estimates
  datasets/README.md                sources, licences, columns and how every number was made
  bench/data/*                      OR-Library p-median instances, copied unchanged, and their README

The build is deterministic: the same inputs give the same bytes (sorted rows, fixed float formats, no
timestamps).  `--check` rebuilds into a temporary directory and exits 1 if a committed file differs.

Run with Debian's /usr/bin/python3 (needs python3-gdal); standard library and osgeo only.
"""

import argparse
import csv
import hashlib
import io
import json
import math
import os
import shutil
import statistics
import sys
import tempfile

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS validity chatter; real errors raise

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README_TEMPLATE = os.path.join(REPO_ROOT, "scripts", "datasets_readme.md.in")

# ---------------------------------------------------------------------------------------------
# The 33 LAC states (CELAC): alpha-3, ISO 3166-1 numeric (Natural Earth `id`), alpha-2 (GeoNames),
# English short name.
LAC = [
    ("ATG", "028", "AG", "Antigua and Barbuda"),
    ("ARG", "032", "AR", "Argentina"),
    ("BHS", "044", "BS", "Bahamas"),
    ("BRB", "052", "BB", "Barbados"),
    ("BLZ", "084", "BZ", "Belize"),
    ("BOL", "068", "BO", "Bolivia"),
    ("BRA", "076", "BR", "Brazil"),
    ("CHL", "152", "CL", "Chile"),
    ("COL", "170", "CO", "Colombia"),
    ("CRI", "188", "CR", "Costa Rica"),
    ("CUB", "192", "CU", "Cuba"),
    ("DMA", "212", "DM", "Dominica"),
    ("DOM", "214", "DO", "Dominican Republic"),
    ("ECU", "218", "EC", "Ecuador"),
    ("SLV", "222", "SV", "El Salvador"),
    ("GRD", "308", "GD", "Grenada"),
    ("GTM", "320", "GT", "Guatemala"),
    ("GUY", "328", "GY", "Guyana"),
    ("HTI", "332", "HT", "Haiti"),
    ("HND", "340", "HN", "Honduras"),
    ("JAM", "388", "JM", "Jamaica"),
    ("MEX", "484", "MX", "Mexico"),
    ("NIC", "558", "NI", "Nicaragua"),
    ("PAN", "591", "PA", "Panama"),
    ("PRY", "600", "PY", "Paraguay"),
    ("PER", "604", "PE", "Peru"),
    ("KNA", "659", "KN", "Saint Kitts and Nevis"),
    ("LCA", "662", "LC", "Saint Lucia"),
    ("VCT", "670", "VC", "Saint Vincent and the Grenadines"),
    ("SUR", "740", "SR", "Suriname"),
    ("TTO", "780", "TT", "Trinidad and Tobago"),
    ("URY", "858", "UY", "Uruguay"),
    ("VEN", "862", "VE", "Venezuela"),
]
ISO3_BY_N3 = {n3: a3 for a3, n3, _, _ in LAC}
ISO3_BY_A2 = {a2: a3 for a3, _, a2, _ in LAC}
NAME_BY_ISO3 = {a3: name for a3, _, _, name in LAC}
N3_BY_ISO3 = {a3: n3 for a3, n3, _, _ in LAC}
assert len(LAC) == 33 and len(ISO3_BY_N3) == 33 and len(ISO3_BY_A2) == 33

# INEGI Marco Geoestadístico: names of Mexico's 32 states (AGEE), by INEGI code.
MEX_STATES = {
    "01": "Aguascalientes", "02": "Baja California", "03": "Baja California Sur", "04": "Campeche",
    "05": "Coahuila de Zaragoza", "06": "Colima", "07": "Chiapas", "08": "Chihuahua",
    "09": "Ciudad de México", "10": "Durango", "11": "Guanajuato", "12": "Guerrero", "13": "Hidalgo",
    "14": "Jalisco", "15": "México", "16": "Michoacán de Ocampo", "17": "Morelos", "18": "Nayarit",
    "19": "Nuevo León", "20": "Oaxaca", "21": "Puebla", "22": "Querétaro", "23": "Quintana Roo",
    "24": "San Luis Potosí", "25": "Sinaloa", "26": "Sonora", "27": "Tabasco", "28": "Tamaulipas",
    "29": "Tlaxcala", "30": "Veracruz de Ignacio de la Llave", "31": "Yucatán", "32": "Zacatecas",
}

SITE_COLUMNS = [
    "site_id", "name", "country", "admin1_name", "admin1_code", "municipality_name",
    "municipality_code", "lon", "lat", "location_precision", "site_type", "status", "area_ha",
    "depth_m", "waste_t_per_day", "waste_in_place_t", "opening_year", "closure_year",
    "open_burning", "waste_pickers", "child_waste_pickers", "gas_capture",
    "receives_other_municipalities", "provenance", "waste_provenance", "source", "source_record"]

WAW_COLUMNS = [
    ("composition_food_organic_pct", "composition_food_organic_waste_percent"),
    ("composition_paper_cardboard_pct", "composition_paper_cardboard_percent"),
    ("composition_wood_pct", "composition_wood_percent"),
    ("composition_yard_garden_green_pct", "composition_yard_garden_green_waste_percent"),
    ("composition_plastic_pct", "composition_plastic_percent"),
    ("composition_glass_pct", "composition_glass_percent"),
    ("composition_metal_pct", "composition_metal_percent"),
    ("composition_rubber_leather_pct", "composition_rubber_leather_percent"),
    ("composition_other_pct", "composition_other_percent"),
]
# Collection coverage: the first of these WaW columns that has a value (documented precedence).
WAW_COVERAGE_PRECEDENCE = [
    ("total, % of population", "waste_collection_coverage_total_percent_of_population"),
    ("total, % of households", "waste_collection_coverage_total_percent_of_households"),
    ("total, % of waste", "waste_collection_coverage_total_percent_of_waste"),
]
WAW_TREATMENT = {
    "open_dump": "waste_treatment_open_dump_percent",
    "controlled_landfill": "waste_treatment_controlled_landfill_percent",
    "sanitary_landfill": "waste_treatment_sanitary_landfill_landfill_gas_system_percent",
    "landfill_unspecified": "waste_treatment_landfill_unspecified_percent",
    "unaccounted": "waste_treatment_unaccounted_for_percent",
}
WAW_ACCOUNTED = [  # every treatment/disposal share except "unaccounted for"
    "waste_treatment_anaerobic_digestion_percent", "waste_treatment_compost_percent",
    "waste_treatment_controlled_landfill_percent", "waste_treatment_incineration_percent",
    "waste_treatment_landfill_unspecified_percent", "waste_treatment_open_dump_percent",
    "waste_treatment_other_percent", "waste_treatment_recycling_percent",
    "waste_treatment_sanitary_landfill_landfill_gas_system_percent",
    "waste_treatment_waterways_marine_percent"]
WAW_URL = "https://datacatalog.worldbank.org/search/dataset/0039597"

# ---------------------------------------------------------------------------------------------
# Calibration of the estimated inventories to published national counts (counts/lac_dumpsite_counts.csv).
# `match` must occur in the row's figure_as_published: the build fails if the counts file changes.
# groups: (site_type, number of sites, noun used in the site name)
ECUADOR_CANTONES = 221  # Ecuador's municipalities (cantones), INEC División Político Administrativa
PUBLISHED = {
    "ARG": dict(
        year="2023", match="5.200", short="5,200 basurales",
        groups=[("open_dump", 5200, "open dump")],
        figure="about 5,200 open dumps (Informe del Estado del Ambiente 2023)",
        why="most recent official national figure (Subsecretaría de Ambiente, 2023); the 2017 "
            "study counted about 5,000"),
    "MEX": dict(
        year="2017", match="2,203", short="2,203 sitios de disposición final",
        groups=[("controlled_dump", 173, "controlled dump"), ("open_dump", 2030, "open dump")],
        figure="2,203 final disposal sites, 173 with and 2,030 without leachate/biogas "
               "infrastructure (INEGI CNGM 2017)",
        why="the only national count (INEGI Censo Nacional de Gobiernos Municipales 2017, via "
            "SEMARNAT); sites without infrastructure are written as open dumps, the 173 with "
            "infrastructure as controlled dumps (the census does not say which of them are "
            "sanitary landfills)"),
    "PER": dict(
        year="2025", match="2026", short="2,026 áreas degradadas por residuos",
        groups=[("open_dump", 2026, "open dump")],
        figure="2,026 areas degraded by municipal solid waste (OEFA inventory, August 2025)",
        why="the August 2025 edition of the same OEFA national inventory whose earlier edition "
            "(c. 2018) counted 1,585 botaderos: the most recent official count; it counts every "
            "area degraded by municipal waste (1,975 to remediate, 51 to convert into landfills)"),
    "CHL": dict(
        year="2021", match="3.735", short="3,735 sitios de disposición ilegal",
        groups=[("open_dump", 243, "illegal dump"), ("open_dump", 3492, "microbasural")],
        figure="3,735 illegal disposal sites = 243 vertederos ilegales + 3,492 microbasurales "
               "(Diagnóstico Nacional 2021)",
        why="the only national count (Diagnóstico Nacional de Sitios de Disposición Ilegal de "
            "Residuos, 2021); both kinds are uncontrolled dumping, so both are open_dump"),
    "GTM": dict(
        year="2021", match="2.240", short="2,240 basureros",
        groups=[("open_dump", 2240, "open dump")],
        figure="2,240 basureros, 99% illegal (MARN, c. 2021)",
        why="most recent MARN figure; the older 634 (c. 2016) counted fewer kinds of site"),
    "COL": dict(
        year="2013", match="229", short="229 municipios con disposición inadecuada",
        groups=[("open_dump", 229, "open dump")],
        figure="229 of 1,102 municipalities dispose inadequately (Superservicios 2013)",
        why="Colombia publishes municipalities, not sites: one open dump per municipality that "
            "disposes inadequately"),
    "ECU": dict(
        year="n.d.", match="23%", short="23% y 26% de municipios con botaderos",
        groups=[("controlled_dump", int(math.floor(0.26 * ECUADOR_CANTONES + 0.5)), "controlled dump"),
                ("open_dump", int(math.floor(0.23 * ECUADOR_CANTONES + 0.5)), "open dump")],
        figure="23% of municipalities with open dumps, 26% with controlled dumps (INEC)",
        why="Ecuador publishes municipal shares: 23% and 26% of its 221 cantones, rounded, give "
            "51 open dumps and 57 controlled dumps (one per municipality)"),
}
# Published counts of *open dumps* used to calibrate the people-per-open-dump ratio for the
# countries without a count: (iso3, number of open dumps, where it comes from).
RATIO_CALIBRATION = [
    ("ARG", 5200, "about 5,200 basurales (2023)"),
    ("BRA", 1572, "1,572 lixões in operation (SNIS 2022)"),
    ("CHL", 3735, "3,735 illegal disposal sites (2021)"),
    ("GTM", 2240, "2,240 basureros (c. 2021)"),
    ("MEX", 2030, "2,030 sites without infrastructure (2017)"),
    ("PER", 2026, "2,026 degraded areas (2025)"),
]
COMPLETE_BREAKDOWN_PCT = 90.0  # WaW shares (other than "unaccounted") summing to this are complete

OFFSET_MIN_KM = 1.0
# Estimated sites of the same type are kept at least this far apart, so that none of them can be
# taken for a site entered twice (basural validate's near-duplicate check uses 50 m).
MIN_SEPARATION_M = 200.0
OFFSET_SPAN_KM = 4.0           # offsets of 1-5 km
OFFSET_ATTEMPTS = 8
COAST_TOLERANCE_KM = 3.0       # a point this close to its country polygon counts as inside it
EARTH_RADIUS_M = 6371008.8     # mean radius (IUGG), for the small offsets and nearest-place search
# GeoNames feature codes never used as anchors: sections of places, abandoned, historical, destroyed
EXCLUDED_FEATURE_CODES = {"PPLX", "PPLQ", "PPLH", "PPLW"}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Small helpers

def fixed(value, decimals):
    """Fixed-point text of a float; never '-0.000'."""
    text = f"{value:.{decimals}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text


def trimmed(value, decimals):
    """Fixed-point text with trailing zeros removed (for percentages as published)."""
    text = fixed(value, decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def round_half_up(x):
    return int(math.floor(x + 0.5))


def csv_text(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return buf.getvalue()


def read_csv(path, delimiter=",", encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def read_dict_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def haversine_m(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def destination(lon, lat, bearing_deg, distance_m):
    """Point at a distance and bearing on a sphere (offsets of a few km: sphere error < 0.5%)."""
    d = distance_m / EARTH_RADIUS_M
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(l2), math.degrees(p2)


def seeded_unit(key, index):
    """Two numbers in [0, 1) from a SHA-256 of the key: reproducible on every platform."""
    digest = hashlib.sha256(f"{key}:{index}".encode()).digest()
    return (int.from_bytes(digest[0:8], "big") / 2.0 ** 64,
            int.from_bytes(digest[8:16], "big") / 2.0 ** 64)


# ---------------------------------------------------------------------------------------------
# Geometry: rounding to a grid and keeping the result valid

def ring_area2(ring):
    s = 0.0
    for i in range(len(ring) - 1):
        s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    return s


def normalise_ring(ring, ccw):
    """Closed ring, oriented (RFC 7946: exterior counter-clockwise), starting at its smallest vertex."""
    pts = ring[:-1]
    if (ring_area2(ring) > 0) != ccw:
        pts = pts[::-1]
    k = min(range(len(pts)), key=lambda i: pts[i])
    pts = pts[k:] + pts[:k]
    return pts + [pts[0]]


def rounded_ring(ring, decimals):
    out = []
    for x, y in ring:
        p = (round(x, decimals), round(y, decimals))
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4 or ring_area2(out) == 0.0:
        return None
    return out


def polygons_of(geom):
    """Polygon parts of an OGR geometry as lists of rings of (x, y)."""
    name = geom.GetGeometryName()
    if name == "POLYGON":
        rings = []
        for i in range(geom.GetGeometryCount()):
            r = geom.GetGeometryRef(i)
            rings.append([(p[0], p[1]) for p in r.GetPoints()] if r.GetPointCount() else [])
        return [rings]
    if name in ("MULTIPOLYGON", "GEOMETRYCOLLECTION"):
        out = []
        for i in range(geom.GetGeometryCount()):
            out.extend(polygons_of(geom.GetGeometryRef(i)))
        return out
    return []  # points and lines left over by MakeValid


def round_polygons(polys, decimals):
    out = []
    for rings in polys:
        if not rings or not rings[0]:
            continue
        shell = rounded_ring(rings[0], decimals)
        if shell is None:
            continue
        holes = [h for h in (rounded_ring(r, decimals) for r in rings[1:] if r) if h is not None]
        out.append([shell] + holes)
    return out


def to_ogr(polys):
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for rings in polys:
        poly = ogr.Geometry(ogr.wkbPolygon)
        for ring in rings:
            r = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ring:
                r.AddPoint_2D(x, y)
            poly.AddGeometry(r)
        mp.AddGeometry(poly)
    return mp


def valid_rounded(geom, decimals, label):
    """Round to `decimals`, then MakeValid and round again until the rounded geometry is valid."""
    polys = round_polygons(polygons_of(geom), decimals)
    for _ in range(6):
        g = to_ogr(polys)
        if g.IsValid():
            break
        polys = round_polygons(polygons_of(g.MakeValid()), decimals)
    else:
        raise BuildError(f"{label}: geometry still invalid after rounding to {decimals} decimals")
    polys = [[normalise_ring(r, i == 0) for i, r in enumerate(rings)] for rings in polys]
    polys = [[rings[0]] + sorted(rings[1:]) for rings in polys]
    polys.sort()
    # Rounding moves each vertex by at most half a grid step: the area may change by about the
    # perimeter times that; anything more means parts were lost.
    area_before = geom.GetArea()
    area_after = to_ogr(polys).GetArea()
    perimeter = sum(math.hypot(r[i + 1][0] - r[i][0], r[i + 1][1] - r[i][1])
                    for rings in polys for r in rings for i in range(len(r) - 1))
    allowed = 1e-3 * area_before + perimeter * 0.5 * 10.0 ** -decimals
    if abs(area_after - area_before) > allowed:
        raise BuildError(f"{label}: rounding changed the area from {area_before:.6f} to "
                         f"{area_after:.6f} square degrees (more than {allowed:.6f})")
    return polys


def feature_line(props, polys, decimals):
    coords = ",".join(
        "[" + ",".join("[" + ",".join(f"[{fixed(x, decimals)},{fixed(y, decimals)}]" for x, y in ring)
                       + "]" for ring in rings) + "]" for rings in polys)
    return ('{"type":"Feature","properties":' + json.dumps(props, ensure_ascii=False, separators=(",", ":"))
            + ',"geometry":{"type":"MultiPolygon","coordinates":[' + coords + "]}}")


def feature_collection(lines):
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def read_topojson_countries(path):
    ds = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=["TopoJSON"])
    layer = ds.GetLayerByName("countries")
    if layer is None:
        raise BuildError(f"{path}: no 'countries' object")
    out = []
    for f in layer:
        g = f.GetGeometryRef()
        out.append((f.GetField("id"), f.GetField("name"), g.Clone() if g else None))
    return out


# ---------------------------------------------------------------------------------------------
# 1. Countries

def build_countries(shared, stats):
    path = os.path.join(shared, "boundaries", "natural_earth", "countries-10m.json")
    by_iso3 = {}
    for n3, _, geom in read_topojson_countries(path):
        if n3 in ISO3_BY_N3:
            iso3 = ISO3_BY_N3[n3]
            if iso3 in by_iso3 or geom is None:
                raise BuildError(f"{path}: id {n3} appears twice or has no geometry")
            by_iso3[iso3] = geom
    missing = sorted(set(NAME_BY_ISO3) - set(by_iso3))
    if missing:
        raise BuildError(f"{path}: no feature for {', '.join(missing)}")
    lines, geoms, fixes = [], {}, 0
    for iso3 in sorted(by_iso3):
        src = by_iso3[iso3]
        if not src.IsValid():
            fixes += 1
        polys = valid_rounded(src, 5, f"{path} {iso3}")
        props = {"iso3": iso3, "iso_n3": N3_BY_ISO3[iso3], "name": NAME_BY_ISO3[iso3]}
        lines.append(feature_line(props, polys, 5))
        # one geometry per part, with its envelope, for fast point-in-country tests
        geoms[iso3] = [(g, g.GetEnvelope()) for g in (to_ogr([rings]) for rings in polys)]
    stats["countries_invalid_in_source"] = fixes
    stats["countries_parts"] = sum(len(v) for v in geoms.values())
    return feature_collection(lines), geoms


def build_world_context(shared, stats):
    path = os.path.join(shared, "boundaries", "natural_earth", "countries-50m.json")
    window = ogr.CreateGeometryFromWkt(
        "POLYGON ((-120 -60, -25 -60, -25 35, -120 35, -120 -60))")
    lines = []
    for n3, name, geom in read_topojson_countries(path):
        if n3 in ISO3_BY_N3 or geom is None:
            continue
        keep = []
        for rings in polygons_of(geom):
            part = to_ogr([rings])
            minx, maxx, _, _ = part.GetEnvelope()
            # parts wrapped across the antimeridian (Fiji) span 360 degrees: never in the window
            if maxx - minx < 180.0 and part.Intersects(window):
                keep.append(rings)
        if not keep:
            continue
        polys = valid_rounded(to_ogr(keep), 4, f"{path} {n3} {name}")
        lines.append(((n3 or "", name), feature_line({"iso_n3": n3, "name": name}, polys, 4)))
    lines.sort()
    stats["world_context_names"] = [k[1] for k, _ in lines]
    return feature_collection([line for _, line in lines])


# ---------------------------------------------------------------------------------------------
# 2. Places

def build_places(shared, stats):
    path = os.path.join(shared, "places", "lac_places_geonames.csv")
    rows = read_dict_csv(path)
    expected = ["geonameid", "name", "country", "featureCode", "adminCode", "population", "lon", "lat"]
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    if header != expected:
        raise BuildError(f"{path}: header {header} is not {expected}")
    places, out = [], []
    zero = 0
    for n, r in enumerate(rows, start=2):
        if r["country"] not in ISO3_BY_A2:
            raise BuildError(f"{path} line {n}: country '{r['country']}' is not one of the 33")
        pop = int(r["population"]) if r["population"].strip() else 0
        if pop < 0:
            raise BuildError(f"{path} line {n}: population '{r['population']}'")
        if pop == 0:
            zero += 1
        place = dict(geonameid=int(r["geonameid"]), name=r["name"], iso3=ISO3_BY_A2[r["country"]],
                     feature_code=r["featureCode"], admin1_code=r["adminCode"],
                     population=pop if pop > 0 else None,
                     lon=float(r["lon"]), lat=float(r["lat"]))
        places.append(place)
    places.sort(key=lambda p: p["geonameid"])
    if len({p["geonameid"] for p in places}) != len(places):
        raise BuildError(f"{path}: geonameid not unique")
    for p in places:
        out.append([p["geonameid"], p["name"], p["iso3"], p["feature_code"], p["admin1_code"],
                    "" if p["population"] is None else p["population"],
                    fixed(p["lon"], 5), fixed(p["lat"], 5)])
    stats["places_total"] = len(places)
    stats["places_zero_population"] = zero
    stats["places_population_sum"] = sum(p["population"] or 0 for p in places)
    header_out = ["geonameid", "name", "country", "feature_code", "admin1_code", "population", "lon", "lat"]
    return csv_text(header_out, out), places


# ---------------------------------------------------------------------------------------------
# 3. Country waste (What a Waste 2.0)

def waw_float(row, column):
    v = row.get(column, "").strip()
    return float(v) if v else None


def build_country_waste(shared, stats):
    path = os.path.join(shared, "waste_generation", "what_a_waste_2_country_level.csv")
    rows = {r["iso3c"]: r for r in read_dict_csv(path) if r["region_id"] == "LCN"}
    waw, out, missing = {}, [], []
    for iso3 in sorted(NAME_BY_ISO3):
        r = rows.get(iso3)
        if r is None:
            missing.append(iso3)
            out.append([iso3, NAME_BY_ISO3[iso3]] + [""] * 17)
            waw[iso3] = None
            continue
        pop = waw_float(r, "population_population_number_of_people")
        msw = waw_float(r, "total_msw_total_msw_generated_tons_year")
        kg = msw * 1000.0 / pop / 365.0 if (pop and msw) else None
        cov, cov_basis = None, ""
        for basis, column in WAW_COVERAGE_PRECEDENCE:
            cov = waw_float(r, column)
            if cov is not None:
                cov_basis = basis
                break
        shares = {k: waw_float(r, c) for k, c in WAW_TREATMENT.items()}
        accounted = [waw_float(r, c) for c in WAW_ACCOUNTED]
        accounted_sum = sum(v for v in accounted if v is not None)
        any_breakdown = any(v is not None for v in accounted) or shares["unaccounted"] is not None
        waw[iso3] = dict(population=pop, msw_t_per_year=msw, kg_per_capita_day=kg, coverage=cov,
                         coverage_basis=cov_basis, shares=shares, accounted=accounted_sum,
                         any_breakdown=any_breakdown, waw_name=r["country_name"])

        def pct(v):
            return "" if v is None else trimmed(v, 4)
        out.append([iso3, NAME_BY_ISO3[iso3],
                    "" if pop is None else fixed(pop, 0),
                    "" if msw is None else fixed(msw, 0),
                    "" if kg is None else fixed(kg, 3),
                    pct(cov), pct(shares["open_dump"]), pct(shares["controlled_landfill"]),
                    pct(shares["sanitary_landfill"]), pct(shares["landfill_unspecified"])]
                   + [pct(waw_float(r, c)) for _, c in WAW_COLUMNS])
    header = ["iso3", "name", "population", "msw_t_per_year", "msw_kg_per_capita_day",
              "collection_coverage_pct", "open_dump_pct", "controlled_landfill_pct",
              "sanitary_landfill_pct", "landfill_unspecified_pct"] + [k for k, _ in WAW_COLUMNS]
    stats["waw_missing"] = missing
    return csv_text(header, out), waw


# ---------------------------------------------------------------------------------------------
# 4a. Brazil: SNIS-RS 2022 units of type lixão / aterro controlado / aterro sanitário

SNIS_TYPES = {"Lixão": "open_dump", "Aterro controlado": "controlled_dump",
              "Aterro sanitário": "sanitary_landfill"}
SNIS_COLUMNS = {
    "mun": "Código do Município", "unit": "Unidades", "name": "Nome da Unidade", "type": "Tipo da Unidade",
    "year_ref": "Ano de Referência",
    "up002": "UP002 - Ano de início da operação",
    "up012": "UP012 - Recebeu resíduos de outros municípios?",
    "up031": "UP031 - Existe drenagem de gases?",
    "up037": "UP037 - É feita queima de resíduos a céu aberto? ",
    "up051": "UP051 - A unidade de processamento esteve em operação no ano de referência?",
    "up052": "UP052 - Existe algum tipo de aproveitamento dos gases drenados?",
    "up081": "UP081 - Existem catadores de materiais recicláveis no lixão ou no aterro?",
    "up082": "UP082 - Quantidade de catadores até 14 anos?",
    "up083": "UP083 - Quantidade de catadores maiores de 14 anos?",
}


def snis_yes_no(value, where):
    v = value.strip()
    if v == "Sim":
        return True
    if v == "Não":
        return False
    if v == "":
        return None
    raise BuildError(f"{where}: yes/no answer '{value}' is neither 'Sim', 'Não' nor blank")


def snis_int(value, where):
    v = value.strip().replace(".", "")
    if v == "":
        return None
    if not v.isdigit():
        raise BuildError(f"{where}: '{value}' is not a whole number")
    return int(v)


def yes_no(b):
    return "" if b is None else ("yes" if b else "no")


def build_brazil(shared, stats):
    path = os.path.join(shared, "inventories", "brazil_snis", "snis_2022_unidades_processamento.csv")
    table = read_csv(path, delimiter=";")
    header = table[0]
    col = {}
    for key, name in SNIS_COLUMNS.items():
        if name not in header:
            raise BuildError(f"{path}: column '{name}' not found")
        col[key] = header.index(name)
    seats_path = os.path.join(shared, "boundaries", "brazil_municipalities", "municipal_seats.csv")
    seats = {}
    for r in read_dict_csv(seats_path):
        code6 = r["codigo_ibge"][:6]
        if code6 in seats:
            raise BuildError(f"{seats_path}: two seats share the 6-digit code {code6}")
        seats[code6] = r
    states = {r["codigo_uf"]: r for r in read_dict_csv(
        os.path.join(shared, "boundaries", "brazil_municipalities", "states.csv"))}

    rows, seen = [], set()
    s = dict(by_type={}, active_by_type={}, year_blank=0, year_rejected=[], gas={}, pickers={},
             name_fixed=0, units_read=len(table) - 1)
    for line_no, rec in enumerate(table[1:], start=2):
        where = f"{path} line {line_no}"
        site_type = SNIS_TYPES.get(rec[col["type"]])
        if site_type is None:
            continue
        if rec[col["year_ref"]] != "2022":
            raise BuildError(f"{where}: reference year '{rec[col['year_ref']]}' is not 2022")
        unit = rec[col["unit"]].strip().replace(".", "")
        if not unit.isdigit():
            raise BuildError(f"{where}: unit code '{rec[col['unit']]}'")
        if unit in seen:
            raise BuildError(f"{where}: unit code {unit} appears twice")
        seen.add(unit)
        mun6 = rec[col["mun"]].strip()
        seat = seats.get(mun6)
        if seat is None:
            raise BuildError(f"{where}: municipality {mun6} has no seat in {seats_path}")
        state = states.get(seat["codigo_uf"])
        if state is None:
            raise BuildError(f"{where}: state {seat['codigo_uf']} not in states.csv")

        operating = snis_yes_no(rec[col["up051"]], where + " UP051")
        status = "unknown" if operating is None else ("active" if operating else "inactive")
        s["by_type"][site_type] = s["by_type"].get(site_type, 0) + 1
        if status == "active":
            s["active_by_type"][site_type] = s["active_by_type"].get(site_type, 0) + 1

        year_text = rec[col["up002"]].strip()
        opening_year = snis_int(year_text, where + " UP002")
        if opening_year is None:
            s["year_blank"] += 1
        elif opening_year < 1900 or opening_year > 2022:
            s["year_rejected"].append((unit, year_text))
            opening_year = None

        drainage = snis_yes_no(rec[col["up031"]], where + " UP031")
        use = snis_yes_no(rec[col["up052"]], where + " UP052")
        if drainage is True:
            gas = "energy" if use is True else "drainage"
        elif drainage is False:
            gas = "unknown" if use is True else "none"
        else:
            gas = "energy" if use is True else "unknown"
        s["gas"][gas] = s["gas"].get(gas, 0) + 1

        pickers_present = snis_yes_no(rec[col["up081"]], where + " UP081")
        children = snis_int(rec[col["up082"]], where + " UP082")
        adults = snis_int(rec[col["up083"]], where + " UP083")
        if pickers_present is False:
            if children or adults:
                raise BuildError(f"{where}: UP081 'Não' but pickers counted ({children}, {adults})")
            pickers, child_pickers, rule = 0, 0, "UP081 no -> 0"
        elif pickers_present is True:
            child_pickers = children
            pickers = adults + children if (adults is not None and children is not None) else None
            rule = "UP081 yes, both counts" if pickers is not None else "UP081 yes, a count missing"
        else:
            pickers, child_pickers, rule = None, None, "UP081 blank"
            if children is not None or adults is not None:
                raise BuildError(f"{where}: pickers counted but UP081 blank")
        s["pickers"][rule] = s["pickers"].get(rule, 0) + 1

        rows.append({
            "site_id": f"BRA-SNIS-{unit}",
            "name": rec[col["name"]].strip(),
            "country": "BRA",
            "admin1_name": state["nome"],
            "admin1_code": state["codigo_uf"],
            "municipality_name": seat["nome"],
            "municipality_code": seat["codigo_ibge"],
            "lon": float(seat["longitude"]),
            "lat": float(seat["latitude"]),
            "location_precision": "municipal_seat",
            "site_type": site_type,
            "status": status,
            "opening_year": opening_year,
            "open_burning": yes_no(snis_yes_no(rec[col["up037"]], where + " UP037")),
            "waste_pickers": pickers,
            "child_waste_pickers": child_pickers,
            "gas_capture": gas,
            "receives_other_municipalities": yes_no(snis_yes_no(rec[col["up012"]], where + " UP012")),
            "provenance": "observed",
            "source": "SNIS-RS 2022 unidades de processamento",
            "source_record": unit,
        })
    active_lixoes = sum(1 for r in rows if r["site_type"] == "open_dump" and r["status"] == "active")
    if active_lixoes != 1572:
        raise BuildError(f"{path}: {active_lixoes} lixões in operation, expected the published 1,572")
    per_municipality = {}
    for r in rows:
        per_municipality[r["municipality_code"]] = per_municipality.get(r["municipality_code"], 0) + 1
    s["municipalities"] = len(per_municipality)
    s["shared_seat_rows"] = sum(n for n in per_municipality.values() if n > 1)
    stats["brazil"] = s
    return rows


# ---------------------------------------------------------------------------------------------
# 4b. Estimated sites for the other 32 countries

def point_in_country(parts, lon, lat):
    pt = ogr.Geometry(ogr.wkbPoint)
    pt.AddPoint_2D(lon, lat)
    for geom, (minx, maxx, miny, maxy) in parts:
        if minx <= lon <= maxx and miny <= lat <= maxy and geom.Contains(pt):
            return True
    return False


def distance_to_country_km(parts, lon, lat):
    """Distance (km, upper bound: degrees x 111.32) from a point to the nearest part of a country."""
    pt = ogr.Geometry(ogr.wkbPoint)
    pt.AddPoint_2D(lon, lat)
    best = None
    for geom, (minx, maxx, miny, maxy) in parts:
        # cheap lower bound from the envelope before the exact distance
        dx = max(minx - lon, 0.0, lon - maxx)
        dy = max(miny - lat, 0.0, lat - maxy)
        if best is not None and math.hypot(dx, dy) * 111.32 >= best:
            continue
        d = geom.Distance(pt) * 111.32
        best = d if best is None else min(best, d)
    return best


def mexican_seat(municipality, places):
    minx, maxx, miny, maxy = municipality["bbox"]
    seats = [p for p in places if p["iso3"] == "MEX" and p["feature_code"] == "PPLA2"
             and p["name"] == municipality["name"] and minx <= p["lon"] <= maxx and miny <= p["lat"] <= maxy]
    seats.sort(key=lambda p: (-(p["population"] or 0), p["geonameid"]))
    return seats[0] if seats else None


def anchors_for(iso3, places, shared, parts, stats):
    """Real places a country's estimated sites are put near, ranked by population (largest first)."""
    excluded = []
    if iso3 == "MEX":
        path = os.path.join(shared, "boundaries", "mexico_municipalities",
                            "municipal_centroids_population_2020.csv")
        anchors = []
        for r in read_dict_csv(path):
            pop = int(r["pob"]) if r["pob"].strip() else 0
            anchors.append(dict(
                key=r["cvegeo"], name=r["nom_agem"], lon=float(r["centroid_lon"]),
                lat=float(r["centroid_lat"]), population=pop if pop > 0 else None,
                admin1_code=r["cve_agee"], admin1_name=MEX_STATES[r["cve_agee"]],
                municipality_code=r["cvegeo"], municipality_name=r["nom_agem"],
                bbox=(float(r["min_lon"]), float(r["max_lon"]), float(r["min_lat"]), float(r["max_lat"]))))
    else:
        anchors = []
        for p in places:
            if p["iso3"] != iso3:
                continue
            if p["feature_code"] in EXCLUDED_FEATURE_CODES:
                excluded.append((p["geonameid"], p["name"], "feature code " + p["feature_code"]))
                continue
            anchors.append(dict(key=p["geonameid"], name=p["name"], lon=p["lon"], lat=p["lat"],
                                population=p["population"], admin1_code="", admin1_name="",
                                municipality_code="", municipality_name="", bbox=None))
    kept = []
    for a in anchors:
        if not point_in_country(parts, a["lon"], a["lat"]):
            d = distance_to_country_km(parts, a["lon"], a["lat"])
            if d > COAST_TOLERANCE_KM and a["bbox"] is not None:
                # A Mexican municipality with offshore islands has its area centroid at sea: use
                # its seat instead, the GeoNames PPLA2 of the same name inside its bounding box.
                seat = mexican_seat(a, places)
                if seat is not None and point_in_country(parts, seat["lon"], seat["lat"]):
                    stats.setdefault("mex_seat_fallback", []).append(
                        (a["key"], a["name"], d, seat["geonameid"]))
                    a = dict(a, lon=seat["lon"], lat=seat["lat"])
                    d = 0.0
            if d > COAST_TOLERANCE_KM:
                excluded.append((a["key"], a["name"], f"{d:.1f} km outside the country polygon"))
                continue
        kept.append(a)
    # largest population first; unknown population after every known one; ties by identifier
    kept.sort(key=lambda a: (a["population"] is None, -(a["population"] or 0), a["key"]))
    stats.setdefault("anchors_excluded", {})[iso3] = excluded
    return kept


def waw_plan(iso3, waw, ratio, fallback_share):
    """Number and kind of sites for a country without a published count (documented rule)."""
    w = waw[iso3]
    od = w["shares"]["open_dump"]
    if od is not None:
        share, basis = od, "WaW open-dump share"
    elif w["any_breakdown"] and w["accounted"] >= COMPLETE_BREAKDOWN_PCT:
        share, basis = 0.0, f"WaW breakdown complete ({trimmed(w['accounted'], 2)}%) without open dumping"
    else:
        share, basis = fallback_share, "LAC median open-dump share (WaW has no usable breakdown)"
    n = round_half_up(w["population"] * share / 100.0 / ratio)
    if n > 0:
        return [("open_dump", n, "open dump")], share, basis, None
    # at least one site: the national disposal site, of the kind WaW says takes the most waste
    kinds = [("controlled_landfill", "controlled_dump", "controlled dump"),
             ("sanitary_landfill", "sanitary_landfill", "sanitary landfill"),
             ("landfill_unspecified", "other", "disposal site"),
             ("open_dump", "open_dump", "open dump")]
    best = kinds[3]  # open dump when WaW reports no disposal share at all
    for k in kinds:  # the largest reported share; ties go to the kind listed first
        if (w["shares"][k[0]] or 0.0) > (w["shares"][best[0]] or 0.0):
            best = k
    return [(best[1], 1, best[2])], share, basis, best[0]


def type_share(w, site_type, od_share):
    """WaW share (%) of the country's waste that goes to sites of this type; None when unknown."""
    if site_type == "open_dump":
        return od_share
    key = {"controlled_dump": "controlled_landfill", "sanitary_landfill": "sanitary_landfill",
           "other": "landfill_unspecified"}[site_type]
    return w["shares"][key]


def build_estimated(shared, places, waw, parts_by_iso3, counts_rows, stats):
    # people per open dump, calibrated on the countries with a published count of open dumps
    ratios = []
    for iso3, n, label in RATIO_CALIBRATION:
        w = waw[iso3]
        people = w["population"] * w["shares"]["open_dump"] / 100.0
        ratios.append((iso3, n, label, people, people / n))
    ratio = statistics.median(r[4] for r in ratios)
    reported = sorted(waw[i]["shares"]["open_dump"] for i in waw
                      if waw[i] is not None and waw[i]["shares"]["open_dump"] is not None)
    fallback_share = statistics.median(reported)
    stats["ratio_calibration"] = ratios
    stats["people_per_open_dump"] = ratio
    stats["fallback_open_dump_share"] = fallback_share
    stats["fallback_share_n"] = len(reported)

    # find the calibration rows in the counts file
    counts_path = os.path.join(shared, "counts", "lac_dumpsite_counts.csv")
    plans = {}
    for iso3 in sorted(NAME_BY_ISO3):
        if iso3 == "BRA":
            continue
        if iso3 in PUBLISHED:
            cfg = PUBLISHED[iso3]
            hits = [(i, r) for i, r in enumerate(counts_rows, start=1)
                    if r["iso3"] == iso3 and r["year_of_data"].endswith(cfg["year"])
                    and cfg["match"] in r["figure_as_published"]]
            if len(hits) != 1:
                raise BuildError(f"{counts_path}: expected one {iso3} row of {cfg['year']} containing "
                                 f"'{cfg['match']}', found {len(hits)}")
            row_no, row = hits[0]
            w = waw[iso3]
            plans[iso3] = dict(
                groups=cfg["groups"], od_share=w["shares"]["open_dump"],
                source=f"basural estimate calibrated to {cfg['short']} ({row['year_of_data']})",
                source_record=f"lac_dumpsite_counts.csv row {row_no}",
                basis="published count", counts_row=row, counts_row_no=row_no, why=cfg["why"],
                figure=cfg["figure"])
        else:
            groups, share, basis, national_kind = waw_plan(iso3, waw, ratio, fallback_share)
            w = waw[iso3]
            n = groups[0][1]
            if national_kind is None:
                fig = (f"What a Waste 2.0: {fixed(w['population'], 0)} people x {trimmed(share, 2)}% "
                       f"open dumping / {fixed(ratio, 0)} people per open dump = {n} open dumps")
            else:
                fig = (f"What a Waste 2.0: no open dumping modelled; one national site "
                       f"({national_kind.replace('_', ' ')} {trimmed(w['shares'][national_kind], 2)}%)")
            plans[iso3] = dict(
                groups=groups, od_share=share,
                source="basural estimate from What a Waste 2.0 (2018)",
                source_record=f"what_a_waste_2_country_level.csv iso3c={iso3}",
                basis=basis, counts_row=None, why=basis, figure=fig)

    rows = []
    placement = {}
    for iso3, plan in sorted(plans.items()):
        parts = parts_by_iso3[iso3]
        anchors = anchors_for(iso3, places, shared, parts, stats)
        if not anchors:
            raise BuildError(f"{iso3}: no populated place to put estimated sites near")
        w = waw[iso3]
        sites = []
        j = 0
        for site_type, count, noun in plan["groups"]:
            for _ in range(count):
                sites.append(dict(index=j, anchor=j % len(anchors), site_type=site_type, noun=noun))
                j += 1
        # population served: per site type, each anchor's population goes to its own site(s) of that
        # type, or to the nearest anchor hosting one; a host's population is split among its sites.
        for site_type in sorted({s["site_type"] for s in sites}):
            group = [s for s in sites if s["site_type"] == site_type]
            per_host = {}
            for s in group:
                per_host[s["anchor"]] = per_host.get(s["anchor"], 0) + 1
            hosts = sorted(per_host)
            served = {h: None for h in hosts}

            def add(h, pop):
                if pop is not None:
                    served[h] = (served[h] or 0) + pop
            for a_idx, a in enumerate(anchors):
                if a_idx in per_host:
                    add(a_idx, a["population"])
                    continue
                best = min(hosts, key=lambda h: (haversine_m(a["lon"], a["lat"], anchors[h]["lon"],
                                                             anchors[h]["lat"]), h))
                add(best, a["population"])
            for s in group:
                pop = served[s["anchor"]]
                s["population_served"] = None if pop is None else pop / per_host[s["anchor"]]
        kg = w["kg_per_capita_day"]
        cov = w["coverage"]
        moved = fallback = 0
        taken = {}  # (type, grid cell) -> placed points, to keep estimated sites apart

        def cell_of(lon_, lat_):
            return (int(math.floor(lon_ / 0.01)), int(math.floor(lat_ / 0.01)))

        def too_close(site_type, lon_, lat_):
            cx, cy = cell_of(lon_, lat_)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for (olon, olat) in taken.get((site_type, cx + dx, cy + dy), ()):
                        if haversine_m(lon_, lat_, olon, olat) < MIN_SEPARATION_M:
                            return True
            return False

        for s in sites:
            a = anchors[s["anchor"]]
            site_id = f"{iso3}-EST-{s['index'] + 1:05d}"
            lon, lat = a["lon"], a["lat"]
            placed = False
            for attempt in range(OFFSET_ATTEMPTS * 4):
                u1, u2 = seeded_unit(site_id, attempt)
                # after OFFSET_ATTEMPTS tries the ring widens (crowded anchors, narrow coasts)
                widen = 1 + attempt // OFFSET_ATTEMPTS
                cand = destination(a["lon"], a["lat"], u1 * 360.0,
                                   (OFFSET_MIN_KM + u2 * OFFSET_SPAN_KM * widen) * 1000.0)
                clon, clat = round(cand[0], 5), round(cand[1], 5)
                if a["bbox"] is not None:
                    minx, maxx, miny, maxy = a["bbox"]
                    if not (minx <= clon <= maxx and miny <= clat <= maxy):
                        continue
                if point_in_country(parts, clon, clat) and not too_close(s["site_type"], clon, clat):
                    lon, lat, placed = clon, clat, True
                    break
            # an anchor kept by anchors_for() is inside its country or within the coastal tolerance
            if placed:
                moved += 1
            else:
                fallback += 1
                if too_close(s["site_type"], lon, lat):
                    raise SystemExit(f"build_datasets: {site_id} cannot be placed {MIN_SEPARATION_M} m "
                                     f"from every other estimated {s['site_type']}")
            taken.setdefault((s["site_type"],) + cell_of(lon, lat), []).append((lon, lat))
            share = type_share(w, s["site_type"], plan["od_share"])
            waste = None
            if None not in (s["population_served"], kg, cov, share):
                waste = s["population_served"] * kg / 1000.0 * cov / 100.0 * share / 100.0
            kind = s["noun"]
            rows.append({
                "site_id": site_id,
                "name": f"Estimated {kind} near {a['name']}",
                "country": iso3,
                "admin1_name": a["admin1_name"], "admin1_code": a["admin1_code"],
                "municipality_name": a["municipality_name"], "municipality_code": a["municipality_code"],
                "lon": lon, "lat": lat,
                "location_precision": "estimated",
                "site_type": s["site_type"],
                "status": "active",
                "waste_t_per_day": waste,
                "waste_provenance": "estimated" if waste is not None else "",
                "gas_capture": "unknown",
                "provenance": "estimated",
                "source": plan["source"],
                "source_record": plan["source_record"],
                "verified_inside": placed,
            })
        placement[iso3] = dict(anchors=len(anchors), offset=moved, at_anchor=fallback,
                               places_population=sum(a["population"] or 0 for a in anchors))
    stats["plans"] = plans
    stats["placement"] = placement
    return rows


def verify_locations(rows, parts_by_iso3, stats):
    """Every site must lie in its country polygon, or within the coastal tolerance of it."""
    worst = {}
    for r in rows:
        parts = parts_by_iso3[r["country"]]
        if r.get("verified_inside") or point_in_country(parts, r["lon"], r["lat"]):
            continue
        d = distance_to_country_km(parts, r["lon"], r["lat"])
        if r["provenance"] == "estimated" and d > COAST_TOLERANCE_KM:
            raise BuildError(f"{r['site_id']}: ({r['lon']}, {r['lat']}) is {d:.1f} km outside "
                             f"{r['country']}")
        key = (r["country"], r["provenance"])
        n, dmax = worst.get(key, (0, 0.0))
        worst[key] = (n + 1, max(dmax, d))
    stats["outside_polygon"] = worst


def site_line(r):
    def num(key, decimals):
        v = r.get(key)
        return "" if v is None else fixed(v, decimals)

    def integer(key):
        v = r.get(key)
        return "" if v is None else str(v)
    values = {
        "site_id": r["site_id"], "name": r["name"], "country": r["country"],
        "admin1_name": r["admin1_name"], "admin1_code": r["admin1_code"],
        "municipality_name": r["municipality_name"], "municipality_code": r["municipality_code"],
        "lon": fixed(r["lon"], 5), "lat": fixed(r["lat"], 5),
        "location_precision": r["location_precision"], "site_type": r["site_type"],
        "status": r["status"], "area_ha": "", "depth_m": "",
        "waste_t_per_day": num("waste_t_per_day", 3), "waste_in_place_t": "",
        "opening_year": integer("opening_year"), "closure_year": "",
        "open_burning": r.get("open_burning", ""), "waste_pickers": integer("waste_pickers"),
        "child_waste_pickers": integer("child_waste_pickers"), "gas_capture": r["gas_capture"],
        "receives_other_municipalities": r.get("receives_other_municipalities", ""),
        "provenance": r["provenance"], "waste_provenance": r.get("waste_provenance", ""),
        "source": r["source"], "source_record": r["source_record"],
    }
    return [values[c] for c in SITE_COLUMNS]


# ---------------------------------------------------------------------------------------------
# 5. README (from scripts/datasets_readme.md.in, with the numbers of this build)

def md_escape(text):
    return text.replace("|", "\\|")


def thousands(n):
    return f"{n:,}"


def build_readme(rows, stats, waw, files):
    with open(README_TEMPLATE, encoding="utf-8") as f:
        template = f.read()
    plans = stats["plans"]
    per = {}
    for r in rows:
        c = per.setdefault(r["country"], dict(total=0, observed=0, estimated=0, open_dump=0,
                                              open_dump_active=0, waste=0.0, waste_n=0))
        c["total"] += 1
        c[r["provenance"]] += 1
        if r["site_type"] == "open_dump":
            c["open_dump"] += 1
            if r["status"] == "active":
                c["open_dump_active"] += 1
    table = ["| country | iso3 | sites | observed | estimated | open dumps | traces to |",
             "|---|---|---:|---:|---:|---:|---|"]
    tot = dict(total=0, observed=0, estimated=0, open_dump=0)
    for iso3 in sorted(NAME_BY_ISO3):
        c = per.get(iso3)
        if c is None:
            raise BuildError(f"no site for {iso3}")
        for k in tot:
            tot[k] += c[k]
        if iso3 == "BRA":
            trace = ("SNIS-RS 2022 units (observed): 2,374 lixões of which 1,572 in operation "
                     "(\"1.572 lixões\", https://qcenews.com/cresce-o-numero-de-lixoes-irregulares-"
                     "no-brasil-apesar-de-meta-de-eliminacao/), plus aterros controlados and sanitários")
        else:
            p = plans[iso3]
            if p["counts_row"] is not None:
                trace = (f"\"{p['counts_row']['figure_as_published']}\" ({p['counts_row']['year_of_data']}, "
                         f"{p['counts_row']['source_url']})")
            else:
                trace = f"{p['figure']} ({WAW_URL})"
        table.append(f"| {NAME_BY_ISO3[iso3]} | {iso3} | {thousands(c['total'])} | {thousands(c['observed'])} "
                     f"| {thousands(c['estimated'])} | {thousands(c['open_dump'])} | {md_escape(trace)} |")
    table.append(f"| **Total** | | **{thousands(tot['total'])}** | **{thousands(tot['observed'])}** | "
                 f"**{thousands(tot['estimated'])}** | **{thousands(tot['open_dump'])}** | |")

    ratio_lines = ["| country | open dumps counted | WaW population | WaW open-dump share | people per open dump |",
                   "|---|---|---:|---:|---:|"]
    for iso3, n, label, people, r in stats["ratio_calibration"]:
        w = waw[iso3]
        ratio_lines.append(f"| {NAME_BY_ISO3[iso3]} | {label} | {thousands(int(w['population']))} | "
                           f"{trimmed(w['shares']['open_dump'], 4)}% | {thousands(round_half_up(r))} |")

    waw_lines = ["| country | WaW population | open-dump share used | basis | sites (type) |",
                 "|---|---:|---:|---|---|"]
    for iso3, p in sorted(plans.items()):
        if p["counts_row"] is not None:
            continue
        w = waw[iso3]
        g = p["groups"][0]
        waw_lines.append(f"| {NAME_BY_ISO3[iso3]} | {thousands(int(w['population']))} | "
                         f"{trimmed(p['od_share'], 4)}% | {p['basis']} | {thousands(g[1])} ({g[0]}) |")

    pub_lines = ["| country | figure chosen | sites written | why |", "|---|---|---|---|"]
    for iso3, p in sorted(plans.items()):
        if p["counts_row"] is None:
            continue
        groups = " + ".join(f"{n:,} {t}" for t, n, _ in p["groups"])
        pub_lines.append(f"| {NAME_BY_ISO3[iso3]} | {md_escape(p['figure'])} "
                         f"(counts row {p['counts_row_no']}) | {groups} | {md_escape(p['why'])} |")

    cov_lines = ["| iso3 | coverage used | basis |", "|---|---:|---|"]
    for iso3 in sorted(NAME_BY_ISO3):
        w = waw[iso3]
        cov_lines.append(f"| {iso3} | {'' if w['coverage'] is None else trimmed(w['coverage'], 4)} | "
                         f"{w['coverage_basis'] or 'no total coverage in WaW: empty'} |")

    place_lines = ["| iso3 | anchors | known population of the anchors | % of WaW population "
                   "| sites moved off their anchor | sites left at their anchor |",
                   "|---|---:|---:|---:|---:|---:|"]
    for iso3, pl in sorted(stats["placement"].items()):
        share = 100.0 * pl["places_population"] / waw[iso3]["population"]
        place_lines.append(f"| {iso3} | {thousands(pl['anchors'])} | {thousands(pl['places_population'])} | "
                           f"{share:.0f}% | {thousands(pl['offset'])} | {thousands(pl['at_anchor'])} |")
    excluded_lines, sections = [], []
    for iso3, ex in sorted(stats["anchors_excluded"].items()):
        codes = [e for e in ex if e[2].startswith("feature code")]
        if codes:
            sections.append(f"{iso3} {len(codes)}")
        for key, name, why in ex:
            if not why.startswith("feature code"):
                excluded_lines.append(f"- {iso3} GeoNames {key} {name}: {why}")
    excluded_lines.append("- sections of places and abandoned places (GeoNames feature codes "
                          + ", ".join(sorted(EXCLUDED_FEATURE_CODES)) + "), by country: "
                          + (", ".join(sections) or "none"))

    outside = ", ".join(f"{iso3} {prov}: {n} (max {d:.1f} km)"
                        for (iso3, prov), (n, d) in sorted(stats["outside_polygon"].items())) or "none"

    b = stats["brazil"]
    waste_est = [r for r in rows if r.get("waste_t_per_day") is not None]
    est_rows = [r for r in rows if r["provenance"] == "estimated"]
    values = {
        "TABLE": "\n".join(table),
        "RATIO_TABLE": "\n".join(ratio_lines),
        "WAW_TABLE": "\n".join(waw_lines),
        "PUBLISHED_TABLE": "\n".join(pub_lines),
        "COVERAGE_TABLE": "\n".join(cov_lines),
        "PLACEMENT_TABLE": "\n".join(place_lines),
        "EXCLUDED_ANCHORS": "\n".join(excluded_lines) or "- none",
        "PEOPLE_PER_OPEN_DUMP": thousands(round_half_up(stats["people_per_open_dump"])),
        "FALLBACK_SHARE": trimmed(stats["fallback_open_dump_share"], 4),
        "FALLBACK_SHARE_N": str(stats["fallback_share_n"]),
        "TOTAL_SITES": thousands(len(rows)),
        "TOTAL_OPEN_DUMPS": thousands(sum(1 for r in rows if r["site_type"] == "open_dump")),
        "TOTAL_ESTIMATED": thousands(len(est_rows)),
        "TOTAL_OBSERVED": thousands(len(rows) - len(est_rows)),
        "EST_WITH_WASTE": thousands(len(waste_est)),
        "EST_WITHOUT_WASTE": thousands(len(est_rows) - len(waste_est)),
        "BR_UNITS_READ": thousands(b["units_read"]),
        "BR_OPEN": thousands(b["by_type"].get("open_dump", 0)),
        "BR_OPEN_ACTIVE": thousands(b["active_by_type"].get("open_dump", 0)),
        "BR_CONTROLLED": thousands(b["by_type"].get("controlled_dump", 0)),
        "BR_CONTROLLED_ACTIVE": thousands(b["active_by_type"].get("controlled_dump", 0)),
        "BR_SANITARY": thousands(b["by_type"].get("sanitary_landfill", 0)),
        "BR_SANITARY_ACTIVE": thousands(b["active_by_type"].get("sanitary_landfill", 0)),
        "BR_TOTAL": thousands(sum(b["by_type"].values())),
        "BR_MUNICIPALITIES": thousands(b["municipalities"]),
        "BR_SHARED_SEAT_ROWS": thousands(b["shared_seat_rows"]),
        "MEX_SEAT_FALLBACK": ", ".join(f"{k} {n} (centroid {d:.0f} km outside the polygon; GeoNames {g})"
                                       for k, n, d, g in stats.get("mex_seat_fallback", [])) or "none",
        "COAST_TOLERANCE_KM": trimmed(COAST_TOLERANCE_KM, 1),
        "OFFSET_MIN_KM": trimmed(OFFSET_MIN_KM, 1),
        "OFFSET_MAX_KM": trimmed(OFFSET_MIN_KM + OFFSET_SPAN_KM, 1),
        "OFFSET_ATTEMPTS": str(OFFSET_ATTEMPTS),
        "COMPLETE_BREAKDOWN_PCT": trimmed(COMPLETE_BREAKDOWN_PCT, 1),
        "ECUADOR_CANTONES": str(ECUADOR_CANTONES),
        "WAW_URL": WAW_URL,
        "BR_YEAR_BLANK": str(b["year_blank"]),
        "BR_YEAR_REJECTED": str(len(b["year_rejected"])),
        "BR_YEAR_REJECTED_LIST": ", ".join(f"{u} ('{t}')" for u, t in b["year_rejected"]) or "none",
        "BR_GAS": ", ".join(f"{k} {v:,}" for k, v in sorted(b["gas"].items())),
        "BR_PICKERS": "; ".join(f"{k}: {v:,}" for k, v in sorted(b["pickers"].items())),
        "OUTSIDE_POLYGON": outside,
        "COUNTRIES_INVALID": str(stats["countries_invalid_in_source"]),
        "COUNTRY_PARTS": thousands(stats["countries_parts"]),
        "WORLD_CONTEXT_NAMES": ", ".join(stats["world_context_names"]),
        "PLACES_TOTAL": thousands(stats["places_total"]),
        "PLACES_ZERO": thousands(stats["places_zero_population"]),
        "PLACES_POP": thousands(stats["places_population_sum"]),
        "WAW_MISSING": ", ".join(stats["waw_missing"]) or "none (all 33 are in What a Waste 2.0)",
        "FILE_SIZES": "\n".join(f"| {name} | {thousands(size)} |" for name, size in sorted(files.items())),
    }
    text = template
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        raise BuildError(f"{README_TEMPLATE}: unreplaced placeholder near "
                         f"'{text[text.index('{{'):text.index('{{') + 40]}'")
    return text


# ---------------------------------------------------------------------------------------------
# Benchmarks (copied unchanged)

BENCH_FILES = ([("pmedian_orlib", f"pmed{i}.txt") for i in range(1, 21)]
               + [("pmedian_orlib", "pmedopt.txt")]
               + [("capacitated_pmedian", f"pmedcap1_{i}.txt") for i in range(1, 11)]
               + [("capacitated_pmedian", "optima.txt")])

BENCH_README = """\
# Benchmark inputs

Copied unchanged (byte for byte) by `scripts/build_datasets.py` from the project's raw data
(`../shared/data/benchmarks/`); `scripts/build_datasets.py --check` verifies them.

| files | what | source | licence |
|---|---|---|---|
| `pmed1.txt` ... `pmed20.txt`, `pmedopt.txt` | Uncapacitated p-median instances pmed1-pmed20 (n = 100-800 vertices) and their proven optimal values | J.E. Beasley, OR-Library, http://people.brunel.ac.uk/~mastjjb/jeb/orlib/pmedinfo.html; Beasley J.E. (1985) "A note on solving large p-median problems", European Journal of Operational Research 21, 270-273 | free for research (OR-Library) |
| `pmedcap1_1.txt` ... `pmedcap1_10.txt`, `optima.txt` | Capacitated p-median instances 1-10 of Osman & Christofides (n = 50, p = 5, capacity 120) and their optimal values | OR-Library `pmedcap1`, http://people.brunel.ac.uk/~mastjjb/jeb/orlib/pmedcapinfo.html; Osman I.H., Christofides N. (1994) "Capacitated clustering problems by hybrid simulated annealing and tabu search", International Transactions in Operational Research 1, 317-336 | free for research (OR-Library) |

## Formats

- `pmedN.txt`: first line `n m p` (vertices, edges, medians), then m lines `i j cost` of undirected
  edges, vertices numbered from 1. The cost matrix is the all-pairs shortest-path distance over
  these edges; when an edge appears more than once its last cost counts (Beasley's convention).
- `pmedopt.txt`: header line, then `pmedN optimum`.
- `pmedcap1_K.txt`: `problem optimum`, then `n p capacity`, then n lines `id x y demand`;
  distances are Euclidean between (x, y).
- `optima.txt` (capacitated instances): header line, then `instance optimal n p capacity`.
"""


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
    places_text, places = build_places(shared, stats)
    out["datasets/lac_places.csv"] = places_text.encode()
    waste_text, waw = build_country_waste(shared, stats)
    out["datasets/lac_country_waste.csv"] = waste_text.encode()
    if any(waw[i] is None for i in waw):
        raise BuildError("a LAC country is missing from What a Waste 2.0: the estimation rules need it")
    counts_rows = read_dict_csv(os.path.join(shared, "counts", "lac_dumpsite_counts.csv"))
    rows = build_brazil(shared, stats)
    rows += build_estimated(shared, places, waw, parts, counts_rows, stats)
    verify_locations(rows, parts, stats)
    ids = [r["site_id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise BuildError("site_id not unique")
    rows.sort(key=lambda r: r["site_id"])
    present = {r["country"] for r in rows}
    if present != set(NAME_BY_ISO3):
        raise BuildError(f"countries without sites: {sorted(set(NAME_BY_ISO3) - present)}")
    n_open = sum(1 for r in rows if r["site_type"] == "open_dump")
    if len(rows) < 14000 or n_open < 10000:
        raise BuildError(f"{len(rows)} sites, {n_open} open dumps: below the 14,000 / 10,000 targets")
    out["datasets/lac_sites.csv"] = csv_text(SITE_COLUMNS, [site_line(r) for r in rows]).encode()
    for folder, name in BENCH_FILES:
        with open(os.path.join(shared, "benchmarks", folder, name), "rb") as f:
            out[f"bench/data/{name}"] = f.read()
    out["bench/data/README.md"] = BENCH_README.encode()
    sizes = {k.split("/", 1)[1]: len(v) for k, v in out.items() if k.startswith("datasets/")}
    out["datasets/README.md"] = build_readme(rows, stats, waw, sizes).encode()
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
