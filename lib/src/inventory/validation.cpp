#include "basural/inventory/validation.hpp"

#include "basural/base/number_text.hpp"
#include "basural/geo/spatial_index.hpp"

#include <chrono>
#include <cmath>

namespace basural {

const std::vector<std::string_view>& all_checks()
{
    static const std::vector<std::string_view> all{
        checks::MULTIPLE_VALUES, checks::NOT_UTF8,        checks::NO_COORDINATES,     checks::GEOMETRY_TYPE,   checks::INVALID_POLYGON,
        checks::CRS_TRANSFORM,   checks::MISSING_VALUE,      checks::NOT_A_NUMBER,    checks::NOT_AN_INTEGER,
        checks::UNKNOWN_COUNTRY, checks::UNKNOWN_VALUE,      checks::LON_OUT_OF_RANGE, checks::LAT_OUT_OF_RANGE,
        checks::LON_LAT_SWAPPED, checks::NEGATIVE_VALUE,     checks::IMPLAUSIBLE_VALUE, checks::NO_COUNTRY_BOUNDARY,
        checks::NOT_IN_COUNTRY,  checks::DUPLICATE_SITE_ID,  checks::NEAR_DUPLICATE};
    return all;
}

int current_year_utc()
{
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year());
}

namespace {

Finding finding(std::string_view check, std::string field, std::string value, std::string reason)
{
    return Finding{std::string(check), std::move(field), std::move(value), std::move(reason)};
}

std::string location_text(const LonLat& p) { return format_value(p.lon_deg) + ", " + format_value(p.lat_deg); }

std::string tolerance_text(double tolerance_m)
{
    return tolerance_m >= 1000.0 ? format_value(tolerance_m / 1000.0) + " km" : format_value(tolerance_m) + " m";
}

std::string swap_advice(const LonLat& swapped, const std::string& country)
{
    return "; lon and lat appear swapped: lon " + format_value(swapped.lon_deg) + ", lat " +
           format_value(swapped.lat_deg) + " lies in " + country +
           "; swap the two columns (or map them with --field lon=COLUMN --field lat=COLUMN)";
}

std::optional<Finding> check_coordinates(const Site& s, const ValidationOptions& o)
{
    const auto& p = s.location;
    if (!std::isfinite(p.lon_deg))
        return finding(checks::NOT_A_NUMBER, "lon", format_value(p.lon_deg), "is not a number");
    if (!std::isfinite(p.lat_deg))
        return finding(checks::NOT_A_NUMBER, "lat", format_value(p.lat_deg), "is not a number");
    const bool lon_ok = std::fabs(p.lon_deg) <= 180.0;
    const bool lat_ok = std::fabs(p.lat_deg) <= 90.0;
    if (lon_ok && lat_ok)
        return std::nullopt;
    Finding f = lat_ok ? finding(checks::LON_OUT_OF_RANGE, "lon", format_value(p.lon_deg), "is outside [-180, 180]")
                       : finding(checks::LAT_OUT_OF_RANGE, "lat", format_value(p.lat_deg), "is outside [-90, 90]");
    const LonLat swapped{p.lat_deg, p.lon_deg};
    const bool swap_in_range = std::fabs(swapped.lon_deg) <= 180.0 && std::fabs(swapped.lat_deg) <= 90.0;
    if (!swap_in_range)
        return f;
    // Only say "swapped" when the swapped point is verifiably in the stated country.
    if (o.countries != nullptr && o.countries->contains(s.country_iso3, swapped, o.coastal_tolerance_m)) {
        f.check = checks::LON_LAT_SWAPPED;
        f.reason += swap_advice(swapped, s.country_iso3);
    }
    return f;
}

std::optional<Finding> check_country_code(const Site& s)
{
    if (s.country_iso3.empty())
        return finding(checks::MISSING_VALUE, "country", "",
                       "is empty; every site needs its country (ISO 3166-1 alpha-3, e.g. BRA); "
                       "map a column with --field country=COLUMN or set --default country=XXX");
    if (find_lac_country(s.country_iso3) == nullptr)
        return finding(checks::UNKNOWN_COUNTRY, "country", s.country_iso3,
                       "is not one of the 33 LAC countries (ISO 3166-1 alpha-3, e.g. BRA, MEX); map it with --map");
    return std::nullopt;
}

std::optional<Finding> check_real(const char* field, const std::optional<double>& v, double max, const char* why)
{
    if (!v)
        return std::nullopt;
    if (*v < 0.0)
        return finding(checks::NEGATIVE_VALUE, field, format_value(*v), std::string("is negative; ") + field + " must be >= 0");
    if (*v > max)
        return finding(checks::IMPLAUSIBLE_VALUE, field, format_value(*v),
                       "is implausible: above " + format_value(max) + " (" + why + "); check the unit");
    return std::nullopt;
}

std::optional<Finding> check_count(const char* field, const std::optional<int>& v)
{
    if (!v)
        return std::nullopt;
    if (*v < 0)
        return finding(checks::NEGATIVE_VALUE, field, std::to_string(*v), std::string("is negative; ") + field + " must be >= 0");
    if (*v > MAX_PLAUSIBLE_WASTE_PICKERS)
        return finding(checks::IMPLAUSIBLE_VALUE, field, std::to_string(*v),
                       "is implausible: above " + std::to_string(MAX_PLAUSIBLE_WASTE_PICKERS) +
                           " people (the largest dumps had a few thousand)");
    return std::nullopt;
}

std::optional<Finding> check_plausibility(const Site& s, int year)
{
    if (auto f = check_real("area_ha", s.area_ha, MAX_PLAUSIBLE_AREA_HA, "the largest landfills cover about 1,000 ha"))
        return f;
    if (auto f = check_real("depth_m", s.depth_m, MAX_PLAUSIBLE_DEPTH_M, "the deepest landfills reach about 150 m"))
        return f;
    if (auto f = check_real("waste_t_per_day", s.waste_t_per_day, MAX_PLAUSIBLE_WASTE_T_PER_DAY,
                            "the largest landfills ever received about 29,000 t/day"))
        return f;
    if (auto f = check_real("waste_in_place_t", s.waste_in_place_t, MAX_PLAUSIBLE_WASTE_IN_PLACE_T,
                            "the largest landfills hold about 150 million t"))
        return f;
    if (s.opening_year) {
        const auto y = *s.opening_year;
        if (y > year)
            return finding(checks::IMPLAUSIBLE_VALUE, "opening_year", std::to_string(y),
                           "is in the future (after " + std::to_string(year) + ")");
        if (y < MIN_PLAUSIBLE_YEAR)
            return finding(checks::IMPLAUSIBLE_VALUE, "opening_year", std::to_string(y),
                           "is implausible: before " + std::to_string(MIN_PLAUSIBLE_YEAR));
    }
    if (s.closure_year) {
        const auto y = *s.closure_year;
        if (y < MIN_PLAUSIBLE_YEAR)
            return finding(checks::IMPLAUSIBLE_VALUE, "closure_year", std::to_string(y),
                           "is implausible: before " + std::to_string(MIN_PLAUSIBLE_YEAR));
        if (s.opening_year && y < *s.opening_year)
            return finding(checks::IMPLAUSIBLE_VALUE, "closure_year", std::to_string(y),
                           "is before the opening_year " + std::to_string(*s.opening_year));
        if (y > year && (s.status == SiteStatus::closed || s.status == SiteStatus::remediated))
            return finding(checks::IMPLAUSIBLE_VALUE, "closure_year", std::to_string(y),
                           "is in the future (after " + std::to_string(year) + ") for a site whose status is " +
                               std::string(to_string(s.status)));
    }
    if (auto f = check_count("waste_pickers", s.waste_pickers))
        return f;
    if (auto f = check_count("child_waste_pickers", s.child_waste_pickers))
        return f;
    if (s.waste_pickers && s.child_waste_pickers && *s.child_waste_pickers > *s.waste_pickers)
        return finding(checks::IMPLAUSIBLE_VALUE, "child_waste_pickers", std::to_string(*s.child_waste_pickers),
                       "exceeds waste_pickers " + std::to_string(*s.waste_pickers) + " (children are counted among them)");
    return std::nullopt;
}

std::optional<Finding> check_in_country(const Site& s, const ValidationOptions& o)
{
    const auto& countries = *o.countries;
    if (!countries.has(s.country_iso3))
        return finding(checks::NO_COUNTRY_BOUNDARY, "country", s.country_iso3,
                       "has no boundary in " + countries.path() + " to check the location against");
    if (countries.contains(s.country_iso3, s.location, o.coastal_tolerance_m))
        return std::nullopt;
    Finding f = finding(checks::NOT_IN_COUNTRY, "location", location_text(s.location),
                        "is not in " + s.country_iso3 + " (tolerance " + tolerance_text(o.coastal_tolerance_m) + ")");
    const LonLat swapped{s.location.lat_deg, s.location.lon_deg};
    if (std::fabs(swapped.lat_deg) <= 90.0 && countries.contains(s.country_iso3, swapped, o.coastal_tolerance_m)) {
        f.check = checks::LON_LAT_SWAPPED;
        f.reason += swap_advice(swapped, s.country_iso3);
        return f;
    }
    if (const auto other = countries.country_at(s.location, o.coastal_tolerance_m))
        f.reason += ": it lies in " + *other + "; check the coordinates or the country";
    else
        f.reason += ": it lies in no country of " + countries.path() + " (at sea or outside LAC); check the coordinates";
    return f;
}

}  // namespace

