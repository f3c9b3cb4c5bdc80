"""What the basural algorithms share: the inventory input and its loading options (those of the
command line), progress and cancelling, errors, styled outputs."""

import os
import shutil
import warnings

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

STYLES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "styles")

# Formats basural reads directly; any other layer (memory, database, delimited text, a selection)
# is exported by QGIS to a GeoPackage first.
NEAR_DUPLICATES = ["merge", "reject"]
HEADER = ["auto", "yes", "no"]

READABLE = ["gpkg", "shp", "geojson", "json", "fgb", "csv", "xlsx", "kml", "sqlite"]


def basural_module():
    """The basural Python module, or a QgsProcessingException saying how to install it."""
    try:
        import basural
    except ImportError as e:
        raise QgsProcessingException(
            "the basural Python module is not installed for QGIS's Python: build basural with "
            "-DBASURAL_BUILD_PYTHON=ON and run cmake --install (docs/qgis.md)") from e
    return basural


class Canceled(Exception):
    """Raised from the progress callback when the user cancels: stops the library's work."""


def split_list(text):
    """"a=b; c=d" or "BRA, ARG" as a list of non-empty items."""
    return [item.strip() for item in (text or "").replace(";", ",").split(",") if item.strip()]


def assignments(text, what):
    """"field=value; field=value" as a dict (the --field and --default pairs)."""
    out = {}
    for item in split_list(text):
        if "=" not in item:
            raise QgsProcessingException(f"{what}: '{item}' is not schema_field=value")
        key, value = item.split("=", 1)
        out[key.strip()] = value.strip()
    return out


