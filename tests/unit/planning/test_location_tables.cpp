// Location problems read from tables: ids, weights, capacities, required candidates, costs from a
// matrix or geodesics, and the errors for bad tables.
#include "basural/base/error.hpp"
#include "basural/geo/table.hpp"
#include "basural/planning/location_tables.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using namespace basural;

namespace {
std::string data(const std::string& name) { return (std::filesystem::path(BASURAL_TEST_DATA_DIR) / name).string(); }

std::string scratch_file(const std::string& name, const std::string& contents)
{
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "location_tables";
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path) << contents;
    return path.string();
}
}  // namespace

TEST_CASE("a matrix alone gives ids in order of first appearance and weight 1", "[location_tables]")
{
    const auto in = read_location_tables({"", "", data("locate_matrix.csv"), ""}, {});
    CHECK(in.demand_ids == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(in.candidate_ids == std::vector<std::string>{"x", "y", "z"});
    CHECK(in.problem.demand_weights == std::vector<double>{1, 1, 1, 1});
    CHECK(in.problem.costs.entry_count() == 12);
    CHECK(in.problem.costs.cost(2, 1) == std::optional<double>(1.0));  // c -> y
    CHECK(in.problem.candidate_capacity.empty());
    CHECK(in.problem.required.empty());
    CHECK(in.cost_unit == "matrix");
}

TEST_CASE("demand and candidate tables give weights, required candidates and ids", "[location_tables]")
{
    LocationTableOptions opt;
    opt.max_cost = 4.0;
    opt.capacity = 20.0;
    const auto in = read_location_tables(
        {data("locate_matrix_demand.csv"), data("locate_matrix_candidates.csv"), data("locate_matrix.csv"), ""}, opt);
    CHECK(in.problem.demand_weights == std::vector<double>{10, 5, 8, 2});
    CHECK(in.problem.required == std::vector<std::size_t>{2});  // z has required = 1
    CHECK(in.problem.candidate_capacity == std::vector<double>{20, 20, 20});
    CHECK(in.problem.costs.entry_count() == 7);  // costs above 4 dropped: 9 8 7 9 6
    CHECK(in.problem.max_cost == 4.0);
}

TEST_CASE("a required table adds candidates that are always open", "[location_tables]")
{
    const auto in = read_location_tables({"", "", data("locate_matrix.csv"), data("locate_required.csv")}, {});
    CHECK(in.problem.required == std::vector<std::size_t>{2});
    const auto bad = scratch_file("required_bad.csv", "id,note\nq,unknown\n");
    CHECK_THROWS_WITH(read_location_tables({"", "", data("locate_matrix.csv"), bad}, {}),
                      Catch::Contains("record 1: id 'q' is not a candidate id in the matrix"));
}

TEST_CASE("geodesic costs in km from lon/lat, with the cutoff", "[location_tables]")
{
    LocationTableOptions opt;
    opt.max_cost = 120.0;
    const auto in = read_location_tables({data("locate_points_demand.csv"), data("locate_points_candidates.csv"), "", ""}, opt);
    CHECK(in.cost_unit == "km");
    // GeodSolve: (0,-58.8) to (0,-60) is 133.583 km, beyond 120: p3 reaches only "east" (22.264 km)
    REQUIRE(in.problem.costs.row(2).size() == 1);
    CHECK(in.problem.costs.row(2)[0].cost == Approx(22.263898158655).margin(1e-6));
}

TEST_CASE("bad location tables name the file, record, field and value", "[location_tables]")
{
    const auto matrix = data("locate_matrix.csv");
    const auto demand = data("locate_matrix_demand.csv");
    CHECK_THROWS_WITH(read_location_tables({scratch_file("neg.csv", "id,weight\na,1\nb,-1\n"), "", matrix, ""}, {}),
                      Catch::Contains("neg.csv record 2: weight '-1' must be >= 0"));
    CHECK_THROWS_WITH(read_location_tables({scratch_file("few.csv", "id,weight\na,1\nb,1\n"), "", matrix, ""}, {}),
                      Catch::Contains("locate_matrix.csv record 7: origin_id 'c' is not an id in"));
    CHECK_THROWS_WITH(read_location_tables({scratch_file("dup.csv", "id,weight\na,1\na,2\n"), "", matrix, ""}, {}),
                      Catch::Contains("dup.csv record 2: id 'a' is a duplicate of record 1"));
    CHECK_THROWS_WITH(
        read_location_tables({demand, "", scratch_file("twice.csv", "origin_id,destination_id,cost\na,x,1\na,x,2\n"), ""}, {}),
        Catch::Contains("record 2: destination_id 'x' is given twice for origin 'a' (first at record 1)"));
    CHECK_THROWS_WITH(
        read_location_tables({demand, "", scratch_file("negcost.csv", "origin_id,destination_id,cost\na,x,-1\n"), ""}, {}),
        Catch::Contains("record 1: cost '-1' must be >= 0"));
    CHECK_THROWS_WITH(
        read_location_tables({demand, "", scratch_file("nocost.csv", "origin_id,destination_id,km\na,x,1\n"), ""}, {}),
        Catch::Contains("no column 'cost'"));
    CHECK_THROWS_WITH(
        read_location_tables({"", scratch_file("flag.csv", "id,required\nx,0\ny,maybe\nz,yes\n"), matrix, ""}, {}),
        Catch::Contains("flag.csv record 2: required 'maybe' is not a yes/no value"));
    LocationTableOptions geo;
    geo.max_cost = 100.0;
    CHECK_THROWS_WITH(read_location_tables({demand, data("locate_points_candidates.csv"), "", ""}, geo),
                      Catch::Contains("locate_matrix_demand.csv record 1: lon/lat '' is missing"));
    CHECK_THROWS_AS(read_location_tables({data("locate_points_demand.csv"), data("locate_points_candidates.csv"), "", ""}, {}),
                    usage_error);
    CHECK_THROWS_AS(read_location_tables({demand, "", "", ""}, geo), usage_error);
}

namespace {

/// Every stored cost of `in` by (origin id, destination id).
std::map<std::pair<std::string, std::string>, double> costs_by_id(const LocationInput& in)
{
    std::map<std::pair<std::string, std::string>, double> out;
    for (std::size_t i = 0; i < in.demand_ids.size(); ++i)
        for (const auto& e : in.problem.costs.row(i))
            out[{in.demand_ids[i], in.candidate_ids[e.candidate]}] = e.cost;
    return out;
}

/// The reference: the matrix read whole by read_table() (GDAL), as basural read it before matrices
/// were streamed, keeping the pairs within `max_cost`.
std::map<std::pair<std::string, std::string>, double> costs_by_table(const std::string& path, double max_cost)
{
    const Table t = read_table(path);
    const auto o = t.require_column("origin_id"), d = t.require_column("destination_id"), c = t.require_column("cost");
    std::map<std::pair<std::string, std::string>, double> out;
    for (std::size_t r = 0; r < t.size(); ++r)
        if (t.number(r, c) <= max_cost)
            out[{t.text(r, o), t.text(r, d)}] = t.number(r, c);
    return out;
}

/// A dense matrix of `n` x `m` pairs in a shuffled order, ids "o<i>" and "d<j>" (quoted when `quoted`,
/// which sends the file to GDAL), costs with up to 3 decimals.
std::string shuffled_matrix(std::size_t n, std::size_t m, bool quoted)
{
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j)
            pairs.emplace_back(i, j);
    std::mt19937 rng(7);
    std::shuffle(pairs.begin(), pairs.end(), rng);
    std::ostringstream text;
    text << "origin_id,destination_id,cost\r\n";
    const char* q = quoted ? "\"" : "";
    for (const auto& [i, j] : pairs)
        text << q << 'o' << i << q << (quoted ? "," : ", ") << q << 'd' << j << q << ',' << (i * 7919 + j * 104729) % 100003 / 1000.0
             << "\r\n";
    return text.str();
}

}  // namespace

