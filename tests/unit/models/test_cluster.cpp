// DBSCAN and HDBSCAN against brute-force references written here (all-pairs geodesic distances, no
// index), hand-built sets with the expected labels written out, and order invariance.
#include "basural/models/cluster.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace basural;

namespace {

constexpr int N = NOISE_LABEL;

bool lonlat_less(const LonLat& a, const LonLat& b)
{
    return a.lon_deg != b.lon_deg ? a.lon_deg < b.lon_deg : a.lat_deg < b.lat_deg;
}

/// Point `m` metres east (m > 0) or west (m < 0) of `base` along the geodesic through it.
LonLat east(const LonLat& base, double m) { return geodesic_direct(base, m >= 0 ? 90.0 : 270.0, std::fabs(m)); }

/// Blobs of points around random centres plus scattered points, over a region.
std::vector<LonLat> clustered_points(unsigned seed, std::size_t n, double lon0, double lon1, double lat0, double lat1,
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

DistanceMatrix distance_matrix(const std::vector<LonLat>& p)
{
    DistanceMatrix d(p.size(), std::vector<double>(p.size()));
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = 0; j < p.size(); ++j)
            d[i][j] = geodesic_distance_m(p[i], p[j]);
    return d;
}

/// DBSCAN by its definition over all-pairs distances `d` (d[i][j] from point i to point j).
RefDbscan reference_dbscan(const std::vector<LonLat>& p, const DistanceMatrix& d, double eps_m, std::size_t min_points)
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
void check_dbscan_against_reference(const std::vector<LonLat>& pts, std::initializer_list<double> eps_list_m,
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

std::vector<double> reference_core_distances(const std::vector<LonLat>& p, std::size_t k)
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
std::vector<double> reference_mst_weights(const std::vector<LonLat>& p, const std::vector<double>& core)
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

RefHdbscan reference_hdbscan(const std::vector<LonLat>& p, std::size_t mcs, std::size_t k)
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

std::vector<std::size_t> shuffled_order(std::size_t n, unsigned seed)
{
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(perm.begin(), perm.end(), rng);
    return perm;
}

}  // namespace

// ============================================================================================ DBSCAN

TEST_CASE("DBSCAN equals a brute-force reference on random sets", "[cluster][dbscan]")
{
    struct Set { unsigned seed; double lon0, lon1, lat0, lat1, sigma_m; };
    for (const auto& s : {Set{1, -75, -70, -15, -10, 8000}, Set{2, -72, -68, -56, -52, 15000},
                          Set{3, 178, 182, -20, -16, 10000} /* across the antimeridian */,
                          Set{4, -100, -95, 17, 21, 4000}}) {
        INFO("seed " << s.seed);
        check_dbscan_against_reference(clustered_points(s.seed, 260, s.lon0, s.lon1, s.lat0, s.lat1, s.sigma_m),
                                       {2000.0, 8000.0, 25000.0}, {1, 3, 6});
    }
}

TEST_CASE("DBSCAN equals the reference at metre scale, where grid cells no longer guarantee eps", "[cluster][dbscan]")
{
    // eps of a few metres: the grid's 8 m cells are wider than eps / sqrt(3), so pairs inside a cell
    // are tested too (and at 30 m they are not)
    check_dbscan_against_reference(clustered_points(11, 300, -58.4, -58.3999, -34.6, -34.5999, 6.0),
                                   {0.5, 3.0, 9.0, 30.0}, {1, 2, 4});
}

TEST_CASE("DBSCAN equals the reference with an eps of thousands of km, up to the whole Earth", "[cluster][dbscan]")
{
    // Beyond a 12,000 km chord the geodesic bounds accept nothing: every pair is measured.
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-89.0, 89.0);
    std::vector<LonLat> pts(60);
    for (auto& p : pts)
        p = {lon(rng), lat(rng)};
    pts.push_back({0.0, 90.0});   // a pole
    pts.push_back({180.0, 0.0});  // and its antipodal neighbours
    pts.push_back({0.0, 0.0});
    check_dbscan_against_reference(pts, {3.0e6, 9.0e6, 1.5e7, 2.1e7}, {1, 4, 20});
}

