#pragma once
/// \file site_clusters.hpp
/// Density clusters of the sites of each country (DBSCAN or HDBSCAN over geodesic distances), as
/// `basural cluster` writes them. Methods: docs/methods/clustering.md.

#include "basural/base/report_table.hpp"
#include "basural/inventory/site.hpp"
#include "basural/models/cluster.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace basural {

enum class ClusterMethod { dbscan, hdbscan };

struct SiteClusterOptions {
    ClusterMethod method = ClusterMethod::dbscan;
    double eps_km = 10.0;                 ///< DBSCAN radius
    std::size_t min_points = 3;           ///< DBSCAN core threshold (itself included); HDBSCAN min_samples (0 = min_cluster_size)
    std::size_t min_cluster_size = 5;     ///< HDBSCAN
    std::vector<std::string> countries;   ///< empty = all
    bool cross_border = false;            ///< cluster all countries together
};

struct SiteCluster {
    std::string cluster_id;               ///< "<ISO3>-C<nnn>" (or "LAC-C<nnn>" across borders)
    std::string country_iso3;             ///< "LAC" across borders
    int label = 0;                        ///< global label, 0..n-1
    ClusterSummary summary;               ///< of the cluster; central_index indexes SiteClustering::sites
};

struct SiteClustering {
    std::vector<Site> sites;              ///< the sites clustered, sorted by (country, site_id)
    std::vector<int> label;               ///< global label per site, NOISE_LABEL for noise
    std::vector<std::string> cluster_id;  ///< per site, "noise" for noise
    std::vector<SiteCluster> clusters;
};

/// Clusters the sites of each country (or all together when cross_border); weights of summaries are
/// waste_t_per_day (unknown = 0). Throws usage_error for bad options.
SiteClustering cluster_sites(const std::vector<Site>& sites, const SiteClusterOptions& options);

/// Writes every clustered site (site_id, country, site_type, status, cluster_id, label; noise: "noise", -1)
/// as points to a vector file chosen by extension or a PG: destination (layer "site_clusters").
void write_site_clusters(const SiteClustering& clustering, const std::string& destination);

/// How many of the clustered sites are noise (in no cluster).
std::size_t noise_site_count(const SiteClustering& clustering);

/// One row per cluster, in the clustering's order, as `basural cluster` prints it: cluster_id, country,
/// sites, core_sites, waste_t_per_day, centroid_lon, centroid_lat, central_site_id,
/// max_distance_from_centroid_km.
ReportTable site_cluster_table(const SiteClustering& clustering);

}  // namespace basural
