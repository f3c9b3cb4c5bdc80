// Per-site checks (coordinates, country code, plausibility, point in country) and near duplicates.
#include "basural/geo/geodesy.hpp"
#include "basural/inventory/validation.hpp"

#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace basural;

namespace {

const CountryBoundaries& fixture_countries()
{
    static const CountryBoundaries b(basural::test::data_path("countries_fixture.geojson"));  // ARG BRA MEX URY
    return b;
}

ValidationOptions with_countries(double tolerance_m = DEFAULT_COASTAL_TOLERANCE_M)
{
    ValidationOptions o;
    o.countries = &fixture_countries();
    o.coastal_tolerance_m = tolerance_m;
    o.current_year = 2025;
    return o;
}

Site site_at(double lon, double lat, const char* country = "BRA")
{
    Site s;
    s.site_id = "s1";
    s.country_iso3 = country;
    s.location = {lon, lat};
    s.site_type = SiteType::open_dump;
    return s;
}

const LonLat BRASILIA{-47.8825, -15.7942};
const LonLat CORDOBA{-64.1888, -31.4201};
const LonLat MEXICO_CITY{-99.1332, 19.4326};

}  // namespace

TEST_CASE("a plausible site in its country passes", "[validation]")
{
    auto s = site_at(BRASILIA.lon_deg, BRASILIA.lat_deg);
    s.waste_t_per_day = 2500.0;
    s.opening_year = 1975;
    s.closure_year = 2018;
    s.waste_pickers = 1000;
    s.child_waste_pickers = 0;
    CHECK_FALSE(check_site(s, with_countries()).has_value());
    CHECK_FALSE(check_site(s, ValidationOptions{}).has_value());
}

TEST_CASE("coordinates out of range, not numbers, or swapped", "[validation]")
{
    auto f = check_site(site_at(-47.88, 123.0), with_countries());
    REQUIRE(f);
    CHECK(f->check == "lat_out_of_range");
    CHECK(f->field == "lat");
    CHECK(f->value == "123");
    CHECK(f->reason == "is outside [-90, 90]");  // swapping (lon 123, lat -47.88) is not in Brazil: no hint

    f = check_site(site_at(-200.0, 10.0), with_countries());
    REQUIRE(f);
    CHECK(f->check == "lon_out_of_range");

    // Mexico City with lon and lat swapped: lat -99.1332 is out of range, and the swap lies in MEX.
    f = check_site(site_at(MEXICO_CITY.lat_deg, MEXICO_CITY.lon_deg, "MEX"), with_countries());
    REQUIRE(f);
    CHECK(f->check == "lon_lat_swapped");
    CHECK(f->field == "lat");
    CHECK_THAT(f->reason, Catch::StartsWith("is outside [-90, 90]; lon and lat appear swapped: lon -99.1332, lat "
                                            "19.4326 lies in MEX"));

    // Brasília swapped stays in range (lon -15.79, lat -47.88: South Atlantic) but not in Brazil.
    f = check_site(site_at(BRASILIA.lat_deg, BRASILIA.lon_deg), with_countries());
    REQUIRE(f);
    CHECK(f->check == "lon_lat_swapped");
    CHECK(f->field == "location");
    CHECK_THAT(f->reason, Catch::Contains("is not in BRA") && Catch::Contains("appear swapped"));

    f = check_site(site_at(std::numeric_limits<double>::quiet_NaN(), -15.0), with_countries());
    REQUIRE(f);
    CHECK(f->check == "not_a_number");
    CHECK(f->value == "NaN");
}

TEST_CASE("the country code must be one of the 33", "[validation]")
{
    auto f = check_site(site_at(BRASILIA.lon_deg, BRASILIA.lat_deg, ""), ValidationOptions{});
    REQUIRE(f);
    CHECK(f->check == "missing_value");
    CHECK(f->field == "country");
    f = check_site(site_at(-77.0, 38.9, "USA"), ValidationOptions{});
    REQUIRE(f);
    CHECK(f->check == "unknown_country");
    CHECK(f->value == "USA");
    // A LAC code with no boundary in the boundaries file (the fixture has ARG BRA MEX URY only).
    f = check_site(site_at(-70.65, -33.45, "CHL"), with_countries());
    REQUIRE(f);
    CHECK(f->check == "no_country_boundary");
}

TEST_CASE("a site outside its stated country says where it lies", "[validation]")
{
    auto f = check_site(site_at(CORDOBA.lon_deg, CORDOBA.lat_deg, "BRA"), with_countries());
    REQUIRE(f);
    CHECK(f->check == "not_in_country");
    CHECK(f->field == "location");
    CHECK(f->value == "-64.1888, -31.4201");
    CHECK(f->reason == "is not in BRA (tolerance 5 km): it lies in ARG; check the coordinates or the country");

    f = check_site(site_at(-35.0, -25.0, "BRA"), with_countries());  // South Atlantic
    REQUIRE(f);
    CHECK(f->check == "not_in_country");
    CHECK_THAT(f->reason, Catch::Contains("lies in no country"));
}

