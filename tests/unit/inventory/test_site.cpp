// The site schema's vocabularies: spelling round-trips, unknown spellings are refused.
#include "basural/inventory/site.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

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

TEST_CASE("the schema has every documented column once", "[site]")
{
    const auto& cols = site_schema_columns();
    CHECK(cols.front() == "site_id");
    CHECK(std::count(cols.begin(), cols.end(), "lon") == 1);
    CHECK(std::count(cols.begin(), cols.end(), "provenance") == 1);
    CHECK(cols.size() == 29);
    // The two later columns come last, so files written before them still line up.
    CHECK(cols[26] == "source_record");
    CHECK(cols[27] == "derived_fields");
    CHECK(cols[28] == "reporting_municipalities");
}

TEST_CASE("derived_fields: schema columns in schema order, each once; unknown names refused", "[site]")
{
    std::string bad;
    const auto parsed = parse_derived_fields(" admin1_code ;site_type;;admin1_name;site_type ", bad);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == std::vector<std::string>{"admin1_name", "admin1_code", "site_type"});
    CHECK(format_derived_fields(*parsed) == "admin1_name;admin1_code;site_type");
    CHECK(parse_derived_fields("", bad)->empty());

    CHECK_FALSE(parse_derived_fields("site_type;colour", bad).has_value());
    CHECK(bad == "colour");
    CHECK_FALSE(parse_derived_fields("derived_fields", bad).has_value());
    CHECK(bad == "derived_fields");
    CHECK_FALSE(parse_derived_fields("Site_Type", bad).has_value());  // names are exact

    Site s;
    mark_derived(s, "country");
    mark_derived(s, "site_id");
    mark_derived(s, "country");
    CHECK(s.derived_fields == std::vector<std::string>{"site_id", "country"});
    CHECK(is_derived(s, "country"));
    CHECK_FALSE(is_derived(s, "name"));
    CHECK_THROWS_AS(mark_derived(s, "colour"), std::invalid_argument);
}

TEST_CASE("reporting_municipalities: 'CODE NAME' entries separated by '; '", "[site]")
{
    std::string problem;
    const auto parsed = parse_reporting_municipalities("09005 Gustavo A. Madero;09007  Iztapalapa ; ? 25 de Mayo; 15058", problem);
    REQUIRE(parsed.has_value());
    const std::vector<ReportingMunicipality> expected{
        {"09005", "Gustavo A. Madero"}, {"09007", "Iztapalapa"}, {"", "25 de Mayo"}, {"15058", ""}};
    CHECK(*parsed == expected);
    CHECK(format_reporting_municipalities(*parsed) == "09005 Gustavo A. Madero; 09007 Iztapalapa; ? 25 de Mayo; 15058");
    // What is written reads back the same.
    CHECK(*parse_reporting_municipalities(format_reporting_municipalities(expected), problem) == expected);
    CHECK(parse_reporting_municipalities("  ", problem)->empty());
    CHECK(parse_reporting_municipalities("09005 A;", problem)->size() == 1);  // a trailing ';'

    CHECK_FALSE(parse_reporting_municipalities("09005 A;;09007 B", problem).has_value());
    CHECK(problem == "has an empty entry (entry 2)");
    CHECK_FALSE(parse_reporting_municipalities("09005 A; ?", problem).has_value());
    CHECK(problem == "has an entry '?' with neither code nor name (entry 2)");
}
