"""Without GeoPandas (or without pandas too) the module still works: sites and plan layers are plain
columns with lon/lat numpy arrays (catchments: rings), tables are DataFrames or, without pandas,
dicts of numpy arrays, masked where a value is unknown. Each case runs in a fresh interpreter where
importing the package fails (sys.modules[name] = None), and gives the values the frames give here."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import basural
from conftest import DATA

SCRIPT = r"""
import json, sys
for name in filter(None, sys.argv[1].split(",")):
    sys.modules[name] = None  # import name now raises ImportError
import numpy as np
import basural
inventory = basural.read_inventory(sys.argv[2])
sites = inventory.sites
plan = basural.regionalize(inventory, reuse_existing=True)
coverage = basural.coverage(inventory)
print(json.dumps({
    "sites": type(sites).__name__,
    "lon_is_numpy": isinstance(sites["lon"], np.ndarray),
    "site_id": list(sites["site_id"]),
    "lon": [float(v) for v in sites["lon"]],
    "lat": [float(v) for v in sites["lat"]],
    "rejected": inventory.rejected,
    "facilities": type(plan.facilities).__name__,
    "facility_id": list(plan.facilities["facility_id"]),
    "facility_lon": [float(v) for v in plan.facilities["lon"]],
    "catchment_rings": [len(p) for p in plan.catchments["polygons"]],
    "coverage": type(coverage).__name__,
    "coverage_sites": [int(v) for v in coverage["sites"]],
}))
"""


def run_without(blocked):
    p = subprocess.run([sys.executable, "-c", SCRIPT, ",".join(blocked), str(DATA / "regionalize_sites.csv")],
                       capture_output=True, text=True, env=os.environ)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.fixture(scope="module")
def expected():
    inventory = basural.read_inventory(DATA / "regionalize_sites.csv")
    plan = basural.regionalize(inventory, reuse_existing=True)
    return inventory, plan, basural.coverage(inventory)


@pytest.mark.parametrize("blocked,sites_type,table_type", [
    (["geopandas"], "dict", "DataFrame"),
    (["geopandas", "pandas"], "dict", "dict"),
])
def test_plain_columns_without_geopandas(expected, blocked, sites_type, table_type):
    inventory, plan, coverage = expected
    got = run_without(blocked)
    assert got["sites"] == sites_type and got["facilities"] == sites_type and got["coverage"] == table_type
    assert got["lon_is_numpy"]
    assert got["site_id"] == list(inventory.sites["site_id"])
    np.testing.assert_array_equal(got["lon"], inventory.sites.geometry.x)
    np.testing.assert_array_equal(got["lat"], inventory.sites.geometry.y)
    assert got["rejected"] == inventory.rejected
    assert got["facility_id"] == list(plan.facilities["facility_id"])
    np.testing.assert_array_equal(got["facility_lon"], plan.facilities.geometry.x)
    assert got["catchment_rings"] == [len(g.geoms) for g in plan.catchments.geometry]
    assert got["coverage_sites"] == [int(v) for v in coverage["sites"]]
