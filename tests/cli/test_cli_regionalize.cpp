// basural regionalize end to end on tests/data/regionalize_sites.csv (see tests/data/README.md):
// BRA-A (100 t/day) and BRA-B (10 t/day) are 30 km apart (GeodSolve), so within a 50 km haul they share
// one facility at BRA-A (10 x 30 = 300 t-km/day against 100 x 30 at BRA-B); BRA-F (5 t/day) is alone;
// URY-C (40 t/day) and URY-U (unknown tonnage -> URY's median, 40) are 21.4 km apart.
#include "cli/run_cli.hpp"

#include "basural/planning/plan.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;

namespace {
std::vector<std::string> args(const std::string& out, std::vector<std::string> extra)
{
    std::vector<std::string> a{"regionalize", fixture("regionalize_sites.csv"), "--countries",
                               fixture("countries_fixture.geojson"), "--no-waste-estimate", "-o", out};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}
}  // namespace

TEST_CASE("regionalize --help lists the options and exits 0", "[cli][regionalize]")
{
    const auto r = run_cli({"regionalize", "--help"});
    CHECK(r.exit_code == 0);
    for (const char* opt : {"--max-haul-km", "--min-t-per-day", "--capacity-t-per-day", "--reuse-existing",
                            "--per-admin1", "--matrix", "--detour-factor", "--cost-a", "--cost-b",
                            "--haul-cost-per-t-km", "--country", "--cross-border", "--format", "--output"})
        CHECK(r.out.find(opt) != std::string::npos);
}

