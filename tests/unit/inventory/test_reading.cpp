// Loading inventories from every vector format into the schema, rejecting bad records with reasons.
// Every load asserts read = loaded + merged + rejected.
#include "basural/base/error.hpp"
#include "basural/inventory/reading.hpp"

#include "support/inventory_fixtures.hpp"
#include "support/site_checks.hpp"
#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using namespace basural;
using basural::test::data_path;
using basural::test::fixture_options;
using basural::test::load_fixture;

namespace {

const Site& by_id(const Inventory& inv, const std::string& id)
{
    for (const auto& s : inv.sites)
        if (s.site_id == id)
            return s;
    FAIL("no site " << id);
    throw;
}

}  // namespace

TEST_CASE("a CSV in the schema loads without any mapping", "[inventory]")
{
    const auto inv = load_fixture("sites_schema.csv");
    CHECK(inv.records_read == 5);
    CHECK(inv.rejects.empty());
    REQUIRE(inv.sites.size() == 5);
    CHECK(inv.source == data_path("sites_schema.csv"));

    const auto& a = inv.sites[0];
    CHECK(a.site_id == "BRA-0001");
    CHECK(a.name == "Lixão da Estrutural");
    CHECK(a.country_iso3 == "BRA");
    CHECK(a.admin1_name == "Distrito Federal");
    CHECK(a.admin1_code == "53");
    CHECK(a.municipality_code == "5300108");
    CHECK(a.location == LonLat{-47.992, -15.783});
    CHECK(a.location_precision == LocationPrecision::surveyed);
    CHECK(a.site_type == SiteType::open_dump);
    CHECK(a.status == SiteStatus::closed);
    CHECK(a.area_ha == 200.0);
    CHECK(a.depth_m == 40.0);
    CHECK_FALSE(a.waste_t_per_day.has_value());
    CHECK(a.waste_in_place_t == 30000000.0);
    CHECK(a.opening_year == 1960);
    CHECK(a.closure_year == 2018);
    CHECK(a.open_burning == true);
    CHECK(a.waste_pickers == 1000);
    CHECK_FALSE(a.child_waste_pickers.has_value());
    CHECK(a.gas_capture == GasCapture::drainage);
    CHECK(a.receives_other_municipalities == false);
    CHECK(a.provenance == Provenance::observed);
    CHECK_FALSE(a.waste_provenance.has_value());
    CHECK(a.source == "test fixture");
    CHECK(a.source_record == "1");

    const auto& b = inv.sites[1];
    CHECK(b.name == "Aterro controlado \"Zona Leste\"");
    CHECK(b.waste_t_per_day == 1200.5);
    CHECK(b.waste_provenance == Provenance::observed);
    CHECK(b.location_precision == LocationPrecision::municipal_seat);

    CHECK(inv.sites[2].provenance == Provenance::derived);
    CHECK(inv.sites[2].waste_provenance == Provenance::estimated);
    const auto& m = inv.sites[3];
    CHECK(m.status == SiteStatus::unknown);
    CHECK(m.gas_capture == GasCapture::unknown);
    CHECK_FALSE(m.open_burning.has_value());
    CHECK(m.admin1_name.empty());
    CHECK(inv.sites[4].gas_capture == GasCapture::energy);
    CHECK(inv.sites[4].status == SiteStatus::remediated);
}

