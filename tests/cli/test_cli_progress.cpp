// basural progress on the fixture snapshots tests/data/snapshots/old.csv (15 sites) and new.csv
// (13 sites), which hold one case of every kind of change. The expected counts are read off the two
// files by hand (docs/cli/progress.md walks through them):
//   BOL: closed BOL-001 (active -> closed); remediated BOL-002 (closed -> remediated); reclassified
//        BOL-003 (open -> controlled dump), BOL-004 (open dump -> sanitary landfill), BOL-005
//        (active -> closing); attributes_changed BOL-008 (waste 40 -> 45); unchanged BOL-009;
//        newly_found BOL-010; gone_unexplained BOL-006; removed_after_closure BOL-007 (closed in OLD).
//   PER: every site renumbered. PER-001 -> PER-101 (50 m, closed); PER-002 -> PER-102 (moved, now
//        surveyed: attributes_changed); PER-003 -> PER-103 and PER-010 -> PER-110 unchanged;
//        PER-004 -> PER-104 changed type, so not paired: gone + newly found; PER-011 shared PER-010's
//        municipal seat and lost the tie (by id): gone. 4 pairs by location.
//   No longer inadequate: BOL-001 (600 t/day), BOL-004 (80 t/day) -> 680 t/day; PER-101 (waste unknown).
// Every run checks locations against the shipped boundaries (the fixture boundaries have no BOL/PER).
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using basural::test::slurp;
using Catch::Contains;

namespace {

const std::string OLD = fixture("snapshots/old.csv");
const std::string NEW = fixture("snapshots/new.csv");
const std::string PLACES = fixture("places_small.csv");

/// Splits one CSV line that has no quoted commas before the column we need (details is last).
std::vector<std::string> split_csv_line(const std::string& line)
{
    std::vector<std::string> out;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            out.push_back(cell);
            cell.clear();
        } else
            cell += c;
    }
    out.push_back(cell);
    return out;
}

/// Rows of a CSV keyed by the value of `key_column`, each row as column -> value.
std::map<std::string, std::map<std::string, std::string>> csv_by(const std::string& text, const std::string& key_column)
{
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    const auto header = split_csv_line(line);
    std::map<std::string, std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        const auto cells = split_csv_line(line);
        REQUIRE(cells.size() == header.size());
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i)
            row[header[i]] = cells[i];
        rows[row.at(key_column)] = row;
    }
    return rows;
}

}  // namespace

