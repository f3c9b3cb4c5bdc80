// Regional plans on hand-built inventories: haul cutoff, borders, islands, existing landfills, minimum
// throughput, capacity, order invariance and the bookkeeping of every demand site.
// Positions come from GeographicLib's GeodSolve (the direct problem from (lat 5, lon 5)):
//   echo "5 5 90 30000" | GeodSolve  -> 4.99994418 5.27051712   (30 km east)
//   echo "5 5 90 10000" | GeodSolve  -> 4.99999380 5.09017238   (10 km east)
//   echo "5 5 0 20000"  | GeodSolve  -> 5.18085960 5.00000000   (20 km north)
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/planning/regionalize.hpp"
#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numbers>
#include <random>
#include <sstream>

using namespace basural;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

Site site(const std::string& id, const std::string& iso3, double lon, double lat, std::optional<double> t_per_day,
          SiteType type = SiteType::open_dump, SiteStatus status = SiteStatus::active)
{
    Site s;
    s.site_id = id;
    s.name = id;
    s.country_iso3 = iso3;
    s.municipality_code = "M" + id;
    s.location = {lon, lat};
    s.site_type = type;
    s.status = status;
    s.waste_t_per_day = t_per_day;
    return s;
}

const CountryBoundaries& rectangles()
{
    static const CountryBoundaries b(test::data_path("countries_rectangles.geojson"));
    return b;
}

std::size_t demand_count(const std::vector<Site>& sites)
{
    return static_cast<std::size_t>(std::count_if(sites.begin(), sites.end(), is_receiving_dump));
}

const PlanAssignment* assignment(const RegionalPlan& plan, const std::string& id)
{
    for (const auto& a : plan.assignments)
        if (a.site_id == id)
            return &a;
    return nullptr;
}

std::string fingerprint(const RegionalPlan& p)
{
    std::ostringstream s;
    s.precision(17);
    for (const auto& f : p.facilities)
        s << f.facility_id << ' ' << f.site_id << ' ' << f.waste_t_per_day << ' ' << f.mean_haul_km << ' '
          << f.max_haul_km << ' ' << f.sites_served << '\n';
    for (const auto& a : p.assignments)
        s << a.site_id << ' ' << a.facility_id << ' ' << a.haul_km << '\n';
    for (const auto& u : p.unserved)
        s << u.site_id << ' ' << u.reason << '\n';
    for (const auto& c : p.catchments)
        for (const auto& poly : c.polygons)
            for (const auto& ring : poly)
                for (const auto& v : ring)
                    s << v.lon_deg << ',' << v.lat_deg << ' ';
    for (const auto& sm : p.summary)
        s << sm.country_iso3 << ' ' << sm.objective << ' ' << sm.lower_bound << '\n';
    return s.str();
}

}  // namespace

TEST_CASE("two towns 30 km apart share a facility within a 50 km haul but not within 20 km", "[regionalize]")
{
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 100.0), site("B", "AAA", 5.27051712, 4.99994418, 10.0)};
    RegionalizeOptions o;
    o.max_haul_km = 50.0;
    auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    // p-median with p = 1: at A the cost is 10 t/day x 30 km = 300, at B 100 x 30 = 3000.
    CHECK(plan.facilities[0].facility_id == "AAA-F001");
    CHECK(plan.facilities[0].site_id == "A");
    CHECK_THAT(plan.facilities[0].waste_t_per_day, WithinAbs(110.0, 1e-9));
    CHECK_THAT(plan.facilities[0].max_haul_km, WithinAbs(30.0, 1e-3));
    // waste-weighted mean haul: (100 x 0 + 10 x 30) / 110 = 2.7273 km
    CHECK_THAT(plan.facilities[0].mean_haul_km, WithinAbs(300.0 / 110.0, 1e-4));
    CHECK(plan.facilities[0].municipality_codes == std::vector<std::string>{"MA", "MB"});
    REQUIRE(assignment(plan, "B") != nullptr);
    CHECK_THAT(assignment(plan, "B")->haul_km, WithinAbs(30.0, 1e-3));
    REQUIRE(plan.summary.size() == 1);
    CHECK(plan.summary[0].sites_served == 2);
    CHECK_THAT(plan.summary[0].objective, WithinAbs(300.0, 0.01));
    CHECK(plan.summary[0].gap <= 1e-9);

    o.max_haul_km = 20.0;
    plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 2);
    CHECK(plan.facilities[0].site_id == "A");
    CHECK(plan.facilities[1].site_id == "B");
    CHECK(plan.facilities[1].facility_id == "AAA-F002");
    CHECK(assignment(plan, "B")->haul_km == 0.0);

    SECTION("a detour factor of 2 makes the 30 km geodesic haul a 60 km one, beyond 50 km")
    {
        o.max_haul_km = 50.0;
        o.detour_factor = 2.0;
        CHECK(regionalize(sites, o, rectangles()).facilities.size() == 2);
    }
}