TEST_CASE("derived_fields and reporting_municipalities load; bad lists are rejected with reasons", "[inventory]")
{
    const auto inv = load_fixture("sites_shared.csv");
    REQUIRE(inv.sites.size() == 2);
    const auto& shared = inv.sites[0];
    CHECK(shared.derived_fields == std::vector<std::string>{"admin1_name", "admin1_code"});
    const std::vector<ReportingMunicipality> reporting{
        {"15058", "Nezahualcóyotl"}, {"15031", "Chimalhuacán"}, {"", "La Paz"}};
    CHECK(shared.reporting_municipalities == reporting);
    CHECK(shared.receives_other_municipalities == true);
    CHECK(inv.sites[1].derived_fields == std::vector<std::string>{"site_type"});
    CHECK(inv.sites[1].reporting_municipalities.empty());

    REQUIRE(inv.rejects.size() == 2);
    CHECK(inv.rejects[0].record == 3);
    CHECK(inv.rejects[0].check == "unknown_value");
    CHECK(inv.rejects[0].field == "derived_fields");
    CHECK(inv.rejects[0].value == "site_type;colour");
    CHECK_THAT(inv.rejects[0].reason, Catch::StartsWith("names 'colour', which is not a schema column"));
    CHECK(inv.rejects[1].record == 4);
    CHECK(inv.rejects[1].field == "reporting_municipalities");
    CHECK_THAT(inv.rejects[1].reason, Catch::StartsWith("has an empty entry (entry 2)"));

    // Files without the two columns (older inventories, user files) load with both empty.
    for (const auto& s : load_fixture("sites_schema.csv").sites) {
        CHECK(s.derived_fields.empty());
        CHECK(s.reporting_municipalities.empty());
    }
}

TEST_CASE("values of date and list fields are read as text that outlives the next field read", "[inventory]")
{
    // GDAL hands the text of a non-string field (a date, a list) in a buffer that its next
    // GetFieldAsString call frees: keeping a view of it showed freed memory as the value (#17).
    auto opts = fixture_options();
    for (const auto& [schema, column] : std::vector<std::pair<std::string, std::string>>{
             {"site_id", "ID"}, {"country", "PAIS"}, {"site_type", "TIPO"}, {"name", "FECHA"}, {"source_record", "CIERRE"}})
        opts.mapping.fields[schema] = column;
    for (const char* name : {"sites_dates.gpkg", "sites_dates.geojson"}) {
        INFO(name);
        const auto inv = load_fixture(name, opts);
        CHECK(inv.rejects.empty());
        REQUIRE(inv.sites.size() == 2);
        CHECK(inv.sites[0].name == "2015/03/01");  // GDAL's text of an OFTDate
        CHECK(inv.sites[0].source_record == "2019/12/31");
        CHECK(inv.sites[1].name == "2001/07/15");
        CHECK(inv.sites[1].source_record == "2020/01/02");
    }

    // A GeoJSON array: one value is that value, several are refused with their text.
    auto list_opts = fixture_options();
    list_opts.mapping.fields = {{"site_id", "ID"}, {"name", "NOMBRE"}, {"country", "PAIS"}, {"site_type", "TIPO"},
                                {"municipality_name", "MUNICIPIOS"}};
    const auto inv = load_fixture("sites_array.geojson", list_opts);
    REQUIRE(inv.sites.size() == 1);
    CHECK(inv.sites[0].site_id == "A2");
    CHECK(inv.sites[0].country_iso3 == "ARG");           // "ARG" in a column of lists
    CHECK(inv.sites[0].municipality_name == "Córdoba");  // ["Córdoba"]
    REQUIRE(inv.rejects.size() == 1);
    CHECK(inv.rejects[0].record == 1);
    CHECK(inv.rejects[0].check == "multiple_values");
    CHECK(inv.rejects[0].field == "PAIS");
    CHECK(inv.rejects[0].value == "ARG, BRA");
    CHECK_THAT(inv.rejects[0].reason, Catch::StartsWith("holds 2 values (a list)"));
}