TEST_CASE("progress --help lists every option and the exit codes", "[cli][progress]")
{
    const auto r = run_cli({"progress", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    for (const char* opt : {"--format", "--changes", "--match-tolerance-m", "--coarse-match-tolerance-m", "--year",
                            "--old-layer", "--new-layer", "--layer", "--crs", "--map", "--no-country-check"})
        CHECK_THAT(r.out, Contains(opt));
    CHECK_THAT(r.out, Contains("Exit codes") && Contains("not compared"));
}

TEST_CASE("progress --format csv counts every kind of change per country", "[cli][progress]")
{
    // places_small.csv has no Bolivian or Peruvian place: an unknown tonnage takes its country's median
    const auto r = run_cli({"progress", OLD, NEW, "--format", "csv", "--year", "2024", "--places", PLACES});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto rows = csv_by(r.out, "country");
    REQUIRE(rows.size() == 3);
    const std::map<std::string, std::map<std::string, std::string>> expected{
        {"BOL", {{"old_sites", "9"}, {"new_sites", "8"}, {"closed", "1"}, {"remediated", "1"}, {"reclassified", "3"},
                 {"attributes_changed", "1"}, {"unchanged", "1"}, {"newly_found", "1"}, {"gone_unexplained", "1"},
                 {"removed_after_closure", "1"}, {"matched_by_location", "0"}, {"no_longer_inadequate_sites", "2"},
                 {"waste_no_longer_inadequate_t_per_day", "680.0"}, {"waste_unknown_sites", "0"},
                 {"ch4_unknown_sites", "0"}}},
        {"PER", {{"old_sites", "6"}, {"new_sites", "5"}, {"closed", "1"}, {"remediated", "0"}, {"reclassified", "0"},
                 {"attributes_changed", "1"}, {"unchanged", "2"}, {"newly_found", "1"}, {"gone_unexplained", "2"},
                 {"removed_after_closure", "0"}, {"matched_by_location", "4"}, {"no_longer_inadequate_sites", "1"},
                 // PER-101's waste is unknown in both snapshots: the old record takes the median of Peru's
                 // known dump tonnages in OLD (8, 12, 20, 25, 30): 20 t/day, an estimate
                 {"waste_no_longer_inadequate_t_per_day", "20.0"}, {"waste_unknown_sites", "0"},
                 {"waste_estimated_sites", "1"},
                 // PER-101 is closed without a closure year: the methane model cannot evaluate its new
                 // record, so PER's reduction is unknown (empty), not 0
                 {"ch4_reduction_t_per_year", ""}, {"ch4_unknown_sites", "1"}}},
        {"all", {{"old_sites", "15"}, {"new_sites", "13"}, {"closed", "2"}, {"remediated", "1"}, {"reclassified", "3"},
                 {"attributes_changed", "2"}, {"unchanged", "3"}, {"newly_found", "2"}, {"gone_unexplained", "3"},
                 {"removed_after_closure", "1"}, {"matched_by_location", "4"}, {"no_longer_inadequate_sites", "3"},
                 {"waste_no_longer_inadequate_t_per_day", "700.0"}, {"waste_unknown_sites", "0"},
                 {"ch4_unknown_sites", "1"}}},
    };
    for (const auto& [country, columns] : expected)
        for (const auto& [column, value] : columns) {
            INFO(country << " " << column);
            CHECK(rows.at(country).at(column) == value);
        }

    // With the shipped places, Lima's people go to PER-001 (El Zapallal), the one dump of its part of
    // Lima in OLD: thousands of t/day, far above Peru's other dumps, and flagged implausible.
    const auto shipped = run_cli({"progress", OLD, NEW, "--format", "csv", "--year", "2024"});
    REQUIRE(shipped.exit_code == 0);
    CHECK(std::stod(csv_by(shipped.out, "country").at("PER").at("waste_no_longer_inadequate_t_per_day")) > 1000.0);
    CHECK_THAT(basural::test::unwrapped(shipped.err), Contains("estimated tonnage is implausible") && Contains("PER-001"));
}

TEST_CASE("progress --format json and --changes: the change list and the methane model", "[cli][progress]")
{
    const auto dir = scratch_dir("cli_progress_changes");
    const auto changes = (dir / "changes.csv").string();
    const auto r =
        run_cli({"progress", OLD, NEW, "--format", "json", "--year", "2024", "--changes", changes, "--places", PLACES});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto json = nlohmann::json::parse(r.out);  // stdout is JSON only
    const auto& countries = json.at("countries");
    REQUIRE(countries.size() == 3);
    CHECK(countries[0].at("country") == "BOL");
    CHECK(countries[0].at("closed") == 1);
    CHECK(countries[0].at("reclassified") == 3);
    CHECK(countries[1].at("matched_by_location") == 4);
    CHECK(countries[2].at("country") == "all");
    CHECK(countries[2].at("gone_unexplained") == 3);
    CHECK(countries[2].at("waste_no_longer_inadequate_t_per_day").get<double>() == Approx(700.0).margin(1e-9));

    // One row per site: 15 old + 13 new - 11 pairs = 17.
    const auto rows = csv_by(slurp(changes), "site_id");
    CHECK(rows.size() == 17);
    const std::map<std::string, std::string> kinds{
        {"BOL-001", "closed"},          {"BOL-002", "remediated"},         {"BOL-003", "reclassified"},
        {"BOL-004", "reclassified"},    {"BOL-005", "reclassified"},       {"BOL-006", "gone_unexplained"},
        {"BOL-007", "removed_after_closure"}, {"BOL-008", "attributes_changed"}, {"BOL-009", "unchanged"},
        {"BOL-010", "newly_found"},     {"PER-101", "closed"},             {"PER-102", "attributes_changed"},
        {"PER-103", "unchanged"},       {"PER-110", "unchanged"},          {"PER-004", "gone_unexplained"},
        {"PER-104", "newly_found"},     {"PER-011", "gone_unexplained"}};
    for (const auto& [id, kind] : kinds) {
        INFO(id);
        REQUIRE(rows.count(id) == 1);
        CHECK(rows.at(id).at("change") == kind);
    }
    CHECK(rows.at("PER-101").at("matched_by") == "location");
    CHECK(rows.at("PER-101").at("old_site_id") == "PER-001");
    CHECK(rows.at("PER-110").at("old_site_id") == "PER-010");
    CHECK(rows.at("BOL-001").at("no_longer_inadequate") == "yes");
    CHECK(rows.at("BOL-003").at("no_longer_inadequate") == "no");

    // Methane (IPCC 2006 FOD), checked by ratio: BOL-004 keeps its waste, position and history, and
    // goes from open dump of unknown depth (MCF 0.6, OX 0) to sanitary landfill (MCF 1.0, OX 0.1), so
    // its emission is multiplied by (1.0 x 0.9) / (0.6 x 1.0) = 1.5 (the CSV rounds to 0.1 t).
    const double old_004 = std::stod(rows.at("BOL-004").at("ch4_old_t_per_year"));
    const double new_004 = std::stod(rows.at("BOL-004").at("ch4_new_t_per_year"));
    CHECK(new_004 / old_004 == Approx(1.5).epsilon(0.1 / old_004 * 2));
    // BOL-001 closed in 2024: deposits up to its closure still decay in 2024, so no change that year.
    CHECK(rows.at("BOL-001").at("ch4_old_t_per_year") == rows.at("BOL-001").at("ch4_new_t_per_year"));
    // BOL's reduction = BOL-001's (0) + BOL-004's (old - 1.5 old = -0.5 old): negative, honestly.
    CHECK(countries[0].at("ch4_reduction_t_per_year").get<double>() == Approx(-0.5 * old_004).margin(0.05));
    // PER-101 has no waste figure: the model cannot evaluate it, it is counted, not guessed, and PER's
    // reduction over it alone is unknown (null), not 0.
    CHECK(countries[1].at("ch4_unknown_sites") == 1);
    CHECK(countries[1].at("ch4_reduction_t_per_year").is_null());
}

TEST_CASE("progress table output names both sources and the methane year", "[cli][progress]")
{
    const auto r = run_cli({"progress", OLD, NEW, "--year", "2030", "--places", PLACES});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("old.csv: records read 15 = loaded 15 + rejected 0"));
    CHECK_THAT(basural::test::unwrapped(r.out),
               Contains("unknown status is treated as receiving") && Contains("Old snapshot: Status:") &&
                   Contains("1 their country's median"));
    CHECK_THAT(r.out, Contains("new.csv: records read 13 = loaded 13 + rejected 0"));
    CHECK_THAT(r.out, Contains("CH4 in 2030"));
    CHECK_THAT(r.out, Contains("Closure progress by country"));
}

TEST_CASE("progress summary lines in Spanish and Portuguese", "[cli][progress][lang]")
{
    const auto dir = scratch_dir("cli_progress_lang");
    const auto changes = (dir / "changes.csv").string();
    auto r = run_cli({"progress", OLD, NEW, "--year", "2030", "--changes", changes, "--lang", "es"});
    REQUIRE(r.exit_code == 0);
    INFO(r.out);
    CHECK_THAT(r.out, Contains("old.csv: registros leídos 15 = cargados 15 + rechazados 0"));
    CHECK_THAT(r.out, Contains("CH4 en 2030 según el modelo de descomposición de primer orden del IPCC 2006"));
    CHECK_THAT(r.out, Contains("Avance de los cierres por país"));
    CHECK_THAT(r.out, Contains("cambios de sitios en " + changes));
    r = run_cli({"progress", OLD, NEW, "--year", "2030", "--lang", "pt"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("CH4 em 2030 pelo modelo de decaimento de primeira ordem do IPCC 2006"));
    CHECK_THAT(r.out, Contains("Avanço dos encerramentos por país"));
}

TEST_CASE("progress reports records rejected while loading and says they are not compared", "[cli][progress]")
{
    // A copy of NEW whose BOL-010 has latitude 123 (outside [-90, 90]): rejected while loading.
    const auto dir = scratch_dir("cli_progress_rejects");
    const auto bad = (dir / "new_bad.csv").string();
    std::string text = slurp(NEW);
    const std::string row = "-65.59,-22.09";
    const auto at = text.find(row);
    REQUIRE(at != std::string::npos);
    text.replace(at, row.size(), "-65.59,123");
    {
        std::ofstream(bad, std::ios::binary) << text;
    }
    const auto csv = run_cli({"progress", OLD, bad, "--format", "csv", "--year", "2024"});
    REQUIRE(csv.exit_code == 0);
    CHECK_THAT(csv.err, Contains("new_bad.csv: records read 13 = loaded 12 + rejected 1") &&
                            Contains("rejected records are not compared"));
    // BOL-010 was the only newly found site in BOL: it is not compared, so not counted.
    CHECK(csv_by(csv.out, "country").at("BOL").at("newly_found") == "0");
    CHECK(csv_by(csv.out, "country").at("BOL").at("new_sites") == "7");

    const auto table = run_cli({"progress", OLD, bad, "--year", "2024"});
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("1 rejected record is not compared"));
}

TEST_CASE("progress errors: exit 1 for unreadable inputs, 2 for a wrong command line", "[cli][progress]")
{
    const auto missing = run_cli({"progress", OLD, fixture("snapshots/no_such.csv")});
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.empty());
    CHECK_THAT(missing.err, Contains("no_such.csv: no such file or directory"));

    const auto format = run_cli({"progress", OLD, NEW, "--format", "xml"});
    CHECK(format.exit_code == 2);
    CHECK_THAT(format.err, Contains("--format") && Contains("xml"));

    const auto one = run_cli({"progress", OLD});
    CHECK(one.exit_code == 2);
    CHECK_THAT(one.err, Contains("new is required"));

    const auto tolerance = run_cli({"progress", OLD, NEW, "--match-tolerance-m", "-5"});
    CHECK(tolerance.exit_code == 2);

    const auto year = run_cli({"progress", OLD, NEW, "--year", "1066"});
    CHECK(year.exit_code == 2);
    CHECK_THAT(year.err, Contains("--year"));

    // A snapshot with two layers needs one named: exit 1, naming the layers.
    const auto layers = run_cli({"progress", fixture("sites_two_layers.kml"), NEW, "--no-country-check"});
    CHECK(layers.exit_code == 1);
    CHECK_THAT(layers.err, Contains("--layer"));
}
