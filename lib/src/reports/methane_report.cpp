#include "basural/reports/methane_report.hpp"

#include "basural/base/error.hpp"

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

ReportTable methane_site_table(const std::vector<Site>& sites, const std::vector<SiteMethane>& estimates)
{
    if (sites.size() != estimates.size())
        throw usage_error("methane_site_table: sites and estimates differ in number");
    ReportTable t;
    t.name = "sites";
    t.title = "Methane per site";
    for (const auto& [name, dec] : std::vector<std::pair<const char*, int>>{
             {"site_id", 0}, {"country", 0}, {"site_type", 0}, {"status", 0}, {"reporting_year", 0},
             {"ch4_t_per_year", 3}, {"co2e_t_per_year", 1}, {"ch4_generated_t_per_year", 3},
             {"ch4_recovered_t_per_year", 3}, {"unknown_reason", 0}, {"waste_t_per_day", 3},
             {"waste_provenance", 0}, {"annual_waste_t", 1}, {"mcf_category", 0}, {"mcf", 2}, {"ipcc_region", 0},
             {"doc_fraction", 5}, {"doc_from_country", 0}, {"docf_fraction", 2}, {"climate_zone", 0},
             {"k_per_year", 3}, {"ox_fraction", 2}, {"recovery_fraction", 2}, {"first_deposit_year", 0},
             {"last_deposit_year", 0}, {"first_deposit_year_assumed", 0}, {"gwp100_ch4", 1}, {"lon", 6},
             {"lat", 6}})
        t.columns.push_back({name, dec});
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const auto& s = sites[i];
        const auto& m = estimates[i];
        t.rows.push_back(
            {m.site_id, m.country_iso3, std::string(to_string(s.site_type)), std::string(to_string(s.status)),
             static_cast<std::int64_t>(m.reporting_year), od(m.ch4_t_per_year), od(m.co2e_t_per_year),
             od(m.ch4_generated_t_per_year), od(m.ch4_recovered_t_per_year), m.unknown_reason,
             od(s.waste_t_per_day),
             s.waste_provenance ? ReportCell(std::string(to_string(*s.waste_provenance))) : ReportCell{},
             od(m.annual_waste_t),
             m.mcf_category ? ReportCell(std::string(to_string(*m.mcf_category))) : ReportCell{},
             m.mcf_category ? ReportCell(m.mcf) : ReportCell{},
             m.region ? ReportCell(std::string(to_string(*m.region))) : ReportCell{}, m.doc_fraction,
             yes_no(m.doc_from_country), IPCC_DOCF_DEFAULT, std::string(to_string(m.climate_zone)), m.k_per_year,
             m.ox_fraction, m.recovery_fraction, oi(m.first_deposit_year), oi(m.last_deposit_year),
             yes_no(m.first_deposit_year_assumed), m.gwp100_ch4, s.location.lon_deg, s.location.lat_deg});
    }
    return t;
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

}  // namespace basural