TEST_CASE("a stray quote in a CSV is an error naming the record, never records lost in silence", "[inventory]")
{
    // Three records; the '"' in record 1 never closes, so GDAL reads the other two into its name.
    try {
        load_inventory(data_path("sites_stray_quote.csv"), fixture_options());
        FAIL("expected an input_error");
    } catch (const input_error& e) {
        CHECK(e.record() == 1);
        CHECK(e.field() == "name");
        CHECK(e.value() == "Botadero Norte,ARG,open_dump,-64.2,-31.4...");
        CHECK_THAT(e.reason(), Catch::Contains("the 2 line(s) after it were read as part of this value"));
        CHECK_THAT(std::string(e.what()), Catch::StartsWith(data_path("sites_stray_quote.csv") + " record 1: name '"));
    }
    // A quoted value over two lines (a note with a comma) is not taken for one.
    const auto inv = load_fixture("sites_multiline.csv");
    REQUIRE(inv.sites.size() == 2);
    CHECK(inv.sites[0].name == "Botadero Norte\nsegunda línea, con coma");
}

TEST_CASE("a source without a country column gets each site's country from its location", "[inventory]")
{
    auto opts = fixture_options();
    add_field_assignment(opts.mapping, "site_id=ID");
    add_default_assignment(opts.mapping, "site_type=open_dump");
    opts.check_countries = false;  // the boundaries are still read to find the countries
    const auto inv = load_fixture("sites_ids_only.csv", opts);
    REQUIRE(inv.sites.size() == 3);
    CHECK(inv.sites[0].country_iso3 == "ARG");  // Córdoba
    CHECK(inv.sites[1].country_iso3 == "BRA");  // Brasília
    CHECK(inv.sites[2].country_iso3 == "MEX");  // Mexico City
    for (const auto& s : inv.sites)
        CHECK(s.derived_fields == std::vector<std::string>{"country"});
    // In the Atlantic, and in Madrid: outside every country of the boundaries, rejected with the reason.
    REQUIRE(inv.rejects.size() == 2);
    CHECK(inv.rejects[0].record == 4);
    CHECK(inv.rejects[0].check == "not_in_country");
    CHECK(inv.rejects[0].value == "-30, -20");
    CHECK_THAT(inv.rejects[0].reason, Catch::StartsWith("lies in none of the countries of") &&
                                          Catch::Contains("the source has no country column"));
    CHECK(inv.rejects[1].record == 5);
    REQUIRE(inv.notices.size() == 1);
    CHECK_THAT(inv.notices[0], Catch::Contains("has no country column and no --default country"));
}

TEST_CASE("a site reported by several municipalities is merged into one shared site", "[inventory]")
{
    auto opts = fixture_options();
    opts.mapping = load_field_mapping(data_path("mapping_register_mx.json"));
    const auto inv = load_fixture("sites_shared_register.csv", opts);
    CHECK(inv.records_read == 4);
    REQUIRE(inv.sites.size() == 3);  // Neza II (twice), La Paz's landfill (another type, 10 m away), Ixtapaluca
    CHECK(inv.rejects.empty());
    REQUIRE(inv.merges.size() == 1);
    CHECK(inv.merges[0].record == 2);
    CHECK(inv.merges[0].site_id == "15031001DF");
    CHECK(inv.merges[0].into_record == 1);
    CHECK(inv.merges[0].into_site_id == "15058001DF");
    CHECK(inv.merges[0].distance_m == 0.0);

    const auto& neza = inv.sites[0];
    CHECK(neza.site_id == "15058001DF");
    CHECK(neza.municipality_code == "15058");  // the first record's own municipality stays
    const std::vector<ReportingMunicipality> both{{"15058", "NEZAHUALCÓYOTL"}, {"15031", "CHIMALHUACÁN"}};
    CHECK(neza.reporting_municipalities == both);
    CHECK(neza.receives_other_municipalities == true);
    CHECK(neza.derived_fields == std::vector<std::string>{"receives_other_municipalities", "reporting_municipalities"});
    CHECK(inv.sites[1].site_type == SiteType::sanitary_landfill);
    CHECK(inv.sites[1].reporting_municipalities.empty());

    // --near-duplicates reject: the second report is rejected as entered twice.
    opts.near_duplicates = NearDuplicates::reject;
    const auto rejected = load_fixture("sites_shared_register.csv", opts);
    CHECK(rejected.sites.size() == 3);
    REQUIRE(rejected.rejects.size() == 1);
    CHECK(rejected.rejects[0].check == "near_duplicate");
    CHECK(rejected.merges.empty());
}

