#pragma once
/// \file validation.hpp
/// The checks a site must pass to enter an inventory, each failure with a reason that says what
/// is wrong and how to mend it (docs/errors.md lists them all).
///
/// load_inventory applies the checks to every record in this fixed order and reports the FIRST
/// failure only (fix it, re-run, and the next one, if any, shows):
///   1. reading values          multiple_values, not_utf8
///   2. geometry                no_coordinates, geometry_type, invalid_polygon, crs_transform
///   3. field values, in schema column order
///                              missing_value, not_a_number, not_an_integer, unknown_country, unknown_value
///   4. coordinates             not_a_number, lon_out_of_range, lat_out_of_range, lon_lat_swapped
///   5. country code            missing_value, unknown_country
///   6. plausibility, in schema column order
///                              negative_value, implausible_value
///   7. point in stated country no_country_boundary, not_in_country, lon_lat_swapped
///   8. duplicate site_id       duplicate_site_id (the later record; names the earlier one)
///   9. near duplicate          near_duplicate (the later record; names the earlier one)
/// Steps 1-3 happen while reading the source (reading.cpp); check_site() does steps 4-7;
/// step 9 is find_near_duplicates().

#include "basural/base/number_text.hpp"  // format_value: how findings quote numbers
#include "basural/inventory/countries.hpp"
#include "basural/inventory/site.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// Stable identifiers of the checks (the `check` column of a rejects file).
namespace checks {
inline constexpr std::string_view MULTIPLE_VALUES = "multiple_values";
inline constexpr std::string_view NOT_UTF8 = "not_utf8";
inline constexpr std::string_view NO_COORDINATES = "no_coordinates";
inline constexpr std::string_view GEOMETRY_TYPE = "geometry_type";
inline constexpr std::string_view INVALID_POLYGON = "invalid_polygon";
inline constexpr std::string_view CRS_TRANSFORM = "crs_transform";
inline constexpr std::string_view MISSING_VALUE = "missing_value";
inline constexpr std::string_view NOT_A_NUMBER = "not_a_number";
inline constexpr std::string_view NOT_AN_INTEGER = "not_an_integer";
inline constexpr std::string_view UNKNOWN_COUNTRY = "unknown_country";
inline constexpr std::string_view UNKNOWN_VALUE = "unknown_value";
inline constexpr std::string_view LON_OUT_OF_RANGE = "lon_out_of_range";
inline constexpr std::string_view LAT_OUT_OF_RANGE = "lat_out_of_range";
inline constexpr std::string_view LON_LAT_SWAPPED = "lon_lat_swapped";
inline constexpr std::string_view NEGATIVE_VALUE = "negative_value";
inline constexpr std::string_view IMPLAUSIBLE_VALUE = "implausible_value";
inline constexpr std::string_view NO_COUNTRY_BOUNDARY = "no_country_boundary";
inline constexpr std::string_view NOT_IN_COUNTRY = "not_in_country";
inline constexpr std::string_view DUPLICATE_SITE_ID = "duplicate_site_id";
inline constexpr std::string_view NEAR_DUPLICATE = "near_duplicate";
}  // namespace checks

/// Every check identifier, in the order above.
const std::vector<std::string_view>& all_checks();

/// One failed check.
struct Finding {
    std::string check;   ///< one of checks::*
    std::string field;   ///< the schema field ("lat", "waste_t_per_day", "location")
    std::string value;   ///< the offending value as text
    std::string reason;  ///< reads after "<field> '<value>' ": "is outside [-90, 90]"
};

/// Upper bounds of plausible values (docs/data-schema.md justifies each). Values above are rejected
/// as implausible: most often a unit error (kg for t, m2 for ha).
inline constexpr double MAX_PLAUSIBLE_AREA_HA = 5000.0;            ///< 50 km2; the largest landfills cover ~1,000 ha
inline constexpr double MAX_PLAUSIBLE_DEPTH_M = 200.0;             ///< the deepest landfills reach ~100-150 m
inline constexpr double MAX_PLAUSIBLE_WASTE_T_PER_DAY = 30000.0;   ///< Fresh Kills peaked at ~29,000 t/day
inline constexpr double MAX_PLAUSIBLE_WASTE_IN_PLACE_T = 2.0e8;    ///< Fresh Kills holds ~150 Mt
inline constexpr int MIN_PLAUSIBLE_YEAR = 1900;
inline constexpr int MAX_PLAUSIBLE_WASTE_PICKERS = 20000;          ///< the largest dumps had a few thousand

/// Default distance under which two sites of the same type are taken for one entered twice: 50 m,
/// well inside one dump's footprint (even small dumps cover ~1 ha, i.e. 100 m across) yet below
/// the spacing of distinct sites in a municipality.
inline constexpr double DEFAULT_NEAR_DUPLICATE_M = 50.0;

struct ValidationOptions {
    /// Boundaries for the point-in-country check; nullptr skips it (the code is still checked
    /// against the 33 LAC countries).
    const CountryBoundaries* countries = nullptr;
    double coastal_tolerance_m = DEFAULT_COASTAL_TOLERANCE_M;
    /// The year "in the future" starts after; 0 means the current calendar year (UTC).
    int current_year = 0;
};

/// Steps 4-7 on one site (coordinates, country code, plausibility, point in country); the first
/// failure, or std::nullopt when the site passes.
std::optional<Finding> check_site(const Site& site, const ValidationOptions& options);

/// A site that lies within the near-duplicate distance of an earlier site of the same type.
struct NearDuplicate {
    std::size_t index = 0;    ///< the later site (rejected)
    std::size_t earlier = 0;  ///< the earlier site it duplicates
    double distance_m = 0.0;
};

/// Step 9 over sites given in record order: site i is a near duplicate when an earlier site j of the
/// same site_type, itself not a near duplicate, lies within `near_duplicate_m` (geodesic); j is the
/// nearest such site (ties: the earliest). Sites whose location_precision is municipal_seat are
/// left out: several sites of one municipality share its seat's point by construction. Sorted by
/// index. `near_duplicate_m` <= 0 finds none.
std::vector<NearDuplicate> find_near_duplicates(const std::vector<Site>& sites, double near_duplicate_m);

/// The current calendar year in UTC.
int current_year_utc();

}  // namespace basural
