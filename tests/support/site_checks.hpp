#pragma once
// Field-by-field comparison of sites, shared by the inventory round-trip tests (unit: every file
// format; postgis: the database).

#include "basural/inventory/site.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace basural::test {

/// How far a site read back may be from the one written. Zero (the default) means exactly equal;
/// a store that rounds passes its bounds (PostgreSQL: tests/postgis/test_inventory_pg.cpp).
struct SiteTolerance {
    double relative = 0.0;  ///< of the real fields: area, depth, tonnage, waste in place
    double degrees = 0.0;   ///< of longitude and latitude
};

/// Both absent, or equal, or within `relative` of the larger magnitude.
inline bool same_real(const std::optional<double>& a, const std::optional<double>& b, double relative)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return *a == *b || std::fabs(*a - *b) <= relative * std::max(std::fabs(*a), std::fabs(*b));
}

/// Every schema field of `got` against `expected`.
inline void check_same_site(const Site& got, const Site& expected, const SiteTolerance& tolerance = {})
{
    INFO("site " << expected.site_id);
    const auto same_degrees = [&](double a, double b) { return a == b || std::fabs(a - b) <= tolerance.degrees; };
    CHECK(got.site_id == expected.site_id);
    CHECK(got.name == expected.name);
    CHECK(got.country_iso3 == expected.country_iso3);
    CHECK(got.admin1_name == expected.admin1_name);
    CHECK(got.admin1_code == expected.admin1_code);
    CHECK(got.municipality_name == expected.municipality_name);
    CHECK(got.municipality_code == expected.municipality_code);
    CHECK(same_degrees(got.location.lon_deg, expected.location.lon_deg));
    CHECK(same_degrees(got.location.lat_deg, expected.location.lat_deg));
    CHECK(got.location_precision == expected.location_precision);
    CHECK(got.site_type == expected.site_type);
    CHECK(got.status == expected.status);
    CHECK(same_real(got.area_ha, expected.area_ha, tolerance.relative));
    CHECK(same_real(got.depth_m, expected.depth_m, tolerance.relative));
    CHECK(same_real(got.waste_t_per_day, expected.waste_t_per_day, tolerance.relative));
    CHECK(same_real(got.waste_in_place_t, expected.waste_in_place_t, tolerance.relative));
    CHECK(got.opening_year == expected.opening_year);
    CHECK(got.closure_year == expected.closure_year);
    CHECK(got.open_burning == expected.open_burning);
    CHECK(got.waste_pickers == expected.waste_pickers);
    CHECK(got.child_waste_pickers == expected.child_waste_pickers);
    CHECK(got.gas_capture == expected.gas_capture);
    CHECK(got.receives_other_municipalities == expected.receives_other_municipalities);
    CHECK(got.derived_fields == expected.derived_fields);
    CHECK(got.reporting_municipalities == expected.reporting_municipalities);
    CHECK(got.provenance == expected.provenance);
    CHECK(got.waste_provenance == expected.waste_provenance);
    CHECK(got.source == expected.source);
    CHECK(got.source_record == expected.source_record);
}

/// The same number of sites, and site i of `got` the same as site i of `expected`.
inline void check_same_sites(const std::vector<Site>& got, const std::vector<Site>& expected,
                             const SiteTolerance& tolerance = {})
{
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        check_same_site(got[i], expected[i], tolerance);
}

}  // namespace basural::test
