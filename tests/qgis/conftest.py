"""The QGIS provider's tests: the real qgis_process (headless, QT_QPA_PLATFORM=offscreen) with the
plugin from qgis/ (QGIS_PLUGINPATH) in a throw-away QGIS profile (QGIS_CUSTOM_CONFIG_PATH), and
Processing in-process for the other algorithms. Run by ctest (tests/qgis/CMakeLists.txt)."""

import os
import pathlib
import shutil
import subprocess

import pytest

DATA = pathlib.Path(os.environ["BASURAL_TEST_DATA_DIR"])
EXE = os.environ["BASURAL_EXE"]
TMP = pathlib.Path(os.environ["BASURAL_TEST_TMP_DIR"])
QGIS_PROCESS = os.environ["BASURAL_QGIS_PROCESS"]


@pytest.fixture
def scratch(request):
    d = TMP / "qgis" / request.node.name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


def run(*args, check=True):
    p = subprocess.run([*map(str, args)], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} exited {p.returncode}:\n{p.stdout}\n{p.stderr}")
    return p


def qgis_process(*args, check=True):
    return run(QGIS_PROCESS, *args, check=check)


def basural_cli(*args):
    return run(EXE, *args)


@pytest.fixture(scope="session", autouse=True)
def enabled_plugin():
    """The plugin enabled in the test profile, as scripts/install-qgis-plugin.sh enables it."""
    profile = pathlib.Path(os.environ["QGIS_CUSTOM_CONFIG_PATH"])
    shutil.rmtree(profile, ignore_errors=True)
    profile.mkdir(parents=True)
    out = qgis_process("plugins", "enable", "basural_provider").stdout
    assert "basural_provider" in out


@pytest.fixture(scope="session")
def qgis_app(enabled_plugin):
    """QGIS and Processing in this process, with the basural provider registered."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    import sys

    # QGIS's own plugins (Processing) and ours, as QGIS puts them on its path.
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    sys.path.insert(0, str(pathlib.Path(os.environ["QGIS_PLUGINPATH"])))
    from processing.core.Processing import Processing

    Processing.initialize()
    import basural_provider

    plugin = basural_provider.classFactory(None)
    plugin.initProcessing()
    yield app
    plugin.unload()
