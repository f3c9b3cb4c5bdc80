#!/usr/bin/env bash
# Installs the basural Processing provider (qgis/basural_provider) into a QGIS profile and enables it,
# for QGIS Desktop and qgis_process alike (docs/qgis.md). The provider needs the basural Python module
# installed for the python3 QGIS runs (cmake --install, see docs/python.md).
#
#   scripts/install-qgis-plugin.sh [PROFILE_DIR]
#
# PROFILE_DIR defaults to the default profile of the user running it,
# ~/.local/share/QGIS/QGIS3/profiles/default (QGIS_CUSTOM_CONFIG_PATH/profiles/default if that is set).
set -euo pipefail
cd "$(dirname "$0")/.."

base="${QGIS_CUSTOM_CONFIG_PATH:-$HOME/.local/share/QGIS/QGIS3}"
profile="${1:-$base/profiles/default}"
plugins="$profile/python/plugins"
mkdir -p "$plugins"
rm -rf "$plugins/basural_provider"
cp -r qgis/basural_provider "$plugins/basural_provider"
find "$plugins/basural_provider" -name __pycache__ -prune -exec rm -rf {} +
echo "install-qgis-plugin: copied qgis/basural_provider to $plugins/basural_provider" >&2

if ! /usr/bin/python3 -c "import basural" 2>/dev/null; then
  echo "install-qgis-plugin: warning: python3 cannot import the basural module; install it with" \
       "cmake --install (docs/python.md) or the provider's algorithms will say so when run" >&2
fi

# Enable it in the profile's settings. Debian's qgis_process wrapper passes an option qgis_process
# 3.22 refuses (--noversioncheck, from /etc/default/qgis): call the program it wraps when it is there.
qgis_process=qgis_process
[ -x /usr/bin/qgis_process.bin ] && qgis_process=/usr/bin/qgis_process.bin
if command -v "$qgis_process" >/dev/null; then
  # qgis_process reads the profile folder from QGIS_CUSTOM_CONFIG_PATH (the folder holding profiles/)
  QGIS_CUSTOM_CONFIG_PATH="$(dirname "$(dirname "$profile")")" QT_QPA_PLATFORM=offscreen \
    "$qgis_process" plugins enable basural_provider >/dev/null
  echo "install-qgis-plugin: enabled; 'qgis_process list' shows the basural algorithms" >&2
else
  echo "install-qgis-plugin: qgis_process not found: enable 'basural' in QGIS's Plugins manager" >&2
fi
