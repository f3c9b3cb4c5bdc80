"""The basural provider through QGIS's own command-line runner, qgis_process: every algorithm is
listed, Regionalize writes the plan `basural regionalize` writes (layer by layer) plus the
assignment lines, and every output layer opens styled."""

import json
import os
import re
import sqlite3
import sys

import pytest

from conftest import DATA, EXE, basural_cli, qgis_process, run

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from compare import assert_same_frame, layer_names, read_layer  # noqa: E402

ALGORITHMS = {"basural:import": "Import and validate", "basural:cluster": "Cluster sites",
              "basural:regionalize": "Regionalize", "basural:coverage": "Coverage",
              "basural:prioritize": "Prioritize", "basural:methane": "Methane"}
PLAN_LAYERS = ["facilities", "assignments", "catchments", "unserved", "unused_landfills", "summary", "parameters"]


def test_qgis_process_lists_every_algorithm():
    out = qgis_process("list").stdout
    listed = {}
    for line in out.splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 2 and parts[0].startswith("basural:"):
            listed[parts[0]] = parts[1]
    assert listed == ALGORITHMS


# Options of `basural regionalize` whose parameter is not the option's name in capitals.
RENAMED = {"--countries": "BOUNDARIES", "--map": "MAPPING", "--field": "FIELDS", "--default": "DEFAULTS",
           "--output": "OUTPUT"}
# Options with no parameter: the input is a QGIS layer (a layer of a file is chosen as
# path|layername=...), the summary goes to the log as a table, messages follow QGIS's language.
NOT_PARAMETERS = {"--help", "--layer", "--format", "--lang"}


def test_every_option_of_regionalize_is_a_parameter():
    """Each option `basural regionalize --help` lists is a parameter (docs/qgis.md maps them), so an
    option added to the command fails this test until the provider has it; and nothing is dropped:
    QGIS drops a second parameter of the same name without a word, so the names are compared whole."""
    help_text = qgis_process("help", "basural:regionalize").stdout
    arguments = help_text.split("Arguments")[1].split("Outputs")[0]
    names = [m.group(1) for m in re.finditer(r"^([A-Z0-9_]+): ", arguments, re.MULTILINE)]
    command_help = basural_cli("regionalize", "--help").stdout
    options = set(re.findall(r"^\s+(?:-\w,)?(--[a-z0-9-]+)", command_help, re.MULTILINE))
    assert {"--max-haul-km", "--per-admin1", "--output"} <= options  # the help was read
    expected = ["INPUT"] + [RENAMED.get(o, o[2:].upper().replace("-", "_")) for o in options - NOT_PARAMETERS]
    assert sorted(names) == sorted(expected)