TEST_CASE("DBSCAN equals the reference where many points share a grid cube", "[cluster][dbscan]")
{
    // 700 points in an 11 km square, three in four of them in eight blobs of about 1 km: cubes of
    // eps / sqrt(3) hold tens of points, so the dense-cube shortcuts (all core, one cluster, one pair
    // joins two cubes) carry most of the work, and blobs sit astride cube boundaries at every eps.
    check_dbscan_against_reference(clustered_points(21, 700, -47.95, -47.85, -15.85, -15.75, 900.0),
                                   {150.0, 400.0, 1200.0}, {2, 8, 30});
}

TEST_CASE("DBSCAN equals the reference around a pole", "[cluster][dbscan]")
{
    // Longitudes of every value converge here: the grid is in Earth-centred space, so neighbours across
    // the pole and across the antimeridian are found like any others.
    for (const double pole_lat : {88.0, -88.0}) {
        INFO("pole at latitude " << (pole_lat > 0 ? 90 : -90));
        check_dbscan_against_reference(clustered_points(31, 260, -180.0, 180.0, pole_lat > 0 ? 87.5 : -90.0,
                                                        pole_lat > 0 ? 90.0 : -87.5, 20000.0),
                                       {5000.0, 30000.0}, {1, 4});
    }
}

TEST_CASE("DBSCAN known answer: tie rule, nearest core, chain, noise", "[cluster][dbscan]")
{
    // eps = 1000 m, min_points = 4. All points on the equator, where the geodesic is the equator and
    // distances are a * (difference of longitude in radians): the offsets below are the distances.
    std::vector<LonLat> p;
    // Tie gadget around X = (0, 0): cores C1 at -900 m and C2 at +900 m, each with two more points
    // (P at 1800 m, P' at 1700 m from X on its side). C1's neighbourhood {C1, X 900, P 900, P' 800}: 4, core.
    // X sees {X, C1, C2}: 3, not core; it is 900 m from both cores (mirror images: exactly equal), so the
    // tie goes to the lower label, C1's cluster (C1 has the smaller longitude).
    const LonLat X{0.0, 0.0};
    p.push_back(X);              // 0  X   border, tie -> label 0
    p.push_back(east(X, -900));  // 1  C1  core, label 0
    p.push_back(east(X, -1800)); // 2  P1  border of C1 (900 m)
    p.push_back(east(X, -1700)); // 3  P1' border of C1 (800 m)
    p.push_back(east(X, 900));   // 4  C2  core, label 1
    p.push_back(east(X, 1800));  // 5  P2
    p.push_back(east(X, 1700));  // 6  P2'
    // Nearest-core gadget at B = (1, 0): cores D1 = B and D2 at +1600 m (1600 > eps: separate clusters).
    // Y at +950 m is 950 m from D1 and 650 m from D2: it joins D2 (label 3) although D1's cluster has
    // the lower label 2. D1 sees {D1, Q1 500, Q2 600, Y 950}; D2 sees {D2, Y 650, R1 500, R2 600}.
    const LonLat B{1.0, 0.0};
    p.push_back(B);              // 7  D1  core, label 2
    p.push_back(east(B, -500));  // 8  Q1  {Q1, Q2, D1}: border
    p.push_back(east(B, -600));  // 9  Q2
    p.push_back(east(B, 1600));  // 10 D2  core, label 3
    p.push_back(east(B, 950));   // 11 Y   border -> 3
    p.push_back(east(B, 2100));  // 12 R1
    p.push_back(east(B, 2200));  // 13 R2
    // Chain at G = (2, 0): 11 points 400 m apart. Interior points see +-400 and +-800: 5 points, core;
    // the second from each end sees 4: core; the ends see 3: border. One cluster, label 4.
    const LonLat G{2.0, 0.0};
    for (int k = 0; k <= 10; ++k)
        p.push_back(east(G, 400.0 * k));  // 14..24
    // Noise: an isolated point and a pair (2 < 4).
    p.push_back({3.0, 0.0});                  // 25
    p.push_back({4.0, 0.0});                  // 26
    p.push_back(east({4.0, 0.0}, 300.0));     // 27

    // The premises: the tie is exact, and the hand distances hold to a micrometre.
    REQUIRE(geodesic_distance_m(p[0], p[1]) == geodesic_distance_m(p[0], p[4]));
    CHECK(geodesic_distance_m(p[0], p[1]) == Approx(900.0).margin(1e-6));
    CHECK(geodesic_distance_m(p[11], p[7]) == Approx(950.0).margin(1e-6));
    CHECK(geodesic_distance_m(p[11], p[10]) == Approx(650.0).margin(1e-6));
    CHECK(geodesic_distance_m({0.0, 0.0}, {1.0, 0.0}) == Approx(WGS84_A_M * 3.14159265358979323846 / 180.0).epsilon(1e-12));

    const auto r = dbscan(p, 1000.0, 4);
    const std::vector<int> expected_label{0, 0, 0, 0, 1, 1, 1,      // tie gadget
                                          2, 2, 2, 3, 3, 3, 3,      // nearest-core gadget
                                          4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,  // chain
                                          N, N, N};
    const std::vector<bool> expected_core{false, true, false, false, true, false, false,
                                          true, false, false, true, false, false, false,
                                          false, true, true, true, true, true, true, true, true, true, false,
                                          false, false, false};
    CHECK(r.cluster_count == 5);
    CHECK(r.label == expected_label);
    CHECK(r.is_core == expected_core);

    // min_points = 1: every point is core; clusters are the components of the 1000 m graph:
    // the tie gadget is one chain (gaps <= 900 m), D1's side {Q2, Q1, D1, Y, D2, R1, R2} too
    // (gaps 100, 500, 950, 650, 500, 100), the chain, the isolated point and the pair.
    const auto r1 = dbscan(p, 1000.0, 1);
    CHECK(r1.cluster_count == 5);
    CHECK(r1.label == std::vector<int>{0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1,
                                       2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4});
}

