// Registers as analysts receive them, through import -> regionalize -> coverage -> prioritize ->
// methane -> map -> progress (tests/data/byo/, README there): no status column; no tonnage; a city
// with no site of its own; and, with nothing to estimate tonnage from, the commands whose result
// would be empty or unknown exit 1 with the reason. Positions: GeographicLib's GeodSolve from D1
// (lat -31.42, lon -64.19): D2 8 km east, D3 12 km north, L1 25 km south, D4 150 km west;
// D2-D3 14.4222 km, D2-L1 26.2488 km, D3-L1 37 km. Places: Pueblo Centro 20,000 1.5 km east of D1,
// Pueblo Este 5,000 1 km east of D2, Pueblo Norte 2,000 1 km north of D3, Salsacate 1,000 1 km north
// of D4, Pueblo Sur 30,000 2 km south of L1; places_city.csv adds Ciudad Grande, 1,000,000, 20 km east
// of D2. Country rates (country_waste.csv): ARG 1.0 kg/person/day, 90% collected; places_sin_salsacate.csv
// leaves D4's town out, and country_waste_chica.csv / _agotada.csv give Argentina 60,000 / 50,000 people
// (54 / 45 t/day collected) for the budget of the country median.
#include "cli/run_cli.hpp"

#include "basural/geo/table.hpp"
#include "basural/planning/plan.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using basural::test::slurp;
using basural::test::unwrapped;
using Catch::Contains;
using nlohmann::json;

namespace {

std::string byo(const std::string& name) { return fixture("byo/" + name); }

/// The options every analysis command gets: the fixture places and country rates.
std::vector<std::string> with_waste(std::vector<std::string> args, const std::string& places = "places.csv",
                                    const std::string& rates = "country_waste.csv")
{
    args.insert(args.end(), {"--places", byo(places), "--country-waste", byo(rates)});
    return args;
}

const json& country_row(const json& rows, const std::string& iso3)
{
    for (const auto& r : rows)
        if (r["country"] == iso3)
            return r;
    FAIL("no row " << iso3);
    throw;
}

/// The rows of a CSV with a header, by the value of `key`.
std::map<std::string, std::map<std::string, std::string>> csv_rows(const std::string& text, const std::string& key)
{
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    auto split = [](const std::string& l) {  // RFC 4180 cells on one line: "a, b" and "" inside quotes
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (std::size_t k = 0; k < l.size(); ++k) {
            const char ch = l[k];
            if (quoted && ch == '"' && k + 1 < l.size() && l[k + 1] == '"')
                cells.back() += l[++k];
            else if (ch == '"')
                quoted = !quoted;
            else if (ch == ',' && !quoted)
                cells.emplace_back();
            else
                cells.back() += ch;
        }
        return cells;
    };
    const auto header = split(line);
    std::map<std::string, std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto cells = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k)
            row[header[k]] = cells[k];
        rows[row[key]] = row;
    }
    return rows;
}

}  // namespace

