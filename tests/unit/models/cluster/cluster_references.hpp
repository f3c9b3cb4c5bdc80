#pragma once
// What the clustering tests share: point generators and the brute-force references (all-pairs
// geodesic distances, no index) that DBSCAN and HDBSCAN are checked against.
#include "basural/geo/geodesy.hpp"
#include "basural/models/cluster.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numeric>
#include <random>
#include <vector>

namespace basural::test {

inline constexpr int N = NOISE_LABEL;

inline bool lonlat_less(const LonLat& a, const LonLat& b)
{
    return a.lon_deg != b.lon_deg ? a.lon_deg < b.lon_deg : a.lat_deg < b.lat_deg;
}

/// Point `m` metres east (m > 0) or west (m < 0) of `base` along the geodesic through it.
inline LonLat east(const LonLat& base, double m) { return geodesic_direct(base, m >= 0 ? 90.0 : 270.0, std::fabs(m)); }

/// Blobs of points around random centres plus scattered points, over a region.
inline std::vector<LonLat> clustered_points(unsigned seed, std::size_t n, double lon0, double lon1, double lat0, double lat1,
                                     double sigma_m)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(lon0, lon1), lat(lat0, lat1), unit(0.0, 1.0);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<LonLat> centres;
    for (int c = 0; c < 8; ++c)
        centres.push_back({lon(rng), lat(rng)});
    std::vector<LonLat> pts;
    while (pts.size() < n) {
        if (unit(rng) < 0.25) {
            pts.push_back({lon(rng), lat(rng)});
        } else {
            const auto& c = centres[static_cast<std::size_t>(unit(rng) * 8.0) % 8];
            pts.push_back(geodesic_direct(c, 360.0 * unit(rng), std::fabs(gauss(rng)) * sigma_m));
        }
        if (unit(rng) < 0.03)
            pts.push_back(pts.back());  // exact duplicates happen in inventories
    }
    pts.resize(n);
    return pts;
}

// ------------------------------------------------------------------ brute-force DBSCAN reference

struct RefDbscan {
    std::vector<int> label;
    std::vector<bool> is_core;
    int cluster_count = 0;
};

using DistanceMatrix = std::vector<std::vector<double>>;

inline DistanceMatrix distance_matrix(const std::vector<LonLat>& p)
{
    DistanceMatrix d(p.size(), std::vector<double>(p.size()));
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = 0; j < p.size(); ++j)
            d[i][j] = geodesic_distance_m(p[i], p[j]);
    return d;
}

/// DBSCAN by its definition over all-pairs distances `d` (d[i][j] from point i to point j).
inline RefDbscan reference_dbscan(const std::vector<LonLat>& p, const DistanceMatrix& d, double eps_m, std::size_t min_points)
{
    const std::size_t n = p.size();
    RefDbscan r;
    r.is_core.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t count = 0;
        for (std::size_t j = 0; j < n; ++j)
            count += d[i][j] <= eps_m ? 1 : 0;
        r.is_core[i] = count >= min_points;
    }
    // Components of core points by breadth-first search.
    std::vector<int> comp(n, -1);
    int comps = 0;
    for (std::size_t s = 0; s < n; ++s) {
        if (!r.is_core[s] || comp[s] >= 0)
            continue;
        std::vector<std::size_t> queue{s};
        comp[s] = comps;
        for (std::size_t q = 0; q < queue.size(); ++q)
            for (std::size_t j = 0; j < n; ++j)
                if (r.is_core[j] && comp[j] < 0 && d[queue[q]][j] <= eps_m) {
                    comp[j] = comps;
                    queue.push_back(j);
                }
        ++comps;
    }
    // Number components by their smallest (lon, lat) core point.
    std::vector<std::size_t> key(static_cast<std::size_t>(comps), n);
    for (std::size_t i = 0; i < n; ++i)
        if (comp[i] >= 0) {
            auto& k = key[static_cast<std::size_t>(comp[i])];
            if (k == n || lonlat_less(p[i], p[k]))
                k = i;
        }
    std::vector<int> order(static_cast<std::size_t>(comps));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return lonlat_less(p[key[static_cast<std::size_t>(a)]], p[key[static_cast<std::size_t>(b)]]);
    });
    std::vector<int> label_of(static_cast<std::size_t>(comps));
    for (std::size_t r2 = 0; r2 < order.size(); ++r2)
        label_of[static_cast<std::size_t>(order[r2])] = static_cast<int>(r2);
    r.label.assign(n, N);
    for (std::size_t i = 0; i < n; ++i)
        if (r.is_core[i])
            r.label[i] = label_of[static_cast<std::size_t>(comp[i])];
    for (std::size_t i = 0; i < n; ++i) {
        if (r.is_core[i])
            continue;
        double best = 1e300;
        int best_label = N;
        for (std::size_t j = 0; j < n; ++j)
            if (r.is_core[j] && d[i][j] <= eps_m &&
                (d[i][j] < best || (d[i][j] == best && r.label[j] < best_label))) {
                best = d[i][j];
                best_label = r.label[j];
            }
        r.label[i] = best_label;
    }
    r.cluster_count = comps;
    return r;
}

