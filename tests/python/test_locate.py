"""locate on a cost matrix, on points and on the command's tables: the command's report for the same
tables, proven optima by exhaustive search on small matrices, and geodesic costs against
GeographicLib's GeodSolve."""

import itertools
import json
import subprocess

import numpy as np
import pytest

import basural
from conftest import DATA, run_cli


def brute_force_p_median(costs, weights, p):
    best = None
    for chosen in itertools.combinations(range(costs.shape[1]), p):
        value = float((weights * costs[:, list(chosen)].min(axis=1)).sum())
        if best is None or value < best:
            best = value
    return best


def test_p_median_on_random_matrices_reaches_the_proven_optimum():
    rng = np.random.default_rng(7)
    for _ in range(5):
        costs = rng.uniform(1, 100, size=(12, 7)).round(1)
        weights = rng.integers(1, 10, size=12).astype(float)
        result = basural.locate(costs, weights=weights, p=3)
        optimum = brute_force_p_median(costs, weights, 3)
        assert result.objective == pytest.approx(optimum, rel=1e-12)
        assert result.lower_bound <= result.objective + 1e-9
        # each demand point goes to its cheapest open facility
        open_ = [int(f) for f in result.facilities["id"]]
        assert np.allclose(result.cost, costs[:, open_].min(axis=1))
        assert set(result.facility_index) <= set(open_)


def test_pairs_not_allowed_and_a_cutoff():
    costs = np.array([[1.0, np.inf], [np.nan, 2.0], [5.0, 9.0]])
    result = basural.locate(costs, model="p-median", p=1, demand_ids=["a", "b", "c"], candidate_ids=["x", "y"])
    # x serves a (1) and c (5); b cannot reach x: unserved at the default penalty, y serves b (2) and
    # c (9) but not a. x: 1 + 5 + penalty(b); y: penalty(a) + 2 + 9. The penalty is 2 x the largest
    # stored cost (9): 18 -> x costs 24, y costs 29.
    assert list(result.facilities["id"]) == ["x"]
    assert result.objective == pytest.approx(24.0)
    statuses = dict(zip(result.assignments["demand_id"], result.assignments["status"]))
    assert statuses == {"a": "assigned", "b": "no_open_facility_within_cutoff", "c": "assigned"}
    assert result.facility_index[1] == -1 and np.isnan(result.cost[1])


def test_tables_give_the_commands_report():
    for options, kwargs in [
        (["--model", "p-median", "--p", "2"], {"model": "p-median", "p": 2}),
        (["--model", "mclp", "--p", "1", "--max-cost", "3"], {"model": "mclp", "p": 1, "max_cost": 3}),
        (["--model", "lscp", "--max-cost", "3"], {"model": "lscp", "max_cost": 3}),
        (["--model", "p-median", "--p", "2", "--required", DATA / "locate_required.csv"],
         {"model": "p-median", "p": 2, "required": DATA / "locate_required.csv"}),
    ]:
        _, out, _ = run_cli("locate", "--matrix", DATA / "locate_matrix.csv", "--demand",
                            DATA / "locate_matrix_demand.csv", *options, "--format", "json")
        result = basural.locate(DATA / "locate_matrix.csv", demand=DATA / "locate_matrix_demand.csv", **kwargs)
        report = dict(result.report)
        report.pop("time_ms")
        assert report == json.loads(out)


def geodsolve_km(a, b):
    """Geodesic distance in km by GeographicLib's GeodSolve (WGS84), an independent implementation."""
    out = subprocess.run(["GeodSolve", "-i", "-p", "9"], input=f"{a[1]} {a[0]} {b[1]} {b[0]}\n",
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[2]) / 1000.0


def test_points_cost_geodesic_km_times_the_detour():
    demand = np.array([[-60.0, 0.0], [-59.5, 0.0], [-58.9, 0.1]])
    candidates = np.array([[-60.0, 0.0], [-59.0, 0.0]])
    result = basural.locate(demand=demand, candidates=candidates, p=2, max_cost=200, detour_factor=1.2)
    for i, (j, cost) in enumerate(zip(result.facility_index, result.cost)):
        assert cost == pytest.approx(1.2 * geodsolve_km(demand[i], candidates[j]), abs=1e-6)
    assert result.cost_unit == "km"
    _, out, _ = run_cli("locate", "--demand", DATA / "locate_points_demand.csv", "--candidates",
                        DATA / "locate_points_candidates.csv", "--model", "p-median", "--p", "1",
                        "--max-cost", "200", "--format", "json")
    result = basural.locate(demand=DATA / "locate_points_demand.csv",
                            candidates=DATA / "locate_points_candidates.csv", p=1, max_cost=200)
    report = dict(result.report)
    report.pop("time_ms")
    assert report == json.loads(out)


def test_bad_arrays_are_usage_errors():
    with pytest.raises(basural.UsageError, match="two dimensions"):
        basural.locate(np.ones(3), p=1)
    with pytest.raises(basural.UsageError, match="lon, latitude|longitude, latitude"):
        basural.locate(demand=np.ones((2, 3)), candidates=np.ones((2, 2)), p=1, max_cost=10)
    with pytest.raises(basural.Error):
        basural.locate(np.array([[-1.0]]), p=1)
