// The printed plan summary: the total row by hand, the shares of estimated t/day, the fill counts.
#include "basural/planning/plan_summary.hpp"
#include "basural/planning/regionalize.hpp"
#include "support/builders.hpp"

#include <catch2/catch.hpp>

#include <variant>

using namespace basural;

namespace {

RegionalPlan two_country_plan()
{
    RegionalPlan plan;
    // country, part, demand, served, unserved, proposed, existing, t/day, served t/day, mean haul,
    // max haul, objective, lower bound, gap, estimated t/day
    plan.summary.push_back({"BRA", "", 4, 3, 1, 1, 1, 100.0, 80.0, 10.0, 30.0, 800.0, 790.0, 0.0125, 25.0});
    plan.summary.push_back({"URY", "", 2, 2, 0, 1, 0, 20.0, 20.0, 35.0, 45.0, 700.0, 650.0, 0.0714, std::nullopt});
    return plan;
}

}  // namespace

TEST_CASE("plan total: sums, haul weighted by the t/day served, gap from the summed bounds", "[plan_summary]")
{
    const auto t = plan_total(two_country_plan());
    CHECK(t.country_iso3 == "total");
    CHECK(t.demand_sites == 6);
    CHECK(t.sites_served == 5);
    CHECK(t.sites_unserved == 1);
    CHECK(t.facilities_proposed == 2);
    CHECK(t.facilities_existing == 1);
    CHECK(t.waste_t_per_day == 120.0);
    CHECK(t.waste_t_per_day_served == 100.0);
    // (10 km x 80 t/day + 35 km x 20 t/day) / 100 t/day = 15 km
    CHECK(t.mean_haul_km == Approx(15.0));
    CHECK(t.max_haul_km == 45.0);
    // (1500 - 1440) / 1500 = 0.04, not the mean of the two gaps
    CHECK(t.gap == Approx(0.04));
    CHECK(t.waste_t_per_day_estimated == 25.0);  // URY's absent estimate counts as 0
}

TEST_CASE("plan summary table: one row per summary row and the total, shares of estimated t/day", "[plan_summary]")
{
    auto plan = two_country_plan();
    plan.summary.push_back({"CHL", "", 1, 0, 1, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0});
    const auto t = plan_summary_table(plan);
    CHECK(t.name == "countries");
    REQUIRE(t.columns.size() == 13);
    REQUIRE(t.columns[8].name == "share_waste_estimated");
    REQUIRE(t.rows.size() == 4);
    for (const auto& row : t.rows)
        CHECK(row.size() == t.columns.size());
    CHECK(std::get<double>(t.rows[0][8]) == Approx(0.25));  // 25 of 100 t/day
    CHECK(std::get<double>(t.rows[1][8]) == 0.0);           // URY: no estimated part recorded
    CHECK(std::holds_alternative<std::monostate>(t.rows[2][8]));  // CHL: no t/day to share
    CHECK(std::get<std::string>(t.rows[3][0]) == "total");
    CHECK(std::get<double>(t.rows[3][8]) == Approx(25.0 / 120.0));
}

TEST_CASE("fill_demand_waste counts the planned demand sites by the source of their tonnage", "[plan_summary]")
{
    std::vector<Site> sites{
        test::make_site("A1", "ARG", {-60.0, -30.0}, SiteType::open_dump, SiteStatus::active, 10.0),
        test::make_site("A2", "ARG", {-60.1, -30.0}, SiteType::open_dump, SiteStatus::active, 30.0),
        test::make_site("A3", "ARG", {-60.2, -30.0}, SiteType::open_dump, SiteStatus::active, std::nullopt),
        test::make_site("A4", "ARG", {-60.3, -30.0}, SiteType::open_dump, SiteStatus::closed, std::nullopt),
        test::make_site("U1", "URY", {-56.0, -34.0}, SiteType::open_dump, SiteStatus::active, std::nullopt),
    };
    SECTION("without places: every unknown demand tonnage takes a median")
    {
        const auto fill = fill_demand_waste(sites, {"ARG"}, false, {}, {});
        CHECK(fill.unknown == 1);  // A3 (A4 is closed: not demand; U1 not planned)
        CHECK(fill.estimated_from_places == 0);
        CHECK(fill.country_median == 1);
        CHECK(sites[2].waste_t_per_day == 20.0);  // median of 10 and 30
        CHECK(sites[2].waste_provenance == Provenance::estimated);
        CHECK_FALSE(sites[3].waste_t_per_day.has_value());
        CHECK(sites[4].waste_t_per_day == 20.0);  // URY has no known tonnage: the LAC median
    }
}
