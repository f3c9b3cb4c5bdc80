"""map draws the map `basural map --country` draws (same bytes), returned as PNG bytes or written to
a file; PNG dimensions follow width x height at dpi (docs/cli/map.md)."""

import struct

import pytest

import basural
from conftest import DATA, run_cli

COUNTRIES = DATA / "countries_fixture.geojson"


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def inventory():
    return basural.read_inventory(DATA / "sites_map.csv", countries=COUNTRIES)


def test_png_bytes_are_the_commands_file(scratch):
    theirs = scratch / "ury.png"
    run_cli("map", DATA / "sites_map.csv", "--countries", COUNTRIES, "--country", "URY", "--dpi", "96",
            "-o", theirs)
    data = basural.map(inventory(), "URY", dpi=96)
    assert data == theirs.read_bytes()
    assert png_size(data) == (1123, 794)


def test_a_file_with_a_ranking_and_a_plan(scratch):
    theirs, mine = scratch / "theirs.svg", scratch / "mine.svg"
    plan_path = scratch / "plan.gpkg"
    run_cli("regionalize", DATA / "sites_map.csv", "--countries", COUNTRIES, "-o", plan_path)
    run_cli("map", DATA / "sites_map.csv", "--countries", COUNTRIES, "--country", "URY", "--plan", plan_path,
            "--ranking", DATA / "ranking_map.csv", "--color-by", "priority", "-o", theirs)
    assert basural.map(inventory(), "ury", plan=plan_path, ranking=DATA / "ranking_map.csv",
                       color_by="priority", output=mine) == str(mine)
    assert mine.read_bytes() == theirs.read_bytes()
    # The same scores as a dict draw the same map.
    with open(DATA / "ranking_map.csv", encoding="utf-8") as f:
        rows = [line.strip().split(",") for line in f][1:]
    scores = {r[0]: float(r[1]) for r in rows}
    as_dict = basural.map(inventory(), "URY", plan=basural.read_plan(plan_path), ranking=scores,
                          color_by="priority", format="svg")
    assert as_dict == theirs.read_bytes()


def test_png_size_follows_dpi():
    assert png_size(basural.map(inventory(), "URY", width=400, height=300, dpi=192)) == (800, 600)


def test_bad_map_options_are_usage_errors(scratch):
    with pytest.raises(basural.UsageError, match="unknown country"):
        basural.map(inventory(), "XXX")
    with pytest.raises(basural.UsageError, match="ranking"):
        basural.map(inventory(), "URY", color_by="priority")
    with pytest.raises(basural.UsageError, match=r"\.png"):
        basural.map(inventory(), "URY", output=scratch / "map.jpg")


def test_language_title_and_a_state_are_the_commands(scratch):
    theirs = scratch / "mex.svg"
    run_cli("map", "--country", "MEX", "--admin1", "Oaxaca", "--lang", "es-MX", "--title", "Oaxaca: basurales",
            "-o", theirs)
    shipped = basural.read_inventory()
    data = basural.map(shipped, "MEX", admin1="Oaxaca", lang="es-MX", title="Oaxaca: basurales", format="svg")
    assert data == theirs.read_bytes()
    assert "Oaxaca: basurales".encode() in data
    with pytest.raises(basural.UsageError):
        basural.map(shipped, "MEX", admin1="Oaxaca", admin1_boundaries="none")
    with pytest.raises(basural.UsageError):
        basural.map(shipped, "MEX", lang="fr")