TEST_CASE("a matrix read record by record has the costs of the whole table read by GDAL", "[location_tables]")
{
    for (const double max_cost : {NO_COST_CUTOFF, 4.0}) {
        LocationTableOptions opt;
        opt.max_cost = max_cost;
        const auto path = data("locate_matrix.csv");
        const auto in = read_location_tables({"", "", path, ""}, opt);
        CHECK(costs_by_id(in) == costs_by_table(path, max_cost));
    }
    for (const bool quoted : {false, true}) {
        INFO("quoted ids: " << quoted);
        const auto path = scratch_file(quoted ? "dense_quoted.csv" : "dense.csv", shuffled_matrix(37, 23, quoted));
        LocationTableOptions opt;
        opt.max_cost = 60.0;
        const auto in = read_location_tables({"", "", path, ""}, opt);
        CHECK(in.demand_ids.size() == 37);
        CHECK(in.candidate_ids.size() == 23);
        const auto reference = costs_by_table(path, 60.0);
        CHECK(reference.size() > 37 * 23 / 2);
        CHECK(reference.size() < 37 * 23);
        CHECK(costs_by_id(in) == reference);
        // rows sorted by cost, then candidate index; columns by demand index
        for (std::size_t i = 0; i < in.demand_ids.size(); ++i) {
            const auto row = in.problem.costs.row(i);
            CHECK(std::is_sorted(row.begin(), row.end(), [](const CandidateCost& a, const CandidateCost& b) {
                return a.cost != b.cost ? a.cost < b.cost : a.candidate < b.candidate;
            }));
        }
    }
}

