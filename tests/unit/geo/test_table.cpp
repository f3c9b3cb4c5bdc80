// Reading tables through GDAL: columns, strict numbers, points (CSV lon/lat and other formats'
// geometry, transformed to WGS84), and error messages naming file, record, field and value.
#include "basural/base/error.hpp"
#include "basural/geo/table.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace basural;

namespace {
std::string data(const std::string& name) { return (std::filesystem::path(BASURAL_TEST_DATA_DIR) / name).string(); }

std::string scratch_file(const std::string& name, const std::string& contents)
{
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "table";
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path) << contents;
    return path.string();
}
}  // namespace

TEST_CASE("a CSV table: columns, text, numbers and lon/lat points", "[table]")
{
    const auto t = read_table(data("locate_points_demand.csv"));
    CHECK(t.columns() == std::vector<std::string>{"id", "weight", "lon", "lat"});
    REQUIRE(t.size() == 3);
    CHECK(t.find_column("WEIGHT") == std::optional<std::size_t>(1));  // case-insensitive
    CHECK_FALSE(t.find_column("load").has_value());
    CHECK(t.text(2, 0) == "p3");
    CHECK(t.number(0, 1) == 1.0);
    REQUIRE(t.has_points());
    REQUIRE(t.point(2).has_value());
    CHECK(t.point(2)->lon_deg == -58.8);
    CHECK(t.point(2)->lat_deg == 0.0);
    CHECK_THROWS_WITH(t.require_column("load"), Catch::Contains("no column 'load' (columns: id, weight, lon, lat)"));
}

TEST_CASE("a table without coordinates has no points", "[table]")
{
    const auto t = read_table(data("locate_matrix.csv"));
    CHECK(t.size() == 12);
    CHECK_FALSE(t.has_points());
    CHECK_FALSE(t.point(0).has_value());
    CHECK(t.number(11, 2) == 1.0);
}

TEST_CASE("numbers are parsed strictly and errors name file, record, field and value", "[table]")
{
    const auto path = scratch_file("numbers.csv", "id,weight\na, 12.5 \nb,1,5\nc,\nd,3 t\ne,-2e3\n");
    const auto t = read_table(path);
    CHECK(t.number(0, 1) == 12.5);  // blanks around it are fine
    CHECK(t.number(4, 1) == -2000.0);
    CHECK_FALSE(t.optional_number(2, 1).has_value());
    CHECK_THROWS_WITH(t.number(2, 1), Catch::Contains("record 3: weight '' is empty"));
    CHECK_THROWS_WITH(t.number(3, 1), Catch::Contains("record 4: weight '3 t' is not a number"));
    try {
        (void)t.number(3, 1);
        FAIL("no exception");
    } catch (const input_error& e) {
        CHECK(e.file() == path);
        CHECK(e.record() == 4);
        CHECK(e.field() == "weight");
        CHECK(e.value() == "3 t");
    }
}

TEST_CASE("parse_number accepts plain decimal numbers only", "[table]")
{
    CHECK(parse_number("42") == 42.0);
    CHECK(parse_number(" -0.5 ") == -0.5);
    CHECK(parse_number("+3") == 3.0);
    CHECK(parse_number("1e-3") == 0.001);
    CHECK_FALSE(parse_number("").has_value());
    CHECK_FALSE(parse_number("1,5").has_value());
    CHECK_FALSE(parse_number("12km").has_value());
    CHECK_FALSE(parse_number("nan").has_value());
    CHECK_FALSE(parse_number("inf").has_value());
}

TEST_CASE("point geometry in another CRS is transformed to WGS84", "[table]")
{
    // cs2cs -d 6 EPSG:4326 EPSG:3857 of (lat -12.5, lon -77.0): -8571600.791082 -1402665.189968
    const auto t = read_table(data("table_points_3857.geojson"));
    REQUIRE(t.size() == 2);
    REQUIRE(t.point(0).has_value());
    CHECK(t.point(0)->lon_deg == Approx(-77.0).margin(1e-8));
    CHECK(t.point(0)->lat_deg == Approx(-12.5).margin(1e-8));
    CHECK_FALSE(t.point(1).has_value());
    CHECK(t.text(0, *t.find_column("id")) == "lima");
    CHECK(t.number(0, *t.find_column("weight")) == 2.5);
}

TEST_CASE("bad coordinates and geometries are input errors", "[table]")
{
    CHECK_THROWS_WITH(read_table(scratch_file("lat.csv", "id,lon,lat\na,-60,0\nb,-60,91\n")),
                      Catch::Contains("record 2: lat '91' is outside [-90, 90]"));
    CHECK_THROWS_WITH(read_table(scratch_file("lon.csv", "id,lon,lat\na,west,0\n")),
                      Catch::Contains("record 1: lon '' is empty or not a number"));
    const auto line = scratch_file("line.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"r"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]})");
    CHECK_THROWS_WITH(read_table(line), Catch::Contains("record 1: geometry 'LINESTRING' is not a point"));
}

TEST_CASE("unreadable files are input errors naming the file", "[table]")
{
    CHECK_THROWS_WITH(read_table(data("no_such_table.csv")), Catch::Contains("no such file or directory"));
    CHECK_THROWS_WITH(read_table(scratch_file("one_column.csv", "id\nz\n")),
                      Catch::Contains("at least two columns"));
}