TEST_CASE("every vector format loads the same sites through a mapping", "[inventory]")
{
    auto opts = fixture_options();
    opts.mapping = load_field_mapping(data_path("mapping_es.json"));
    for (const char* name : {"sites_es.csv", "sites_es_xy.csv", "sites_es.geojson", "sites_es.gpkg", "sites_es.shp",
                             "sites_es.fgb", "sites_es.kml", "sites_es.xlsx"}) {
        INFO(name);
        const auto inv = load_fixture(name, opts);
        CHECK(inv.rejects.empty());
        for (const auto& r : inv.rejects)
            INFO(r.message());
        REQUIRE(inv.sites.size() == 5);
        const auto& e1 = by_id(inv, "E1");
        CHECK(e1.name == "Botadero Córdoba");
        CHECK(e1.country_iso3 == "ARG");
        CHECK(e1.site_type == SiteType::open_dump);
        CHECK(e1.status == SiteStatus::active);
        CHECK(e1.waste_t_per_day == Approx(120.5).margin(1e-12));
        CHECK(e1.location.lon_deg == Approx(-64.19).margin(1e-12));
        CHECK(e1.location.lat_deg == Approx(-31.42).margin(1e-12));
        CHECK(e1.source == "Inventario de prueba");
        CHECK(by_id(inv, "E2").status == SiteStatus::active);  // "en operación"
        CHECK(by_id(inv, "E2").site_type == SiteType::sanitary_landfill);
        CHECK(by_id(inv, "E3").country_iso3 == "MEX");        // "México"
        CHECK(by_id(inv, "E3").status == SiteStatus::closed);  // "clausurado"
        CHECK_FALSE(by_id(inv, "E3").waste_t_per_day.has_value());
        CHECK(by_id(inv, "E4").country_iso3 == "BRA");        // "Brasil"
        CHECK(by_id(inv, "E4").site_type == SiteType::open_dump);  // "Lixão"
        CHECK(by_id(inv, "E5").site_type == SiteType::controlled_dump);
        CHECK(by_id(inv, "E5").status == SiteStatus::unknown);  // empty
    }
}

TEST_CASE("polygon footprints give a point on the surface and a geodesic area", "[inventory]")
{
    // Areas from GeographicLib's Planimeter (lat lon per line):
    //   F1: printf -- "-15.80 -47.90\n-15.80 -47.89\n-15.79 -47.89\n-15.79 -47.90\n" | Planimeter  -> 1185606.1 m2
    //   F2: outer -15.70..-15.69 x -47.70..-47.69 -> 1186175.2 m2, hole -15.698..-15.692 x -47.698..-47.692
    //       -> 427023.1 m2; area = 759152.1 m2
    //   F3: two squares of 0.002 degree at -15.50..-15.498 -> 47491.2 m2 each; 94982.4 m2
    const auto inv = load_fixture("footprints.geojson");
    CHECK(inv.records_read == 6);
    REQUIRE(inv.sites.size() == 4);
    const auto& f1 = by_id(inv, "F1");
    CHECK(*f1.area_ha == Approx(118.56061).margin(1e-5));
    // GEOS's interior point of a rectangle: the middle of its horizontal bisector.
    CHECK(f1.location.lon_deg == Approx(-47.895).margin(1e-12));
    CHECK(f1.location.lat_deg == Approx(-15.795).margin(1e-12));
    CHECK(f1.location_precision == LocationPrecision::surveyed);
    const auto& f2 = by_id(inv, "F2");
    CHECK(*f2.area_ha == Approx(75.91521).margin(1e-5));
    const bool in_hole = f2.location.lon_deg > -47.698 && f2.location.lon_deg < -47.692 &&
                         f2.location.lat_deg > -15.698 && f2.location.lat_deg < -15.692;
    CHECK_FALSE(in_hole);
    CHECK(*by_id(inv, "F3").area_ha == Approx(9.49824).margin(1e-5));
    CHECK(by_id(inv, "F6").area_ha == 12.0);  // the source's own area wins

    REQUIRE(inv.rejects.size() == 2);
    CHECK(inv.rejects[0].record == 4);
    CHECK(inv.rejects[0].check == "invalid_polygon");
    CHECK_THAT(inv.rejects[0].reason, Catch::Contains("Self-intersection") && Catch::Contains("does not repair"));
    CHECK(inv.rejects[1].record == 5);
    CHECK(inv.rejects[1].check == "geometry_type");
    CHECK(inv.rejects[1].value == "Line String");
    CHECK(inv.rejects[1].reason == "is a line; a site needs a point or a polygon footprint");
}

