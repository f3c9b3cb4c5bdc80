// National registers as analysts receive them (#12, loading half), through `basural import` and
// `basural info` as the real binary: a Latin-1 ';' CSV from Excel in Spanish, an all-text XLSX,
// points with an id only across three countries, one site reported by two municipalities, a stray
// quote. Every run states read = loaded + merged + rejected, and what was decided on its own.
#include "cli/run_cli.hpp"

#include "basural/inventory/inventory.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using basural::test::slurp;
using Catch::Contains;

namespace {

const std::string COUNTRIES = fixture("countries_fixture.geojson");  // ARG BRA MEX URY

std::vector<std::string> import_args(const std::string& source, const std::string& out, std::vector<std::string> more)
{
    std::vector<std::string> args{"import", fixture(source), "-o", out, "--countries", COUNTRIES};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

basural::Inventory read_back(const std::string& path)
{
    basural::LoadOptions o;
    o.countries_path = COUNTRIES;
    return basural::load_inventory(path, o);
}

const std::vector<std::string> SPANISH_MAP{"--map", fixture("mapping_es.json"), "--field", "lon=LONGITUD",
                                           "--field", "lat=LATITUD"};

}  // namespace

TEST_CASE("a Latin-1 ';' CSV with Spanish headers, as Excel exports it, loads whole with a note", "[cli][registers]")
{
    const auto out = (scratch_dir("cli_register_latin1") / "sites.gpkg").string();
    const auto r = run_cli(import_args("sites_excel_es.csv", out, SPANISH_MAP));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("records read 5 = loaded 5 + rejected 0"));
    CHECK_THAT(r.err, Contains("note: " + fixture("sites_excel_es.csv") + " is not UTF-8 (record 1, NOMBRE "
                               "'Botadero C\\xF3rdoba'): read as Windows-1252"));
    const auto back = read_back(out);
    REQUIRE(back.sites.size() == 5);
    CHECK(back.sites[0].name == "Botadero Córdoba");
    CHECK(back.sites[0].waste_t_per_day == 120.5);  // decimal comma
    CHECK(back.sites[0].location.lon_deg == -64.19);
    CHECK(back.sites[3].name == "Lixão de Brasília");
    CHECK(back.sites[3].country_iso3 == "BRA");

    // Stating UTF-8 for it: refused whole, exit 1, naming --encoding; nothing written.
    const auto stated = (scratch_dir("cli_register_latin1") / "stated.gpkg").string();
    auto args = import_args("sites_excel_es.csv", stated, SPANISH_MAP);
    args.insert(args.end(), {"--encoding", "UTF-8"});
    const auto refused = run_cli(args);
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Contains("record 1: NOMBRE 'Botadero C\\xF3rdoba' is not valid UTF-8") &&
                                Contains("--encoding"));
    CHECK_FALSE(std::filesystem::exists(stated));
}

TEST_CASE("an all-text XLSX: a first row naming the mapped columns is the header", "[cli][registers]")
{
    const auto dir = scratch_dir("cli_register_xlsx");
    const auto out = (dir / "sites.gpkg").string();
    const auto r = run_cli(import_args("sites_text.xlsx", out, SPANISH_MAP));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("records read 5 = loaded 5 + rejected 0"));
    CHECK_THAT(r.err, Contains("the first row, all text, names the columns the mapping or the schema uses, so it is "
                               "read as the header"));
    const auto back = read_back(out);
    REQUIRE(back.sites.size() == 5);
    CHECK(back.sites[1].site_id == "E2");
    CHECK(back.sites[1].waste_t_per_day == 900.0);

    // --header no: the first row is data, and GDAL's Field1... names do not match the mapping.
    auto args = import_args("sites_text.xlsx", (dir / "no.gpkg").string(), SPANISH_MAP);
    args.insert(args.end(), {"--header", "no"});
    const auto no = run_cli(args);
    CHECK(no.exit_code == 1);
    CHECK_THAT(no.err, Contains("the mapping names column 'ID' for site_id, but the layer has no such column "
                                "(columns: Field1"));
    auto bad = import_args("sites_text.xlsx", (dir / "bad.gpkg").string(), {"--header", "maybe"});
    CHECK(run_cli(bad).exit_code == 2);
}

TEST_CASE("points with an id only across three countries get their country from their location", "[cli][registers]")
{
    const auto out = (scratch_dir("cli_register_ids") / "sites.csv").string();
    const auto r = run_cli(import_args("sites_ids_only.csv", out,
                                       {"--field", "site_id=ID", "--field", "lon=X", "--field", "lat=Y", "--default",
                                        "site_type=open_dump"}));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("records read 5 = loaded 3 + rejected 2"));
    CHECK_THAT(r.err, Contains("has no country column and no --default country: each site's country is the one its "
                               "location lies in"));
    // Status and tonnage are unknown for every site: say so, naming the options that fix it.
    CHECK_THAT(r.err, Contains("warning: status is unknown for all 3 sites") && Contains("--default status=active"));
    CHECK_THAT(r.err, Contains("warning: waste_t_per_day is unknown for all 3 sites"));
    const auto back = read_back(out);
    REQUIRE(back.sites.size() == 3);
    CHECK(back.sites[0].country_iso3 == "ARG");
    CHECK(back.sites[1].country_iso3 == "BRA");
    CHECK(back.sites[2].country_iso3 == "MEX");
    CHECK(back.sites[2].derived_fields == std::vector<std::string>{"country"});
    CHECK_THAT(slurp(out), Contains(",country,\n"));  // derived_fields, then an empty reporting_municipalities

    const auto info = run_cli({"info", out, "--countries", COUNTRIES});
    CHECK(info.exit_code == 0);
    CHECK_THAT(info.err, Contains("warning: status is unknown for all 3 sites"));
}

TEST_CASE("a site reported by two municipalities becomes one shared site listing both", "[cli][registers]")
{
    const auto dir = scratch_dir("cli_register_shared");
    const auto out = (dir / "sites.gpkg").string();
    const auto merges = (dir / "merges.csv").string();
    const auto r = run_cli(import_args("sites_shared_register.csv", out,
                                       {"--map", fixture("mapping_register_mx.json"), "--merges", merges}));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("records read 4 = loaded 3 + merged 1 + rejected 0"));
    CHECK_THAT(r.out, Contains("wrote 1 merged record to " + merges));
    CHECK(slurp(merges) == "record,site_id,into_record,into_site_id,distance_m\n2,15031001DF,1,15058001DF,0\n");
    const auto back = read_back(out);
    REQUIRE(back.sites.size() == 3);
    const auto& neza = back.sites[0];
    CHECK(neza.receives_other_municipalities == true);
    REQUIRE(neza.reporting_municipalities.size() == 2);
    CHECK(basural::format_reporting_municipalities(neza.reporting_municipalities) ==
          "15058 NEZAHUALCÓYOTL; 15031 CHIMALHUACÁN");

    const auto rejected = run_cli(import_args("sites_shared_register.csv", (dir / "r.gpkg").string(),
                                              {"--map", fixture("mapping_register_mx.json"), "--near-duplicates",
                                               "reject"}));
    CHECK_THAT(rejected.out, Contains("records read 4 = loaded 3 + rejected 1"));
}

TEST_CASE("a stray quote in a CSV stops the load, naming the record", "[cli][registers]")
{
    const auto r = run_cli({"validate", fixture("sites_stray_quote.csv"), "--countries", COUNTRIES});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(fixture("sites_stray_quote.csv") + " record 1: name 'Botadero Norte,ARG,open_dump"));
    CHECK_THAT(r.err, Contains("the 2 line(s) after it were read as part of this value"));
}
