#pragma once
// What DBSCAN, HDBSCAN and the cluster summaries share (models, private): point checks, the
// (longitude, latitude) order that numbers clusters, union-find, and a symmetric geodesic distance.

#include "basural/geo/geodesy.hpp"
#include "basural/geo/lon_lat.hpp"
#include "basural/models/cluster.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

namespace basural::clustering {

inline constexpr double INF = std::numeric_limits<double>::infinity();
inline constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();

/// Throws usage_error naming `what` and the first point that is not a finite WGS84 position.
void check_points(const char* what, const std::vector<LonLat>& points);

/// Lexicographic (longitude, latitude): the stable key that numbers clusters.
inline bool lonlat_less(const LonLat& a, const LonLat& b) noexcept
{
    return a.lon_deg != b.lon_deg ? a.lon_deg < b.lon_deg : a.lat_deg < b.lat_deg;
}

/// Union-find with path halving and union by size, on indices of type Index (32 bits where n allows:
/// half the memory to fill and read).
template <class Index>
class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : m_parent(n), m_size(n, 1) { std::iota(m_parent.begin(), m_parent.end(), Index{0}); }
    Index find(Index x) noexcept
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    bool unite(Index a, Index b) noexcept
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        if (m_size[a] < m_size[b])
            std::swap(a, b);
        m_parent[b] = a;
        m_size[a] += m_size[b];
        return true;
    }

private:
    std::vector<Index> m_parent;
    std::vector<Index> m_size;
};

/// Labels 0..k-1 for the groups of the points (group id per point, the largest Group value = none),
/// ordered by each group's smallest (lon, lat) member. Returns the label per group id (groups
/// indexed 0..group_count-1).
template <class Group>
std::vector<int> canonical_labels(const std::vector<LonLat>& points, const std::vector<Group>& group_of,
                                  std::size_t group_count)
{
    constexpr Group NO_GROUP = std::numeric_limits<Group>::max();
    std::vector<Group> key(group_count, NO_GROUP);  // member with the smallest (lon, lat)
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Group g = group_of[i];
        if (g != NO_GROUP && (key[g] == NO_GROUP || lonlat_less(points[i], points[key[g]])))
            key[g] = static_cast<Group>(i);
    }
    std::vector<Group> order;
    for (std::size_t g = 0; g < group_count; ++g)
        if (key[g] != NO_GROUP)
            order.push_back(static_cast<Group>(g));
    std::sort(order.begin(), order.end(), [&](Group a, Group b) { return lonlat_less(points[key[a]], points[key[b]]); });
    std::vector<int> label(group_count, NOISE_LABEL);
    for (std::size_t r = 0; r < order.size(); ++r)
        label[order[r]] = static_cast<int>(r);
    return label;
}

/// Geodesic distance with the endpoints in (lon, lat) order, so that it is symmetric by construction.
inline double symmetric_distance_m(const LonLat& p, const LonLat& q) noexcept
{
    return lonlat_less(q, p) ? geodesic_distance_m(q, p) : geodesic_distance_m(p, q);
}

}  // namespace basural::clustering
