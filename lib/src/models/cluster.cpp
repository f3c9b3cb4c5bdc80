#include "basural/models/cluster.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "geo/geodesic_bounds.hpp"

#include <algorithm>
#include <array>
#include <bit>
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
double symmetric_distance_m(const LonLat& p, const LonLat& q) noexcept
{
    return lonlat_less(q, p) ? geodesic_distance_m(q, p) : geodesic_distance_m(p, q);
}

}  // namespace

// ---------------------------------------------------------------------------------------------- DBSCAN

namespace {

/// Points bucketed on two nested grids of cubes in Earth-centred space (ECEF), after the grid DBSCAN
/// of Gunawan (2013) and de Berg, Gunawan & Roeloffzen (2017):
/// - *fine* cubes of side `fine_m`; with a side of eps / sqrt(3) (in chord terms) two points of one
///   fine cube are always within eps, so a fine cube with min_points points is all core and its core
///   points are one cluster without measuring a distance;
/// - *coarse* cubes of 2 x 2 x 2 fine cubes, at least eps wide, so that only the coarse cubes within
///   `reach` (1 but for enormous eps) along each axis can hold a point within eps.
/// Points are sorted by (coarse cube, fine cube) key, so a fine cube, a coarse cube, and a run of
/// coarse cubes along one column are each a contiguous range of positions: a coarse cube's
/// neighbourhood is at most (2 reach + 1)^2 ranges of points. Points are referred to by their
/// position k in that order; `original(k)` gives the caller's index.
class DbscanGrid {
public:
    /// Fine cubes of at least MIN_FINE_M keep every cube coordinate of the Earth within 20 bits.
    static constexpr double MIN_FINE_M = 8.0;

    /// Consecutive coarse cubes (a run along one column): their fine cubes and their points.
    struct Run {
        std::uint32_t first_fine = 0, last_fine = 0;
        std::uint32_t first_point = 0, last_point = 0;
    };

    DbscanGrid(const std::vector<LonLat>& points, double fine_m, int reach) : m_per_m(1.0 / fine_m)
    {
        const auto n = static_cast<std::uint32_t>(points.size());  // dbscan checks n < 2^32 - 1
        std::vector<detail::Ecef> ecef(n);
        std::array<std::int64_t, 3> low{}, high{};  // coarse coordinate extent
        for (std::uint32_t i = 0; i < n; ++i) {
            ecef[i] = detail::to_ecef(points[i]);
            const auto cube = cube_of(ecef[i]);
            for (int a = 0; a < 3; ++a) {
                const std::int64_t coarse = cube[a] >> 1;  // floor(fine / 2)
                low[a] = i == 0 ? coarse : std::min(low[a], coarse);
                high[a] = i == 0 ? coarse : std::max(high[a], coarse);
            }
        }
        // Key = ((cx * ny + cy) * nz + cz) * 8 + octant, coarse coordinates shifted to start at
        // `reach`: a margin of `reach` empty cubes on every side keeps the neighbour arithmetic below
        // from wrapping into another column.
        std::array<std::int64_t, 3> extent{};
        for (int a = 0; a < 3; ++a)
            extent[a] = high[a] - low[a] + 1 + 2 * static_cast<std::int64_t>(reach);
        std::vector<Keyed> keyed(n);
        std::uint64_t max_key = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto cube = cube_of(ecef[i]);
            std::int64_t coarse_key = 0;
            std::uint64_t octant = 0;
            for (int a = 0; a < 3; ++a) {
                coarse_key = coarse_key * extent[a] + ((cube[a] >> 1) - low[a] + reach);
                octant = (octant << 1) | static_cast<std::uint64_t>(cube[a] & 1);
            }
            keyed[i] = {(static_cast<std::uint64_t>(coarse_key) << 3) | octant, i};
            max_key = std::max(max_key, keyed[i].key);
        }
        radix_sort(keyed, static_cast<int>(std::bit_width(max_key)));

        // Positions in key order, fine cubes, coarse cubes (capacities reserved, not touched).
        m_original.resize(n);
        m_ecef.resize(n);
        m_fine_begin.reserve(std::size_t{n} + 1);
        m_fine_cube.reserve(n);
        std::vector<std::int64_t> coarse_key;
        coarse_key.reserve(std::size_t{n} + 1);
        m_coarse_fine_begin.reserve(std::size_t{n} + 1);
        for (std::uint32_t k = 0; k < n; ++k) {
            const std::uint32_t i = keyed[k].index;
            m_original[k] = i;
            m_ecef[k] = ecef[i];
            if (k > 0 && keyed[k].key == keyed[k - 1].key)
                continue;
            if (k == 0 || (keyed[k].key >> 3) != (keyed[k - 1].key >> 3)) {
                coarse_key.push_back(static_cast<std::int64_t>(keyed[k].key >> 3));
                m_coarse_fine_begin.push_back(static_cast<std::uint32_t>(m_fine_begin.size()));
            }
            m_fine_begin.push_back(k);
            const auto cube = cube_of(ecef[i]);
            m_fine_cube.push_back({static_cast<std::int32_t>(cube[0]), static_cast<std::int32_t>(cube[1]),
                                   static_cast<std::int32_t>(cube[2])});
        }
        m_fine_begin.push_back(n);
        m_coarse_fine_begin.push_back(static_cast<std::uint32_t>(m_fine_begin.size() - 1));