TEST_CASE("DBSCAN labels do not depend on the input order", "[cluster][dbscan]")
{
    const auto pts = clustered_points(7, 400, -70, -64, -36, -31, 12000);
    for (double eps_m : {5000.0, 20000.0}) {
        const auto base = dbscan(pts, eps_m, 4);
        REQUIRE(base.cluster_count > 3);
        for (unsigned s = 0; s < 25; ++s) {
            const auto perm = shuffled_order(pts.size(), s);
            std::vector<LonLat> shuffled(pts.size());
            for (std::size_t i = 0; i < perm.size(); ++i)
                shuffled[i] = pts[perm[i]];
            const auto r = dbscan(shuffled, eps_m, 4);
            std::vector<int> back(pts.size());
            std::vector<bool> core_back(pts.size());
            for (std::size_t i = 0; i < perm.size(); ++i) {
                back[perm[i]] = r.label[i];
                core_back[perm[i]] = r.is_core[i];
            }
            CHECK(back == base.label);
            CHECK(core_back == base.is_core);
        }
    }
}

TEST_CASE("DBSCAN edge cases and bad parameters", "[cluster][dbscan]")
{
    CHECK(dbscan(std::vector<LonLat>{}, 1000.0, 3).cluster_count == 0);
    const auto one = dbscan(std::vector<LonLat>{{-60, -10}}, 1000.0, 1);
    CHECK(one.label == std::vector<int>{0});
    CHECK(dbscan(std::vector<LonLat>{{-60, -10}}, 1000.0, 2).label == std::vector<int>{N});
    // eps = 0: only coincident points are neighbours.
    const auto zero = dbscan(std::vector<LonLat>{{-60, -10}, {-60, -10}, {-60, -10.0001}}, 0.0, 2);
    CHECK(zero.label == std::vector<int>{0, 0, N});
    CHECK_THROWS_AS(dbscan(std::vector<LonLat>{{0, 0}}, -1.0, 3), usage_error);
    CHECK_THROWS_AS(dbscan(std::vector<LonLat>{{0, 0}}, std::nan(""), 3), usage_error);
    CHECK_THROWS_AS(dbscan(std::vector<LonLat>{{0, 0}}, 10.0, 0), usage_error);
    CHECK_THROWS_WITH(dbscan(std::vector<LonLat>{{0, 0}, {10, 95}}, 10.0, 2),
                      Catch::Contains("point 1") && Catch::Contains("latitude 95"));
    CHECK_THROWS_AS(dbscan(std::vector<LonLat>{{std::nan(""), 0}}, 10.0, 2), usage_error);
}

