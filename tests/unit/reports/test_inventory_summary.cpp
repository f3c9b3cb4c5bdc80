// What info and validate report, on a hand-built inventory whose counts are known.
#include "basural/reports/inventory_summary.hpp"

#include "basural/base/locale.hpp"

#include <catch2/catch.hpp>

#include <variant>

using namespace basural;

namespace {

Site site(const char* country, SiteType type, SiteStatus status, Provenance provenance)
{
    Site s;
    s.site_id = std::string(country) + std::to_string(static_cast<int>(type));
    s.country_iso3 = country;
    s.site_type = type;
    s.status = status;
    s.provenance = provenance;
    return s;
}

const std::vector<ReportCell>& row_of(const ReportTable& t, const std::string& first)
{
    for (const auto& r : t.rows)
        if (std::get<std::string>(r[0]) == first)
            return r;
    FAIL("no row " << first);
    throw;
}

std::int64_t int_at(const ReportTable& t, const std::vector<ReportCell>& row, const std::string& column)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == column)
            return std::get<std::int64_t>(row[c]);
    FAIL("no column " << column);
    throw;
}

}  // namespace

TEST_CASE("info's tables count sites per country and field completeness", "[inventory_summary]")
{
    Inventory inv;
    inv.source = "x.csv";
    inv.sites.push_back(site("BRA", SiteType::open_dump, SiteStatus::active, Provenance::observed));
    inv.sites.push_back(site("BRA", SiteType::open_dump, SiteStatus::unknown, Provenance::estimated));
    inv.sites.push_back(site("MEX", SiteType::sanitary_landfill, SiteStatus::closed, Provenance::observed));
    inv.sites[0].waste_t_per_day = 10.0;
    inv.sites[2].waste_t_per_day = 0.0;  // zero is a known value
    inv.rejects.push_back({"x.csv", 4, "lat", "123", "is outside [-90, 90]", "lat_out_of_range"});
    inv.records_read = 4;

    CHECK(records_line(inv) == "x.csv: records read 4 = loaded 3 + rejected 1");
    const auto tables = inventory_summary(inv);
    REQUIRE(tables.size() == 3);
    CHECK(tables[0].name == "records");
    CHECK(std::get<std::int64_t>(tables[0].rows[0][3]) == 0);  // merged
    CHECK(std::get<std::int64_t>(tables[0].rows[0][4]) == 1);  // rejected

    // A record merged into a shared site is counted apart: read = loaded + merged + rejected.
    auto merged = inv;
    merged.merges.push_back({5, "b", 1, "a", 0.0});
    merged.records_read = 5;
    CHECK(records_line(merged) == "x.csv: records read 5 = loaded 3 + merged 1 + rejected 1");
    CHECK(std::get<std::int64_t>(inventory_summary(merged)[0].rows[0][3]) == 1);

    // For people, in the reader's words and digit groups (docs/methods/languages.md): Spanish groups
    // from five digits with a narrow no-break space (U+202F), Portuguese with a point.
    auto big = merged;
    big.records_read = 25862;
    CHECK(records_line(big) == "x.csv: records read 25,862 = loaded 3 + merged 1 + rejected 1");
    CHECK(records_line(big, *parse_locale("es-PE")) ==
          "x.csv: registros leídos 25\u202F862 = cargados 3 + fusionados 1 + rechazados 1");
    CHECK(records_line(big, *parse_locale("pt-BR")) ==
          "x.csv: registros lidos 25.862 = carregados 3 + mesclados 1 + rejeitados 1");
    big.records_read = 2240;  // four digits are not grouped in Spanish
    CHECK(records_line(big, *parse_locale("es-MX")) ==
          "x.csv: registros leídos 2240 = cargados 3 + fusionados 1 + rechazados 1");
    CHECK(records_line(inv, *parse_locale("es")) == "x.csv: registros leídos 4 = cargados 3 + rechazados 1");

    const auto& countries = tables[1];
    REQUIRE(countries.rows.size() == 3);  // BRA, MEX, LAC
    const auto& bra = row_of(countries, "BRA");
    CHECK(std::get<std::string>(bra[1]) == "Brazil");
    CHECK(int_at(countries, bra, "sites") == 2);
    CHECK(int_at(countries, bra, "open_dump") == 2);
    CHECK(int_at(countries, bra, "status_unknown") == 1);
    CHECK(int_at(countries, bra, "estimated") == 1);
    const auto& lac = row_of(countries, "LAC");
    CHECK(int_at(countries, lac, "sites") == 3);
    CHECK(int_at(countries, lac, "sanitary_landfill") == 1);
    CHECK(int_at(countries, lac, "closed") == 1);
    CHECK(int_at(countries, lac, "observed") == 2);

    const auto& completeness = tables[2];
    CHECK(completeness.columns.size() == 4);  // field, LAC_pct, BRA_pct, MEX_pct
    const auto& waste = row_of(completeness, "waste_t_per_day");
    CHECK(std::get<double>(waste[1]) == Approx(200.0 / 3.0));  // 2 of 3
    CHECK(std::get<double>(waste[2]) == Approx(50.0));         // 1 of BRA's 2
    CHECK(std::get<double>(waste[3]) == Approx(100.0));
    const auto& status = row_of(completeness, "status");
    CHECK(std::get<double>(status[1]) == Approx(200.0 / 3.0));
    CHECK(std::get<double>(row_of(completeness, "site_id")[1]) == Approx(100.0));
}

