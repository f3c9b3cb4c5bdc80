// Radius and k-nearest queries against a brute-force geodesic reference.
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

using namespace basural;

namespace {
std::vector<LonLat> random_points(std::size_t n, double lon0, double lon1, double lat0, double lat1, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(lon0, lon1), lat(lat0, lat1);
    std::vector<LonLat> pts(n);
    for (auto& p : pts)
        p = {lon(rng), lat(rng)};
    return pts;
}

std::vector<Neighbour> brute_within(const std::vector<LonLat>& pts, const LonLat& c, double r_m)
{
    std::vector<Neighbour> out;
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (const double d = geodesic_distance_m(c, pts[i]); d <= r_m)
            out.push_back({i, d});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.index < b.index;
    });
    return out;
}
}  // namespace

TEST_CASE("radius queries equal brute force, at the equator, high latitudes and the antimeridian", "[spatial_index]")
{
    struct Region { double lon0, lon1, lat0, lat1; };
    for (const auto& reg : {Region{-75, -60, -5, 5}, Region{-75, -60, -56, -45}, Region{175, 180, -20, -10},
                            Region{-180, -175, -20, -10}}) {
        auto pts = random_points(800, reg.lon0, reg.lon1, reg.lat0, reg.lat1, 42);
        SpatialIndex index(pts);
        for (std::size_t q = 0; q < 40; ++q) {
            for (double r_m : {1000.0, 50000.0, 250000.0}) {
                const auto expected = brute_within(pts, pts[q * 7], r_m);
                CHECK(index.within_m(pts[q * 7], r_m) == expected);
            }
        }
    }
}

TEST_CASE("a radius query crossing the antimeridian finds points on both sides", "[spatial_index]")
{
    SpatialIndex index({{179.9, -17.0}, {-179.9, -17.0}, {170.0, -17.0}});
    const auto hits = index.within_m({179.99, -17.0}, 30000.0);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].index == 0);
    CHECK(hits[1].index == 1);
}

TEST_CASE("k-nearest equals the first k of a brute-force sort", "[spatial_index]")
{
    auto pts = random_points(500, -80, -35, -35, 5, 7);
    SpatialIndex index(pts);
    for (std::size_t q = 0; q < 30; ++q) {
        const LonLat c{-60.0 + static_cast<double>(q), -10.0};
        auto all = brute_within(pts, c, 1e9);
        all.resize(5);
        CHECK(index.nearest(c, 5) == all);
    }
    CHECK(index.nearest({0, 0}, 0).empty());
    CHECK(index.nearest({0, 0}, 10000).size() == 500);
}

namespace {
std::vector<std::size_t> brute_indices(const std::vector<LonLat>& pts, const LonLat& c, double r_m)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (geodesic_distance_m(c, pts[i]) <= r_m)
            out.push_back(i);
    return out;
}
}  // namespace

TEST_CASE("the conservative box contains every geodesic circle and is tight", "[spatial_index]")
{
    // The extremes of latitude and longitude over a geodesic disc lie on its boundary circle, which
    // geodesic_direct traces independently of the bound's derivation.
    for (double lat : {0.0, -12.5, 23.4, -34.6, 45.0, -56.0, 70.0, -84.0}) {
        for (double r_m : {1.0, 1000.0, 20000.0, 50000.0, 250000.0, 1.5e6, 5e6}) {
            const LonLat c{-60.0, lat};
            const auto span = conservative_degree_span(c, r_m);
            double max_dlat = 0.0, max_dlon = 0.0;
            for (int k = 0; k < 3600; ++k) {
                const auto p = geodesic_direct(c, k * 0.1, r_m);
                max_dlat = std::max(max_dlat, std::fabs(p.lat_deg - lat));
                double dlon = std::fabs(p.lon_deg - c.lon_deg);
                dlon = std::min(dlon, 360.0 - dlon);
                max_dlon = std::max(max_dlon, dlon);
            }
            INFO("lat " << lat << " r_m " << r_m);
            CHECK(max_dlat <= span.dlat_deg);
            CHECK(max_dlon <= span.dlon_deg);
            if (r_m <= 50000.0 && std::fabs(lat) <= 60.0) {
                // within a few per cent of the true extent (the old bound was pi/2 too wide)
                CHECK(span.dlat_deg <= 1.02 * max_dlat + 1e-8);
                CHECK(span.dlon_deg <= 1.03 * max_dlon + 1e-8);
            }
        }
    }
}

