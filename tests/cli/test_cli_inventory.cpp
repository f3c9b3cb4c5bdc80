// basural info, validate and import, run as the real binary: outputs, files, exit codes and the
// error text for bad input. Every run checks against the small boundaries fixture (--countries).
#include "cli/run_cli.hpp"

#include "basural/inventory/inventory.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using basural::test::slurp;
using Catch::Contains;

namespace {

const std::string COUNTRIES = fixture("countries_fixture.geojson");  // ARG BRA MEX URY

std::vector<std::string> with_countries(std::vector<std::string> args)
{
    args.push_back("--countries");
    args.push_back(COUNTRIES);
    return args;
}

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("every inventory command has --help for each option", "[cli][inventory]")
{
    for (const char* cmd : {"info", "validate", "import"}) {
        INFO(cmd);
        const auto r = run_cli({cmd, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        for (const char* opt : {"--layer", "--crs", "--map", "--field", "--default", "--encoding", "--countries",
                                "--no-country-check", "--coastal-tolerance-m", "--near-duplicate-m"})
            CHECK_THAT(r.out, Contains(opt));
    }
    CHECK_THAT(run_cli({"info", "--help"}).out, Contains("--format"));
    CHECK_THAT(run_cli({"validate", "--help"}).out, Contains("--rejects") && Contains("Exit codes"));
    CHECK_THAT(run_cli({"import", "--help"}).out, Contains("--output") && Contains("--rejects"));
}

TEST_CASE("info without an inventory describes the shipped one", "[cli][inventory]")
{
    const auto dir = scratch_dir("cli_info_shipped");
    std::filesystem::copy_file(fixture("sites_schema.csv"), dir / "lac_sites.csv");
    std::filesystem::copy_file(COUNTRIES, dir / "lac_countries.geojson");
    const auto r = run_cli({"info"}, {"BASURAL_DATA_DIR=" + dir.string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("lac_sites.csv: records read 5 = loaded 5 + rejected 0"));
    CHECK_THAT(r.out, Contains("\nLAC "));  // the LAC total row

    const auto missing = run_cli({"info"}, {"BASURAL_DATA_DIR=" + (dir / "nowhere").string()});
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("basural info: lac_sites.csv: shipped dataset not found"));
}

TEST_CASE("info prints counts per country in table, csv, json and md", "[cli][inventory]")
{
    const auto inv = fixture("sites_schema.csv");
    const auto table = run_cli(with_countries({"info", inv}));
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("records read 5 = loaded 5 + rejected 0"));
    CHECK_THAT(table.out, Contains("Sites by country, type, status and provenance"));

    const auto csv = run_cli(with_countries({"info", inv, "--format", "csv"}));
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.out, Contains("source,records_read,loaded,merged,rejected\n" + inv + ",5,5,0,0\n"));
    // sites_schema.csv: BRA open_dump closed observed, BRA controlled_dump active observed,
    // ARG open_dump active derived, MEX controlled_dump unknown estimated, URY sanitary_landfill remediated observed.
    CHECK_THAT(csv.out, Contains("country,name,sites,open_dump,controlled_dump,sanitary_landfill,other,active,inactive,"
                                 "closing,closed,remediated,status_unknown,observed,derived,estimated\n"));
    CHECK_THAT(csv.out, Contains("BRA,Brazil,2,1,1,0,0,1,0,0,1,0,0,2,0,0\n"));
    CHECK_THAT(csv.out, Contains("LAC,Latin America and the Caribbean,5,2,2,1,0,2,0,0,1,1,1,3,1,1\n"));
    // 3 of the 5 sites give waste_t_per_day; 1 of BRA's 2.
    CHECK_THAT(csv.out, Contains("waste_t_per_day,60.0,100.0,50.0,0.0,100.0\n"));

    const auto json = run_cli(with_countries({"info", inv, "--format", "json"}));
    REQUIRE(json.exit_code == 0);
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["records"][0]["records_read"] == 5);
    CHECK(doc["records"][0]["rejected"] == 0);
    CHECK(doc["countries"].back()["country"] == "LAC");
    CHECK(doc["countries"].back()["sites"] == 5);
    CHECK(doc["countries"][0]["country"] == "ARG");
    const auto& completeness = doc["completeness"];
    const auto status = std::find_if(completeness.begin(), completeness.end(),
                                     [](const auto& row) { return row["field"] == "status"; });
    REQUIRE(status != completeness.end());
    CHECK((*status)["LAC_pct"].get<double>() == Approx(80.0));  // MEX's status is unknown
    CHECK((*status)["MEX_pct"].get<double>() == Approx(0.0));

