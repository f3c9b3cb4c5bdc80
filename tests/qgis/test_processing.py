"""Cluster sites, Coverage, Prioritize and Methane run through Processing in this process (one QGIS
start for all): their outputs are the command line's on the same inputs, their layers open styled,
and cancelling stops the work."""

import json

import pandas as pd
import pytest

import os
import sys

from conftest import DATA, EXE, basural_cli, run

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from compare import assert_same_frame, read_layer  # noqa: E402

FIXTURE = {"INPUT": str(DATA / "coverage_sites.csv"), "NO_COUNTRY_CHECK": True,
           "PLACES": str(DATA / "coverage_places.csv"), "COUNTRY_WASTE": str(DATA / "coverage_country_waste.csv")}
CLI_FIXTURE = [DATA / "coverage_sites.csv", "--no-country-check", "--places", DATA / "coverage_places.csv",
               "--country-waste", DATA / "coverage_country_waste.csv"]


def run_algorithm(name, parameters, feedback=None):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    return processing.run(f"basural:{name}", parameters, context=QgsProcessingContext(),
                          feedback=feedback or QgsProcessingFeedback())


def opens_styled(path, layer, renderer_type):
    from qgis.core import QgsVectorLayer

    opened = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert opened.isValid()
    assert opened.renderer().type() == renderer_type


def test_cluster_sites(qgis_app, scratch):
    out, table = scratch / "clusters.gpkg", scratch / "clusters.csv"
    results = run_algorithm("cluster", {"INPUT": str(DATA / "sites_map.csv"), "EPS_KM": 30, "MIN_POINTS": 3,
                                        "OUTPUT": str(out), "CLUSTERS": str(table)})
    assert results["CLUSTER_COUNT"] == 1 and results["NOISE"] == 2
    theirs = scratch / "cli.gpkg"
    cli = basural_cli("cluster", DATA / "sites_map.csv", "--eps-km", "30", "-o", theirs, "--format", "json")
    assert_same_frame(read_layer(out, "site_clusters"), read_layer(theirs, "site_clusters"), "site_clusters")
    rows = json.loads(cli.stdout)["clusters"]
    got = pd.read_csv(table).to_dict("records")
    assert len(got) == len(rows)
    for g, want in zip(got, rows):
        assert g == pytest.approx(want)
    opens_styled(out, "site_clusters", "singleSymbol")


def test_coverage_with_a_plan(qgis_app, scratch):
    plan, out = scratch / "plan.gpkg", scratch / "coverage.csv"
    basural_cli("regionalize", DATA / "coverage_sites.csv", "--no-country-check", "-o", plan)
    run_algorithm("coverage", {**FIXTURE, "PLAN": str(plan), "GWP": 1, "YEAR": 2030, "OUTPUT": str(out)})
    cli = basural_cli("coverage", *CLI_FIXTURE, "--plan", plan, "--gwp", "ar6", "--year", "2030", "--format", "json")
    rows = json.loads(cli.stdout)["countries"]
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(rows[0])
    for got, want in zip(frame.to_dict("records"), rows):
        for key, value in want.items():
            assert (pd.isna(got[key]) if value is None else got[key] == pytest.approx(value, rel=1e-12)), key


def test_coverage_by_state(qgis_app, scratch):
    out = scratch / "coverage.csv"
    units, countries = DATA / "admin1_fixture.geojson", DATA / "countries_fixture.geojson"
    inputs = {"PLACES": str(DATA / "places_admin1.csv"), "COUNTRY_WASTE": str(DATA / "coverage_country_waste.csv")}
    run_algorithm("coverage", {"INPUT": str(DATA / "sites_admin1.csv"), "BOUNDARIES": str(countries), **inputs,
                               "BY": 1, "ADMIN1_BOUNDARIES": str(units), "OUTPUT": str(out)})
    cli = basural_cli("coverage", DATA / "sites_admin1.csv", "--countries", countries, "--places",
                      inputs["PLACES"], "--country-waste", inputs["COUNTRY_WASTE"], "--by", "admin1",
                      "--admin1-boundaries", units, "--format", "json")
    rows = json.loads(cli.stdout)["admin1"]
    frame = pd.read_csv(out, keep_default_na=False, na_values=[""])
    assert list(frame.columns) == list(rows[0])
    assert list(frame["admin1"].fillna("")) == [r["admin1"] for r in rows]
    for got, want in zip(frame.to_dict("records"), rows):
        for key, value in want.items():
            if value is None or value == "":
                assert pd.isna(got[key]), key
            else:
                assert got[key] == (pytest.approx(value, rel=1e-12) if isinstance(value, float) else value), key


