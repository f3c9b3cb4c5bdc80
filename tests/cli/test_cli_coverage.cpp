// coverage, methane and prioritize end to end on tests/data/coverage_*.csv (see tests/data/README.md):
//   ARG: inadequate active D1 100 t/day (27.5 km from L), D2 50 t/day (82.6 km), D4 8 t/day estimated
//   (36.7 km) -> 158 t/day; within 50 km of L: D1 and D4 -> 2 of 3 sites, 108 of 158 t/day.
//   People: 1 km band P1 10,000 + P2 2,000 = 12,000; 2 km adds P4 700 = 12,700.
//   Methane 2024: only D1 has a past deposit (2023); D3 is closed without a closure year: unknown.
#include "cli/run_cli.hpp"

#include "basural/planning/plan.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <tuple>
#include <utility>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using Catch::Contains;
using basural::test::slurp;
using nlohmann::json;

namespace {

/// `command` on the coverage fixtures (the inventory `sites`, by default coverage_sites.csv), then `extra`.
std::vector<std::string> args(const std::string& command, std::vector<std::string> extra,
                              const std::string& sites = "coverage_sites.csv")
{
    std::vector<std::string> a{command,
                               fixture(sites),
                               "--no-country-check",
                               "--places",
                               fixture("coverage_places.csv"),
                               "--country-waste",
                               fixture("coverage_country_waste.csv")};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

const json& country(const json& rows, const std::string& iso3)
{
    for (const auto& r : rows)
        if (r["country"] == iso3)
            return r;
    FAIL("no row " << iso3);
    throw;
}

std::string write_fixture_plan(const std::string& name)
{
    basural::RegionalPlan plan;
    plan.parameters = {{"max_haul_km", "100"}};
    plan.facilities.push_back({"ARG-F001", "ARG", "", false, "", "nuevo", {-58.9, -34.6}, 8.0, 1, {}, 10.0, 10.0,
                               std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    plan.facilities.push_back({"ARG-F002", "ARG", "", true, "L", "Relleno L", {-58.4, -34.6}, 100.0, 1, {}, 30.0, 30.0,
                               std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    plan.assignments.push_back({"D1", "ARG", "", "ARG-F002", {-58.1, -34.6}, 30.0, 100.0, std::nullopt, std::nullopt,
                                std::nullopt});
    plan.assignments.push_back({"D4", "ARG", "", "ARG-F001", {-58.8, -34.6}, 10.0, 8.0, std::nullopt, std::nullopt,
                                std::nullopt});
    plan.unserved.push_back({"D2", "ARG", "", {-57.5, -34.6}, "no_candidate_within_cutoff", 50.0, std::nullopt,
                             std::nullopt});
    const auto path = (scratch_dir(name) / "plan.gpkg").string();
    basural::write_plan(plan, path);
    return path;
}

/// The cell under `column` in the row of `iso3` of a `table` or `md` rendering, spaces trimmed. Both
/// align their columns, and the values read here are narrower than the column's name, so the cell
/// spans the same characters as the name does in the header.
std::string text_cell(const std::string& out, const std::string& iso3, const std::string& column)
{
    std::istringstream in(out);
    std::string header, row;
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first == "|")  // md
            words >> first;
        if (first == "country")
            header = line;
        else if (first == iso3)
            row = line;
    }
    REQUIRE(!row.empty());
    REQUIRE(row.size() == header.size());
    const auto at = header.find(" " + column + " ");
    REQUIRE(at != std::string::npos);
    std::string cell = row.substr(at + 1, column.size());
    cell.erase(0, cell.find_first_not_of(' '));
    return cell;
}

/// The line of `iso3` in a terminal table (--format table), with a space at its end.
std::string terminal_row(const std::string& out, const std::string& iso3)
{
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(iso3 + " ", 0) == 0)
            return line + " ";
    FAIL("no row " << iso3 << " in:\n" << out);
    return {};
}

}  // namespace

TEST_CASE("coverage --help documents its options", "[cli][coverage]")
{
    const auto r = run_cli({"coverage", "--help"});
    CHECK(r.exit_code == 0);
    for (const char* opt : {"--plan", "--max-haul-km", "--year", "--format", "--places", "--country-waste", "--gwp"})
        CHECK(r.out.find(opt) != std::string::npos);
}

TEST_CASE("coverage JSON: per-country figures and the LAC row in a fixed key order", "[cli][coverage]")
{
    const auto r = run_cli(args("coverage", {"--format", "json"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto j = json::parse(r.out);
    const auto& rows = j["countries"];
    REQUIRE(rows.size() == 3);
    CHECK(rows[2]["country"] == "LAC");
    const auto& arg = country(rows, "ARG");
    CHECK(arg["inadequate_active_sites"] == 3);
    CHECK(arg["inadequate_sites_waste_estimated"] == 1);
    CHECK(arg["inadequate_waste_t_per_day"].get<double>() == Approx(158.0));
    CHECK(arg["inadequate_sites_near_landfill"] == 2);
    CHECK(arg["share_sites_near_landfill"].get<double>() == Approx(2.0 / 3.0));
    CHECK(arg["share_waste_near_landfill"].get<double>() == Approx(108.0 / 158.0));
    CHECK(arg["population_within_1km"] == 12000);
    CHECK(arg["population_within_2km"] == 12700);
    CHECK(arg["plan_sites_served"].is_null());
    CHECK(arg["methane_sites_unknown"] == 1);
    CHECK(arg["ch4_t_per_year"].get<double>() > 0.0);
    CHECK(arg["gwp100_ch4"] == 28.0);
    CHECK(country(rows, "BRA")["share_sites_near_landfill"].is_null());
    // the documented key order (docs/cli/coverage.md)
    CHECK(r.out.find("\"country\"") < r.out.find("\"sites\""));
    CHECK(r.out.find("\"inadequate_waste_t_per_day\"") < r.out.find("\"share_sites_near_landfill\""));
    CHECK(r.out.find("\"plan_max_haul_km\"") < r.out.find("\"population_within_1km\""));
    CHECK(r.out.find("\"co2e_t_per_year\"") < r.out.find("\"methane_sites_unknown\""));
}

TEST_CASE("coverage --plan adds the plan's shares; --max-haul-km changes reach", "[cli][coverage]")
{
    const auto plan = write_fixture_plan("cli_coverage_plan");
    const auto r = run_cli(args("coverage", {"--plan", plan, "--format", "json", "--max-haul-km", "30"}));
    REQUIRE(r.exit_code == 0);
    const auto j = json::parse(r.out);
    const auto& arg = country(j["countries"], "ARG");
    CHECK(arg["inadequate_sites_near_landfill"] == 1);  // D1 only at 30 km
    CHECK(arg["plan_facilities_proposed"] == 1);
    CHECK(arg["plan_facilities_existing"] == 1);
    CHECK(arg["plan_sites_served"] == 2);
    CHECK(arg["plan_sites_local_solution"] == 1);
    CHECK(arg["plan_share_waste_served"].get<double>() == Approx(108.0 / 158.0));
    CHECK(arg["plan_share_population_served"].get<double>() == Approx(12000.0 / 12700.0));
    CHECK(arg["plan_mean_haul_km"].get<double>() == Approx((100.0 * 30.0 + 8.0 * 10.0) / 108.0));
    CHECK(arg["plan_max_haul_km"] == 30.0);
}

TEST_CASE("coverage table, csv and md render the same rows", "[cli][coverage]")
{
    const auto t = run_cli(args("coverage", {}));
    REQUIRE(t.exit_code == 0);
    CHECK(t.out.find("records read 6 = loaded 6 + rejected 0") != std::string::npos);
    CHECK(t.out.find("LAC") != std::string::npos);
    const auto c = run_cli(args("coverage", {"--format", "csv"}));
    REQUIRE(c.exit_code == 0);
    CHECK(c.out.rfind("country,sites,open_dump,", 0) == 0);
    CHECK(c.out.find("\nLAC,6,") != std::string::npos);
    const auto m = run_cli(args("coverage", {"--format", "md"}));
    REQUIRE(m.exit_code == 0);
    CHECK(m.out.find("| country |") != std::string::npos);
}

TEST_CASE("coverage: a country whose every dump has unknown tonnage shows its t/day as unknown, not 0",
          "[cli][coverage]")
{
    // coverage_unknown_tonnage.csv: ARG D1 100 t/day; URY U1, U2 without tonnage, and no URY places or
    // country figures to estimate it from (tests/data/README.md).
    auto run = [&](const std::string& format) {
        auto r = run_cli(args("coverage", {"--format", format}, "coverage_unknown_tonnage.csv"));
        REQUIRE(r.exit_code == 0);
        return r.out;
    };

    const auto j = json::parse(run("json"));
    const auto& ury = country(j["countries"], "URY");
    CHECK(ury["inadequate_active_sites"] == 2);
    CHECK(ury["inadequate_sites_waste_unknown"] == 2);
    CHECK(ury["inadequate_waste_t_per_day"].is_null());
    CHECK(ury["inadequate_sites_near_landfill"] == 0);
    CHECK(ury["inadequate_waste_near_landfill_t_per_day"] == 0.0);  // no site near a landfill: a true 0
    CHECK(country(j["countries"], "ARG")["inadequate_waste_t_per_day"] == 100.0);
    // LAC: the known tonnage (D1), and how many sites it leaves out
    const auto& lac = country(j["countries"], "LAC");
    CHECK(lac["inadequate_waste_t_per_day"] == 100.0);
    CHECK(lac["inadequate_sites_waste_unknown"] == 2);

    // CSV: an empty cell (column 17 of the documented order)
    const auto csv = run("csv");
    const auto ury_at = csv.find("\nURY,");
    REQUIRE(ury_at != std::string::npos);
    std::vector<std::string> cells;
    std::istringstream ury_row(csv.substr(ury_at + 1, csv.find('\n', ury_at + 1) - ury_at - 1));
    for (std::string c; std::getline(ury_row, c, ',');)
        cells.push_back(c);
    REQUIRE(cells.size() > 16);
    CHECK(cells[15] == "2");  // inadequate_sites_waste_unknown
    CHECK(cells[16].empty());  // inadequate_waste_t_per_day

    // md: an empty cell where the old output printed 0.0
    const auto md = run("md");
    CHECK(text_cell(md, "URY", "inadequate_waste_t_per_day").empty());
    CHECK(text_cell(md, "ARG", "inadequate_waste_t_per_day") == "100.0");
    CHECK(text_cell(md, "LAC", "inadequate_sites_waste_unknown") == "2");
    // table (for people, key columns): "?" where the value is unknown, and what "?" means
    const auto table = run("table");
    CHECK(terminal_row(table, "URY").find(" ?") != std::string::npos);
    CHECK(terminal_row(table, "ARG").find(" 100.0 ") != std::string::npos);
    CHECK(table.find("? = unknown (not zero)") != std::string::npos);
}

TEST_CASE("coverage errors: bad options exit 2, a missing plan exits 1 naming it", "[cli][coverage]")
{
    const auto f = run_cli(args("coverage", {"--format", "xml"}));
    CHECK(f.exit_code == 2);
    const auto h = run_cli(args("coverage", {"--max-haul-km", "0"}));
    CHECK(h.exit_code == 2);
    const auto p = run_cli(args("coverage", {"--plan", "/nonexistent/plan.gpkg"}));
    CHECK(p.exit_code == 1);
    CHECK(p.err.find("/nonexistent/plan.gpkg") != std::string::npos);
}

TEST_CASE("methane: per-country table and a per-site CSV with the inputs used", "[cli][methane]")
{
    const auto help = run_cli({"methane", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--gwp") != std::string::npos);
    const auto dir = scratch_dir("cli_methane");
    const auto out = (dir / "sites.csv").string();
    const auto r = run_cli(args("methane", {"--format", "json", "-o", out}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto j = json::parse(r.out);
    const auto& arg = country(j["countries"], "ARG");
    CHECK(arg["sites"] == 5);
    CHECK(arg["sites_unknown"] == 1);
    // D1: 36,500 t in 2023, DOC 0.16220, DOCf 0.5, MCF 0.6, k 0.09 (temperate wet), F 0.5:
    // 36500 x 0.1622 x 0.5 x 0.6 x (1 - e^-0.09) x 0.5 x 16/12 = 101.91 t
    CHECK(arg["ch4_t_per_year"].get<double>() == Approx(101.91).epsilon(1e-4));
    CHECK(country(j["countries"], "LAC")["co2e_t_per_year"].get<double>() == Approx(101.91 * 28).epsilon(1e-4));
    const auto csv = slurp(out);
    CHECK(csv.rfind("site_id,country,site_type,status,reporting_year,ch4_t_per_year,", 0) == 0);
    CHECK(csv.find("D3,ARG,open_dump,closed,2024,,") != std::string::npos);  // unknown, with its reason
    CHECK(csv.find("uncategorised") != std::string::npos);
    CHECK(csv.find("temperate_wet") != std::string::npos);

    const auto ar6 = run_cli(args("methane", {"--format", "csv", "--gwp", "ar6", "--year", "2030"}));
    REQUIRE(ar6.exit_code == 0);
    CHECK(ar6.out.find(",2030,") != std::string::npos);
    CHECK(ar6.out.find(",27.0") != std::string::npos);
    const auto gpkg = (dir / "sites.gpkg").string();
    CHECK(run_cli(args("methane", {"-o", gpkg})).exit_code == 0);
    CHECK(std::filesystem::exists(gpkg));
    CHECK(run_cli(args("methane", {"--gwp", "ar4"})).exit_code == 2);
    CHECK(run_cli(args("methane", {"-o", (dir / "x.unknownext").string()})).exit_code == 2);
}

TEST_CASE("methane and coverage: a country whose every site has unknown methane shows it as unknown, not 0",
          "[cli][methane][coverage]")
{
    // coverage_unknown_tonnage.csv: ARG D1 100 t/day, opened 2023 -> 101.91 t CH4 in 2024 (as D1 in
    // "methane: per-country table ..."); URY U1, U2 without tonnage and nothing to estimate it from,
    // so the FOD model cannot estimate either (tests/data/README.md).
    const auto dir = scratch_dir("cli_methane_unknown");
    const auto sites_csv = (dir / "sites.csv").string();
    auto run = [&](const std::string& command, const std::string& format) {
        std::vector<std::string> extra{"--format", format};
        if (command == "methane" && format == "json")
            extra.insert(extra.end(), {"-o", sites_csv});
        auto r = run_cli(args(command, extra, "coverage_unknown_tonnage.csv"));
        REQUIRE(r.exit_code == 0);
        // the warning block names what rests on unknowns and how to mend it
        const auto err = basural::test::unwrapped(r.err);
        CHECK(err.find("warning: results rest on unknowns") != std::string::npos);
        CHECK(err.find("tonnage could not be estimated for 2 of 3 receiving sites") != std::string::npos);
        return r.out;
    };
    const double arg_ch4 = 101.91;

    const auto j = json::parse(run("methane", "json"));
    const auto& ury = country(j["countries"], "URY");
    CHECK(ury["sites"] == 2);
    CHECK(ury["sites_estimated"] == 0);
    CHECK(ury["sites_unknown"] == 2);
    CHECK(ury["ch4_t_per_year"].is_null());
    CHECK(ury["co2e_t_per_year"].is_null());
    const auto& arg = country(j["countries"], "ARG");
    CHECK(arg["sites_unknown"] == 0);
    CHECK(arg["ch4_t_per_year"].get<double>() == Approx(arg_ch4).epsilon(1e-4));
    CHECK(arg["co2e_t_per_year"].get<double>() == Approx(arg_ch4 * 28).epsilon(1e-4));
    // LAC: the known estimate (ARG's), and the two URY sites it leaves out
    const auto& lac = country(j["countries"], "LAC");
    CHECK(lac["sites"] == 3);
    CHECK(lac["sites_unknown"] == 2);
    CHECK(lac["ch4_t_per_year"].get<double>() == Approx(arg_ch4).epsilon(1e-4));
    CHECK(lac["co2e_t_per_year"].get<double>() == Approx(arg_ch4 * 28).epsilon(1e-4));
    // per site (-o): empty, with the reason
    const auto per_site = slurp(sites_csv);
    CHECK(per_site.find("U1,URY,open_dump,active,2024,,,") != std::string::npos);
    CHECK(per_site.find("U2,URY,controlled_dump,active,2024,,,") != std::string::npos);

    // CSV: country,sites,sites_estimated,sites_unknown,reporting_year,ch4_t_per_year,co2e_t_per_year,gwp100_ch4
    const auto csv = run("methane", "csv");
    CHECK(csv.find("\nURY,2,0,2,2024,,,28.0\n") != std::string::npos);
    CHECK(csv.find("\nARG,1,1,0,2024,102,") != std::string::npos);  // 101.91 t rounded to 1 t
    CHECK(csv.find("\nLAC,3,1,2,2024,102,") != std::string::npos);

    // md: empty cells where the old output printed 0
    const auto md = run("methane", "md");
    CHECK(text_cell(md, "URY", "ch4_t_per_year").empty());
    CHECK(text_cell(md, "URY", "co2e_t_per_year").empty());
    CHECK(text_cell(md, "URY", "sites_unknown") == "2");
    CHECK(text_cell(md, "ARG", "ch4_t_per_year") == "102");
    CHECK(text_cell(md, "LAC", "ch4_t_per_year") == "102");
    CHECK(text_cell(md, "LAC", "sites_unknown") == "2");
    // table: URY's methane is "?", ARG's 102 t
    const auto table = run("methane", "table");
    CHECK(terminal_row(table, "URY").find("  ?  ") != std::string::npos);
    CHECK(terminal_row(table, "ARG").find("  102  ") != std::string::npos);

    // coverage's methane columns follow the same rule
    const auto c = json::parse(run("coverage", "json"));
    const auto& c_ury = country(c["countries"], "URY");
    CHECK(c_ury["methane_sites_unknown"] == 2);
    CHECK(c_ury["ch4_t_per_year"].is_null());
    CHECK(c_ury["co2e_t_per_year"].is_null());
    CHECK(country(c["countries"], "ARG")["ch4_t_per_year"].get<double>() == Approx(arg_ch4).epsilon(1e-4));
    CHECK(country(c["countries"], "LAC")["ch4_t_per_year"].get<double>() == Approx(arg_ch4).epsilon(1e-4));
    CHECK(country(c["countries"], "LAC")["methane_sites_unknown"] == 2);
    const auto coverage_md = run("coverage", "md");
    CHECK(text_cell(coverage_md, "URY", "ch4_t_per_year").empty());
    CHECK(text_cell(coverage_md, "URY", "co2e_t_per_year").empty());
    CHECK(text_cell(coverage_md, "URY", "methane_sites_unknown") == "2");
}

TEST_CASE("prioritize: ranking CSV and GeoPackage, weights, errors", "[cli][prioritize]")
{
    const auto help = run_cli({"prioritize", "--help"});
    CHECK(help.exit_code == 0);
    for (const char* opt : {"--plan", "--weights", "--output", "--year", "--top"})
        CHECK(help.out.find(opt) != std::string::npos);
    const auto dir = scratch_dir("cli_prioritize");
    const auto out = (dir / "ranking.csv").string();
    const auto r = run_cli(args("prioritize", {"-o", out, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto j = json::parse(r.out)["ranking"];
    REQUIRE(j.size() == 3);  // D1, D2, D4
    // D1 scores highest: waste 100 (ECDF 1), the only methane > 0, burning, pickers, children, 27.5 km
    CHECK(j[0]["site_id"] == "D1");
    CHECK(j[0]["rank"] == 1);
    CHECK(j[0]["why"].get<std::string>().find("waste 100.0 t/day") != std::string::npos);
    const auto csv = slurp(out);
    CHECK(csv.rfind("rank,site_id,name,country,", 0) == 0);
    CHECK(csv.find("\n1,D1,") != std::string::npos);

    const auto weights = dir / "w.json";
    std::ofstream(weights) << R"({"waste": 0, "methane": 0, "people_2km": 1, "open_burning": 0,
        "waste_pickers": 0, "child_waste_pickers": 0, "readiness": 0})";
    const auto w = run_cli(args("prioritize", {"-o", out, "--weights", weights.string(), "--format", "json"}));
    REQUIRE(w.exit_code == 0);
    // people within 2 km: D4 10,000 (P1), D1 2,000 (P2), D2 700 (P4)
    const auto jw = json::parse(w.out)["ranking"];
    CHECK(jw[0]["site_id"] == "D4");
    CHECK(jw[2]["site_id"] == "D2");

    const auto plan = write_fixture_plan("cli_prioritize_plan");
    const auto gpkg = (dir / "ranking.gpkg").string();
    const auto g = run_cli(args("prioritize", {"-o", gpkg, "--plan", plan, "--top", "0"}));
    REQUIRE(g.exit_code == 0);
    CHECK(g.out.empty());
    CHECK(std::filesystem::exists(gpkg));

    CHECK(run_cli(args("prioritize", {})).exit_code == 2);  // -o is required
    std::ofstream(dir / "bad.json") << R"({"smell": 1})";
    const auto bad = run_cli(args("prioritize", {"-o", out, "--weights", (dir / "bad.json").string()}));
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("smell") != std::string::npos);
}

TEST_CASE("coverage, prioritize and methane say their assumptions in the reader's language", "[cli][coverage][lang]")
{
    const auto dir = scratch_dir("cli_coverage_lang");
    // The English words of each assumption line, and the opening of the same line in es and pt.
    const std::vector<std::tuple<std::string, std::string, std::string>> lines{
        {"Status: dumps with status", "Estado: los botaderos con estado", "Situação: os lixões com situação"},
        {"Tonnage of the ", "Tonelaje de los ", "Tonelagem dos "},
        {"Within reach: an existing", "Al alcance: un relleno sanitario", "Ao alcance: um aterro sanitário"},
        {"Methane: IPCC 2006", "Metano: descomposición de primer orden", "Metano: decaimento de primeira ordem"},
        {"Readiness: 1 - haul", "Preparación: 1 - recorrido", "Prontidão: 1 - percurso"},
        {"Weights: ", "Pesos: ", "Pesos: "}};
    std::string en_out, es_out, pt_out;
    for (const auto& [lang, out] : {std::pair<std::string, std::string*>{"en", &en_out}, {"es", &es_out}, {"pt", &pt_out}}) {
        for (const auto& extra : {std::vector<std::string>{"coverage", "--lang", lang},
                                  std::vector<std::string>{"prioritize", "--lang", lang, "-o", (dir / "r.csv").string()},
                                  std::vector<std::string>{"methane", "--lang", lang}}) {
            const auto r = run_cli(args(extra[0], {extra.begin() + 1, extra.end()}));
            INFO(extra[0] << " " << lang << "\n" << r.err);
            REQUIRE(r.exit_code == 0);
            *out += r.out;
        }
    }
    for (const auto& [en, es, pt] : lines) {
        CHECK_THAT(en_out, Contains(en));
        CHECK_THAT(es_out, Contains(es) && !Contains(en));
        CHECK_THAT(pt_out, Contains(pt) && !Contains(en));
    }
}
