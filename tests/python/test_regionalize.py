"""regionalize makes the plan `basural regionalize` makes: on the same inventory and options, the
GeoPackage Plan.write writes and the plan's GeoDataFrames hold the command's layers, row by row."""

import geopandas as gpd
import pytest

import basural
from compare import assert_same_frame, assert_same_geopackage, layer_names, read_layer
from conftest import DATA, run_cli

LAYERS = ["facilities", "assignments", "catchments", "unserved", "unused_landfills", "summary", "parameters"]

# (command-line options, the same as keyword arguments)
CASES = [
    ([], {}),
    (["--reuse-existing", "--min-t-per-day", "20"], {"reuse_existing": True, "min_t_per_day": 20}),
    (["--max-haul-km", "30", "--capacity-t-per-day", "60", "--cost-a", "1000", "--cost-b", "0.8",
      "--haul-cost-per-t-km", "0.1"],
     {"max_haul_km": 30, "capacity_t_per_day": 60, "cost_a": 1000, "cost_b": 0.8, "haul_cost_per_t_km": 0.1}),
    (["--per-admin1", "--detour-factor", "1.3", "--no-waste-estimate", "--threads", "1"],
     {"per_admin1": True, "detour_factor": 1.3, "waste_estimate": False, "threads": 1}),
]


def plan_frames_match_file(plan, path):
    # The plan holds the layers in write order; GDAL lists a GeoPackage's layers in the order its
    # gpkg_contents query returns them, which is not always the order they were written.
    assert list(plan.layers) == LAYERS
    assert sorted(layer_names(path)) == sorted(LAYERS)
    for name in LAYERS:
        if name == "parameters":
            continue  # compared as a dict below
        assert_same_frame(plan.layers[name], read_layer(path, name), f"layer {name}")
    params = read_layer(path, "parameters")
    assert plan.parameters == dict(zip(params["name"], params["value"]))


@pytest.mark.parametrize("options,kwargs", CASES)
def test_same_plan_as_the_command_on_a_fixture(scratch, options, kwargs):
    theirs = scratch / "cli.gpkg"
    run_cli("regionalize", DATA / "regionalize_sites.csv", *options, "-o", theirs)
    inventory = basural.read_inventory(DATA / "regionalize_sites.csv")
    plan = basural.regionalize(inventory, **kwargs)
    mine = scratch / "python.gpkg"
    plan.write(mine)
    assert_same_geopackage(mine, theirs)
    plan_frames_match_file(plan, theirs)


def test_layers_have_their_geometries_in_wgs84(scratch):
    plan = basural.regionalize(DATA / "regionalize_sites.csv", reuse_existing=True)
    for name in ["facilities", "assignments", "unserved"]:
        layer = plan.layers[name]
        assert isinstance(layer, gpd.GeoDataFrame) and layer.crs.to_epsg() == 4326
        assert set(layer.geom_type.dropna()) <= {"Point"}
    assert set(plan.catchments.geom_type) == {"MultiPolygon"}
    assert not isinstance(plan.summary, gpd.GeoDataFrame)
    # Every demand site ends in exactly one of assignments and unserved (docs/methods/regionalization.md).
    served, unserved = set(plan.assignments["site_id"]), set(plan.unserved["site_id"])
    assert not served & unserved
    assert plan.summary["demand_sites"].sum() == len(served) + len(unserved)
    lines = plan.assignment_lines()
    assert len(lines) == len(plan.assignments) and set(lines.geom_type) == {"LineString"}


def test_a_plan_read_back_is_the_plan_written(scratch):
    plan = basural.regionalize(DATA / "regionalize_sites.csv", reuse_existing=True)
    path = scratch / "plan.gpkg"
    plan.write(path)
    back = basural.read_plan(path)
    for name in LAYERS:
        if name != "parameters":
            assert_same_frame(back.layers[name], plan.layers[name], name)
    assert back.parameters == plan.parameters


def test_same_plan_as_the_command_on_the_shipped_inventory(scratch, shipped):
    """Every country of the shipped inventory: the claim the worked example rests on."""
    theirs = scratch / "cli.gpkg"
    run_cli("regionalize", "--reuse-existing", "-o", theirs)
    plan = basural.regionalize(shipped, reuse_existing=True)
    mine = scratch / "python.gpkg"
    plan.write(mine)
    assert_same_geopackage(mine, theirs)
    plan_frames_match_file(plan, theirs)


def test_per_admin1_gives_states_as_the_command_does(scratch):
    """Sites without admin1_code get the unit they name or lie in (tests/cli/test_cli_admin1.cpp
    counts them by hand: U1 from its location, U2 by its name, U6 in no unit), and the summary names
    each part: the plan and the printed summary are the command's."""
    units, countries = DATA / "admin1_fixture.geojson", DATA / "countries_fixture.geojson"
    theirs = scratch / "cli.gpkg"
    _, out, _ = run_cli("regionalize", DATA / "sites_admin1.csv", "--countries", countries, "--admin1-boundaries",
                        units, "--per-admin1", "--no-waste-estimate", "--format", "csv", "-o", theirs)
    inventory = basural.read_inventory(DATA / "sites_admin1.csv", countries=countries)
    plan = basural.regionalize(inventory, per_admin1=True, admin1_boundaries=units, waste_estimate=False)
    mine = scratch / "python.gpkg"
    plan.write(mine)
    assert_same_geopackage(mine, theirs)
    assert plan.summary_text("csv") == out
    table = plan.summary_table()
    parts = dict(zip(table["part_name"][:-1], table["demand_sites"][:-1]))
    assert parts == {"Canelones": 1, "Montevideo": 2, "Tacuarembó": 1, "unknown": 1}
    # Without per_admin1, no part names.
    assert "part_name" not in basural.regionalize(inventory, waste_estimate=False).summary_table()


def test_the_summary_is_the_one_the_command_prints(scratch):
    for fmt in ["json", "csv"]:
        _, out, _ = run_cli("regionalize", DATA / "regionalize_sites.csv", "--reuse-existing", "--format", fmt,
                            "-o", scratch / f"{fmt}.gpkg")
        plan = basural.regionalize(DATA / "regionalize_sites.csv", reuse_existing=True)
        assert plan.summary_text(fmt) == out
    table = plan.summary_table()
    assert list(table["country"])[-1] == "total"
    assert table["demand_sites"].iloc[-1] == table["demand_sites"].iloc[:-1].sum()
