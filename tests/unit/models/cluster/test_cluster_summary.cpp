// Cluster summaries: sizes, weights, centroids and central members by hand, and order invariance.
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
