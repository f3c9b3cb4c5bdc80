// Travel matrices of `regionalize --matrix`: the pairs read record by record are those of the table
// read whole by GDAL, ids are kept once, and every bad record is named (file, record, field, value).
#include "basural/base/error.hpp"
#include "basural/geo/cost_table.hpp"
#include "basural/geo/table.hpp"
#include "basural/planning/travel_matrix.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <tuple>

using namespace basural;

namespace {

std::string data(const std::string& name) { return (std::filesystem::path(BASURAL_TEST_DATA_DIR) / name).string(); }

std::string scratch_file(const std::string& name, const std::string& contents)
{
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "travel_matrix";
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
}

using Triple = std::tuple<std::string, std::string, double>;

/// The pairs as (origin id, destination id, cost), in order.
std::vector<Triple> triples(const TravelMatrix& m)
{
    std::vector<Triple> out;
    for (const auto& p : m.pairs)
        out.emplace_back(m.ids.at(p.origin), m.ids.at(p.destination), p.cost);
    return out;
}

/// The reference: the table read whole by GDAL (read_table), one triple a record.
std::vector<Triple> read_whole(const std::string& path)
{
    const Table t = read_table(path);
    const auto o = t.require_column("origin_id"), d = t.require_column("destination_id"), c = t.require_column("cost");
    std::vector<Triple> out;
    for (std::size_t r = 0; r < t.size(); ++r)
        out.emplace_back(t.text(r, o), t.text(r, d), t.number(r, c));
    return out;
}

/// The input_error read_travel_matrix throws for `path` (fails the test if none).
input_error refusal(const std::string& path, std::size_t max_pairs = MAX_MATRIX_PAIRS)
{
    try {
        read_travel_matrix(path, max_pairs);
    } catch (const input_error& e) {
        return e;
    }
    FAIL("no input_error for " << path);
    throw std::logic_error("unreachable");
}

const std::string HEADER = "origin_id,destination_id,cost\n";

}  // namespace

TEST_CASE("a travel matrix holds the pairs of the table read whole, each id once", "[travel_matrix]")
{
    const auto path = data("locate_matrix.csv");
    REQUIRE(cost_table_reader(path) == "csv");
    const auto m = read_travel_matrix(path);
    CHECK(triples(m) == read_whole(path));
    CHECK(m.size() == 12);
    CHECK(m.ids == std::vector<std::string>{"a", "x", "y", "z", "b", "c", "d"});  // order of first appearance

    SECTION("a file GDAL reads (quoted ids, blanks, CRLF, a BOM) gives the same pairs as GDAL's whole table")
    {
        const auto quoted = scratch_file("quoted.csv", "\xEF\xBB\xBF" "origin_id,destination_id,cost\r\n"
                                                       "\"S 1\", L2 ,3.5\r\n\"S,2\",L2,0\r\nL2,\"S 1\",1e3\r\n");
        REQUIRE(cost_table_reader(quoted) == "gdal");
        const auto q = read_travel_matrix(quoted);
        CHECK(triples(q) == read_whole(quoted));
        CHECK(triples(q) == std::vector<Triple>{{"S 1", "L2", 3.5}, {"S,2", "L2", 0.0}, {"L2", "S 1", 1000.0}});
        CHECK(q.ids == std::vector<std::string>{"S 1", "L2", "S,2"});
    }
}

TEST_CASE("a bad record of a travel matrix is named by file, record, field and value", "[travel_matrix]")
{
    struct Case {
        std::string rows;
        std::int64_t record;
        std::string field, value, reason;
    };
    const std::vector<Case> cases{
        {"A,B,1\n,B,2\n", 2, "origin_id", "", "is empty"},
        {"A,B,1\nA, ,2\n", 2, "destination_id", "", "is empty"},
        {"A,B,\n", 1, "cost", "", "is empty; a number is needed"},
        {"A,B,1\nA,C,12 km\n", 2, "cost", "12 km", "is not a number (write it like 1234.5, with a point and no units)"},
        {"A,B,nan\n", 1, "cost", "nan", "is not a number (write it like 1234.5, with a point and no units)"},
        {"A,B,-5\n", 1, "cost", "-5", "must be >= 0"},
        {"A,B,1e17\n", 1, "cost", "1e17", "is beyond 1e12, the largest cost basural takes (check the unit)"},
        {"A,B,3\nD,B,2\nA,B,4\n", 3, "destination_id", "B", "is given twice for origin 'A' (first at record 1)"},
        // the first record that repeats a pair, whatever the order of the origins: C,D (record 3)
        // before A,B (record 4) and X,Y (record 6)
        {"X,Y,1\nA,B,1\nC,D,1\nA,B,2\nC,D,3\nX,Y,5\nA,B,7\n", 4, "destination_id", "B",
         "is given twice for origin 'A' (first at record 2)"},
        {"X,Y,1\nC,D,1\nX,Z,1\nC,D,2\nX,Y,5\n", 4, "destination_id", "D",
         "is given twice for origin 'C' (first at record 2)"},
        {"A,A,0\nA,A,0\nA,A,0\n", 2, "destination_id", "A", "is given twice for origin 'A' (first at record 1)"},
    };
    int n = 0;
    for (const auto& c : cases) {
        const auto path = scratch_file("bad" + std::to_string(n++) + ".csv", HEADER + c.rows);
        INFO(c.rows);
        const auto e = refusal(path);
        CHECK(e.file() == path);
        CHECK(e.record() == c.record);
        CHECK(e.field() == c.field);
        CHECK(e.value() == c.value);
        CHECK(e.reason() == c.reason);
    }
}

TEST_CASE("a travel matrix without its columns or without pairs is refused", "[travel_matrix]")
{
    const auto no_cost = scratch_file("no_cost.csv", "origin_id,destination_id,km\nA,B,1\n");
    CHECK_THAT(refusal(no_cost).what(), Catch::Contains("no_cost.csv") && Catch::Contains("no column 'cost'"));
    // no pairs: a plan with this "matrix" would silently be one of geodesic km
    const auto header_only = scratch_file("header_only.csv", HEADER);
    CHECK(refusal(header_only).reason() == "has no pairs (records of origin_id, destination_id, cost)");
    CHECK_THAT(refusal(data("no_such_matrix.csv")).what(), Catch::Contains("no_such_matrix.csv"));
}

TEST_CASE("a travel matrix beyond its pair limit is refused naming the file", "[travel_matrix]")
{
    const auto path = scratch_file("four.csv", HEADER + "A,B,1\nA,C,2\nB,C,3\nC,A,4\n");
    CHECK(read_travel_matrix(path, 4).size() == 4);
    const auto e = refusal(path, 3);
    CHECK(e.file() == path);
    CHECK(e.reason() == "has more than 3 pairs, the most basural keeps of a matrix (docs/reliability.md)");
    CHECK(refusal(path, 0).reason() == "has more than 0 pairs, the most basural keeps of a matrix (docs/reliability.md)");
    CHECK_THROWS_AS(read_travel_matrix(path, std::size_t{1} << 33), usage_error);
}

TEST_CASE("a travel matrix built by hand keeps each id once", "[travel_matrix]")
{
    TravelMatrix m;
    CHECK(m.empty());
    m.add("B", "A", 70.0);
    m.add("A", "B", 60.0);
    m.add("C", "A", 5.0);
    CHECK_FALSE(m.empty());
    CHECK(m.ids == std::vector<std::string>{"B", "A", "C"});
    CHECK(triples(m) == std::vector<Triple>{{"B", "A", 70.0}, {"A", "B", 60.0}, {"C", "A", 5.0}});
}
