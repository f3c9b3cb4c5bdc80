// Inventories in PostGIS: write_inventory and load_inventory on PG: connection strings, and the real
// binary (import, info, validate, progress) against the throw-away server CTest starts
// (tests/postgis/CMakeLists.txt). Without the server these tests FAIL, they never pass or skip.
#include "cli/run_cli.hpp"
#include "support/pg_server.hpp"
#include "support/site_checks.hpp"

#include "basural/base/error.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/planning/plan.hpp"
#include "basural/base/pg_connection.hpp"
#include "detail/gdal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using basural::Inventory;
using basural::LoadOptions;
using basural::Site;
using basural::test::fixture;
using basural::test::pg_server;
using basural::test::run_cli;
using Catch::Contains;

namespace {

std::int64_t query_number(const std::string& conn, const std::string& sql)
{
    basural::detail::ensure_gdal();
    auto ds = basural::detail::open_vector(conn);
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr)
        FAIL("SQL failed: " << sql << ": " << basural::detail::last_gdal_error());
    OGRFeatureUniquePtr f(result->GetNextFeature());
    const std::int64_t n = f ? f->GetFieldAsInteger64(0) : -1;
    ds->ReleaseResultSet(result);
    return n;
}

LoadOptions layer_options(const std::string& layer)
{
    LoadOptions o;
    o.layer = layer;
    return o;
}

/// GDAL's PostgreSQL driver sends attribute reals as text with 15 significant digits
/// (docs/dev/postgis-tests.md): a real comes back within a relative 1e-15; we allow 1e-9, and 1e-9
/// degree for coordinates.
constexpr basural::test::SiteTolerance PG_TOLERANCE{1e-9, 1e-9};

std::vector<Site> by_id(std::vector<Site> sites)
{
    std::sort(sites.begin(), sites.end(), [](const Site& a, const Site& b) { return a.site_id < b.site_id; });
    return sites;
}

/// The database returns rows in no set order: sites are compared by site_id.
void check_same_sites(const std::vector<Site>& got, const std::vector<Site>& expected)
{
    basural::test::check_same_sites(by_id(got), by_id(expected), PG_TOLERANCE);
}

const Inventory& shipped()
{
    static const Inventory inventory = basural::load_shipped_inventory();
    return inventory;
}

}  // namespace

TEST_CASE("the shipped inventory written to PostGIS reads back record by record", "[postgis][inventory]")
{
    const auto conn = pg_server();
    const auto& original = shipped();
    REQUIRE(original.rejects.empty());
    REQUIRE(original.sites.size() >= 14000);
    basural::write_inventory(original, conn, "lac_sites");

    // The table: one row per site, point geometries in EPSG:4326, a column per schema field.
    CHECK(query_number(conn, "SELECT count(*) FROM lac_sites") == static_cast<std::int64_t>(original.sites.size()));
    CHECK(query_number(conn, "SELECT count(*) FROM lac_sites WHERE ST_SRID(geom) = 4326 AND "
                             "GeometryType(geom) = 'POINT'") == static_cast<std::int64_t>(original.sites.size()));
    CHECK(query_number(conn, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'lac_sites' "
                             "AND column_name NOT IN ('fid', 'geom')") ==
          static_cast<std::int64_t>(basural::site_schema_columns().size()));
    CHECK(query_number(conn, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'lac_sites' "
                             "AND column_name = 'open_burning' AND data_type = 'boolean'") == 1);

    const auto back = basural::load_inventory(conn, layer_options("lac_sites"));
    CHECK(back.source == conn);
    CHECK(back.rejects.empty());
    CHECK(back.records_read == static_cast<std::int64_t>(original.sites.size()));
    check_same_sites(back.sites, original.sites);
}

