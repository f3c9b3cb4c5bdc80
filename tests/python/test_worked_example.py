"""The worked example of docs/python.md runs as it is, and writes the files it says it writes; its
plan is the command's plan for the same countries."""

import os
import pathlib
import subprocess
import sys

from compare import assert_same_geopackage
from conftest import run_cli

EXAMPLE = pathlib.Path(os.environ["BASURAL_SOURCE_DIR"]) / "python" / "examples" / "worked_example.py"


def test_the_worked_example_runs(scratch):
    p = subprocess.run([sys.executable, str(EXAMPLE), str(scratch / "out")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    out = scratch / "out"
    assert sorted(f.name for f in out.iterdir()) == ["central_america_plan.gpkg", "gtm_plan.png", "ranking.csv"]
    assert "records read" in p.stdout and "total" in p.stdout
    theirs = scratch / "cli.gpkg"
    run_cli("regionalize", *[a for c in ["GTM", "SLV", "HND", "NIC"] for a in ("--country", c)],
            "--reuse-existing", "-o", theirs)
    assert_same_geopackage(out / "central_america_plan.gpkg", theirs)
