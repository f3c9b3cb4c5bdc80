#pragma once
// What the sections of a country report (country_report.hpp) are made from, computed once, and the
// sections themselves, one function each (report_*.cpp).

#include "basural/base/messages.hpp"
#include "basural/document/country_report.hpp"
#include "basural/reports/methane.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace basural::detail {

struct ReportModel {
    const CountryReportInputs* in = nullptr;
    const CountryReportOptions* options = nullptr;
    Locale locale;
    std::string iso3;
    std::string country_name;                 ///< in the reader's language
    std::string place_name;                   ///< the country, or "State, Country" with --admin1
    std::optional<Admin1Key> scope_unit;      ///< --admin1
    std::vector<Site> sites;                  ///< the country's sites, tonnage filled
    std::vector<std::int64_t> served_population;  ///< per site: people whose waste it receives (estimate)
    /// Per site: its tonnage is an implausible estimate (fill_waste), and the ceiling it is above
    /// (NaN where there is none).
    std::vector<char> implausible;
    std::vector<double> plausible_ceiling_t_per_day;
    /// Per site: flagged by the shared-city rule (fill_waste), and the place most of its estimate is.
    std::vector<char> shared_city;
    std::vector<MainPlace> main_place;
    std::vector<Place> places;                ///< the country's places
    RegionalPlan plan;                        ///< the plan's part in the country
    Admin1Groups groups;                      ///< the unit of every site, place and facility
    CoverageReport coverage;                  ///< by admin-1: the country's units, the country, LAC
    std::vector<SiteMethane> methane;         ///< per site
    std::vector<PriorityRow> priority;        ///< ranked over the country
    std::unordered_map<std::string, std::size_t> site_index;  ///< site_id -> index in sites
    bool default_plan = false;                ///< the plan was made for the report

    /// True for every site with no --admin1, else for the sites of that state.
    bool site_in_scope(std::size_t i) const;
    bool unit_in_scope(const Admin1Key& k) const;
    /// The facilities of the plan in scope (every one, or those standing in the state).
    bool facility_in_scope(const PlanFacility& f) const;
    bool site_implausible(std::size_t i) const { return i < implausible.size() && implausible[i]; }
    bool site_shared_city(std::size_t i) const { return i < shared_city.size() && shared_city[i]; }

    std::string t(std::string_view key, const MessageArgs& args = {}) const { return tr(locale, key, args); }
    std::string tn(std::string_view key, std::int64_t n, const MessageArgs& args = {}) const
    {
        return tr_n(locale, key, n, args);
    }
    std::string num(double v, int decimals) const { return format_number(v, decimals, locale.numbers); }
    std::string count(std::int64_t n) const { return format_count(n, locale.numbers); }
    std::string count(std::size_t n) const { return format_count(static_cast<std::int64_t>(n), locale.numbers); }
    std::string pct(double fraction, int decimals = 0) const
    {
        return format_percent(fraction, decimals, locale.numbers);
    }
    /// A t/day, "unknown" in words when std::nullopt.
    std::string t_per_day(const std::optional<double>& v) const;
    /// A share, "unknown" in words when std::nullopt.
    std::string share(const std::optional<double>& v) const;
    /// A unit's name (its code when it has no name; "unknown state" in words for the unknown unit).
    std::string unit_label(const Admin1Key& k) const;
    /// A site's label for tables and charts: its name, else its id.
    std::string site_label(const Site& s) const;
};

/// Marks a t/day that rests on an implausible estimate, in tables and charts (explained in their notes).
inline constexpr std::string_view IMPLAUSIBLE_MARK = "†";  // dagger

/// " †" after a t/day (or a name) that rests on an implausible estimate, else nothing.
inline std::string implausible_mark(bool implausible)
{
    return implausible ? " " + std::string(IMPLAUSIBLE_MARK) : std::string();
}

/// A file as the report names it: a shipped dataset as "datasets/<file>" (where it stands in the
/// source tree and in the documentation; not the machine's path, so that a report made on one machine
/// reads the same as one made on another), any other path as given.
std::string shown_path(const std::string& path);

/// Selects the country's (and state's) sites, places and plan, and computes coverage by admin-1,
/// methane and the closure ranking. Throws usage_error for a country without sites or an unknown state.
ReportModel make_report_model(const CountryReportInputs& inputs, const CountryReportOptions& options,
                              const Locale& locale);

/// The coverage row of the report's scope: the state's with --admin1, else the country's.
const CountryCoverage& scope_row(const ReportModel& m);
/// The country's coverage row.
const CountryCoverage& country_row(const ReportModel& m);

DocSection summary_section(const ReportModel& m);
std::vector<DocSection> map_sections(const ReportModel& m);
DocSection states_section(const ReportModel& m);
DocSection plan_section(const ReportModel& m);
DocSection priority_section(const ReportModel& m);
DocSection methane_section(const ReportModel& m);
DocSection assumptions_section(const ReportModel& m);

}  // namespace basural::detail
