#!/usr/bin/env bash
# Installs basural's build and test dependencies from Debian packages. Idempotent, and quiet
# when everything is already there. Run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data
  libboost-dev catch2 nlohmann-json3-dev libcli11-dev libcairo2-dev
  # reports: Pango lays out the text of the PDF (line breaks, shaping) on Cairo
  libpango1.0-dev
  geographiclib-tools python3 python3-gdal sqlite3
  # scripts/tests (the dataset build script's tests, run by ctest)
  python3-pytest
  # maps: the font the renderer asks for; test readers for its outputs (libxml2 for SVG, poppler's
  # pdfinfo/pdftoppm for PDF, headless Chromium for the offline HTML page)
  fonts-dejavu-core libxml2-dev poppler-utils chromium
  # sanitizers and fuzzing (scripts/test-sanitized.sh, scripts/fuzz.sh): clang 14, its runtimes
  # (ASan, UBSan, libFuzzer) and llvm-symbolizer for readable stack traces
  clang-14 libclang-rt-14-dev llvm-14
  # PostGIS tests (tests/postgis, scripts/pg-test-server.sh): a throw-away server started by CTest
  postgresql-15 postgresql-15-postgis-3
  # the Python module (python/, pybind11) and its tests (tests/python): Debian's python3 and its
  # numpy, pandas, GeoPandas (with Fiona and Shapely) and pytest
  pybind11-dev python3-dev python3-numpy python3-pandas python3-geopandas python3-fiona python3-shapely
  python3-pytest
  # the QGIS Processing provider (qgis/) and its tests: qgis_process and PyQGIS (about 160 packages,
  # 2-8 minutes to install; measured in docs/qgis.md)
  qgis python3-qgis
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
