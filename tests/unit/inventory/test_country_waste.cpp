// Loading per-country waste parameters through GDAL.
#include "basural/inventory/country_waste.hpp"
#include "basural/base/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace basural;

namespace {
std::filesystem::path data(const char* name) { return std::filesystem::path(BASURAL_TEST_DATA_DIR) / name; }
}  // namespace

TEST_CASE("country waste parameters load; empty cells are unknown", "[country_waste]")
{
    const auto rows = load_country_waste(data("country_waste_small.csv"));
    REQUIRE(rows.size() == 3);
    const auto& bra = rows[0];
    CHECK(bra.iso3 == "BRA");
    CHECK(bra.name == "Brazil");
    CHECK(bra.population == 200000000);
    CHECK(bra.msw_t_per_year == 73000000.0);
    CHECK(bra.msw_kg_per_capita_day == 1.0);
    CHECK(bra.collection_coverage_pct == 90.5);
    CHECK(bra.open_dump_pct == 10.0);
    CHECK(bra.controlled_landfill_pct == 20.0);
    CHECK(bra.sanitary_landfill_pct == 60.0);
    CHECK_FALSE(bra.landfill_unspecified_pct.has_value());
    CHECK(bra.composition_food_organic_pct == 51.4);
    CHECK(bra.composition_paper_cardboard_pct == 13.1);
    CHECK_FALSE(bra.composition_wood_pct.has_value());
    CHECK(bra.composition_other_pct == 16.7);
    CHECK(rows[2].iso3 == "HTI");
    CHECK_FALSE(rows[2].population.has_value());
    CHECK_FALSE(rows[2].collection_coverage_pct.has_value());
}

TEST_CASE("kg per capita per day: the column, else derived from tonnage and population", "[country_waste]")
{
    CountryWaste c;
    c.msw_t_per_year = 3650000.0;
    c.population = 10000000;
    // 3 650 000 t/yr x 1000 kg/t / 365 d / 10 000 000 people = 1.0 kg per person per day
    CHECK(*msw_kg_per_capita_day_of(c) == Approx(1.0).epsilon(1e-15));
    c.msw_kg_per_capita_day = 0.8;
    CHECK(*msw_kg_per_capita_day_of(c) == 0.8);
    CountryWaste none;
    none.msw_t_per_year = 1000.0;
    CHECK_FALSE(msw_kg_per_capita_day_of(none).has_value());
    none.population = 0;
    CHECK_FALSE(msw_kg_per_capita_day_of(none).has_value());
}

TEST_CASE("bad country waste records are input errors naming the field and value", "[country_waste]")
{
    CHECK_THROWS_WITH(load_country_waste(data("country_waste_bad_pct.csv")),
                      Catch::EndsWith("country_waste_bad_pct.csv record 2: collection_coverage_pct '101' is outside [0, 100]"));
    CHECK_THROWS_WITH(load_country_waste(data("places_small.csv")), Catch::Contains("missing column(s) iso3"));
}
