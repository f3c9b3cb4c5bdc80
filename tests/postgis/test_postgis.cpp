// PostGIS through GDAL's PostgreSQL driver, against the throw-away server CTest starts
// (tests/postgis/CMakeLists.txt, scripts/pg-test-server.sh). Every test here needs that server:
// without it they FAIL with a message saying how to start it, they never pass or skip.
#include "support/pg_server.hpp"

#include "basural/base/error.hpp"
#include "basural/base/pg_connection.hpp"
#include "detail/gdal.hpp"
#include "detail/gdal_transaction.hpp"
#include "detail/vector_output.hpp"

#include <catch2/catch.hpp>

#include <ogr_spatialref.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using basural::quote_identifier;
using basural::redact_connection_string;
using basural::test::pg_server;

namespace {

GDALDatasetUniquePtr open_db(const std::string& conn, bool update = true)
{
    basural::detail::ensure_gdal();
    basural::detail::last_gdal_error();
    const char* const drivers[] = {"PostgreSQL", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(conn.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0),
                                              drivers, nullptr, nullptr));
    if (!ds)
        FAIL("cannot open " << redact_connection_string(conn) << ": " << basural::detail::last_gdal_error());
    return ds;
}

/// A few schema-like fields, with unknowns (nulls) and awkward text.
struct Record {
    std::string site_id;
    std::string name;
    std::string country_iso3;
    std::optional<double> waste_t_per_day;
    std::optional<int> opening_year;
    std::optional<bool> open_burning;
    double lon_deg = 0.0;
    double lat_deg = 0.0;
};

std::vector<Record> sample_records()
{
    return {
        {"BOL-001", "Botadero de K'ara K'ara", "BOL", 1500.5, 1989, true, -66.1568, -17.4407},
        {"BOL-002", "Relleno \"Alpacoma\", La Paz", "BOL", std::nullopt, std::nullopt, std::nullopt, -68.1193, -16.4897},
        {"CHL-001", "Vertedero Ñuñoa\\Sur\nlínea 2", "CHL", 1.0 / 3.0, 2001, false, -70.5975, -33.4569},
        {"PER-001", "", "PER", 0.0, 0, false, -77.0282, -12.0432},
    };
}

OGRLayer* create_sites_layer(GDALDataset& ds, const std::string& name)
{
    OGRSpatialReference wgs84;
    REQUIRE(wgs84.importFromEPSG(4326) == OGRERR_NONE);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    basural::detail::CslList options({"GEOMETRY_NAME=geom", "FID=fid", "OVERWRITE=YES"});
    OGRLayer* layer = ds.CreateLayer(name.c_str(), &wgs84, wkbPoint, options.get());
    if (layer == nullptr)
        FAIL("CreateLayer " << name << ": " << basural::detail::last_gdal_error());
    OGRFieldDefn site_id("site_id", OFTString);
    OGRFieldDefn site_name("name", OFTString);
    OGRFieldDefn country("country", OFTString);
    OGRFieldDefn waste("waste_t_per_day", OFTReal);
    OGRFieldDefn opening_year("opening_year", OFTInteger);
    OGRFieldDefn open_burning("open_burning", OFTInteger);
    open_burning.SetSubType(OFSTBoolean);
    for (auto* f : {&site_id, &site_name, &country, &waste, &opening_year, &open_burning})
        REQUIRE(layer->CreateField(f) == OGRERR_NONE);
    return layer;
}

void add_record(OGRLayer& layer, const Record& r)
{
    OGRFeature f(layer.GetLayerDefn());
    f.SetField("site_id", r.site_id.c_str());
    f.SetField("name", r.name.c_str());
    f.SetField("country", r.country_iso3.c_str());
    const int iw = f.GetFieldIndex("waste_t_per_day");
    const int iy = f.GetFieldIndex("opening_year");
    const int ib = f.GetFieldIndex("open_burning");
    r.waste_t_per_day ? f.SetField(iw, *r.waste_t_per_day) : f.SetFieldNull(iw);
    r.opening_year ? f.SetField(iy, *r.opening_year) : f.SetFieldNull(iy);
    r.open_burning ? f.SetField(ib, *r.open_burning ? 1 : 0) : f.SetFieldNull(ib);
    f.SetGeometryDirectly(new OGRPoint(r.lon_deg, r.lat_deg));
    if (layer.CreateFeature(&f) != OGRERR_NONE)
        FAIL("CreateFeature " << r.site_id << ": " << basural::detail::last_gdal_error());
}