TEST_CASE("two dumps 11 km apart across a border get a facility each unless crossing is allowed", "[regionalize]")
{
    // echo "5 9.95 5 10.05" | GeodSolve -i -> 11089.871 m
    const std::vector<Site> sites{site("A1", "AAA", 9.95, 5.0, 50.0), site("B1", "BBB", 10.05, 5.0, 50.0)};
    RegionalizeOptions o;
    auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 2);
    CHECK(plan.facilities[0].facility_id == "AAA-F001");
    CHECK(plan.facilities[1].facility_id == "BBB-F001");
    REQUIRE(plan.summary.size() == 2);

    o.allow_cross_border = true;
    plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    CHECK(plan.facilities[0].facility_id == "AAA-F001");  // ties in cost: the smaller index (site_id A1)
    CHECK_THAT(plan.facilities[0].max_haul_km, WithinAbs(11.089871, 1e-5));
    REQUIRE(plan.summary.size() == 1);
    CHECK(plan.summary[0].country_iso3 == "LAC");
}

TEST_CASE("sites on two islands of one country 13 km apart are never linked", "[regionalize]")
{
    // echo "0.1 40.19 0.1 40.31" | GeodSolve -i -> 13358.319 m, well within 50 km, but over the sea.
    const CountryBoundaries islands(test::data_path("regionalize_islands.geojson"));
    const std::vector<Site> sites{site("W", "EEE", 40.19, 0.1, 30.0), site("E", "EEE", 40.31, 0.1, 30.0),
                                  site("E2", "EEE", 40.35, 0.1, 5.0)};
    const auto plan = regionalize(sites, RegionalizeOptions{}, islands);
    REQUIRE(plan.facilities.size() == 2);
    CHECK(plan.facilities[0].site_id == "E");  // E and E2 share the east island's facility
    CHECK(plan.facilities[0].sites_served == 2);
    CHECK(plan.facilities[1].site_id == "W");
    CHECK(plan.facilities[1].sites_served == 1);

    SECTION("a site just off the coast belongs to the nearest island")
    {
        auto more = sites;
        more.push_back(site("W-sea", "EEE", 40.21, 0.1, 1.0));  // 0.01 degree east of the west island
        const auto p = regionalize(more, RegionalizeOptions{}, islands);
        REQUIRE(assignment(p, "W-sea") != nullptr);
        CHECK(assignment(p, "W-sea")->facility_id == plan.facilities[1].facility_id);
    }
}