TEST_CASE("fields that drive results are warned about when unknown for all or most sites", "[inventory_summary]")
{
    std::vector<Site> sites;
    for (int i = 0; i < 4; ++i)
        sites.push_back(site("BRA", SiteType::open_dump, SiteStatus::unknown, Provenance::observed));
    sites[0].status = SiteStatus::active;   // status unknown for 3 of 4 (75%): mostly
    sites[0].waste_t_per_day = 10.0;        // tonnage unknown for 3 of 4 too
    sites[1].waste_t_per_day = 0.0;         // 0 is known: 2 of 4 unknown (50%) is not "mostly"
    sites[3].site_type = SiteType::other;   // 1 of 4 other
    const auto u = unknown_shares(sites);
    CHECK(u.sites == 4);
    CHECK(u.status_unknown == 3);
    CHECK(u.tonnage_unknown == 2);
    CHECK(u.type_other == 1);
    const auto w = unknown_warnings(u);
    REQUIRE(w.size() == 1);
    CHECK_THAT(w[0], Catch::StartsWith("status is unknown for 3 of 4 sites (75%): ") &&
                         Catch::Contains("--default status=active"));

    for (auto& s : sites) {
        s.status = SiteStatus::unknown;
        s.waste_t_per_day.reset();
        s.site_type = SiteType::other;
    }
    const auto all = unknown_warnings(unknown_shares(sites));
    REQUIRE(all.size() == 3);
    CHECK_THAT(all[0], Catch::StartsWith("status is unknown for all 4 sites"));
    CHECK_THAT(all[1], Catch::StartsWith("waste_t_per_day is unknown for all 4 sites") &&
                           Catch::Contains("--field waste_t_per_day=COLUMN"));
    CHECK_THAT(all[2], Catch::StartsWith("site_type is other for all 4 sites") && Catch::Contains("--map"));
    CHECK(unknown_warnings(unknown_shares({})).empty());
}

TEST_CASE("validate's table counts rejects per check in the documented order", "[inventory_summary]")
{
    std::vector<Reject> rejects{
        {"x.csv", 2, "site_id", "a", "duplicates the site_id of record 1", "duplicate_site_id"},
        {"x.csv", 3, "lat", "123", "is outside [-90, 90]", "lat_out_of_range"},
        {"x.csv", 5, "lat", "95", "is outside [-90, 90]", "lat_out_of_range"},
    };
    const auto t = rejects_by_check(rejects);
    REQUIRE(t.rows.size() == 2);
    CHECK(std::get<std::string>(t.rows[0][0]) == "lat_out_of_range");  // before duplicate_site_id
    CHECK(std::get<std::int64_t>(t.rows[0][1]) == 2);
    CHECK(std::get<double>(t.rows[0][2]) == Approx(200.0 / 3.0));
    CHECK(std::get<std::int64_t>(t.rows[0][3]) == 3);
    CHECK(std::get<std::int64_t>(t.rows[1][3]) == 2);
    CHECK(rejects_by_check({}).rows.empty());
}
