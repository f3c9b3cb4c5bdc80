#pragma once
/// \file country_report.hpp
/// The country report an analyst hands to a minister (`basural report`): one Document (document.hpp)
/// with the headline figures, the country map and one map per state of large countries, a table per
/// state, the regional plan facility by facility, the dumps to close first, charts, and the
/// assumptions and data provenance, in the reader's language. What each figure means and how it is
/// computed: docs/cli/report.md and docs/methods/report.md.

#include "basural/base/locale.hpp"
#include "basural/document/document.hpp"
#include "basural/inventory/admin1.hpp"
#include "basural/inventory/countries.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/inventory/places.hpp"
#include "basural/maps/map.hpp"
#include "basural/planning/plan.hpp"
#include "basural/planning/waste_estimate.hpp"
#include "basural/reports/coverage.hpp"
#include "basural/reports/priority.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace basural {

/// Countries of at least this land area get one map per state besides the country map (Argentina,
/// Bolivia, Brazil, Chile, Colombia, Mexico, Peru, Venezuela): below it a state is a few cm on an A4
/// map of the country, and the country map shows it well enough.
inline constexpr double REPORT_STATE_MAPS_MIN_AREA_KM2 = 500'000.0;
/// Rows of the closure-priority table and bars of the largest-emitters chart, by default.
inline constexpr std::size_t REPORT_TOP_CLOSURES = 20;
inline constexpr std::size_t REPORT_TOP_EMITTERS = 20;

enum class StateMaps { automatic, all, none };

struct CountryReportOptions {
    std::string country_iso3;
    /// One state only (its code or name, as Admin1Boundaries::find matches them); "" = the whole country.
    std::string admin1;
    std::size_t top_closures = REPORT_TOP_CLOSURES;
    std::size_t top_emitters = REPORT_TOP_EMITTERS;
    /// Maps per state: for countries of REPORT_STATE_MAPS_MIN_AREA_KM2 or more (automatic), always, never.
    StateMaps state_maps = StateMaps::automatic;
    CoverageParams coverage;   ///< reach of existing landfills, methane year and GWP (by_admin1 is set by the report)
    PriorityParams priority;   ///< closure-priority weights and readiness distance
};

/// What the report is made from. Pointers are not owned and must outlive build_country_report.
struct CountryReportInputs {
    const Inventory* inventory = nullptr;        ///< as loaded (source, records read, rejects)
    const WasteEstimateResult* waste = nullptr;  ///< fill_waste of the inventory's sites
    const std::vector<Place>* places = nullptr;
    const RegionalPlan* plan = nullptr;
    /// Where the plan comes from: its path, or "" for the default plan made for the report
    /// (default_report_plan), which the report then describes.
    std::string plan_source;
    const CountryBoundaries* countries = nullptr;
    const Admin1Boundaries* admin1 = nullptr;
    const std::vector<MapCountry>* context = nullptr;  ///< grey non-LAC countries on maps; may be null
    /// The files of the places and of the country waste rates, named in the report's provenance.
    std::string places_path;
    std::string country_waste_path;
};

/// The plan the report makes when none is given: regionalize with its defaults (docs/cli/regionalize.md)
/// for one country, unknown tonnage filled as every command fills it (fill_waste: estimated from
/// `places` and `rates`, then the country median). `sites` are the inventory's as loaded.
RegionalPlan default_report_plan(const std::vector<Site>& sites, const std::vector<Place>& places,
                                 const std::vector<CountryWaste>& rates, const CountryBoundaries& countries,
                                 const std::string& iso3);

/// The report of one country (or one of its states) in `locale`'s language; numbers in the locale's
/// style. Throws usage_error for a country with no site in the inventory, or a state the admin-1 layer
/// does not have; input_error for a plan made from another inventory.
Document build_country_report(const CountryReportInputs& inputs, const CountryReportOptions& options,
                              const Locale& locale);

}  // namespace basural