TEST_CASE("an existing sanitary landfill is reused and serves the dumps near it", "[regionalize]")
{
    const std::vector<Site> sites{
        site("L", "AAA", 5.0, 5.0, std::nullopt, SiteType::sanitary_landfill),
        site("D10", "AAA", 5.09017238, 4.99999380, 50.0),                      // 10 km east of L
        site("D20", "AAA", 5.0, 5.18085960, 50.0, SiteType::controlled_dump),  // 20 km north of L
        site("Closed", "AAA", 5.01, 5.01, 80.0, SiteType::open_dump, SiteStatus::closed)};
    RegionalizeOptions o;
    o.reuse_existing = true;
    const auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    CHECK(plan.facilities[0].existing);
    CHECK(plan.facilities[0].site_id == "L");
    CHECK(plan.facilities[0].sites_served == 2);
    CHECK_THAT(assignment(plan, "D10")->haul_km, WithinAbs(10.0, 1e-3));
    CHECK_THAT(assignment(plan, "D20")->haul_km, WithinAbs(20.0, 1e-3));
    CHECK(assignment(plan, "Closed") == nullptr);  // a closed dump is not demand
    CHECK(plan.summary[0].facilities_existing == 1);
    CHECK(plan.summary[0].facilities_proposed == 0);
    CHECK(plan.summary[0].demand_sites == 2);

    // Without reuse, p-median with p = 1 puts it at a dump: at D10 the cost is 50 x d(D10, D20),
    // at L 50 x 10 + 50 x 20 = 1500; d(D10, D20) = 22.4 km -> 1118 < 1500.
    const auto fresh = regionalize(sites, RegionalizeOptions{}, rectangles());
    REQUIRE(fresh.facilities.size() == 1);
    CHECK_FALSE(fresh.facilities[0].existing);
    CHECK(fresh.facilities[0].site_id == "D10");
}

TEST_CASE("a small isolated dump below the minimum throughput is left unserved", "[regionalize]")
{
    const std::vector<Site> sites{site("Big", "AAA", 5.0, 5.0, 100.0), site("Near", "AAA", 5.09017238, 4.99999380, 20.0),
                                  site("Far", "AAA", 7.0, 7.0, 5.0)};
    RegionalizeOptions o;
    o.min_t_per_day = 50.0;
    const auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    CHECK(plan.facilities[0].site_id == "Big");
    REQUIRE(plan.unserved.size() == 1);
    CHECK(plan.unserved[0].site_id == "Far");
    CHECK(plan.unserved[0].reason == "below_min_throughput");
    CHECK(plan.assignments.size() + plan.unserved.size() == demand_count(sites));
    CHECK(plan.summary[0].sites_unserved == 1);
}

TEST_CASE("the plan labels estimated tonnages and imprecise locations row by row", "[regionalize]")
{
    // A (observed 100 t/day, surveyed) and B (estimated 10 t/day, at its municipal seat) share A's
    // facility; C (estimated 5 t/day, location estimated) is alone and below the minimum throughput.
    auto a = site("A", "AAA", 5.0, 5.0, 100.0);
    a.waste_provenance = Provenance::observed;
    a.location_precision = LocationPrecision::surveyed;
    auto b = site("B", "AAA", 5.27051712, 4.99994418, 10.0);
    b.waste_provenance = Provenance::estimated;
    b.location_precision = LocationPrecision::municipal_seat;
    auto c = site("C", "AAA", 7.0, 7.0, 5.0);
    c.waste_provenance = Provenance::estimated;
    RegionalizeOptions o;
    o.min_t_per_day = 50.0;
    const auto plan = regionalize({a, b, c}, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    CHECK(plan.facilities[0].location_precision == LocationPrecision::surveyed);  // at A
    CHECK(plan.facilities[0].waste_t_per_day == 110.0);
    CHECK(plan.facilities[0].waste_t_per_day_estimated == 10.0);                  // B's
    REQUIRE(assignment(plan, "A") != nullptr);
    CHECK(assignment(plan, "A")->waste_provenance == Provenance::observed);
    CHECK(assignment(plan, "B")->waste_provenance == Provenance::estimated);
    CHECK(assignment(plan, "B")->location_precision == LocationPrecision::municipal_seat);
    REQUIRE(plan.unserved.size() == 1);
    CHECK(plan.unserved[0].waste_provenance == Provenance::estimated);
    CHECK(plan.unserved[0].location_precision == LocationPrecision::estimated);
    REQUIRE(plan.summary.size() == 1);
    CHECK(plan.summary[0].waste_t_per_day == 115.0);
    CHECK(plan.summary[0].waste_t_per_day_estimated == 15.0);                     // B's and C's
    CHECK_FALSE(assignment(plan, "B")->waste_implausible);

    SECTION("implausible estimates are flagged in the rows, the facility's load and the summary")
    {
        o.implausible_waste = {0, 1, 1};  // B and C, as fill_waste would flag them
        const auto flagged = regionalize({a, b, c}, o, rectangles());
        CHECK_FALSE(assignment(flagged, "A")->waste_implausible);
        CHECK(assignment(flagged, "B")->waste_implausible);
        CHECK(flagged.unserved[0].waste_implausible);
        CHECK(flagged.facilities[0].waste_t_per_day_implausible == 10.0);
        CHECK(flagged.summary[0].demand_sites_waste_implausible == 2);
        CHECK(flagged.summary[0].waste_t_per_day_implausible == 15.0);
        o.implausible_waste = {1};  // not one flag per site
        CHECK_THROWS_AS(regionalize({a, b, c}, o, rectangles()), usage_error);
    }
}

TEST_CASE("a binding capacity splits a cluster", "[regionalize]")
{
    // Three dumps within 20 km, 40 t/day each; capacity 100: 120 t/day need two facilities.
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 40.0), site("B", "AAA", 5.09017238, 4.99999380, 40.0),
                                  site("C", "AAA", 5.0, 5.18085960, 40.0)};
    RegionalizeOptions o;
    const auto one = regionalize(sites, o, rectangles());
    CHECK(one.facilities.size() == 1);
    o.capacity_t_per_day = 100.0;
    const auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 2);
    CHECK(plan.assignments.size() == 3);
    for (const auto& f : plan.facilities) {
        CHECK(f.waste_t_per_day <= 100.0);
        REQUIRE(f.capacity_t_per_day);
        CHECK(*f.capacity_t_per_day == 100.0);
    }
}

