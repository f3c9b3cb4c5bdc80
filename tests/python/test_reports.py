"""coverage, methane and prioritize give the numbers `basural coverage`, `methane` and `prioritize`
give on the same inputs: the JSON the commands print (full precision) and the files they write."""

import json

import pandas as pd
import pytest

import basural
from compare import assert_same_frame, read_layer
from conftest import DATA, run_cli

FIXTURE = ["--no-country-check", "--places", DATA / "coverage_places.csv", "--country-waste",
           DATA / "coverage_country_waste.csv"]


def fixture_inventory():
    return basural.read_inventory(DATA / "coverage_sites.csv", check_countries=False)


def fixture_kwargs():
    return {"places": DATA / "coverage_places.csv", "country_waste": DATA / "coverage_country_waste.csv"}


def assert_rows_equal(frame, rows):
    """A DataFrame against the JSON rows the command printed (null: missing), exactly."""
    assert len(frame) == len(rows)
    assert list(frame.columns) == list(rows[0].keys())
    for got, want in zip(frame.to_dict("records"), rows):
        for key, value in want.items():
            if value is None:
                assert pd.isna(got[key]), key
            else:
                assert got[key] == value, key


def test_coverage_is_the_commands_with_and_without_a_plan(scratch):
    plan_path = scratch / "plan.gpkg"
    run_cli("regionalize", DATA / "coverage_sites.csv", "--no-country-check", "--reuse-existing", "-o", plan_path)
    for plan_args, plan in [([], None), (["--plan", plan_path], plan_path)]:
        for extra, kwargs in [([], {}), (["--max-haul-km", "30", "--gwp", "ar6", "--year", "2030"],
                                         {"max_haul_km": 30, "gwp": "ar6", "year": 2030})]:
            _, out, _ = run_cli("coverage", DATA / "coverage_sites.csv", *FIXTURE, *plan_args, *extra,
                                "--format", "json")
            frame = basural.coverage(fixture_inventory(), plan, **fixture_kwargs(), **kwargs)
            assert_rows_equal(frame, json.loads(out)["countries"])


def test_coverage_takes_a_plan_object_as_its_file():
    inv = fixture_inventory()
    plan = basural.regionalize(inv, reuse_existing=True)
    a = basural.coverage(inv, plan, **fixture_kwargs())
    assert a.loc[a["country"] == "ARG", "plan_sites_served"].iloc[0] > 0


def test_coverage_by_admin1_is_the_commands():
    """Rows per state then per country, as coverage --by admin1 prints them (hand-checked figures of
    tests/cli/test_cli_admin1.cpp: Montevideo has 2 inadequate active dumps with 125 t/day)."""
    units, countries = DATA / "admin1_fixture.geojson", DATA / "countries_fixture.geojson"
    inputs = ["--places", DATA / "places_admin1.csv", "--country-waste", DATA / "coverage_country_waste.csv"]
    _, out, _ = run_cli("coverage", DATA / "sites_admin1.csv", "--countries", countries, *inputs, "--by", "admin1",
                        "--admin1-boundaries", units, "--format", "json")
    inventory = basural.read_inventory(DATA / "sites_admin1.csv", countries=countries)
    frame = basural.coverage(inventory, places=DATA / "places_admin1.csv",
                             country_waste=DATA / "coverage_country_waste.csv", by="admin1", admin1_boundaries=units)
    assert_rows_equal(frame, json.loads(out)["admin1"])
    montevideo = frame[frame["admin1"] == "URY-10"].iloc[0]
    assert montevideo["admin1_name"] == "Montevideo"
    assert montevideo["inadequate_active_sites"] == 2 and montevideo["inadequate_waste_t_per_day"] == 125.0
    with pytest.raises(basural.UsageError, match="by must be 'country' or 'admin1'"):
        basural.coverage(inventory, by="state")


def test_methane_is_the_commands(scratch):
    out_gpkg = scratch / "methane.gpkg"
    _, out, _ = run_cli("methane", DATA / "coverage_sites.csv", *FIXTURE, "--year", "2030", "-o", out_gpkg,
                        "--format", "json")
    result = basural.methane(fixture_inventory(), year=2030, **fixture_kwargs())
    assert_rows_equal(result.countries, json.loads(out)["countries"])
    theirs = read_layer(out_gpkg, "sites")
    assert_same_frame(result.sites, theirs.drop(columns="geometry"), "methane sites")
    mine = scratch / "mine.gpkg"
    result.write(mine)
    assert_same_frame(read_layer(mine, "sites"), theirs, "methane sites written")


def test_prioritize_is_the_commands_with_weights_and_a_plan(scratch):
    plan_path = scratch / "plan.gpkg"
    run_cli("regionalize", DATA / "coverage_sites.csv", "--no-country-check", "-o", plan_path)
    weights = scratch / "weights.json"
    weights.write_text('{"people_2km": 0.6, "waste": 0.1}', encoding="utf-8")
    theirs = scratch / "ranking.gpkg"
    run_cli("prioritize", DATA / "coverage_sites.csv", *FIXTURE, "--plan", plan_path, "--weights", weights,
            "-o", theirs)
    mine = scratch / "mine.gpkg"
    frame = basural.prioritize(fixture_inventory(), plan_path, weights={"people_2km": 0.6, "waste": 0.1},
                               output=mine, **fixture_kwargs())
    expected = read_layer(theirs, "ranking")
    assert_same_frame(frame, expected.drop(columns="geometry"), "ranking")
    assert_same_frame(read_layer(mine, "ranking"), expected, "ranking written")
    assert list(frame["rank"]) == list(range(1, len(frame) + 1))


def test_a_weight_that_is_not_a_number_is_an_input_error():
    with pytest.raises(basural.InputError, match="people_2km"):
        basural.prioritize(fixture_inventory(), weights={"people_2km": "lots"}, **fixture_kwargs())


def test_unknown_stays_unknown_in_the_tables():
    """A country whose sites have no known tonnage reports an unknown t/day, not 0."""
    inv = basural.read_inventory(DATA / "coverage_unknown_tonnage.csv", check_countries=False)
    frame = basural.coverage(inv, **fixture_kwargs())
    _, out, _ = run_cli("coverage", DATA / "coverage_unknown_tonnage.csv", *FIXTURE, "--format", "json")
    assert_rows_equal(frame, json.loads(out)["countries"])
