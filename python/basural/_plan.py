"""regionalize, read_plan and Plan: regional landfill plans (``basural regionalize``)."""

import warnings

from . import _basural
from . import _frames
from ._inputs import country_list, inventory_handle, path_text
from .errors import DataWarning


class Plan:
    """A regional landfill plan: the layers ``basural regionalize -o`` writes (docs/cli/regionalize.md),
    as GeoDataFrames in EPSG:4326 (points: facilities, assignments, unserved, unused_landfills;
    multipolygons: catchments) and DataFrames (summary, parameters), with the same columns and values."""

    LAYERS = ("facilities", "assignments", "catchments", "unserved", "unused_landfills", "summary", "parameters")

    def __init__(self, handle):
        self._handle = handle
        self._layers = None

    @property
    def layers(self):
        """Every layer by name, in the order the GeoPackage holds them."""
        if self._layers is None:
            self._layers = {d["name"]: _frames.layer(d) for d in self._handle.layers()}
        return self._layers

    @property
    def facilities(self):
        return self.layers["facilities"]

    @property
    def assignments(self):
        return self.layers["assignments"]

    @property
    def catchments(self):
        return self.layers["catchments"]

    @property
    def unserved(self):
        return self.layers["unserved"]

    @property
    def unused_landfills(self):
        """The existing sanitary landfills the plan does not use, with the reason."""
        return self.layers["unused_landfills"]

    @property
    def summary(self):
        return self.layers["summary"]

    def summary_table(self):
        """The summary ``basural regionalize`` prints: one row per country (and part), then the total
        row, with share_waste_estimated (a DataFrame)."""
        return _frames.table(self._handle.summary_table())

    def summary_text(self, format="table"):
        """The summary as text: "csv", "json" and "md" exactly as the command prints them with
        ``--format``; "table" aligns every column (the command's terminal view shows a few key columns
        in the reader's language)."""
        return self._handle.summary_text(format)

    @property
    def assumptions(self):
        """The assumptions the plan rests on, one line each, as the command prints them after
        "Assumptions:" (the haul rule, facilities, existing landfills, the status rule, the sources
        of the tonnages, the weighting...)."""
        return list(self._handle.assumptions)

    @property
    def warnings(self):
        """The lines the command prints under "warning: results rest on unknowns" (fields mostly
        unknown, tonnages left unknown, implausible estimates); regionalize also issues them as
        basural.DataWarning. Empty for a plan read from a file."""
        return list(self._handle.warnings)

    @property
    def parameters(self):
        """The options and inputs the plan was made with, name -> value (a dict of str)."""
        return dict(self._handle.parameters)

    def assignment_lines(self):
        """Each served site joined to its facility by a straight line (a GeoDataFrame of
        LineStrings with the assignments' columns): how the plan is drawn in QGIS."""
        if not _frames.have_geopandas():
            raise ImportError("assignment_lines needs GeoPandas (Debian: python3-geopandas)")
        gpd = _frames.gpd
        facilities = self.facilities.set_index("facility_id").geometry
        lines = [
            _frames.shapely.geometry.LineString([site.coords[0], facilities[fid].coords[0]])
            for site, fid in zip(self.assignments.geometry, self.assignments["facility_id"])
        ]
        return gpd.GeoDataFrame(self.assignments.drop(columns="geometry"), geometry=lines, crs=_frames.WGS84)

    def write(self, path):
        """Writes the plan as ``basural regionalize -o`` does: a GeoPackage (or PG: connection) with
        the seven layers, atomically."""
        self._handle.write(path_text(path))

    def __repr__(self):
        p = self.parameters
        return (f"<basural.Plan {len(self._handle.layers()[0]['columns'][0][2])} facilities "
                f"(max_haul_km {p.get('max_haul_km', '?')})>")


def read_plan(path):
    """Reads a plan written by ``basural regionalize`` or Plan.write (a GeoPackage or PG: source)."""
    return Plan(_basural.read_plan(path_text(path)))


def regionalize(inventory=None, *, countries=None, max_haul_km=50.0, min_t_per_day=0.0,
                capacity_t_per_day=None, reuse_existing=False, per_admin1=False, cross_border=False,
                matrix=None, detour_factor=1.0, cost_a=None, cost_b=None, haul_cost_per_t_km=None,
                places=None, country_waste=None, waste_radius_km=50.0, waste_estimate=True,
                admin1_boundaries=None, threads=0, progress=None):
    """Proposes regional sanitary landfills for the dumps of each country, as
    ``basural regionalize`` does with the same options (docs/cli/regionalize.md,
    docs/methods/regionalization.md); the plan is the same.

    inventory: an Inventory, a path, a GeoDataFrame in the schema or None (the shipped inventory).
    countries: ISO3 code(s) to plan (default: all), as --country.
    max_haul_km, min_t_per_day, capacity_t_per_day, reuse_existing, per_admin1, cross_border,
        matrix (a travel-cost table path), detour_factor, cost_a, cost_b, haul_cost_per_t_km,
        threads: as the options of the same names.
    places, country_waste, waste_radius_km: the inputs of the tonnage rule (fill_waste), as --places,
        --country-waste and --waste-radius-km (default: the shipped tables, 50 km).
    waste_estimate: False as --no-waste-estimate (unknown tonnage then takes the country median of
        the known ones, or stays unknown).
    admin1_boundaries: with per_admin1, the layer of first-level units (iso3, admin1_code, name) that
        gives sites without admin1_code their state and names the parts, as --admin1-boundaries
        (default: the shipped datasets/lac_admin1.geojson).
    progress: called as progress(stage, fraction) from the solver (its threads too); raising in it
        stops the solve. The GIL is released while the plan is made.
    The command's warnings (results resting on unknowns) are issued as basural.DataWarning and kept
    in Plan.warnings; Plan.assumptions are the lines it prints after "Assumptions:".
    """
    args = _basural.RegionalizeArguments()
    args.countries = country_list(countries)
    args.max_haul_km = float(max_haul_km)
    args.min_t_per_day = float(min_t_per_day)
    args.capacity_t_per_day = None if capacity_t_per_day is None else float(capacity_t_per_day)
    args.reuse_existing = bool(reuse_existing)
    args.per_admin1 = bool(per_admin1)
    args.cross_border = bool(cross_border)
    args.matrix_path = path_text(matrix)
    args.detour_factor = float(detour_factor)
    args.cost_a = None if cost_a is None else float(cost_a)
    args.cost_b = None if cost_b is None else float(cost_b)
    args.haul_cost_per_t_km = None if haul_cost_per_t_km is None else float(haul_cost_per_t_km)
    args.places_path = path_text(places)
    args.country_waste_path = path_text(country_waste)
    args.waste_radius_km = float(waste_radius_km)
    args.waste_estimate = bool(waste_estimate)
    args.admin1_boundaries = path_text(admin1_boundaries)
    args.threads = int(threads)
    plan = Plan(_basural.regionalize(inventory_handle(inventory), args, progress))
    for line in plan.warnings:
        warnings.warn(line, DataWarning, stacklevel=2)
    return plan
