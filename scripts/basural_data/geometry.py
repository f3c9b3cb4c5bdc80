"""Polygons rounded to a grid and kept valid; GeoJSON lines; point-in-country tests."""

import json
import math

from osgeo import gdal, ogr

from .common import BuildError, fixed

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