// =========================================================================================== HDBSCAN

TEST_CASE("core distances and the mutual-reachability MST equal brute force", "[cluster][hdbscan]")
{
    struct Set { unsigned seed; double lon0, lon1, lat0, lat1, sigma_m; std::size_t n; };
    for (const auto& s : {Set{11, -75, -70, -15, -10, 8000, 150}, Set{12, -72, -60, -56, -50, 30000, 120},
                          Set{13, 179, 181, -18, -16, 5000, 100}, Set{14, -90, -30, -40, 10, 50000, 160}}) {
        const auto pts = clustered_points(s.seed, s.n, s.lon0, s.lon1, s.lat0, s.lat1, s.sigma_m);
        const SpatialIndex index(pts);
        for (std::size_t k : {1u, 2u, 5u}) {
            INFO("seed " << s.seed << " k " << k);
            const auto core = core_distances_m(index, k);
            CHECK(core == reference_core_distances(pts, k));
            const auto mst = mutual_reachability_mst(index, core);
            REQUIRE(mst.size() == pts.size() - 1);
            std::vector<double> w;
            for (const auto& e : mst) {
                CHECK(e.a < e.b);
                CHECK(e.weight_m == std::max({core[e.a], core[e.b], geodesic_distance_m(pts[e.a], pts[e.b])}));
                w.push_back(e.weight_m);
            }
            CHECK(std::is_sorted(w.begin(), w.end()));
            CHECK(w == reference_mst_weights(pts, core));
            // and it spans: n - 1 edges without a cycle
            std::vector<std::size_t> parent(pts.size());
            std::iota(parent.begin(), parent.end(), 0);
            auto find = [&](std::size_t x) {
                while (parent[x] != x)
                    x = parent[x];
                return x;
            };
            std::size_t joined = 0;
            for (const auto& e : mst)
                if (find(e.a) != find(e.b)) {
                    parent[find(e.a)] = find(e.b);
                    ++joined;
                }
            CHECK(joined == pts.size() - 1);
        }
    }
}

TEST_CASE("HDBSCAN equals a reference computed from the definition, without a spanning tree", "[cluster][hdbscan]")
{
    struct Set { unsigned seed; double lon0, lon1, lat0, lat1, sigma_m; };
    for (const auto& s : {Set{41, -75, -72, -15, -12, 6000}, Set{42, -72, -68, -56, -52, 12000},
                          Set{43, 179, 181, -18, -16, 5000}, Set{44, -100, -97, 17, 20, 3000}}) {
        const auto pts = clustered_points(s.seed, 90, s.lon0, s.lon1, s.lat0, s.lat1, s.sigma_m);
        for (std::size_t mcs : {3u, 5u, 8u}) {
            for (std::size_t k : {1u, 2u, 5u}) {
                INFO("seed " << s.seed << " min_cluster_size " << mcs << " min_samples " << k);
                const auto ref = reference_hdbscan(pts, mcs, k);
                REQUIRE(ref.stability_per_km.size() >= 5);  // the sets have structure to find
                const auto got = hdbscan(pts, {mcs, k});
                CHECK(got.label == ref.label);
                CHECK(got.condensed_tree.size() == ref.condensed_clusters);
                REQUIRE(got.cluster_stability_per_km.size() == ref.stability_per_km.size());
                for (std::size_t c = 0; c < ref.stability_per_km.size(); ++c) {
                    if (std::isinf(ref.stability_per_km[c]))
                        CHECK(got.cluster_stability_per_km[c] == ref.stability_per_km[c]);
                    else
                        CHECK(got.cluster_stability_per_km[c] == Approx(ref.stability_per_km[c]).epsilon(1e-12));
                }
                for (std::size_t i = 0; i < pts.size(); ++i)
                    CHECK(got.probability[i] == Approx(ref.probability[i]).epsilon(1e-12));
            }
        }
    }
}

