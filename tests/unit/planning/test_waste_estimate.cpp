// Allocation of place populations to the nearest receiving site and the tonnage estimate, on places
// put at exact geodesic distances with geodesic_direct.
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/planning/waste_estimate.hpp"

#include "support/builders.hpp"

#include <catch2/catch.hpp>

using namespace basural;

TEST_CASE("places go to the nearest receiving site of their country within 50 km", "[waste_estimate]")
{
    const LonLat a{-47.9, -15.8};
    const LonLat b = geodesic_direct(a, 90.0, 30000.0);  // 30 km east of A
    const std::vector<Site> sites{
        test::make_site("A", "BRA", a, SiteType::open_dump, SiteStatus::active),                       // unknown tonnage
        test::make_site("B", "BRA", b, SiteType::sanitary_landfill, SiteStatus::active, 500.0),        // observed
        test::make_site("C", "BRA", geodesic_direct(a, 270.0, 39000.0), SiteType::open_dump, SiteStatus::closed),
        test::make_site("D", "BRA", geodesic_direct(a, 0.0, 4000.0), SiteType::other, SiteStatus::active),
        test::make_site("F", "BOL", {-68.1, -16.5}, SiteType::open_dump, SiteStatus::active),          // no parameters
    };
    const std::vector<Place> places{
        basural::test::make_place("P1", "BRA", geodesic_direct(a, 0.0, 5000.0), 10000),     // 5 km from A (D, "other", is closer)
        basural::test::make_place("P2", "BRA", geodesic_direct(b, 0.0, 10000.0), 20000),    // 10 km from B (observed)
        basural::test::make_place("P3", "BRA", geodesic_direct(a, 90.0, 12000.0), 5000),    // 12 km from A, 18 km from B
        basural::test::make_place("P4", "BRA", geodesic_direct(a, 180.0, 60000.0), 7000),   // 60 km from A: beyond reach
        basural::test::make_place("P5", "BRA", geodesic_direct(a, 270.0, 1000.0), std::nullopt),  // population unknown
        basural::test::make_place("P6", "BRA", geodesic_direct(a, 270.0, 40000.0), 3000),   // 1 km from C (closed), 40 km from A
        basural::test::make_place("Q1", "ARG", geodesic_direct(a, 0.0, 2000.0), 50000),     // another country: never served by A
        basural::test::make_place("R1", "BOL", {-68.1, -16.45}, 1000),
    };
    CountryWaste bra;
    bra.iso3 = "BRA";
    bra.msw_kg_per_capita_day = 1.0;
    bra.collection_coverage_pct = 90.0;

    const auto r = estimate_waste(sites, places, {bra});
    REQUIRE(r.sites.size() == 5);
    // A serves P1 + P3 + P6 = 10000 + 5000 + 3000 = 18000 people:
    // 18000 x 1.0 kg/day x 90 / 100 / 1000 = 16.2 t/day.
    CHECK(r.served_population == std::vector<std::int64_t>{18000, 20000, 0, 0, 1000});
    REQUIRE(r.sites[0].waste_t_per_day.has_value());
    CHECK(*r.sites[0].waste_t_per_day == Approx(16.2).epsilon(1e-12));
    CHECK(r.sites[0].waste_provenance == Provenance::estimated);
    // B keeps its observed tonnage; C (closed) and D (other) get nothing.
    CHECK(r.sites[1].waste_t_per_day == 500.0);
    CHECK(r.sites[1].waste_provenance == Provenance::observed);
    CHECK_FALSE(r.sites[2].waste_t_per_day.has_value());
    CHECK_FALSE(r.sites[3].waste_t_per_day.has_value());
    // BOL has no parameters: its site serves people but stays unknown.
    CHECK_FALSE(r.sites[4].waste_t_per_day.has_value());

    const auto& br = basural::test::country_row(r, "BRA");
    CHECK(br.places == 6);
    CHECK(br.places_without_population == 1);
    CHECK(br.places_allocated == 4);
    CHECK(br.population_allocated == 38000);
    CHECK(br.population_unallocated == 7000);
    CHECK(br.receiving_sites == 2);
    CHECK(br.sites_observed == 1);
    CHECK(br.sites_estimated == 1);
    CHECK(br.sites_unknown == 0);
    CHECK_FALSE(br.parameters_missing);
    const auto& ar = basural::test::country_row(r, "ARG");
    CHECK(ar.population_unallocated == 50000);
    CHECK(ar.receiving_sites == 0);
    const auto& bo = basural::test::country_row(r, "BOL");
    CHECK(bo.parameters_missing);
    CHECK(bo.sites_unknown == 1);
    CHECK(bo.population_allocated == 1000);
    // Rows are sorted by country code.
    REQUIRE(r.countries.size() == 3);
    CHECK(r.countries[0].country_iso3 == "ARG");
    CHECK(r.countries[2].country_iso3 == "BRA");
}

TEST_CASE("the distance limit is a parameter and is inclusive", "[waste_estimate]")
{
    const LonLat a{-84.0, 10.0};
    const std::vector<Site> sites{test::make_site("A", "CRI", a, SiteType::open_dump, SiteStatus::active)};
    const std::vector<Place> places{basural::test::make_place("P", "CRI", geodesic_direct(a, 45.0, 20000.0), 1000)};
    CountryWaste cri;
    cri.iso3 = "CRI";
    cri.msw_kg_per_capita_day = 1.0;
    cri.collection_coverage_pct = 100.0;
    WasteEstimateParams p;
    p.max_distance_m = 19999.0;
    CHECK(estimate_waste(sites, places, {cri}, p).served_population[0] == 0);
    p.max_distance_m = 20000.001;
    CHECK(estimate_waste(sites, places, {cri}, p).served_population[0] == 1000);
    p.max_distance_m = 0.0;
    CHECK_THROWS_AS(estimate_waste(sites, places, {cri}, p), usage_error);
}

TEST_CASE("ties go to the first site; kg per capita can come from tonnage and population", "[waste_estimate]")
{
    const LonLat a{-84.0, 10.0};
    const std::vector<Site> sites{test::make_site("E1", "CRI", a, SiteType::open_dump, SiteStatus::active),
                                  test::make_site("E2", "CRI", a, SiteType::open_dump, SiteStatus::active)};
    const std::vector<Place> places{basural::test::make_place("P", "CRI", geodesic_direct(a, 0.0, 3000.0), 1000)};
    CountryWaste cri;
    cri.iso3 = "CRI";
    cri.population = 5000000;
    cri.msw_t_per_year = 1460000.0;  // 1 460 000 000 kg / 365 / 5 000 000 = 0.8 kg per person per day
    cri.collection_coverage_pct = 100.0;
    const auto r = estimate_waste(sites, places, {cri});
    CHECK(r.served_population == std::vector<std::int64_t>{1000, 0});
    // 1000 x 0.8 x 100 / 100 / 1000 = 0.8 t/day
    CHECK(*r.sites[0].waste_t_per_day == Approx(0.8).epsilon(1e-12));
    CHECK_FALSE(r.sites[1].waste_t_per_day.has_value());
    CHECK(basural::test::country_row(r, "CRI").sites_unknown == 1);
}