TEST_CASE("plans do not depend on the order of the sites or the threads and account for every demand site", "[regionalize]")
{
    std::vector<Site> sites;
    std::mt19937 gen(7);
    std::uniform_real_distribution<double> lon(4.0, 6.5), lat(4.0, 6.5), w(1.0, 120.0);
    for (int i = 0; i < 60; ++i) {
        const auto type = i % 11 == 0 ? SiteType::sanitary_landfill : (i % 3 == 0 ? SiteType::controlled_dump : SiteType::open_dump);
        const auto status = i % 13 == 0 ? SiteStatus::closed : (i % 7 == 0 ? SiteStatus::unknown : SiteStatus::active);
        sites.push_back(site(std::to_string(100 + i), i % 4 == 0 ? "BBB" : "AAA", lon(gen) + (i % 4 == 0 ? 10.0 : 0.0),
                             lat(gen), i % 8 == 0 ? std::nullopt : std::optional<double>(w(gen)), type, status));
    }
    // BBB (every 4th site) has dumps of unknown tonnage (every 8th): it is planned by site count, where
    // the minimum throughput does not apply; AAA by t/day, with dumps left below the minimum.
    RegionalizeOptions o;
    o.max_haul_km = 40.0;
    o.min_t_per_day = 60.0;
    o.reuse_existing = true;
    const auto plan = regionalize(sites, o, rectangles());
    CHECK(plan.assignments.size() + plan.unserved.size() == demand_count(sites));
    CHECK(!plan.unserved.empty());
    CHECK(!plan.facilities.empty());
    for (const auto& a : plan.assignments)
        CHECK(a.haul_km <= 40.0);

    auto shuffled = sites;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(99));
    CHECK(fingerprint(regionalize(shuffled, o, rectangles())) == fingerprint(plan));
    std::reverse(shuffled.begin(), shuffled.end());
    CHECK(fingerprint(regionalize(shuffled, o, rectangles())) == fingerprint(plan));

    // components are solved in parallel: the plan must not depend on how many threads share them
    for (const std::size_t threads : {1, 2, 5}) {
        auto with_threads = o;
        with_threads.threads = threads;
        CHECK(fingerprint(regionalize(sites, with_threads, rectangles())) == fingerprint(plan));
    }
}

