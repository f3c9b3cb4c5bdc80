// The per-country methane table: unknown totals are empty cells, not 0.
#include "basural/reports/methane.hpp"
#include "basural/reports/methane_report.hpp"

#include <catch2/catch.hpp>

#include <variant>

using namespace basural;

TEST_CASE("methane country table: a country whose every site is unknown has empty CH4 and CO2e cells",
          "[methane][methane_report]")
{
    // ARG: one site of 2 t CH4 (56 t CO2e at GWP 28); BHS: two sites the model could not estimate.
    SiteMethane a, b1, b2;
    a.country_iso3 = "ARG";
    a.ch4_t_per_year = 2.0;
    a.co2e_t_per_year = 56.0;
    b1.country_iso3 = b2.country_iso3 = "BHS";
    const auto t = methane_country_table({b1, a, b2}, 2024, 28.0);
    REQUIRE(t.columns.size() == 8);
    REQUIRE(t.columns[3].name == "sites_unknown");
    REQUIRE(t.columns[5].name == "ch4_t_per_year");
    REQUIRE(t.columns[6].name == "co2e_t_per_year");
    REQUIRE(t.rows.size() == 3);  // ARG, BHS, LAC
    const auto& arg = t.rows[0];
    const auto& bhs = t.rows[1];
    const auto& lac = t.rows[2];
    REQUIRE(std::get<std::string>(bhs[0]) == "BHS");
    CHECK(std::get<std::int64_t>(bhs[3]) == 2);
    CHECK(std::holds_alternative<std::monostate>(bhs[5]));
    CHECK(std::holds_alternative<std::monostate>(bhs[6]));
    CHECK(std::get<double>(arg[5]) == 2.0);
    CHECK(std::get<double>(arg[6]) == 56.0);
    // LAC: ARG's known total; the two BHS sites it leaves out are counted beside it.
    REQUIRE(std::get<std::string>(lac[0]) == "LAC");
    CHECK(std::get<std::int64_t>(lac[1]) == 3);
    CHECK(std::get<std::int64_t>(lac[3]) == 2);
    CHECK(std::get<double>(lac[5]) == 2.0);
    CHECK(std::get<double>(lac[6]) == 56.0);

    SECTION("only unknown sites: LAC is unknown too")
    {
        const auto u = methane_country_table({b1, b2}, 2024, 28.0);
        REQUIRE(u.rows.size() == 2);
        CHECK(std::holds_alternative<std::monostate>(u.rows[1][5]));
        CHECK(std::get<std::int64_t>(u.rows[1][3]) == 2);
    }
    SECTION("no sites: LAC is a true 0")
    {
        const auto e = methane_country_table({}, 2024, 28.0);
        REQUIRE(e.rows.size() == 1);
        CHECK(std::get<double>(e.rows[0][5]) == 0.0);
    }
}
