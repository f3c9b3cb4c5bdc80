"""pytest set-up: the builders (scripts/basural_data) importable, the repository's datasets/ at hand."""

import os
import sys

SCRIPTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS)
