// Allocation of place populations to the nearest receiving site and the tonnage estimate, on places
// put at exact geodesic distances with geodesic_direct.
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/planning/waste_estimate.hpp"

#include "support/builders.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

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

TEST_CASE("fill_waste: given, then places, then the country median, then unknown; unknown status receives",
          "[waste_estimate][fill_waste]")
{
    const LonLat a{-47.9, -15.8};
    const std::vector<Site> sites{
        test::make_site("A", "BRA", a, SiteType::open_dump, SiteStatus::unknown),               // places
        test::make_site("B", "BRA", geodesic_direct(a, 90.0, 100000.0), SiteType::open_dump,
                        SiteStatus::active, 30.0),                                              // given
        test::make_site("C", "BRA", geodesic_direct(a, 180.0, 300000.0), SiteType::open_dump,
                        SiteStatus::closing),                                                   // no place: median
        test::make_site("D", "BRA", geodesic_direct(a, 0.0, 300000.0), SiteType::open_dump, SiteStatus::closed),
        test::make_site("L", "BRA", geodesic_direct(a, 270.0, 300000.0), SiteType::sanitary_landfill,
                        SiteStatus::active),                                                    // landfill: stays unknown
        test::make_site("U", "URY", {-56.2, -34.9}, SiteType::open_dump, SiteStatus::active),  // nothing: unknown
    };
    const std::vector<Place> places{basural::test::make_place("P1", "BRA", geodesic_direct(a, 0.0, 5000.0), 10000)};
    CountryWaste bra;
    bra.iso3 = "BRA";
    bra.msw_kg_per_capita_day = 1.0;
    bra.collection_coverage_pct = 90.0;
    const auto r = fill_waste(sites, places, {bra});
    // A (status unknown, so receiving) serves P1: 10000 x 1.0 x 90 / 100 / 1000 = 9 t/day.
    CHECK(*r.sites[0].waste_t_per_day == Approx(9.0).epsilon(1e-12));
    CHECK(r.source[0] == WasteSource::places);
    CHECK(r.source[1] == WasteSource::given);
    // C takes the median of Brazil's known dump tonnages, 9 and 30: 19.5, labelled estimated.
    CHECK(*r.sites[2].waste_t_per_day == 19.5);
    CHECK(r.sites[2].waste_provenance == Provenance::estimated);
    CHECK(r.source[2] == WasteSource::country_median);
    CHECK(r.source[3] == WasteSource::not_receiving);
    CHECK_FALSE(r.sites[3].waste_t_per_day.has_value());
    CHECK(r.source[4] == WasteSource::unknown);
    CHECK_FALSE(r.sites[4].waste_t_per_day.has_value());
    // Uruguay has no known tonnage: never 0, unknown.
    CHECK(r.source[5] == WasteSource::unknown);
    CHECK_FALSE(r.sites[5].waste_t_per_day.has_value());
    CHECK(r.counts.given == 1);
    CHECK(r.counts.places == 1);
    CHECK(r.counts.country_median == 1);
    CHECK(r.counts.unknown == 2);
    CHECK(r.counts.implausible == 0);
    // The warning the analysis commands print: 2 of the 5 receiving sites (A, B, C, L, U) stay unknown.
    const auto warnings = waste_fill_warnings(r);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "tonnage could not be estimated for 2 of 5 receiving sites (no place within reach, and the "
                         "country median fills only dumps of a country where some dump's tonnage is known): it "
                         "stays unknown; give --places covering them or map a tonnage column");

    SECTION("without places only the median fills")
    {
        WasteFillParams p;
        p.from_places = false;
        const auto m = fill_waste(sites, places, {bra}, p);
        CHECK(m.source[0] == WasteSource::country_median);
        CHECK(*m.sites[0].waste_t_per_day == 30.0);  // the one known: B
    }
}