TEST_CASE("HDBSCAN known answer: stabilities derived by hand", "[cluster][hdbscan]")
{
    // min_cluster_size 3, min_samples 2 (core distance = distance to the nearest other point).
    // Points on the equator, offsets in metres from (-50, 0). lambda = 1 / distance in 1/km.
    const LonLat O{-50.0, 0.0};
    auto make = [&](const std::vector<double>& offsets_m) {
        std::vector<LonLat> p;
        for (const double m : offsets_m)
            p.push_back(east(O, m));
        return p;
    };
    SECTION("the parent is more stable than its two children")
    {
        // P = {0, 100, 200}, Q = {350, 450, 550}, R = {5000, 5100, 5200}. Every core distance is 100 m.
        // Mutual reachability: 100 inside each group, 150 between P and Q (200 -> 350), 4450 Q to R.
        // Root (9) splits at 4450 m into PQ (6) and R (3), both born at lambda 1/4.45 = 0.224719.
        // PQ splits at 150 m (lambda 6.666667) into P and Q: stability(PQ) = 6 (6.666667 - 0.224719) = 38.651685.
        // P and Q dissolve at 100 m (lambda 10): stability 3 (10 - 6.666667) = 10 each; 10 + 10 < 38.65,
        // so PQ is kept. R dissolves at 100 m: 3 (10 - 0.224719) = 29.325843.
        const auto p = make({0, 100, 200, 350, 450, 550, 5000, 5100, 5200});
        const auto r = hdbscan(p, {3, 2});
        CHECK(r.cluster_count == 2);
        CHECK(r.label == std::vector<int>{0, 0, 0, 0, 0, 0, 1, 1, 1});
        REQUIRE(r.cluster_stability_per_km.size() == 2);
        CHECK(r.cluster_stability_per_km[0] == Approx(6.0 * (1.0 / 0.15 - 1.0 / 4.45)).epsilon(1e-9));
        CHECK(r.cluster_stability_per_km[1] == Approx(3.0 * (10.0 - 1.0 / 4.45)).epsilon(1e-9));
        // condensed tree: root, PQ, R, P, Q (children in order of their westernmost point)
        REQUIRE(r.condensed_tree.size() == 5);
        CHECK(r.condensed_tree[1].size == 6);
        CHECK(r.condensed_tree[1].birth_distance_m == Approx(4450.0).epsilon(1e-9));
        CHECK(r.condensed_tree[1].death_distance_m == Approx(150.0).epsilon(1e-9));
        CHECK(r.condensed_tree[1].selected);
        CHECK(r.condensed_tree[3].parent == 1);
        CHECK(r.condensed_tree[3].stability_per_km == Approx(10.0).epsilon(1e-9));
        CHECK_FALSE(r.condensed_tree[3].selected);
        // Every member stays until its cluster's densest level: probability 1.
        CHECK(r.probability == std::vector<double>(9, 1.0));
    }
    SECTION("two children more stable than their parent, and a noise point")
    {
        // As above with a 600 m gap between P and Q (200 -> 800) and a lone point at 9000 m.
        // Core distances: 100 for the groups; the lone point's nearest is 5200: 3800.
        // Levels: 100 (P, Q, R form), 600 (P + Q), 4000 (PQ + R: 1000 -> 5000),
        // 3800 < 4000 so the lone point joins R first: at max(3800, 100, 3800) = 3800.
        // Root (10) at 4000: PQ (6) and R+lone (4) are both big: born at lambda 1/4 = 0.25.
        // PQ at 600 m (lambda 1.666667) splits into P and Q: stability(PQ) = 6 (1.666667 - 0.25) = 8.5;
        // P, Q: 3 (10 - 1.666667) = 25 each; 50 > 8.5 so P and Q are kept.
        // R' (R + lone) at 3800 m (lambda 0.263158): the lone point falls out (R' goes on as R):
        // stability = (0.263158 - 0.25) + 3 (10 - 0.25) = 29.263158. The lone point is a member of R'.
        const auto p = make({0, 100, 200, 800, 900, 1000, 5000, 5100, 5200, 9000});
        const auto r = hdbscan(p, {3, 2});
        CHECK(r.cluster_count == 3);
        CHECK(r.label == std::vector<int>{0, 0, 0, 1, 1, 1, 2, 2, 2, 2});
        REQUIRE(r.cluster_stability_per_km.size() == 3);
        CHECK(r.cluster_stability_per_km[0] == Approx(25.0).epsilon(1e-9));
        CHECK(r.cluster_stability_per_km[1] == Approx(25.0).epsilon(1e-9));
        CHECK(r.cluster_stability_per_km[2] == Approx((1.0 / 3.8 - 0.25) + 3.0 * (10.0 - 0.25)).epsilon(1e-9));
        CHECK(r.core_distance_m[9] == Approx(3800.0).epsilon(1e-9));
        // The lone point leaves at lambda 1/3.8 while its cluster's densest level is 10:
        // probability 0.263158 / 10, GLOSH score 1 - 0.0263158.
        CHECK(r.probability[9] == Approx(1.0 / 3.8 / 10.0).epsilon(1e-9));
        CHECK(r.outlier_score[9] == Approx(1.0 - 1.0 / 3.8 / 10.0).epsilon(1e-9));
        CHECK_FALSE(r.is_core[9]);
        CHECK(r.is_core[6]);
        CHECK(r.outlier_score[0] == 0.0);
    }
    SECTION("merges at one distance are taken together")
    {
        // L = {-900, -800, -700}, S = {-50, 50}, R = {700, 800, 900} around O' = (0, 0), mirror images,
        // so L -> S and S -> R are exactly the same distance (650 m). At 650 m the three join in one step:
        // L and R (3 each) are clusters, S (2 < 3) falls out: noise. Merging pairwise in some order would
        // make S a member of L or R depending on the input order.
        const LonLat Z{0.0, 0.0};
        std::vector<LonLat> p;
        for (const double m : {-900.0, -800.0, -700.0, -50.0, 50.0, 700.0, 800.0, 900.0})
            p.push_back(east(Z, m));
        REQUIRE(geodesic_distance_m(p[2], p[3]) == geodesic_distance_m(p[4], p[5]));
        const auto r = hdbscan(p, {3, 2});
        CHECK(r.label == std::vector<int>{0, 0, 0, N, N, 1, 1, 1});
        for (unsigned s = 0; s < 20; ++s) {
            const auto perm = shuffled_order(p.size(), s);
            std::vector<LonLat> q(p.size());
            for (std::size_t i = 0; i < p.size(); ++i)
                q[i] = p[perm[i]];
            const auto rs = hdbscan(q, {3, 2});
            for (std::size_t i = 0; i < p.size(); ++i)
                CHECK(rs.label[i] == r.label[perm[i]]);
        }
    }
}

