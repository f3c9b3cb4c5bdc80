#pragma once
// Small builders shared by the unit tests of the domain layer (exposure, waste estimate, coverage).

#include "basural/places.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace basural::test {

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

}  // namespace basural::test
