#pragma once
/// \file plan_summary.hpp
/// What `basural regionalize` prints about a plan: the rows of its summary layer with a total row, the
/// sources of the planned demand sites' tonnages, and the assumptions the plan rests on.
/// Columns: docs/cli/regionalize.md.

#include "basural/base/report_table.hpp"
#include "basural/inventory/admin1.hpp"
#include "basural/inventory/site.hpp"
#include "basural/base/locale.hpp"
#include "basural/planning/plan.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace basural {

/// The total of the plan's summary rows (country_iso3 "total", part ""): counts and t/day summed,
/// mean_haul_km weighted by the t/day served (by the sites served when every row is weighed by site
/// count; NaN when the rows are weighed differently), max_haul_km the largest, objective and lower
/// bound summed and the gap recomputed from them; waste_t_per_day_estimated summed (absent counts
/// as 0); weighted_by_site_count when any row is.
PlanCountrySummary plan_total(const RegionalPlan& plan);

/// The plan's summary as a table named "countries": one row per summary row, then the total row.
/// share_waste_estimated is waste_t_per_day_estimated / waste_t_per_day, empty when there is no
/// t/day to share; the t/day cells of a row whose tonnages are all unknown are empty, and so is the
/// total's mean haul when rows are weighed differently (t/day and site count).
/// With `part_names` (a plan solved per admin-1: part_key -> name), a column part_name follows part.
ReportTable plan_summary_table(const RegionalPlan& plan, const std::map<std::string, std::string>* part_names = nullptr);

/// The key of a summary row's part in part_names: "<ISO3>/<part>".
std::string part_key(const PlanCountrySummary& s);

/// The name of each part of a plan solved per admin-1, by part_key: the unit of `boundaries` with the
/// part's code (may be null), else the admin1_name the inventory gives most often with that code
/// (ties: the first in sorted order), else the code itself; "unknown" for the part of the sites
/// without an admin1_code.
std::map<std::string, std::string> part_names(const RegionalPlan& plan, const std::vector<Site>& sites,
                                              const Admin1Boundaries* boundaries);

/// Counts the demand sites (is_receiving_dump) of the plan's countries by the source of their
/// tonnage in `waste` (fill_waste's result for the inventory the plan was made from) and records
/// them in the plan's parameters: demand_sites_waste_given, _from_places, _country_median, _unknown.
/// Returns the counts.
WasteFillCounts record_waste_sources(RegionalPlan& plan, const WasteEstimateResult& waste);

/// The assumptions a plan rests on, one short line each, from its parameters and summary: the haul
/// rule and detour, the minimum throughput and capacity, reuse of existing landfills, the status
/// rule, the tonnage sources with counts, the weighting, the implausible estimates, the landfills
/// not used and the travel matrix's pairs used; in `locale`'s language (the message catalogue), the
/// plan's own values (km, counts, its rule when it is not this engine's) as it records them.
std::vector<std::string> plan_assumptions(const RegionalPlan& plan, const Locale& locale = Locale{});

}  // namespace basural