/// Reads the table back through a fresh connection (so only committed data is seen), sorted by site_id.
std::vector<Record> read_records(const std::string& conn, const std::string& table)
{
    auto ds = open_db(conn, false);
    OGRLayer* layer = ds->GetLayerByName(table.c_str());
    if (layer == nullptr)
        FAIL("table " << table << " not found: " << basural::detail::last_gdal_error());
    const auto* srs = layer->GetSpatialRef();
    REQUIRE(srs != nullptr);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
    std::vector<Record> out;
    for (const auto& f : *layer) {
        Record r;
        r.site_id = f->GetFieldAsString("site_id");
        r.name = f->GetFieldAsString("name");
        r.country_iso3 = f->GetFieldAsString("country");
        const int iw = f->GetFieldIndex("waste_t_per_day");
        const int iy = f->GetFieldIndex("opening_year");
        const int ib = f->GetFieldIndex("open_burning");
        REQUIRE((iw >= 0 && iy >= 0 && ib >= 0));
        if (!f->IsFieldNull(iw)) r.waste_t_per_day = f->GetFieldAsDouble(iw);
        if (!f->IsFieldNull(iy)) r.opening_year = f->GetFieldAsInteger(iy);
        if (!f->IsFieldNull(ib)) r.open_burning = f->GetFieldAsInteger(ib) != 0;
        const auto* g = f->GetGeometryRef();
        REQUIRE(g != nullptr);
        REQUIRE(wkbFlatten(g->getGeometryType()) == wkbPoint);
        r.lon_deg = g->toPoint()->getX();
        r.lat_deg = g->toPoint()->getY();
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) { return a.site_id < b.site_id; });
    return out;
}

void check_same_records(const std::vector<Record>& got, std::vector<Record> expected)
{
    std::sort(expected.begin(), expected.end(), [](const Record& a, const Record& b) { return a.site_id < b.site_id; });
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("record " << expected[i].site_id);
        CHECK(got[i].site_id == expected[i].site_id);
        CHECK(got[i].name == expected[i].name);
        CHECK(got[i].country_iso3 == expected[i].country_iso3);
        // GDAL's PostgreSQL driver sends attribute reals as text with 15 significant digits
        // (OGRFeature::GetFieldAsString, "%.15g"): 1/3 comes back as 0.333333333333333, a relative
        // change of 1e-15. Coordinates travel as EWKB and must come back bit for bit.
        REQUIRE(got[i].waste_t_per_day.has_value() == expected[i].waste_t_per_day.has_value());
        if (expected[i].waste_t_per_day)
            CHECK(*got[i].waste_t_per_day == Approx(*expected[i].waste_t_per_day).epsilon(1e-14).margin(0.0));
        CHECK(got[i].opening_year == expected[i].opening_year);
        CHECK(got[i].open_burning == expected[i].open_burning);
        CHECK(got[i].lon_deg == expected[i].lon_deg);
        CHECK(got[i].lat_deg == expected[i].lat_deg);
    }
}

std::int64_t count_rows(GDALDataset& ds, const std::string& sql)
{
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr)
        FAIL("SQL failed: " << sql << ": " << basural::detail::last_gdal_error());
    OGRFeatureUniquePtr f(result->GetNextFeature());
    const std::int64_t n = f ? f->GetFieldAsInteger64(0) : -1;
    ds.ReleaseResultSet(result);
    return n;
}

std::int64_t fid_of(GDALDataset& ds, const std::string& table, const std::string& site_id)
{
    return count_rows(ds, "SELECT fid FROM " + quote_identifier(table) + " WHERE site_id = '" + site_id + "'");
}

/// Creates `table` holding sample_records(), committed.
void create_committed_table(const std::string& conn, const std::string& table)
{
    auto ds = open_db(conn);
    OGRLayer* layer = create_sites_layer(*ds, table);
    REQUIRE(ds->StartTransaction() == OGRERR_NONE);
    for (const auto& r : sample_records())
        add_record(*layer, r);
    REQUIRE(ds->CommitTransaction() == OGRERR_NONE);
}

const Record EXTRA_RECORD{"ECU-001", "Botadero nuevo", "ECU", 12.0, 2020, true, -78.5, -0.2};

}  // namespace

TEST_CASE("the test server has PostGIS", "[postgis]")
{
    const auto conn = pg_server();
    auto ds = open_db(conn);
    CHECK(count_rows(*ds, "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") == 1);
}

