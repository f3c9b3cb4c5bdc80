#include "basural/planning/site_clusters.hpp"

#include "basural/base/error.hpp"
#include "detail/vector_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace basural {

SiteClustering cluster_sites(const std::vector<Site>& input, const SiteClusterOptions& options)
{
    if (!(options.eps_km > 0.0) || !std::isfinite(options.eps_km))
        throw usage_error("eps must be a positive number of km");
    if (options.method == ClusterMethod::dbscan && options.min_points == 0)
        throw usage_error("min points must be at least 1");
    if (options.method == ClusterMethod::hdbscan && options.min_cluster_size < 2)
        throw usage_error("min cluster size must be at least 2");
    const std::set<std::string> wanted(options.countries.begin(), options.countries.end());
    SiteClustering out;
    std::vector<std::size_t> kept;  // sorted as indices: moving whole sites around costs more
    for (std::size_t i = 0; i < input.size(); ++i)
        if (wanted.empty() || wanted.count(input[i].country_iso3))
            kept.push_back(i);
    std::sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(input[a].country_iso3, input[a].site_id) < std::tie(input[b].country_iso3, input[b].site_id);
    });
    out.sites.reserve(kept.size());
    for (const auto i : kept)
        out.sites.push_back(input[i]);
    out.label.assign(out.sites.size(), NOISE_LABEL);
    out.cluster_id.assign(out.sites.size(), "noise");

    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < out.sites.size(); ++i)
        groups[options.cross_border ? "LAC" : out.sites[i].country_iso3].push_back(i);
    int next_label = 0;
    for (const auto& [country, members] : groups) {
        std::vector<LonLat> pts;
        std::vector<double> weights;
        for (const auto i : members) {
            pts.push_back(out.sites[i].location);
            weights.push_back(out.sites[i].waste_t_per_day.value_or(0.0));
        }
        const auto result = options.method == ClusterMethod::dbscan
                                ? dbscan(pts, options.eps_km * 1000.0, options.min_points)
                                : hdbscan(pts, HdbscanOptions{options.min_cluster_size, options.min_points});
        const auto summaries = cluster_summary(pts, weights, result);
        std::vector<std::string> ids;
        for (const auto& sm : summaries) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "-C%03d", sm.label + 1);
            ids.push_back(country + buf);
            SiteCluster c{ids.back(), country, next_label + sm.label, sm};
            c.summary.central_index = members[sm.central_index];
            out.clusters.push_back(std::move(c));
        }
        for (std::size_t k = 0; k < members.size(); ++k)
            if (result.label[k] != NOISE_LABEL) {
                out.label[members[k]] = next_label + result.label[k];
                out.cluster_id[members[k]] = ids[static_cast<std::size_t>(result.label[k])];
            }
        next_label += result.cluster_count;
    }
    return out;
}

void write_site_clusters(const SiteClustering& c, const std::string& destination)
{
    detail::VectorOutput out(destination);
    auto& layer = out.create_layer("site_clusters", wkbPoint,
                                   {{"site_id", OFTString}, {"country", OFTString}, {"site_type", OFTString},
                                    {"status", OFTString}, {"cluster_id", OFTString}, {"label", OFTInteger}});
    for (std::size_t i = 0; i < c.sites.size(); ++i) {
        const auto& s = c.sites[i];
        OGRFeature row(layer.GetLayerDefn());
        row.SetField("site_id", s.site_id.c_str());
        row.SetField("country", s.country_iso3.c_str());
        row.SetField("site_type", std::string(to_string(s.site_type)).c_str());
        row.SetField("status", std::string(to_string(s.status)).c_str());
        row.SetField("cluster_id", c.cluster_id[i].c_str());
        row.SetField("label", c.label[i]);
        OGRPoint pt(s.location.lon_deg, s.location.lat_deg);
        row.SetGeometry(&pt);
        out.write(layer, row);
    }
    out.commit();
}

std::size_t noise_site_count(const SiteClustering& clustering)
{
    return static_cast<std::size_t>(std::count(clustering.label.begin(), clustering.label.end(), NOISE_LABEL));
}

ReportTable site_cluster_table(const SiteClustering& clustering)
{
    ReportTable t{"clusters", "Clusters",
                  {{"cluster_id", 0}, {"country", 0}, {"sites", 0}, {"core_sites", 0}, {"waste_t_per_day", 1},
                   {"centroid_lon", 5}, {"centroid_lat", 5}, {"central_site_id", 0},
                   {"max_distance_from_centroid_km", 2}},
                  {}};
    for (const auto& c : clustering.clusters)
        t.rows.push_back({c.cluster_id, c.country_iso3, static_cast<std::int64_t>(c.summary.size),
                          static_cast<std::int64_t>(c.summary.core_count), c.summary.total_weight,
                          c.summary.centroid.lon_deg, c.summary.centroid.lat_deg,
                          clustering.sites.at(c.summary.central_index).site_id,
                          c.summary.max_distance_from_centroid_m / 1000.0});
    return t;
}

}  // namespace basural