TEST_CASE("bad matrix costs and ids are refused with the record, field and value", "[location_tables]")
{
    const auto demand = data("locate_matrix_demand.csv");
    const auto candidates = data("locate_matrix_candidates.csv");
    struct Case {
        const char* name;
        const char* text;
        const char* message;  // after the file's path
    };
    const std::vector<Case> cases = {
        {"negative", "origin_id,destination_id,cost\na,x,1\na,y,-0.5\n", " record 2: cost '-0.5' must be >= 0"},
        {"nan", "origin_id,destination_id,cost\na,x,NaN\n",
         " record 1: cost 'NaN' is not a number (write it like 1234.5, with a point and no units)"},
        {"infinite", "origin_id,destination_id,cost\na,x,1\nb,x,inf\n",
         " record 2: cost 'inf' is not a number (write it like 1234.5, with a point and no units)"},
        {"empty cost", "origin_id,destination_id,cost\na,x,\n", " record 1: cost '' is empty; a number is needed"},
        {"empty origin", "origin_id,destination_id,cost\na,x,1\n,y,2\n", " record 2: origin_id '' is empty"},
        {"duplicate far apart", "origin_id,destination_id,cost\na,x,1\na,y,2\nb,x,3\nb,y,4\na,y,5\n",
         " record 5: destination_id 'y' is given twice for origin 'a' (first at record 2)"},
        {"unknown origin", "origin_id,destination_id,cost\na,x,1\nq,x,2\n",
         " record 2: origin_id 'q' is not an id in "},
        {"unknown destination", "origin_id,destination_id,cost\na,x,1\na,w,2\n",
         " record 2: destination_id 'w' is not an id in "},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto path = scratch_file(std::string("bad_") + c.name + ".csv", c.text);
        CHECK_THROWS_WITH(read_location_tables({demand, candidates, path, ""}, {}),
                          Catch::StartsWith(path + c.message));
    }
}

TEST_CASE("a solution is written as JSON with a stable key order", "[location_tables]")
{
    const auto in = read_location_tables({data("locate_matrix_demand.csv"), "", data("locate_matrix.csv"), ""}, {});
    LocationProblem pr = in.problem;
    pr.p = 2;
    const auto s = solve_p_median(pr);
    std::ostringstream out;
    write_location_solution(out, LocationInput{in.demand_ids, in.candidate_ids, pr, in.cost_unit}, s,
                            ReportFormat::json, false);
    const auto text = out.str();
    const std::vector<std::string> keys{"\"model\"", "\"cost_unit\"", "\"p\"", "\"max_cost\"", "\"objective\"",
                                        "\"lower_bound\"", "\"upper_bound\"", "\"gap\"", "\"proven_optimal\"",
                                        "\"facilities\"", "\"closed_below_min_throughput\"", "\"assignments\""};
    std::size_t at = 0;
    for (const auto& k : keys) {
        const auto pos = text.find(k, at);
        INFO(k);
        REQUIRE(pos != std::string::npos);
        at = pos;
    }
    CHECK(text.find("\"time_ms\"") == std::string::npos);
    CHECK_THROWS_AS(write_location_solution(out, in, s, ReportFormat::csv, false), usage_error);
}

TEST_CASE("a matrix of more pairs than the limit is refused, naming the file and the limit", "[location_tables]")
{
    // locate_matrix.csv holds 12 pairs: a limit of 12 takes it whole, 11 refuses it at the 12th
    const auto matrix = data("locate_matrix.csv");
    LocationTableOptions options;
    options.max_matrix_pairs = 12;
    CHECK(read_location_tables({"", "", matrix, ""}, options).problem.costs.entry_count() == 12);
    options.max_matrix_pairs = 11;
    CHECK_THROWS_WITH(read_location_tables({"", "", matrix, ""}, options),
                      matrix + ": has more than 11 pairs, the most basural keeps of a matrix (docs/reliability.md)");
    // the default is the documented limit
    CHECK(LocationTableOptions{}.max_matrix_pairs == MAX_MATRIX_PAIRS);
}