TEST_CASE("a write to PostGIS that fails midway leaves the existing table as it was", "[postgis][inventory]")
{
    const auto conn = pg_server();
    Inventory first;
    first.sites.assign(shipped().sites.begin(), shipped().sites.begin() + 50);
    basural::write_inventory(first, conn, "failing_sites");

    // 200 good sites, then one whose position is not a number: write_inventory has replaced the table
    // and written 200 rows inside its transaction when it throws; the rollback must undo all of it.
    Inventory second;
    second.sites.assign(shipped().sites.begin() + 100, shipped().sites.begin() + 300);
    Site bad = second.sites.back();
    bad.site_id = "BAD-001";
    bad.location.lon_deg = std::numeric_limits<double>::quiet_NaN();
    second.sites.push_back(bad);
    try {
        basural::write_inventory(second, conn + " password=secret", "failing_sites");
        FAIL("writing a site without a position succeeded");
    } catch (const basural::input_error& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK_THAT(msg, Contains("BAD-001") && Contains("nothing was written"));
        CHECK(msg.find("secret") == std::string::npos);
    }
    const auto back = basural::load_inventory(conn, layer_options("failing_sites"));
    CHECK(back.rejects.empty());
    check_same_sites(back.sites, first.sites);

    // A table name PostgreSQL would truncate is refused before anything is touched.
    CHECK_THROWS_AS(basural::write_inventory(second, conn, std::string(64, 't')), basural::usage_error);
    check_same_sites(basural::load_inventory(conn, layer_options("failing_sites")).sites, first.sites);
}

TEST_CASE("a PG: source without --layer names its tables, a missing table is an input error", "[postgis][inventory]")
{
    const auto conn = pg_server();
    Inventory some;
    some.sites.assign(shipped().sites.begin(), shipped().sites.begin() + 3);
    basural::write_inventory(some, conn, "layer_a");
    basural::write_inventory(some, conn, "layer_b");
    const std::string secret_conn = conn + " password=secret";
    try {
        basural::load_inventory(secret_conn);
        FAIL("a database with several tables loaded without --layer");
    } catch (const basural::input_error& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK_THAT(msg, Contains("choose one with --layer") && Contains("layer_a") && Contains("layer_b"));
        CHECK(msg.find("secret") == std::string::npos);
    }
    try {
        basural::load_inventory(secret_conn, layer_options("no_such_table"));
        FAIL("a missing table loaded");
    } catch (const basural::input_error& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK_THAT(msg, Contains("has no layer 'no_such_table'"));
        CHECK(msg.find("secret") == std::string::npos);
    }
    // A loaded source and its records carry the connection string without the password.
    const auto inv = basural::load_inventory(secret_conn, layer_options("layer_a"));
    CHECK(inv.source == basural::redact_connection_string(secret_conn));
    CHECK(inv.source.find("secret") == std::string::npos);
    CHECK(inv.sites.size() == 3);
}