TEST_CASE("bad records are rejected with their reason and never dropped", "[inventory]")
{
    const auto path = data_path("sites_bad.csv");
    auto opts = fixture_options();
    opts.near_duplicates = NearDuplicates::reject;
    const auto inv = load_fixture("sites_bad.csv", opts);
    CHECK(inv.records_read == 14);
    REQUIRE(inv.sites.size() == 2);
    CHECK(inv.sites[0].site_id == "ok-1");
    CHECK(inv.sites[1].site_id == "ok-2");
    CHECK(inv.sites[1].waste_t_per_day == 12.5);  // "12,5": a lone comma is a decimal separator
    REQUIRE(inv.rejects.size() == 12);

    struct Expected {
        std::int64_t record;
        const char* check;
        const char* field;
        const char* value;
    };
    const std::vector<Expected> expected{
        {2, "lat_out_of_range", "lat", "123"},
        {3, "lon_lat_swapped", "lat", "-99.1332"},
        {4, "not_a_number", "lon", "NaN"},
        {5, "no_coordinates", "lon", ""},
        {6, "duplicate_site_id", "site_id", "ok-1"},
        {7, "unknown_country", "country", "XYZ"},
        {8, "unknown_value", "site_type", "xyz"},
        {9, "negative_value", "waste_t_per_day", "-5"},
        {10, "implausible_value", "opening_year", "2999"},
        {11, "not_in_country", "location", "-47.1, -15.1"},
        {12, "near_duplicate", "location", "-47.87982, -15.79"},
        {13, "not_an_integer", "opening_year", "1.998"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& r = inv.rejects[i];
        INFO(r.message());
        CHECK(r.file == path);
        CHECK(r.record == expected[i].record);
        CHECK(r.check == expected[i].check);
        CHECK(r.field == expected[i].field);
        CHECK(r.value == expected[i].value);
    }
    CHECK(inv.rejects[0].message() == path + " record 2: lat '123' is outside [-90, 90]");
    CHECK_THAT(inv.rejects[1].reason, Catch::Contains("lon and lat appear swapped: lon -99.1332, lat 19.4326 lies in MEX"));
    CHECK(inv.rejects[4].reason == "duplicates the site_id of record 1; site ids must be unique in an inventory");
    CHECK_THAT(inv.rejects[6].reason, Catch::StartsWith("is not a known site_type (open_dump, controlled_dump, "
                                                        "sanitary_landfill, other); map it with --map"));
    CHECK_THAT(inv.rejects[9].reason, Catch::Contains("it lies in BRA"));
    // 0.00018 degree of longitude at 15.79 S: 19.3 m (GeodSolve: echo "-15.79 -47.88 -15.79 -47.87982" | GeodSolve -i).
    CHECK_THAT(inv.rejects[10].reason, Catch::StartsWith("is 19.3 m from record 1 (site_id 'ok-1') of the same site_type open_dump"));
}

TEST_CASE("checks can be relaxed: no country check, no near-duplicate check", "[inventory]")
{
    auto opts = fixture_options();
    opts.check_countries = false;
    opts.near_duplicate_m = 0.0;
    const auto inv = load_fixture("sites_bad.csv", opts);
    // Now loaded: ok-1, wrong-country, near-dup, ok-2; "swapped" is still rejected (lat -99 is out of
    // range), without the swap hint, which needs the boundaries to be verified.
    CHECK(inv.sites.size() == 4);
    CHECK(inv.rejects.size() == 10);
}

TEST_CASE("text that is not UTF-8 is read as Windows-1252 with a notice, or refused whole", "[inventory]")
{
    // Never records dropped for their encoding (#12): the whole file is read as CP1252.
    const auto inv = load_fixture("sites_latin1.csv");
    CHECK(inv.rejects.empty());
    REQUIRE(inv.sites.size() == 2);
    CHECK(inv.sites[0].name == "Lixão do João");
    REQUIRE(inv.notices.size() == 1);
    CHECK_THAT(inv.notices[0], Catch::Contains("is not UTF-8 (record 1, name 'Lix\\xE3o do Jo\\xE3o'): read as "
                                               "Windows-1252"));  // shown escaped, never garbled

    // A file that mixes UTF-8 and Latin-1 cannot be read in one encoding: refused, naming the record.
    try {
        load_inventory(data_path("sites_mixed_encoding.csv"), fixture_options());
        FAIL("expected an input_error");
    } catch (const input_error& e) {
        CHECK(e.record() == 2);
        CHECK(e.field() == "name");
        CHECK_THAT(e.reason(), Catch::Contains("mixes encodings") && Catch::Contains("--encoding"));
    }
    // Stated UTF-8, the file is not: refused too.
    auto utf8 = fixture_options();
    utf8.encoding = "UTF-8";
    CHECK_THROWS_WITH(load_inventory(data_path("sites_latin1.csv"), utf8),
                      Catch::Contains("record 1: name 'Lix\\xE3o do Jo\\xE3o' is not valid UTF-8 (byte 4)"));

    auto opts = fixture_options();
    opts.encoding = "LATIN1";
    const auto fixed = load_fixture("sites_latin1.csv", opts);
    REQUIRE(fixed.sites.size() == 2);
    CHECK(fixed.sites[0].name == "Lixão do João");

    opts.encoding = "EBCDIC";
    CHECK_THROWS_AS(load_inventory(data_path("sites_latin1.csv"), opts), usage_error);
    opts.encoding = "LATIN1";
    CHECK_THROWS_AS(load_inventory(data_path("sites_es.gpkg"), opts), usage_error);  // GPKG is UTF-8 by spec
}

TEST_CASE("whole-source problems are errors naming the source", "[inventory]")
{
    const auto opts = fixture_options();
    CHECK_THROWS_WITH(load_inventory(data_path("sites_truncated.geojson"), opts),
                      Catch::StartsWith(data_path("sites_truncated.geojson") + ": cannot be read"));
    CHECK_THROWS_WITH(load_inventory(data_path("empty.csv"), opts), Catch::EndsWith("empty.csv: file is empty"));
    CHECK_THROWS_WITH(load_inventory(data_path("no_such_file.gpkg"), opts), Catch::Contains("no such file"));
    CHECK_THROWS_WITH(load_inventory(data_path("sites_two_layers.kml"), opts),
                      Catch::Contains("has 2 layers (dumps, landfills); choose one with --layer"));

    auto layer = opts;
    layer.layer = "dumps";
    CHECK_THROWS_WITH(load_inventory(data_path("sites_two_layers.kml"), layer), Catch::Contains("has no site_type column"));
    add_default_assignment(layer.mapping, "country=Brasil");
    add_default_assignment(layer.mapping, "site_type=lixão");
    const auto inv = load_fixture("sites_two_layers.kml", layer);
    REQUIRE(inv.sites.size() == 1);
    CHECK(inv.sites[0].site_id == "1");  // no site_id column: the record number
    CHECK(inv.sites[0].name == "D1");    // KML's Name matches the schema's name
    CHECK(inv.sites[0].country_iso3 == "BRA");
    CHECK(inv.sites[0].source == "sites_two_layers.kml");
    layer.layer = "rivers";
    CHECK_THROWS_WITH(load_inventory(data_path("sites_two_layers.kml"), layer), Catch::Contains("has no layer 'rivers'"));

    auto bad_map = opts;
    add_field_assignment(bad_map.mapping, "site_type=TIPO_UNIDADE");
    CHECK_THROWS_WITH(load_inventory(data_path("sites_schema.csv"), bad_map),
                      Catch::Contains("names column 'TIPO_UNIDADE' for site_type, but the layer has no such column"));
    auto bad_default = opts;
    add_default_assignment(bad_default.mapping, "status=perhaps");
    CHECK_THROWS_AS(load_inventory(data_path("sites_schema.csv"), bad_default), usage_error);
}

TEST_CASE("a PG: connection string goes to GDAL and its password stays out of messages", "[inventory]")
{
    auto opts = fixture_options();
    try {
        load_inventory("PG:dbname=basural_no_such_db host=/nonexistent password=s3cret", opts);
        FAIL("expected an error");
    } catch (const input_error& e) {
        const std::string msg = e.what();
        CHECK_THAT(msg, Catch::StartsWith("PG:dbname=basural_no_such_db host=/nonexistent:"));
        CHECK(msg.find("s3cret") == std::string::npos);
    }
}

TEST_CASE("progress reaches 1 and the shipped inventory is found through BASURAL_DATA_DIR", "[inventory]")
{
    double last = -1.0;
    auto opts = fixture_options();
    opts.progress = [&](std::string_view stage, double fraction) {
        CHECK(stage == "load");
        last = fraction;
    };
    load_fixture("sites_schema.csv", opts);
    CHECK(last == 1.0);

    const auto dir = basural::test::unit_scratch_dir("shipped");
    std::filesystem::copy_file(data_path("sites_schema.csv"), dir / "lac_sites.csv");
    std::filesystem::copy_file(data_path("countries_fixture.geojson"), dir / "lac_countries.geojson");
    const char* old = std::getenv("BASURAL_DATA_DIR");
    const std::string saved = old != nullptr ? old : "";
    setenv("BASURAL_DATA_DIR", dir.c_str(), 1);
    const auto inv = load_shipped_inventory();
    if (old != nullptr)
        setenv("BASURAL_DATA_DIR", saved.c_str(), 1);
    else
        unsetenv("BASURAL_DATA_DIR");
    CHECK(inv.sites.size() == 5);
    CHECK(inv.records_read == 5);
}

TEST_CASE("a CSV with a WKT geometry column loads its points and footprints", "[inventory]")
{
    // The square is F1 of footprints.geojson: 1185606.1 m2 by Planimeter (test above).
    const auto dir = basural::test::unit_scratch_dir("inventory_wkt");
    const auto path = basural::test::write_text(
        dir / "wkt.csv",
        "WKT,site_id,country,site_type\n"
        "\"POINT (-47.88 -15.79)\",W1,BRA,open_dump\n"
        "\"POLYGON ((-47.90 -15.80,-47.89 -15.80,-47.89 -15.79,-47.90 -15.79,-47.90 -15.80))\",W2,BRA,open_dump\n"
        ",W3,BRA,open_dump\n");
    const auto inv = load_inventory(path, fixture_options());
    CHECK(inv.records_read == 3);
    REQUIRE(inv.sites.size() == 2);
    CHECK(inv.sites[0].location == LonLat{-47.88, -15.79});
    CHECK(*inv.sites[1].area_ha == Approx(118.56061).margin(1e-5));
    REQUIRE(inv.rejects.size() == 1);
    CHECK(inv.rejects[0].check == "no_coordinates");
    CHECK(inv.rejects[0].field == "geometry");
}