TEST_CASE("indices_within_m equals brute force, including points on the boundary", "[spatial_index]")
{
    struct Region { double lon0, lon1, lat0, lat1; };
    for (const auto& reg : {Region{-75, -60, -5, 5}, Region{-75, -60, -56, -45}, Region{175, 180, -20, -10},
                            Region{-118, -34, -56, 33}}) {
        auto pts = random_points(600, reg.lon0, reg.lon1, reg.lat0, reg.lat1, 11);
        SpatialIndex index(pts);
        for (std::size_t q = 0; q < 30; ++q)
            for (double r_m : {0.0, 1000.0, 50000.0, 250000.0, 2.0e6, 1.5e7}) {
                const auto expected = brute_indices(pts, pts[q * 11], r_m);
                CHECK(index.indices_within_m(pts[q * 11], r_m) == expected);
                CHECK(index.count_within_m(pts[q * 11], r_m) == expected.size());
                std::vector<std::size_t> buffer{99, 98};  // cleared first
                index.indices_within_m(pts[q * 11], r_m, buffer);
                std::sort(buffer.begin(), buffer.end());
                CHECK(buffer == expected);
            }
    }
    // Points placed on, just inside and just outside the circle, where the cheap bounds cannot decide
    // and the geodesic must be computed.
    for (double lat : {0.0, -33.0, 60.0}) {
        const LonLat c{-70.0, lat};
        for (double r_m : {1.0, 1000.0, 50000.0, 1.0e6, 5.0e6}) {
            std::vector<LonLat> pts;
            for (int k = 0; k < 36; ++k)
                for (double dr : {-1e-6, -1e-9, 0.0, 1e-9, 1e-6})
                    pts.push_back(geodesic_direct(c, k * 10.0 + 3.0, r_m * (1.0 + dr)));
            SpatialIndex index(pts);
            INFO("lat " << lat << " r_m " << r_m);
            CHECK(index.indices_within_m(c, r_m) == brute_indices(pts, c, r_m));
            CHECK(index.within_m(c, r_m) == brute_within(pts, c, r_m));
        }
    }
}

TEST_CASE("k-nearest equals brute force with duplicates, high latitudes and the antimeridian", "[spatial_index]")
{
    auto pts = random_points(300, 170, 180, -60, -40, 3);
    auto more = random_points(300, -180, -170, -60, -40, 4);
    pts.insert(pts.end(), more.begin(), more.end());
    for (std::size_t i = 0; i < 50; ++i)
        pts.push_back(pts[i * 3]);  // exact duplicates
    SpatialIndex index(pts);
    for (std::size_t q = 0; q < 40; ++q) {
        const LonLat c = pts[q * 13];
        for (std::size_t k : {1u, 2u, 5u, 17u, 100u}) {
            auto all = brute_within(pts, c, 1e9);
            all.resize(k);
            CHECK(index.nearest(c, k) == all);
            CHECK(index.kth_nearest_distance_m(c, k) == all.back().distance_m);
        }
    }
    CHECK(index.kth_nearest_distance_m(pts[0], 0) == 0.0);
    CHECK(index.kth_nearest_distance_m(pts[0], 1) == 0.0);  // the point itself
    CHECK(index.kth_nearest_distance_m(pts[0], 100000) == brute_within(pts, pts[0], 1e9).back().distance_m);
    CHECK(SpatialIndex({}).kth_nearest_distance_m({0, 0}, 3) == 0.0);
}

TEST_CASE("longitudes outside [-180, 180] are the same meridians", "[spatial_index]")
{
    // 190 E is 170 W; 540 is 180. Distances from geod_inverse do not care, the index must not either.
    const std::vector<LonLat> pts{{190.0, -17.0}, {-170.0, -17.1}, {540.0, 0.0}, {-179.95, 0.0}, {10.0, 0.0}};
    SpatialIndex index(pts);
    for (const auto& c : pts) {
        for (double r_m : {1000.0, 30000.0, 2.0e6}) {
            CHECK(index.within_m(c, r_m) == brute_within(pts, c, r_m));
            CHECK(index.indices_within_m(c, r_m) == brute_indices(pts, c, r_m));
        }
        auto all = brute_within(pts, c, 1e9);
        all.resize(2);
        CHECK(index.nearest(c, 2) == all);
    }
    CHECK(index.indices_within_m({-170.0, -17.0}, 20000.0) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("the pair self-join equals brute force, once per pair, and honours the wanted flags", "[spatial_index]")
{
    struct Region { double lon0, lon1, lat0, lat1; };
    for (const auto& reg : {Region{-75, -72, -5, -2}, Region{-70, -66, -56, -53}, Region{179, 180, -20, -19},
                            Region{-180, -179, -20, -19}}) {
        const auto pts = random_points(300, reg.lon0, reg.lon1, reg.lat0, reg.lat1, 7);
        const SpatialIndex index(pts);
        std::vector<char> wanted(pts.size(), 0);
        for (std::size_t i = 0; i < pts.size(); i += 3)
            wanted[i] = 1;
        for (const double r_m : {20000.0, 60000.0}) {
            for (const bool filtered : {false, true}) {
                std::vector<std::tuple<std::size_t, std::size_t, double>> expected, got;
                for (std::size_t a = 0; a < pts.size(); ++a)
                    for (std::size_t b = a + 1; b < pts.size(); ++b)
                        if (!filtered || wanted[a] || wanted[b])
                            if (const double d = geodesic_distance_m(pts[a], pts[b]); d <= r_m)
                                expected.emplace_back(a, b, d);
                index.for_each_pair_within_m(
                    r_m, [&](std::size_t a, std::size_t b, double d) { got.emplace_back(a, b, d); },
                    filtered ? &wanted : nullptr);
                std::sort(got.begin(), got.end());
                INFO("radius " << r_m << " m, filtered " << filtered);
                CHECK(!expected.empty());
                CHECK(got == expected);  // each pair once, a < b, the geodesic from a to b exactly
            }
        }
    }
    const SpatialIndex index(random_points(5, 0, 1, 0, 1, 1));
    const std::vector<char> too_few(3, 1);
    CHECK_THROWS(index.for_each_pair_within_m(1000.0, [](std::size_t, std::size_t, double) {}, &too_few));
}
