"""read_inventory against `basural import` / `basural validate` on the same sources: the same sites
(every column, as the command writes them), the same rejects and the same accounting."""

import csv
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import basural
from compare import assert_same_frame, read_layer
from conftest import DATA, run_cli

SCHEMA = ["site_id", "name", "country", "admin1_name", "admin1_code", "municipality_name",
          "municipality_code", "lon", "lat", "location_precision", "site_type", "status", "area_ha",
          "depth_m", "waste_t_per_day", "waste_in_place_t", "opening_year", "closure_year",
          "open_burning", "waste_pickers", "child_waste_pickers", "gas_capture",
          "receives_other_municipalities", "provenance", "waste_provenance", "source", "source_record",
          "derived_fields", "reporting_municipalities"]


def test_sites_are_a_geodataframe_in_wgs84_with_the_schema_columns():
    inv = basural.read_inventory(DATA / "sites_schema.csv")
    sites = inv.sites
    assert isinstance(sites, gpd.GeoDataFrame)
    assert sites.crs.to_epsg() == 4326
    # The schema as docs/data-schema.md lists it, then the geometry.
    assert list(sites.columns) == SCHEMA + ["geometry"]
    assert len(sites) == inv.loaded == 5
    # Points at the lon/lat columns; lon/lat also as numpy arrays.
    assert np.array_equal(sites.geometry.x.to_numpy(), sites["lon"].to_numpy())
    assert np.array_equal(sites.geometry.y.to_numpy(), sites["lat"].to_numpy())
    assert isinstance(inv.lon, np.ndarray) and inv.lon.dtype == np.float64
    assert np.array_equal(inv.lat, sites["lat"].to_numpy())
    # Unknowns stay unknown: nullable integers and booleans, NaN reals, never 0.
    assert str(sites["opening_year"].dtype) == "Int64"
    assert str(sites["open_burning"].dtype) == "boolean"
    assert sites["waste_t_per_day"].dtype == np.float64


def test_same_sites_as_basural_import_column_by_column(scratch):
    for source in ["sites_schema.csv", "sites_es.csv"]:
        mapping = [] if source == "sites_schema.csv" else ["--map", DATA / "mapping_es.json"]
        out = scratch / (source + ".gpkg")
        run_cli("import", DATA / source, "-o", out, *mapping)
        inv = basural.read_inventory(DATA / source, mapping=None if not mapping else DATA / "mapping_es.json")
        assert_same_frame(inv.sites, read_layer(out, "sites"), source)


def test_a_mapping_dict_and_keyword_defaults_read_as_the_file_and_default_options(scratch):
    with open(DATA / "mapping_es.json", encoding="utf-8") as f:
        mapping = json.load(f)
    mapping.pop("comment")
    out = scratch / "es.gpkg"
    run_cli("import", DATA / "sites_es.csv", "--map", DATA / "mapping_es.json", "--default", "status=active",
            "-o", out)
    inv = basural.read_inventory(DATA / "sites_es.csv", mapping, status="active")
    assert_same_frame(inv.sites, read_layer(out, "sites"), "sites_es.csv with defaults")


def test_rejects_and_accounting_are_the_command_lines(scratch):
    rejects_csv = scratch / "rejects.csv"
    code, out, _ = run_cli("validate", DATA / "sites_bad.csv", "--rejects", rejects_csv, check=False)
    assert code == 1
    inv = basural.read_inventory(DATA / "sites_bad.csv")
    # read = loaded + merged + rejected, the same line the command prints
    assert inv.records_read == inv.loaded + inv.merged + inv.rejected
    assert inv.records_line() == out.splitlines()[0]
    with open(rejects_csv, newline="", encoding="utf-8") as f:
        expected = list(csv.DictReader(f))
    rejects = inv.rejects
    assert isinstance(rejects, pd.DataFrame)
    assert len(rejects) == inv.rejected == len(expected) > 0
    for row, want in zip(rejects.itertuples(index=False), expected):
        assert (row.file, str(row.record), row.field, row.value, row.reason, row.check) == (
            want["file"], want["record"], want["field"], want["value"], want["reason"], want["check"])
        assert row.message == f"{row.file} record {row.record}: {row.field} '{row.value}' {row.reason}"
    # Writing them gives the command's file, byte for byte.
    mine = scratch / "mine.csv"
    inv.write_rejects(mine)
    assert mine.read_bytes() == rejects_csv.read_bytes()


