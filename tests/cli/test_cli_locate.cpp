// basural locate end to end: the real binary on tiny tables whose answers are worked out by hand.
//
// locate_matrix.csv (cost) with weights from locate_matrix_demand.csv:
//          x  y  z   weight
//     a    1  4  9   10
//     b    2  3  8    5
//     c    7  1  3    8
//     d    9  6  1    2
// p-median, p = 2: {x,y} = 10x1 + 5x2 + 8x1 + 2x6 = 40; {x,z} = 10 + 10 + 24 + 2 = 46; {y,z} = 40 + 15 + 8 + 2 = 65.
#include "cli/run_cli.hpp"

#include "basural/base/locale.hpp"
#include "basural/base/terminal_table.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using nlohmann::json;

namespace {
std::vector<std::string> matrix_args(std::vector<std::string> extra)
{
    std::vector<std::string> args{"locate", "--matrix", fixture("locate_matrix.csv"), "--demand",
                                  fixture("locate_matrix_demand.csv"), "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::vector<std::string> ids(const json& facilities)
{
    std::vector<std::string> out;
    for (const auto& f : facilities)
        out.push_back(f["id"].get<std::string>());
    return out;
}
}  // namespace

TEST_CASE("locate --help lists the options and exits 0", "[cli][locate]")
{
    const auto r = run_cli({"locate", "--help"});
    CHECK(r.exit_code == 0);
    for (const char* opt : {"--demand", "--candidates", "--matrix", "--model", "--p", "--max-cost", "--capacity",
                            "--min-throughput", "--required", "--detour-factor", "--format", "--output"})
        CHECK(r.out.find(opt) != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("locate p-median on a matrix: JSON with objective, bound, facilities and assignments", "[cli][locate]")
{
    const auto r = run_cli(matrix_args({"--model", "p-median", "--p", "2"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto j = json::parse(r.out);
    CHECK(j["model"] == "p-median");
    CHECK(j["cost_unit"] == "matrix");
    CHECK(j["p"] == 2);
    CHECK(j["max_cost"].is_null());
    CHECK(j["objective"] == 40.0);
    CHECK(j["lower_bound"].get<double>() <= 40.0);
    CHECK(j["gap"].get<double>() >= 0.0);
    CHECK(ids(j["facilities"]) == std::vector<std::string>{"x", "y"});
    CHECK(j["facilities"][0]["weight"] == 15.0);  // a and b
    CHECK(j["facilities"][0]["capacity"].is_null());
    REQUIRE(j["assignments"].size() == 4);
    CHECK(j["assignments"][3]["demand_id"] == "d");
    CHECK(j["assignments"][3]["facility_id"] == "y");
    CHECK(j["assignments"][3]["cost"] == 6.0);
    CHECK(j["assignments"][3]["status"] == "assigned");
    CHECK_FALSE(j.contains("time_ms"));
    // key order is stable: model first, assignments last
    CHECK(r.out.find("\"model\"") < r.out.find("\"objective\""));
    CHECK(r.out.find("\"facilities\"") < r.out.find("\"assignments\""));
}

TEST_CASE("locate gives the same bytes twice; --timing adds time_ms", "[cli][locate]")
{
    const auto a = run_cli(matrix_args({"--model", "p-median", "--p", "2"}));
    const auto b = run_cli(matrix_args({"--model", "p-median", "--p", "2"}));
    CHECK(a.out == b.out);
    for (const char* threads : {"1", "2", "0"}) {
        INFO("--threads " << threads);
        const auto c = run_cli(matrix_args({"--model", "p-median", "--p", "2", "--threads", threads}));
        CHECK(c.out == a.out);
    }
    const auto t = run_cli(matrix_args({"--model", "p-median", "--p", "2", "--timing"}));
    REQUIRE(t.exit_code == 0);
    CHECK(json::parse(t.out).contains("time_ms"));
}

TEST_CASE("locate table format prints a summary, facilities and assignments", "[cli][locate]")
{
    const auto r = run_cli({"locate", "--matrix", fixture("locate_matrix.csv"), "--demand",
                            fixture("locate_matrix_demand.csv"), "--model", "p-median", "--p", "2"});
    REQUIRE(r.exit_code == 0);
    INFO(r.out);
    CHECK_THAT(r.out, Catch::Contains("Location model p-median"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nobjective +40\\.0000\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nproven optimal +yes\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Contains("Facilities opened"));
    // x serves a and b (10 + 5), y serves c and d (8 + 2, d at 6 rather than 9 from x).
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nx +no +2 +15\\.000 +15\\.000 +unlimited\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Contains("Assignments"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nd +y +6\\.000 +assigned\n(.|\n)*"));
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        CHECK(basural::display_width(line) <= basural::TERMINAL_WIDTH);
}

TEST_CASE("locate's table in Spanish and Portuguese: headings, words and numbers", "[cli][locate][lang]")
{
    auto r = run_cli({"locate", "--matrix", fixture("locate_matrix.csv"), "--demand",
                      fixture("locate_matrix_demand.csv"), "--model", "p-median", "--p", "2", "--lang", "es"});
    REQUIRE(r.exit_code == 0);
    INFO(r.out);
    CHECK_THAT(r.out, Catch::Contains("Modelo de localización p-median"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nobjetivo +40,0000\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nóptimo demostrado +sí\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Contains("Instalaciones abiertas"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nx +no +2 +15,000 +15,000 +sin límite\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nd +y +6,000 +asignado\n(.|\n)*"));
    CHECK(r.out.find("objective") == std::string::npos);

    // mclp, p = 1, cutoff 2: x covers a and b; c and d have no open facility within 2 (by hand).
    r = run_cli({"locate", "--matrix", fixture("locate_matrix.csv"), "--demand", fixture("locate_matrix_demand.csv"),
                 "--model", "mclp", "--p", "1", "--max-cost", "2", "--lang", "pt-BR"});
    REQUIRE(r.exit_code == 0);
    INFO(r.out);
    CHECK_THAT(r.out, Catch::Contains("Modelo de localização mclp"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nobjetivo +15,0000\n(.|\n)*"));
    CHECK_THAT(r.out, Catch::Contains("Alocações"));
    CHECK_THAT(r.out, Catch::Matches("(.|\n)*\nc +- +- +nenhuma instalação aberta dentro do limite\n(.|\n)*"));
}

TEST_CASE("locate mclp and lscp on the matrix", "[cli][locate]")
{
    // cutoff 2: x covers a (1) and b (2): weight 15; y covers c: 8; z covers d: 2. p = 1: x, 15.
    auto r = run_cli(matrix_args({"--model", "mclp", "--p", "1", "--max-cost", "2"}));
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["objective"] == 15.0);
    CHECK(ids(j["facilities"]) == std::vector<std::string>{"x"});
    CHECK(j["assignments"][2]["status"] == "no_open_facility_within_cutoff");
    // cutoff 3: a needs x, d needs z, and z (3) covers c, x covers b: {x, z}
    r = run_cli(matrix_args({"--model", "lscp", "--max-cost", "3"}));
    REQUIRE(r.exit_code == 0);
    j = json::parse(r.out);
    CHECK(j["objective"] == 2.0);
    CHECK(j["p"].is_null());
    CHECK(ids(j["facilities"]) == std::vector<std::string>{"x", "z"});
    CHECK(j["proven_optimal"] == true);
}

TEST_CASE("locate with required candidates, inside p or on top", "[cli][locate]")
{
    // z required: {x, z} = 46 is the best pair containing z
    auto r = run_cli(matrix_args({"--model", "p-median", "--p", "2", "--required", fixture("locate_required.csv")}));
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["objective"] == 46.0);
    CHECK(ids(j["facilities"]) == std::vector<std::string>{"x", "z"});
    CHECK(j["facilities"][1]["required"] == true);
    // two new ones besides z: all three open, 10 + 10 + 8 + 2 = 30
    r = run_cli(matrix_args({"--model", "p-median", "--p", "2", "--required", fixture("locate_required.csv"),
                             "--p-excludes-required"}));
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["objective"] == 30.0);
    // the same from the candidates table's required column (z = 1)
    r = run_cli(matrix_args({"--model", "p-median", "--p", "2", "--candidates", fixture("locate_matrix_candidates.csv")}));
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["objective"] == 46.0);
}

TEST_CASE("locate with a capacity that binds", "[cli][locate]")
{
    // capacity 13 (loads = weights 10 5 8 2): x cannot take a and b (15). Best: x <- a, d (10 + 2 x 9 = 28),
    // y <- b, c (5 x 3 + 8 x 1 = 23): 51; with z open instead of y the best is 92.
    const auto r = run_cli(matrix_args({"--model", "p-median", "--p", "2", "--capacity", "13"}));
    REQUIRE(r.exit_code == 0);
    const auto j = json::parse(r.out);
    CHECK(j["objective"] == 51.0);
    CHECK(j["facilities"][0]["load"] == 12.0);
    CHECK(j["facilities"][1]["load"] == 13.0);
    CHECK(j["facilities"][0]["capacity"] == 13.0);
    CHECK(j["lower_bound"].get<double>() <= 51.0);
}

TEST_CASE("locate closes a facility below the minimum throughput", "[cli][locate]")
{
    // p = 3: z serves only d (load 2 < 3): closed, d goes to y (6): 10 + 10 + 8 + 2 x 6 = 40
    const auto r = run_cli(matrix_args({"--model", "p-median", "--p", "3", "--min-throughput", "3"}));
    REQUIRE(r.exit_code == 0);
    const auto j = json::parse(r.out);
    CHECK(j["closed_below_min_throughput"] == json::array({"z"}));
    CHECK(ids(j["facilities"]) == std::vector<std::string>{"x", "y"});
    CHECK(j["objective"] == 40.0);
}

TEST_CASE("locate on lon/lat tables uses geodesic km, times the detour factor", "[cli][locate]")
{
    // GeodSolve along the equator: east (-59) is 111.319490793274, 55.659745396637 and 22.263898158655 km
    // from the three points; west (-60) is 133.58 km from p3, beyond the 120 km cutoff.
    // p = 1: east serves all: 189.243134348566 km; west would leave p3 unserved at 2 x 120.
    const std::vector<std::string> base{"locate", "--demand", fixture("locate_points_demand.csv"), "--candidates",
                                        fixture("locate_points_candidates.csv"), "--model", "p-median", "--p", "1",
                                        "--format", "json"};
    auto args = base;
    args.insert(args.end(), {"--max-cost", "120"});
    auto r = run_cli(args);
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["cost_unit"] == "km");
    CHECK(ids(j["facilities"]) == std::vector<std::string>{"east"});
    CHECK(j["objective"].get<double>() == Approx(189.243134348566).margin(1e-6));
    // detour 1.3, cutoff 150: every cost x 1.3; west is 173.7 km from p3 (> 150): east, 1.3 x 189.243...
    args = base;
    args.insert(args.end(), {"--max-cost", "150", "--detour-factor", "1.3"});
    r = run_cli(args);
    REQUIRE(r.exit_code == 0);
    j = json::parse(r.out);
    CHECK(j["objective"].get<double>() == Approx(1.3 * 189.243134348566).margin(1e-6));
}

TEST_CASE("locate -o writes the result to a file", "[cli][locate]")
{
    const auto dir = scratch_dir("locate_output");
    const auto out = (dir / "result.json").string();
    const auto r = run_cli(matrix_args({"--model", "p-median", "--p", "2", "-o", out}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(json::parse(basural::test::slurp(out))["objective"] == 40.0);
}

TEST_CASE("locate usage errors exit 2 with a message", "[cli][locate]")
{
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    const std::vector<Case> cases{
        {matrix_args({"--model", "pmedian", "--p", "2"}), "unknown model 'pmedian'"},
        {matrix_args({"--model", "p-median"}), "needs --p"},
        {matrix_args({"--model", "lscp", "--p", "2", "--max-cost", "3"}), "--p does not apply to lscp"},
        {matrix_args({"--model", "mclp", "--p", "1"}), "needs --max-cost"},
        {matrix_args({"--model", "p-median", "--p", "9"}), "9 facilities to open but only 3 candidates"},
        {{"locate", "--matrix", fixture("locate_matrix.csv"), "--model", "p-median", "--p", "1", "--format", "csv"},
         "--format must be table or json"},
        {matrix_args({"--model", "p-median", "--p", "1", "--detour-factor", "1.3"}), "--matrix excludes --detour-factor"},
        {{"locate", "--demand", fixture("locate_points_demand.csv"), "--candidates",
          fixture("locate_points_candidates.csv"), "--model", "p-median", "--p", "1"},
         "need a cutoff in km (--max-cost)"},
        {{"locate", "--model", "p-median", "--p", "1"}, "both a demand and a candidates table are needed"},
        {{"locate", "--matrix", fixture("locate_matrix.csv"), "--p", "1"}, "--model"},
        {matrix_args({"--model", "p-median", "--p", "1", "--threads", "257"}), "--threads"},
    };
    for (const auto& c : cases) {
        const auto r = run_cli(c.args);
        INFO(c.message);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("locate bad input exits 1 naming file, record, field and value", "[cli][locate]")
{
    const auto dir = scratch_dir("locate_bad_input");
    auto write = [&](const std::string& name, const std::string& text) {
        const auto p = (dir / name).string();
        std::ofstream(p) << text;
        return p;
    };
    const auto unknown = write("unknown.csv", "origin_id,destination_id,cost\na,x,1\nq,x,2\n");
    auto r = run_cli({"locate", "--matrix", unknown, "--demand", fixture("locate_matrix_demand.csv"), "--model",
                      "p-median", "--p", "1"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("unknown.csv record 2: origin_id 'q' is not an id in") != std::string::npos);

    const auto negative = write("negative.csv", "id,weight\na,10\nb,-5\nc,1\nd,1\n");
    r = run_cli({"locate", "--matrix", fixture("locate_matrix.csv"), "--demand", negative, "--model", "p-median",
                 "--p", "1"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("negative.csv record 2: weight '-5' must be >= 0") != std::string::npos);

    const auto nocol = write("nocolumn.csv", "id,tonnes\na,10\n");
    r = run_cli({"locate", "--matrix", fixture("locate_matrix.csv"), "--demand", nocol, "--model", "p-median",
                 "--p", "1"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("nocolumn.csv: no column 'weight' (columns: id, tonnes)") != std::string::npos);

    r = run_cli({"locate", "--matrix", (dir / "missing.csv").string(), "--model", "p-median", "--p", "1"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("missing.csv: no such file or directory") != std::string::npos);
    CHECK(r.out.empty());
}
