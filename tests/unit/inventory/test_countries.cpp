// Country boundaries: point in country, distances in metres, the 33 LAC codes.
// Reference distances from GeographicLib's GeodSolve (geographiclib-tools 2.1):
//   echo "5 -0.01 5 0" | GeodSolve -i -p 3     -> 1108.987 m
//   echo "5 45.5 5 46" | GeodSolve -i -p 3     -> 55449.352 m
// (the nearest boundary points lie on meridians, where the geodesic from the query point meets the
// meridian at right angles: azimuths 89.9996 / 90.0004 and 89.978 / 90.022 degrees).
#include "basural/inventory/countries.hpp"
#include "basural/base/error.hpp"

#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

using namespace basural;
using basural::test::data_path;

namespace {
const CountryBoundaries& rectangles()
{
    // AAA [0,10]x[0,10], BBB [10,20]x[0,10] (shares AAA's east edge), CCC two 1-degree islands at
    // lon 30 and 33, DDD [40,50]x[0,10] with a hole [44,46]x[4,6]; a vertex every degree.
    static const CountryBoundaries b(data_path("countries_rectangles.geojson"));
    return b;
}
}  // namespace

TEST_CASE("the 33 LAC countries are sorted, unique and complete", "[countries]")
{
    const auto& all = lac_countries();
    REQUIRE(all.size() == 33);
    CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.iso3 < b.iso3; }));
    std::set<std::string_view> iso2, n3;
    for (const auto& c : all) {
        CHECK(c.iso3.size() == 3);
        iso2.insert(c.iso2);
        n3.insert(c.iso_n3);
    }
    CHECK(iso2.size() == 33);
    CHECK(n3.size() == 33);
    REQUIRE(find_lac_country("BRA") != nullptr);
    CHECK(find_lac_country("BRA")->iso_n3 == "076");
    CHECK(find_lac_country("VCT")->iso2 == "VC");
    CHECK(find_lac_country("USA") == nullptr);
    CHECK(find_lac_country("bra") == nullptr);
}

TEST_CASE("boundaries load codes, names and rings", "[countries]")
{
    const auto& b = rectangles();
    CHECK(b.codes() == std::vector<std::string>{"AAA", "BBB", "CCC", "DDD"});
    CHECK(b.names().at("CCC") == "Gamma islands");
    CHECK(b.has("DDD"));
    CHECK_FALSE(b.has("ZZZ"));
    const auto& ddd = b.polygons("DDD");
    REQUIRE(ddd.size() == 1);
    REQUIRE(ddd[0].size() == 2);  // exterior + hole
    CHECK(ddd[0][0].front() == ddd[0][0].back());
    CHECK(ddd[0][0].size() == 41);  // 40 one-degree edges + closing vertex
    CHECK(b.polygons("CCC").size() == 2);
    CHECK_THROWS_AS(b.polygons("ZZZ"), usage_error);
}

TEST_CASE("country_at finds the covering country, border ties go to the first code", "[countries]")
{
    const auto& b = rectangles();
    CHECK(b.country_at({5, 5}) == "AAA");
    CHECK(b.country_at({15, 5}) == "BBB");
    CHECK(b.country_at({10, 5}) == "AAA");      // on the shared border: both cover it
    CHECK(b.country_at({33.5, 0.5}) == "CCC");  // second island
    CHECK_FALSE(b.country_at({32, 0.5}).has_value());  // between the islands
    CHECK_FALSE(b.country_at({45, 5}).has_value());    // in DDD's hole
    CHECK(b.country_at({-0.01, 5}, 2000.0) == "AAA");  // 1109 m west of AAA
    CHECK_FALSE(b.country_at({-0.01, 5}, 1000.0).has_value());
}

TEST_CASE("distances to a country are geodesic metres", "[countries]")
{
    const auto& b = rectangles();
    CHECK(b.distance_m("AAA", {5, 5}, 1000.0) == 0.0);
    // 1108.987 m by GeodSolve; the boundary edge is a 1-degree (111 km) meridian segment, taken as
    // straight in the azimuthal equidistant projection around the point: 1 cm here.
    CHECK(b.distance_m("AAA", {-0.01, 5}, 5000.0) == Approx(1108.987).margin(0.01));
    CHECK(std::isinf(b.distance_m("AAA", {-0.01, 5}, 1000.0)));
    // Inside DDD's hole, 0.5 degree from its east edge: 55449.352 m by GeodSolve.
    // 55 km from a 2-degree edge the straight-segment approximation is off by about 6 mm.
    CHECK(b.distance_m("DDD", {45.5, 5}, 100000.0) == Approx(55449.352).margin(0.05));
    CHECK_THROWS_AS(b.distance_m("ZZZ", {0, 0}, 1.0), usage_error);
}

TEST_CASE("contains applies the tolerance in metres", "[countries]")
{
    const auto& b = rectangles();
    CHECK(b.contains("AAA", {5, 5}));
    CHECK_FALSE(b.contains("BBB", {5, 5}));
    CHECK_FALSE(b.contains("AAA", {-0.01, 5}, 1100.0));  // 1109 m away
    CHECK(b.contains("AAA", {-0.01, 5}, 1110.0));
    CHECK_FALSE(b.contains("ZZZ", {5, 5}, 1e6));
}

TEST_CASE("real country shapes: capitals and the sea", "[countries]")
{
    // Natural Earth 1:50m, simplified to 0.05 degree (tests/data/README.md).
    const CountryBoundaries b(data_path("countries_fixture.geojson"));
    CHECK(b.codes() == std::vector<std::string>{"ARG", "BRA", "MEX", "URY"});
    CHECK(b.country_at({-47.8825, -15.7942}) == "BRA");  // Brasília
    CHECK(b.country_at({-64.1888, -31.4201}) == "ARG");  // Córdoba
    CHECK(b.country_at({-99.1332, 19.4326}) == "MEX");   // Mexico City
    CHECK(b.country_at({-56.0, -32.5}) == "URY");
    CHECK_FALSE(b.country_at({-35.0, -25.0}, DEFAULT_COASTAL_TOLERANCE_M).has_value());  // South Atlantic
    CHECK(b.contains("URY", {-56.0, -32.5}, DEFAULT_COASTAL_TOLERANCE_M));
}

TEST_CASE("bad boundary files are refused with the file named", "[countries]")
{
    const auto dir = basural::test::unit_scratch_dir("countries_bad");
    const auto no_iso3 = basural::test::write_text(
        dir / "no_iso3.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})");
    CHECK_THROWS_WITH(CountryBoundaries(no_iso3), Catch::Contains("no 'iso3' property"));
    const auto line = basural::test::write_text(
        dir / "line.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso3":"AAA"},)"
        R"("geometry":{"type":"LineString","coordinates":[[0,0],[1,0]]}}]})");
    CHECK_THROWS_WITH(CountryBoundaries(line), Catch::Contains("record 1") && Catch::Contains("not a polygon"));
    CHECK_THROWS_AS(CountryBoundaries((dir / "missing.geojson").string()), input_error);
}
