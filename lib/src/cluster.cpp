#include "basural/cluster.hpp"

#include "basural/error.hpp"
#include "basural/geodesy.hpp"
#include "basural/spatial_index.hpp"
#include "detail/geodesic_bounds.hpp"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>
#include <sstream>
#include <string>
#include <utility>

namespace basural {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
constexpr double PI = 3.14159265358979323846;
constexpr double RAD_TO_DEG = 180.0 / PI;
// A radius whose search box covers the whole Earth (longer than any geodesic, 20 004 km).
constexpr double WHOLE_EARTH_M = 2.1e7;

std::string number_text(double v)
{
    std::ostringstream os;
    os.precision(17);
    os << v;
    return os.str();
}

void check_points(const char* what, const std::vector<LonLat>& points)
{
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || p.lat_deg < -90.0 || p.lat_deg > 90.0)
            throw usage_error(std::string(what) + ": point " + std::to_string(i) + " (longitude " +
                              number_text(p.lon_deg) + ", latitude " + number_text(p.lat_deg) +
                              ") is not a WGS84 position: longitude must be finite and latitude in [-90, 90]");
    }
}

/// Lexicographic (longitude, latitude): the stable key that numbers clusters.
bool lonlat_less(const LonLat& a, const LonLat& b) noexcept
{
    return a.lon_deg != b.lon_deg ? a.lon_deg < b.lon_deg : a.lat_deg < b.lat_deg;
}

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : m_parent(n), m_size(n, 1) { std::iota(m_parent.begin(), m_parent.end(), 0); }
    std::size_t find(std::size_t x) noexcept
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    bool unite(std::size_t a, std::size_t b) noexcept
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
    std::vector<std::size_t> m_parent;
    std::vector<std::size_t> m_size;
};

/// Labels 0..k-1 for the groups of `members` (group id per point, NONE = none), ordered by each group's
/// smallest (lon, lat) member. Returns the label per group id (groups indexed 0..group_count-1).
std::vector<int> canonical_labels(const std::vector<LonLat>& points, const std::vector<std::size_t>& group_of,
                                  std::size_t group_count)
{
    std::vector<std::size_t> key(group_count, NONE);  // member with the smallest (lon, lat)
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::size_t g = group_of[i];
        if (g != NONE && (key[g] == NONE || lonlat_less(points[i], points[key[g]])))
            key[g] = i;
    }
    std::vector<std::size_t> order;
    for (std::size_t g = 0; g < group_count; ++g)
        if (key[g] != NONE)
            order.push_back(g);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return lonlat_less(points[key[a]], points[key[b]]); });
    std::vector<int> label(group_count, NOISE_LABEL);
    for (std::size_t r = 0; r < order.size(); ++r)
        label[order[r]] = static_cast<int>(r);
    return label;
}

/// Geodesic distance with the endpoints in (lon, lat) order, so that it is symmetric by construction.
double symmetric_distance_m(const LonLat& p, const LonLat& q) noexcept
{
    return lonlat_less(q, p) ? geodesic_distance_m(q, p) : geodesic_distance_m(p, q);
}

}  // namespace

// ---------------------------------------------------------------------------------------------- DBSCAN

namespace {

/// Points bucketed in cubes of side `cell_m` in Earth-centred space (ECEF), as in the grid DBSCAN of
/// Gunawan (2013) and de Berg, Gunawan & Roeloffzen (2017): with a side of eps / sqrt(3) (in chord
/// terms) two points of one cube are always within eps, so a cube with min_points points is all core
/// and its core points are one cluster without measuring a distance; only neighbouring cubes (within
/// `reach` cubes along each axis) can hold a point within eps.
class EcefGrid {
public:
    /// Cells of at least MIN_CELL_M keep every cell index of the Earth within 21 bits per axis.
    static constexpr double MIN_CELL_M = 8.0;