TEST_CASE("a one-site catchment is the buffer circle of 2 km", "[regionalize]")
{
    const auto plan = regionalize({site("A", "AAA", 5.0, 5.0, 10.0)}, RegionalizeOptions{}, rectangles());
    REQUIRE(plan.catchments.size() == 1);
    REQUIRE(plan.catchments[0].polygons.size() == 1);
    // GEOS buffers a point with 8 segments per quadrant: a regular 32-gon inscribed in the circle,
    // area 0.5 x 32 x r^2 x sin(2 pi / 32) = 3.12145 x r^2 = 12.4858 km2 for r = 2 km.
    const double expected_m2 = 16.0 * std::sin(2.0 * std::numbers::pi / 32.0) * 2000.0 * 2000.0;
    CHECK_THAT(geodesic_ring_area_m2(plan.catchments[0].polygons[0][0]), WithinRel(expected_m2, 1e-3));
}

TEST_CASE("a travel matrix replaces geodesic hauls", "[regionalize]")
{
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 100.0), site("B", "AAA", 5.27051712, 4.99994418, 10.0)};
    RegionalizeOptions o;
    o.matrix.add("B", "A", 70.0);  // a 70 km road for a 30 km geodesic
    o.matrix.add("A", "B", 70.0);
    CHECK(regionalize(sites, o, rectangles()).facilities.size() == 2);
    o.max_haul_km = 80.0;
    const auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    CHECK(assignment(plan, "B")->haul_km == 70.0);
    CHECK(plan.parameters.at("haul_unit") == "matrix");

    SECTION("a pair given twice to the library keeps its last cost")
    {
        o.matrix = {};
        o.matrix.add("B", "A", 90.0);  // beyond 80 km
        o.matrix.add("A", "B", 200.0);
        o.matrix.add("B", "A", 70.0);  // the last cost: within 80 km
        auto again = regionalize(sites, o, rectangles());
        REQUIRE(again.facilities.size() == 1);
        CHECK(again.facilities[0].site_id == "A");
        CHECK(assignment(again, "B")->haul_km == 70.0);
        CHECK(again.parameters.at("matrix_pairs") == "3");
        o.matrix.add("B", "A", 75.0);
        again = regionalize(sites, o, rectangles());
        CHECK(assignment(again, "B")->haul_km == 75.0);
    }
}

TEST_CASE("a country with no known tonnage is planned by site count, and says so", "[regionalize]")
{
    // A, B 10 km east and C 30 km east (GeodSolve), no tonnage anywhere. By site count the p-median
    // with p = 1 (one facility reaches all within 50 km) sits at B: 10 + 0 + 20 = 30 site-km against
    // 40 at A and 50 at C. With C weighing 100 t/day and the others 1, it sits at C instead.
    std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, std::nullopt),
                            site("B", "AAA", 5.09017238, 4.99999380, std::nullopt),
                            site("C", "AAA", 5.27051712, 4.99994418, std::nullopt)};
    RegionalizeOptions o;
    o.min_t_per_day = 5.0;  // a t/day limit cannot apply to site counts: not applied
    const auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    CHECK(plan.facilities[0].site_id == "B");
    CHECK(plan.facilities[0].sites_waste_unknown == 3);
    CHECK(plan.unserved.empty());
    REQUIRE(plan.summary.size() == 1);
    const auto& sm = plan.summary[0];
    CHECK(sm.weighted_by_site_count);
    CHECK(sm.demand_sites_waste_unknown == 3);
    CHECK(sm.objective == Approx(30.0).epsilon(1e-3));
    CHECK(sm.mean_haul_km == Approx(10.0).epsilon(1e-3));  // (10 + 0 + 20) / 3 sites
    CHECK(plan.parameters.at("weighting") == "site_count in AAA; t_per_day elsewhere");
    CHECK(plan.parameters.at("demand_sites_waste_unknown") == "3");

    SECTION("the plan file keeps the weighting and writes the unknown t/day empty, not 0")
    {
        const auto path = (test::unit_scratch_dir("regionalize_site_count") / "plan.gpkg").string();
        write_plan(plan, path);
        const auto back = read_plan(path);
        CHECK(back.summary[0].weighted_by_site_count);
        CHECK(back.summary[0].demand_sites_waste_unknown == 3);
        CHECK(back.facilities[0].sites_waste_unknown == 3);
    }
    SECTION("with tonnages the same sites are planned by t/day")
    {
        sites[0].waste_t_per_day = 1.0;
        sites[1].waste_t_per_day = 1.0;
        sites[2].waste_t_per_day = 100.0;
        const auto by_t = regionalize(sites, o, rectangles());
        REQUIRE(by_t.facilities.size() == 1);
        CHECK(by_t.facilities[0].site_id == "C");
        CHECK_FALSE(by_t.summary[0].weighted_by_site_count);
        CHECK(by_t.parameters.at("weighting") == "t_per_day");
    }
}

