// First-level units: reading a layer, the unit of a point (inside, near a coast within the tolerance,
// too far), finding a unit by code or by name without accents, and the unit of sites and places.
// Fixture: tests/data/admin1_fixture.geojson (rectangles, tests/data/README.md). Distances by hand:
// a point 0.1 degree of latitude south of Montevideo's edge (-35) is 11.09 km from it (WGS84 meridian
// arc at 35 S: 110.95 km per degree), 0.3 degree is 33.3 km.
#include "basural/base/error.hpp"
#include "basural/inventory/admin1.hpp"

#include "support/builders.hpp"
#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

using namespace basural;
using Catch::Contains;

namespace {

const Admin1Boundaries& fixture()
{
    static const Admin1Boundaries b(test::data_path("admin1_fixture.geojson"));
    return b;
}

std::string code_at(LonLat p, const std::string& iso3, double tolerance_m = DEFAULT_ADMIN1_TOLERANCE_M)
{
    const auto u = fixture().unit_at(p, iso3, tolerance_m);
    return u ? fixture().units()[*u].code : "none";
}

}  // namespace

TEST_CASE("Admin1Boundaries reads the units sorted by country and code", "[admin1]")
{
    const auto& units = fixture().units();
    REQUIRE(units.size() == 4);
    CHECK(units[0].code == "ARG-01");
    CHECK(units[1].code == "URY-10");
    CHECK(units[1].name == "Montevideo");
    CHECK(units[3].name == "Tacuarembó");
    CHECK(fixture().units_of("URY") == std::vector<std::size_t>{1, 2, 3});
    CHECK(fixture().polygons(3).size() == 1);
}

TEST_CASE("unit_at: inside, near a coast within the tolerance, too far, another country", "[admin1]")
{
    CHECK(code_at({-56.2, -34.85}, "URY") == "URY-10");
    CHECK(code_at({-55.98, -31.71}, "URY") == "URY-18");  // inside the MultiPolygon
    CHECK(code_at({-56.2, -35.1}, "URY") == "URY-10");    // 11 km out at sea: within 25 km
    CHECK(code_at({-56.2, -35.1}, "URY", 10000.0) == "none");
    CHECK(code_at({-56.2, -35.3}, "URY") == "none");      // 33 km out
    CHECK(code_at({-56.2, -34.85}, "ARG") == "none");     // only units of the given country
    CHECK(code_at({-58.4, -34.6}, "ARG") == "ARG-01");
    // between Montevideo (-55.9) and Maldonado (-55.5): 0.1 degree from Montevideo, 0.3 from Maldonado
    CHECK(code_at({-55.8, -34.8}, "URY") == "URY-10");
}

TEST_CASE("find: by code, else by name ignoring case and accents", "[admin1]")
{
    const auto& b = fixture();
    CHECK(b.find("URY", "URY-11") == std::optional<std::size_t>(2));
    CHECK(b.find("URY", "tacuarembo") == std::optional<std::size_t>(3));
    CHECK(b.find("URY", "TACUAREMBÓ") == std::optional<std::size_t>(3));
    CHECK_FALSE(b.find("ARG", "Montevideo").has_value());
    CHECK(fold_name("  São_Paulo -  Capital ") == "sao paulo capital");
    CHECK(fold_name("Ñuble") == "nuble");
}

TEST_CASE("site_admin1 and place_admin1: the inventory's unit, else the location's", "[admin1]")
{
    std::vector<Site> sites;
    sites.push_back(test::make_site("A", "URY", {-56.2, -34.85}, SiteType::open_dump, SiteStatus::active));
    sites.push_back(test::make_site("B", "URY", {-56.2, -34.85}, SiteType::open_dump, SiteStatus::active));
    sites[1].admin1_name = "Maldonado";  // the inventory says Maldonado: kept, not the location's unit
    sites.push_back(test::make_site("C", "URY", {-56.2, -34.85}, SiteType::open_dump, SiteStatus::active));
    sites[2].admin1_code = "99";
    sites[2].admin1_name = "Unidad propia";  // a unit the layer does not know: the inventory's
    sites.push_back(test::make_site("D", "URY", {-53.5, -33.0}, SiteType::open_dump, SiteStatus::active));
    const auto keys = site_admin1(sites, &fixture());
    CHECK(keys[0] == Admin1Key{"URY", "URY-10", "Montevideo", true});
    CHECK(keys[1] == Admin1Key{"URY", "URY-11", "Maldonado", false});
    CHECK(keys[2] == Admin1Key{"URY", "99", "Unidad propia", false});
    CHECK(keys[3] == Admin1Key{"URY", "", "", false});
    CHECK_FALSE(keys[3].known());
    const auto none = site_admin1(sites, nullptr);
    CHECK_FALSE(none[0].known());
    CHECK(none[1].name == "Maldonado");

    const std::vector<Place> places{test::make_place("P", "URY", {-54.9, -34.9}, 1000)};
    CHECK(place_admin1(places, &fixture())[0].code == "URY-11");
}

TEST_CASE("Admin1Boundaries refuses a layer without the properties it needs", "[admin1]")
{
    const auto dir = test::unit_scratch_dir("admin1_bad");
    const auto path = test::write_text(dir / "bad.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso3":"URY","name":"X"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})");
    CHECK_THROWS_WITH(Admin1Boundaries(path), Contains("has no 'admin1_code' property"));
    const auto empty_code = test::write_text(dir / "empty.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"iso3":"URY","admin1_code":"","name":"X"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})");
    CHECK_THROWS_WITH(Admin1Boundaries(empty_code), Contains("record 1: admin1_code '' is empty"));
}

TEST_CASE("fill_admin1_codes: the code of the unit a site names, else of the unit it lies in", "[admin1]")
{
    std::vector<Site> sites;
    sites.push_back(test::make_site("A", "URY", {-56.2, -34.85}, SiteType::open_dump, SiteStatus::active));
    sites.push_back(test::make_site("B", "URY", {-56.2, -34.85}, SiteType::open_dump, SiteStatus::active));
    sites[1].admin1_name = "maldonado";
    sites.push_back(test::make_site("C", "URY", {-53.5, -33.0}, SiteType::open_dump, SiteStatus::active));
    sites.push_back(test::make_site("D", "URY", {-56.2, -34.85}, SiteType::open_dump, SiteStatus::active));
    sites[3].admin1_code = "77";
    const auto fill = fill_admin1_codes(sites, fixture());
    CHECK(fill.without_code == 3);
    CHECK(fill.from_location == 1);
    CHECK(fill.from_name == 1);
    CHECK(sites[0].admin1_code == "URY-10");
    CHECK(sites[0].admin1_name == "Montevideo");
    CHECK(sites[1].admin1_code == "URY-11");
    CHECK(sites[1].admin1_name == "maldonado");  // the inventory's spelling is kept
    CHECK(sites[2].admin1_code.empty());          // in no unit
    CHECK(sites[3].admin1_code == "77");          // given: untouched
}