class BasuralAlgorithm(QgsProcessingAlgorithm):
    """Base of the basural algorithms."""

    def createInstance(self):  # noqa: N802
        return type(self)()

    def group(self):
        return ""

    def groupId(self):  # noqa: N802
        return ""

    def helpUrl(self):  # noqa: N802
        return ""

    def advanced(self, parameter):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)

    # ---- the inventory ----------------------------------------------------------------------

    def add_inventory_parameters(self, optional=True):
        """INPUT and the command line's loading options: CRS (--crs), MAPPING (--map), FIELDS
        (--field), DEFAULTS (--default), ENCODING (--encoding), BOUNDARIES (--countries),
        NO_COUNTRY_CHECK, COASTAL_TOLERANCE_M, NEAR_DUPLICATE_M, NEAR_DUPLICATES, HEADER (the options
        of those names); the layer of a multi-layer source is the one chosen as INPUT (--layer)."""
        description = "Inventory (any vector layer or table)"
        if optional:
            description += "; empty: the shipped LAC inventory"
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", description, [QgsProcessing.TypeVector], optional=optional))
        self.addParameter(QgsProcessingParameterFile(
            "MAPPING", "Mapping file (JSON: fields, values, defaults; docs/mapping.md)",
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "FIELDS", "Schema fields from columns (schema_field=COLUMN; ...)", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "DEFAULTS", "Defaults for fields the source lacks (schema_field=VALUE; ..., e.g. country=BRA)",
            optional=True))
        self.advanced(QgsProcessingParameterCrs(
            "CRS", "CRS of lon/lat or x/y columns of a table (overrides the source's)", optional=True))
        self.advanced(QgsProcessingParameterString(
            "ENCODING", "Encoding of a CSV or Shapefile without encoding metadata (UTF-8, LATIN1, CP1252...)",
            optional=True))
        self.advanced(QgsProcessingParameterFile(
            "BOUNDARIES", "Country boundaries (GeoJSON with iso3; default: the shipped ones)", optional=True))
        self.advanced(QgsProcessingParameterBoolean(
            "NO_COUNTRY_CHECK", "Do not check that each site lies in its stated country", defaultValue=False))
        self.advanced(QgsProcessingParameterNumber(
            "COASTAL_TOLERANCE_M", "Coastal tolerance (m)", QgsProcessingParameterNumber.Double,
            defaultValue=5000.0, minValue=0.0))
        self.advanced(QgsProcessingParameterNumber(
            "NEAR_DUPLICATE_M", "Near-duplicate distance (m; 0 disables)", QgsProcessingParameterNumber.Double,
            defaultValue=50.0, minValue=0.0))
        self.advanced(QgsProcessingParameterEnum(
            "NEAR_DUPLICATES", "Near duplicates of the same type: merge them as one shared site, or reject them",
            NEAR_DUPLICATES, defaultValue=0))
        self.advanced(QgsProcessingParameterEnum(
            "HEADER", "Spreadsheets: the first row is the header", HEADER, defaultValue=0))

    def read_inventory(self, parameters, context, feedback):
        """The inventory of INPUT read with the loading options; None for the shipped one."""
        basural = basural_module()
        options = self.loading_options(parameters, context)
        if parameters.get("INPUT") in (None, ""):
            path, layer = None, None
        else:
            path, layer = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, "INPUT", context, READABLE, "gpkg", feedback)
        with self.errors(), warnings.catch_warnings():
            warnings.simplefilter("ignore", basural.DataWarning)  # reported below, in the log
            inventory = basural.read_inventory(path, layer=layer or None, progress=self.progress(feedback, "read"),
                                               **options)
        feedback.pushInfo(inventory.records_line())
        for note in inventory.notices:
            feedback.pushInfo(f"note: {note}")
        for warning in inventory.warnings:
            feedback.pushWarning(f"warning: {warning}")
        if inventory.rejected:
            feedback.reportError(f"{inventory.rejected} of {inventory.records_read} records were rejected "
                                 "and are left out (Import and validate lists them with their reason)")
        return inventory

    def loading_options(self, parameters, context):
        options = {
            "mapping": self.parameterAsFile(parameters, "MAPPING", context) or None,
            "fields": assignments(self.parameterAsString(parameters, "FIELDS", context), "FIELDS"),
            "encoding": self.parameterAsString(parameters, "ENCODING", context) or None,
            "countries": self.parameterAsFile(parameters, "BOUNDARIES", context) or None,
            "check_countries": not self.parameterAsBoolean(parameters, "NO_COUNTRY_CHECK", context),
            "coastal_tolerance_m": self.parameterAsDouble(parameters, "COASTAL_TOLERANCE_M", context),
            "near_duplicate_m": self.parameterAsDouble(parameters, "NEAR_DUPLICATE_M", context),
            "near_duplicates": NEAR_DUPLICATES[self.parameterAsEnum(parameters, "NEAR_DUPLICATES", context)],
            "header": HEADER[self.parameterAsEnum(parameters, "HEADER", context)],
        }
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if crs.isValid():
            options["crs"] = crs.authid()
        options.update(assignments(self.parameterAsString(parameters, "DEFAULTS", context), "DEFAULTS"))
        return options

    # ---- running ----------------------------------------------------------------------------

    @staticmethod
    def progress(feedback, label):
        """A basural progress callback reporting to `feedback`; cancelling stops the work."""
        def report(stage, fraction):
            if feedback.isCanceled():
                raise Canceled()
            feedback.setProgressText(f"{label}: {stage}")
            feedback.setProgress(100.0 * fraction)
        return report

    class _Errors:
        def __enter__(self):
            return self

        def __exit__(self, kind, value, tb):
            if kind is None:
                return False
            if issubclass(kind, Canceled):
                raise QgsProcessingException("canceled") from value
            import basural

            if issubclass(kind, basural.Error):
                raise QgsProcessingException(str(value)) from value
            return False

    def errors(self):
        """basural's errors as QgsProcessingException with the same message."""
        return self._Errors()

    @staticmethod
    def report_notes(feedback, inventory, assumptions, result_warnings):
        """Logs what the command prints beside its result: the assumptions, and the warnings about
        results resting on unknowns (basural.DataWarning, kept out of stderr) that read_inventory
        did not log already."""
        for line in assumptions:
            feedback.pushInfo(line)
        for line in result_warnings:
            if line not in inventory.warnings:
                feedback.pushWarning(f"warning: {line}")

    # ---- outputs ----------------------------------------------------------------------------

    @staticmethod
    def style(path, layer_name, style_name):
        """Makes the layer open styled with styles/<style_name>.qml wherever it is opened: saved as the
        default style of a GeoPackage layer (its layer_styles table, which QGIS reads), or as the
        <file>.qml QGIS reads beside any other file."""
        qml = os.path.join(STYLES, style_name + ".qml")
        if not path.lower().endswith(".gpkg"):
            shutil.copyfile(qml, os.path.splitext(path)[0] + ".qml")
            return
        layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
        if not layer.isValid():
            raise QgsProcessingException(f"cannot open layer {layer_name} of {path} to style it")
        message, ok = layer.loadNamedStyle(qml)
        if not ok:
            raise QgsProcessingException(f"style {style_name}: {message}")
        error = layer.saveStyleToDatabase(style_name, "basural", True, "")
        if error:
            raise QgsProcessingException(f"cannot save style {style_name} in {path}: {error}")

    @staticmethod
    def load_on_completion(context, uri, name, output):
        """Adds the layer to the project when the algorithm ends (in the Processing dialog)."""
        details = QgsProcessingContext.LayerDetails(name, context.project(), output)
        context.addLayerToLoadOnCompletion(uri, details)