        // Neighbouring coarse cubes by a sweep: for the column offset (dx, dy), the cubes within reach
        // of cube c have keys in [key_c + delta - reach, key_c + delta + reach] with
        // delta = dx * row_stride + dy * column_stride; both ends only move forward as c goes through
        // the cubes in key order, so two pointers per offset find them all without any lookup.
        const std::int64_t column_stride = extent[2], row_stride = extent[1] * extent[2];
        std::vector<std::int64_t> delta;  // key offset of each column, less the reach along it
        for (std::int64_t dx = -reach; dx <= reach; ++dx)
            for (std::int64_t dy = -reach; dy <= reach; ++dy)
                delta.push_back(dx * row_stride + dy * column_stride - reach);
        std::vector<std::uint32_t> first(delta.size(), 0), last(delta.size(), 0);
        const auto coarse_count = static_cast<std::uint32_t>(coarse_key.size());
        coarse_key.push_back(std::numeric_limits<std::int64_t>::max());  // sentinel: ends every walk
        m_run_begin.reserve(std::size_t{coarse_count} + 1);
        m_run_begin.push_back(0);
        m_runs.reserve(delta.size() * coarse_count);
        for (std::uint32_t c = 0; c < coarse_count; ++c) {
            const std::int64_t key = coarse_key[c];
            for (std::size_t o = 0; o < delta.size(); ++o) {
                const std::int64_t low_key = key + delta[o];
                std::uint32_t b = first[o];
                while (coarse_key[b] < low_key)
                    ++b;
                first[o] = b;
                std::uint32_t e = std::max(last[o], b);
                while (coarse_key[e] <= low_key + 2 * reach)
                    ++e;
                last[o] = e;
                if (b < e) {
                    const std::uint32_t f0 = m_coarse_fine_begin[b], f1 = m_coarse_fine_begin[e];
                    m_runs.push_back({f0, f1, m_fine_begin[f0], m_fine_begin[f1]});
                }
            }
            m_run_begin.push_back(static_cast<std::uint32_t>(m_runs.size()));
        }
    }

    std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(m_original.size()); }
    std::uint32_t original(std::uint32_t k) const noexcept { return m_original[k]; }
    const detail::Ecef& ecef(std::uint32_t k) const noexcept { return m_ecef[k]; }

    std::uint32_t coarse_count() const noexcept { return static_cast<std::uint32_t>(m_coarse_fine_begin.size() - 1); }
    std::uint32_t fine_count() const noexcept { return static_cast<std::uint32_t>(m_fine_begin.size() - 1); }
    /// Fine cubes [first, last) of coarse cube c.
    std::uint32_t first_fine(std::uint32_t c) const noexcept { return m_coarse_fine_begin[c]; }
    std::uint32_t last_fine(std::uint32_t c) const noexcept { return m_coarse_fine_begin[c + 1]; }
    /// Points [first, last) of fine cube f.
    std::uint32_t first_point(std::uint32_t f) const noexcept { return m_fine_begin[f]; }
    std::uint32_t last_point(std::uint32_t f) const noexcept { return m_fine_begin[f + 1]; }
    /// Runs of coarse cubes within reach of coarse cube c (c included).
    std::span<const Run> neighbours(std::uint32_t c) const
    {
        return {m_runs.data() + m_run_begin[c], m_run_begin[c + 1] - m_run_begin[c]};
    }

    /// Square of the gap between fine cubes f and g, in cube sides: a lower bound on the distance
    /// between their points (a point may sit a rounding error outside its cube, which the caller's
    /// slack covers).
    std::int64_t cube_gap_squared(std::uint32_t f, std::uint32_t g) const noexcept
    {
        std::int64_t sum = 0;
        for (int a = 0; a < 3; ++a) {
            const std::int64_t d = std::abs(std::int64_t{m_fine_cube[f][a]} - m_fine_cube[g][a]) - 1;
            sum += d > 0 ? d * d : 0;
        }
        return sum;
    }

