#pragma once
// Small builders shared by the unit tests of the domain layer (exposure, waste estimate, coverage,
// priority).

#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"
#include "basural/base/report_table.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace basural::test {

/// A site of the schema with the fields the domain tests vary; a known tonnage is `observed`.
inline Site make_site(std::string id, std::string iso3, LonLat where, SiteType type, SiteStatus status,
                      std::optional<double> waste_t_per_day = std::nullopt)
{
    Site s;
    s.site_id = std::move(id);
    s.country_iso3 = std::move(iso3);
    s.location = where;
    s.site_type = type;
    s.status = status;
    s.waste_t_per_day = waste_t_per_day;
    if (waste_t_per_day)
        s.waste_provenance = Provenance::observed;
    return s;
}

/// A populated place at `where` (population std::nullopt = unknown).
inline Place make_place(std::string id, std::string iso3, LonLat where, std::optional<std::int64_t> population)
{
    Place p;
    p.id = std::move(id);
    p.country_iso3 = std::move(iso3);
    p.location = where;
    p.population = population;
    return p;
}

/// The row of `iso3` in a report's per-country rows (anything with .countries of rows with
/// .country_iso3); fails the test when there is none.
template <typename Report>
const auto& country_row(const Report& report, const std::string& iso3)
{
    for (const auto& c : report.countries)
        if (c.country_iso3 == iso3)
            return c;
    FAIL("no row for " << iso3);
    throw;
}

/// The index of the column named `name` in a report table; fails the test when there is none.
inline std::size_t column_index(const ReportTable& table, const std::string& name)
{
    for (std::size_t k = 0; k < table.columns.size(); ++k)
        if (table.columns[k].name == name)
            return k;
    FAIL("no column " << name);
    throw;
}

/// A waste result of sites whose tonnage is taken as it is (no places, no fill).
inline WasteEstimateResult as_is(std::vector<Site> sites)
{
    WasteEstimateResult w;
    w.served_population.assign(sites.size(), 0);
    w.sites = std::move(sites);
    return w;
}

}  // namespace basural::test