std::optional<Finding> check_site(const Site& site, const ValidationOptions& options)
{
    if (auto f = check_coordinates(site, options))
        return f;
    if (auto f = check_country_code(site))
        return f;
    if (auto f = check_plausibility(site, options.current_year > 0 ? options.current_year : current_year_utc()))
        return f;
    if (options.countries != nullptr)
        return check_in_country(site, options);
    return std::nullopt;
}

std::vector<NearDuplicate> find_near_duplicates(const std::vector<Site>& sites, double near_duplicate_m)
{
    std::vector<NearDuplicate> out;
    if (!(near_duplicate_m > 0.0) || sites.size() < 2)
        return out;
    std::vector<LonLat> points;
    points.reserve(sites.size());
    for (const auto& s : sites)
        points.push_back(s.location);
    const SpatialIndex index(std::move(points));
    std::vector<bool> duplicate(sites.size(), false);
    // Sites placed at their municipality's seat share that point by construction: their location says
    // nothing about whether they are the same site, so they are never near duplicates.
    auto located = [&](std::size_t k) { return sites[k].location_precision != LocationPrecision::municipal_seat; };
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (!located(i))
            continue;
        for (const auto& n : index.within_m(sites[i].location, near_duplicate_m)) {  // by distance, then index
            if (n.index < i && !duplicate[n.index] && located(n.index) &&
                sites[n.index].site_type == sites[i].site_type) {
                duplicate[i] = true;
                out.push_back({i, n.index, n.distance_m});
                break;
            }
        }
    }
    return out;
}

}  // namespace basural