    EcefGrid(const std::vector<detail::Ecef>& ecef, double cell_m, int reach)
    {
        // 32-bit point and cell indices (dbscan checks n): half the memory to fill and read
        const auto n = static_cast<std::uint32_t>(ecef.size());
        std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(n);  // (cell key, point)
        for (std::uint32_t i = 0; i < n; ++i)
            keyed[i] = {pack(axis(ecef[i].x_m, cell_m), axis(ecef[i].y_m, cell_m), axis(ecef[i].z_m, cell_m)), i};
        std::sort(keyed.begin(), keyed.end());
        m_members.resize(n);
        for (std::uint32_t k = 0; k < n; ++k) {
            m_members[k] = keyed[k].second;
            if (m_cells.empty() || m_cells.back().key != keyed[k].first)
                m_cells.push_back({keyed[k].first, k, k});
            m_cells.back().end = k + 1;
        }
        // Neighbouring cells by a sweep: for each (dx, dy) offset, the first cell of column (x + dx,
        // y + dy) with z >= z_c - reach only moves forward as c goes through the cells in key order
        // (the target (column, z) is non-decreasing), so one pointer per offset finds them all
        // without any lookup.
        const auto r = static_cast<std::uint64_t>(reach);
        const std::size_t side = 2 * static_cast<std::size_t>(reach) + 1;
        std::vector<std::size_t> pointer(side * side, 0);
        m_neighbour_start.assign(m_cells.size() + 1, 0);
        m_neighbours.reserve(8 * m_cells.size());  // cells on a surface have a handful of neighbours
        for (std::size_t c = 0; c < m_cells.size(); ++c) {
            const std::uint64_t key = m_cells[c].key;
            const std::uint64_t column = key >> AXIS_BITS, z = key & AXIS_MASK;
            std::size_t o = 0;
            for (std::uint64_t dx = 0; dx <= 2 * r; ++dx)
                for (std::uint64_t dy = 0; dy <= 2 * r; ++dy, ++o) {
                    // target column (x + dx - r, y + dy - r), from z - r (coordinates never reach the
                    // ends of their 21 bits, so the arithmetic does not wrap)
                    const std::uint64_t target = column + (dx << AXIS_BITS) + dy - ((r << AXIS_BITS) + r);
                    const std::uint64_t from = (target << AXIS_BITS) | (z - r);
                    std::size_t& p = pointer[o];
                    while (p < m_cells.size() && m_cells[p].key < from)
                        ++p;
                    for (std::size_t d = p; d < m_cells.size() && m_cells[d].key <= ((target << AXIS_BITS) | (z + r)); ++d)
                        m_neighbours.push_back(static_cast<std::uint32_t>(d));
                }
            m_neighbour_start[c + 1] = m_neighbours.size();
        }
    }

    std::size_t cell_count() const noexcept { return m_cells.size(); }
    /// The points of cell c, ascending.
    std::span<const std::uint32_t> members(std::size_t c) const
    {
        return {m_members.data() + m_cells[c].begin, m_cells[c].end - m_cells[c].begin};
    }
    /// Cells within reach of cell c (c itself included).
    std::span<const std::uint32_t> neighbours(std::size_t c) const
    {
        return {m_neighbours.data() + m_neighbour_start[c], m_neighbour_start[c + 1] - m_neighbour_start[c]};
    }

private:
    static constexpr int AXIS_BITS = 21;
    static constexpr std::uint64_t AXIS_MASK = (std::uint64_t{1} << AXIS_BITS) - 1;
    static constexpr std::int64_t AXIS_OFFSET = std::int64_t{1} << (AXIS_BITS - 1);

    struct Cell {
        std::uint64_t key = 0;
        std::uint32_t begin = 0, end = 0;  // range of m_members
    };

    static std::uint64_t axis(double coordinate_m, double cell_m) noexcept
    {
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(std::floor(coordinate_m / cell_m)) + AXIS_OFFSET);
    }
    static std::uint64_t pack(std::uint64_t x, std::uint64_t y, std::uint64_t z) noexcept
    {
        return (x << (2 * AXIS_BITS)) | (y << AXIS_BITS) | z;
    }

