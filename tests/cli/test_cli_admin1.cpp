// Per-state figures end to end: coverage --by admin1, info --by admin1 and regionalize --per-admin1 on
// tests/data/sites_admin1.csv and places_admin1.csv with the units of admin1_fixture.geojson (see
// tests/data/README.md). Units by hand:
//   URY-02 "Canelones" (the inventory's own unit): U3 controlled dump 10 t/day
//   URY-10 "Montevideo": U1 (from its location) 100 t/day, U2 (by name) 25 t/day; Q1 1,000 people 0.5 km from U1
//   URY-11 "Maldonado": U4 sanitary landfill (from its location)
//   URY-18 "Tacuarembó": U5 open dump 40 t/day estimated (from its location)
//   unknown: U6 open dump 15 t/day (72 km from any unit); Q2 300 people 1.1 km from U6
// Uruguay: 6 sites, 5 inadequate active, 190 t/day; 1,000 people within 1 km, 1,300 within 2 and 5 km.
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using Catch::Contains;
using nlohmann::json;

namespace {

std::vector<std::string> args(const std::string& command, std::vector<std::string> extra)
{
    std::vector<std::string> a{command,
                               fixture("sites_admin1.csv"),
                               "--countries",
                               fixture("countries_fixture.geojson"),
                               "--admin1-boundaries",
                               fixture("admin1_fixture.geojson")};
    if (command != "info" && command != "regionalize")
        a.insert(a.end(), {"--places", fixture("places_admin1.csv"), "--country-waste", fixture("coverage_country_waste.csv")});
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

json run_json(const std::vector<std::string>& a)
{
    const auto r = run_cli(a);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

const json& row(const json& rows, const std::string& iso3, const std::string& admin1)
{
    for (const auto& r : rows)
        if (r["country"] == iso3 && (!r.contains("admin1") || r["admin1"] == admin1))
            return r;
    FAIL("no row " << iso3 << " " << admin1);
    throw;
}

}  // namespace

TEST_CASE("coverage --by admin1: one row per state, the states adding up to the country", "[cli][admin1]")
{
    const json by_state = run_json(args("coverage", {"--by", "admin1", "--format", "json"}))["admin1"];
    std::vector<std::string> order;
    for (const auto& r : by_state)
        order.push_back(r["country"].get<std::string>() + ":" + r["admin1"].get<std::string>());
    CHECK(order == std::vector<std::string>{"URY:URY-02", "URY:URY-10", "URY:URY-11", "URY:URY-18", "URY:unknown",
                                            "URY:all", "LAC:"});
    CHECK(row(by_state, "URY", "URY-10")["admin1_name"] == "Montevideo");
    CHECK(row(by_state, "URY", "URY-02")["admin1_name"] == "Canelones");
    CHECK(row(by_state, "URY", "URY-18")["admin1_name"] == "Tacuarembó");
    CHECK(row(by_state, "URY", "unknown")["admin1_name"] == "");
    CHECK(row(by_state, "URY", "URY-10")["inadequate_active_sites"] == 2);
    CHECK(row(by_state, "URY", "URY-10")["inadequate_waste_t_per_day"] == 125.0);
    CHECK(row(by_state, "URY", "URY-11")["active_sanitary_landfills"] == 1);
    CHECK(row(by_state, "URY", "URY-18")["inadequate_sites_waste_estimated"] == 1);
    CHECK(row(by_state, "URY", "unknown")["inadequate_waste_t_per_day"] == 15.0);
    CHECK(row(by_state, "URY", "URY-10")["population_within_1km"] == 1000);
    CHECK(row(by_state, "URY", "unknown")["population_within_2km"] == 300);

    // Per-state totals equal the country total, which equals the row of coverage without --by.
    const json by_country = run_json(args("coverage", {"--format", "json"}))["countries"];
    const json& ury = row(by_country, "URY", "");
    CHECK(ury["sites"] == 6);
    CHECK(ury["inadequate_waste_t_per_day"] == 190.0);
    for (const char* column : {"sites", "open_dump", "controlled_dump", "sanitary_landfill", "active",
                               "inadequate_active_sites", "inadequate_sites_waste_estimated",
                               "inadequate_waste_t_per_day", "population_within_1km", "population_within_2km",
                               "population_within_5km", "ch4_t_per_year", "co2e_t_per_year", "methane_sites_unknown"}) {
        INFO(column);
        double states = 0.0;
        for (const auto& r : by_state)
            if (r["country"] == "URY" && r["admin1"] != "all")
                states += r[column].is_null() ? 0.0 : r[column].get<double>();
        CHECK(states == Approx(ury[column].is_null() ? 0.0 : ury[column].get<double>()));
        CHECK(row(by_state, "URY", "all")[column] == ury[column]);
        CHECK(row(by_state, "LAC", "")[column] == row(by_country, "LAC", "")[column]);
    }
}

TEST_CASE("info --by admin1: sites per state, and how many got their state from their location", "[cli][admin1]")
{
    const json out = run_json(args("info", {"--by", "admin1", "--format", "json"}));
    const json& units = out["admin1"];
    CHECK(row(units, "URY", "URY-10")["sites"] == 2);
    CHECK(row(units, "URY", "URY-10")["admin1_derived"] == 1);  // U1; U2 named it
    CHECK(row(units, "URY", "URY-11")["sanitary_landfill"] == 1);
    CHECK(row(units, "URY", "unknown")["sites"] == 1);
    CHECK(row(units, "URY", "all")["sites"] == 6);
    CHECK(row(units, "URY", "all")["admin1_derived"] == 3);    // U1, U4, U5
    CHECK(row(units, "LAC", "")["sites"] == 6);
    // The countries table is still there, and agrees.
    CHECK(row(out["countries"], "URY", "")["sites"] == 6);
    // Without --by the table is not printed.
    CHECK_FALSE(run_json(args("info", {"--format", "json"})).contains("admin1"));
}

TEST_CASE("regionalize --per-admin1 prints the name of each state", "[cli][admin1]")
{
    const auto dir = scratch_dir("cli_admin1_regionalize");
    const auto plan = (dir / "plan.gpkg").string();
    const auto r = run_cli(args("regionalize", {"--per-admin1", "--no-waste-estimate", "-o", plan, "--format", "csv"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Parts: URY-02 (U3), URY-10 (U1 from its location, U2 by its name), URY-18 (U5), and the sites with no
    // unit (U6) solved together as "unknown"; U4 is a landfill (a candidate, not demand).
    CHECK_THAT(r.out, Contains("country,part,part_name,weighting,demand_sites"));
    CHECK_THAT(r.out, Contains("URY,URY-02,Canelones,t_per_day,1,"));
    CHECK_THAT(r.out, Contains("URY,URY-10,Montevideo,t_per_day,2,"));
    CHECK_THAT(r.out, Contains("URY,URY-18,Tacuarembó,t_per_day,1,"));
    CHECK_THAT(r.out, Contains("URY,,unknown,t_per_day,1,"));
    const auto table = run_cli(args("regionalize", {"--per-admin1", "--no-waste-estimate", "-o", plan}));
    CHECK_THAT(table.out, Contains("State (admin-1) given to 4 of 5 sites without admin1_code: 3 from their "
                                   "location, 1 from their name"));
    // The same line in the reader's language (the message catalogue).
    const auto es = run_cli(args("regionalize", {"--per-admin1", "--no-waste-estimate", "-o", plan, "--lang", "es"}));
    CHECK_THAT(es.out, Contains("Estado (primer nivel) asignado a 4 de 5 sitios sin admin1_code: 3 por su ubicación, "
                                "1 por su nombre.\nSupuestos:\n"));
    const auto pt = run_cli(args("regionalize", {"--per-admin1", "--no-waste-estimate", "-o", plan, "--lang", "pt"}));
    CHECK_THAT(pt.out, Contains("Estado (primeiro nível) atribuído a 4 de 5 locais sem admin1_code: 3 pela "
                                "localização, 1 pelo nome.\nPremissas:\n"));
    // Without --per-admin1, no part names.
    const auto plain = run_cli(args("regionalize", {"--no-waste-estimate", "-o", plan, "--format", "csv"}));
    CHECK_THAT(plain.out, Contains("country,part,weighting,demand_sites"));
}

TEST_CASE("per-state options: a bad --by, a missing layer", "[cli][admin1]")
{
    const auto bad = run_cli(args("coverage", {"--by", "municipality"}));
    CHECK(bad.exit_code == 2);
    auto a = args("coverage", {"--by", "admin1"});
    a[5] = fixture("no_such_units.geojson");
    const auto missing = run_cli(a);
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Contains("no_such_units.geojson"));
}
