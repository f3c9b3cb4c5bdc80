// cluster: density clusters of an inventory's sites per country, as `basural cluster` makes them.
#include "columns.hpp"
#include "handles.hpp"
#include "progress.hpp"

#include "basural/base/error.hpp"
#include "basural/planning/site_clusters.hpp"

#include <pybind11/stl.h>

#include <optional>

namespace basural::python {
namespace {

struct ClusterArguments {
    std::string method = "dbscan";
    std::optional<double> eps_km;
    std::optional<std::size_t> min_points;
    std::optional<std::size_t> min_cluster_size;
    std::vector<std::string> countries;
    bool cross_border = false;
};

/// The options `basural cluster` would use, with the same rules (dbscan needs eps_km...).
SiteClusterOptions cluster_options(const ClusterArguments& a)
{
    SiteClusterOptions o;
    if (a.method != "dbscan" && a.method != "hdbscan")
        throw usage_error("method must be 'dbscan' or 'hdbscan', not '" + a.method + "'");
    o.method = a.method == "hdbscan" ? ClusterMethod::hdbscan : ClusterMethod::dbscan;
    if (o.method == ClusterMethod::dbscan) {
        if (!a.eps_km)
            throw usage_error("method 'dbscan' needs eps_km (the neighbourhood radius in km)");
        if (a.min_cluster_size)
            throw usage_error("min_cluster_size applies to hdbscan only");
        o.eps_km = *a.eps_km;
        o.min_points = a.min_points.value_or(3);
    } else {
        if (a.eps_km)
            throw usage_error("eps_km applies to dbscan only");
        o.min_cluster_size = a.min_cluster_size.value_or(5);
        o.min_points = a.min_points.value_or(0);
    }
    o.countries = a.countries;
    o.cross_border = a.cross_border;
    return o;
}

struct ClusteringHandle {
    SiteClustering clustering;
};

/// The clustered sites: the columns of the layer write_site_clusters writes, and lon/lat.
py::dict site_layer(const SiteClustering& c)
{
    using Row = std::size_t;
    std::vector<Row> rows(c.sites.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = i;
    Columns cols;
    cols.text("site_id", rows, [&](Row i) { return std::optional<std::string>(c.sites[i].site_id); });
    cols.text("country", rows, [&](Row i) { return std::optional<std::string>(c.sites[i].country_iso3); });
    cols.text("site_type", rows,
              [&](Row i) { return std::optional<std::string>(std::string(to_string(c.sites[i].site_type))); });
    cols.text("status", rows,
              [&](Row i) { return std::optional<std::string>(std::string(to_string(c.sites[i].status))); });
    cols.text("cluster_id", rows, [&](Row i) { return std::optional<std::string>(c.cluster_id[i]); });
    cols.integer("label", rows, [&](Row i) { return std::optional<std::int64_t>(c.label[i]); });
    std::vector<LonLat> points;
    points.reserve(c.sites.size());
    for (const auto& s : c.sites)
        points.push_back(s.location);
    auto [lon, lat] = lon_lat_arrays(points);
    py::dict d;
    d["columns"] = cols.take();
    d["lon"] = lon;
    d["lat"] = lat;
    return d;
}

/// The clusters: the table `basural cluster` prints.
py::list cluster_table(const SiteClustering& c)
{
    const auto& k = c.clusters;
    Columns cols;
    cols.text("cluster_id", k, [](const SiteCluster& x) { return std::optional<std::string>(x.cluster_id); });
    cols.text("country", k, [](const SiteCluster& x) { return std::optional<std::string>(x.country_iso3); });
    cols.integer("sites", k, [](const SiteCluster& x) { return std::optional<std::size_t>(x.summary.size); });
    cols.integer("core_sites", k,
                 [](const SiteCluster& x) { return std::optional<std::size_t>(x.summary.core_count); });
    cols.real("waste_t_per_day", k, [](const SiteCluster& x) { return std::optional<double>(x.summary.total_weight); });
    cols.real("centroid_lon", k,
              [](const SiteCluster& x) { return std::optional<double>(x.summary.centroid.lon_deg); });
    cols.real("centroid_lat", k,
              [](const SiteCluster& x) { return std::optional<double>(x.summary.centroid.lat_deg); });
    cols.text("central_site_id", k, [&c](const SiteCluster& x) {
        return std::optional<std::string>(c.sites.at(x.summary.central_index).site_id);
    });
    cols.real("max_distance_from_centroid_km", k, [](const SiteCluster& x) {
        return std::optional<double>(x.summary.max_distance_from_centroid_m / 1000.0);
    });
    return cols.take();
}

ClusteringHandle cluster(const InventoryHandle& inventory, const ClusterArguments& arguments)
{
    const auto options = cluster_options(arguments);
    return without_gil([&] { return ClusteringHandle{cluster_sites(inventory.inventory.sites, options)}; });
}

}  // namespace

void bind_cluster(py::module_& m)
{
    py::class_<ClusterArguments>(m, "ClusterArguments", "The options of cluster (those of basural cluster)")
        .def(py::init<>())
        .def_readwrite("method", &ClusterArguments::method)
        .def_readwrite("eps_km", &ClusterArguments::eps_km)
        .def_readwrite("min_points", &ClusterArguments::min_points)
        .def_readwrite("min_cluster_size", &ClusterArguments::min_cluster_size)
        .def_readwrite("countries", &ClusterArguments::countries)
        .def_readwrite("cross_border", &ClusterArguments::cross_border);
    py::class_<ClusteringHandle>(m, "Clustering", "Clusters of sites")
        .def("site_layer", [](const ClusteringHandle& h) { return site_layer(h.clustering); })
        .def("cluster_table", [](const ClusteringHandle& h) { return cluster_table(h.clustering); })
        .def(
            "write",
            [](const ClusteringHandle& h, const std::string& path) {
                without_gil([&] {
                    write_site_clusters(h.clustering, path);
                    return 0;
                });
            },
            py::arg("path"));
    m.def("cluster", &cluster, py::arg("inventory"), py::arg("arguments"));
}

}  // namespace basural::python
