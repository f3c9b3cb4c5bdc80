#pragma once
// The connection string of the throw-away PostGIS server CTest starts (tests/postgis/CMakeLists.txt,
// scripts/pg-test-server.sh), shared by the PostGIS tests. Without the server a test FAILs with a
// message saying how to start it: it never passes or skips.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

namespace basural::test {

/// The GDAL connection string ("PG:...") written by scripts/pg-test-server.sh to $BASURAL_PG_CONN_FILE.
inline std::string pg_server()
{
    const char* file = std::getenv("BASURAL_PG_CONN_FILE");
    if (file == nullptr || *file == '\0')
        FAIL("BASURAL_PG_CONN_FILE is not set. The PostGIS tests need the test server: run them through "
             "ctest (ctest --test-dir build -R postgis), which starts and stops it, or start one with "
             "scripts/pg-test-server.sh start DIR and set BASURAL_PG_CONN_FILE=DIR/conn");
    std::ifstream in(file);
    std::string conn;
    if (!in || !std::getline(in, conn) || conn.empty())
        FAIL("cannot read the PostGIS test server's connection string from " << file
             << ": the server is not running (did the 'postgis: start server' test fail?)");
    return conn;
}

}  // namespace basural::test
