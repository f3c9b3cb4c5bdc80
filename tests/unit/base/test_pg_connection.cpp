// Connection-string redaction and SQL identifier quoting (no server needed; the quoting is also
// exercised against a real PostgreSQL in tests/postgis/test_postgis.cpp).
#include "basural/base/error.hpp"
#include "basural/base/pg_connection.hpp"

#include <catch2/catch.hpp>

using namespace basural;

TEST_CASE("redact_connection_string removes passwords from GDAL PG: keyword/value strings", "[pg_connection]")
{
    CHECK(redact_connection_string("PG:host=db.example.org port=5432 dbname=lac user=ana password=s3cret") ==
          "PG:host=db.example.org port=5432 dbname=lac user=ana");
    // First, middle, spaces around '=', upper-case prefix.
    CHECK(redact_connection_string("PG:password=s3cret dbname=lac") == "PG:dbname=lac");
    CHECK(redact_connection_string("pg:dbname=lac password = s3cret  host=h") == "pg:dbname=lac host=h");
    // Quoted values with spaces and escaped quotes must be removed whole, not cut at the first space.
    CHECK(redact_connection_string(R"(PG:dbname='my db' password='a b \' c' host=h)") == "PG:dbname='my db' host=h");
    // Backslash-escaped space in an unquoted value.
    CHECK(redact_connection_string(R"(PG:password=a\ b host=h)") == "PG:host=h");
    // libpq's sslpassword is a secret too; GDAL's own keys are kept.
    CHECK(redact_connection_string("PG:dbname=lac sslpassword=k tables=sites,rejects") ==
          "PG:dbname=lac tables=sites,rejects");
    // Nothing to remove: unchanged.
    CHECK(redact_connection_string("PG:host=127.0.0.1 port=54329 dbname=basural_test user=postgres") ==
          "PG:host=127.0.0.1 port=54329 dbname=basural_test user=postgres");
    // Keyword/value without the PG: prefix.
    CHECK(redact_connection_string("host=h password=x") == "host=h");
}

TEST_CASE("redact_connection_string removes user info and password parameters from URIs", "[pg_connection]")
{
    CHECK(redact_connection_string("postgresql://ana:s3cret@db.example.org:5432/lac") ==
          "postgresql://db.example.org:5432/lac");
    CHECK(redact_connection_string("PG:postgres://ana@db/lac?sslmode=require&password=x&application_name=b") ==
          "PG:postgres://db/lac?sslmode=require&application_name=b");
    CHECK(redact_connection_string("postgresql://db/lac?password=x") == "postgresql://db/lac");
    // A raw '@' or '/' inside the password: everything up to the last '@' before the query goes.
    CHECK(redact_connection_string("postgresql://ana:p@ss/w@db/lac") == "postgresql://db/lac");
    CHECK(redact_connection_string("postgresql://db/lac") == "postgresql://db/lac");
}

TEST_CASE("redact_connection_string never leaks through a malformed string", "[pg_connection]")
{
    // Unterminated quote: cannot tell where the password ends.
    CHECK(redact_connection_string("PG:dbname=lac password='abc host=h") == "PG:<connection string redacted>");
    // A keyword without '='.
    CHECK(redact_connection_string("PG:dbname=lac password") == "PG:<connection string redacted>");
    // Malformed but no password: kept for the user to see what is wrong.
    CHECK(redact_connection_string("PG:dbname") == "PG:dbname");
    // Not a connection string at all.
    CHECK(redact_connection_string("/data/sites.gpkg") == "/data/sites.gpkg");
}

TEST_CASE("quote_identifier wraps in double quotes and doubles embedded ones", "[pg_connection]")
{
    CHECK(quote_identifier("sites") == R"("sites")");
    CHECK(quote_identifier("Sites 2024") == R"("Sites 2024")");
    CHECK(quote_identifier(R"(my "t")") == R"("my ""t""")");
    CHECK(quote_identifier(R"(x"; DROP TABLE sites; --)") == R"("x""; DROP TABLE sites; --")");
    CHECK(quote_identifier("a.b") == R"("a.b")");
    CHECK(quote_identifier("\"") == "\"\"\"\"");
    CHECK(quote_identifier("basurales_año") == "\"basurales_año\"");
    CHECK(quote_identifier(std::string(63, 'x')) == "\"" + std::string(63, 'x') + "\"");
}

TEST_CASE("quote_identifier rejects names PostgreSQL would refuse or truncate", "[pg_connection]")
{
    CHECK_THROWS_AS(quote_identifier(""), usage_error);
    CHECK_THROWS_AS(quote_identifier(std::string("a\0b", 3)), usage_error);
    CHECK_THROWS_WITH(quote_identifier(std::string(64, 'x')), Catch::Contains("64 bytes") && Catch::Contains("63"));
    // 32 two-byte characters are 64 bytes: the limit is in bytes, not characters.
    std::string ene;
    for (int i = 0; i < 32; ++i)
        ene += "ñ";
    CHECK_THROWS_AS(quote_identifier(ene), usage_error);
}
