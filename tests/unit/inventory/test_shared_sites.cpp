// Merging near-duplicate records of one site reported by several municipalities.
#include "basural/inventory/shared_sites.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace basural;

namespace {

Site reported_by(const std::string& code, const std::string& name)
{
    Site s;
    s.site_id = "S" + code;
    s.country_iso3 = "MEX";
    s.site_type = SiteType::open_dump;
    s.municipality_code = code;
    s.municipality_name = name;
    return s;
}

}  // namespace

TEST_CASE("the merged site keeps every reporting municipality, each once", "[shared_sites]")
{
    Site neza = reported_by("15058", "Nezahualcóyotl");
    merge_shared_site(neza, reported_by("15031", "Chimalhuacán"));
    merge_shared_site(neza, reported_by("15031", "Chimalhuacan"));  // the same code again: once
    merge_shared_site(neza, reported_by("", "La Paz"));             // no code: by name
    merge_shared_site(neza, reported_by("", "La Paz"));
    const std::vector<ReportingMunicipality> expected{
        {"15058", "Nezahualcóyotl"}, {"15031", "Chimalhuacán"}, {"", "La Paz"}};
    CHECK(neza.reporting_municipalities == expected);
    CHECK(neza.receives_other_municipalities == true);
    CHECK(neza.derived_fields == std::vector<std::string>{"receives_other_municipalities", "reporting_municipalities"});
    CHECK(neza.municipality_code == "15058");  // its own municipality stays the first record's
}

TEST_CASE("a record entered twice by the same municipality changes no municipality field", "[shared_sites]")
{
    Site a = reported_by("15058", "Nezahualcóyotl");
    Site b = reported_by("15058", "Nezahualcóyotl");
    b.waste_t_per_day = 120.0;
    b.waste_provenance = Provenance::observed;
    b.status = SiteStatus::active;
    b.name = "Neza II";
    a.name = "Tiradero Neza II";
    merge_shared_site(a, b);
    CHECK(a.reporting_municipalities.empty());
    CHECK_FALSE(a.receives_other_municipalities.has_value());
    CHECK(a.derived_fields.empty());
    // Unknown values are filled from the later record; known ones stay.
    CHECK(a.waste_t_per_day == 120.0);
    CHECK(a.waste_provenance == Provenance::observed);
    CHECK(a.status == SiteStatus::active);
    CHECK(a.name == "Tiradero Neza II");
}

TEST_CASE("a record that already lists municipalities merges its whole list", "[shared_sites]")
{
    Site a = reported_by("15058", "Nezahualcóyotl");
    Site b = reported_by("15031", "Chimalhuacán");
    b.reporting_municipalities = {{"15031", "Chimalhuacán"}, {"15070", "La Paz"}};
    merge_shared_site(a, b);
    CHECK(a.reporting_municipalities.size() == 3);
    CHECK(a.reporting_municipalities[2].code == "15070");
    // Records with no municipality at all: nothing to list.
    Site c;
    merge_shared_site(c, Site{});
    CHECK(c.reporting_municipalities.empty());
}
