"""cluster: density clusters of an inventory's sites, per country (``basural cluster``)."""

from . import _basural
from . import _frames
from ._inputs import country_list, inventory_handle, path_text


class Clustering:
    """Clustered sites (sorted by country, then site_id) and their clusters."""

    def __init__(self, handle):
        self._handle = handle
        layer = handle.site_layer()
        self._layer = layer
        self.labels = next(values for name, _, values, _ in layer["columns"] if name == "label")
        """Cluster label per clustered site (a numpy int64 array), -1 for noise; aligned with ``sites``."""
        self._sites = None
        self._clusters = None

    @property
    def sites(self):
        """The clustered sites: site_id, country, site_type, status, cluster_id ("noise" for noise)
        and label, the layer ``basural cluster -o`` writes (a GeoDataFrame in EPSG:4326)."""
        if self._sites is None:
            self._sites = _frames.points(self._layer["columns"], self._layer["lon"], self._layer["lat"])
        return self._sites

    @property
    def clusters(self):
        """One row per cluster, the table ``basural cluster`` prints: cluster_id, country, sites,
        core_sites, waste_t_per_day (unknown tonnage counts 0), centroid_lon, centroid_lat,
        central_site_id, max_distance_from_centroid_km."""
        if self._clusters is None:
            self._clusters = _frames.table(self._handle.cluster_table())
        return self._clusters

    @property
    def noise(self):
        """How many sites belong to no cluster."""
        return int((self.labels == -1).sum())

    def write(self, path):
        """Writes the clustered sites as ``basural cluster -o`` does (format by extension, or PG:)."""
        self._handle.write(path_text(path))

    def __repr__(self):
        return (f"<basural.Clustering {len(self.labels)} sites: "
                f"{len(self._handle.cluster_table()[0][2])} clusters, {self.noise} noise>")


def cluster(inventory=None, method="dbscan", *, eps_km=None, min_points=None, min_cluster_size=None,
            countries=None, cross_border=False):
    """Clusters the sites of each country (or of all together with cross_border) with DBSCAN
    (eps_km, min_points: default 3) or HDBSCAN (min_cluster_size: default 5, min_points), on
    geodesic distances, as ``basural cluster`` does (docs/methods/clustering.md).

    inventory: an Inventory, a path, a GeoDataFrame in the schema or None (the shipped inventory).
    """
    args = _basural.ClusterArguments()
    args.method = method
    args.eps_km = None if eps_km is None else float(eps_km)
    args.min_points = min_points
    args.min_cluster_size = min_cluster_size
    args.countries = country_list(countries)
    args.cross_border = bool(cross_border)
    return Clustering(_basural.cluster(inventory_handle(inventory), args))
