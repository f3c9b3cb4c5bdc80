#include "basural/planning/plan_summary.hpp"

#include "basural/base/messages.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace basural {

PlanCountrySummary plan_total(const RegionalPlan& plan)
{
    PlanCountrySummary total;
    total.country_iso3 = "total";
    total.waste_t_per_day_estimated = 0.0;
    double weighted = 0.0, site_weighted = 0.0;
    std::size_t by_count = 0;
    for (const auto& s : plan.summary) {
        *total.waste_t_per_day_estimated += s.waste_t_per_day_estimated.value_or(0.0);
        total.demand_sites += s.demand_sites;
        total.sites_served += s.sites_served;
        total.sites_unserved += s.sites_unserved;
        total.facilities_proposed += s.facilities_proposed;
        total.facilities_existing += s.facilities_existing;
        total.waste_t_per_day += s.waste_t_per_day;
        total.waste_t_per_day_served += s.waste_t_per_day_served;
        total.demand_sites_waste_unknown += s.demand_sites_waste_unknown;
        total.demand_sites_waste_implausible += s.demand_sites_waste_implausible;
        total.waste_t_per_day_implausible += s.waste_t_per_day_implausible;
        weighted += s.mean_haul_km * s.waste_t_per_day_served;
        site_weighted += s.mean_haul_km * static_cast<double>(s.sites_served);
        by_count += s.weighted_by_site_count ? 1 : 0;
        total.max_haul_km = std::max(total.max_haul_km, s.max_haul_km);
        total.objective += s.objective;
        total.lower_bound += s.lower_bound;
    }
    total.weighted_by_site_count = by_count > 0;
    if (by_count == 0)
        total.mean_haul_km = total.waste_t_per_day_served > 0.0 ? weighted / total.waste_t_per_day_served : 0.0;
    else if (by_count == plan.summary.size())
        total.mean_haul_km = total.sites_served > 0 ? site_weighted / static_cast<double>(total.sites_served) : 0.0;
    else
        total.mean_haul_km = std::numeric_limits<double>::quiet_NaN();  // t/day and sites do not add up
    total.gap = total.objective > 0.0 ? (total.objective - total.lower_bound) / total.objective : 0.0;
    return total;
}

namespace {

/// The share of a t/day that rests on estimated tonnages; empty when there is no t/day to share.
ReportCell share_estimated(const PlanCountrySummary& s)
{
    if (!(s.waste_t_per_day > 0.0))
        return {};
    return s.waste_t_per_day_estimated.value_or(0.0) / s.waste_t_per_day;
}

/// A t/day of the row: empty when every demand site's tonnage is unknown (not 0).
ReportCell row_t_per_day(const PlanCountrySummary& s, double v)
{
    if (s.demand_sites > 0 && s.demand_sites_waste_unknown == s.demand_sites)
        return {};
    return v;
}

ReportCell finite(double v) { return std::isfinite(v) ? ReportCell{v} : ReportCell{}; }

std::vector<ColumnDescriptor<PlanCountrySummary>> plan_summary_columns()
{
    using S = PlanCountrySummary;
    return {
        {{"country", 0}, [](const S& s) { return ReportCell{s.country_iso3}; }},
        {{"part", 0}, [](const S& s) { return ReportCell{s.part}; }},
        {{"weighting", 0}, [](const S& s) { return ReportCell{std::string(s.weighted_by_site_count ? "site_count" : "t_per_day")}; }},
        {{"demand_sites", 0}, [](const S& s) { return count_cell(s.demand_sites); }},
        {{"sites_served", 0}, [](const S& s) { return count_cell(s.sites_served); }},
        {{"sites_unserved", 0}, [](const S& s) { return count_cell(s.sites_unserved); }},
        {{"facilities_proposed", 0}, [](const S& s) { return count_cell(s.facilities_proposed); }},
        {{"facilities_existing", 0}, [](const S& s) { return count_cell(s.facilities_existing); }},
        {{"waste_t_per_day", 1}, [](const S& s) { return row_t_per_day(s, s.waste_t_per_day); }},
        {{"share_waste_estimated", 3}, [](const S& s) { return share_estimated(s); }},
        {{"demand_sites_waste_unknown", 0}, [](const S& s) { return count_cell(s.demand_sites_waste_unknown); }},
        {{"demand_sites_waste_implausible", 0},
         [](const S& s) { return count_cell(s.demand_sites_waste_implausible); }},
        {{"waste_t_per_day_served", 1}, [](const S& s) { return row_t_per_day(s, s.waste_t_per_day_served); }},
        {{"mean_haul_km", 1}, [](const S& s) { return finite(s.mean_haul_km); }},
        {{"max_haul_km", 1}, [](const S& s) { return ReportCell{s.max_haul_km}; }},
        {{"gap", 4}, [](const S& s) { return ReportCell{s.gap}; }},
    };
}

}  // namespace