TEST_CASE("the coastal tolerance keeps sites just off a generalised coast", "[validation]")
{
    // 2 km out to sea (azimuth 150 degrees) from a vertex of Uruguay's Atlantic coast in the fixture;
    // the coast there runs at about 60 degrees, so the site is about 2 km from it.
    const auto offshore = geodesic_direct({-54.1679, -34.6708}, 150.0, 2000.0);
    const auto s = site_at(offshore.lon_deg, offshore.lat_deg, "URY");
    CHECK_FALSE(check_site(s, with_countries(5000.0)).has_value());
    const auto f = check_site(s, with_countries(1000.0));
    REQUIRE(f);
    CHECK(f->check == "not_in_country");
    CHECK_THAT(f->reason, Catch::Contains("tolerance 1 km"));
}

TEST_CASE("negative and implausible numbers", "[validation]")
{
    const auto o = with_countries();
    auto check = [&](auto set) {
        auto s = site_at(BRASILIA.lon_deg, BRASILIA.lat_deg);
        set(s);
        return check_site(s, o);
    };
    auto f = check([](Site& s) { s.waste_t_per_day = -1.0; });
    REQUIRE(f);
    CHECK(f->check == "negative_value");
    CHECK(f->field == "waste_t_per_day");
    f = check([](Site& s) { s.waste_t_per_day = 90000.0; });
    REQUIRE(f);
    CHECK(f->check == "implausible_value");
    CHECK_THAT(f->reason, Catch::Contains("above 30000"));
    f = check([](Site& s) { s.area_ha = 6000.0; });
    REQUIRE(f);
    CHECK(f->field == "area_ha");
    f = check([](Site& s) { s.opening_year = 2031; });
    REQUIRE(f);
    CHECK(f->reason == "is in the future (after 2025)");
    f = check([](Site& s) { s.opening_year = 1850; });
    REQUIRE(f);
    CHECK(f->check == "implausible_value");
    f = check([](Site& s) {
        s.opening_year = 2000;
        s.closure_year = 1995;
    });
    REQUIRE(f);
    CHECK(f->field == "closure_year");
    CHECK(f->reason == "is before the opening_year 2000");
    f = check([](Site& s) {
        s.status = SiteStatus::closed;
        s.closure_year = 2030;
    });
    REQUIRE(f);
    CHECK(f->field == "closure_year");
    CHECK_FALSE(check([](Site& s) {
        s.status = SiteStatus::closing;
        s.closure_year = 2030;  // a planned closure
    }));
    f = check([](Site& s) {
        s.waste_pickers = 10;
        s.child_waste_pickers = 12;
    });
    REQUIRE(f);
    CHECK(f->field == "child_waste_pickers");
    f = check([](Site& s) { s.waste_pickers = -3; });
    REQUIRE(f);
    CHECK(f->check == "negative_value");
}

TEST_CASE("the first failing check in the documented order is reported", "[validation]")
{
    auto s = site_at(CORDOBA.lon_deg, 123.0, "USA");
    s.waste_t_per_day = -5.0;
    CHECK(check_site(s, with_countries())->check == "lat_out_of_range");  // coordinates first
    s.location.lat_deg = CORDOBA.lat_deg;
    CHECK(check_site(s, with_countries())->check == "unknown_country");   // then the code
    s.country_iso3 = "BRA";
    CHECK(check_site(s, with_countries())->check == "negative_value");    // then plausibility
    s.waste_t_per_day = 5.0;
    CHECK(check_site(s, with_countries())->check == "not_in_country");    // then the point in country
}

TEST_CASE("near duplicates: same type within the distance, the later one, chains broken", "[validation]")
{
    const LonLat a{-47.9, -15.8};
    const auto b = geodesic_direct(a, 90.0, 30.0);  // 30 m east of a
    const auto c = geodesic_direct(b, 90.0, 30.0);  // 30 m east of b, 60 m from a
    const auto d = geodesic_direct(a, 0.0, 10.0);   // 10 m north of a, but another type
    std::vector<Site> sites{site_at(a.lon_deg, a.lat_deg), site_at(b.lon_deg, b.lat_deg),
                            site_at(c.lon_deg, c.lat_deg), site_at(d.lon_deg, d.lat_deg),
                            site_at(a.lon_deg, a.lat_deg)};
    sites[3].site_type = SiteType::sanitary_landfill;
    const auto dups = find_near_duplicates(sites, 50.0);
    // b duplicates a (30 m); c is 30 m from b, but b is itself a duplicate, and 60 m from a: kept;
    // d is another type; the last site repeats a exactly.
    REQUIRE(dups.size() == 2);
    CHECK(dups[0].index == 1);
    CHECK(dups[0].earlier == 0);
    CHECK(dups[0].distance_m == Approx(30.0).margin(1e-6));
    CHECK(dups[1].index == 4);
    CHECK(dups[1].earlier == 0);
    CHECK(dups[1].distance_m == 0.0);
    CHECK(find_near_duplicates(sites, 0.0).empty());
    CHECK(find_near_duplicates(sites, 20.0).size() == 1);  // only the exact repeat

    // Two dumps of one municipality both placed at its seat are not duplicates of each other.
    sites[4].location_precision = LocationPrecision::municipal_seat;
    const auto seat = find_near_duplicates(sites, 50.0);
    REQUIRE(seat.size() == 1);
    CHECK(seat[0].index == 1);
}

TEST_CASE("numbers in messages", "[validation]")
{
    CHECK(format_value(123.0) == "123");
    CHECK(format_value(-47.88) == "-47.88");
    CHECK(format_value(0.1 + 0.2) == "0.3");
    CHECK(format_value(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(all_checks().size() == 20);
    CHECK(current_year_utc() >= 2024);
}
