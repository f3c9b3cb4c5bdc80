// Radius and k-nearest queries against a brute-force geodesic reference.
#include "basural/geodesy.hpp"
#include "basural/spatial_index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

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