    std::vector<std::uint32_t> m_members;
    std::vector<Cell> m_cells;
    std::vector<std::size_t> m_neighbour_start;
    std::vector<std::uint32_t> m_neighbours;
};

}  // namespace

ClusterResult dbscan(const std::vector<LonLat>& points, double eps_m, std::size_t min_points)
{
    if (!std::isfinite(eps_m) || eps_m < 0.0)
        throw usage_error("dbscan: eps must be a finite distance >= 0 m, got " + number_text(eps_m));
    if (min_points == 0)
        throw usage_error("dbscan: min_points must be at least 1 (the point itself counts)");
    check_points("dbscan", points);
    const std::size_t n = points.size();
    if (n >= UINT32_MAX)
        throw usage_error("dbscan: at most 2^32 - 2 points, got " + std::to_string(n));
    ClusterResult result;
    result.is_core.assign(n, false);
    result.label.assign(n, NOISE_LABEL);
    if (n == 0)
        return result;

    // Distances are decided by rigorous chord bounds (detail/geodesic_bounds.hpp); only pairs whose
    // bounds straddle eps get a geodesic, measured in (lon, lat) order so that it is symmetric.
    std::vector<detail::Ecef> ecef(n);
    for (std::size_t i = 0; i < n; ++i)
        ecef[i] = detail::to_ecef(points[i]);
    const auto t = detail::chord_thresholds(eps_m);
    auto within = [&](std::size_t a, std::size_t b) {
        const double c2 = detail::chord_squared_m2(ecef[a], ecef[b]);
        return c2 <= t.accept_up_to_m2 || (c2 <= t.reject_above_m2 && symmetric_distance_m(points[a], points[b]) <= eps_m);
    };
    // Cubes of eps / sqrt(3) (at least 8 m: a tiny eps only makes cells hold farther points).
    const double reject_m = std::sqrt(t.reject_above_m2);
    // Cubes are at least a quarter of the reach wide, so that no cube looks more than 4 cubes away: that
    // only matters when eps is so large (beyond 12,000 km of chord) that the bounds cannot accept.
    const double cell_m = std::max({std::sqrt(std::max(t.accept_up_to_m2, 0.0) / 3.0), reject_m / 4.0,
                                    EcefGrid::MIN_CELL_M});
    const bool cell_within_eps = 3.0 * cell_m * cell_m <= t.accept_up_to_m2;
    const EcefGrid grid(ecef, cell_m, static_cast<int>(std::ceil(reject_m / cell_m)));

    // Core points: at least min_points points (itself included) within eps.
    for (std::size_t c = 0; c < grid.cell_count(); ++c) {
        const auto members = grid.members(c);
        if (cell_within_eps && members.size() >= min_points) {
            for (const auto i : members)
                result.is_core[i] = true;
            continue;
        }
        for (const auto i : members) {
            std::size_t count = cell_within_eps ? members.size() : 0;
            for (const auto d : grid.neighbours(c)) {
                if (cell_within_eps && d == c)
                    continue;
                for (const auto j : grid.members(d))
                    if (count < min_points && within(i, j))
                        ++count;
                if (count >= min_points)
                    break;
            }
            result.is_core[i] = count >= min_points;
        }
    }

    // Clusters: connected components of core points within eps of each other. The core points of a
    // cell are one component when the cell is within eps; a pair of cells already in one component
    // needs no distance at all.
    DisjointSets sets(n);
    std::vector<std::size_t> first_core(grid.cell_count(), NONE);
    for (std::size_t c = 0; c < grid.cell_count(); ++c)
        for (const auto i : grid.members(c))
            if (result.is_core[i]) {
                if (first_core[c] == NONE)
                    first_core[c] = i;
                else if (cell_within_eps)
                    sets.unite(first_core[c], i);
            }
    for (std::size_t c = 0; c < grid.cell_count(); ++c) {
        if (first_core[c] == NONE)
            continue;
        for (const auto d : grid.neighbours(c)) {
            if (d < c || first_core[d] == NONE || (d == c && cell_within_eps))
                continue;
            for (const auto i : grid.members(c)) {
                if (!result.is_core[i])
                    continue;
                if (cell_within_eps && sets.find(first_core[c]) == sets.find(first_core[d]))
                    break;  // every core point of both cells is already in one cluster
                for (const auto j : grid.members(d))
                    if (result.is_core[j] && (d != c || j > i) && sets.find(i) != sets.find(j) && within(i, j)) {
                        sets.unite(i, j);
                        if (cell_within_eps)
                            break;
                    }
            }
        }
    }
    std::vector<std::size_t> group_of(n, NONE);
    for (std::size_t i = 0; i < n; ++i)
        if (result.is_core[i])
            group_of[i] = sets.find(i);
    const auto label_of_group = canonical_labels(points, group_of, n);
    for (std::size_t i = 0; i < n; ++i)
        if (result.is_core[i])
            result.label[i] = label_of_group[group_of[i]];
    result.cluster_count = static_cast<int>(std::count_if(label_of_group.begin(), label_of_group.end(),
                                                          [](int l) { return l != NOISE_LABEL; }));

    // Border points: the cluster of the nearest core point within eps, ties to the lowest label. Chord
    // bounds rule out the core points that cannot be the nearest; the others are measured.
    struct Candidate {
        std::size_t j;
        double lower_m;
    };
    std::vector<Candidate> candidates;
    for (std::size_t c = 0; c < grid.cell_count(); ++c)
        for (const auto i : grid.members(c)) {
            if (result.is_core[i])
                continue;
            candidates.clear();
            double best_upper_m = INF;
            for (const auto d : grid.neighbours(c))
                for (const auto j : grid.members(d))
                    if (result.is_core[j] && within(i, j)) {
                        const double chord_m = std::sqrt(detail::chord_squared_m2(ecef[i], ecef[j]));
                        candidates.push_back({j, detail::geodesic_lower_bound_m(chord_m)});
                        best_upper_m = std::min(best_upper_m, detail::geodesic_upper_bound_m(chord_m));
                    }
            double best_m = INF;
            int best_label = NOISE_LABEL;
            for (const auto& [j, lower_m] : candidates) {
                if (lower_m > best_upper_m)
                    continue;  // farther than some other core point for certain
                const double d_m = geodesic_distance_m(points[i], points[j]);
                const int l = result.label[j];
                if (d_m < best_m || (d_m == best_m && l < best_label)) {
                    best_m = d_m;
                    best_label = l;
                }
            }
            result.label[i] = best_label;
        }
    return result;
}