TEST_CASE("regionalize writes a plan that reads back, and says what was rejected", "[cli][regionalize]")
{
    const auto dir = scratch_dir("regionalize_plan");
    const auto out = (dir / "plan.gpkg").string();
    const auto r = run_cli(args(out, {"--format", "json"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("1 of 7 records were rejected") != std::string::npos);
    const auto plan = basural::read_plan(out);
    REQUIRE(plan.facilities.size() == 3);
    CHECK(plan.facilities[0].facility_id == "BRA-F001");
    CHECK(plan.facilities[0].site_id == "BRA-A");
    CHECK(plan.facilities[0].sites_served == 2);
    CHECK(plan.facilities[0].municipality_codes == std::vector<std::string>{"5200001", "5300108"});
    CHECK(plan.facilities[1].site_id == "BRA-F");
    CHECK(plan.facilities[2].facility_id == "URY-F001");
    CHECK(plan.facilities[2].site_id == "URY-C");  // equal cost 40 x 21.4 either way: the first by site_id
    CHECK_THAT(plan.facilities[2].waste_t_per_day, Catch::Matchers::WithinAbs(80.0, 1e-9));
    CHECK(plan.assignments.size() == 5);  // BRA-X is closed: not demand
    CHECK(plan.unserved.empty());
    CHECK(plan.catchments.size() == 3);
    CHECK(plan.parameters.at("inventory_rejected_not_planned") == "1");
    CHECK(plan.parameters.at("demand_sites_waste_country_median") == "1");
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["countries"].size() == 3);  // BRA, URY, total
    CHECK(j["countries"][0]["country"] == "BRA");
    CHECK(j["countries"][0]["facilities_proposed"] == 2);
    CHECK(j["countries"][2]["country"] == "total");
    CHECK(j["countries"][2]["demand_sites"] == 5);
    // URY-U's tonnage is URY's median (40 t/day), so estimated: labelled in the plan and the summary.
    CHECK(j["countries"][0]["share_waste_estimated"] == 0.0);                                  // BRA: observed
    CHECK(j["countries"][1]["share_waste_estimated"] == 0.5);                                  // URY: 40 of 80
    CHECK_THAT(j["countries"][2]["share_waste_estimated"].get<double>(),
               Catch::Matchers::WithinAbs(40.0 / 195.0, 1e-12));
    const auto ury_u = std::find_if(plan.assignments.begin(), plan.assignments.end(),
                                    [](const auto& a) { return a.site_id == "URY-U"; });
    REQUIRE(ury_u != plan.assignments.end());
    CHECK(ury_u->waste_provenance == basural::Provenance::estimated);
    CHECK(ury_u->location_precision == basural::LocationPrecision::surveyed);
    CHECK(plan.facilities[2].waste_t_per_day_estimated == 40.0);
    CHECK(plan.summary[1].waste_t_per_day_estimated == 40.0);
}

TEST_CASE("regionalize's plan line in the reader's language, each count in its plural form", "[cli][regionalize][lang]")
{
    // The plan of the test above: 3 facilities, 5 dumps assigned, none unserved, no landfill in the fixture.
    const auto dir = scratch_dir("regionalize_lang");
    const auto out = (dir / "plan.gpkg").string();
    const auto line = [&](const std::string& lang) {
        const auto r = run_cli(args(out, {"--lang", lang}));
        REQUIRE(r.exit_code == 0);
        return r.out.substr(0, r.out.find("\n", r.out.find("\n") + 1) + 1);  // the plan line and the next
    };
    CHECK(line("en") == "Plan written to " + out + ": 3 facilities, 5 sites assigned, 0 unserved, 0 existing "
                                                   "landfills not used.\nAssumptions:\n");
    CHECK(line("es") == "Plan escrito en " + out + ": 3 instalaciones, 5 sitios asignados, 0 sin atender, 0 rellenos "
                                                   "sanitarios existentes sin usar.\nSupuestos:\n");
    CHECK(line("pt") == "Plano gravado em " + out + ": 3 instalações, 5 locais alocados, 0 não atendido, 0 aterro "
                                                    "sanitário existente não utilizado.\nPremissas:\n");  // CLDR pt: 0 is singular
}

TEST_CASE("regionalize with a minimum throughput leaves the small isolated dump unserved", "[cli][regionalize]")
{
    const auto dir = scratch_dir("regionalize_min");
    const auto out = (dir / "plan.gpkg").string();
    const auto r = run_cli(args(out, {"--min-t-per-day", "20", "--country", "BRA", "--max-haul-km", "20"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("BRA") != std::string::npos);
    // URY-U's unknown tonnage is not counted: URY is not planned
    const auto printed = basural::test::unwrapped(r.out);
    CHECK(printed.find("Tonnage of the demand sites: 3 given, 0 estimated from places and country rates, 0 their "
                   "country's median, 0 unknown") != std::string::npos);
    CHECK(printed.find("Facilities: minimum throughput 20 t/day, capacity unlimited.") != std::string::npos);
    const auto plan = basural::read_plan(out);
    // 20 km: BRA-A and BRA-B (30 km) are apart; BRA-B (10) and BRA-F (5) fall below 20 t/day.
    REQUIRE(plan.facilities.size() == 1);
    CHECK(plan.facilities[0].site_id == "BRA-A");
    REQUIRE(plan.unserved.size() == 2);
    CHECK(plan.unserved[0].site_id == "BRA-B");
    CHECK(plan.unserved[0].reason == "below_min_throughput");
    CHECK(plan.unserved[1].site_id == "BRA-F");
}

TEST_CASE("regionalize refuses bad options with exit code 2", "[cli][regionalize]")
{
    const auto dir = scratch_dir("regionalize_bad");
    const auto out = (dir / "plan.gpkg").string();
    auto r = run_cli(args(out, {"--max-haul-km", "-5"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("max haul") != std::string::npos);
    r = run_cli({"regionalize", fixture("regionalize_sites.csv")});
    CHECK(r.exit_code == 2);  // -o is required
    r = run_cli(args(out, {"--country", "ZZZ"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("ZZZ") != std::string::npos);
    r = run_cli(args(out, {"--threads", "100000"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--threads") != std::string::npos);
    r = run_cli(args(out, {"--matrix", fixture("no_such_matrix.csv")}));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no_such_matrix.csv") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
}