TEST_CASE("a register without a status column plans, covers, ranks and maps its dumps", "[cli][byo]")
{
    const auto dir = scratch_dir("byo_no_status");
    const auto sites = (dir / "sites.gpkg").string(), plan = (dir / "plan.gpkg").string();
    const auto ranking = (dir / "ranking.csv").string();
    auto r = run_cli({"import", byo("registro_sin_estado.csv"), "--map", byo("registro_sin_estado.json"), "-o", sites});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.out), Contains("records read 6 = loaded 6 + rejected 0"));

    // regionalize: the four dumps (status unknown, so receiving) are demand; the transfer station
    // (by its name) is not. D1-D3 share one facility at D1 (30 x 8 + 10 x 12 = 360 t-km/day against
    // 120 x 8 + 10 x 14.4 at D2); D4 is alone. L1 is within reach but not chosen.
    r = run_cli(with_waste({"regionalize", sites, "-o", plan, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.err), Contains("status is unknown for all 6 sites") && Contains("--default status=active"));
    const auto summary = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(summary["demand_sites"] == 4);
    CHECK(summary["sites_served"] == 4);
    CHECK(summary["facilities_proposed"] == 2);
    CHECK(summary["weighting"] == "t_per_day");
    CHECK(summary["waste_t_per_day"].get<double>() == Approx(175.0));
    CHECK(summary["mean_haul_km"].get<double>() == Approx(360.0 / 175.0).epsilon(1e-6));
    const auto p = basural::read_plan(plan);
    CHECK(p.parameters.at("demand_sites_status_unknown") == "4");
    CHECK(p.parameters.at("demand_sites_waste_given") == "4");
    REQUIRE(p.unused_landfills.size() == 1);
    CHECK(p.unused_landfills[0].site_id == "CBA-005");
    CHECK(p.unused_landfills[0].reason == "not_chosen");
    CHECK(p.unused_landfills[0].nearest_dump_haul_km.value() == Approx(25.0).epsilon(1e-6));

    // coverage with the plan
    r = run_cli(with_waste({"coverage", sites, "--plan", plan, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    const auto c = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(c["other"] == 1);  // the transfer station
    CHECK(c["inadequate_active_sites"] == 4);
    CHECK(c["inadequate_sites_status_unknown"] == 4);
    CHECK(c["inadequate_waste_t_per_day"].get<double>() == Approx(175.0));
    CHECK(c["inadequate_sites_near_landfill"] == 3);  // L1 at 25, 26.2 and 37 km; not D4
    CHECK(c["inadequate_waste_near_landfill_t_per_day"].get<double>() == Approx(160.0));
    CHECK(c["plan_waste_served_t_per_day"].get<double>() == Approx(175.0));
    CHECK(c["ch4_t_per_year"].get<double>() > 0.0);

    // prioritize: D1 first: waste 0.25 + methane 0.15 + people 0.25 (all three the largest) +
    // readiness 0.1 x (1 - 25/50) = 0.70; every site needs the proposed facility, none is ready by it.
    r = run_cli(with_waste({"prioritize", sites, "--plan", plan, "-o", ranking, "--format", "csv"}));
    REQUIRE(r.exit_code == 0);
    const auto ranked = csv_rows(slurp(ranking), "site_id");
    REQUIRE(ranked.size() == 4);
    CHECK(ranked.at("CBA-001").at("rank") == "1");
    CHECK(ranked.at("CBA-001").at("total_score") == "0.7000");
    CHECK(ranked.at("CBA-001").at("status") == "unknown");
    CHECK(ranked.at("CBA-002").at("proposed_facility") == "ARG-F001");
    CHECK(ranked.at("CBA-002").at("proposed_facility_haul_km") == "8.00");
    CHECK(ranked.at("CBA-002").at("readiness_facility") == "CBA-005");

    // methane: every dump and the landfill have a tonnage; the transfer station is not a disposal site
    r = run_cli(with_waste({"methane", sites, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    const auto m = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(m["sites_unknown"] == 1);
    CHECK(m["ch4_t_per_year"].get<double>() > 0.0);

    // map reads the plan and prioritize's own ranking
    const auto png = (dir / "arg.png").string();
    r = run_cli({"map", sites, "--country", "ARG", "--plan", plan, "--ranking", ranking, "--color-by", "priority",
                 "-o", png});
    CHECK(r.exit_code == 0);
    CHECK(std::filesystem::file_size(png) > 1000);

    // progress: in 2025 D3 is a sanitary landfill: its given 10 t/day no longer go to a dump
    const auto later = (dir / "sites_2025.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_sin_estado_2025.csv"), "--map", byo("registro_sin_estado.json"), "-o",
                     later})
                .exit_code == 0);
    r = run_cli(with_waste({"progress", sites, later, "--format", "csv"}));
    REQUIRE(r.exit_code == 0);
    const auto progress = csv_rows(r.out, "country").at("ARG");
    CHECK(progress.at("reclassified") == "1");
    CHECK(progress.at("no_longer_inadequate_sites") == "1");
    CHECK(progress.at("waste_no_longer_inadequate_t_per_day") == "10.0");
}

TEST_CASE("a register without tonnage gets it from the places each dump serves", "[cli][byo]")
{
    const auto dir = scratch_dir("byo_no_tonnage");
    const auto sites = (dir / "sites.gpkg").string(), plan = (dir / "plan.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_sin_toneladas.csv"), "--map", byo("registro_sin_toneladas.json"), "-o",
                     sites})
                .exit_code == 0);
    // D3 is closed: Pueblo Norte goes to D1 (13 km) instead. At 1.0 kg x 90%: D1 (20,000 + 2,000)
    // -> 19.8 t/day, D2 5,000 -> 4.5, D4 (status unknown: receiving) 1,000 -> 0.9; L1 30,000 -> 27.
    auto r = run_cli(with_waste({"regionalize", sites, "-o", plan, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.err), Contains("waste_t_per_day is unknown for all 6 sites"));
    const auto s = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(s["demand_sites"] == 3);
    CHECK(s["waste_t_per_day"].get<double>() == Approx(25.2).epsilon(1e-9));
    CHECK(s["share_waste_estimated"] == 1.0);
    // D1 and D2 share D1's facility: 4.5 t/day x 8 km over 25.2 t/day
    CHECK(s["mean_haul_km"].get<double>() == Approx(36.0 / 25.2).epsilon(1e-6));
    const auto p = basural::read_plan(plan);
    CHECK(p.parameters.at("demand_sites_waste_from_places") == "3");
    CHECK(p.parameters.at("demand_sites_status_unknown") == "1");

    r = run_cli(with_waste({"coverage", sites, "--plan", plan, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    const auto c = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(c["inadequate_active_sites"] == 3);
    CHECK(c["inadequate_sites_waste_estimated"] == 3);
    CHECK(c["inadequate_waste_t_per_day"].get<double>() == Approx(25.2).epsilon(1e-9));

    // the same t/day in prioritize and methane's per-site table as in the plan (one rule)
    const auto ranking = (dir / "ranking.csv").string(), per_site = (dir / "methane.csv").string();
    REQUIRE(run_cli(with_waste({"prioritize", sites, "-o", ranking})).exit_code == 0);
    CHECK(csv_rows(slurp(ranking), "site_id").at("CBA-001").at("waste_t_per_day") == "19.80");
    REQUIRE(run_cli(with_waste({"methane", sites, "-o", per_site})).exit_code == 0);
    CHECK(csv_rows(slurp(per_site), "site_id").at("CBA-004").at("waste_t_per_day") == "0.900");

    // progress: in 2025 D2 is closed; its old tonnage is filled by the same rule (4.5 t/day, an estimate)
    const auto later = (dir / "sites_2025.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_sin_toneladas_2025.csv"), "--map", byo("registro_sin_toneladas.json"),
                     "-o", later})
                .exit_code == 0);
    r = run_cli(with_waste({"progress", sites, later, "--format", "csv"}));
    REQUIRE(r.exit_code == 0);
    const auto progress = csv_rows(r.out, "country").at("ARG");
    CHECK(progress.at("closed") == "1");
    CHECK(progress.at("waste_no_longer_inadequate_t_per_day") == "4.5");
    CHECK(progress.at("waste_estimated_sites") == "1");
}

TEST_CASE("the country median fills no more than the country collects", "[cli][byo][fallback]")
{
    // The register without tonnage, with Salsacate left out of the places: D4 (status unknown, so
    // receiving) serves no one and takes the country's median, of D1 (19.8) and D2 (4.5): 12.15 t/day.
    // country_waste_chica.csv gives Argentina 60,000 people at 1.0 kg and 90% collected: 54 t/day,
    // of which D1, D2 and L1 (27) already carry 51.3: room 2.7 t/day, so D4 takes 2.7.
    // country_waste_agotada.csv gives 50,000 people: 45 t/day, no room: D4's tonnage stays unknown.
    const auto dir = scratch_dir("byo_fallback_budget");
    const auto sites = (dir / "sites.gpkg").string(), plan = (dir / "plan.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_sin_toneladas.csv"), "--map", byo("registro_sin_toneladas.json"), "-o",
                     sites})
                .exit_code == 0);
    auto r = run_cli(with_waste({"regionalize", sites, "-o", plan, "--format", "json"}, "places_sin_salsacate.csv",
                                "country_waste_chica.csv"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.err), Contains("1 dump takes less than its country's median tonnage"));
    auto p = basural::read_plan(plan);
    CHECK(p.parameters.at("demand_sites_waste_country_median") == "1");
    CHECK(p.parameters.at("demand_sites_waste_country_median_scaled") == "1");
    CHECK(country_row(json::parse(r.out)["countries"], "ARG")["waste_t_per_day"].get<double>() ==
          Approx(19.8 + 4.5 + 2.7).epsilon(1e-9));
    const auto per_site = (dir / "methane.csv").string();
    REQUIRE(run_cli(with_waste({"methane", sites, "-o", per_site}, "places_sin_salsacate.csv", "country_waste_chica.csv"))
                .exit_code == 0);
    CHECK(csv_rows(slurp(per_site), "site_id").at("CBA-004").at("waste_t_per_day") == "2.700");

    r = run_cli(with_waste({"regionalize", sites, "-o", plan}, "places_sin_salsacate.csv", "country_waste_agotada.csv"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.err), Contains("1 dump without a place of its own keeps an unknown tonnage"));
    CHECK_THAT(unwrapped(r.out), Contains("(1 with no room left in the country's waste budget)") &&
                                     Contains("site_count in ARG"));
    p = basural::read_plan(plan);
    CHECK(p.parameters.at("demand_sites_waste_unknown_no_room") == "1");
    r = run_cli(with_waste({"coverage", sites, "--format", "json"}, "places_sin_salsacate.csv",
                           "country_waste_agotada.csv"));
    REQUIRE(r.exit_code == 0);
    const auto c = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(c["inadequate_sites_waste_unknown"] == 1);
    CHECK(c["inadequate_waste_t_per_day"].get<double>() == Approx(19.8 + 4.5).epsilon(1e-9));
}