TEST_CASE("HDBSCAN recovers well-separated blobs and leaves far points as noise", "[cluster][hdbscan]")
{
    // Four 5 x 6 grids with 100 m spacing (30 points, uniform density: each is a leaf of the hierarchy)
    // 200-500 km apart, and six points over 1000 km from everything and each other.
    std::vector<LonLat> p;
    std::vector<int> truth;
    const std::vector<LonLat> centres{{-70, -20}, {-68, -21}, {-65, -19}, {-71, -24}};
    for (std::size_t b = 0; b < centres.size(); ++b)
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 6; ++j) {
                p.push_back(geodesic_direct(east(centres[b], 100.0 * i), 0.0, 100.0 * j));
                truth.push_back(static_cast<int>(b));
            }
    for (const LonLat far : {LonLat{-40, 0}, LonLat{-100, 20}, LonLat{-40, -50}, LonLat{-110, -40}, LonLat{-70, 15},
                             LonLat{-60, -50}}) {
        p.push_back(far);
        truth.push_back(N);
    }
    // Labels are numbered by the westernmost member: blob 3 (-71), 0 (-70), 1 (-68), 2 (-65).
    const std::vector<int> rename{1, 2, 3, 0};
    for (auto& t : truth)
        if (t != N)
            t = rename[static_cast<std::size_t>(t)];
    for (std::size_t min_samples : {0u, 3u, 8u}) {
        INFO("min_samples " << min_samples);
        const auto r = hdbscan(p, {5, min_samples});
        CHECK(r.cluster_count == 4);
        CHECK(r.label == truth);
        for (std::size_t i = 0; i < p.size(); ++i) {
            CHECK(r.probability[i] >= 0.0);
            CHECK(r.probability[i] <= 1.0);
            CHECK(r.outlier_score[i] >= 0.0);
            CHECK(r.outlier_score[i] <= 1.0);
        }
    }
}

