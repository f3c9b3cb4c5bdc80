"""cluster gives the clusters `basural cluster` gives: the same layer of clustered sites and the
same cluster table."""

import json

import numpy as np
import pytest

import basural
from compare import assert_same_frame, read_layer
from conftest import DATA, run_cli


@pytest.mark.parametrize("options,kwargs", [
    (["--eps-km", "30", "--min-points", "2"], {"eps_km": 30, "min_points": 2}),
    (["--method", "hdbscan", "--min-cluster-size", "2"], {"method": "hdbscan", "min_cluster_size": 2}),
    (["--eps-km", "300", "--cross-border"], {"eps_km": 300, "cross_border": True}),
])
def test_same_clusters_as_the_command(scratch, options, kwargs):
    out = scratch / "clusters.gpkg"
    _, text, _ = run_cli("cluster", DATA / "sites_map.csv", *options, "--format", "json", "-o", out)
    result = basural.cluster(DATA / "sites_map.csv", **kwargs)
    assert_same_frame(result.sites, read_layer(out, "site_clusters"), "site_clusters")
    rows = json.loads(text)["clusters"]
    assert len(result.clusters) == len(rows)
    for got, want in zip(result.clusters.to_dict("records"), rows):
        assert got == pytest.approx(want)
    assert np.array_equal(result.labels, result.sites["label"].to_numpy(dtype=np.int64))
    mine = scratch / "mine.gpkg"
    result.write(mine)
    assert_same_frame(read_layer(mine, "site_clusters"), read_layer(out, "site_clusters"), "written")


def test_three_dumps_near_montevideo_are_one_cluster():
    """tests/data/README.md: three observed dumps 11-18 km apart are one DBSCAN cluster at 30 km / 3."""
    result = basural.cluster(DATA / "sites_map.csv", eps_km=30, min_points=3)
    assert len(result.clusters) == 1
    assert result.clusters["sites"].iloc[0] == 3
    assert result.noise == 2
