#pragma once
// Loading the inventory fixtures of tests/data against the four-country boundaries fixture, with the
// accounting every load must keep (read = loaded + merged + rejected); shared by the reading and
// writing tests of tests/unit/inventory.

#include "basural/inventory/inventory.hpp"
#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

namespace basural::test {

/// Load options for the fixtures: the boundaries of ARG BRA MEX URY (Natural Earth 1:50m) and a
/// fixed current year, so that ages do not drift with the calendar.
inline LoadOptions fixture_options()
{
    LoadOptions o;
    o.countries_path = data_path("countries_fixture.geojson");  // ARG BRA MEX URY, Natural Earth 1:50m
    o.current_year = 2025;
    return o;
}

/// The fixture `name` of tests/data, loaded; requires that every record read was loaded, merged or
/// rejected.
inline Inventory load_fixture(const std::string& name, LoadOptions o = fixture_options())
{
    auto inv = load_inventory(data_path(name), o);
    REQUIRE(inv.records_read == static_cast<std::int64_t>(inv.sites.size() + inv.merges.size() + inv.rejects.size()));
    return inv;
}

}  // namespace basural::test
