"""Rules of the inventory build that need no raw data: how observed sites shrink a country's estimated
groups, the distance searches behind deduplication, derived_fields."""

import itertools
import math

import pytest

from basural_data.checks import pairs_within
from basural_data.climate_trace import PointGrid
from basural_data.common import BuildError, haversine_m
from basural_data.estimated import shrink_for_observed
from basural_data.sites import derived_fields


def plan(groups):
    return {"groups": list(groups)}


def test_observed_sites_shrink_the_groups_of_their_type_last_group_first():
    plans = {"CHL": plan([("open_dump", 243, "illegal dump"), ("open_dump", 3492, "microbasural")]),
             "ECU": plan([("controlled_dump", 57, "controlled dump"), ("open_dump", 51, "open dump")])}
    observed = ([{"country": "CHL", "site_type": "open_dump"}] * 3500
                + [{"country": "ECU", "site_type": "controlled_dump"}] * 2
                + [{"country": "ECU", "site_type": "sanitary_landfill"}] * 9)  # no group of that type
    stats = {}
    shrink_for_observed(plans, observed, stats)
    # 3,500 observed dumps: 3,492 off the last group, the remaining 8 off the first
    assert plans["CHL"]["groups"] == [("open_dump", 235, "illegal dump"), ("open_dump", 0, "microbasural")]
    assert plans["ECU"]["groups"] == [("controlled_dump", 55, "controlled dump"), ("open_dump", 51, "open dump")]
    assert plans["ECU"]["absorbed_typed"] == 2 and plans["ECU"]["absorbed_unknown"] == 0


def test_mexico_groups_absorb_the_types_listed_and_never_go_below_zero():
    plans = {"MEX": plan([("controlled_dump", 173, "controlled dump"), ("open_dump", 2030, "open dump")])}
    observed = ([{"country": "MEX", "site_type": "sanitary_landfill"}] * 366
                + [{"country": "MEX", "site_type": "open_dump"}] * 1797
                + [{"country": "MEX", "site_type": "controlled_dump"}] * 121)
    shrink_for_observed(plans, observed, {})
    # 366 landfills cover the 173 with infrastructure; 1,797 + 121 = 1,918 dumps leave 112 of the 2,030
    assert plans["MEX"]["groups"] == [("controlled_dump", 0, "controlled dump"), ("open_dump", 112, "open dump")]


def test_sites_of_unknown_type_count_against_what_is_left():
    plans = {"ARG": plan([("open_dump", 5200, "open dump")]), "URY": plan([("open_dump", 2, "open dump")])}
    observed = ([{"country": "ARG", "site_type": "open_dump"}]
                + [{"country": "ARG", "site_type": "other", "type_unknown": True}] * 64
                + [{"country": "ARG", "site_type": "other"}] * 3           # not a disposal site: no effect
                + [{"country": "URY", "site_type": "other", "type_unknown": True}] * 5)
    shrink_for_observed(plans, observed, {})
    assert plans["ARG"]["groups"] == [("open_dump", 5135, "open dump")]
    assert (plans["ARG"]["absorbed_typed"], plans["ARG"]["absorbed_unknown"]) == (1, 64)
    assert plans["URY"]["groups"] == [("open_dump", 0, "open dump")]


def grid_points():
    pts = []
    for i, j in itertools.product(range(12), range(12)):
        pts.append({"site_id": f"S{i:02d}{j:02d}", "lon": -70.0 + i * 0.013 + (j % 3) * 0.001,
                    "lat": -33.0 + j * 0.011 - (i % 2) * 0.0007})
    return pts


@pytest.mark.parametrize("radius_m", [50.0, 1000.0, 5000.0])
def test_distance_searches_equal_brute_force(radius_m):
    pts = grid_points()
    grid = PointGrid(pts)
    for p in pts[::7]:
        brute = sorted((haversine_m(p["lon"], p["lat"], q["lon"], q["lat"]), q["site_id"]) for q in pts
                       if haversine_m(p["lon"], p["lat"], q["lon"], q["lat"]) <= radius_m)
        assert [(round(d, 6), q["site_id"]) for d, q in grid.within(p["lon"], p["lat"], radius_m)] == \
            [(round(d, 6), s) for d, s in brute]
    swept = {(a["site_id"], b["site_id"]) for a, b, _ in pairs_within(pts, pts, radius_m)}
    brute_pairs = {(a["site_id"], b["site_id"]) for a in pts for b in pts
                   if a is not b and haversine_m(a["lon"], a["lat"], b["lon"], b["lat"]) <= radius_m}
    assert swept == brute_pairs


def test_haversine_matches_a_hand_computed_degree_of_latitude():
    # one degree of latitude on the 6,371,008.8 m sphere = 2 pi R / 360
    assert haversine_m(0.0, 0.0, 0.0, 1.0) == pytest.approx(2 * math.pi * 6371008.8 / 360, rel=1e-12)


def test_derived_fields_are_written_in_schema_order_and_must_be_columns():
    row = {"site_id": "X", "derived": ["admin1_code", "site_type", "admin1_name", "lon", "lat"]}
    assert derived_fields(row) == "admin1_name;admin1_code;lon;lat;site_type"
    assert derived_fields({"site_id": "Y"}) == ""
    with pytest.raises(BuildError):
        derived_fields({"site_id": "Z", "derived": ["state"]})