    const auto md = run_cli(with_countries({"info", inv, "--format", "md"}));
    REQUIRE(md.exit_code == 0);
    CHECK_THAT(md.out, Contains("| country | name"));
    CHECK_THAT(md.out, Contains("| LAC     | Latin America and the Caribbean |"));

    const auto bad = run_cli(with_countries({"info", inv, "--format", "xml"}));
    CHECK(bad.exit_code == 2);
}

TEST_CASE("validate: exit 0 when every record is valid", "[cli][inventory]")
{
    const auto r = run_cli(with_countries({"validate", fixture("sites_schema.csv")}));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("records read 5 = loaded 5 + rejected 0"));
    CHECK_THAT(r.out, Contains("every record is valid"));

    // Repeated --field pairs before the positional inventory.
    const auto fields = run_cli(with_countries({"validate", "--field", "site_id=ID", "--field", "name=NOMBRE", "--field",
                                                "country=PAIS", "--field", "site_type=TIPO", fixture("sites_es.csv")}));
    CHECK(fields.exit_code == 0);
    CHECK_THAT(fields.out, Contains("records read 5 = loaded 5 + rejected 0"));

    // Other formats through a mapping file.
    for (const char* name : {"sites_es.gpkg", "sites_es.shp", "sites_es.xlsx", "sites_es.kml"}) {
        INFO(name);
        const auto m = run_cli(with_countries({"validate", fixture(name), "--map", fixture("mapping_es.json")}));
        CHECK(m.exit_code == 0);
        CHECK_THAT(m.out, Contains("records read 5 = loaded 5 + rejected 0"));
    }
}

TEST_CASE("validate: exit 1 and every reason for bad records", "[cli][inventory]")
{
    const auto dir = scratch_dir("cli_validate_bad");
    const auto rejects = (dir / "rejects.csv").string();
    const auto src = fixture("sites_bad.csv");
    const auto r = run_cli(with_countries({"validate", src, "--rejects", rejects, "--show", "20", "--near-duplicates", "reject"}));
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains(src + ": records read 14 = loaded 2 + rejected 12"));
    CHECK_THAT(r.out, Contains(src + " record 2: lat '123' is outside [-90, 90]\n"));
    CHECK_THAT(r.out, Contains(src + " record 3: lat '-99.1332' is outside [-90, 90]; lon and lat appear swapped: "
                                     "lon -99.1332, lat 19.4326 lies in MEX"));
    CHECK_THAT(r.out, Contains(src + " record 4: lon 'NaN' is not a number"));
    CHECK_THAT(r.out, Contains(src + " record 5: lon '' is empty: the record has no location"));
    CHECK_THAT(r.out, Contains(src + " record 6: site_id 'ok-1' duplicates the site_id of record 1"));
    CHECK_THAT(r.out, Contains(src + " record 7: country 'XYZ' is not one of the 33 LAC countries"));
    CHECK_THAT(r.out, Contains(src + " record 8: site_type 'xyz' is not a known site_type"));
    CHECK_THAT(r.out, Contains(src + " record 11: location '-47.1, -15.1' is not in ARG (tolerance 5 km): it lies in BRA"));
    CHECK_THAT(r.out, Contains("All rejected records written to " + rejects));
    CHECK_THAT(r.out, Contains("lon_lat_swapped"));  // the counts table

    const auto text = slurp(rejects);
    CHECK(count_lines(text) == 13);  // header + 12 rejects
    CHECK(text.rfind("file,record,field,value,reason,check\n", 0) == 0);
    CHECK_THAT(text, Contains(src + ",2,lat,123,\"is outside [-90, 90]\",lat_out_of_range\n"));
    CHECK_THAT(text, Contains(src + ",13,opening_year,1.998,"));

    // Relaxing the checks: 4 loaded (wrong-country and near-dup now pass).
    const auto relaxed = run_cli(with_countries({"validate", src, "--no-country-check", "--near-duplicate-m", "0"}));
    CHECK(relaxed.exit_code == 1);
    CHECK_THAT(relaxed.out, Contains("records read 14 = loaded 4 + rejected 10"));
}

