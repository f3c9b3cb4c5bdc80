"""lac_admin1.geojson: first-level units (states, provinces, departments) of the 33 states.

Source: Natural Earth 1:10m admin-1 v4.1.0, generalized, as shipped in QGIS (`world_map.gpkg`), cut to
LAC in ../shared/data/boundaries/natural_earth_10m/admin1_lac_generalized.geojson.  Also the index the
site builders use to give a site its admin-1 unit by point-in-polygon.
"""

import math
import os
import unicodedata

from osgeo import gdal, ogr

from .common import LAC, MEX_STATES, NAME_BY_ISO3, BuildError, haversine_m, read_dict_csv, thousands
from .geometry import feature_collection, feature_line, polygons_of, to_ogr, valid_rounded

ADMIN1_COUNTRY_GAP_KM = 10.0  # a unit mostly outside its country polygon must be this close to it
ADMIN1_DECIMALS = 6  # as in the source (about 0.1 m): rounding coarser would move generalized vertices

# Natural Earth names of Mexico's states -> INEGI state code (the names of MEX_STATES are INEGI's).
MEX_NE_TO_INEGI = {
    "Aguascalientes": "01", "Baja California": "02", "Baja California Sur": "03", "Campeche": "04",
    "Coahuila": "05", "Colima": "06", "Chiapas": "07", "Chihuahua": "08", "Distrito Federal": "09",
    "Durango": "10", "Guanajuato": "11", "Guerrero": "12", "Hidalgo": "13", "Jalisco": "14",
    "México": "15", "Michoacán": "16", "Morelos": "17", "Nayarit": "18", "Nuevo León": "19",
    "Oaxaca": "20", "Puebla": "21", "Querétaro": "22", "Quintana Roo": "23", "San Luis Potosí": "24",
    "Sinaloa": "25", "Sonora": "26", "Tabasco": "27", "Tamaulipas": "28", "Tlaxcala": "29",
    "Veracruz": "30", "Yucatán": "31", "Zacatecas": "32",
}

# Polygons without a name in the source, merged into the unit they belong to: (country, envelope
# (minx, maxx, miny, maxy) the polygon must lie in, parent's Natural Earth name, what it is).
UNNAMED_PARENTS = [
    ("COL", (-81.7, -81.5, 3.9, 4.1), "Valle del Cauca", "Malpelo island (municipality of Buenaventura)"),
    ("MEX", (-89.9, -89.5, 22.2, 22.7), "Yucatán", "Arrecife Alacranes (municipality of Progreso)"),
]

# Self-check: capitals (approximate centre, 2 decimals) and the unit they must fall in.
ADMIN1_CHECK_POINTS = [
    ("MEX", -100.31, 25.67, "Nuevo León"), ("MEX", -99.13, 19.43, "Ciudad de México"),
    ("BRA", -46.63, -23.55, "São Paulo"), ("COL", -74.08, 4.61, "Bogota"),
    ("PER", -77.03, -12.05, "Lima Province"), ("ARG", -64.18, -31.42, "Córdoba"),
    ("ARG", -58.38, -34.60, "Ciudad de Buenos Aires"), ("GTM", -90.51, 14.64, "Guatemala"),
    ("BOL", -68.15, -16.50, "La Paz"), ("CHL", -70.65, -33.45, "Región Metropolitana de Santiago"),
]