ClusterResult dbscan(const SpatialIndex& index, double eps_m, std::size_t min_points)
{
    return dbscan(index.points(), eps_m, min_points);
}

// --------------------------------------------------------------------------------------------- HDBSCAN

std::vector<double> core_distances_m(const SpatialIndex& index, std::size_t k)
{
    if (k == 0)
        throw usage_error("hdbscan: min_samples must be at least 1 (the point itself counts)");
    std::vector<double> core(index.size(), 0.0);
    for (std::size_t i = 0; i < index.size(); ++i) {
        core[i] = index.kth_nearest_distance_m(index.points()[i], k);
    }
    return core;
}

namespace {

struct EdgeKey {
    double weight_m = INF;
    std::size_t a = NONE;  // a < b
    std::size_t b = NONE;
    bool operator<(const EdgeKey& o) const noexcept
    {
        if (weight_m != o.weight_m)
            return weight_m < o.weight_m;
        if (a != o.a)
            return a < o.a;
        return b < o.b;
    }
};

std::vector<SpanningEdge> boruvka_mst(const SpatialIndex& index, const std::vector<double>& core,
                                      const ProgressFn& progress)
{
    const auto& points = index.points();
    const std::size_t n = points.size();
    std::vector<SpanningEdge> tree;
    if (n < 2)
        return tree;
    tree.reserve(n - 1);
    std::vector<detail::Ecef> ecef(n);
    for (std::size_t i = 0; i < n; ++i)
        ecef[i] = detail::to_ecef(points[i]);

    DisjointSets sets(n);
    std::vector<std::size_t> comp(n);
    std::vector<EdgeKey> best(n);
    std::vector<std::size_t> candidates;
    while (tree.size() < n - 1) {
        for (std::size_t i = 0; i < n; ++i) {
            comp[i] = sets.find(i);
            best[i] = EdgeKey{};
        }
        // Boruvka round: the lightest edge leaving every component, under the total order
        // (weight, a, b), so that the chosen edges never close a cycle.
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t c = comp[i];
            EdgeKey& b = best[c];
            if (core[i] > b.weight_m)
                continue;  // every edge from i weighs at least core[i]
            double radius_m = std::isfinite(b.weight_m) ? b.weight_m : std::max(core[i], 1.0);
            for (;;) {
                index.candidates_within_m(points[i], radius_m, candidates);
                for (const std::size_t j : candidates) {
                    if (comp[j] == c)
                        continue;
                    const double chord_m = std::sqrt(detail::chord_squared_m2(ecef[i], ecef[j]));
                    const double core_m = std::max(core[i], core[j]);
                    if (std::max(core_m, detail::geodesic_lower_bound_m(chord_m)) > b.weight_m)
                        continue;
                    // Where both core distances exceed the distance's upper bound the weight is known
                    // without computing the geodesic (most edges inside dense groups).
                    const double w_m = core_m >= detail::geodesic_upper_bound_m(chord_m)
                                           ? core_m
                                           : std::max(core_m, symmetric_distance_m(points[i], points[j]));
                    const EdgeKey e{w_m, std::min(i, j), std::max(i, j)};
                    if (e < b)
                        b = e;
                }
                // Every point within radius_m has been seen; any other edge weighs more than radius_m.
                if (b.weight_m <= radius_m || radius_m >= WHOLE_EARTH_M)
                    break;
                radius_m = std::min(WHOLE_EARTH_M, std::isfinite(b.weight_m) ? b.weight_m : 2.0 * radius_m);
            }
        }
        bool merged = false;
        for (std::size_t c = 0; c < n; ++c) {
            if (comp[c] != c || best[c].a == NONE)
                continue;
            if (sets.unite(best[c].a, best[c].b)) {
                tree.push_back({best[c].a, best[c].b, best[c].weight_m});
                merged = true;
            }
        }
        if (!merged)
            throw error("hdbscan: internal error: the spanning tree stopped growing");  // cannot happen
        if (progress)
            progress("spanning tree", static_cast<double>(tree.size()) / static_cast<double>(n - 1));
    }
    std::sort(tree.begin(), tree.end(), [](const SpanningEdge& x, const SpanningEdge& y) {
        return EdgeKey{x.weight_m, x.a, x.b} < EdgeKey{y.weight_m, y.a, y.b};
    });
    return tree;
}