TEST_CASE("an estimate above what the country's largest city collects is implausible", "[waste_estimate][fill_waste]")
{
    // Thirty observed dumps of 10 t/day and two estimates, 1,200 and 800 t/day. Mexico's largest place
    // has 1,000,000 people: 1e6 x 1.0 kg x 90 / 100 / 1000 = 900 t/day, the ceiling (max with the
    // largest observed, 10): 1,200 is implausible, 800 is not.
    std::vector<Site> sites;
    for (int k = 0; k < 30; ++k) {
        std::string id = "O";
        id += std::to_string(k);
        sites.push_back(test::make_site(id, "MEX", {-99.0 + 0.1 * k, 19.0}, SiteType::open_dump, SiteStatus::active, 10.0));
    }
    auto big = test::make_site("N", "MEX", {-98.9, 19.4}, SiteType::open_dump, SiteStatus::unknown, 1200.0);
    big.waste_provenance = Provenance::estimated;
    auto medium = test::make_site("M", "MEX", {-98.5, 19.4}, SiteType::sanitary_landfill, SiteStatus::active, 800.0);
    medium.waste_provenance = Provenance::estimated;
    sites.push_back(big);
    sites.push_back(medium);
    const std::vector<Place> places{basural::test::make_place("C", "MEX", {-99.13, 19.43}, 1000000),
                                    basural::test::make_place("T", "MEX", {-98.2, 19.0}, 50000)};
    CountryWaste mex;
    mex.iso3 = "MEX";
    mex.msw_kg_per_capita_day = 1.0;
    mex.collection_coverage_pct = 90.0;
    WasteFillParams p;
    p.from_places = false;  // the tonnages are as given; the places and rates still set the ceiling
    auto r = fill_waste(sites, places, {mex}, p);
    CHECK(r.plausible_ceiling_t_per_day[30] == Approx(900.0).epsilon(1e-12));
    CHECK(r.implausible[30] == 1);
    CHECK(r.implausible[31] == 0);
    CHECK(r.counts.implausible == 1);
    CHECK(std::count(r.implausible.begin(), r.implausible.begin() + 30, 1) == 0);  // observed ones never
    REQUIRE(waste_fill_warnings(r).size() == 1);
    CHECK_THAT(waste_fill_warnings(r)[0], Catch::StartsWith("1 estimated tonnage is implausible (above what their "
                                                            "country's largest city collects; the largest: N") &&
                                              Catch::Contains(", 1200 t/day against 900)"));

    SECTION("an observed site larger still makes it plausible")
    {
        sites.push_back(test::make_site("BIG", "MEX", {-98.0, 20.0}, SiteType::sanitary_landfill, SiteStatus::active, 1500.0));
        r = fill_waste(sites, places, {mex}, p);
        CHECK(r.plausible_ceiling_t_per_day[30] == 1500.0);
        CHECK(r.counts.implausible == 0);
    }
    SECTION("without places or rates: 10 x the mean of the country's other sites")
    {
        // N: the others' mean (300 + 800) / 31 = 35.48, ceiling 354.8; M: (300 + 1200) / 31 = 48.39, 483.9
        r = fill_waste(sites, {}, {}, p);
        CHECK(r.plausible_ceiling_t_per_day[30] == Approx(11000.0 / 31.0).epsilon(1e-12));
        CHECK(r.plausible_ceiling_t_per_day[31] == Approx(15000.0 / 31.0).epsilon(1e-12));
        CHECK(r.counts.implausible == 2);
        REQUIRE(waste_fill_warnings(r).size() == 1);  // the largest of the two, N, against 11000 / 31 = 354.8
        CHECK_THAT(waste_fill_warnings(r)[0],
                   Catch::StartsWith("2 estimated tonnages are implausible") && Catch::Contains("1200 t/day against 355)"));
        // alone in its country it has nothing to be compared with
        r = fill_waste({big}, {}, {}, p);
        CHECK(std::isnan(r.plausible_ceiling_t_per_day[0]));
        CHECK(r.counts.implausible == 0);
    }
    CHECK_THROWS_AS(check_waste_plausibility(sites, places, {mex}, 0.0), usage_error);
}