TEST_CASE("a city with no site of its own: the estimate that takes it in is flagged everywhere", "[cli][byo]")
{
    const auto dir = scratch_dir("byo_city");
    const auto sites = (dir / "sites.gpkg").string(), plan = (dir / "plan.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_ciudad_sin_sitio.csv"), "--field", "site_id=CLAVE", "--field",
                     "name=NOMBRE", "--field", "site_type=TIPODISP", "--field", "lat=LATITUD", "--field",
                     "lon=LONGITUD", "--default", "country=ARG", "-o", sites})
                .exit_code == 0);
    // Ciudad Grande's 1,000,000 people go to D2, 20 km away: (1,000,000 + 5,000) x 0.9 / 1000 = 904.5
    // t/day, above what the country's largest city collects (1,000,000 x 0.9 / 1000 = 900).
    auto r = run_cli(with_waste({"regionalize", sites, "-o", plan}, "places_city.csv"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.err), Contains("1 estimated tonnage is implausible") && Contains("CBA-002") && Contains("904"));
    CHECK_THAT(unwrapped(r.out), Contains("Implausible estimates: 1 demand site carries 904.5 t/day"));
    const auto p = basural::read_plan(plan);
    const auto d2 = std::find_if(p.assignments.begin(), p.assignments.end(), [](const auto& a) { return a.site_id == "CBA-002"; });
    REQUIRE(d2 != p.assignments.end());
    CHECK(d2->waste_implausible);
    // by t/day the facility goes to D2 itself; its load rests mostly on the implausible estimate
    const auto f = std::find_if(p.facilities.begin(), p.facilities.end(), [](const auto& x) { return x.site_id == "CBA-002"; });
    REQUIRE(f != p.facilities.end());
    CHECK(f->waste_t_per_day_implausible == Approx(904.5).epsilon(1e-9));
    CHECK(p.summary[0].demand_sites_waste_implausible == 1);

    r = run_cli(with_waste({"coverage", sites, "--plan", plan, "--format", "json"}, "places_city.csv"));
    REQUIRE(r.exit_code == 0);
    const auto c = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(c["inadequate_sites_waste_implausible"] == 1);
    CHECK(c["inadequate_waste_implausible_t_per_day"].get<double>() == Approx(904.5).epsilon(1e-9));

    const auto ranking = (dir / "ranking.csv").string(), per_site = (dir / "methane.csv").string();
    REQUIRE(run_cli(with_waste({"prioritize", sites, "--plan", plan, "-o", ranking}, "places_city.csv")).exit_code == 0);
    CHECK(csv_rows(slurp(ranking), "site_id").at("CBA-002").at("waste_implausible") == "yes");
    CHECK(csv_rows(slurp(ranking), "site_id").at("CBA-001").at("waste_implausible") == "no");
    REQUIRE(run_cli(with_waste({"methane", sites, "-o", per_site}, "places_city.csv")).exit_code == 0);
    CHECK(csv_rows(slurp(per_site), "site_id").at("CBA-002").at("waste_implausible") == "yes");
    CHECK(run_cli({"map", sites, "--country", "ARG", "--plan", plan, "--ranking", ranking, "-o",
                   (dir / "arg.svg").string()})
              .exit_code == 0);
}

