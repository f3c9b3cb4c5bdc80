#include "basural/reports/methane_report.hpp"

#include "basural/base/error.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace basural {
namespace {

ReportCell od(const std::optional<double>& v)
{
    if (v)
        return *v;
    return std::monostate{};
}
ReportCell oi(const std::optional<int>& v)
{
    if (v)
        return static_cast<std::int64_t>(*v);
    return std::monostate{};
}
ReportCell yes_no(bool b) { return std::string(b ? "yes" : "no"); }

}  // namespace

namespace {

/// One row of the per-site table: the site, its estimate and whether its tonnage is implausible.
struct SiteRow {
    const Site* site;
    const SiteMethane* m;
    bool implausible;
};

std::vector<ColumnDescriptor<SiteRow>> site_columns()
{
    using R = SiteRow;
    return {
        {{"site_id", 0}, [](const R& r) { return ReportCell{r.m->site_id}; }},
        {{"country", 0}, [](const R& r) { return ReportCell{r.m->country_iso3}; }},
        {{"site_type", 0}, [](const R& r) { return ReportCell{std::string(to_string(r.site->site_type))}; }},
        {{"status", 0}, [](const R& r) { return ReportCell{std::string(to_string(r.site->status))}; }},
        {{"reporting_year", 0}, [](const R& r) { return ReportCell{static_cast<std::int64_t>(r.m->reporting_year)}; }},
        {{"ch4_t_per_year", 3}, [](const R& r) { return od(r.m->ch4_t_per_year); }},
        {{"co2e_t_per_year", 1}, [](const R& r) { return od(r.m->co2e_t_per_year); }},
        {{"ch4_generated_t_per_year", 3}, [](const R& r) { return od(r.m->ch4_generated_t_per_year); }},
        {{"ch4_recovered_t_per_year", 3}, [](const R& r) { return od(r.m->ch4_recovered_t_per_year); }},
        {{"unknown_reason", 0}, [](const R& r) { return ReportCell{r.m->unknown_reason}; }},
        {{"waste_t_per_day", 3}, [](const R& r) { return od(r.site->waste_t_per_day); }},
        {{"waste_provenance", 0},
         [](const R& r) {
             return r.site->waste_provenance ? ReportCell(std::string(to_string(*r.site->waste_provenance))) : ReportCell{};
         }},
        {{"waste_implausible", 0}, [](const R& r) { return yes_no(r.implausible); }},
        {{"annual_waste_t", 1}, [](const R& r) { return od(r.m->annual_waste_t); }},
        {{"mcf_category", 0},
         [](const R& r) { return r.m->mcf_category ? ReportCell(std::string(to_string(*r.m->mcf_category))) : ReportCell{}; }},
        {{"mcf", 2}, [](const R& r) { return r.m->mcf_category ? ReportCell(r.m->mcf) : ReportCell{}; }},
        {{"ipcc_region", 0},
         [](const R& r) { return r.m->region ? ReportCell(std::string(to_string(*r.m->region))) : ReportCell{}; }},
        {{"doc_fraction", 5}, [](const R& r) { return ReportCell{r.m->doc_fraction}; }},
        {{"doc_from_country", 0}, [](const R& r) { return yes_no(r.m->doc_from_country); }},
        {{"docf_fraction", 2}, [](const R&) { return ReportCell{IPCC_DOCF_DEFAULT}; }},
        {{"climate_zone", 0}, [](const R& r) { return ReportCell{std::string(to_string(r.m->climate_zone))}; }},
        {{"k_per_year", 3}, [](const R& r) { return ReportCell{r.m->k_per_year}; }},
        {{"ox_fraction", 2}, [](const R& r) { return ReportCell{r.m->ox_fraction}; }},
        {{"recovery_fraction", 2}, [](const R& r) { return ReportCell{r.m->recovery_fraction}; }},
        {{"first_deposit_year", 0}, [](const R& r) { return oi(r.m->first_deposit_year); }},
        {{"last_deposit_year", 0}, [](const R& r) { return oi(r.m->last_deposit_year); }},
        {{"first_deposit_year_assumed", 0}, [](const R& r) { return yes_no(r.m->first_deposit_year_assumed); }},
        {{"gwp100_ch4", 1}, [](const R& r) { return ReportCell{r.m->gwp100_ch4}; }},
        {{"lon", 6}, [](const R& r) { return ReportCell{r.site->location.lon_deg}; }},
        {{"lat", 6}, [](const R& r) { return ReportCell{r.site->location.lat_deg}; }},
    };
}

}  // namespace

ReportTable methane_site_table(const std::vector<Site>& sites, const std::vector<SiteMethane>& estimates,
                               const std::vector<char>& implausible)
{
    if (sites.size() != estimates.size())
        throw usage_error("methane_site_table: sites and estimates differ in number");
    std::vector<SiteRow> rows;
    rows.reserve(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i)
        rows.push_back({&sites[i], &estimates[i], i < implausible.size() && implausible[i] != 0});
    return make_report_table("sites", "Methane per site", site_columns(), rows);
}

ReportTable methane_country_table(const std::vector<SiteMethane>& estimates, int reporting_year, double gwp100_ch4)
{
    ReportTable t;
    t.name = "countries";
    t.title = "Methane per country, " + std::to_string(reporting_year) + " (GWP100 of CH4 = " +
              std::to_string(static_cast<int>(gwp100_ch4)) + ")";
    for (const auto& [name, dec] : std::vector<std::pair<const char*, int>>{
             {"country", 0}, {"sites", 0}, {"sites_estimated", 0}, {"sites_unknown", 0}, {"reporting_year", 0},
             {"ch4_t_per_year", 0}, {"co2e_t_per_year", 0}, {"gwp100_ch4", 1}})
        t.columns.push_back({name, dec});
    auto add = [&](const CountryMethane& c) {
        t.rows.push_back({c.country_iso3, static_cast<std::int64_t>(c.sites),
                          static_cast<std::int64_t>(c.sites_estimated), static_cast<std::int64_t>(c.sites_unknown),
                          static_cast<std::int64_t>(reporting_year), od(c.ch4_t_per_year), od(c.co2e_t_per_year),
                          gwp100_ch4});
    };
    const auto countries = methane_by_country(estimates);
    for (const auto& c : countries)
        add(c);
    add(methane_total(countries, "LAC"));
    return t;
}

std::optional<std::string> methane_empty_reason(const std::vector<SiteMethane>& estimates)
{
    if (estimates.empty())
        return "the inventory has no site";
    std::map<std::string, std::size_t> reasons;
    for (const auto& m : estimates) {
        if (m.ch4_t_per_year)
            return std::nullopt;
        ++reasons[m.unknown_reason];
    }
    const auto most = std::max_element(reasons.begin(), reasons.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return "the methane of every site is unknown (" + std::to_string(most->second) + " of " +
           std::to_string(estimates.size()) + ": " + most->first +
           "); map the source's tonnage column (--field waste_t_per_day=COLUMN) or give --places to estimate it";
}

}  // namespace basural