def fold(text):
    """Sort key without accents or case (locale-independent), then the text itself."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return (bare.casefold(), text)


def read_source(path):
    ds = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=["GeoJSON"])
    layer = ds.GetLayer(0)
    units = []
    for f in layer:
        g = f.GetGeometryRef()
        if g is None:
            raise BuildError(f"{path}: feature {f.GetFID()} has no geometry")

        def text(key):
            return f.GetField(key) if f.IsFieldSet(key) and not f.IsFieldNull(key) else None
        units.append(dict(fid=f.GetFID(), name=text("name"), ne_iso3=text("adm0_a3"),
                          fips=text("fips"), geom=g.Clone()))
    return units


def merge_unnamed(units, path, stats):
    """Unnamed polygons go into their parent unit (documented table); any other unnamed unit fails."""
    merged = []
    for u in [u for u in units if u["name"] is None]:
        minx, maxx, miny, maxy = u["geom"].GetEnvelope()
        hits = [p for p in UNNAMED_PARENTS if p[0] == u["ne_iso3"] and p[1][0] <= minx and maxx <= p[1][1]
                and p[1][2] <= miny and maxy <= p[1][3]]
        if len(hits) != 1:
            raise BuildError(f"{path}: unnamed unit {u['fid']} of {u['ne_iso3']} at "
                             f"({minx:.2f}, {miny:.2f}) is not in the table of unnamed polygons")
        iso3, _, parent_name, what = hits[0]
        parents = [p for p in units if p["ne_iso3"] == iso3 and p["name"] == parent_name]
        if len(parents) != 1:
            raise BuildError(f"{path}: {len(parents)} units named {parent_name} in {iso3}")
        parent = parents[0]
        parent["geom"] = to_ogr(polygons_of(parent["geom"]) + polygons_of(u["geom"]))
        merged.append((iso3, what, parent_name))
    stats["admin1_unnamed_merged"] = merged
    return [u for u in units if u["name"] is not None]


def national_codes(shared):
    """Official first-level codes the inventory already uses: INEGI (MEX) and IBGE (BRA), by name."""
    states = read_dict_csv(os.path.join(shared, "boundaries", "brazil_municipalities", "states.csv"))
    return {"MEX": {name: (code, MEX_STATES[code]) for name, code in MEX_NE_TO_INEGI.items()},
            "BRA": {r["nome"]: (r["codigo_uf"], r["nome"]) for r in states}}


def assign_codes(units, codes, path, stats):
    """admin1_id, admin1_code and the name written, per unit (rules in the module's README section)."""
    renamed = []
    for iso3 in sorted({u["iso3"] for u in units}):
        mine = sorted((u for u in units if u["iso3"] == iso3), key=lambda u: fold(u["name"]))
        names = [u["name"] for u in mine]
        if len(set(names)) != len(names):
            raise BuildError(f"{path}: two units of {iso3} share a name")
        table = codes.get(iso3)
        if table is not None:
            missing = sorted(set(table) - set(names))
            unknown = sorted(set(names) - set(table))
            if unknown or missing or len(names) != len({table[n][0] for n in names if n in table}):
                raise BuildError(f"{path}: {iso3} units {unknown or missing} do not match the "
                                 f"{len(table)} official codes")
        for k, u in enumerate(mine, start=1):
            if table is not None:
                code, official = table[u["name"]]
                u["admin1_id"], u["admin1_code"] = f"{iso3}-{code}", code
                if official != u["name"]:
                    renamed.append((iso3, u["name"], official, code))
                u["name"] = official
            else:
                u["admin1_id"] = u["admin1_code"] = f"{iso3}-{k:02d}"
    if len(units) != len({u["admin1_id"] for u in units}):
        raise BuildError(f"{path}: admin1_id not unique")
    stats["admin1_renamed"] = renamed


def segment_lengths_km(polys):
    return [haversine_m(r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]) / 1000.0
            for rings in polys for r in rings for i in range(len(r) - 1)]


def check_inside_countries(units, country_parts, stats):
    """Share of each unit's area inside its country polygon (generalized vs 1:10m outlines); a unit
    mostly outside must at least lie within ADMIN1_COUNTRY_GAP_KM of its country (small islands)."""
    countries = {}
    for iso3, parts in country_parts.items():
        union = ogr.Geometry(ogr.wkbMultiPolygon)
        for g, _ in parts:
            for i in range(g.GetGeometryCount()):
                union.AddGeometry(g.GetGeometryRef(i))
        countries[iso3] = union
    shares = []
    for u in units:
        unit = to_ogr(u["polys"])
        area = unit.GetArea()
        share = unit.Intersection(countries[u["iso3"]]).GetArea() / area if area > 0 else 0.0
        gap_km = 0.0 if share > 0 else unit.Distance(countries[u["iso3"]]) * 111.32
        shares.append((share, gap_km, u["admin1_id"], u["name"]))
        if share < 0.5 and gap_km > ADMIN1_COUNTRY_GAP_KM:
            raise BuildError(f"admin-1 {u['admin1_id']} {u['name']}: {share:.0%} of it lies in "
                             f"{u['iso3']}'s polygon, {gap_km:.1f} km away")
    shares.sort()
    stats["admin1_least_inside"] = [s for s in shares if s[0] < 0.9]