private:
    struct Keyed {
        std::uint64_t key = 0;
        std::uint32_t index = 0;
    };

    std::array<std::int64_t, 3> cube_of(const detail::Ecef& p) const noexcept
    {
        return {floor_to_int(p.x_m * m_per_m), floor_to_int(p.y_m * m_per_m), floor_to_int(p.z_m * m_per_m)};
    }
    /// floor(v) for |v| < 2^62 (cube coordinates stay below 2^21), without a call to libm's floor.
    static std::int64_t floor_to_int(double v) noexcept
    {
        const auto t = static_cast<std::int64_t>(v);  // rounds toward zero
        return t - (v < static_cast<double>(t) ? 1 : 0);
    }

    /// Least-significant-digit radix sort on the low `bits` bits of the keys, 11 bits a pass; a pass
    /// whose digit is the same for every key is skipped.
    static void radix_sort(std::vector<Keyed>& a, int bits)
    {
        constexpr int DIGIT_BITS = 11;
        constexpr std::uint64_t MASK = (std::uint64_t{1} << DIGIT_BITS) - 1;
        std::vector<Keyed> buffer(a.size());
        std::vector<std::uint32_t> count(MASK + 1);
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            std::fill(count.begin(), count.end(), 0);
            for (const auto& e : a)
                ++count[(e.key >> shift) & MASK];
            if (count[(a.front().key >> shift) & MASK] == a.size())
                continue;
            std::uint32_t sum = 0;
            for (auto& c : count)
                sum += std::exchange(c, sum);
            for (const auto& e : a)
                buffer[count[(e.key >> shift) & MASK]++] = e;
            a.swap(buffer);
        }
    }

    double m_per_m;  // fine cubes per metre
    std::vector<std::uint32_t> m_original;
    std::vector<detail::Ecef> m_ecef;
    std::vector<std::uint32_t> m_fine_begin;  // per fine cube, and the end
    std::vector<std::array<std::int32_t, 3>> m_fine_cube;
    std::vector<std::uint32_t> m_coarse_fine_begin;  // per coarse cube, and the end
    std::vector<std::uint32_t> m_run_begin;          // per coarse cube, and the end
    std::vector<Run> m_runs;
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
    const auto t = detail::chord_thresholds(eps_m);
    const double reject_m = std::sqrt(t.reject_above_m2);
    // Fine cubes of accept / sqrt(3), a hair less for rounding (at least 8 m: a tiny eps only makes
    // cubes hold farther points). They are at least an eighth of the reach wide, so that no coarse
    // cube looks more than 4 cubes away: that only matters when eps is so large (beyond 11,800 km)
    // that the chord bounds accept little or nothing.
    const double fine_m = std::max({std::sqrt(std::max(t.accept_up_to_m2, 0.0) / 3.0) * (1.0 - 1e-9),
                                    reject_m / 8.0, DbscanGrid::MIN_FINE_M});
    const bool fine_within_eps = 3.0 * fine_m * fine_m <= t.accept_up_to_m2;
    const int reach = static_cast<int>(std::ceil(reject_m / (2.0 * fine_m)));
    const DbscanGrid grid(points, fine_m, reach);
    // Fine cubes whose gap exceeds reject (plus a micrometre for rounding) hold no pair within eps.
    const double max_gap = (reject_m + 1e-6) / fine_m;
    const double max_gap_squared = max_gap * max_gap;

    auto within = [&](std::uint32_t a, std::uint32_t b) {
        const double c2 = detail::chord_squared_m2(grid.ecef(a), grid.ecef(b));
        return c2 <= t.accept_up_to_m2 ||
               (c2 <= t.reject_above_m2 &&
                symmetric_distance_m(points[grid.original(a)], points[grid.original(b)]) <= eps_m);
    };

    // Core points (by position k in grid order): at least min_points points, itself included, within
    // eps. A fine cube within eps counts its own points without a distance.
    std::vector<std::uint8_t> core(n, 0);
    for (std::uint32_t c = 0; c < grid.coarse_count(); ++c)
        for (std::uint32_t f = grid.first_fine(c); f < grid.last_fine(c); ++f) {
            const std::uint32_t own_first = grid.first_point(f), own_size = grid.last_point(f) - own_first;
            if (fine_within_eps && own_size >= min_points) {
                std::fill_n(core.begin() + own_first, own_size, std::uint8_t{1});
                continue;
            }
            for (std::uint32_t k = own_first; k < own_first + own_size; ++k) {
                std::size_t count = fine_within_eps ? own_size : 0;
                for (const auto& run : grid.neighbours(c)) {
                    for (std::uint32_t j = run.first_point; j < run.last_point && count < min_points; ++j)
                        if (!(fine_within_eps && j - own_first < own_size) && within(k, j))
                            ++count;
                    if (count >= min_points)
                        break;
                }
                core[k] = count >= min_points ? 1 : 0;
            }
        }

    // Clusters: connected components of core points within eps of each other. The core points of a
    // fine cube are one component when the cube is within eps; then a pair of fine cubes already in
    // one component needs no distance at all, and one pair within eps joins them.
    DisjointSets<std::uint32_t> sets(n);
    constexpr std::uint32_t NO_CORE = UINT32_MAX;
    std::vector<std::uint32_t> first_core(grid.fine_count(), NO_CORE);  // per fine cube
    for (std::uint32_t f = 0; f < grid.fine_count(); ++f)
        for (std::uint32_t k = grid.first_point(f); k < grid.last_point(f); ++k)
            if (core[k]) {
                if (first_core[f] == NO_CORE)
                    first_core[f] = k;
                else if (fine_within_eps)
                    sets.unite(first_core[f], k);
            }
    for (std::uint32_t c = 0; c < grid.coarse_count(); ++c)
        for (std::uint32_t f = grid.first_fine(c); f < grid.last_fine(c); ++f) {
            if (first_core[f] == NO_CORE)
                continue;
            for (const auto& run : grid.neighbours(c))
                for (std::uint32_t g = std::max(run.first_fine, f); g < run.last_fine; ++g) {
                    if (first_core[g] == NO_CORE || (g == f && fine_within_eps) ||
                        static_cast<double>(grid.cube_gap_squared(f, g)) > max_gap_squared)
                        continue;
                    for (std::uint32_t i = first_core[f]; i < grid.last_point(f); ++i) {
                        if (!core[i])
                            continue;
                        if (fine_within_eps && sets.find(first_core[f]) == sets.find(first_core[g]))
                            break;  // every core point of both cubes is already in one cluster
                        for (std::uint32_t j = std::max(first_core[g], g == f ? i + 1 : 0); j < grid.last_point(g); ++j)
                            if (core[j] && sets.find(i) != sets.find(j) && within(i, j)) {
                                sets.unite(i, j);
                                if (fine_within_eps)
                                    break;
                            }
                    }
                }
        }
    // Labels in the canonical order; clusters are identified by their union-find root (a position).
    constexpr std::uint32_t NO_GROUP = UINT32_MAX;
    std::vector<std::uint32_t> group_of(n, NO_GROUP);  // by the caller's index
    for (std::uint32_t k = 0; k < n; ++k)
        if (core[k])
            group_of[grid.original(k)] = sets.find(k);
    const auto label_of_group = canonical_labels(points, group_of, n);
    for (std::size_t i = 0; i < n; ++i)
        if (group_of[i] != NO_GROUP) {
            result.is_core[i] = true;
            result.label[i] = label_of_group[group_of[i]];
        }
    result.cluster_count = static_cast<int>(std::count_if(label_of_group.begin(), label_of_group.end(),
                                                          [](int l) { return l != NOISE_LABEL; }));

    // Border points: the cluster of the nearest core point within eps, ties to the lowest label. When
    // every core point within eps is in one cluster, that is the answer without a distance; otherwise
    // chord bounds rule out the core points that cannot be the nearest and the others are measured.
    struct Candidate {
        std::uint32_t point;  // the caller's index
        int label;
        double chord_m;
    };
    std::vector<Candidate> candidates;
    for (std::uint32_t c = 0; c < grid.coarse_count(); ++c)
        for (std::uint32_t k = grid.first_point(grid.first_fine(c)); k < grid.first_point(grid.last_fine(c)); ++k) {
            if (core[k])
                continue;
            candidates.clear();
            bool one_label = true;
            double nearest_chord_m = INF;
            for (const auto& run : grid.neighbours(c))
                for (std::uint32_t j = run.first_point; j < run.last_point; ++j)
                    if (core[j] && within(k, j)) {
                        const std::uint32_t q = grid.original(j);
                        const double chord_m = std::sqrt(detail::chord_squared_m2(grid.ecef(k), grid.ecef(j)));
                        candidates.push_back({q, result.label[q], chord_m});
                        one_label = one_label && result.label[q] == candidates.front().label;
                        nearest_chord_m = std::min(nearest_chord_m, chord_m);
                    }
            if (candidates.empty())
                continue;  // noise
            const std::uint32_t i = grid.original(k);
            if (one_label) {
                result.label[i] = candidates.front().label;
                continue;
            }
            const double best_upper_m = detail::geodesic_upper_bound_m(nearest_chord_m);
            double best_m = INF;
            int best_label = NOISE_LABEL;
            for (const auto& [q, l, chord_m] : candidates) {
                if (detail::geodesic_lower_bound_m(chord_m) > best_upper_m)
                    continue;  // farther than some other core point for certain
                const double d_m = geodesic_distance_m(points[i], points[q]);
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

    DisjointSets<std::size_t> sets(n);
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
    DisjointSets<std::size_t> sets(n);
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
