// DBSCAN (Ester et al. 1996) on geodesic distances over two nested grids of Earth-centred cubes:
// docs/methods/clustering.md.
#include "basural/models/cluster.hpp"

#include "basural/base/number_text.hpp"
#include "cluster_common.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "geo/geodesic_bounds.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <utility>

namespace basural {

using namespace clustering;

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

    // Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
    // its working arrays (cube keys, sorting, runs of fine cubes, coarse cubes; marked by comments inside).
    // Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
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

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (the grid, core points, clusters, labels, border points; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
ClusterResult dbscan(const std::vector<LonLat>& points, double eps_m, std::size_t min_points)
{
    if (!std::isfinite(eps_m) || eps_m < 0.0)
        throw usage_error("dbscan: eps must be a finite distance >= 0 m, got " + format_value(eps_m));
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

}  // namespace basural