TEST_CASE("basural import to PostGIS, then info, validate and progress on the tables", "[postgis][cli]")
{
    // trust authentication ignores the password, which must still never be shown.
    const auto conn = pg_server() + " password=secret";
    auto no_secret = [](const basural::test::CliResult& r) {
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.out.find("secret") == std::string::npos);
        CHECK(r.err.find("secret") == std::string::npos);
    };
    const auto import_old = run_cli({"import", fixture("snapshots/old.csv"), "-o", conn, "--output-layer", "snap_old"});
    no_secret(import_old);
    REQUIRE(import_old.exit_code == 0);
    CHECK(import_old.err.empty());
    CHECK_THAT(import_old.out, Contains("records read 15 = loaded 15 + rejected 0") &&
                                   Contains("wrote 15 sites to PG:") && Contains("table snap_old"));
    const auto import_new = run_cli({"import", fixture("snapshots/new.csv"), "-o", conn, "--output-layer", "snap_new"});
    no_secret(import_new);
    REQUIRE(import_new.exit_code == 0);

    const auto info = run_cli({"info", conn, "--layer", "snap_old", "--format", "csv"});
    no_secret(info);
    REQUIRE(info.exit_code == 0);
    CHECK_THAT(info.out, Contains(",15,15,0"));  // records: source, read, loaded, rejected

    const auto validate = run_cli({"validate", conn, "--layer", "snap_new"});
    no_secret(validate);
    CHECK(validate.exit_code == 0);
    CHECK_THAT(validate.out, Contains("records read 13 = loaded 13 + rejected 0") && Contains("every record is valid"));

    // The same comparison from the tables as from the files, byte for byte.
    const auto from_pg = run_cli({"progress", conn, conn, "--old-layer", "snap_old", "--new-layer", "snap_new",
                                  "--format", "csv", "--year", "2024"});
    no_secret(from_pg);
    REQUIRE(from_pg.exit_code == 0);
    const auto from_files = run_cli({"progress", fixture("snapshots/old.csv"), fixture("snapshots/new.csv"),
                                     "--format", "csv", "--year", "2024"});
    REQUIRE(from_files.exit_code == 0);
    CHECK(from_pg.out == from_files.out);
    CHECK(from_pg.err == from_files.err);  // the same warnings (PER-001's implausible estimate), nothing more

    const auto table = run_cli({"progress", conn, conn, "--old-layer", "snap_old", "--new-layer", "snap_new"});
    no_secret(table);
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("records read 15 = loaded 15"));

    // Errors name the database without the password: a missing table, a database that does not exist.
    const auto missing = run_cli({"progress", conn, conn, "--old-layer", "snap_old", "--new-layer", "nope"});
    no_secret(missing);
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("has no layer 'nope'"));
    const auto host_port = pg_server().substr(0, pg_server().find(" dbname="));
    const auto bad_db = run_cli({"import", fixture("snapshots/old.csv"), "-o",
                                 host_port + " dbname=basural_no_such_db password=secret"});
    no_secret(bad_db);
    CHECK(bad_db.exit_code == 1);
    CHECK_THAT(bad_db.err, Contains("basural_no_such_db"));
}

TEST_CASE("regionalize and prioritize write their results to PostGIS", "[postgis][cli]")
{
    const auto conn = pg_server() + " password=secret";
    // The plan's six layers go to tables in one transaction; read_plan reads them back from the database.
    const auto plan_run = run_cli({"regionalize", fixture("regionalize_sites.csv"), "--countries",
                                   fixture("countries_fixture.geojson"), "--no-waste-estimate", "-o", conn});
    INFO("stdout: " << plan_run.out << "\nstderr: " << plan_run.err);
    CHECK(plan_run.out.find("secret") == std::string::npos);
    CHECK(plan_run.err.find("secret") == std::string::npos);
    REQUIRE(plan_run.exit_code == 0);
    const auto plan = basural::read_plan(pg_server());
    // The same fixture as tests/cli/test_cli_regionalize.cpp: 3 facilities, 5 sites assigned.
    CHECK(plan.facilities.size() == 3);
    CHECK(plan.assignments.size() == 5);
    CHECK(plan.catchments.size() == 3);
    CHECK(query_number(pg_server(), "SELECT count(*) FROM facilities") == 3);

    const auto rank_run = run_cli({"prioritize", fixture("coverage_sites.csv"), "--no-country-check", "--places",
                                   fixture("coverage_places.csv"), "--country-waste",
                                   fixture("coverage_country_waste.csv"), "-o", conn});
    INFO("stdout: " << rank_run.out << "\nstderr: " << rank_run.err);
    REQUIRE(rank_run.exit_code == 0);
    CHECK(rank_run.out.find("secret") == std::string::npos);
    // The ranking table holds one row per ranked site, ranks 1..n without gaps.
    const auto rows = query_number(pg_server(), "SELECT count(*) FROM ranking");
    CHECK(rows > 0);
    CHECK(query_number(pg_server(), "SELECT max(rank) FROM ranking") == rows);
}