TEST_CASE("the country median fills no more than the country's waste leaves", "[waste_estimate][fill_waste]")
{
    // Brazil generates 3,650 t/year = 10 t/day and collects 90% of it: 9 t/day. Dump A carries 3 t/day
    // and landfill L 2 t/day (given), so the fallback has room for 9 - 5 = 4 t/day. Dumps C and D have
    // no tonnage and no place: the median of the known dumps (A alone) is 3 t/day, but together they
    // may take 4 at most, so each takes min(3, 4 / 2) = 2 t/day.
    const LonLat a{-47.9, -15.8};
    std::vector<Site> sites{
        test::make_site("A", "BRA", a, SiteType::open_dump, SiteStatus::active, 3.0),
        test::make_site("L", "BRA", geodesic_direct(a, 90.0, 100000.0), SiteType::sanitary_landfill,
                        SiteStatus::active, 2.0),
        test::make_site("C", "BRA", geodesic_direct(a, 180.0, 100000.0), SiteType::open_dump, SiteStatus::unknown),
        test::make_site("D", "BRA", geodesic_direct(a, 0.0, 100000.0), SiteType::controlled_dump, SiteStatus::active),
    };
    CountryWaste bra;
    bra.iso3 = "BRA";
    bra.msw_t_per_year = 3650.0;
    bra.collection_coverage_pct = 90.0;
    WasteFillParams p;
    p.from_places = false;
    auto r = fill_waste(sites, {}, {bra}, p);
    CHECK(*r.sites[2].waste_t_per_day == Approx(2.0).epsilon(1e-12));
    CHECK(*r.sites[3].waste_t_per_day == Approx(2.0).epsilon(1e-12));
    CHECK(r.source[2] == WasteSource::country_median);
    CHECK(r.sites[3].waste_provenance == Provenance::estimated);
    CHECK(r.counts.country_median == 2);
    CHECK(r.counts.country_median_scaled == 2);
    const auto& row = basural::test::country_row(r, "BRA");
    CHECK(*row.median_t_per_day == 3.0);
    CHECK(row.fallback_budget->collected_t_per_day == Approx(9.0).epsilon(1e-12));
    CHECK(row.fallback_budget->room_t_per_day == Approx(4.0).epsilon(1e-12));
    CHECK(row.sites_fallback == 2);
    CHECK_THAT(waste_sources_line(r), Catch::Contains("2 their country's median (2 scaled down"));

    SECTION("room enough: the median as it is")
    {
        bra.msw_t_per_year = 36500.0;  // 90 t/day collected, 85 of room
        r = fill_waste(sites, {}, {bra}, p);
        CHECK(*r.sites[2].waste_t_per_day == 3.0);
        CHECK(r.counts.country_median_scaled == 0);
    }
    SECTION("no room left: unknown, never 0")
    {
        sites[0].waste_t_per_day = 8.0;  // 8 + 2 > 9 collected
        r = fill_waste(sites, {}, {bra}, p);
        CHECK_FALSE(r.sites[2].waste_t_per_day.has_value());
        CHECK(r.source[3] == WasteSource::unknown);
        CHECK(r.counts.unknown == 2);
        CHECK(r.counts.unknown_no_room == 2);
        CHECK(basural::test::country_row(r, "BRA").sites_no_room == 2);
        CHECK_THAT(waste_sources_line(r), Catch::Contains("2 unknown (2 with no room left"));
    }
    SECTION("population x kg per capita when the tonnage per year is not given")
    {
        bra.msw_t_per_year.reset();
        bra.population = 10000;
        bra.msw_kg_per_capita_day = 1.0;  // 10 t/day, as above
        r = fill_waste(sites, {}, {bra}, p);
        CHECK(*r.sites[2].waste_t_per_day == Approx(2.0).epsilon(1e-12));
    }
    SECTION("a country without figures: the median, unscaled")
    {
        r = fill_waste(sites, {}, {}, p);
        CHECK(*r.sites[2].waste_t_per_day == 3.0);
        CHECK_FALSE(basural::test::country_row(r, "BRA").fallback_budget.has_value());
    }
}