ReportTable plan_summary_table(const RegionalPlan& plan, const std::map<std::string, std::string>* part_names)
{
    std::vector<PlanCountrySummary> rows = plan.summary;
    rows.push_back(plan_total(plan));
    auto columns = plan_summary_columns();
    if (part_names) {
        const ColumnDescriptor<PlanCountrySummary> name{{"part_name", 0}, [part_names](const PlanCountrySummary& s) {
            const auto it = part_names->find(part_key(s));
            return it == part_names->end() ? ReportCell{} : ReportCell{it->second};
        }};
        columns.insert(columns.begin() + 2, name);
    }
    return make_report_table("countries", "Regional plan per country", columns, rows);
}

std::string part_key(const PlanCountrySummary& s)
{
    return s.country_iso3 + "/" + s.part;
}

std::map<std::string, std::string> part_names(const RegionalPlan& plan, const std::vector<Site>& sites,
                                              const Admin1Boundaries* boundaries)
{
    // (country, code) -> admin1_name -> sites
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::size_t>> inventory_names;
    for (const auto& s : sites)
        if (!s.admin1_code.empty() && !s.admin1_name.empty())
            ++inventory_names[{s.country_iso3, s.admin1_code}][s.admin1_name];
    std::map<std::string, std::string> names;
    for (const auto& row : plan.summary) {
        std::string name;
        if (row.part.empty()) {
            name = "unknown";
        } else if (const auto u = boundaries ? boundaries->find(row.country_iso3, row.part) : std::nullopt;
                   u && boundaries->units()[*u].code == row.part) {
            name = boundaries->units()[*u].name;
        } else if (const auto it = inventory_names.find({row.country_iso3, row.part}); it != inventory_names.end()) {
            std::size_t most = 0;
            for (const auto& [n, count] : it->second)
                if (count > most) {
                    most = count;
                    name = n;
                }
        } else {
            name = row.part;
        }
        names[part_key(row)] = name;
    }
    return names;
}

WasteFillCounts record_waste_sources(RegionalPlan& plan, const WasteEstimateResult& waste)
{
    const auto& planned = plan.parameters["countries"];
    std::set<std::string> countries;
    for (std::size_t start = 0; start <= planned.size();) {
        const auto end = std::min(planned.find(',', start), planned.size());
        countries.insert(planned.substr(start, end - start));
        start = end + 1;
    }
    const bool all = planned.empty() || planned == "all";
    std::map<std::string, const CountryWasteAllocation*> fallback;  // countries whose median was capped
    for (const auto& row : waste.countries)
        if (row.median_t_per_day && row.fallback_t_per_day && *row.fallback_t_per_day < *row.median_t_per_day)
            fallback[row.country_iso3] = &row;
    WasteFillCounts c;
    for (std::size_t i = 0; i < waste.sites.size() && i < waste.source.size(); ++i) {
        const Site& s = waste.sites[i];
        if (!is_receiving_dump(s) || (!all && !countries.count(s.country_iso3)))
            continue;
        switch (waste.source[i]) {
        case WasteSource::given: ++c.given; break;
        case WasteSource::places: ++c.places; break;
        case WasteSource::country_median: ++c.country_median; break;
        case WasteSource::unknown: ++c.unknown; break;
        case WasteSource::not_receiving: break;
        }
        if (const auto f = fallback.find(s.country_iso3); f != fallback.end()) {
            c.country_median_scaled += waste.source[i] == WasteSource::country_median ? 1 : 0;
            c.unknown_no_room += waste.source[i] == WasteSource::unknown && f->second->sites_no_room > 0 ? 1 : 0;
        }
        c.implausible += i < waste.implausible.size() && waste.implausible[i] ? 1 : 0;
    }
    auto& par = plan.parameters;
    par["demand_sites_waste_given"] = std::to_string(c.given);
    par["demand_sites_waste_from_places"] = std::to_string(c.places);
    par["demand_sites_waste_country_median"] = std::to_string(c.country_median);
    par["demand_sites_waste_unknown"] = std::to_string(c.unknown);
    par["demand_sites_waste_country_median_scaled"] = std::to_string(c.country_median_scaled);
    par["demand_sites_waste_unknown_no_room"] = std::to_string(c.unknown_no_room);
    return c;
}

namespace {

std::string param(const RegionalPlan& plan, const std::string& name, const std::string& otherwise = "")
{
    const auto it = plan.parameters.find(name);
    return it == plan.parameters.end() ? otherwise : it->second;
}

/// A count the plan records as text, for the plural form of a message; std::nullopt when it is not one ("?").
std::optional<std::int64_t> count_param(const RegionalPlan& plan, const std::string& name)
{
    const std::string v = param(plan, name);
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 18)
        return std::nullopt;
    return std::stoll(v);
}

/// A count the plan records, in the reader's digits ("1,365", "1.365"), or as recorded when it is not one.
std::string count_text(const RegionalPlan& plan, const std::string& name, const Locale& loc)
{
    const auto n = count_param(plan, name);
    return n ? format_count(*n, loc.numbers) : param(plan, name, "?");
}

