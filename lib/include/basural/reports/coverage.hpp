#pragma once
/// \file coverage.hpp
/// Coverage per country and for Latin America and the Caribbean (LAC): the sites by type and status,
/// the waste going to inadequate sites, how much of it an existing sanitary landfill (or a regional
/// plan) could take, the people living near active dumps and the methane of the reporting year.
/// Definitions: docs/cli/coverage.md; methods it reuses: docs/methods/waste_estimate.md,
/// exposure.md, methane.md.

#include "basural/inventory/admin1.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/reports/exposure.hpp"
#include "basural/reports/methane.hpp"
#include "basural/inventory/places.hpp"
#include "basural/planning/plan.hpp"
#include "basural/base/report_table.hpp"
#include "basural/inventory/site.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace basural {

/// Reporting year used when none is given: the last full year before this code was written.
inline constexpr int DEFAULT_REPORTING_YEAR = 2024;

/// The nearest existing sanitary landfill (is_existing_landfill: active or unknown status) of a site:
/// its index in the sites and the geodesic distance.
struct NearestLandfill {
    std::size_t site_index = 0;
    double distance_km = 0.0;
};
/// For each site (index-aligned): the nearest existing sanitary landfill of the same country other than
/// the site itself (equidistant: the first in input order); std::nullopt when the country has none.
/// Landfills are not sought across borders: waste rarely crosses one (national law, Basel Convention).
std::vector<std::optional<NearestLandfill>> nearest_landfills(const std::vector<Site>& sites);

/// The first-level unit of every site, place and plan facility, for rows per unit (coverage --by admin1).
struct Admin1Groups {
    std::vector<Admin1Key> sites;    ///< index-aligned with the sites given to compute_coverage
    std::vector<Admin1Key> places;   ///< index-aligned with the places
    std::map<std::string, Admin1Key> facilities;  ///< by facility_id
};

/// The units of the sites (site_admin1) and places (place_admin1), and of each plan facility: the unit
/// of the inventory site it stands at, else of its location (unit_at), else unknown. `boundaries` may
/// be null (then only what the inventory says).
Admin1Groups admin1_groups(const std::vector<Site>& sites, const std::vector<Place>& places,
                           const RegionalPlan* plan, const Admin1Boundaries* boundaries);

struct CoverageParams {
    double max_haul_km = DEFAULT_MAX_HAUL_KM;  ///< D: "within reach of a landfill" (geodesic, inclusive)
    MethaneParams methane;                      ///< reporting_year 0 -> DEFAULT_REPORTING_YEAR
    ExposureParams exposure;                    ///< bands must be 1, 2 and 5 km for the report's columns
    std::string plan_source = "plan";           ///< the plan's name in error messages
    /// Rows per first-level unit as well as per country; not owned, may be null (rows per country).
    const Admin1Groups* by_admin1 = nullptr;
};

