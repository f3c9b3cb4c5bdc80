"""The shipped inventory (datasets/lac_sites.csv) and Climate TRACE table, read back as shipped: the
build's promises re-checked on the committed files (no raw data needed)."""

import collections
import csv
import os

import pytest

from basural_data.checks import check_dedup, check_near_duplicates
from basural_data.sites import SITE_COLUMNS

DATASETS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "datasets")


def read(name):
    with open(os.path.join(DATASETS, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def sites():
    rows = read("lac_sites.csv")
    for r in rows:
        r["lon"], r["lat"] = float(r["lon"]), float(r["lat"])
    return rows


@pytest.fixture(scope="module")
def assets():
    return read("climate_trace_2023_lac.csv")


def test_columns_are_the_schema(sites):
    with open(os.path.join(DATASETS, "lac_sites.csv"), encoding="utf-8") as f:
        assert f.readline().rstrip("\n").split(",") == SITE_COLUMNS


def test_mexico_has_the_whole_register_with_its_type_counts(sites):
    inegi = [r for r in sites if r["site_id"].startswith("MEX-INEGI-")]
    assert len(inegi) == 1601
    assert collections.Counter(r["site_type"] for r in inegi) == {
        "open_dump": 1264, "controlled_dump": 121, "sanitary_landfill": 216}
    assert all(r["provenance"] == "observed" and r["location_precision"] == "surveyed" for r in inegi)


def test_no_located_site_duplicates_a_register_site(sites):
    check_dedup(sites)          # raises on a Climate TRACE row within the deduplication distances
    check_near_duplicates(sites)  # raises on two located sites of one type within 50 m (INEGI pairs aside)


def test_derived_fields_name_schema_columns_in_schema_order(sites):
    order = {c: i for i, c in enumerate(SITE_COLUMNS)}
    for r in sites:
        names = [n for n in r["derived_fields"].split(";") if n]
        assert all(n in order for n in names), r["site_id"]
        assert [order[n] for n in names] == sorted(order[n] for n in names), r["site_id"]
        if "-CT-" in r["site_id"]:
            assert "site_type" in names
        if not r["admin1_code"]:
            pytest.fail(f"{r['site_id']} has no admin-1")


def test_every_asset_has_an_outcome_and_the_added_ones_are_rows(sites, assets):
    ids = {r["site_id"] for r in sites}
    outcomes = collections.Counter(a["outcome"] for a in assets)
    assert len(assets) == 2698 and "" not in outcomes
    added = [a for a in assets if a["outcome"] == "added"]
    assert {a["site_id"] for a in added} == {r["site_id"] for r in sites if "-CT-" in r["site_id"]}
    for a in assets:
        if a["outcome"] in ("same_site", "peru_landfill", "added"):
            assert a["site_id"] in ids, a["asset_id"]
        if a["methane_match_site_id"]:
            assert a["methane_match_site_id"] in ids


def test_estimated_rows_are_estimated_everywhere(sites):
    for r in sites:
        estimated = r["provenance"] == "estimated"
        assert estimated == (r["location_precision"] == "estimated"), r["site_id"]
        assert estimated == ("-EST-" in r["site_id"]), r["site_id"]


def test_peru_landfills_list_the_districts_they_serve(sites):
    peru = [r for r in sites if r["site_id"].startswith("PER-MINAM-")]
    assert len(peru) == 67
    districts = [e for r in peru for e in r["reporting_municipalities"].split("; ")]
    assert len(districts) == 215 and all(e[:6].isdigit() and e[6] == " " for e in districts)
    for r in peru:
        several = len(r["reporting_municipalities"].split("; ")) > 1
        assert (r["receives_other_municipalities"] == "yes") == several
