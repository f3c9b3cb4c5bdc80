"""Import and validate: any vector layer into the site schema, with every rejected record and its
reason (basural import + basural validate)."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorDestination,
)

from .common import BasuralAlgorithm


class ImportValidate(BasuralAlgorithm):
    def name(self):
        return "import"

    def displayName(self):  # noqa: N802
        return "Import and validate"

    def shortHelpString(self):  # noqa: N802
        return ("Reads any vector layer or table into basural's site schema (docs/data-schema.md), as "
                "basural import does: columns through a mapping file, FIELDS and DEFAULTS; every record "
                "either loaded, merged into a shared site or rejected with its reason (records read = loaded + "
                "merged + rejected). The sites "
                "are written to a GeoPackage styled by site type; the rejects to a CSV "
                "(file, record, field, value, reason, check).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_inventory_parameters(optional=False)
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Sites"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REJECTS", "Rejected records", "CSV files (*.csv)", optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("RECORDS_READ", "Records read"))
        self.addOutput(QgsProcessingOutputNumber("LOADED", "Sites loaded"))
        self.addOutput(QgsProcessingOutputNumber("MERGED", "Records merged into a shared site"))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", "Records rejected"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inventory = self.read_inventory(parameters, context, feedback)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        rejects = self.parameterAsFileOutput(parameters, "REJECTS", context)
        with self.errors():
            inventory.write(output)
            if rejects:
                inventory.write_rejects(rejects)
        for message in list(inventory.rejects["message"])[:10]:
            feedback.reportError(message)
        self.style(output, "sites", "sites_by_type")
        return {"OUTPUT": output, "REJECTS": rejects or None, "RECORDS_READ": inventory.records_read,
                "LOADED": inventory.loaded, "MERGED": inventory.merged, "REJECTED": inventory.rejected}
