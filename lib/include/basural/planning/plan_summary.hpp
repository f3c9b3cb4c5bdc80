#pragma once
/// \file plan_summary.hpp
/// What `basural regionalize` prints about a plan: the rows of its summary layer with a total row, and
/// how the tonnage of the planned demand sites was known before the plan was made.
/// Columns: docs/cli/regionalize.md.

#include "basural/base/report_table.hpp"
#include "basural/inventory/admin1.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"
#include "basural/planning/plan.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace basural {

/// The total of the plan's summary rows (country_iso3 "total", part ""): counts and t/day summed,
/// mean_haul_km weighted by the t/day served, max_haul_km the largest, objective and lower bound
/// summed and the gap recomputed from them; waste_t_per_day_estimated summed (absent counts as 0).
PlanCountrySummary plan_total(const RegionalPlan& plan);

/// The plan's summary as a table named "countries": one row per summary row, then the total row.
/// share_waste_estimated is waste_t_per_day_estimated / waste_t_per_day, empty when there is no
/// t/day to share. With `part_names` (a plan solved per admin-1: part_key -> name), a column
/// part_name follows part.
ReportTable plan_summary_table(const RegionalPlan& plan, const std::map<std::string, std::string>* part_names = nullptr);

/// The key of a summary row's part in part_names: "<ISO3>/<part>".
std::string part_key(const PlanCountrySummary& s);

/// The name of each part of a plan solved per admin-1, by part_key: the unit of `boundaries` with the
/// part's code (may be null), else the admin1_name the inventory gives most often with that code
/// (ties: the first in sorted order), else the code itself; "unknown" for the part of the sites
/// without an admin1_code.
std::map<std::string, std::string> part_names(const RegionalPlan& plan, const std::vector<Site>& sites,
                                              const Admin1Boundaries* boundaries);

/// How the demand sites of the planned countries got their tonnage (counts of sites).
struct DemandWasteFill {
    std::size_t unknown = 0;               ///< demand sites of the planned countries without a tonnage
    std::size_t estimated_from_places = 0; ///< of which estimated from places and country rates
    std::size_t country_median = 0;       ///< of which given the median of the known ones (impute_missing_waste)
};

/// Fills the unknown tonnage of the sites for regionalize: estimate_waste from `places` and `rates`
/// when `from_places` (over the whole inventory: country medians need every country's sites), then
/// impute_missing_waste. Counts over the demand sites of `countries` (empty = all).
DemandWasteFill fill_demand_waste(std::vector<Site>& sites, const std::vector<std::string>& countries,
                                  bool from_places, const std::vector<Place>& places,
                                  const std::vector<CountryWaste>& rates);

}  // namespace basural
