// Per-cluster figures: size, weight, weighted centroid on the ellipsoid, central member, spread.
#include "basural/models/cluster.hpp"

#include "basural/base/number_text.hpp"
#include "cluster_common.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace basural {

using namespace clustering;

namespace {

constexpr double PI = 3.14159265358979323846;
constexpr double RAD_TO_DEG = 180.0 / PI;

/// The arguments checked: one label and core flag per point, no weight or none per point, finite
/// non-negative weights, valid points.
void check_summary_inputs(const std::vector<LonLat>& points, const std::vector<double>& weights,
                          const ClusterResult& result)
{
    const std::size_t n = points.size();
    if (result.label.size() != n || result.is_core.size() != n)
        throw usage_error("cluster_summary: the clustering has " + std::to_string(result.label.size()) +
                          " labels for " + std::to_string(n) + " points");
    if (!weights.empty() && weights.size() != n)
        throw usage_error("cluster_summary: " + std::to_string(weights.size()) + " weights for " + std::to_string(n) +
                          " points");
    for (std::size_t i = 0; i < weights.size(); ++i)
        if (!std::isfinite(weights[i]) || weights[i] < 0.0)
            throw usage_error("cluster_summary: weight of point " + std::to_string(i) + " is " +
                              format_value(weights[i]) + "; weights must be finite and >= 0");
    check_points("cluster_summary", points);
}

/// The members of each cluster (noise left out).
std::vector<std::vector<std::size_t>> cluster_members(const ClusterResult& result)
{
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(std::max(result.cluster_count, 0)));
    for (std::size_t i = 0; i < result.label.size(); ++i) {
        const int l = result.label[i];
        if (l == NOISE_LABEL)
            continue;
        if (l < 0 || l >= result.cluster_count)
            throw usage_error("cluster_summary: point " + std::to_string(i) + " has label " + std::to_string(l) +
                              " outside [0, " + std::to_string(result.cluster_count) + ")");
        members[static_cast<std::size_t>(l)].push_back(i);
    }
    return members;
}

/// Centroid (the weighted mean of unit vectors: weights when the cluster has any, else one each),
/// the member nearest it, and the members' mean and largest distance from it. `mem` is in canonical
/// (lon, lat) order, so ties keep the smallest.
void set_centroid(const std::vector<LonLat>& points, const std::vector<std::size_t>& mem,
                  const std::function<double(std::size_t)>& w, ClusterSummary& s)
{
    double x = 0.0, y = 0.0, z = 0.0, wsum = 0.0;
    for (const std::size_t i : mem) {
        const double phi = points[i].lat_deg / RAD_TO_DEG, lam = points[i].lon_deg / RAD_TO_DEG;
        x += w(i) * std::cos(phi) * std::cos(lam);
        y += w(i) * std::cos(phi) * std::sin(lam);
        z += w(i) * std::sin(phi);
    }
    for (const std::size_t i : mem)
        wsum += w(i);
    const double norm = std::sqrt(x * x + y * y + z * z);
    if (norm > 1e-9 * wsum)
        s.centroid = LonLat{std::atan2(y, x) * RAD_TO_DEG, std::atan2(z, std::hypot(x, y)) * RAD_TO_DEG};
    else
        s.centroid = points[mem.front()];  // members spread evenly around the globe: no meaningful mean
    double best_m = INF, sum_m = 0.0;
    for (const std::size_t i : mem) {
        const double d_m = geodesic_distance_m(s.centroid, points[i]);
        if (d_m < best_m) {
            best_m = d_m;
            s.central_index = i;
        }
        s.max_distance_from_centroid_m = std::max(s.max_distance_from_centroid_m, d_m);
        sum_m += w(i) * d_m;
    }
    s.mean_distance_from_centroid_m = sum_m / wsum;
}

}  // namespace

std::vector<ClusterSummary> cluster_summary(const std::vector<LonLat>& points, const std::vector<double>& weights,
                                            const ClusterResult& result)
{
    check_summary_inputs(points, weights, result);
    auto weight = [&](std::size_t i) { return weights.empty() ? 1.0 : weights[i]; };
    auto members = cluster_members(result);

    std::vector<ClusterSummary> out;
    out.reserve(members.size());
    for (std::size_t l = 0; l < members.size(); ++l) {
        auto& mem = members[l];
        ClusterSummary s;
        s.label = static_cast<int>(l);
        s.size = mem.size();
        if (mem.empty()) {
            out.push_back(s);
            continue;
        }
        // Sums in a canonical order so that the figures do not depend on the input order.
        std::sort(mem.begin(), mem.end(), [&](std::size_t a, std::size_t b) {
            if (lonlat_less(points[a], points[b]))
                return true;
            if (lonlat_less(points[b], points[a]))
                return false;
            return weight(a) != weight(b) ? weight(a) < weight(b) : a < b;
        });
        for (const std::size_t i : mem) {
            s.total_weight += weight(i);
            s.core_count += result.is_core[i] ? 1 : 0;
        }
        const bool weighted = s.total_weight > 0.0;
        set_centroid(points, mem, [&](std::size_t i) { return weighted ? weight(i) : 1.0; }, s);
        out.push_back(s);
    }
    return out;
}

}  // namespace basural