TEST_CASE("existing landfills the plan does not use are listed with the reason", "[regionalize]")
{
    // L1 is 10 km from the dump A; L2 is on its own 800 km away. Without reuse the model serves A at
    // its own site (0 km) and L1 is not chosen; with reuse L1 serves A and only L2 is unused.
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 10.0),
                                  site("L1", "AAA", 5.09017238, 4.99999380, 50.0, SiteType::sanitary_landfill),
                                  site("L2", "AAA", 5.0, 12.0, 50.0, SiteType::sanitary_landfill)};
    RegionalizeOptions o;
    auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.unused_landfills.size() == 2);
    CHECK(plan.unused_landfills[0].site_id == "L1");
    CHECK(plan.unused_landfills[0].reason == "not_chosen");
    CHECK(plan.unused_landfills[0].nearest_dump_haul_km.value() == Approx(10.0).epsilon(1e-6));
    CHECK(plan.unused_landfills[1].site_id == "L2");
    CHECK(plan.unused_landfills[1].reason == "no_dump_within_reach");
    CHECK_FALSE(plan.unused_landfills[1].nearest_dump_haul_km.has_value());
    o.reuse_existing = true;
    plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.unused_landfills.size() == 1);
    CHECK(plan.unused_landfills[0].site_id == "L2");
}

TEST_CASE("a travel matrix none of whose pairs names two planned sites is refused", "[regionalize]")
{
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 100.0), site("B", "AAA", 5.27051712, 4.99994418, 10.0)};
    RegionalizeOptions o;
    o.matrix.add("X1", "X2", 5.0);
    o.matrix.add("A", "X2", 5.0);
    o.matrix_source = "osrm.csv";
    CHECK_THROWS_WITH(regionalize(sites, o, rectangles()),
                      Catch::Contains("osrm.csv") && Catch::Contains("none of its 2 pairs") &&
                          Catch::Contains("2 name a site_id that is not in the inventory"));
    o.matrix.add("B", "A", 40.0);
    const auto plan = regionalize(sites, o, rectangles());
    CHECK(plan.parameters.at("matrix_pairs") == "3");
    CHECK(plan.parameters.at("matrix_pairs_used") == "1");
    CHECK(plan.parameters.at("matrix_pairs_unknown_site_id") == "2");
    CHECK(plan.facilities.size() == 1);  // B goes to A at 40
}

TEST_CASE("regionalize refuses bad options by name", "[regionalize]")
{
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 10.0)};
    RegionalizeOptions o;
    o.max_haul_km = 0.0;
    CHECK_THROWS_WITH(regionalize(sites, o, rectangles()), Catch::Contains("max haul"));
    o = {};
    o.detour_factor = 0.5;
    CHECK_THROWS_AS(regionalize(sites, o, rectangles()), usage_error);
    o = {};
    o.countries = {"ZZZ"};
    CHECK_THROWS_WITH(regionalize(sites, o, rectangles()), Catch::Contains("ZZZ"));
    o = {};
    o.threads = MAX_THREADS + 1;
    CHECK_THROWS_WITH(regionalize(sites, o, rectangles()), Catch::Contains("threads must be at most 256"));
    o.threads = MAX_THREADS;  // the most allowed: never more threads than jobs are started
    CHECK(regionalize(sites, o, rectangles()).facilities.size() == 1);
}

