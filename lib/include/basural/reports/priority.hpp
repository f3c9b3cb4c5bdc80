#pragma once
/// \file priority.hpp
/// Closure priority of the active open and controlled dumps: each criterion scored 0..1, a weighted
/// total, a rank and the reason in words. Method, defaults and their justification:
/// docs/methods/priority.md.

#include "basural/reports/methane.hpp"
#include "basural/inventory/places.hpp"
#include "basural/planning/plan.hpp"
#include "basural/base/report_table.hpp"
#include "basural/inventory/site.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// The criteria, in their fixed order (this order breaks ties in the `why` text).
enum class PriorityCriterion { waste, methane, people_2km, open_burning, waste_pickers, child_waste_pickers, readiness };
inline constexpr std::size_t PRIORITY_CRITERIA = 7;
/// "waste", "methane", "people_2km", "open_burning", "waste_pickers", "child_waste_pickers", "readiness":
/// the keys of a weights file and the stems of the ranking's columns.
std::string_view to_string(PriorityCriterion c) noexcept;
const std::array<PriorityCriterion, PRIORITY_CRITERIA>& priority_criteria() noexcept;

/// Weights per criterion (index = criterion order); any non-negative numbers with a positive sum:
/// the total divides by the sum, so only their ratios matter. Defaults: docs/methods/priority.md.
struct PriorityWeights {
    std::array<double, PRIORITY_CRITERIA> w{0.25, 0.15, 0.25, 0.10, 0.10, 0.05, 0.10};
    double of(PriorityCriterion c) const noexcept { return w[static_cast<std::size_t>(c)]; }
};

/// Reads a JSON object {"waste": 0.3, "people_2km": 0.3, ...}; criteria it omits keep their default.
/// Throws input_error naming the file and key for an unknown key, a value that is not a number >= 0,
/// or weights summing to 0; input_error when the file cannot be read or is not JSON.
PriorityWeights load_priority_weights(const std::string& path);

struct PriorityParams {
    PriorityWeights weights;
    int reporting_year = 0;              ///< methane year; 0 -> DEFAULT_REPORTING_YEAR (coverage.hpp)
    MethaneParams methane;               ///< its reporting_year is overwritten by the one above
    double readiness_max_haul_km = 50.0; ///< D of the readiness score
    double people_radius_m = 2000.0;     ///< radius of the people criterion
    std::string plan_source = "plan";    ///< the plan's name in error messages
};

/// One ranked site.
struct PriorityRow {
    std::size_t rank = 0;                    ///< 1 = close first
    std::size_t site_index = 0;              ///< in the sites given
    std::string site_id, name, country_iso3, municipality_name;
    SiteType site_type = SiteType::open_dump;
    SiteStatus status = SiteStatus::active;  ///< unknown: ranked as receiving waste (site_predicates.hpp)
    LonLat location;
    // the values scored
    std::optional<double> waste_t_per_day;
    std::optional<Provenance> waste_provenance;
    bool waste_implausible = false;           ///< waste_t_per_day is an implausible estimate (fill_waste)
    std::optional<double> ch4_t_per_year;
    std::int64_t people_2km = 0;
    std::optional<bool> open_burning;
    std::optional<int> waste_pickers;
    std::optional<int> child_waste_pickers;
    /// To the nearest existing landfill (is_existing_landfill), or the plan's facility when that is an
    /// existing landfill and nearer; a facility the plan only proposes does not make a site ready.
    std::optional<double> readiness_haul_km;
    std::string readiness_facility;           ///< site_id of the landfill or the plan's facility_id
    /// The plan assigns the site to a facility it proposes (not yet built): its facility_id and haul.
    /// Closing the site needs that regional landfill first.
    std::string proposed_facility;
    std::optional<double> proposed_facility_haul_km;
    // scores 0..1 (index = criterion), unknown criteria score 0 and are listed in `unknown`
    std::array<double, PRIORITY_CRITERIA> score{};
    std::array<bool, PRIORITY_CRITERIA> known{};
    double total_score = 0.0;                 ///< sum w_i score_i / sum w_i, 0..1
    std::string unknown;                      ///< criteria scored 0 for lack of data, ";"-separated
    std::string why;                          ///< the top contributing criteria, in words
};

/// Ranks the receiving open and controlled dumps (is_receiving_dump: status active, closing or
/// unknown) of `waste.sites` (fill_waste's result). Scores: waste, methane, people_2km and
/// waste_pickers by the empirical CDF over the ranked sites of known value (0 for a value of 0);
/// open_burning and child_waste_pickers 1/0; readiness max(0, 1 - haul_km / D) to the nearest
/// existing sanitary landfill of the country or, with a plan, the site's assigned facility when it
/// is an existing landfill and nearer (a proposed facility is reported in proposed_facility and
/// gives no readiness). Order: total score descending, then site_id.
/// Throws usage_error for bad parameters, input_error for a plan assignment naming a site the
/// inventory lacks.
std::vector<PriorityRow> prioritize_closures(const WasteEstimateResult& waste, const std::vector<Place>& places,
                                             const RegionalPlan* plan, const PriorityParams& params);

/// The ranking as a table named "ranking" with lon/lat columns (docs/cli/prioritize.md).
ReportTable priority_table(const std::vector<PriorityRow>& rows);

/// The assumptions a ranking rests on, one short line each: the status rule, the tonnage sources
/// (waste_sources_line), readiness (existing landfills only; sites needing a proposed facility
/// counted) and the weights.
std::vector<std::string> priority_assumptions(const std::vector<PriorityRow>& rows, const WasteEstimateResult& waste,
                                              const PriorityParams& params, const Locale& locale = Locale{});

/// Why a ranking is empty or says nothing (no receiving dump; every total score 0), in words naming
/// the fix; std::nullopt otherwise. A command printing such a ranking exits 1.
std::optional<std::string> priority_empty_reason(const std::vector<PriorityRow>& rows);

}  // namespace basural
