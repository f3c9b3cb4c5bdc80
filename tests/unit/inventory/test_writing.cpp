// Writing inventories in every vector format (read back identically) and their rejects as CSV.
#include "basural/base/error.hpp"
#include "basural/inventory/reading.hpp"
#include "basural/inventory/writing.hpp"

#include "support/inventory_fixtures.hpp"
#include "support/site_checks.hpp"
#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace basural;
using basural::test::data_path;
using basural::test::fixture_options;
using basural::test::load_fixture;

namespace {

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("written inventories read back identically", "[inventory]")
{
    const auto dir = basural::test::unit_scratch_dir("inventory_roundtrip");
    const auto original = load_fixture("sites_schema.csv");
    for (const char* name : {"out.gpkg", "out.geojson", "out.fgb", "out.csv", "out.xlsx", "out.kml", "out.sqlite"}) {
        INFO(name);
        const auto path = (dir / name).string();
        write_inventory(original, path);
        const auto back = load_inventory(path, fixture_options());
        CHECK(back.rejects.empty());
        basural::test::check_same_sites(back.sites, original.sites);
    }
    // The later columns derived_fields and reporting_municipalities too.
    const auto shared = load_fixture("sites_shared.csv");
    REQUIRE(shared.sites.size() == 2);
    for (const char* name : {"shared.gpkg", "shared.csv", "shared.geojson"}) {
        INFO(name);
        const auto path = (dir / name).string();
        write_inventory(shared, path);
        basural::test::check_same_sites(load_inventory(path, fixture_options()).sites, shared.sites);
    }
    // GeoPackages are byte-identical for the same inventory.
    write_inventory(original, (dir / "again.gpkg").string());
    CHECK(slurp((dir / "again.gpkg").string()) == slurp((dir / "out.gpkg").string()));
    CHECK_THROWS_AS(write_inventory(original, (dir / "out.shp").string()), usage_error);
    CHECK_THROWS_AS(write_inventory(original, (dir / "no_dir" / "out.gpkg").string()), input_error);
}

TEST_CASE("rejects are written as CSV with one row per reject", "[inventory]")
{
    const auto dir = basural::test::unit_scratch_dir("inventory_rejects");
    std::vector<Reject> rejects{
        {"a.csv", 3, "lat", "123", "is outside [-90, 90]", "lat_out_of_range"},
        {"a.csv", 7, "name", "x,\"y\"", "has a comma, and \"quotes\"", "not_utf8"},
    };
    const auto path = (dir / "rejects.csv").string();
    write_rejects(rejects, path);
    CHECK(slurp(path) == "file,record,field,value,reason,check\n"
                         "a.csv,3,lat,123,\"is outside [-90, 90]\",lat_out_of_range\n"
                         "a.csv,7,name,\"x,\"\"y\"\"\",\"has a comma, and \"\"quotes\"\"\",not_utf8\n");
}