/// dbscan equals the reference for every (eps, min_points) combination: labels, core flags, count.
inline void check_dbscan_against_reference(const std::vector<LonLat>& pts, std::initializer_list<double> eps_list_m,
                                    std::initializer_list<std::size_t> min_points_list)
{
    const auto d = distance_matrix(pts);
    for (const double eps_m : eps_list_m) {
        for (const std::size_t min_points : min_points_list) {
            INFO("eps_m " << eps_m << " min_points " << min_points);
            const auto ref = reference_dbscan(pts, d, eps_m, min_points);
            const auto got = dbscan(pts, eps_m, min_points);
            CHECK(got.cluster_count == ref.cluster_count);
            CHECK(got.is_core == ref.is_core);
            CHECK(got.label == ref.label);
            CHECK(got.core_distance_m.empty());
            CHECK(dbscan(SpatialIndex(pts), eps_m, min_points).label == ref.label);
        }
    }
}

// ------------------------------------------------------------- brute-force HDBSCAN pieces

inline std::vector<double> reference_core_distances(const std::vector<LonLat>& p, std::size_t k)
{
    std::vector<double> core(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        std::vector<double> d;
        for (const auto& q : p)
            d.push_back(geodesic_distance_m(p[i], q));
        std::sort(d.begin(), d.end());
        core[i] = d[std::min(k, d.size()) - 1];
    }
    return core;
}

/// Kruskal over all pairs of the mutual-reachability graph: the sorted edge weights of an MST
/// (the same multiset for every minimum spanning tree).
inline std::vector<double> reference_mst_weights(const std::vector<LonLat>& p, const std::vector<double>& core)
{
    struct E {
        double w;
        std::size_t a, b;
    };
    std::vector<E> edges;
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = i + 1; j < p.size(); ++j)
            edges.push_back({std::max({core[i], core[j], geodesic_distance_m(p[i], p[j])}), i, j});
    std::sort(edges.begin(), edges.end(), [](const E& x, const E& y) { return x.w < y.w; });
    std::vector<std::size_t> parent(p.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    std::vector<double> w;
    for (const auto& e : edges) {
        const auto ra = find(e.a), rb = find(e.b);
        if (ra != rb) {
            parent[ra] = rb;
            w.push_back(e.w);
        }
    }
    return w;
}

/// HDBSCAN* from its definition, without a spanning tree: for every distinct mutual-reachability
/// value delta (descending), the components of the complete graph restricted to edges lighter than
/// delta split the clusters alive at delta; then excess-of-mass selection and canonical labels.
struct RefHdbscan {
    std::vector<int> label;
    std::vector<double> stability_per_km;  // per label
    std::vector<double> probability;
    std::size_t condensed_clusters = 0;
};

