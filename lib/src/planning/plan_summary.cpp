#include "basural/planning/plan_summary.hpp"

#include "basural/inventory/site_predicates.hpp"
#include "basural/planning/regionalize.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <algorithm>
#include <set>

namespace basural {

PlanCountrySummary plan_total(const RegionalPlan& plan)
{
    PlanCountrySummary total;
    total.country_iso3 = "total";
    total.waste_t_per_day_estimated = 0.0;
    double weighted = 0.0;
    for (const auto& s : plan.summary) {
        *total.waste_t_per_day_estimated += s.waste_t_per_day_estimated.value_or(0.0);
        total.demand_sites += s.demand_sites;
        total.sites_served += s.sites_served;
        total.sites_unserved += s.sites_unserved;
        total.facilities_proposed += s.facilities_proposed;
        total.facilities_existing += s.facilities_existing;
        total.waste_t_per_day += s.waste_t_per_day;
        total.waste_t_per_day_served += s.waste_t_per_day_served;
        weighted += s.mean_haul_km * s.waste_t_per_day_served;
        total.max_haul_km = std::max(total.max_haul_km, s.max_haul_km);
        total.objective += s.objective;
        total.lower_bound += s.lower_bound;
    }
    total.mean_haul_km = total.waste_t_per_day_served > 0.0 ? weighted / total.waste_t_per_day_served : 0.0;
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

std::vector<ColumnDescriptor<PlanCountrySummary>> plan_summary_columns()
{
    using S = PlanCountrySummary;
    return {
        {{"country", 0}, [](const S& s) { return ReportCell{s.country_iso3}; }},
        {{"part", 0}, [](const S& s) { return ReportCell{s.part}; }},
        {{"demand_sites", 0}, [](const S& s) { return count_cell(s.demand_sites); }},
        {{"sites_served", 0}, [](const S& s) { return count_cell(s.sites_served); }},
        {{"sites_unserved", 0}, [](const S& s) { return count_cell(s.sites_unserved); }},
        {{"facilities_proposed", 0}, [](const S& s) { return count_cell(s.facilities_proposed); }},
        {{"facilities_existing", 0}, [](const S& s) { return count_cell(s.facilities_existing); }},
        {{"waste_t_per_day", 1}, [](const S& s) { return ReportCell{s.waste_t_per_day}; }},
        {{"share_waste_estimated", 3}, [](const S& s) { return share_estimated(s); }},
        {{"waste_t_per_day_served", 1}, [](const S& s) { return ReportCell{s.waste_t_per_day_served}; }},
        {{"mean_haul_km", 1}, [](const S& s) { return ReportCell{s.mean_haul_km}; }},
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

DemandWasteFill fill_demand_waste(std::vector<Site>& sites, const std::vector<std::string>& countries,
                                  bool from_places, const std::vector<Place>& places,
                                  const std::vector<CountryWaste>& rates)
{
    const std::set<std::string> planned(countries.begin(), countries.end());
    std::vector<char> unknown(sites.size(), 0);
    DemandWasteFill fill;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        if (!s.waste_t_per_day && is_regional_demand(s) && (planned.empty() || planned.count(s.country_iso3))) {
            unknown[i] = 1;
            ++fill.unknown;
        }
    }
    if (from_places)
        sites = estimate_waste(sites, places, rates).sites;
    for (std::size_t i = 0; i < sites.size(); ++i)
        fill.estimated_from_places += unknown[i] && sites[i].waste_t_per_day ? 1 : 0;
    impute_missing_waste(sites);
    std::size_t filled = 0;
    for (std::size_t i = 0; i < sites.size(); ++i)
        filled += unknown[i] && sites[i].waste_t_per_day ? 1 : 0;
    fill.country_median = filled - fill.estimated_from_places;
    return fill;
}

}  // namespace basural
