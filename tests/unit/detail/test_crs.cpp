// Coordinate reference systems: projected national CRSs are reprojected to WGS84 lon/lat with
// easting as x whatever the CRS's official axis order; a CRS must be known or stated.
// Reference values from PROJ's cs2cs (PROJ 9.1), commands in each test.
#include "basural/base/error.hpp"
#include "basural/inventory/inventory.hpp"

#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

using namespace basural;
using basural::test::data_path;

namespace {

LoadOptions fixture_options()
{
    LoadOptions o;
    o.countries_path = data_path("countries_fixture.geojson");
    o.current_year = 2025;
    return o;
}

Inventory load(const std::string& name, const LoadOptions& o = fixture_options())
{
    auto inv = load_inventory(data_path(name), o);
    REQUIRE(inv.records_read == static_cast<std::int64_t>(inv.sites.size() + inv.rejects.size()));
    return inv;
}

}  // namespace

TEST_CASE("a SIRGAS 2000 / UTM zone 23S input is reprojected to WGS84", "[crs]")
{
    // References (lat lon output):
    //   echo "190000 8250000" | cs2cs -d 9 EPSG:31983 EPSG:4326   -> -15.809522573 -47.893642973
    //   echo "300000 7400000" | cs2cs -d 9 EPSG:31983 EPSG:4326   -> -23.497880151 -46.958567096
    auto check = [](const Inventory& inv) {
        REQUIRE(inv.sites.size() == 2);
        CHECK(inv.sites[0].location.lon_deg == Approx(-47.893642973).margin(2e-9));
        CHECK(inv.sites[0].location.lat_deg == Approx(-15.809522573).margin(2e-9));
        CHECK(inv.sites[1].location.lon_deg == Approx(-46.958567096).margin(2e-9));
        CHECK(inv.sites[1].location.lat_deg == Approx(-23.497880151).margin(2e-9));
    };
    check(load("sites_sirgas_utm23s.gpkg"));  // CRS in the file
    auto opts = fixture_options();
    opts.source_crs = "EPSG:31983";           // CSV x/y with the CRS stated by the user
    check(load("sites_sirgas_utm23s.csv", opts));
}

TEST_CASE("a POSGAR 2007 / Argentina 4 input keeps easting as x", "[crs]")
{
    // EPSG:5346's official axis order is northing, easting; cs2cs follows it, so the input is "N E":
    //   echo "6522000 4387000" | cs2cs -d 9 EPSG:5346 EPSG:4326   -> -31.436360115 -64.188602773
    //   echo "6200000 4600000" | cs2cs -d 9 EPSG:5346 EPSG:4326   -> -34.340497885 -61.913240774
    // The files store x = easting (4387000), y = northing, as GIS files do.
    auto check = [](const Inventory& inv) {
        REQUIRE(inv.sites.size() == 2);
        CHECK(inv.sites[0].location.lon_deg == Approx(-64.188602773).margin(2e-9));
        CHECK(inv.sites[0].location.lat_deg == Approx(-31.436360115).margin(2e-9));
        CHECK(inv.sites[1].location.lon_deg == Approx(-61.913240774).margin(2e-9));
        CHECK(inv.sites[1].location.lat_deg == Approx(-34.340497885).margin(2e-9));
        CHECK(inv.sites[1].site_type == SiteType::sanitary_landfill);
    };
    check(load("sites_posgar_ar4.shp"));  // ESRI .prj
    auto opts = fixture_options();
    opts.source_crs = "EPSG:5346";
    check(load("sites_posgar_ar4.csv", opts));
}

TEST_CASE("a source without a CRS needs one stated", "[crs]")
{
    auto opts = fixture_options();
    opts.mapping = load_field_mapping(data_path("mapping_es.json"));
    CHECK_THROWS_WITH(load_inventory(data_path("sites_noprj.shp"), opts),
                      Catch::Contains("sites_noprj.shp: has no CRS; state one with --crs"));
    opts.source_crs = "EPSG:4326";
    CHECK(load("sites_noprj.shp", opts).sites.size() == 5);
    opts.source_crs = "EPSG:999999";
    CHECK_THROWS_AS(load_inventory(data_path("sites_noprj.shp"), opts), usage_error);
}

TEST_CASE("coordinates PROJ cannot transform are rejected, the others load", "[crs]")
{
    const auto dir = basural::test::unit_scratch_dir("crs_transform");
    const auto path = basural::test::write_text(dir / "far.csv", "site_id,country,site_type,x,y\n"
                                                                 "T1,BRA,open_dump,1e12,1e12\n"
                                                                 "T2,BRA,open_dump,190000,8250000\n");
    auto opts = fixture_options();
    opts.source_crs = "EPSG:31983";
    const auto inv = load_inventory(path, opts);
    CHECK(inv.records_read == 2);
    REQUIRE(inv.sites.size() == 1);
    CHECK(inv.sites[0].site_id == "T2");
    REQUIRE(inv.rejects.size() == 1);
    CHECK(inv.rejects[0].check == "crs_transform");
    CHECK_THAT(inv.rejects[0].reason,
               Catch::StartsWith("cannot be transformed from EPSG:31983 SIRGAS 2000 / UTM zone 23S to WGS84") &&
                   Catch::EndsWith("is that the CRS of the data?"));
}
