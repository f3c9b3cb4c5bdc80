#include "basural/reports/admin1_summary.hpp"

#include "basural/base/error.hpp"

#include <array>
#include <map>
#include <tuple>

namespace basural {
namespace {

struct Counts {
    std::size_t sites = 0, derived = 0;
    std::array<std::size_t, 4> by_type{};    // open_dump, controlled_dump, sanitary_landfill, other
    std::array<std::size_t, 6> by_status{};  // active, inactive, closing, closed, remediated, unknown

    void add(const Site& s, bool derived_unit)
    {
        ++sites;
        derived += derived_unit ? 1 : 0;
        ++by_type[static_cast<std::size_t>(s.site_type)];
        ++by_status[static_cast<std::size_t>(s.status)];
    }
    void add(const Counts& c)
    {
        sites += c.sites;
        derived += c.derived;
        for (std::size_t i = 0; i < by_type.size(); ++i)
            by_type[i] += c.by_type[i];
        for (std::size_t i = 0; i < by_status.size(); ++i)
            by_status[i] += c.by_status[i];
    }
};

/// Sort key of a unit within its country: by code, units known by name only next, the unknown unit last.
std::tuple<int, std::string> unit_order(const Admin1Key& k)
{
    if (!k.known())
        return {2, ""};
    return k.code.empty() ? std::tuple<int, std::string>{1, k.name} : std::tuple<int, std::string>{0, k.code};
}

std::vector<ReportCell> row(const std::string& iso3, ReportCell admin1, ReportCell name, const Counts& c)
{
    std::vector<ReportCell> r{iso3, std::move(admin1), std::move(name), count_cell(c.sites)};
    for (auto v : c.by_type)
        r.push_back(count_cell(v));
    for (auto v : c.by_status)
        r.push_back(count_cell(v));
    r.push_back(count_cell(c.derived));
    return r;
}

}  // namespace

ReportTable inventory_by_admin1(const std::vector<Site>& sites, const std::vector<Admin1Key>& units)
{
    if (units.size() != sites.size())
        throw usage_error("info: first-level units given for " + std::to_string(units.size()) + " of " +
                          std::to_string(sites.size()) + " sites");
    // country -> unit order -> (unit, counts)
    std::map<std::string, std::map<std::tuple<int, std::string>, std::pair<Admin1Key, Counts>>> by_unit;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        auto& [key, counts] = by_unit[sites[i].country_iso3][unit_order(units[i])];
        key = units[i];
        counts.add(sites[i], units[i].derived);
    }
    ReportTable t{"admin1", "Sites per first-level unit (state, province, department) and country", {}, {}};
    for (const char* c : {"country", "admin1", "admin1_name", "sites", "open_dump", "controlled_dump",
                          "sanitary_landfill", "other", "active", "inactive", "closing", "closed", "remediated",
                          "status_unknown", "admin1_derived"})
        t.columns.push_back({c, 0});
    Counts lac;
    for (const auto& [iso3, units_of_country] : by_unit) {
        Counts country;
        for (const auto& [order, entry] : units_of_country) {
            const auto& [key, counts] = entry;
            t.rows.push_back(row(iso3, key.known() ? key.code : std::string("unknown"), key.name, counts));
            country.add(counts);
        }
        t.rows.push_back(row(iso3, std::string("all"), {}, country));
        lac.add(country);
    }
    t.rows.push_back(row("LAC", std::string(), {}, lac));
    return t;
}

}  // namespace basural
