// DBSCAN against the brute-force reference (cluster_references.hpp), hand-built sets with the expected
// labels written out, and order invariance.
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
