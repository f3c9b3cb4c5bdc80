"""coverage, methane and prioritize: the tables of ``basural coverage``, ``basural methane`` and
``basural prioritize``."""

import json
import os
import tempfile
import warnings

from . import _basural
from . import _frames
from ._inputs import inventory_handle, path_text, plan_handle
from .errors import DataWarning, NoResultError


def _checked(handle, no_result):
    """Issues the command's warnings (the lines under "results rest on unknowns") as DataWarning and
    raises NoResultError where the command says `no_result: <why>` and exits 1."""
    for line in handle.warnings:
        warnings.warn(line, DataWarning, stacklevel=3)
    if handle.empty_reason is not None:
        raise NoResultError(f"{no_result}: {handle.empty_reason}")
    return handle


def _frame(handle):
    """The table as a DataFrame, with the command's warnings and assumptions in its attrs (without
    pandas: the plain dict of columns, the lines in the DataWarnings only)."""
    frame = _frames.table(handle.columns())
    if _frames.have_pandas():
        frame.attrs["warnings"] = list(handle.warnings)
        frame.attrs["assumptions"] = list(handle.assumptions)
    return frame


def _arguments(places, country_waste, waste_radius_km, year, gwp, max_haul_km):
    args = _basural.ReportArguments()
    args.places_path = path_text(places)
    args.country_waste_path = path_text(country_waste)
    args.waste_radius_km = float(waste_radius_km)
    args.year = int(year)
    args.gwp = gwp
    args.max_haul_km = float(max_haul_km)
    return args


def coverage(inventory=None, plan=None, *, max_haul_km=50.0, gwp="ar5", year=2024, places=None,
             country_waste=None, waste_radius_km=50.0, by="country", admin1_boundaries=None):
    """Coverage per country and for LAC, the table ``basural coverage`` prints (columns:
    docs/cli/coverage.md): sites by type and status, t/day to inadequate sites (unknown tonnage
    estimated), the share within reach of a landfill, the plan's coverage (with a plan), people
    near dumps and methane. Unknown figures are missing (NaN / <NA>), never 0. The frame's
    ``attrs["assumptions"]`` are the lines the command prints before its table, ``attrs["warnings"]``
    those it prints under "results rest on unknowns" (also issued as basural.DataWarning). Raises
    basural.NoResultError where the command says "no result:" and exits 1.

    plan: a Plan, a plan file or None. places, country_waste: tables replacing the shipped ones
    (as --places, --country-waste); the other options are those of the command.
    by: "country", or "admin1" for rows per first-level unit (columns admin1, admin1_name) before
    each country's row, as --by admin1; admin1_boundaries: the units' layer (as
    --admin1-boundaries; default the shipped datasets/lac_admin1.geojson).
    """
    args = _arguments(places, country_waste, waste_radius_km, year, gwp, max_haul_km)
    args.by = str(by)
    args.admin1_boundaries = path_text(admin1_boundaries)
    handle, args.plan_source = plan_handle(plan)
    return _frame(_checked(_basural.coverage(inventory_handle(inventory), handle, args), "no result"))


class Methane:
    """Methane of a reporting year (IPCC 2006 first-order decay, docs/methods/methane.md): one row
    per site with every input of its estimate (``sites``, as ``basural methane -o`` writes it) and
    one per country with the LAC total (``countries``, as the command prints it); ``assumptions``
    (the sources of the tonnages, printed before the table) and ``warnings`` (the lines under
    "results rest on unknowns", also issued as basural.DataWarning)."""

    def __init__(self, tables):
        self._site_table, self._country_table = tables
        self.sites = _frames.table(self._site_table.columns())
        self.countries = _frames.table(self._country_table.columns())
        self.warnings = list(self._country_table.warnings)
        self.assumptions = list(self._country_table.assumptions)

    def write(self, path):
        """Writes the per-site table as ``-o`` does: .csv, or .gpkg / PG: (layer "sites")."""
        self._site_table.write(path_text(path))

    def __repr__(self):
        return f"<basural.Methane {len(self.sites)} sites>"


def methane(inventory=None, *, year=2024, gwp="ar5", places=None, country_waste=None,
            waste_radius_km=50.0):
    """Methane per site and per country for a reporting year, as ``basural methane``. Raises
    basural.NoResultError where the command says "no estimate:" and exits 1."""
    args = _arguments(places, country_waste, waste_radius_km, year, gwp, 50.0)
    sites, countries = _basural.methane(inventory_handle(inventory), args)
    _checked(countries, "no estimate")
    return Methane((sites, countries))


def prioritize(inventory=None, plan=None, *, weights=None, max_haul_km=50.0, year=2024, places=None,
               country_waste=None, waste_radius_km=50.0, output=None):
    """The closure ranking of ``basural prioritize`` (docs/methods/priority.md): one row per active
    open or controlled dump with each criterion's value and score, the total, the rank and why.

    weights: criterion weights as a dict ({"people_2km": 0.4}) or a JSON file; omitted criteria keep
    their default. output: also write the ranking as ``-o`` does (.csv, .gpkg or PG:).
    The frame's attrs hold the command's assumptions and warnings (as coverage's). Raises
    basural.NoResultError, and writes nothing, where the command says "no ranking:" and exits 1.
    """
    args = _arguments(places, country_waste, waste_radius_km, year, "ar5", max_haul_km)
    handle, args.plan_source = plan_handle(plan)
    inv = inventory_handle(inventory)
    if isinstance(weights, dict):
        with tempfile.TemporaryDirectory(prefix="basural-") as tmp:
            args.weights_path = os.path.join(tmp, "weights.json")
            with open(args.weights_path, "w", encoding="utf-8") as f:
                json.dump(weights, f)
            table = _basural.prioritize(inv, handle, args)
    else:
        args.weights_path = path_text(weights)
        table = _basural.prioritize(inv, handle, args)
    _checked(table, "no ranking")
    if output is not None:
        table.write(path_text(output))
    return _frame(table)
