"""Comparing what the module returns with what the command line writes: every layer of a
GeoPackage read with GeoPandas (through GDAL, independently of basural's writer)."""

import fiona
import geopandas as gpd
import numpy as np
import pandas as pd


def layer_names(path):
    return list(fiona.listlayers(str(path)))


def read_layer(path, layer):
    """A layer as a GeoDataFrame, or a DataFrame for a layer without geometry (a plain table)."""
    with fiona.open(str(path), layer=layer) as source:
        has_geometry = source.schema.get("geometry") not in (None, "None")
    return gpd.read_file(str(path), layer=layer, ignore_geometry=not has_geometry)


def _normalise(frame):
    """Values as plain Python objects for comparison: missing as None, numbers as float."""
    out = {}
    for column in frame.columns:
        series = frame[column]
        if column == "geometry" or isinstance(series.dtype, gpd.array.GeometryDtype):
            out[column] = [None if g is None or g.is_empty else g.wkb_hex for g in series]
            continue
        values = []
        for v in series.astype(object):
            if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
                values.append(None)
            elif isinstance(v, (bool, np.bool_)):
                values.append(float(v))
            elif isinstance(v, (int, float, np.integer, np.floating)):
                values.append(float(v))
            else:
                values.append(v)
        out[column] = values
    return out


def assert_same_frame(actual, expected, where):
    """Same columns in the same order, same rows, same values (exactly) and geometries."""
    assert list(actual.columns) == list(expected.columns), f"{where}: columns differ"
    assert len(actual) == len(expected), f"{where}: {len(actual)} rows, expected {len(expected)}"
    a, e = _normalise(actual), _normalise(expected)
    for column in expected.columns:
        assert a[column] == e[column], f"{where}: column {column} differs"


def assert_same_geopackage(actual_path, expected_path):
    """Every layer of two GeoPackages is the same, layer by layer."""
    names = layer_names(expected_path)
    assert layer_names(actual_path) == names
    for name in names:
        assert_same_frame(read_layer(actual_path, name), read_layer(expected_path, name), f"layer {name}")