/// One country's (or LAC's, country_iso3 = "LAC") figures. Shares are fractions 0..1, std::nullopt
/// when their denominator is 0 or a t/day they divide is unknown; plan figures are std::nullopt
/// without a plan.
struct CountryCoverage {
    std::string country_iso3;
    /// Set on the rows of a first-level unit (CoverageParams::by_admin1): the unit, whose code and
    /// name are empty for the sites and places whose unit is unknown. Absent on country and LAC rows.
    std::optional<Admin1Key> admin1;
    std::size_t sites = 0;
    std::size_t open_dump = 0, controlled_dump = 0, sanitary_landfill = 0, other = 0;
    std::size_t active = 0, inactive = 0, closing = 0, closed = 0, remediated = 0, status_unknown = 0;
    /// Open and controlled dumps that receive waste (is_receiving_dump: status active, closing or
    /// unknown; the name is kept from when only active ones counted).
    std::size_t inadequate_active_sites = 0;
    std::size_t inadequate_sites_status_unknown = 0;     ///< of which status unknown, treated as receiving
    std::size_t inadequate_sites_waste_unknown = 0;      ///< of which tonnage neither observed nor estimable
    std::size_t inadequate_sites_waste_estimated = 0;    ///< of which tonnage estimated
    std::size_t inadequate_sites_waste_implausible = 0;  ///< of which an implausible estimate (fill_waste)
    /// Known (observed + estimated) tonnage; std::nullopt when there are inadequate active sites and
    /// none has a known tonnage (unknown, not 0). The same rule holds for the t/day figures below.
    std::optional<double> inadequate_waste_t_per_day;
    /// The part of inadequate_waste_t_per_day resting on implausible estimates.
    double inadequate_waste_implausible_t_per_day = 0.0;
    std::size_t active_sanitary_landfills = 0;           ///< existing landfills (active or unknown status)
    // today: an existing active sanitary landfill of the country within max_haul_km
    std::size_t inadequate_sites_near_landfill = 0;
    std::optional<double> inadequate_waste_near_landfill_t_per_day;
    std::optional<double> share_sites_near_landfill;
    std::optional<double> share_waste_near_landfill;
    // with a plan
    std::optional<std::size_t> plan_facilities_proposed;
    std::optional<std::size_t> plan_facilities_existing;
    std::optional<std::size_t> plan_sites_served;        ///< inadequate active sites assigned a facility
    std::optional<std::size_t> plan_sites_local_solution;  ///< inadequate active sites not assigned
    std::optional<double> plan_waste_served_t_per_day;
    std::optional<std::int64_t> plan_population_served;
    std::optional<double> plan_share_sites_served;
    std::optional<double> plan_share_waste_served;
    std::optional<double> plan_share_population_served;
    std::optional<double> plan_mean_haul_km;             ///< waste-weighted over served sites of known tonnage
    std::optional<double> plan_max_haul_km;
    // people near active dumps (exposure bands 1, 2, 5 km)
    std::int64_t population_within_1km = 0;
    std::int64_t population_within_2km = 0;
    std::int64_t population_within_5km = 0;
    // methane of the reporting year, over every site whose estimate is known; std::nullopt when the
    // row has sites and none of them has a known estimate (unknown, not 0), as in CountryMethane
    std::optional<double> ch4_t_per_year = 0.0;
    std::optional<double> co2e_t_per_year = 0.0;
    std::size_t methane_sites_unknown = 0;
};

struct CoverageReport {
    int reporting_year = 0;
    double gwp100_ch4 = 0.0;
    double max_haul_km = 0.0;
    bool with_plan = false;
    bool by_admin1 = false;
    /// One row per country with sites (sorted by ISO3), then the LAC row. By admin-1, each country's
    /// row is preceded by one row per unit of the country (by code; the unknown unit last), whose
    /// counts and sums add up to the country's.
    std::vector<CountryCoverage> countries;
};

/// Computes the report. `waste` is fill_waste's result for the inventory (its sites are the
/// inventory), `places` the populated places for exposure. With a plan, every site of its assignments
/// and unserved layers must be in the inventory (throws input_error naming the plan's site otherwise:
/// the plan was made from another inventory); inadequate active sites the plan does not assign count
/// as needing a local solution. By admin-1 (params.by_admin1), a site counts in its country's row and in
/// its unit's, a facility in its unit's, a place's people near dumps in its unit's (each person once
/// per band, as per country). Throws usage_error when max_haul_km is not positive or the units are
/// not given for every site and place.
CoverageReport compute_coverage(const WasteEstimateResult& waste, const std::vector<Place>& places,
                                const RegionalPlan* plan, const CoverageParams& params);

/// The columns of the coverage table, in their fixed order (documented in docs/cli/coverage.md): a
/// column is added here and only here. By admin-1, `admin1` (the unit's code; "unknown" for the unit
/// not known, "all" on a country's row) and `admin1_name` follow `country`. Report-wide values (max_haul_km, reporting_year, gwp100_ch4)
/// are taken from `report` and repeated on every row.
std::vector<ColumnDescriptor<CountryCoverage>> coverage_columns(const CoverageReport& report);

/// The report as a table named "countries": one row per element of report.countries, under
/// coverage_columns(report).
ReportTable coverage_table(const CoverageReport& report);

/// The assumptions the report rests on, one short line each: the status rule (with the count of
/// receiving dumps of unknown status), the tonnage sources (waste_sources_line), what "within
/// reach of a landfill" means and the methane model's year and GWP.
std::vector<std::string> coverage_assumptions(const CoverageReport& report, const WasteEstimateResult& waste,
                                              const Locale& locale = Locale{});

/// Why the report's result is empty or unknown, in words naming the fix; std::nullopt when it is
/// not: no dump receives waste in the inventory, the tonnage of every dump is unknown, or the plan
/// serves none of the inventory's dumps. A command printing such a report exits 1.
std::optional<std::string> coverage_empty_reason(const CoverageReport& report);

}  // namespace basural
