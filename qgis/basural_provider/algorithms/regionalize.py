"""Regionalize: regional sanitary landfills for the dumps of each country (basural regionalize),
with every option of the command as a parameter."""

import warnings

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .common import BasuralAlgorithm, split_list

# (layer of the plan's GeoPackage, output name, display name, style)
LAYERS = [
    ("catchments", "CATCHMENTS", "Catchments", "catchments"),
    ("assignment_lines", "ASSIGNMENT_LINES", "Assignments (lines)", "assignment_lines"),
    ("unserved", "UNSERVED", "Unserved sites", "unserved"),
    ("unused_landfills", "UNUSED_LANDFILLS", "Existing landfills not used", "unused_landfills"),
    ("assignments", "ASSIGNMENTS", "Assigned sites", "assignments"),
    ("facilities", "FACILITIES", "Regional facilities", "facilities"),
]


class Regionalize(BasuralAlgorithm):
    def name(self):
        return "regionalize"

    def displayName(self):  # noqa: N802
        return "Regionalize"

    def shortHelpString(self):  # noqa: N802
        return ("Proposes regional sanitary landfills for the open and controlled dumps of each country "
                "within a haul distance, reusing existing landfills, with a bound on how far the answer "
                "can be from optimal (basural regionalize; docs/methods/regionalization.md). The plan is "
                "the GeoPackage the command writes (facilities, assignments, catchments, unserved, "
                "unused_landfills, summary, parameters) plus a layer of assignment lines; its layers open styled.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_inventory_parameters()
        number = QgsProcessingParameterNumber
        self.addParameter(QgsProcessingParameterString(
            "COUNTRY", "Countries to plan (ISO3 codes, comma-separated; empty: all)", optional=True))
        self.addParameter(number("MAX_HAUL_KM", "Longest haul from a dump to its landfill (km; the matrix's "
                                 "unit with a matrix)", number.Double, defaultValue=50.0, minValue=0.0))
        self.addParameter(number("MIN_T_PER_DAY", "Minimum throughput of a proposed landfill (t/day; 0: none)",
                                 number.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(number("CAPACITY_T_PER_DAY", "Capacity of every facility (t/day; empty: unlimited)",
                                 number.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            "REUSE_EXISTING", "Existing active sanitary landfills are always-open facilities", defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            "PER_ADMIN1", "Solve each state/province on its own (no haul across admin-1 borders)",
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            "CROSS_BORDER", "Allow hauls across national land borders", defaultValue=False))
        self.advanced(QgsProcessingParameterFile(
            "ADMIN1_BOUNDARIES", "First-level units (iso3, admin1_code, name) naming the states and giving "
            "sites without admin1_code their state, with Per state (default: the shipped lac_admin1.geojson)",
            optional=True))
        self.advanced(QgsProcessingParameterFile(
            "MATRIX", "Travel costs (origin_id, destination_id, cost; default: geodesic km)", optional=True))
        self.advanced(number("DETOUR_FACTOR", "Detour factor (road km / geodesic km, >= 1)", number.Double,
                             defaultValue=1.0, minValue=1.0))
        self.advanced(number("COST_A", "Cost model: facility cost per year = A x (t/day)^B: A", number.Double,
                             optional=True))
        self.advanced(number("COST_B", "Cost model: scale exponent B (default 1 with A)", number.Double,
                             optional=True))
        self.advanced(number("HAUL_COST_PER_T_KM", "Cost model: haul cost per tonne-km", number.Double,
                             optional=True))
        self.advanced(QgsProcessingParameterFile(
            "PLACES", "Populated places estimating unknown tonnage (default: the shipped ones)", optional=True))
        self.advanced(QgsProcessingParameterFile(
            "COUNTRY_WASTE", "Country waste figures (default: the shipped ones)", optional=True))
        self.advanced(number("WASTE_RADIUS_KM", "Radius of the tonnage estimate (km)", number.Double,
                             defaultValue=50.0, minValue=0.0))
        self.advanced(QgsProcessingParameterBoolean(
            "NO_WASTE_ESTIMATE", "Do not estimate unknown tonnages from places and country rates "
            "(they take the country median of the known ones, or stay unknown)", defaultValue=False))
        self.advanced(number("THREADS", "Threads (0: one per CPU; the plan is the same for any number)",
                             number.Integer, defaultValue=0, minValue=0, maxValue=256))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", "Plan (GeoPackage)", "GeoPackage (*.gpkg)"))
        for _, output, display, _ in LAYERS:
            self.addOutput(QgsProcessingOutputVectorLayer(output, display))
        self.addOutput(QgsProcessingOutputNumber("FACILITY_COUNT", "Facilities"))

    def optional(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def options(self, parameters, context):
        """The keyword arguments of basural.regionalize, from the parameters."""
        p = parameters
        return {
            "countries": split_list(self.parameterAsString(p, "COUNTRY", context)),
            "max_haul_km": self.parameterAsDouble(p, "MAX_HAUL_KM", context),
            "min_t_per_day": self.parameterAsDouble(p, "MIN_T_PER_DAY", context),
            "capacity_t_per_day": self.optional(p, "CAPACITY_T_PER_DAY", context),
            "reuse_existing": self.parameterAsBoolean(p, "REUSE_EXISTING", context),
            "per_admin1": self.parameterAsBoolean(p, "PER_ADMIN1", context),
            "cross_border": self.parameterAsBoolean(p, "CROSS_BORDER", context),
            "admin1_boundaries": self.parameterAsFile(p, "ADMIN1_BOUNDARIES", context) or None,
            "matrix": self.parameterAsFile(p, "MATRIX", context) or None,
            "detour_factor": self.parameterAsDouble(p, "DETOUR_FACTOR", context),
            "cost_a": self.optional(p, "COST_A", context),
            "cost_b": self.optional(p, "COST_B", context),
            "haul_cost_per_t_km": self.optional(p, "HAUL_COST_PER_T_KM", context),
            "places": self.parameterAsFile(p, "PLACES", context) or None,
            "country_waste": self.parameterAsFile(p, "COUNTRY_WASTE", context) or None,
            "waste_radius_km": self.parameterAsDouble(p, "WASTE_RADIUS_KM", context),
            "waste_estimate": not self.parameterAsBoolean(p, "NO_WASTE_ESTIMATE", context),
            "threads": self.parameterAsInt(p, "THREADS", context),
        }

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import basural

        inventory = self.read_inventory(parameters, context, feedback)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with self.errors(), warnings.catch_warnings():
            warnings.simplefilter("ignore", basural.DataWarning)  # logged below
            plan = basural.regionalize(inventory, progress=self.progress(feedback, "regionalize"),
                                       **self.options(parameters, context))
            plan.write(output)
        plan.assignment_lines().to_file(output, layer="assignment_lines", driver="GPKG")
        self.report_notes(feedback, inventory, ["Assumptions:"] + plan.assumptions, plan.warnings)
        feedback.pushInfo(plan.summary_text())
        results = {"OUTPUT": output, "FACILITY_COUNT": len(plan.facilities)}
        for layer, name, display, style in LAYERS:
            self.style(output, layer, style)
            uri = f"{output}|layername={layer}"
            self.load_on_completion(context, uri, display, name)
            results[name] = uri
        return results