/// tr_n when the plan's count is a number, else the plural form with the text as given ("?").
std::string counted(const Locale& loc, std::string_view key, const RegionalPlan& plan, const std::string& name,
                    MessageArgs args = {})
{
    if (const auto n = count_param(plan, name))
        return tr_n(loc, key, *n, args);
    args.emplace_back("n", param(plan, name, "?"));
    return tr(loc, std::string(key) + ":other", args);
}

std::string haul_line(const RegionalPlan& plan, const Locale& loc)
{
    const std::string max = param(plan, "max_haul_km", "?");
    std::string line;
    if (param(plan, "haul_unit") == "matrix")
        line = tr(loc, "plan.assume.haul_matrix",
                  {{"matrix", param(plan, "matrix", "(given)")}, {"max", max},
                   {"used", param(plan, "matrix_pairs_used", "?")}, {"pairs", param(plan, "matrix_pairs", "?")},
                   {"unknown", param(plan, "matrix_pairs_unknown_site_id", "?")}});
    else
        line = tr(loc, "plan.assume.haul_geodesic", {{"max", max}, {"detour", param(plan, "detour_factor", "1")}});
    line += tr(loc, param(plan, "allow_cross_border") == "yes" ? "plan.assume.cross_border" : "plan.assume.within_country");
    line += param(plan, "per_admin1") == "yes" ? tr(loc, "plan.assume.per_admin1") : "";
    return line + tr(loc, "plan.assume.no_sea");
}

std::string facilities_line(const RegionalPlan& plan, const Locale& loc)
{
    const std::string min = param(plan, "min_t_per_day", "0");
    const std::string capacity = param(plan, "capacity_t_per_day", "unlimited");
    return tr(loc, "plan.assume.facilities",
              {{"min", min == "0" ? tr(loc, "plan.assume.none") : tr(loc, "plan.assume.t_per_day", {{"v", min}})},
               {"capacity", capacity == "unlimited" ? tr(loc, "plan.assume.unlimited")
                                                    : tr(loc, "plan.assume.t_per_day", {{"v", capacity}})}});
}

std::string landfill_line(const RegionalPlan& plan, const Locale& loc)
{
    std::size_t no_dump = 0, not_chosen = 0;
    for (const auto& u : plan.unused_landfills)
        (u.reason == "no_dump_within_reach" ? no_dump : not_chosen)++;
    const auto count = [&](std::size_t n) { return format_count(static_cast<std::int64_t>(n), loc.numbers); };
    return tr(loc, "plan.assume.landfills_unused",
              {{"line", tr(loc, param(plan, "reuse_existing") == "yes" ? "plan.assume.landfills_reuse"
                                                                         : "plan.assume.landfills_candidates")},
               {"n", count(plan.unused_landfills.size())},
               {"no_dump", count(no_dump)},
               {"not_chosen", count(not_chosen)}});
}

/// The plan's status rule, in the reader's words when it is this engine's.
std::string status_line(const RegionalPlan& plan, const Locale& loc)
{
    const std::string rule = param(plan, "status_rule", std::string(STATUS_RULE));
    return counted(loc, "plan.assume.status", plan, "demand_sites_status_unknown",
                   {{"rule", rule == STATUS_RULE ? tr(loc, "plan.rule.status_rule") : rule}});
}

std::string tonnage_line(const RegionalPlan& plan, const Locale& loc)
{
    // the dumps the country's waste budget scaled down or left unknown (docs/methods/site_rules.md)
    const auto note = [&](const char* key, const char* name) {
        const std::string n = param(plan, name, "0");
        return n == "0" ? std::string() : tr(loc, key, {{"n", count_text(plan, name, loc)}});
    };
    return tr(loc, "plan.assume.tonnage",
              {{"given", count_text(plan, "demand_sites_waste_given", loc)},
               {"places", count_text(plan, "demand_sites_waste_from_places", loc)},
               {"median", count_text(plan, "demand_sites_waste_country_median", loc)},
               {"median_note", note("plan.assume.tonnage_scaled", "demand_sites_waste_country_median_scaled")},
               {"unknown", count_text(plan, "demand_sites_waste_unknown", loc)},
               {"unknown_note", note("plan.assume.tonnage_no_room", "demand_sites_waste_unknown_no_room")}});
}

}  // namespace

std::vector<std::string> plan_assumptions(const RegionalPlan& plan, const Locale& locale)
{
    std::vector<std::string> lines{haul_line(plan, locale), facilities_line(plan, locale), landfill_line(plan, locale),
                                   status_line(plan, locale), tonnage_line(plan, locale)};
    const PlanCountrySummary total = plan_total(plan);
    if (total.weighted_by_site_count)
        lines.push_back(tr(locale, "plan.assume.weighting_count", {{"weighting", param(plan, "weighting")}}));
    else
        lines.push_back(tr(locale, "plan.assume.weighting_t"));
    if (total.demand_sites_waste_implausible > 0)
        lines.push_back(tr_n(locale, "plan.assume.implausible",
                             static_cast<std::int64_t>(total.demand_sites_waste_implausible),
                             {{"t", format_number(total.waste_t_per_day_implausible, 1, locale.numbers)}}));
    return lines;
}

}  // namespace basural