TEST_CASE("HDBSCAN results do not depend on the input order", "[cluster][hdbscan]")
{
    const auto pts = clustered_points(21, 300, -70, -64, -36, -31, 10000);
    const auto base = hdbscan(pts, {5, 0});
    REQUIRE(base.cluster_count > 2);
    for (unsigned s = 0; s < 12; ++s) {
        const auto perm = shuffled_order(pts.size(), s + 100);
        std::vector<LonLat> shuffled(pts.size());
        for (std::size_t i = 0; i < perm.size(); ++i)
            shuffled[i] = pts[perm[i]];
        const auto r = hdbscan(shuffled, {5, 0});
        REQUIRE(r.cluster_count == base.cluster_count);
        for (std::size_t i = 0; i < perm.size(); ++i) {
            CHECK(r.label[i] == base.label[perm[i]]);
            CHECK(r.probability[i] == base.probability[perm[i]]);
            CHECK(r.outlier_score[i] == base.outlier_score[perm[i]]);
            CHECK(r.core_distance_m[i] == base.core_distance_m[perm[i]]);
        }
        CHECK(r.cluster_stability_per_km == base.cluster_stability_per_km);
        REQUIRE(r.condensed_tree.size() == base.condensed_tree.size());
        for (std::size_t c = 0; c < r.condensed_tree.size(); ++c) {
            CHECK(r.condensed_tree[c].parent == base.condensed_tree[c].parent);
            CHECK(r.condensed_tree[c].size == base.condensed_tree[c].size);
            CHECK(r.condensed_tree[c].stability_per_km == base.condensed_tree[c].stability_per_km);
            CHECK(r.condensed_tree[c].label == base.condensed_tree[c].label);
        }
    }
}