TEST_CASE("a small dump that p-median would leave unserved gets a facility of its own", "[regionalize]")
{
    // A (100 t/day), M (0.01) 25 km east, C (0.01) 55 km east (GeodSolve from (5, 5), azimuth 90).
    // LSCP within 50 km: {M} covers all, p = 1. p-median with p = 1: at M 100 x 25 + 0.01 x 30 = 2500.3;
    // at A 0.01 x 25 + C unserved at the penalty 0.01 x 2 x 50 = 1.25: A is chosen and C left without
    // a facility within reach; the coverage repair opens one at C (C and M reach it equally: 0.01 t/day,
    // one dump; the first by site_id, C).
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 100.0), site("M", "AAA", 5.22543093, 4.99996124, 0.01),
                                  site("C", "AAA", 5.49594798, 4.99981239, 0.01)};
    const auto plan = regionalize(sites, RegionalizeOptions{}, rectangles());
    CHECK(plan.unserved.empty());
    REQUIRE(plan.facilities.size() == 2);
    CHECK(plan.facilities[0].site_id == "A");
    CHECK(plan.facilities[1].site_id == "C");
    CHECK(plan.parameters.at("facilities_added_for_coverage") == "1");
    // With a minimum of 1 t/day the repair cannot open C: C is below the minimum throughput.
    RegionalizeOptions o;
    o.min_t_per_day = 1.0;
    const auto small = regionalize(sites, o, rectangles());
    REQUIRE(small.unserved.size() == 1);
    CHECK(small.unserved[0].site_id == "C");
    CHECK(small.unserved[0].reason == "below_min_throughput");
}

TEST_CASE("the cost model prices a shared facility and splits it pro rata to tonnage", "[regionalize]")
{
    // The two towns of the first case (A 100 t/day, B 10 t/day, 30 km apart) share one facility at A.
    // With a = 1000, b = 0.7 and 0.1 per t-km, by hand:
    //   facility cost = 1000 x 110^0.7 = 26,851.89 per year (economies of scale: 110^0.7 = 26.85)
    //   haul cost     = 365 x 10 t/day x 30 km x 0.1 = 10,950 per year (A's own waste hauls 0 km)
    //   total         = 37,801.89
    //   A's share = 26,851.89 x 100/110 = 24,410.81;  B's share = 26,851.89 x 10/110 + 10,950 = 13,391.08
    // The haul is 30 km to 1 m, so costs are checked to 365 x 10 x 0.001 x 0.1 = 0.37 per year.
    const std::vector<Site> sites{site("A", "AAA", 5.0, 5.0, 100.0), site("B", "AAA", 5.27051712, 4.99994418, 10.0)};
    RegionalizeOptions o;
    o.max_haul_km = 50.0;
    o.cost = CostModel{1000.0, 0.7, 0.1};
    const auto plan = regionalize(sites, o, rectangles());
    REQUIRE(plan.facilities.size() == 1);
    REQUIRE(plan.facilities[0].cost_per_year.has_value());
    CHECK_THAT(*plan.facilities[0].cost_per_year, WithinAbs(37801.89, 0.5));
    REQUIRE(assignment(plan, "A") != nullptr);
    REQUIRE(assignment(plan, "B") != nullptr);
    CHECK_THAT(*assignment(plan, "A")->cost_share_per_year, WithinAbs(24410.81, 0.5));
    CHECK_THAT(*assignment(plan, "B")->cost_share_per_year, WithinAbs(13391.08, 0.5));
    // The shares add up to the facility's cost.
    CHECK_THAT(*assignment(plan, "A")->cost_share_per_year + *assignment(plan, "B")->cost_share_per_year,
               WithinAbs(*plan.facilities[0].cost_per_year, 1e-6));

    // Without a cost model no cost is invented.
    o.cost.reset();
    const auto plain = regionalize(sites, o, rectangles());
    CHECK_FALSE(plain.facilities[0].cost_per_year.has_value());
    CHECK_FALSE(assignment(plain, "B")->cost_share_per_year.has_value());
}