inline RefHdbscan reference_hdbscan(const std::vector<LonLat>& p, std::size_t mcs, std::size_t k)
{
    const std::size_t n = p.size();
    const auto core = reference_core_distances(p, k);
    struct Pair {
        double w;
        std::size_t a, b;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            pairs.push_back({std::max({core[i], core[j], geodesic_distance_m(p[i], p[j])}), i, j});
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) { return x.w < y.w; });
    std::vector<double> levels;
    for (const auto& e : pairs)
        if (levels.empty() || e.w != levels.back())
            levels.push_back(e.w);
    // below[l][i]: component of i using only edges lighter than levels[l]
    std::vector<std::vector<std::size_t>> below(levels.size());
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    std::size_t next = 0;
    for (std::size_t l = 0; l < levels.size(); ++l) {
        for (; next < pairs.size() && pairs[next].w < levels[l]; ++next)
            parent[find(pairs[next].a)] = find(pairs[next].b);
        below[l].resize(n);
        for (std::size_t i = 0; i < n; ++i)
            below[l][i] = find(i);
    }
    struct Cluster {
        int parent;
        double birth;
        double stability = 0.0;
        double death = 0.0;  // largest lambda leaving it directly
        std::vector<std::size_t> alive;
        std::vector<int> children;
    };
    std::vector<Cluster> cl;
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    cl.push_back({-1, 0.0, 0.0, 0.0, all, {}});
    std::vector<int> point_cluster(n, 0);
    std::vector<double> point_lambda(n, 0.0);
    std::vector<int> alive{0};
    for (std::size_t l = levels.size(); l-- > 0;) {
        const double lambda = levels[l] > 0 ? 1000.0 / levels[l] : HUGE_VAL;
        std::vector<int> still;
        for (const int c : alive) {
            std::vector<std::vector<std::size_t>> parts;
            std::vector<std::size_t> part_root;
            for (const std::size_t i : cl[static_cast<std::size_t>(c)].alive) {
                const auto it = std::find(part_root.begin(), part_root.end(), below[l][i]);
                if (it == part_root.end()) {
                    part_root.push_back(below[l][i]);
                    parts.push_back({i});
                } else {
                    parts[static_cast<std::size_t>(it - part_root.begin())].push_back(i);
                }
            }
            if (parts.size() == 1) {
                still.push_back(c);
                continue;
            }
            std::size_t big = 0;
            for (const auto& part : parts)
                big += part.size() >= mcs ? 1 : 0;
            auto& C = cl[static_cast<std::size_t>(c)];
            const double birth = C.birth;
            for (const auto& part : parts) {
                if (part.size() < mcs || big == 0) {
                    for (const std::size_t i : part) {
                        point_cluster[i] = c;
                        point_lambda[i] = lambda;
                        cl[static_cast<std::size_t>(c)].stability += lambda - birth;
                    }
                    cl[static_cast<std::size_t>(c)].death = std::max(cl[static_cast<std::size_t>(c)].death, lambda);
                } else if (big == 1) {
                    cl[static_cast<std::size_t>(c)].alive = part;
                    still.push_back(c);
                } else {
                    cl[static_cast<std::size_t>(c)].stability += static_cast<double>(part.size()) * (lambda - birth);
                    cl[static_cast<std::size_t>(c)].death = std::max(cl[static_cast<std::size_t>(c)].death, lambda);
                    cl.push_back({c, lambda, 0.0, 0.0, part, {}});
                    cl[static_cast<std::size_t>(c)].children.push_back(static_cast<int>(cl.size() - 1));
                    still.push_back(static_cast<int>(cl.size() - 1));
                }
            }
        }
        alive = still;
    }
    // Excess of mass (children are created after their parents).
    const std::size_t m = cl.size();
    std::vector<double> value(m);
    std::vector<bool> chosen(m, false);
    for (std::size_t c = m; c-- > 1;) {
        double sum = 0.0;
        for (const int ch : cl[c].children)
            sum += value[static_cast<std::size_t>(ch)];
        chosen[c] = cl[c].children.empty() || !(sum > cl[c].stability);
        value[c] = chosen[c] ? cl[c].stability : sum;
    }
    std::vector<int> selected_of(m, -1);
    for (std::size_t c = 1; c < m; ++c) {
        const int above = selected_of[static_cast<std::size_t>(cl[c].parent)];
        selected_of[c] = above >= 0 ? above : (chosen[c] ? static_cast<int>(c) : -1);
    }
    RefHdbscan r;
    r.condensed_clusters = m;
    std::vector<std::size_t> key(m, n);
    for (std::size_t i = 0; i < n; ++i) {
        const int s = selected_of[static_cast<std::size_t>(point_cluster[i])];
        if (s >= 0 && (key[static_cast<std::size_t>(s)] == n || lonlat_less(p[i], p[key[static_cast<std::size_t>(s)]])))
            key[static_cast<std::size_t>(s)] = i;
    }
    std::vector<std::size_t> sel;
    for (std::size_t c = 0; c < m; ++c)
        if (key[c] != n)
            sel.push_back(c);
    std::sort(sel.begin(), sel.end(), [&](std::size_t a, std::size_t b) { return lonlat_less(p[key[a]], p[key[b]]); });
    std::vector<int> label_of(m, N);
    for (std::size_t r2 = 0; r2 < sel.size(); ++r2) {
        label_of[sel[r2]] = static_cast<int>(r2);
        r.stability_per_km.push_back(cl[sel[r2]].stability);
    }
    r.label.assign(n, N);
    r.probability.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const int s = selected_of[static_cast<std::size_t>(point_cluster[i])];
        if (s < 0)
            continue;
        r.label[i] = label_of[static_cast<std::size_t>(s)];
        const double top = cl[static_cast<std::size_t>(s)].death;
        r.probability[i] = std::isinf(point_lambda[i]) ? 1.0 : std::min(point_lambda[i], top) / top;
    }
    return r;
}

inline std::vector<std::size_t> shuffled_order(std::size_t n, unsigned seed)
{
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(perm.begin(), perm.end(), rng);
    return perm;
}

}  // namespace basural::test