TEST_CASE("a point layer written in a committed transaction reads back record by record", "[postgis]")
{
    const auto conn = pg_server();
    const std::string table = "basural_commit_test";
    {
        auto ds = open_db(conn);
        OGRLayer* layer = create_sites_layer(*ds, table);
        REQUIRE(ds->StartTransaction() == OGRERR_NONE);
        for (const auto& r : sample_records())
            add_record(*layer, r);
        REQUIRE(ds->CommitTransaction() == OGRERR_NONE);
    }
    check_same_records(read_records(conn, table), sample_records());
}

TEST_CASE("a rolled-back transaction leaves the table as it was", "[postgis]")
{
    const auto conn = pg_server();
    const std::string table = "basural_rollback_test";
    create_committed_table(conn, table);
    auto ds = open_db(conn);
    OGRLayer* layer = ds->GetLayerByName(table.c_str());
    REQUIRE(layer != nullptr);
    const auto fid = fid_of(*ds, table, "BOL-001");

    REQUIRE(ds->StartTransaction() == OGRERR_NONE);
    add_record(*layer, EXTRA_RECORD);
    REQUIRE(layer->DeleteFeature(fid) == OGRERR_NONE);
    // Inside the transaction the changes are real: 4 + 1 - 1 rows, ECU-001 among them.
    CHECK(count_rows(*ds, "SELECT count(*) FROM " + quote_identifier(table)) == 4);
    CHECK(count_rows(*ds, "SELECT count(*) FROM " + quote_identifier(table) + " WHERE site_id = 'ECU-001'") == 1);
    REQUIRE(ds->RollbackTransaction() == OGRERR_NONE);
    ds.reset();
    check_same_records(read_records(conn, table), sample_records());
}

TEST_CASE("GdalTransaction commits what it is told to commit", "[postgis]")
{
    const auto conn = pg_server();
    const std::string table = "basural_guard_commit_test";
    create_committed_table(conn, table);
    {
        auto ds = open_db(conn);
        OGRLayer* layer = ds->GetLayerByName(table.c_str());
        REQUIRE(layer != nullptr);
        basural::detail::GdalTransaction tx(*ds, redact_connection_string(conn));
        add_record(*layer, EXTRA_RECORD);
        tx.commit();
        CHECK_FALSE(tx.active());
    }
    auto expected = sample_records();
    expected.push_back(EXTRA_RECORD);
    check_same_records(read_records(conn, table), expected);
}

TEST_CASE("GdalTransaction rolls back even when a layer was being read", "[postgis]")
{
    // GDAL 3.6 alone gets this wrong: RollbackTransaction with a read cursor still open first
    // closes the cursor with a COMMIT, and the ROLLBACK that follows undoes nothing.
    const auto conn = pg_server();
    const std::string table = "basural_guard_cursor_test";
    create_committed_table(conn, table);
    auto ds = open_db(conn);
    OGRLayer* layer = ds->GetLayerByName(table.c_str());
    REQUIRE(layer != nullptr);
    const auto fid = fid_of(*ds, table, "BOL-001");
    basural::detail::GdalTransaction tx(*ds, redact_connection_string(conn));
    add_record(*layer, EXTRA_RECORD);
    REQUIRE(layer->DeleteFeature(fid) == OGRERR_NONE);
    layer->ResetReading();
    OGRFeatureUniquePtr first(layer->GetNextFeature());  // leaves a cursor open
    REQUIRE(first != nullptr);
    tx.rollback();
    ds.reset();
    check_same_records(read_records(conn, table), sample_records());
}

TEST_CASE("an exception unwinding past a GdalTransaction leaves the table as it was", "[postgis]")
{
    // GDAL 3.6 alone gets this wrong too: closing a dataset whose transaction is open COMMITS it.
    const auto conn = pg_server();
    const std::string table = "basural_guard_unwind_test";
    create_committed_table(conn, table);
    try {
        auto ds = open_db(conn);
        OGRLayer* layer = ds->GetLayerByName(table.c_str());
        REQUIRE(layer != nullptr);
        basural::detail::GdalTransaction tx(*ds, redact_connection_string(conn));
        add_record(*layer, EXTRA_RECORD);
        throw std::runtime_error("record 2: bad value");
    } catch (const std::runtime_error&) {
    }
    check_same_records(read_records(conn, table), sample_records());
}