TEST_CASE("HDBSCAN edge cases and bad parameters", "[cluster][hdbscan]")
{
    CHECK(hdbscan({}, {5, 0}).label.empty());
    CHECK(hdbscan({{-60, -10}}, {5, 0}).label == std::vector<int>{N});
    // Fewer points than min_cluster_size: no cluster can form.
    CHECK(hdbscan({{-60, -10}, {-60.01, -10}, {-60.02, -10}}, {5, 0}).cluster_count == 0);
    // Ten coincident points (core distance 0, lambda +inf) next to a grid 100 km away: the coincident
    // group is a cluster of infinite stability; nothing becomes NaN.
    std::vector<LonLat> p(10, LonLat{-60, -10});
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            p.push_back(geodesic_direct(east({-59, -10}, 100.0 * i), 0.0, 100.0 * j));
    const auto r = hdbscan(p, {4, 3});
    CHECK(r.cluster_count == 2);
    CHECK(r.label == std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    for (std::size_t i = 0; i < p.size(); ++i) {
        CHECK_FALSE(std::isnan(r.probability[i]));
        CHECK_FALSE(std::isnan(r.outlier_score[i]));
    }
    CHECK(r.probability[0] == 1.0);
    CHECK(std::isinf(r.cluster_stability_per_km[0]));
    // The index overload gives the same result, and the progress callback ends at 1.
    double last_fraction = -1.0;
    const auto via_index = hdbscan(SpatialIndex(p), {4, 3}, [&](std::string_view, double f) { last_fraction = f; });
    CHECK(via_index.label == r.label);
    CHECK(last_fraction == 1.0);
    CHECK_THROWS_AS(hdbscan(p, {1, 0}), usage_error);
    CHECK_THROWS_AS(hdbscan({{0, 0}, {0, 91}}, {2, 0}), usage_error);
    const SpatialIndex index(p);
    CHECK_THROWS_AS(core_distances_m(index, 0), usage_error);
    CHECK_THROWS_AS(mutual_reachability_mst(index, {1.0, 2.0}), usage_error);
}

// =========================================================================================== summary

TEST_CASE("cluster summary: size, weight, centroid, central member", "[cluster]")
{
    // Cluster 0: lon -1, 0, 1 on the equator, weights 1, 2, 1. By symmetry the centroid is (0, 0), the
    // central member is the middle point, the farthest members are a * pi / 180 = 111 319.490793 m away
    // (the equator is a geodesic), and the weighted mean distance is (1 + 0 + 1) * 111 319.49 / 4.
    // Cluster 1: two points at (50, 10) and (50, -10), weight 0 each: unweighted centroid (50, 0).
    // The noise point is ignored.
    const std::vector<LonLat> p{{-1, 0}, {0, 0}, {1, 0}, {50, 10}, {50, -10}, {120, 0}};
    ClusterResult r;
    r.label = {0, 0, 0, 1, 1, N};
    r.is_core = {false, true, false, true, true, false};
    r.cluster_count = 2;
    const std::vector<double> w{1, 2, 1, 0, 0, 7};
    const auto s = cluster_summary(p, w, r);
    REQUIRE(s.size() == 2);
    const double degree_m = WGS84_A_M * 3.14159265358979323846 / 180.0;
    CHECK(s[0].label == 0);
    CHECK(s[0].size == 3);
    CHECK(s[0].core_count == 1);
    CHECK(s[0].total_weight == 4.0);
    CHECK(s[0].centroid.lon_deg == Approx(0.0).margin(1e-12));
    CHECK(s[0].centroid.lat_deg == Approx(0.0).margin(1e-12));
    CHECK(s[0].central_index == 1);
    CHECK(s[0].max_distance_from_centroid_m == Approx(degree_m).epsilon(1e-12));
    CHECK(s[0].mean_distance_from_centroid_m == Approx(degree_m / 2.0).epsilon(1e-12));
    CHECK(s[1].size == 2);
    CHECK(s[1].total_weight == 0.0);
    CHECK(s[1].centroid.lon_deg == Approx(50.0).epsilon(1e-12));
    CHECK(s[1].centroid.lat_deg == Approx(0.0).margin(1e-12));
    CHECK(s[1].central_index == 4);  // equidistant: the smaller (lon, lat), latitude -10
    // Unweighted: the middle of cluster 0 weighs like the others; the centroid is still (0, 0).
    const auto u = cluster_summary(p, {}, r);
    CHECK(u[0].total_weight == 3.0);
    CHECK(u[0].mean_distance_from_centroid_m == Approx(2.0 * degree_m / 3.0).epsilon(1e-12));

    CHECK_THROWS_AS(cluster_summary(p, {1, 2}, r), usage_error);
    CHECK_THROWS_AS(cluster_summary(p, {1, 2, 1, 0, -1, 7}, r), usage_error);
    CHECK_THROWS_AS(cluster_summary({{0, 0}}, {}, r), usage_error);
}

TEST_CASE("cluster summary does not depend on the input order", "[cluster]")
{
    const auto pts = clustered_points(31, 200, -70, -66, -36, -33, 10000);
    std::vector<double> w(pts.size());
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = 1.0 + static_cast<double>(i % 7) * 13.25;
    const auto base = cluster_summary(pts, w, dbscan(pts, 15000.0, 3));
    REQUIRE(base.size() > 2);
    for (unsigned s = 0; s < 5; ++s) {
        const auto perm = shuffled_order(pts.size(), s);
        std::vector<LonLat> q(pts.size());
        std::vector<double> qw(pts.size());
        for (std::size_t i = 0; i < perm.size(); ++i) {
            q[i] = pts[perm[i]];
            qw[i] = w[perm[i]];
        }
        const auto got = cluster_summary(q, qw, dbscan(q, 15000.0, 3));
        REQUIRE(got.size() == base.size());
        for (std::size_t c = 0; c < got.size(); ++c) {
            CHECK(got[c].size == base[c].size);
            CHECK(got[c].total_weight == base[c].total_weight);
            CHECK(got[c].centroid == base[c].centroid);
            CHECK(q[got[c].central_index] == pts[base[c].central_index]);
            CHECK(got[c].mean_distance_from_centroid_m == base[c].mean_distance_from_centroid_m);
        }
    }
}
