"""Coverage, Prioritize and Methane: the tables of basural coverage, prioritize and methane."""

import warnings
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorDestination,
)

from .common import BasuralAlgorithm

GWP = ["ar5", "ar6"]
BY = ["country", "admin1"]


class ReportAlgorithm(BasuralAlgorithm):
    """The inputs the three commands share: the inventory, places and country waste figures that
    fill unknown tonnage, the reporting year."""

    def add_report_parameters(self, plan=False, gwp=False, haul_help=None):
        self.add_inventory_parameters()
        if plan:
            self.addParameter(QgsProcessingParameterFile(
                "PLAN", "Regional plan (a GeoPackage from Regionalize or basural regionalize)",
                extension="gpkg", optional=True))
        if haul_help:
            self.addParameter(QgsProcessingParameterNumber(
                "MAX_HAUL_KM", haul_help, QgsProcessingParameterNumber.Double, defaultValue=50.0, minValue=0.0))
        if gwp:
            self.addParameter(QgsProcessingParameterEnum(
                "GWP", "GWP100 of CH4 (ar5: 28; ar6: 27, non-fossil)", GWP, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "YEAR", "Reporting year of the methane estimate", QgsProcessingParameterNumber.Integer,
            defaultValue=2024, minValue=1900, maxValue=2200))
        self.advanced(QgsProcessingParameterFile(
            "PLACES", "Populated places (default: the shipped ones)", optional=True))
        self.advanced(QgsProcessingParameterFile(
            "COUNTRY_WASTE", "Country waste figures (default: the shipped ones)", optional=True))
        self.advanced(QgsProcessingParameterNumber(
            "WASTE_RADIUS_KM", "Radius of the tonnage estimate (km)", QgsProcessingParameterNumber.Double,
            defaultValue=50.0, minValue=0.0))

    def report_options(self, parameters, context, plan=False, gwp=False, haul=False):
        options = {
            "year": self.parameterAsInt(parameters, "YEAR", context),
            "places": self.parameterAsFile(parameters, "PLACES", context) or None,
            "country_waste": self.parameterAsFile(parameters, "COUNTRY_WASTE", context) or None,
            "waste_radius_km": self.parameterAsDouble(parameters, "WASTE_RADIUS_KM", context),
        }
        if plan:
            options["plan"] = self.parameterAsFile(parameters, "PLAN", context) or None
        if gwp:
            options["gwp"] = GWP[self.parameterAsEnum(parameters, "GWP", context)]
        if haul:
            options["max_haul_km"] = self.parameterAsDouble(parameters, "MAX_HAUL_KM", context)
        return options


class Coverage(ReportAlgorithm):
    def name(self):
        return "coverage"

    def displayName(self):  # noqa: N802
        return "Coverage"

    def shortHelpString(self):  # noqa: N802
        return ("Coverage per country and for LAC (basural coverage; columns: docs/cli/coverage.md): sites "
                "by type and status, t/day to inadequate sites, the share within reach of a landfill, the "
                "plan's coverage, people near active dumps, methane. Unknown figures are empty, not 0.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_report_parameters(plan=True, gwp=True, haul_help=(
            "An inadequate site is within reach of a landfill at this geodesic distance (km)"))
        self.addParameter(QgsProcessingParameterEnum(
            "BY", "Rows per country, or per state (admin1) before each country's row", BY, defaultValue=0))
        self.advanced(QgsProcessingParameterFile(
            "ADMIN1_BOUNDARIES", "First-level units (iso3, admin1_code, name) for rows per state "
            "(default: the shipped lac_admin1.geojson)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", "Coverage table", "CSV files (*.csv)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import basural

        inventory = self.read_inventory(parameters, context, feedback)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with self.errors(), warnings.catch_warnings():
            warnings.simplefilter("ignore", basural.DataWarning)  # logged below
            table = basural.coverage(
                inventory, by=BY[self.parameterAsEnum(parameters, "BY", context)],
                admin1_boundaries=self.parameterAsFile(parameters, "ADMIN1_BOUNDARIES", context) or None,
                **self.report_options(parameters, context, True, True, True))
        self.report_notes(feedback, inventory, table.attrs["assumptions"], table.attrs["warnings"])
        table.to_csv(output, index=False)
        self.load_on_completion(context, output, "Coverage", "OUTPUT")
        return {"OUTPUT": output}


class Prioritize(ReportAlgorithm):
    def name(self):
        return "prioritize"

    def displayName(self):  # noqa: N802
        return "Prioritize"

    def shortHelpString(self):  # noqa: N802
        return ("Ranks the active open and controlled dumps for closure (basural prioritize; "
                "docs/methods/priority.md): waste, methane, people within 2 km, open burning, waste "
                "pickers, child waste pickers and readiness, each scored, weighted and explained. The "
                "ranking is a point layer graduated by total score.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_report_parameters(plan=True, haul_help=(
            "Readiness is 1 - haul/D to the nearest landfill or assigned facility; D (km)"))
        self.addParameter(QgsProcessingParameterFile(
            "WEIGHTS", "Criterion weights (JSON, e.g. {\"people_2km\": 0.4})", extension="json", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "TOP", "Rows of the ranking shown in the log", QgsProcessingParameterNumber.Integer,
            defaultValue=10, minValue=0))
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Ranking"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import basural

        inventory = self.read_inventory(parameters, context, feedback)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        weights = self.parameterAsFile(parameters, "WEIGHTS", context) or None
        with self.errors(), warnings.catch_warnings():
            warnings.simplefilter("ignore", basural.DataWarning)  # logged below
            ranking = basural.prioritize(inventory, weights=weights, output=output,
                                         **self.report_options(parameters, context, plan=True, haul=True))
        self.report_notes(feedback, inventory, ranking.attrs["assumptions"], ranking.attrs["warnings"])
        top = self.parameterAsInt(parameters, "TOP", context)
        if top > 0:
            columns = ["rank", "site_id", "name", "country", "total_score", "why"]
            feedback.pushInfo(f"Top {min(top, len(ranking))} of {len(ranking)} sites:\n"
                              + ranking[columns].head(top).to_string(index=False))
        self.style(output, "ranking", "ranking")
        return {"OUTPUT": output}


class Methane(ReportAlgorithm):
    def name(self):
        return "methane"

    def displayName(self):  # noqa: N802
        return "Methane"

    def shortHelpString(self):  # noqa: N802
        return ("Methane of a reporting year per site and per country (basural methane; IPCC 2006 "
                "first-order decay, docs/methods/methane.md). Per site: a point layer with every input "
                "of its estimate, graduated by CH4; per country: a table with the LAC total.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_report_parameters(gwp=True)
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Methane per site"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "COUNTRIES_TABLE", "Methane per country", "CSV files (*.csv)", optional=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import basural

        inventory = self.read_inventory(parameters, context, feedback)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        table = self.parameterAsFileOutput(parameters, "COUNTRIES_TABLE", context)
        with self.errors(), warnings.catch_warnings():
            warnings.simplefilter("ignore", basural.DataWarning)  # logged below
            result = basural.methane(inventory, **self.report_options(parameters, context, gwp=True))
            result.write(output)
        self.report_notes(feedback, inventory, result.assumptions, result.warnings)
        if table:
            result.countries.to_csv(table, index=False)
        feedback.pushInfo(result.countries.to_string(index=False))
        self.style(output, "sites", "methane")
        return {"OUTPUT": output, "COUNTRIES_TABLE": table or None}