TEST_CASE("an estimate resting on a city another site is as near to is implausible", "[waste_estimate][fill_waste]")
{
    // City C (200,000 people) lies 10 km from site S1 and 10.5 km from S2: within 10%, so which of
    // them receives it is not known. S1 also serves town T (50,000, 1 km away): 250,000 people x
    // 1 kg x 100% = 250 t/day, of which C is 200 (more than half): implausible, ceiling 50 t/day
    // (what T carries). S2 serves U (30,000): 30 t/day, plausible. A city of 1,000,000 beyond reach
    // sets the country ceiling at 1,000 t/day, so only the shared-city rule applies.
    const LonLat c{-103.35, 20.67};
    const LonLat s1 = geodesic_direct(c, 90.0, 10000.0);
    const LonLat s2 = geodesic_direct(c, 270.0, 10500.0);
    const std::vector<Site> sites{test::make_site("S1", "MEX", s1, SiteType::controlled_dump, SiteStatus::unknown),
                                  test::make_site("S2", "MEX", s2, SiteType::open_dump, SiteStatus::active)};
    std::vector<Place> places{basural::test::make_place("C", "MEX", c, 200000),
                              basural::test::make_place("T", "MEX", geodesic_direct(s1, 90.0, 1000.0), 50000),
                              basural::test::make_place("U", "MEX", geodesic_direct(s2, 270.0, 1000.0), 30000),
                              basural::test::make_place("BIG", "MEX", geodesic_direct(c, 0.0, 300000.0), 1000000)};
    places[0].name = "Ciudad";
    CountryWaste mex;
    mex.iso3 = "MEX";
    mex.msw_kg_per_capita_day = 1.0;
    mex.collection_coverage_pct = 100.0;
    auto r = fill_waste(sites, places, {mex});
    REQUIRE(r.source[0] == WasteSource::places);
    CHECK(*r.sites[0].waste_t_per_day == Approx(250.0).epsilon(1e-12));
    CHECK(r.main_place[0].name == "Ciudad");
    CHECK(r.main_place[0].distance_m == Approx(10000.0).margin(1e-3));
    CHECK(r.main_place[0].runner_up_distance_m == Approx(10500.0).margin(1e-3));
    CHECK(r.implausible[0] == 1);
    CHECK(r.shared_city[0] == 1);
    CHECK(r.plausible_ceiling_t_per_day[0] == Approx(50.0).epsilon(1e-12));
    CHECK(r.implausible[1] == 0);
    CHECK(r.counts.implausible == 1);
    CHECK(r.counts.implausible_shared_city == 1);
    const auto lines = waste_fill_warnings(r);
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Catch::Contains("1 estimated tonnage rests mostly on a city another receiving site is as "
                                         "near to (within 10%)"));
    CHECK_THAT(lines[0], Catch::Contains("S1, 250 t/day, 200 of them from Ciudad (10.0 km; the next site 10.5 km)"));

    SECTION("a runner-up more than 10% farther: the city is the site's own")
    {
        auto far = sites;
        far[1].location = geodesic_direct(c, 270.0, 11500.0);
        places[2].location = geodesic_direct(far[1].location, 270.0, 1000.0);
        r = fill_waste(far, places, {mex});
        CHECK(r.counts.implausible == 0);
    }
    SECTION("the city is less than half of the estimate")
    {
        places[1].population = 250000;
        r = fill_waste(sites, places, {mex});
        CHECK(*r.sites[0].waste_t_per_day == Approx(450.0).epsilon(1e-12));
        CHECK(r.counts.implausible == 0);
    }
    SECTION("a town under 100,000 people is not a city")
    {
        places[0].population = 99999;
        places[1].population = 1;
        r = fill_waste(sites, places, {mex});
        CHECK(r.counts.implausible == 0);
    }
}