TEST_CASE("validate: footprints, encodings and CRSs", "[cli][inventory]")
{
    const auto poly = run_cli(with_countries({"validate", fixture("footprints.geojson")}));
    CHECK(poly.exit_code == 1);
    CHECK_THAT(poly.out, Contains("record 4: geometry 'Polygon' footprint is not a valid polygon (Self-intersection"));
    CHECK_THAT(poly.out, Contains("record 5: geometry 'Line String' is a line; a site needs a point or a polygon footprint"));

    // Not UTF-8: read as Windows-1252 with a note, never records dropped.
    const auto latin1 = run_cli(with_countries({"validate", fixture("sites_latin1.csv")}));
    CHECK(latin1.exit_code == 0);
    CHECK_THAT(latin1.out, Contains("records read 2 = loaded 2 + rejected 0"));
    CHECK_THAT(latin1.err, Contains("note: " + fixture("sites_latin1.csv") + " is not UTF-8 (record 1, name "
                                    "'Lix\\xE3o do Jo\\xE3o'): read as Windows-1252"));
    const auto stated_utf8 = run_cli(with_countries({"validate", fixture("sites_latin1.csv"), "--encoding", "UTF-8"}));
    CHECK(stated_utf8.exit_code == 1);
    CHECK_THAT(stated_utf8.err, Contains("record 1: name 'Lix\\xE3o do Jo\\xE3o' is not valid UTF-8 (byte 4); the file "
                                         "is not in the stated --encoding UTF-8"));
    const auto transcoded = run_cli(with_countries({"validate", fixture("sites_latin1.csv"), "--encoding", "LATIN1"}));
    CHECK(transcoded.exit_code == 0);

    const auto noprj = run_cli(with_countries({"validate", fixture("sites_noprj.shp"), "--map", fixture("mapping_es.json")}));
    CHECK(noprj.exit_code == 1);
    CHECK(noprj.out.empty());
    CHECK_THAT(noprj.err, Contains("basural validate: " + fixture("sites_noprj.shp") + ": has no CRS; state one with --crs"));
    const auto stated = run_cli(with_countries(
        {"validate", fixture("sites_noprj.shp"), "--map", fixture("mapping_es.json"), "--crs", "EPSG:4326"}));
    CHECK(stated.exit_code == 0);

    const auto utm = run_cli(with_countries({"validate", fixture("sites_sirgas_utm23s.csv"), "--crs", "EPSG:31983"}));
    CHECK(utm.exit_code == 0);
    // Projected metres read as degrees: the message says what to do.
    const auto unstated = run_cli(with_countries({"validate", fixture("sites_sirgas_utm23s.csv")}));
    CHECK(unstated.exit_code == 1);
    CHECK_THAT(unstated.out, Contains("record 1: y '8250000' is outside [-90, 90]; if the coordinates are projected "
                                      "(metres), state their CRS with --crs"));
}

TEST_CASE("validate: unreadable sources and bad options", "[cli][inventory]")
{
    const auto truncated = run_cli(with_countries({"validate", fixture("sites_truncated.geojson")}));
    CHECK(truncated.exit_code == 1);
    CHECK(truncated.out.empty());
    CHECK_THAT(truncated.err, Contains("basural validate: " + fixture("sites_truncated.geojson") + ": cannot be read"));

    const auto empty = run_cli(with_countries({"validate", fixture("empty.csv")}));
    CHECK(empty.exit_code == 1);
    CHECK(empty.err == "basural validate: " + fixture("empty.csv") + ": file is empty\n");

    const auto missing = run_cli(with_countries({"validate", fixture("no_such.csv")}));
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("no such file or directory"));

    const auto layers = run_cli(with_countries({"validate", fixture("sites_two_layers.kml")}));
    CHECK(layers.exit_code == 1);
    CHECK_THAT(layers.err, Contains("has 2 layers (dumps, landfills); choose one with --layer"));

    const auto no_column = run_cli(with_countries({"validate", fixture("sites_es.csv")}));
    CHECK(no_column.exit_code == 1);
    CHECK_THAT(no_column.err, Contains("has no site_type column"));

    CHECK(run_cli({"validate"}).exit_code == 2);  // no inventory
    CHECK(run_cli(with_countries({"validate", fixture("sites_schema.csv"), "--crs", "EPSG:0"})).exit_code == 2);
    const auto bad_field = run_cli(with_countries({"validate", fixture("sites_schema.csv"), "--field", "site_id"}));
    CHECK(bad_field.exit_code == 2);
    CHECK_THAT(bad_field.err, Contains("is not of the form schema_field=value"));
    CHECK(run_cli(with_countries({"validate", fixture("sites_schema.csv"), "--near-duplicate-m", "-5"})).exit_code == 2);
    const auto bad_map = run_cli(with_countries({"validate", fixture("sites_schema.csv"), "--map", fixture("no_such.json")}));
    CHECK(bad_map.exit_code == 1);
    CHECK_THAT(bad_map.err, Contains("no_such.json: no such file or directory"));
}

