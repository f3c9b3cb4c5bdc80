// Population near active dumps, on places put at exact geodesic distances with geodesic_direct.
#include "basural/base/error.hpp"
#include "basural/reports/exposure.hpp"
#include "basural/geo/geodesy.hpp"

#include "support/builders.hpp"

#include <catch2/catch.hpp>

using namespace basural;

TEST_CASE("people within 1, 2 and 5 km of active dumps, each place counted once per band", "[exposure]")
{
    const LonLat d1{-58.4, -34.6};
    const LonLat d2 = geodesic_direct(d1, 90.0, 3000.0);  // 3 km east of D1
    const LonLat far_west = geodesic_direct(d1, 270.0, 100000.0);
    const LonLat far_south = geodesic_direct(d1, 180.0, 100000.0);
    const std::vector<Site> sites{
        test::make_site("D1", "ARG", d1, SiteType::open_dump, SiteStatus::active),
        test::make_site("D2", "ARG", d2, SiteType::controlled_dump, SiteStatus::active),
        test::make_site("D3", "ARG", far_west, SiteType::open_dump, SiteStatus::closed),           // not active
        test::make_site("L1", "ARG", far_south, SiteType::sanitary_landfill, SiteStatus::active),  // not a dump
    };
    const std::vector<Place> places{
        basural::test::make_place("p1", "ARG", geodesic_direct(d1, 270.0, 500.0), 1000),    // 0.5 km from D1, 3.5 km from D2
        basural::test::make_place("p2", "ARG", geodesic_direct(d1, 90.0, 1500.0), 2000),    // 1.5 km from both D1 and D2
        basural::test::make_place("p3", "ARG", geodesic_direct(d1, 270.0, 4000.0), 4000),   // 4 km from D1, 7 km from D2
        basural::test::make_place("p4", "ARG", geodesic_direct(d1, 270.0, 6000.0), 8000),   // 6 km: outside every band
        basural::test::make_place("p5", "ARG", geodesic_direct(far_west, 0.0, 500.0), 16000),   // next to the closed dump
        basural::test::make_place("p6", "ARG", geodesic_direct(far_south, 0.0, 500.0), 32000),  // next to the landfill
        basural::test::make_place("p7", "ARG", geodesic_direct(d2, 0.0, 800.0), std::nullopt),  // 0.8 km from D2, unknown people
        basural::test::make_place("p8", "URY", geodesic_direct(d2, 90.0, 900.0), 64),           // across a border, 0.9 km from D2
    };
    const auto r = population_near_dumps(sites, places);
    REQUIRE(r.band_radii_m == std::vector<double>{1000.0, 2000.0, 5000.0});

    // ARG: 1 km: p1 = 1000; 2 km: p1 + p2 = 3000 (p2 is near two dumps, counted once); 5 km: + p3 = 7000.
    const auto& arg = basural::test::country_row(r, "ARG");
    CHECK(arg.population == std::vector<std::int64_t>{1000, 3000, 7000});
    CHECK(arg.places == std::vector<std::size_t>{1, 2, 3});
    CHECK(arg.places_unknown_population == std::vector<std::size_t>{1, 1, 1});
    CHECK(arg.active_dumps == 2);
    // URY's place counts for Uruguay although the dump is Argentine.
    const auto& ury = basural::test::country_row(r, "URY");
    CHECK(ury.population == std::vector<std::int64_t>{64, 64, 64});
    CHECK(ury.active_dumps == 0);
    REQUIRE(r.countries.size() == 2);

    // Per site within 2 km: D1 has p1 + p2 = 3000; D2 has p2 + p8 = 2064 and p7 of unknown population.
    REQUIRE(r.sites.size() == 2);
    CHECK(r.sites[0].site_id == "D1");
    CHECK(r.sites[0].site_index == 0);
    CHECK(r.sites[0].population == 3000);
    CHECK(r.sites[0].places == 2);
    CHECK(r.sites[0].places_unknown_population == 0);
    CHECK(r.sites[1].site_id == "D2");
    CHECK(r.sites[1].population == 2064);
    CHECK(r.sites[1].places == 2);
    CHECK(r.sites[1].places_unknown_population == 1);
}

TEST_CASE("band edges are inclusive; bands and radius are parameters", "[exposure]")
{
    const LonLat d{-99.1, 19.4};
    const std::vector<Site> sites{test::make_site("D", "MEX", d, SiteType::open_dump, SiteStatus::active)};
    const std::vector<Place> places{basural::test::make_place("a", "MEX", geodesic_direct(d, 30.0, 2999.0), 10),
                                    basural::test::make_place("b", "MEX", geodesic_direct(d, 210.0, 3001.0), 20)};
    ExposureParams p;
    p.band_radii_m = {3000.0, 3002.0};
    p.site_radius_m = 3000.5;
    const auto r = population_near_dumps(sites, places, p);
    CHECK(r.countries[0].population == std::vector<std::int64_t>{10, 30});
    CHECK(r.sites[0].population == 10);
    p.band_radii_m = {};
    CHECK_THROWS_AS(population_near_dumps(sites, places, p), usage_error);
    p.band_radii_m = {-1.0};
    CHECK_THROWS_AS(population_near_dumps(sites, places, p), usage_error);
}

TEST_CASE("a country with an active dump and nobody near it has a row of zeros", "[exposure]")
{
    const std::vector<Site> sites{test::make_site("D", "BOL", {-68.1, -16.5}, SiteType::open_dump, SiteStatus::active)};
    const auto r = population_near_dumps(sites, {});
    REQUIRE(r.countries.size() == 1);
    CHECK(r.countries[0].country_iso3 == "BOL");
    CHECK(r.countries[0].population == std::vector<std::int64_t>{0, 0, 0});
    CHECK(r.sites[0].population == 0);
}
