"""Cluster sites: DBSCAN or HDBSCAN per country on geodesic distances (basural cluster)."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from .common import BasuralAlgorithm, split_list

METHODS = ["dbscan", "hdbscan"]


class ClusterSites(BasuralAlgorithm):
    def name(self):
        return "cluster"

    def displayName(self):  # noqa: N802
        return "Cluster sites"

    def shortHelpString(self):  # noqa: N802
        return ("Density clusters of the inventory's sites, each country on its own (basural cluster; "
                "docs/methods/clustering.md). DBSCAN needs the radius (km); HDBSCAN the smallest "
                "cluster. Noise sites have cluster_id 'noise' and label -1. Outputs: the sites with "
                "their cluster, coloured by cluster, and the cluster table (CSV).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_inventory_parameters()
        self.addParameter(QgsProcessingParameterEnum("METHOD", "Method", METHODS, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "EPS_KM", "DBSCAN radius (km, geodesic)", QgsProcessingParameterNumber.Double, optional=True,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_POINTS", "DBSCAN: sites within the radius that make a core site (default 3); HDBSCAN: "
            "min_samples", QgsProcessingParameterNumber.Integer, optional=True, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_CLUSTER_SIZE", "HDBSCAN: smallest cluster (default 5)", QgsProcessingParameterNumber.Integer,
            optional=True, minValue=2))
        self.addParameter(QgsProcessingParameterString(
            "COUNTRY", "Countries (ISO3 codes, comma-separated; empty: all)", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "CROSS_BORDER", "Cluster all countries together", defaultValue=False))
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Sites with their cluster"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "CLUSTERS", "Cluster table", "CSV files (*.csv)", optional=True))
        self.addOutput(QgsProcessingOutputNumber("CLUSTER_COUNT", "Clusters"))
        self.addOutput(QgsProcessingOutputNumber("NOISE", "Noise sites"))

    def optional_number(self, parameters, name, context, kind):
        if parameters.get(name) in (None, ""):
            return None
        return kind(self.parameterAsDouble(parameters, name, context))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import basural

        inventory = self.read_inventory(parameters, context, feedback)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        table = self.parameterAsFileOutput(parameters, "CLUSTERS", context)
        with self.errors():
            result = basural.cluster(
                inventory, METHODS[self.parameterAsEnum(parameters, "METHOD", context)],
                eps_km=self.optional_number(parameters, "EPS_KM", context, float),
                min_points=self.optional_number(parameters, "MIN_POINTS", context, int),
                min_cluster_size=self.optional_number(parameters, "MIN_CLUSTER_SIZE", context, int),
                countries=split_list(self.parameterAsString(parameters, "COUNTRY", context)),
                cross_border=self.parameterAsBoolean(parameters, "CROSS_BORDER", context))
            result.write(output)
        if table:
            result.clusters.to_csv(table, index=False)
        feedback.pushInfo(f"{len(result.labels)} sites: {len(result.clusters)} clusters, {result.noise} noise")
        self.style(output, "site_clusters", "site_clusters")
        return {"OUTPUT": output, "CLUSTERS": table or None, "CLUSTER_COUNT": len(result.clusters),
                "NOISE": result.noise}
