"""coverage, methane and prioritize: the tables of ``basural coverage``, ``basural methane`` and
``basural prioritize``."""

import json
import os
import tempfile

from . import _basural
from . import _frames
from ._inputs import inventory_handle, path_text, plan_handle


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
    near dumps and methane. Unknown figures are missing (NaN / <NA>), never 0.

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
    return _frames.table(_basural.coverage(inventory_handle(inventory), handle, args).columns())


class Methane:
    """Methane of a reporting year (IPCC 2006 first-order decay, docs/methods/methane.md): one row
    per site with every input of its estimate (``sites``, as ``basural methane -o`` writes it) and
    one per country with the LAC total (``countries``, as the command prints it)."""

    def __init__(self, tables):
        self._site_table, self._country_table = tables
        self.sites = _frames.table(self._site_table.columns())
        self.countries = _frames.table(self._country_table.columns())

    def write(self, path):
        """Writes the per-site table as ``-o`` does: .csv, or .gpkg / PG: (layer "sites")."""
        self._site_table.write(path_text(path))

    def __repr__(self):
        return f"<basural.Methane {len(self.sites)} sites>"


def methane(inventory=None, *, year=2024, gwp="ar5", places=None, country_waste=None,
            waste_radius_km=50.0):
    """Methane per site and per country for a reporting year, as ``basural methane``."""
    args = _arguments(places, country_waste, waste_radius_km, year, gwp, 50.0)
    return Methane(_basural.methane(inventory_handle(inventory), args))


def prioritize(inventory=None, plan=None, *, weights=None, max_haul_km=50.0, year=2024, places=None,
               country_waste=None, waste_radius_km=50.0, output=None):
    """The closure ranking of ``basural prioritize`` (docs/methods/priority.md): one row per active
    open or controlled dump with each criterion's value and score, the total, the rank and why.

    weights: criterion weights as a dict ({"people_2km": 0.4}) or a JSON file; omitted criteria keep
    their default. output: also write the ranking as ``-o`` does (.csv, .gpkg or PG:).
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
    if output is not None:
        table.write(path_text(output))
    return _frames.table(table.columns())
