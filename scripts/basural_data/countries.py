"""lac_countries.geojson and world_context.geojson from Natural Earth."""

import os

from osgeo import ogr

from .common import BuildError, ISO3_BY_N3, N3_BY_ISO3, NAME_BY_ISO3
from .geometry import feature_collection, feature_line, polygons_of, read_topojson_countries, to_ogr, valid_rounded

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
