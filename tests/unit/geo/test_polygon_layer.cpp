// The one reader of polygon layers (geo/polygon_layer.hpp): records with required and optional
// properties, polygons as closed rings of WGS84 vertices transformed from the layer's CRS, and errors
// naming file, record, field and value.
#include "geo/polygon_layer.hpp"

#include "basural/base/error.hpp"
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

using basural::MultiPolygonRings;
using basural::PolygonLayer;
using Catch::Contains;

namespace {

// Web Mercator (EPSG:3857) of 1 degree of longitude and of latitudes 10 and -20 degrees:
// x = R lon, y = R ln(tan(pi/4 + lat/2)), R = 6378137 m (computed by hand, not by PROJ).
constexpr double X1 = 111319.49079327358;
constexpr double Y10 = 1118889.9748579597;
constexpr double Y_MINUS_20 = -2273030.92698769;

std::string write_layer(const std::string& name, const std::string& crs, const std::string& features)
{
    const auto path = (basural::test::scratch_dir("polygon_layer_" + name) / (name + ".geojson")).string();
    std::ofstream out(path);
    out << R"({"type": "FeatureCollection",)" << crs << R"("features": [)" << features << "]}";
    return path;
}

const std::string MERCATOR = R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},)";

std::string feature(const std::string& properties, const std::string& geometry)
{
    return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": )" + geometry + "}";
}

}  // namespace

TEST_CASE("polygons come back in WGS84 from the layer's CRS, rings closed", "[polygon_layer]")
{
    const auto x1 = std::to_string(X1), y10 = std::to_string(Y10), ym20 = std::to_string(Y_MINUS_20);
    const std::string square = "[[0, 0], [" + x1 + ", 0], [" + x1 + ", " + y10 + "], [0, " + y10 + "], [0, 0]]";
    const std::string south = "[[0, " + ym20 + "], [" + x1 + ", " + ym20 + "], [" + x1 + ", 0], [0, " + ym20 + "]]";
    const auto path = write_layer(
        "mercator", MERCATOR,
        feature(R"({"code": "A", "name": "Norte"})", R"({"type": "Polygon", "coordinates": [)" + square + "]}") + "," +
            feature(R"({"code": "B"})", R"({"type": "MultiPolygon", "coordinates": [[)" + square + "], [" + south + "]]}"));

    PolygonLayer layer(path, {{"code"}, {"name", "iso_n3"}, "units need code", "no layer"});
    REQUIRE(layer.next());
    CHECK(layer.record() == 1);
    CHECK(layer.text("code") == "A");
    CHECK(layer.text("name") == "Norte");
    CHECK(layer.text("iso_n3").empty());  // optional and absent from the layer
    const MultiPolygonRings a = layer.polygons("unit A");
    REQUIRE(a.size() == 1);
    REQUIRE(a[0].size() == 1);
    const auto& ring = a[0][0];
    REQUIRE(ring.size() == 5);
    const double expected[5][2] = {{0, 0}, {1, 0}, {1, 10}, {0, 10}, {0, 0}};
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(ring[i].lon_deg == Approx(expected[i][0]).margin(1e-6));
        CHECK(ring[i].lat_deg == Approx(expected[i][1]).margin(1e-6));
    }

    REQUIRE(layer.next());
    CHECK(layer.text("name").empty());  // the property is absent from this feature
    const MultiPolygonRings b = layer.polygons("unit B");
    REQUIRE(b.size() == 2);
    CHECK(b[1][0].front().lat_deg == Approx(-20.0).margin(1e-6));
    CHECK(b[1][0].front() == b[1][0].back());
    CHECK_FALSE(layer.next());
}

TEST_CASE("a polygon layer names the file, record and value of what it cannot read", "[polygon_layer]")
{
    const auto path = write_layer(
        "errors", "",
        feature(R"({"code": "A"})", R"({"type": "Point", "coordinates": [1, 2]})") + "," +
            feature(R"({"code": "B"})", "null"));
    SECTION("a point where a polygon is needed")
    {
        PolygonLayer layer(path, {{"code"}, {}, "units need code", "no layer"});
        REQUIRE(layer.next());
        CHECK_THROWS_WITH(layer.polygons("unit A"),
                          Contains("errors.geojson record 1: geometry 'Point' is not a polygon or multipolygon (unit A)"));
    }
    SECTION("no geometry")
    {
        PolygonLayer layer(path, {{"code"}, {}, "units need code", "no layer"});
        REQUIRE(layer.next());
        REQUIRE(layer.next());
        CHECK_THROWS_WITH(layer.polygons("unit B"), Contains("record 2: geometry '' unit B has no geometry"));
    }
    SECTION("a required property missing")
    {
        CHECK_THROWS_AS(PolygonLayer(path, {{"code", "iso3"}, {}, "units need code and iso3", "no layer"}),
                        basural::input_error);
        CHECK_THROWS_WITH(PolygonLayer(path, {{"code", "iso3"}, {}, "units need code and iso3", "no layer"}),
                          Contains("errors.geojson: has no 'iso3' property; units need code and iso3"));
    }
}
