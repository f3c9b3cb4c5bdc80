// The progress bars basural draws on stderr when it is a terminal (apps/basural/progress_bar.hpp),
// read back from a pseudo-terminal: what a user sees during a long `locate --matrix`, `regionalize`
// or `import`. Each bar is "\r<stage> [<20 cells>] <percent>%": one '#' per 5%, a stage's percent
// never goes back, every stage ends at 100% and a newline, and the results on stdout are the same
// bytes as without a terminal (where stderr stays empty: the other CLI tests check that).
#include "cli/terminal_run.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>

using basural::test::drawn_bars;
using basural::test::fixture;
using basural::test::run_cli;
using basural::test::run_cli_on_terminal;
using basural::test::scratch_dir;

namespace {

struct Bar {
    std::string stage;
    int percent = 0;
};

/// Parses every drawn bar, checking its cells agree with its percent; fails the test on a malformed one.
std::vector<Bar> parse_bars(const std::string& terminal)
{
    static const std::regex BAR(R"(^(.+) \[(#*)( *)\] (\d+)%$)");
    std::vector<Bar> out;
    for (const auto& line : drawn_bars(terminal)) {
        INFO("bar: '" << line << "'");
        std::smatch m;
        REQUIRE(std::regex_match(line, m, BAR));
        const int percent = std::stoi(m[4].str());
        CHECK(percent <= 100);
        CHECK(m[2].length() + m[3].length() == 20);
        CHECK(static_cast<int>(m[2].length()) == percent / 5);
        out.push_back({m[1].str(), percent});
    }
    return out;
}

/// The percents drawn for each stage, in order.
std::map<std::string, std::vector<int>> by_stage(const std::vector<Bar>& bars)
{
    std::map<std::string, std::vector<int>> out;
    for (const auto& b : bars)
        out[b.stage].push_back(b.percent);
    return out;
}

/// Every stage climbs without going back and ends at 100%; the terminal's text ends with a newline.
void check_stages_complete(const std::string& terminal, const std::map<std::string, std::vector<int>>& stages)
{
    for (const auto& [stage, percents] : stages) {
        INFO("stage " << stage);
        CHECK(std::is_sorted(percents.begin(), percents.end()));
        CHECK(percents.back() == 100);
    }
    REQUIRE_FALSE(terminal.empty());
    CHECK(terminal.back() == '\n');
}

/// A dense matrix of n x n pairs (about 6 MB for n = 600: the reader reports its progress by blocks of a
/// few megabytes, so a smaller file would jump from nothing to 100%).
std::string write_dense_matrix(const std::filesystem::path& dir, int n)
{
    const auto path = dir / "dense.csv";
    std::ofstream out(path);
    out << "origin_id,destination_id,cost\n";
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            out << "d" << i << ",c" << j << "," << ((i * 7919 + j * 104729) % 1000) + 1 << "\n";
    return path.string();
}

}  // namespace

TEST_CASE("locate --matrix on a terminal draws the reading and the bound, and prints the same result",
          "[cli][locate][progress_bar]")
{
    const auto dir = scratch_dir("cli_progress_bar_locate");
    const std::string matrix = write_dense_matrix(dir, 600);
    const std::vector<std::string> args{"locate", "--matrix", matrix, "--model", "p-median", "--p", "5",
                                        "--format", "json", "--threads", "1"};
    const auto on_terminal = run_cli_on_terminal(args);
    REQUIRE_FALSE(on_terminal.timed_out);
    INFO(on_terminal.terminal);
    REQUIRE(on_terminal.exit_code == 0);
    const auto plain = run_cli(args);
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.err.empty());
    CHECK(on_terminal.out == plain.out);

    const auto stages = by_stage(parse_bars(on_terminal.terminal));
    const std::string read_stage = "read " + matrix;
    REQUIRE(stages.count(read_stage) == 1);
    REQUIRE(stages.count("bound") == 1);
    check_stages_complete(on_terminal.terminal, stages);
    // the reading of a 6 MB file shows a step between its start and its end
    const auto& read = stages.at(read_stage);
    CHECK(std::any_of(read.begin(), read.end(), [](int p) { return p > 0 && p < 100; }));
    const auto& bound = stages.at("bound");
    CHECK(std::any_of(bound.begin(), bound.end(), [](int p) { return p < 100; }));
}

TEST_CASE("regionalize, import and map --all on a terminal draw their stages to 100%", "[cli][progress_bar]")
{
    const auto dir = scratch_dir("cli_progress_bar_commands");
    const auto plan = (dir / "plan.gpkg").string();
    const auto on_terminal = run_cli_on_terminal({"regionalize", fixture("regionalize_sites.csv"), "-o", plan});
    REQUIRE_FALSE(on_terminal.timed_out);
    INFO(on_terminal.terminal);
    REQUIRE(on_terminal.exit_code == 0);
    auto stages = by_stage(parse_bars(on_terminal.terminal));
    CHECK(stages.count("load") == 1);
    CHECK(stages.count("regionalize") == 1);
    check_stages_complete(on_terminal.terminal, stages);

    // with --matrix, the reading of the matrix first ("read M", as locate draws it)
    const auto matrix = (dir / "matrix.csv").string();
    std::ofstream(matrix) << "origin_id,destination_id,cost\nBRA-A,BRA-B,40\nBRA-B,BRA-A,40\n";
    const auto with_matrix = run_cli_on_terminal(
        {"regionalize", fixture("regionalize_sites.csv"), "--matrix", matrix, "-o", (dir / "plan_matrix.gpkg").string()});
    REQUIRE_FALSE(with_matrix.timed_out);
    INFO(with_matrix.terminal);
    REQUIRE(with_matrix.exit_code == 0);
    stages = by_stage(parse_bars(with_matrix.terminal));
    CHECK(stages.count("read " + matrix) == 1);
    CHECK(stages.count("regionalize") == 1);
    check_stages_complete(with_matrix.terminal, stages);

    const auto sites = (dir / "sites.gpkg").string();
    const auto imported = run_cli_on_terminal({"import", fixture("sites_schema.csv"), "-o", sites});
    REQUIRE_FALSE(imported.timed_out);
    INFO(imported.terminal);
    REQUIRE(imported.exit_code == 0);
    stages = by_stage(parse_bars(imported.terminal));
    CHECK(stages.count("load") == 1);
    check_stages_complete(imported.terminal, stages);

    // map --all: one "maps" stage over the four fixture countries (0, 25, 50, 75 and 100%)
    const auto maps = run_cli_on_terminal({"map", fixture("sites_schema.csv"), "--all", "--format", "svg", "-o",
                                           (dir / "maps").string(), "--countries",
                                           fixture("countries_fixture.geojson"), "--places", "none",
                                           "--admin1-boundaries", "none"});
    REQUIRE_FALSE(maps.timed_out);
    INFO(maps.terminal);
    REQUIRE(maps.exit_code == 0);
    stages = by_stage(parse_bars(maps.terminal));
    REQUIRE(stages.count("maps") == 1);
    CHECK(stages.at("maps") == std::vector<int>{0, 25, 50, 75, 100});
    check_stages_complete(maps.terminal, stages);
}
