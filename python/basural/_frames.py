"""Columns from the compiled module (_basural) to pandas and GeoPandas frames.

A column is a tuple (name, kind, values, missing) as python/src/columns.hpp describes it. Numeric
columns arrive as numpy arrays that own the library's buffers; they are wrapped, not copied:
reals as float64 (NaN where unknown), integers and yes/no as pandas' nullable Int64 and boolean
(unknown stays <NA>, never 0 or False). Without pandas the columns stay plain: a dict of numpy
arrays (numpy.ma masked arrays where values can be unknown) and lists of str.
"""

import numpy as np

try:
    import pandas as pd
except ImportError:  # pragma: no cover - exercised only where pandas is absent
    pd = None

try:
    import geopandas as gpd
    import shapely.geometry
except ImportError:  # pragma: no cover - exercised only where GeoPandas is absent
    gpd = None

WGS84 = "EPSG:4326"


def have_pandas():
    return pd is not None


def have_geopandas():
    return gpd is not None


def _pandas_column(kind, values, missing):
    if kind == "text":
        return pd.array(values, dtype=object)
    if kind == "real":
        return values
    if kind == "integer":
        return pd.arrays.IntegerArray(values, missing)
    if kind == "bool":
        return pd.arrays.BooleanArray(values, missing)
    raise ValueError(f"unknown column kind {kind!r}")


def _plain_column(kind, values, missing):
    if kind in ("integer", "bool"):
        return np.ma.MaskedArray(values, mask=missing)
    return values


def plain_columns(columns):
    """The columns as a dict name -> numpy array (masked where unknown) or list of str."""
    return {name: _plain_column(kind, values, missing) for name, kind, values, missing in columns}


def table(columns):
    """A pandas DataFrame of the columns, or the plain dict without pandas."""
    if pd is None:
        return plain_columns(columns)
    data = {name: _pandas_column(kind, values, missing) for name, kind, values, missing in columns}
    rows = len(columns[0][2]) if columns else 0
    return pd.DataFrame(data, index=pd.RangeIndex(rows))


def points(columns, lon, lat):
    """A GeoDataFrame of points in EPSG:4326; without GeoPandas the plain columns with lon and lat."""
    if gpd is None:
        plain = plain_columns(columns)
        plain.setdefault("lon", lon)
        plain.setdefault("lat", lat)
        return plain
    return gpd.GeoDataFrame(table(columns), geometry=gpd.points_from_xy(lon, lat), crs=WGS84)


def _multipolygon(polygons):
    if not polygons:
        return None
    return shapely.geometry.MultiPolygon([(rings[0], rings[1:]) for rings in polygons])


def multipolygons(columns, polygons):
    """A GeoDataFrame of multipolygons in EPSG:4326; without GeoPandas the plain columns and the
    rings (per row: polygons, each a list of (n, 2) lon/lat arrays, the exterior first)."""
    if gpd is None:
        plain = plain_columns(columns)
        plain["polygons"] = polygons
        return plain
    geometry = gpd.GeoSeries([_multipolygon(p) for p in polygons], crs=WGS84)
    return gpd.GeoDataFrame(table(columns), geometry=geometry, crs=WGS84)


def layer(layer_dict):
    """A plan layer (python/src/columns.hpp plan_layer_dict) as a frame of its geometry."""
    geometry = layer_dict["geometry"]
    columns = layer_dict["columns"]
    if geometry == "point":
        return points(columns, layer_dict["lon"], layer_dict["lat"])
    if geometry == "multipolygon":
        return multipolygons(columns, layer_dict["polygons"])
    return table(columns)
