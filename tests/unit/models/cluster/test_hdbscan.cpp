// HDBSCAN, core distances and the mutual-reachability MST against references computed from the
// definitions (cluster_references.hpp), stabilities derived by hand, and order invariance.
#include "basural/models/cluster.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "cluster_references.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace basural;
using namespace basural::test;

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
