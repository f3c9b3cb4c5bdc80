// The site schema's vocabularies: spelling round-trips, unknown spellings are refused.
#include "basural/inventory/site.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace basural;

TEST_CASE("schema vocabularies round-trip through their spelling", "[site]")
{
    for (auto t : {SiteType::open_dump, SiteType::controlled_dump, SiteType::sanitary_landfill, SiteType::other})
        CHECK(parse_site_type(to_string(t)) == t);
    for (auto s : {SiteStatus::active, SiteStatus::inactive, SiteStatus::closing, SiteStatus::closed,
                   SiteStatus::remediated, SiteStatus::unknown})
        CHECK(parse_site_status(to_string(s)) == s);
    for (auto g : {GasCapture::none, GasCapture::drainage, GasCapture::flaring, GasCapture::energy,
                   GasCapture::unknown})
        CHECK(parse_gas_capture(to_string(g)) == g);
    for (auto p : {Provenance::observed, Provenance::derived, Provenance::estimated})
        CHECK(parse_provenance(to_string(p)) == p);
    for (auto p : {LocationPrecision::surveyed, LocationPrecision::municipal_seat, LocationPrecision::estimated})
        CHECK(parse_location_precision(to_string(p)) == p);
}

TEST_CASE("unknown spellings are not guessed", "[site]")
{
    CHECK_FALSE(parse_site_type("Lixão").has_value());
    CHECK_FALSE(parse_site_type("").has_value());
    CHECK_FALSE(parse_site_status("Active").has_value());
    CHECK(to_string(SiteType::open_dump) == "open_dump");
}

TEST_CASE("inadequate site types are open and controlled dumps", "[site]")
{
    CHECK(is_inadequate(SiteType::open_dump));
    CHECK(is_inadequate(SiteType::controlled_dump));
    CHECK_FALSE(is_inadequate(SiteType::sanitary_landfill));
    CHECK_FALSE(is_inadequate(SiteType::other));
}

TEST_CASE("the schema has every documented column once", "[site]")
{
    const auto& cols = site_schema_columns();
    CHECK(cols.front() == "site_id");
    CHECK(std::count(cols.begin(), cols.end(), "lon") == 1);
    CHECK(std::count(cols.begin(), cols.end(), "provenance") == 1);
    CHECK(cols.size() == 27);
}