def build_admin1(shared, country_parts, stats):
    """The admin-1 GeoJSON text and the units (with polygons) for point-in-polygon lookups."""
    path = os.path.join(shared, "boundaries", "natural_earth_10m", "admin1_lac_generalized.geojson")
    units = read_source(path)
    stats["admin1_read"] = len(units)
    dropped = {}
    kept = []
    for u in units:
        if u["ne_iso3"] in NAME_BY_ISO3:
            u["iso3"] = u["ne_iso3"]
            kept.append(u)
        else:
            dropped[u["ne_iso3"]] = dropped.get(u["ne_iso3"], 0) + 1
    stats["admin1_dropped"] = dropped
    kept = merge_unnamed(kept, path, stats)
    assign_codes(kept, national_codes(shared), path, stats)
    missing = sorted(set(NAME_BY_ISO3) - {u["iso3"] for u in kept})
    if missing:
        raise BuildError(f"{path}: no admin-1 unit for {', '.join(missing)}")
    for u in kept:
        u["polys"] = valid_rounded(u["geom"], ADMIN1_DECIMALS, f"{path} {u['admin1_id']}")
        u["parts"] = [(g, g.GetEnvelope()) for g in (to_ogr([rings]) for rings in u["polys"])]
    check_inside_countries(kept, country_parts, stats)
    kept.sort(key=lambda u: u["admin1_id"])
    index = Admin1Index(kept)
    for iso3, lon, lat, name in ADMIN1_CHECK_POINTS:
        unit, _ = index.locate(iso3, lon, lat, 0.0)
        if unit is None or unit["name"] != name:
            raise BuildError(f"admin-1 self-check: ({lon}, {lat}) should be in {name} ({iso3}), found "
                             f"{unit['name'] if unit else 'no unit'}")
    lines = [feature_line({"admin1_id": u["admin1_id"], "admin1_code": u["admin1_code"], "iso3": u["iso3"],
                           "name": u["name"], "fips": u["fips"]}, u["polys"], ADMIN1_DECIMALS)
             for u in kept]
    seg = sorted(s for u in kept for s in segment_lengths_km(u["polys"]))
    fips = {}
    for u in kept:
        if u["fips"] is not None:
            fips.setdefault(u["fips"], []).append(u["admin1_id"])
    stats["admin1"] = dict(
        units=len(kept), per_country={iso3: sum(1 for u in kept if u["iso3"] == iso3) for iso3, *_ in LAC},
        fips_missing=sorted(u["admin1_id"] for u in kept if u["fips"] is None),
        fips_shared=sorted((k, v) for k, v in fips.items() if len(v) > 1),
        segment_median_km=seg[len(seg) // 2], segment_mean_km=sum(seg) / len(seg),
        segment_p90_km=seg[int(math.floor(0.9 * (len(seg) - 1)))], vertices=len(seg))
    return feature_collection(lines), kept


def readme_values(stats):
    """Placeholders of the lac_admin1.geojson section of datasets/README.md."""
    a = stats["admin1"]
    return {
        "ADMIN1_UNITS": thousands(a["units"]),
        "ADMIN1_READ": thousands(stats["admin1_read"]),
        "ADMIN1_RENAMED": "; ".join(f"{iso3} {code} {ne} -> {official}"
                                    for iso3, ne, official, code in stats["admin1_renamed"]),
        "ADMIN1_FIPS_MISSING_N": str(len(a["fips_missing"])),
        "ADMIN1_FIPS_MISSING": ", ".join(a["fips_missing"]),
        "ADMIN1_FIPS_SHARED_N": str(len(a["fips_shared"])),
        "ADMIN1_FIPS_SHARED": ", ".join(f"{k} {' and '.join(v)}" for k, v in a["fips_shared"]),
        "ADMIN1_DROPPED": ", ".join(f"{k} {v}" for k, v in sorted(stats["admin1_dropped"].items()))
                          or "none, the source was already cut to them",
        "ADMIN1_UNNAMED": "; ".join(f"{what} into {parent} ({iso3})"
                                    for iso3, what, parent in stats["admin1_unnamed_merged"]),
        "ADMIN1_PER_COUNTRY": ", ".join(f"{k} {v}" for k, v in sorted(a["per_country"].items())),
        "ADMIN1_SEG_MEDIAN": f"{a['segment_median_km']:.1f}",
        "ADMIN1_SEG_MEAN": f"{a['segment_mean_km']:.1f}",
        "ADMIN1_SEG_P90": f"{a['segment_p90_km']:.0f}",
        "ADMIN1_VERTICES": thousands(a["vertices"]),
        "ADMIN1_LEAST_INSIDE": ", ".join(
            f"{i} {n} ({s:.0%}" + (f", {g:.1f} km off the coast)" if s == 0 else ")")
            for s, g, i, n in stats["admin1_least_inside"]) or "none",
        "ADMIN1_GAP_KM": f"{ADMIN1_COUNTRY_GAP_KM:.0f}",
    }


def load_layer(path):
    """Units of a built lac_admin1.geojson, ready for Admin1Index (for tests and later builders)."""
    ds = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=["GeoJSON"])
    units = []
    for f in ds.GetLayer(0):
        g = f.GetGeometryRef()
        parts = [g.GetGeometryRef(i).Clone() for i in range(g.GetGeometryCount())]
        units.append(dict(admin1_id=f.GetField("admin1_id"), admin1_code=f.GetField("admin1_code"),
                          iso3=f.GetField("iso3"), name=f.GetField("name"),
                          fips=f.GetField("fips") if f.IsFieldSetAndNotNull("fips") else None,
                          parts=[(p, p.GetEnvelope()) for p in parts]))
    return units


class Admin1Index:
    """Which admin-1 unit of a country a point lies in (or is nearest to, within a tolerance)."""

    def __init__(self, units):
        self.by_iso3 = {}
        for u in units:
            self.by_iso3.setdefault(u["iso3"], []).append(u)

    def locate(self, iso3, lon, lat, tolerance_km):
        """(unit, distance_km): distance 0 inside; the nearest unit within the tolerance; else (None, d)."""
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        units = self.by_iso3.get(iso3, [])
        for u in units:
            for g, (minx, maxx, miny, maxy) in u["parts"]:
                if minx <= lon <= maxx and miny <= lat <= maxy and g.Contains(pt):
                    return u, 0.0
        best, best_d = None, None
        km_per_degree = 111.32  # upper bound of degrees -> km (as for the countries' coastal tolerance)
        for u in units:
            for g, _ in u["parts"]:
                d = g.Distance(pt) * km_per_degree
                if best_d is None or d < best_d:
                    best, best_d = u, d
        if best_d is not None and best_d <= tolerance_km:
            return best, best_d
        return None, best_d
