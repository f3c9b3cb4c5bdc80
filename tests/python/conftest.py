"""Shared fixtures of the Python module's tests (run by ctest: tests/python/CMakeLists.txt).

The module under test is the build tree's (PYTHONPATH); the command line it is compared with is the
binary of the same build (BASURAL_EXE). Packages the tests need are imported here, so a missing one
fails every test loudly instead of skipping it.
"""

import os
import pathlib
import shutil
import subprocess

import geopandas  # noqa: F401  (python3-geopandas: required, never skipped)
import numpy  # noqa: F401
import pandas  # noqa: F401
import pytest

import basural

DATA = pathlib.Path(os.environ["BASURAL_TEST_DATA_DIR"])
EXE = os.environ["BASURAL_EXE"]
TMP = pathlib.Path(os.environ["BASURAL_TEST_TMP_DIR"])


@pytest.fixture
def scratch(request):
    """A fresh directory for one test under the build tree."""
    d = TMP / "python" / request.node.name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


def run_cli(*args, check=True):
    """Runs the basural command; returns (exit code, stdout, stderr)."""
    p = subprocess.run([EXE, *map(str, args)], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"basural {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr}")
    return p.returncode, p.stdout, p.stderr


@pytest.fixture(scope="session")
def shipped():
    """The shipped inventory, loaded once."""
    return basural.read_inventory()