TEST_CASE("quote_identifier keeps hostile table and column names inert on the server", "[postgis]")
{
    const auto conn = pg_server();
    auto ds = open_db(conn);
    const std::string hostile_table = R"(sites"; DROP TABLE basural_guard; --)";
    const std::string hostile_column = R"(waste "t/day")";
    ds->ExecuteSQL("DROP TABLE IF EXISTS basural_guard", nullptr, nullptr);
    ds->ExecuteSQL(("DROP TABLE IF EXISTS " + quote_identifier(hostile_table)).c_str(), nullptr, nullptr);
    ds->ExecuteSQL("CREATE TABLE basural_guard (x integer)", nullptr, nullptr);
    basural::detail::last_gdal_error();
    ds->ExecuteSQL(("CREATE TABLE " + quote_identifier(hostile_table) + " (" + quote_identifier(hostile_column) +
                    " double precision)").c_str(),
                   nullptr, nullptr);
    INFO("GDAL: " << basural::detail::last_gdal_error());
    ds->ExecuteSQL(("INSERT INTO " + quote_identifier(hostile_table) + " VALUES (2.5)").c_str(), nullptr, nullptr);

    // The guard table survived, and the server stored both names exactly as given.
    CHECK(count_rows(*ds, "SELECT count(*) FROM pg_tables WHERE tablename = 'basural_guard'") == 1);
    CHECK(count_rows(*ds, "SELECT count(*) FROM " + quote_identifier(hostile_table) + " WHERE " +
                              quote_identifier(hostile_column) + " = 2.5") == 1);
    OGRLayer* names = ds->ExecuteSQL(
        "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
        "WHERE c.relname LIKE 'sites%' AND a.attnum > 0",
        nullptr, nullptr);
    REQUIRE(names != nullptr);
    OGRFeatureUniquePtr row(names->GetNextFeature());
    REQUIRE(row != nullptr);
    CHECK(std::string(row->GetFieldAsString(0)) == hostile_table);
    CHECK(std::string(row->GetFieldAsString(1)) == hostile_column);
    ds->ReleaseResultSet(names);
}

TEST_CASE("a failed connection's error message does not carry the password", "[postgis]")
{
    const auto conn = pg_server();
    // The server trusts loopback connections, so the password is ignored; the database does not exist.
    const auto host_port = conn.substr(0, conn.find(" dbname="));
    const std::string bad = host_port + " dbname=basural_no_such_db password=hunter2";
    try {
        basural::detail::open_vector(bad);
        FAIL("opening a database that does not exist succeeded");
    } catch (const basural::input_error& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK(msg.find("hunter2") == std::string::npos);
        CHECK(msg.find("basural_no_such_db") != std::string::npos);
    }
}

TEST_CASE("VectorOutput writes several tables to PostGIS in one transaction, replacing old ones", "[postgis]")
{
    const auto conn = pg_server();
    auto write = [&](const char* id, bool commit) {
        basural::detail::VectorOutput out(conn);
        auto& a = out.create_layer("vo_sites", wkbPoint, {{"site_id", OFTString}});
        OGRFeature f(a.GetLayerDefn());
        f.SetField("site_id", id);
        OGRPoint pt(-58.38, -34.6);
        f.SetGeometry(&pt);
        out.write(a, f);
        auto& b = out.create_layer("vo_summary", wkbNone, {{"site_id", OFTString}});
        OGRFeature g(b.GetLayerDefn());
        g.SetField("site_id", id);
        out.write(b, g);
        if (commit)
            out.commit();
    };
    write("FIRST", true);
    write("SECOND", false);  // abandoned: the tables must still hold FIRST
    for (const char* table : {"vo_sites", "vo_summary"}) {
        auto ds = open_db(conn, false);
        OGRLayer* layer = ds->GetLayerByName(table);
        REQUIRE(layer != nullptr);
        CHECK(layer->GetFeatureCount() == 1);
        OGRFeatureUniquePtr f(layer->GetNextFeature());
        CHECK(std::string(f->GetFieldAsString("site_id")) == "FIRST");
    }
    write("THIRD", true);  // replaces the tables
    auto ds = open_db(conn, false);
    OGRLayer* layer = ds->GetLayerByName("vo_sites");
    REQUIRE(layer != nullptr);
    CHECK(layer->GetFeatureCount() == 1);
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    CHECK(std::string(f->GetFieldAsString("site_id")) == "THIRD");
    CHECK(f->GetGeometryRef()->toPoint()->getX() == Approx(-58.38));
}