def test_prioritize_is_graduated_by_score(qgis_app, scratch):
    out = scratch / "ranking.gpkg"
    run_algorithm("prioritize", {**FIXTURE, "OUTPUT": str(out)})
    theirs = scratch / "cli.gpkg"
    basural_cli("prioritize", *CLI_FIXTURE, "-o", theirs)
    assert_same_frame(read_layer(out, "ranking"), read_layer(theirs, "ranking"), "ranking")
    opens_styled(out, "ranking", "graduatedSymbol")


def test_methane_per_site_and_country(qgis_app, scratch):
    out, table = scratch / "methane.gpkg", scratch / "countries.csv"
    run_algorithm("methane", {**FIXTURE, "YEAR": 2030, "OUTPUT": str(out), "COUNTRIES_TABLE": str(table)})
    theirs = scratch / "cli.gpkg"
    cli = basural_cli("methane", *CLI_FIXTURE, "--year", "2030", "-o", theirs, "--format", "json")
    assert_same_frame(read_layer(out, "sites"), read_layer(theirs, "sites"), "methane sites")
    rows = json.loads(cli.stdout)["countries"]
    assert len(pd.read_csv(table)) == len(rows)
    opens_styled(out, "sites", "graduatedSymbol")


def test_cancelling_stops_regionalize(qgis_app, scratch):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="canceled"):
        run_algorithm("regionalize", {"INPUT": str(DATA / "regionalize_sites.csv"),
                                      "OUTPUT": str(scratch / "plan.gpkg")}, feedback)
    assert not (scratch / "plan.gpkg").exists()


UNKNOWN = {"INPUT": str(DATA / "coverage_unknown_tonnage.csv"), "PLACES": str(DATA / "coverage_places.csv"),
           "COUNTRY_WASTE": str(DATA / "coverage_country_waste.csv")}


def test_the_log_holds_the_commands_assumptions(qgis_app, scratch):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    run_algorithm("methane", {**FIXTURE, "OUTPUT": str(scratch / "methane.gpkg")}, feedback)
    printed = basural_cli("methane", *CLI_FIXTURE).stdout.split("\n\n")[0]  # the lines before the table
    assert printed.startswith("Tonnage of the 5 receiving sites: 4 given, 1 estimated")
    assert " ".join(printed.split()) in " ".join(feedback.textLog().split())


def test_nothing_to_report_fails_with_the_commands_message_and_warnings(qgis_app, scratch):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("coverage", {**UNKNOWN, "OUTPUT": str(scratch / "coverage.csv")}, feedback)
    cli = run(EXE, "coverage", DATA / "coverage_unknown_tonnage.csv", "--places", DATA / "coverage_places.csv",
              "--country-waste", DATA / "coverage_country_waste.csv", check=False)
    assert cli.returncode == 1
    assert str(raised.value) == cli.stderr.strip().splitlines()[-1].removeprefix("basural coverage: ")
    assert not (scratch / "coverage.csv").exists()
    # The plan of the same sites is made, by site count, and the log says the tonnage stays unknown.
    feedback = QgsProcessingFeedback()
    run_algorithm("regionalize", {**UNKNOWN, "OUTPUT": str(scratch / "plan.gpkg")}, feedback)
    log = " ".join(feedback.textLog().split())
    assert "warning: tonnage could not be estimated for 2 of 2 receiving sites" in log
    assert "Tonnage of the demand sites: 0 given, 0 estimated from places and country rates" in log
