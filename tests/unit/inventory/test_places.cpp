// Loading populated places through GDAL: values, unknown populations, and errors that name
// file, record, field and value.
#include "basural/base/error.hpp"
#include "basural/inventory/places.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace basural;

namespace {
std::filesystem::path data(const char* name) { return std::filesystem::path(BASURAL_TEST_DATA_DIR) / name; }
}  // namespace

TEST_CASE("places load with their values, quoted names and unknown populations", "[places]")
{
    const auto places = load_places(data("places_small.csv"));
    REQUIRE(places.size() == 4);
    CHECK(places[0].id == "3469058");
    CHECK(places[0].name == "Brasília");
    CHECK(places[0].country_iso3 == "BRA");
    CHECK(places[0].feature_code == "PPLC");
    CHECK(places[0].admin1_code == "07");
    CHECK(places[0].population == 2207718);
    CHECK(places[0].location.lon_deg == -47.92972);
    CHECK(places[0].location.lat_deg == -15.77972);
    CHECK(places[1].name == "São Paulo");
    CHECK(places[2].name == "Villa, sin población");
    CHECK_FALSE(places[2].population.has_value());  // empty: unknown, not 0
    CHECK(places[3].population == 12294193);        // "12294193.0" is a whole number
}

TEST_CASE("bad place records are input errors naming file, record, field and value", "[places]")
{
    CHECK_THROWS_WITH(load_places(data("places_bad_lat.csv")),
                      Catch::EndsWith("places_bad_lat.csv record 2: lat '-123.4' is outside [-90, 90]"));
    CHECK_THROWS_WITH(load_places(data("places_bad_population.csv")),
                      Catch::EndsWith("record 2: population 'many' is not a number"));
    CHECK_THROWS_WITH(load_places(data("places_bad_country.csv")),
                      Catch::EndsWith("record 1: country 'BR' is not an ISO 3166-1 alpha-3 code (three capital letters)"));
    CHECK_THROWS_WITH(load_places(data("places_duplicate_id.csv")),
                      Catch::EndsWith("record 2: geonameid '1' appears twice"));
    CHECK_THROWS_WITH(load_places(data("places_missing_column.csv")),
                      Catch::Contains("places_missing_column.csv: missing column(s) population"));
    try {
        load_places(data("places_bad_lat.csv"));
        FAIL("no error");
    } catch (const input_error& e) {
        CHECK(e.record() == 2);
        CHECK(e.field() == "lat");
        CHECK(e.value() == "-123.4");
    }
    CHECK_THROWS_WITH(load_places(data("no_such_places.csv")), Catch::Contains("no such file"));
}