TEST_CASE("import writes a GeoPackage that reads back identically", "[cli][inventory]")
{
    const auto dir = scratch_dir("cli_import");
    const auto out = (dir / "sites.gpkg").string();
    const auto rejects = (dir / "rejects.csv").string();
    const auto r = run_cli(with_countries(
        {"import", fixture("sites_es.shp"), "--map", fixture("mapping_es.json"), "-o", out, "--rejects", rejects}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("records read 5 = loaded 5 + rejected 0"));
    CHECK_THAT(r.out, Contains("wrote 5 sites to " + out));
    CHECK(slurp(rejects) == "file,record,field,value,reason,check\n");

    basural::LoadOptions options;
    options.countries_path = COUNTRIES;
    const auto written = basural::load_inventory(out, options);
    auto source_options = options;
    source_options.mapping = basural::load_field_mapping(fixture("mapping_es.json"));
    const auto source = basural::load_inventory(fixture("sites_es.shp"), source_options);
    REQUIRE(written.sites.size() == 5);
    CHECK(written.rejects.empty());
    for (std::size_t i = 0; i < 5; ++i) {
        const auto& a = written.sites[i];
        const auto& b = source.sites[i];
        CHECK(a.site_id == b.site_id);
        CHECK(a.name == b.name);
        CHECK(a.country_iso3 == b.country_iso3);
        CHECK(a.location == b.location);
        CHECK(a.site_type == b.site_type);
        CHECK(a.status == b.status);
        CHECK(a.waste_t_per_day == b.waste_t_per_day);
        CHECK(a.source == "Inventario de prueba");
        CHECK(a.source_record == b.source_record);
    }

    // Importing again writes the same bytes.
    const auto again = (dir / "again.gpkg").string();
    REQUIRE(run_cli(with_countries({"import", fixture("sites_es.shp"), "--map", fixture("mapping_es.json"), "-o", again}))
                .exit_code == 0);
    CHECK(slurp(again) == slurp(out));
}

TEST_CASE("import keeps the valid records and lists the rejected ones", "[cli][inventory]")
{
    const auto dir = scratch_dir("cli_import_bad");
    const auto out = (dir / "sites.geojson").string();
    const auto rejects = (dir / "rejects.csv").string();
    const auto merges = (dir / "merges.csv").string();
    const auto r = run_cli(
        with_countries({"import", fixture("sites_bad.csv"), "-o", out, "--rejects", rejects, "--merges", merges}));
    CHECK(r.exit_code == 0);
    // The near duplicate of record 12 is merged into record 1 (the default --near-duplicates merge).
    CHECK_THAT(r.out, Contains("records read 14 = loaded 2 + merged 1 + rejected 11"));
    CHECK_THAT(r.out, Contains("wrote 2 sites to " + out));
    CHECK_THAT(r.out, Contains("wrote 11 rejected records to " + rejects));
    CHECK_THAT(r.out, Contains("wrote 1 merged record to " + merges));
    CHECK(count_lines(slurp(rejects)) == 12);
    CHECK(slurp(merges) == "record,site_id,into_record,into_site_id,distance_m\n12,near-dup,1,ok-1,19.3\n");

    const auto hint = run_cli(with_countries({"import", fixture("sites_bad.csv"), "-o", (dir / "b.gpkg").string()}));
    CHECK(hint.exit_code == 0);
    CHECK_THAT(hint.out, Contains("11 records were rejected: list them with --rejects FILE.csv or basural validate"));
    CHECK_THAT(hint.out, Contains("1 record was merged into a shared site"));
    const auto rejected = run_cli(with_countries(
        {"import", fixture("sites_bad.csv"), "-o", (dir / "c.gpkg").string(), "--near-duplicates", "reject"}));
    CHECK_THAT(rejected.out, Contains("records read 14 = loaded 2 + rejected 12"));

    const auto shp = run_cli(with_countries({"import", fixture("sites_schema.csv"), "-o", (dir / "out.shp").string()}));
    CHECK(shp.exit_code == 2);
    CHECK_THAT(shp.err, Contains("cannot write an inventory as a Shapefile"));
    CHECK_FALSE(std::filesystem::exists(dir / "out.shp"));
    CHECK(run_cli(with_countries({"import", fixture("sites_schema.csv")})).exit_code == 2);  // no -o
    const auto no_dir = run_cli(with_countries({"import", fixture("sites_schema.csv"), "-o", (dir / "x" / "o.gpkg").string()}));
    CHECK(no_dir.exit_code == 1);
    CHECK_THAT(no_dir.err, Contains("does not exist"));
    // A failed import leaves no temporary file behind.
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}