def test_a_known_reject_by_hand():
    inv = basural.read_inventory(DATA / "sites_bad.csv")
    row = inv.rejects[inv.rejects["record"] == 2].iloc[0]   # lat-123: latitude 123
    assert row["field"] == "lat" and row["value"] == "123"
    assert "[-90, 90]" in row["reason"]


def test_write_writes_what_import_writes(scratch):
    inv = basural.read_inventory(DATA / "sites_schema.csv")
    mine, theirs = scratch / "mine.gpkg", scratch / "theirs.gpkg"
    inv.write(mine)
    run_cli("import", DATA / "sites_schema.csv", "-o", theirs)
    assert mine.read_bytes() == theirs.read_bytes()  # inventories are byte-identical GeoPackages


def test_summary_tables_are_infos(scratch):
    inv = basural.read_inventory(DATA / "sites_schema.csv")
    _, out, _ = run_cli("info", DATA / "sites_schema.csv", "--format", "json")
    expected = json.loads(out)
    summary = inv.summary()
    assert set(summary) == set(expected)
    for name, rows in expected.items():
        frame = summary[name]
        assert list(frame.columns) == list(rows[0].keys())
        for got, want in zip(frame.to_dict("records"), rows):
            for key, value in want.items():
                v = got[key]
                if value is None:
                    assert v is None or pd.isna(v)
                else:
                    assert v == pytest.approx(value) if isinstance(value, float) else v == value


def test_a_geodataframe_goes_back_through_the_loader(scratch):
    inv = basural.read_inventory(DATA / "sites_schema.csv")
    from_inventory = basural.cluster(inv, eps_km=500, min_points=1)
    from_frame = basural.cluster(inv.sites, eps_km=500, min_points=1)
    assert_same_frame(from_frame.sites, from_inventory.sites, "clusters of the GeoDataFrame")


def test_the_shipped_inventory_loads_whole(shipped):
    _, out, _ = run_cli("info", "--format", "json")
    records = json.loads(out)["records"][0]
    assert shipped.records_read == records["records_read"]
    assert shipped.loaded == records["loaded"]
    assert shipped.rejected == records["rejected"]


def test_a_near_duplicate_is_merged_as_the_command_merges_it(scratch):
    """sites_bad.csv: near-dup lies 0.00018 degrees of longitude east of ok-1 at latitude -15.79,
    19.3 m on the WGS84 ellipsoid (0.00018 x 111,320 m x cos 15.79 deg, by hand)."""
    inv = basural.read_inventory(DATA / "sites_bad.csv")
    merges = inv.merges
    row = merges[merges["site_id"] == "near-dup"].iloc[0]
    assert row["into_site_id"] == "ok-1" and row["record"] == 12 and row["into_record"] == 1
    assert row["distance_m"] == pytest.approx(19.3, abs=0.2)
    rejected = basural.read_inventory(DATA / "sites_bad.csv", near_duplicates="reject")
    assert rejected.merged == 0 and rejected.rejected == inv.rejected + inv.merged
    code, out, _ = run_cli("validate", DATA / "sites_bad.csv", "--near-duplicates", "reject", check=False)
    assert rejected.records_line() == out.splitlines()[0]
    with pytest.raises(basural.UsageError, match="near_duplicates"):
        basural.read_inventory(DATA / "sites_bad.csv", near_duplicates="keep")


def test_notes_and_warnings_are_the_commands_as_python_warnings():
    """A source without a status column: the command warns on stderr, the module with DataWarning."""
    _, _, err = run_cli("info", DATA / "sites_bad.csv")
    expected = [line.removeprefix("warning: ") for line in err.splitlines() if line.startswith("warning: ")]
    assert expected, "the fixture should draw a warning"
    with pytest.warns(basural.DataWarning) as caught:
        inv = basural.read_inventory(DATA / "sites_bad.csv")
    assert inv.warnings == expected
    assert [str(w.message) for w in caught] == inv.notices + inv.warnings