def default_styles(path):
    """layer name -> the QML QGIS stored as its default style in the GeoPackage."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT f_table_name, styleQML FROM layer_styles WHERE useAsDefault").fetchall()
    return dict(rows)


def test_regionalize_writes_the_commands_plan_styled(scratch):
    plan = scratch / "plan.gpkg"
    result = qgis_process("run", "basural:regionalize", "--json", f"--INPUT={DATA / 'regionalize_sites.csv'}",
                          "--REUSE_EXISTING=true", "--MIN_T_PER_DAY=20", f"--OUTPUT={plan}")
    results = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    assert results["OUTPUT"] == str(plan)
    assert results["FACILITIES"] == f"{plan}|layername=facilities"
    theirs = scratch / "cli.gpkg"
    basural_cli("regionalize", DATA / "regionalize_sites.csv", "--reuse-existing", "--min-t-per-day", "20",
                "-o", theirs)
    # The command's seven layers, then the lines and QGIS's styles.
    assert set(layer_names(plan)) - {"layer_styles"} == set(PLAN_LAYERS) | {"assignment_lines"}
    for name in PLAN_LAYERS:
        assert_same_frame(read_layer(plan, name), read_layer(theirs, name), name)
    lines = read_layer(plan, "assignment_lines")
    assignments = read_layer(plan, "assignments")
    assert len(lines) == len(assignments) > 0
    assert set(lines.geom_type) == {"LineString"}
    facilities = read_layer(plan, "facilities").set_index("facility_id").geometry
    for line, site, fid in zip(lines.geometry, assignments.geometry, assignments["facility_id"]):
        assert line.coords[0] == site.coords[0] and line.coords[-1] == facilities[fid].coords[0]
    styles = default_styles(plan)
    assert set(styles) == {"facilities", "assignments", "catchments", "unserved", "unused_landfills",
                           "assignment_lines"}
    assert 'attr="reason"' in styles["unused_landfills"] and "not_chosen" in styles["unused_landfills"]
    assert 'type="categorizedSymbol"' in styles["facilities"] and "proposed" in styles["facilities"]
    assert "#6a51a3" in styles["catchments"] or "106,81,163" in styles["catchments"]


def test_a_bad_option_fails_with_the_librarys_message(scratch):
    result = qgis_process("run", "basural:regionalize", f"--INPUT={DATA / 'regionalize_sites.csv'}",
                          "--MAX_HAUL_KM=0", f"--OUTPUT={scratch / 'plan.gpkg'}", check=False)
    assert result.returncode != 0
    cli = run(EXE, "regionalize", DATA / "regionalize_sites.csv", "--max-haul-km", "0",
              "-o", scratch / "cli.gpkg", check=False)
    assert cli.returncode == 2
    message = cli.stderr.strip().splitlines()[-1].removeprefix("basural regionalize: ")
    assert f"ERROR:\t{message}" in result.stderr
    assert not (scratch / "plan.gpkg").exists()


def test_import_and_validate_any_layer_with_its_rejects(scratch):
    sites, rejects = scratch / "sites.gpkg", scratch / "rejects.csv"
    result = qgis_process("run", "basural:import", "--json", f"--INPUT={DATA / 'sites_bad.csv'}",
                          f"--OUTPUT={sites}", f"--REJECTS={rejects}")
    results = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    theirs_rejects = scratch / "cli_rejects.csv"
    validate = run(EXE, "validate", DATA / "sites_bad.csv", "--rejects", theirs_rejects, check=False)
    assert validate.returncode == 1  # some records are rejected
    assert rejects.read_bytes() == theirs_rejects.read_bytes()
    assert results["RECORDS_READ"] == results["LOADED"] + results["MERGED"] + results["REJECTED"]
    assert results["MERGED"] == 1  # near-dup, merged into ok-1 as the command merges it
    assert results["REJECTED"] == len(rejects.read_text(encoding="utf-8").splitlines()) - 1
    theirs = scratch / "cli_sites.gpkg"
    basural_cli("import", DATA / "sites_bad.csv", "-o", theirs)
    assert_same_frame(read_layer(sites, "sites"), read_layer(theirs, "sites"), "sites")
    assert 'attr="site_type"' in default_styles(sites)["sites"]


@pytest.mark.parametrize("source", ["sites_es.shp", "sites_es.geojson"])
def test_any_vector_format_goes_in(scratch, source):
    sites = scratch / "sites.gpkg"
    result = qgis_process("run", "basural:import", "--json", f"--INPUT={DATA / source}",
                          f"--MAPPING={DATA / 'mapping_es.json'}", f"--OUTPUT={sites}")
    results = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    assert results["LOADED"] > 0
    assert results["RECORDS_READ"] == results["LOADED"] + results["MERGED"] + results["REJECTED"]


def test_install_script_installs_and_enables_the_plugin(scratch):
    """scripts/install-qgis-plugin.sh into a fresh profile: qgis_process then lists the algorithms
    without QGIS_PLUGINPATH (the plugin is in the profile)."""
    root = scratch / "config"
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "QGIS_CUSTOM_CONFIG_PATH")}
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(root)
    script = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "install-qgis-plugin.sh")
    import subprocess

    subprocess.run(["bash", script, str(root / "profiles" / "default")], env=env, check=True,
                   capture_output=True)
    installed = root / "profiles" / "default" / "python" / "plugins" / "basural_provider"
    assert (installed / "metadata.txt").is_file() and (installed / "styles" / "facilities.qml").is_file()
    out = subprocess.run([os.environ["BASURAL_QGIS_PROCESS"], "list"], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert "basural:regionalize" in out