TEST_CASE("with nothing to estimate tonnage from, results that would be empty exit 1 and say why", "[cli][byo]")
{
    const auto dir = scratch_dir("byo_nothing");
    const auto sites = (dir / "sites.gpkg").string(), plan = (dir / "plan.gpkg").string();
    const std::vector<std::string> fields{"--field", "site_id=CLAVE", "--field", "name=NOMBRE", "--field",
                                          "site_type=TIPODISP", "--field", "lat=LATITUD", "--field", "lon=LONGITUD",
                                          "--default", "country=ARG"};
    auto import_args = std::vector<std::string>{"import", byo("registro_ciudad_sin_sitio.csv")};
    import_args.insert(import_args.end(), fields.begin(), fields.end());
    import_args.insert(import_args.end(), {"-o", sites});
    REQUIRE(run_cli(import_args).exit_code == 0);
    auto none = [](std::vector<std::string> args) { return with_waste(std::move(args), "places_none.csv", "country_waste_none.csv"); };

    // regionalize plans by site count and says so: D1 serves D2 and D3 (8 + 12 = 20 site-km)
    auto r = run_cli(none({"regionalize", sites, "-o", plan, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.err), Contains("tonnage could not be estimated for 5 of 5 receiving sites"));
    const auto s = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(s["weighting"] == "site_count");
    CHECK(s["waste_t_per_day"].is_null());  // unknown, not 0
    CHECK(s["mean_haul_km"].get<double>() == Approx(5.0).epsilon(1e-6));  // (0 + 8 + 12 + 0) / 4 sites
    CHECK(basural::read_plan(plan).parameters.at("weighting") == "site_count in ARG; t_per_day elsewhere");
    r = run_cli(none({"regionalize", sites, "-o", plan}));
    CHECK_THAT(unwrapped(r.out), Contains("Weighting: by site count"));

    r = run_cli(none({"coverage", sites}));
    CHECK(r.exit_code == 1);
    CHECK_THAT(unwrapped(r.err), Contains("no result: the tonnage of every receiving dump is unknown") && Contains("--places"));
    r = run_cli(none({"methane", sites}));
    CHECK(r.exit_code == 1);
    CHECK_THAT(unwrapped(r.err), Contains("the methane of every site is unknown") && Contains("waste_t_per_day is unknown"));
    // prioritize still ranks: readiness to L1 is known (D1: 1 - 25/50), the unknowns are listed
    const auto ranking = (dir / "ranking.csv").string();
    r = run_cli(none({"prioritize", sites, "-o", ranking}));
    REQUIRE(r.exit_code == 0);
    CHECK(csv_rows(slurp(ranking), "site_id").at("CBA-001").at("total_score") == "0.0500");
    CHECK_THAT(csv_rows(slurp(ranking), "site_id").at("CBA-001").at("unknown_criteria"), Contains("waste;methane"));

    const auto later = (dir / "sites_2025.gpkg").string();
    import_args[1] = byo("registro_ciudad_sin_sitio_2025.csv");
    import_args.back() = later;
    REQUIRE(run_cli(import_args).exit_code == 0);
    r = run_cli(none({"progress", sites, later}));
    CHECK(r.exit_code == 1);
    CHECK_THAT(unwrapped(r.err), Contains("no result: the tonnage of all 1 sites no longer inadequate is unknown"));

    SECTION("a register of transfer stations and sorting plants has no dump: coverage and prioritize exit 1")
    {
        const auto plants = (dir / "plants.gpkg").string();
        REQUIRE(run_cli({"import", byo("registro_solo_transferencias.csv"), "--map", byo("registro_sin_toneladas.json"),
                         "-o", plants})
                    .exit_code == 0);
        r = run_cli(with_waste({"coverage", plants}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(unwrapped(r.err), Contains("no open or controlled dump receives waste among the 2 sites (2 of type other"));
        r = run_cli(with_waste({"prioritize", plants, "-o", (dir / "none.csv").string()}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(unwrapped(r.err), Contains("no ranking: no open or controlled dump receives waste"));
        CHECK_FALSE(std::filesystem::exists(dir / "none.csv"));
    }
}

TEST_CASE("outputs read each other: plan, ranking, methane table and import output", "[cli][byo][round_trip]")
{
    const auto dir = scratch_dir("byo_round_trip");
    const auto sites = (dir / "sites.gpkg").string(), again = (dir / "again.gpkg").string();
    const auto plan = (dir / "plan.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_sin_estado.csv"), "--map", byo("registro_sin_estado.json"), "-o", sites})
                .exit_code == 0);
    // import's output is an inventory in the schema: imported again without a mapping, the same sites
    auto r = run_cli({"import", sites, "-o", again});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.out), Contains("records read 6 = loaded 6 + rejected 0"));

    REQUIRE(run_cli(with_waste({"regionalize", again, "-o", plan})).exit_code == 0);
    const auto written = basural::read_plan(plan);
    std::set<std::string> proposed;
    for (const auto& f : written.facilities)
        if (!f.existing)
            proposed.insert(f.facility_id);
    REQUIRE_FALSE(proposed.empty());

    // the plan read by coverage: the same facilities and served sites as the plan's own layers
    r = run_cli(with_waste({"coverage", again, "--plan", plan, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    const auto covered = country_row(json::parse(r.out)["countries"], "ARG");
    CHECK(covered["plan_facilities_proposed"] == proposed.size());
    CHECK(covered["plan_sites_served"] == written.assignments.size());

    // the plan read by prioritize: every proposed facility a dump waits for is one of the plan's
    const auto ranked_csv = (dir / "ranked.csv").string();
    REQUIRE(run_cli(with_waste({"prioritize", again, "--plan", plan, "-o", ranked_csv})).exit_code == 0);
    std::size_t waiting = 0;
    for (const auto& [id, row] : csv_rows(slurp(ranked_csv), "site_id"))
        if (!row.at("proposed_facility").empty()) {
            INFO(id);
            CHECK(proposed.count(row.at("proposed_facility")) == 1);
            ++waiting;
        }
    CHECK(waiting > 0);

    // the plan read by report: every facility of the plan is in the country report
    const auto html = (dir / "report.html").string();
    r = run_cli(with_waste({"report", again, "--country", "ARG", "--plan", plan, "-o", html}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string page = slurp(html);
    for (const auto& f : written.facilities) {
        INFO(f.facility_id);
        CHECK(page.find(f.facility_id) != std::string::npos);
    }

    // the ranking as CSV and as GeoPackage both feed map --ranking
    for (const char* name : {"ranking.csv", "ranking.gpkg"}) {
        INFO(name);
        const auto ranking = (dir / name).string();
        REQUIRE(run_cli(with_waste({"prioritize", again, "--plan", plan, "-o", ranking})).exit_code == 0);
        r = run_cli({"map", again, "--country", "ARG", "--plan", plan, "--ranking", ranking, "--color-by", "priority",
                     "-o", (dir / "map.svg").string()});
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("score") == std::string::npos);
    }
    // the methane table read back: per-site CH4 adds up to the country total printed
    const auto per_site = (dir / "methane.csv").string();
    r = run_cli(with_waste({"methane", again, "-o", per_site, "--format", "json"}));
    REQUIRE(r.exit_code == 0);
    const auto table = basural::read_table(per_site);
    const auto ch4 = table.require_column("ch4_t_per_year");
    double sum = 0.0;
    for (std::size_t k = 0; k < table.size(); ++k)
        if (!table.text(k, ch4).empty())
            sum += table.number(k, ch4);
    CHECK(table.size() == 6);
    CHECK(sum == Approx(country_row(json::parse(r.out)["countries"], "ARG")["ch4_t_per_year"].get<double>()).epsilon(1e-6));
}

TEST_CASE("a plan or a matrix that names no site of the inventory is refused", "[cli][byo][plan]")
{
    const auto dir = scratch_dir("byo_foreign");
    const auto sites = (dir / "sites.gpkg").string(), other = (dir / "other.gpkg").string();
    const auto plan = (dir / "plan.gpkg").string();
    REQUIRE(run_cli({"import", byo("registro_sin_estado.csv"), "--map", byo("registro_sin_estado.json"), "-o", sites})
                .exit_code == 0);
    REQUIRE(run_cli({"import", byo("registro_sin_toneladas.csv"), "--map", byo("registro_sin_toneladas.json"), "-o",
                     other})
                .exit_code == 0);
    // a plan of the shipped inventory drawn over this register: refused, as coverage and prioritize do
    REQUIRE(run_cli({"regionalize", "--country", "URY", "-o", plan}).exit_code == 0);
    auto r = run_cli({"map", sites, "--country", "ARG", "--plan", plan, "-o", (dir / "map.png").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(unwrapped(r.err), Contains("is not a site of the inventory"));
    CHECK_FALSE(std::filesystem::exists(dir / "map.png"));

    // a travel matrix whose ids are no site of the inventory
    const auto matrix = (dir / "matrix.csv").string();
    std::ofstream(matrix) << "origin_id,destination_id,cost\nX-1,X-2,5\nX-2,X-1,5\n";
    r = run_cli(with_waste({"regionalize", sites, "--matrix", matrix, "-o", (dir / "m.gpkg").string()}));
    CHECK(r.exit_code == 1);
    CHECK_THAT(unwrapped(r.err), Contains("matrix.csv") && Contains("none of its 2 pairs joins two planned sites"));
    CHECK_FALSE(std::filesystem::exists(dir / "m.gpkg"));
    // one pair of it used: the summary says how many
    std::ofstream(matrix, std::ios::app) << "CBA-002,CBA-001,9\n";
    r = run_cli(with_waste({"regionalize", sites, "--matrix", matrix, "-o", (dir / "m.gpkg").string()}));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(unwrapped(r.out), Contains("1 of its 3 pairs used, 2 name a site_id not in the inventory"));
}