/// A node of the single-linkage hierarchy in which every merge at one distance is one node:
/// leaves 0..n-1 are the points.
struct HierarchyNode {
    double level_m = 0.0;
    std::size_t size = 1;
    LonLat key;  // smallest (lon, lat) among its points
    std::vector<std::size_t> children;
};

std::vector<HierarchyNode> build_hierarchy(const std::vector<LonLat>& points, const std::vector<SpanningEdge>& tree)
{
    const std::size_t n = points.size();
    std::vector<HierarchyNode> nodes(n);
    for (std::size_t i = 0; i < n; ++i)
        nodes[i].key = points[i];
    DisjointSets sets(n);
    std::vector<std::size_t> node_of(n);
    std::iota(node_of.begin(), node_of.end(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> roots;  // (root before, root after) for one level
    for (std::size_t e = 0; e < tree.size();) {
        const double level_m = tree[e].weight_m;
        std::size_t end = e;
        roots.clear();
        while (end < tree.size() && tree[end].weight_m == level_m) {
            roots.emplace_back(sets.find(tree[end].a), 0);
            roots.emplace_back(sets.find(tree[end].b), 0);
            ++end;
        }
        for (std::size_t k = e; k < end; ++k)
            sets.unite(tree[k].a, tree[k].b);
        for (auto& [before, after] : roots)
            after = sets.find(before);
        std::sort(roots.begin(), roots.end(), [](const auto& x, const auto& y) {
            return x.second != y.second ? x.second < y.second : x.first < y.first;
        });
        roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
        for (std::size_t r = 0; r < roots.size();) {
            std::size_t s = r;
            HierarchyNode node;
            node.level_m = level_m;
            node.size = 0;
            node.key = nodes[node_of[roots[r].first]].key;
            for (; s < roots.size() && roots[s].second == roots[r].second; ++s) {
                const auto& child = nodes[node_of[roots[s].first]];
                node.children.push_back(node_of[roots[s].first]);
                node.size += child.size;
                if (lonlat_less(child.key, node.key))
                    node.key = child.key;
            }
            // Children in canonical order: by their smallest point, then size (equal keys happen only
            // for single coincident points, which are interchangeable).
            std::sort(node.children.begin(), node.children.end(), [&](std::size_t x, std::size_t y) {
                if (lonlat_less(nodes[x].key, nodes[y].key))
                    return true;
                if (lonlat_less(nodes[y].key, nodes[x].key))
                    return false;
                return nodes[x].size < nodes[y].size;
            });
            nodes.push_back(std::move(node));
            node_of[roots[r].second] = nodes.size() - 1;
            r = s;
        }
        e = end;
    }
    return nodes;
}

}  // namespace

std::vector<SpanningEdge> mutual_reachability_mst(const SpatialIndex& index, const std::vector<double>& core_distance_m)
{
    if (core_distance_m.size() != index.size())
        throw usage_error("mutual_reachability_mst: " + std::to_string(core_distance_m.size()) +
                          " core distances for " + std::to_string(index.size()) + " points");
    check_points("mutual_reachability_mst", index.points());
    return boruvka_mst(index, core_distance_m, {});
}

ClusterResult hdbscan(const std::vector<LonLat>& points, const HdbscanOptions& options, const ProgressFn& progress)
{
    check_points("hdbscan", points);
    const SpatialIndex index(points);
    return hdbscan(index, options, progress);
}

ClusterResult hdbscan(const SpatialIndex& index, const HdbscanOptions& options, const ProgressFn& progress)
{
    if (options.min_cluster_size < 2)
        throw usage_error("hdbscan: min_cluster_size must be at least 2, got " + std::to_string(options.min_cluster_size));
    const std::size_t k = options.min_samples == 0 ? options.min_cluster_size : options.min_samples;
    const auto& points = index.points();
    check_points("hdbscan", points);
    const std::size_t n = points.size();
    const std::size_t mcs = options.min_cluster_size;

    ClusterResult result;
    result.label.assign(n, NOISE_LABEL);
    result.is_core.assign(n, false);
    result.probability.assign(n, 0.0);
    result.outlier_score.assign(n, 0.0);
    if (n == 0)
        return result;

    if (progress)
        progress("core distances", 0.0);
    result.core_distance_m = core_distances_m(index, k);
    if (progress)
        progress("core distances", 1.0);
    const auto tree = boruvka_mst(index, result.core_distance_m, progress);
    const auto nodes = build_hierarchy(points, tree);
    const std::size_t root_node = nodes.size() - 1;

    // Condensed tree. lambda = 1 / distance, in 1/km; a distance of 0 (coincident points) is lambda +inf.
    auto lambda_of = [](double level_m) { return level_m > 0.0 ? 1000.0 / level_m : INF; };
    auto& clusters = result.condensed_tree;
    std::vector<double> birth_lambda{0.0};
    std::vector<double> death_lambda{0.0};  // max lambda of anything leaving the cluster directly
    clusters.push_back(CondensedCluster{-1, INF, 0.0, n, 0.0, false, NOISE_LABEL});
    std::vector<std::size_t> point_cluster(n, 0);
    std::vector<double> point_lambda(n, 0.0);

    std::vector<std::size_t> leaf_stack;
    auto fall_out = [&](std::size_t node, std::size_t c, double lambda) {
        leaf_stack.assign(1, node);
        while (!leaf_stack.empty()) {
            const std::size_t x = leaf_stack.back();
            leaf_stack.pop_back();
            if (x < n) {
                point_cluster[x] = c;
                point_lambda[x] = lambda;
                clusters[c].stability_per_km += lambda - birth_lambda[c];
            } else {
                for (const std::size_t ch : nodes[x].children)
                    leaf_stack.push_back(ch);
            }
        }
        death_lambda[c] = std::max(death_lambda[c], lambda);
    };

    std::vector<std::pair<std::size_t, std::size_t>> work{{root_node, 0}};  // (node, cluster)
    while (!work.empty()) {
        const auto [node, c] = work.back();
        work.pop_back();
        if (node < n) {  // a single point as the whole hierarchy
            fall_out(node, c, birth_lambda[c]);
            continue;
        }
        const double lambda = lambda_of(nodes[node].level_m);
        std::size_t big = 0;
        for (const std::size_t ch : nodes[node].children)
            big += nodes[ch].size >= mcs ? 1 : 0;
        // Children are pushed in reverse so that they are processed (and numbered) in canonical order.
        std::vector<std::pair<std::size_t, std::size_t>> next;
        for (const std::size_t ch : nodes[node].children) {
            if (nodes[ch].size < mcs || big == 0) {
                fall_out(ch, c, lambda);
            } else if (big == 1) {
                next.emplace_back(ch, c);  // the cluster goes on, shrunk
            } else {
                const std::size_t id = clusters.size();
                clusters.push_back(CondensedCluster{static_cast<int>(c), nodes[node].level_m, 0.0, nodes[ch].size,
                                                    0.0, false, NOISE_LABEL});
                birth_lambda.push_back(lambda);
                death_lambda.push_back(0.0);
                clusters[c].stability_per_km += static_cast<double>(nodes[ch].size) * (lambda - birth_lambda[c]);
                death_lambda[c] = std::max(death_lambda[c], lambda);
                next.emplace_back(ch, id);
            }
        }
        for (auto it = next.rbegin(); it != next.rend(); ++it)
            work.push_back(*it);
    }
    const std::size_t m = clusters.size();
    for (std::size_t c = 0; c < m; ++c)
        clusters[c].death_distance_m = death_lambda[c] > 0.0 ? 1000.0 / death_lambda[c] : INF;

    // Excess-of-mass selection, leaves up (children have larger ids than parents); the root is never selected.
    std::vector<std::vector<std::size_t>> children(m);
    for (std::size_t c = 1; c < m; ++c)
        children[static_cast<std::size_t>(clusters[c].parent)].push_back(c);
    std::vector<double> subtree(m, 0.0);
    std::vector<bool> chosen(m, false);
    for (std::size_t c = m; c-- > 1;) {
        double sum = 0.0;
        for (const std::size_t ch : children[c])
            sum += subtree[ch];
        if (!children[c].empty() && sum > clusters[c].stability_per_km) {
            subtree[c] = sum;
        } else {
            subtree[c] = clusters[c].stability_per_km;
            chosen[c] = true;
        }
    }
    std::vector<std::size_t> selected_of(m, NONE);  // the selected cluster at or above c
    for (std::size_t c = 1; c < m; ++c) {
        const std::size_t above = selected_of[static_cast<std::size_t>(clusters[c].parent)];
        if (above != NONE)
            selected_of[c] = above;
        else if (chosen[c])
            selected_of[c] = c;
        clusters[c].selected = selected_of[c] == c;
    }

    // Labels, numbered by each selected cluster's smallest member.
    std::vector<std::size_t> group_of(n, NONE);
    for (std::size_t i = 0; i < n; ++i)
        group_of[i] = selected_of[point_cluster[i]];
    const auto label_of_cluster = canonical_labels(points, group_of, m);
    for (std::size_t c = 0; c < m; ++c)
        if (clusters[c].selected)
            clusters[c].label = label_of_cluster[c];
    result.cluster_count = static_cast<int>(std::count_if(clusters.begin(), clusters.end(),
                                                          [](const CondensedCluster& x) { return x.selected; }));
    result.cluster_stability_per_km.assign(static_cast<std::size_t>(result.cluster_count), 0.0);
    for (const auto& x : clusters)
        if (x.selected)
            result.cluster_stability_per_km[static_cast<std::size_t>(x.label)] = x.stability_per_km;

    // Membership probability (as the hdbscan library): lambda at which the point leaves, capped at the
    // largest lambda leaving its selected cluster directly, over that largest lambda.
    // GLOSH outlier score: 1 - lambda_point / (largest lambda in the subtree of the cluster it leaves).
    std::vector<double> subtree_max_lambda(death_lambda);
    for (std::size_t c = m; c-- > 1;) {
        const auto p = static_cast<std::size_t>(clusters[c].parent);
        subtree_max_lambda[p] = std::max(subtree_max_lambda[p], subtree_max_lambda[c]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double lambda = point_lambda[i];
        const std::size_t s = group_of[i];
        if (s != NONE) {
            result.label[i] = label_of_cluster[s];
            const double top = death_lambda[s];
            result.probability[i] = (top == 0.0 || !std::isfinite(lambda)) ? 1.0 : std::min(lambda, top) / top;
            result.is_core[i] = result.probability[i] == 1.0;
        }
        const double top = subtree_max_lambda[point_cluster[i]];
        if (!std::isfinite(lambda) || top == 0.0)
            result.outlier_score[i] = 0.0;
        else if (!std::isfinite(top))
            result.outlier_score[i] = 1.0;
        else
            result.outlier_score[i] = (top - lambda) / top;
    }
    return result;
}

// --------------------------------------------------------------------------------------------- summary

std::vector<ClusterSummary> cluster_summary(const std::vector<LonLat>& points, const std::vector<double>& weights,
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
                              number_text(weights[i]) + "; weights must be finite and >= 0");
    check_points("cluster_summary", points);
    auto weight = [&](std::size_t i) { return weights.empty() ? 1.0 : weights[i]; };

    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(std::max(result.cluster_count, 0)));
    for (std::size_t i = 0; i < n; ++i) {
        const int l = result.label[i];
        if (l == NOISE_LABEL)
            continue;
        if (l < 0 || l >= result.cluster_count)
            throw usage_error("cluster_summary: point " + std::to_string(i) + " has label " + std::to_string(l) +
                              " outside [0, " + std::to_string(result.cluster_count) + ")");
        members[static_cast<std::size_t>(l)].push_back(i);
    }

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
        auto w = [&](std::size_t i) { return weighted ? weight(i) : 1.0; };
        double x = 0.0, y = 0.0, z = 0.0;
        for (const std::size_t i : mem) {
            const double phi = points[i].lat_deg / RAD_TO_DEG, lam = points[i].lon_deg / RAD_TO_DEG;
            x += w(i) * std::cos(phi) * std::cos(lam);
            y += w(i) * std::cos(phi) * std::sin(lam);
            z += w(i) * std::sin(phi);
        }
        const double norm = std::sqrt(x * x + y * y + z * z);
        double wsum = 0.0;
        for (const std::size_t i : mem)
            wsum += w(i);
        if (norm > 1e-9 * wsum)
            s.centroid = LonLat{std::atan2(y, x) * RAD_TO_DEG, std::atan2(z, std::hypot(x, y)) * RAD_TO_DEG};
        else
            s.centroid = points[mem.front()];  // members spread evenly around the globe: no meaningful mean
        double best_m = INF, sum_m = 0.0;
        for (const std::size_t i : mem) {
            const double d_m = geodesic_distance_m(s.centroid, points[i]);
            if (d_m < best_m) {  // members are in (lon, lat) order, so ties keep the smallest
                best_m = d_m;
                s.central_index = i;
            }
            s.max_distance_from_centroid_m = std::max(s.max_distance_from_centroid_m, d_m);
            sum_m += w(i) * d_m;
        }
        s.mean_distance_from_centroid_m = sum_m / wsum;
        out.push_back(s);
    }
    return out;
}

}  // namespace basural
