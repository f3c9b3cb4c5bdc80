// Coverage per country on a hand-built inventory around Buenos Aires, sites placed at exact geodesic
// distances with geodesic_direct, and a plan written with write_plan and read back.
//
// ARG (country waste: 1.0 kg/person/day, 80 % collected)
//   L   active sanitary landfill at (-58.4, -34.6)
//   D1  active open dump, 30 km east of L, 100 t/day observed, opened 2023
//   D2  active controlled dump, 80 km east of L, 50 t/day observed
//   D3  closed open dump, 10 km north of L, 20 t/day (not inadequate-active; no closure year)
//   D4  active open dump, 40 km west of L, tonnage unknown -> estimated from P1
// BRA
//   B1  active sanitary landfill 10 km south of D2 (another country: never "within reach" of D2)
// Places (ARG): P1 10,000 people 0.9 km from D4; P2 2,000 people 0.5 km from D1;
//               P3 5,000 people 3 km north-west of L; P4 700 people 1.5 km from D2.
// Every site but D1 opens in 2024 (the reporting year), so emits nothing in 2024.
#include "basural/reports/coverage.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/planning/plan.hpp"
#include "unit/unit_data.hpp"

#include "support/builders.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace basural;

namespace {

const LonLat L_AT{-58.4, -34.6};

Site site(std::string id, std::string iso3, LonLat where, SiteType type, SiteStatus status,
          std::optional<double> waste, std::optional<int> opening = 2024)
{
    Site s = test::make_site(std::move(id), std::move(iso3), where, type, status, waste);
    s.opening_year = opening;
    return s;
}

Place place(std::string id, LonLat where, std::int64_t pop)
{
    return test::make_place(std::move(id), "ARG", where, pop);
}

struct Fixture {
    std::vector<Site> sites;
    std::vector<Place> places;
    std::vector<CountryWaste> countries;
};

Fixture fixture()
{
    Fixture f;
    const LonLat d1 = geodesic_direct(L_AT, 90.0, 30000.0);
    const LonLat d2 = geodesic_direct(L_AT, 90.0, 80000.0);
    const LonLat d4 = geodesic_direct(L_AT, 270.0, 40000.0);
    f.sites = {
        site("L", "ARG", L_AT, SiteType::sanitary_landfill, SiteStatus::active, 500.0),
        site("D1", "ARG", d1, SiteType::open_dump, SiteStatus::active, 100.0, 2023),
        site("D2", "ARG", d2, SiteType::controlled_dump, SiteStatus::active, 50.0),
        site("D3", "ARG", geodesic_direct(L_AT, 0.0, 10000.0), SiteType::open_dump, SiteStatus::closed, 20.0),
        site("D4", "ARG", d4, SiteType::open_dump, SiteStatus::active, std::nullopt),
        site("B1", "BRA", geodesic_direct(d2, 180.0, 10000.0), SiteType::sanitary_landfill, SiteStatus::active, 30.0),
    };
    f.places = {place("P1", geodesic_direct(d4, 0.0, 900.0), 10000), place("P2", geodesic_direct(d1, 0.0, 500.0), 2000),
                place("P3", geodesic_direct(L_AT, 315.0, 3000.0), 5000),
                place("P4", geodesic_direct(d2, 0.0, 1500.0), 700)};
    CountryWaste arg;
    arg.iso3 = "ARG";
    arg.msw_kg_per_capita_day = 1.0;
    arg.collection_coverage_pct = 80.0;
    f.countries = {arg};
    return f;
}

const CountryCoverage& row(const CoverageReport& r, const std::string& iso3)
{
    for (const auto& c : r.countries)
        if (c.country_iso3 == iso3)
            return c;
    FAIL("no row " << iso3);
    throw;
}

CoverageParams params()
{
    CoverageParams p;
    p.methane.reporting_year = 2024;
    return p;
}

}  // namespace

TEST_CASE("fill_waste estimates unknown tonnage and keeps observed tonnage", "[coverage]")
{
    const auto f = fixture();
    const auto w = fill_waste(f.sites, f.places, f.countries);
    // D4 serves P1: 10,000 people x 1.0 kg x 80 % / 1000 = 8 t/day
    REQUIRE(w.sites[4].waste_t_per_day.has_value());
    CHECK(*w.sites[4].waste_t_per_day == Approx(8.0).epsilon(1e-12));
    CHECK(w.sites[4].waste_provenance == Provenance::estimated);
    CHECK(*w.sites[1].waste_t_per_day == 100.0);  // observed, kept
    CHECK(w.sites[1].waste_provenance == Provenance::observed);
    CHECK(w.served_population[1] == 2000);
}

TEST_CASE("nearest landfill is sought in the site's own country only", "[coverage]")
{
    const auto f = fixture();
    const auto n = nearest_landfills(f.sites);
    REQUIRE(n[1].has_value());
    CHECK(n[1]->site_index == 0);
    CHECK(n[1]->distance_km == Approx(30.0).epsilon(1e-9));
    REQUIRE(n[2].has_value());
    CHECK(n[2]->distance_km == Approx(80.0).epsilon(1e-9));  // B1 is 10 km away but in Brazil
    CHECK_FALSE(n[0].has_value());  // L is ARG's only landfill: not its own nearest
    CHECK_FALSE(n[5].has_value());  // B1 is BRA's only landfill
}

TEST_CASE("coverage today: counts, waste to inadequate sites and the share within reach of a landfill", "[coverage]")
{
    const auto f = fixture();
    const auto w = fill_waste(f.sites, f.places, f.countries);
    const auto r = compute_coverage(w, f.places, nullptr, params());
    REQUIRE(r.countries.size() == 3);  // ARG, BRA, LAC
    CHECK(r.countries.back().country_iso3 == "LAC");
    const auto& arg = row(r, "ARG");
    CHECK(arg.sites == 5);
    CHECK(arg.open_dump == 3);
    CHECK(arg.controlled_dump == 1);
    CHECK(arg.sanitary_landfill == 1);
    CHECK(arg.active == 4);
    CHECK(arg.closed == 1);
    CHECK(arg.inadequate_active_sites == 3);             // D1, D2, D4
    CHECK(arg.inadequate_sites_waste_estimated == 1);    // D4
    CHECK(arg.inadequate_sites_waste_unknown == 0);
    CHECK(arg.inadequate_waste_t_per_day.value() == Approx(158.0));  // 100 + 50 + 8
    CHECK(arg.active_sanitary_landfills == 1);
    // within 50 km of L: D1 (30 km) and D4 (40 km); D2 (80 km) is not
    CHECK(arg.inadequate_sites_near_landfill == 2);
    CHECK(arg.inadequate_waste_near_landfill_t_per_day.value() == Approx(108.0));
    CHECK(*arg.share_sites_near_landfill == Approx(2.0 / 3.0));
    CHECK(*arg.share_waste_near_landfill == Approx(108.0 / 158.0));
    CHECK_FALSE(arg.plan_sites_served.has_value());
    // people: 1 km band P1 (0.9 km from D4) + P2 (0.5 km from D1) = 12,000; 2 km adds P4 (1.5 km) = 12,700;
    // P3 is about 27 km from D1 and 43 km from D4: in no band.
    CHECK(arg.population_within_1km == 12000);
    CHECK(arg.population_within_2km == 12700);
    CHECK(arg.population_within_5km == 12700);

    const auto& bra = row(r, "BRA");
    CHECK(bra.inadequate_active_sites == 0);
    CHECK_FALSE(bra.share_sites_near_landfill.has_value());  // 0/0 is not 0 %

    const auto& lac = row(r, "LAC");
    CHECK(lac.sites == 6);
    CHECK(lac.active_sanitary_landfills == 2);
    CHECK(lac.inadequate_waste_t_per_day.value() == Approx(158.0));
    CHECK(*lac.share_sites_near_landfill == Approx(2.0 / 3.0));

    SECTION("a shorter reach keeps D1 only")
    {
        auto p = params();
        p.max_haul_km = 35.0;
        const auto r35 = compute_coverage(w, f.places, nullptr, p);
        CHECK(row(r35, "ARG").inadequate_sites_near_landfill == 1);
        CHECK(*row(r35, "ARG").share_waste_near_landfill == Approx(100.0 / 158.0));
    }
    SECTION("a non-positive reach is a usage error")
    {
        auto p = params();
        p.max_haul_km = 0.0;
        CHECK_THROWS_AS(compute_coverage(w, f.places, nullptr, p), usage_error);
    }
}

TEST_CASE("t/day over sites none of which has a known tonnage is unknown, not 0", "[coverage]")
{
    // The fixture plus Uruguay: an active landfill UL, dumps U1 20 km east of it and U2 100 km east, both
    // without tonnage; no Uruguayan places or country figures, so fill_waste cannot estimate them.
    auto f = fixture();
    const LonLat ul{-56.2, -34.9};
    f.sites.push_back(site("UL", "URY", ul, SiteType::sanitary_landfill, SiteStatus::active, 300.0));
    f.sites.push_back(site("U1", "URY", geodesic_direct(ul, 90.0, 20000.0), SiteType::open_dump, SiteStatus::active,
                           std::nullopt));
    f.sites.push_back(site("U2", "URY", geodesic_direct(ul, 90.0, 100000.0), SiteType::controlled_dump,
                           SiteStatus::active, std::nullopt));
    const auto w = fill_waste(f.sites, f.places, f.countries);
    REQUIRE_FALSE(w.sites[7].waste_t_per_day.has_value());
    REQUIRE_FALSE(w.sites[8].waste_t_per_day.has_value());

    RegionalPlan plan;  // U1 and U2 served by UL; ARG's D1 by L
    plan.assignments.push_back({"U1", "URY", "", "URY-F001", w.sites[7].location, 20.0, std::nullopt, std::nullopt,
                                std::nullopt, std::nullopt});
    plan.assignments.push_back({"U2", "URY", "", "URY-F001", w.sites[8].location, 100.0, std::nullopt, std::nullopt,
                                std::nullopt, std::nullopt});
    plan.assignments.push_back({"D1", "ARG", "", "ARG-F001", w.sites[1].location, 30.0, 100.0, std::nullopt,
                                std::nullopt, std::nullopt});
    const auto r = compute_coverage(w, f.places, &plan, params());

    const auto& ury = row(r, "URY");
    CHECK(ury.inadequate_active_sites == 2);
    CHECK(ury.inadequate_sites_waste_unknown == 2);
    CHECK_FALSE(ury.inadequate_waste_t_per_day.has_value());
    CHECK(ury.inadequate_sites_near_landfill == 1);  // U1
    CHECK_FALSE(ury.inadequate_waste_near_landfill_t_per_day.has_value());
    CHECK(*ury.share_sites_near_landfill == Approx(0.5));
    CHECK_FALSE(ury.share_waste_near_landfill.has_value());
    CHECK(*ury.plan_sites_served == 2);
    CHECK_FALSE(ury.plan_waste_served_t_per_day.has_value());
    CHECK_FALSE(ury.plan_share_waste_served.has_value());

    // ARG as without Uruguay; LAC sums the known tonnage (ARG's) and counts the two sites without.
    CHECK(row(r, "ARG").inadequate_waste_t_per_day.value() == Approx(158.0));
    const auto& lac = row(r, "LAC");
    CHECK(lac.inadequate_sites_waste_unknown == 2);
    CHECK(lac.inadequate_waste_t_per_day.value() == Approx(158.0));
    CHECK(lac.inadequate_waste_near_landfill_t_per_day.value() == Approx(108.0));  // D1 + D4; U1 unknown
    CHECK(*lac.share_waste_near_landfill == Approx(108.0 / 158.0));
    CHECK(lac.plan_waste_served_t_per_day.value() == Approx(100.0));  // D1

    // In the table: empty cells (JSON null), where 0.0 stood before.
    const auto t = coverage_table(r);
    const auto waste_col = test::column_index(t, "inadequate_waste_t_per_day");
    const auto near_col = test::column_index(t, "inadequate_waste_near_landfill_t_per_day");
    REQUIRE(t.rows.size() == 4);  // ARG, BRA, URY, LAC
    CHECK(std::holds_alternative<std::monostate>(t.rows[2][waste_col]));
    CHECK(std::holds_alternative<std::monostate>(t.rows[2][near_col]));
    CHECK(std::get<double>(t.rows[3][waste_col]) == Approx(158.0));

    SECTION("with only the sites of unknown tonnage, the LAC total is unknown too")
    {
        const std::vector<Site> ury_only(w.sites.begin() + 6, w.sites.end());
        const WasteEstimateResult ury_waste = test::as_is(ury_only);
        const auto u = compute_coverage(ury_waste, {}, nullptr, params());
        CHECK(row(u, "LAC").inadequate_sites_waste_unknown == 2);
        CHECK_FALSE(row(u, "LAC").inadequate_waste_t_per_day.has_value());
    }
    SECTION("a country without inadequate sites weighs a measured 0 t/day")
    {
        CHECK(row(r, "BRA").inadequate_active_sites == 0);
        CHECK(row(r, "BRA").inadequate_waste_t_per_day == 0.0);
    }
}

TEST_CASE("coverage methane: the one site with a past deposit, by hand", "[coverage][methane]")
{
    const auto f = fixture();
    REQUIRE(climate_zone_at(f.sites[1].location) == ClimateZone::temperate_wet);  // k = 0.09
    const auto w = fill_waste(f.sites, f.places, f.countries);
    const auto r = compute_coverage(w, f.places, nullptr, params());
    // D1: W(2023) = 100 x 365 = 36,500 t; DOC South America 0.16220, DOCf 0.5, MCF 0.6 (open dump, depth
    // unknown); CH4(2024) = W DOC DOCf MCF (1 - e^-0.09) F 16/12 with F = 0.5 = 101.91 t.
    // Every other site opens in 2024 (emits 0) except D3, closed without a closure year: unknown.
    const double ch4 = 36500.0 * 0.16220 * 0.5 * 0.6 * (1.0 - std::exp(-0.09)) * 0.5 * 16.0 / 12.0;
    CHECK(ch4 == Approx(101.91).epsilon(1e-4));
    const auto& arg = row(r, "ARG");
    CHECK(arg.ch4_t_per_year.value() == Approx(ch4).epsilon(1e-9));
    CHECK(arg.co2e_t_per_year.value() == Approx(ch4 * 28.0).epsilon(1e-9));  // AR5 GWP100
    CHECK(arg.methane_sites_unknown == 1);
    CHECK(row(r, "LAC").ch4_t_per_year.value() == Approx(ch4).epsilon(1e-9));
    CHECK(r.gwp100_ch4 == 28.0);
    CHECK(r.reporting_year == 2024);
}

TEST_CASE("coverage methane of a country none of whose sites has a known estimate is unknown, not 0",
          "[coverage][methane]")
{
    // The fixture plus Uruguay's dumps U1 and U2 without tonnage (nothing to estimate it from), so the
    // FOD model cannot estimate either. A plan facility in Chile gives a row with no sites at all.
    auto f = fixture();
    const LonLat u1{-56.2, -34.9};
    f.sites.push_back(site("U1", "URY", u1, SiteType::open_dump, SiteStatus::active, std::nullopt, 2000));
    f.sites.push_back(site("U2", "URY", geodesic_direct(u1, 90.0, 20000.0), SiteType::controlled_dump,
                           SiteStatus::active, std::nullopt, 2000));
    const auto w = fill_waste(f.sites, f.places, f.countries);
    REQUIRE_FALSE(w.sites[6].waste_t_per_day.has_value());
    REQUIRE_FALSE(w.sites[7].waste_t_per_day.has_value());
    RegionalPlan plan;
    plan.facilities.push_back({"CHL-F001", "CHL", "", false, "", "relleno", {-70.6, -33.4}, 0.0, 0, {}, 0.0, 0.0,
                               std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    const auto r = compute_coverage(w, f.places, &plan, params());

    const auto& ury = row(r, "URY");
    CHECK(ury.sites == 2);
    CHECK(ury.methane_sites_unknown == 2);
    CHECK_FALSE(ury.ch4_t_per_year.has_value());
    CHECK_FALSE(ury.co2e_t_per_year.has_value());
    // ARG as before (D1's 101.91 t, see "the one site with a past deposit"); LAC sums the known
    // estimates and counts D3, U1 and U2 as unknown.
    const double d1_ch4 = 36500.0 * 0.16220 * 0.5 * 0.6 * (1.0 - std::exp(-0.09)) * 0.5 * 16.0 / 12.0;
    CHECK(row(r, "ARG").ch4_t_per_year.value() == Approx(d1_ch4).epsilon(1e-9));
    const auto& lac = row(r, "LAC");
    CHECK(lac.methane_sites_unknown == 3);
    CHECK(lac.ch4_t_per_year.value() == Approx(d1_ch4).epsilon(1e-9));
    CHECK(lac.co2e_t_per_year.value() == Approx(d1_ch4 * 28.0).epsilon(1e-9));
    // No sites at all: a true 0.
    const auto& chl = row(r, "CHL");
    CHECK(chl.sites == 0);
    CHECK(chl.ch4_t_per_year.value() == 0.0);
    CHECK(chl.methane_sites_unknown == 0);

    // In the table: empty cells (JSON null) where 0 stood before.
    const auto t = coverage_table(r);
    const auto ch4_col = test::column_index(t, "ch4_t_per_year");
    const auto co2e_col = test::column_index(t, "co2e_t_per_year");
    REQUIRE(t.rows.size() == 5);  // ARG, BRA, CHL, URY, LAC
    CHECK(std::holds_alternative<std::monostate>(t.rows[3][ch4_col]));
    CHECK(std::holds_alternative<std::monostate>(t.rows[3][co2e_col]));
    CHECK(std::get<double>(t.rows[2][ch4_col]) == 0.0);
    CHECK(std::get<double>(t.rows[4][ch4_col]) == Approx(d1_ch4).epsilon(1e-9));

    SECTION("with only the sites of unknown methane, the LAC total is unknown too")
    {
        const std::vector<Site> ury_only(w.sites.end() - 2, w.sites.end());
        const WasteEstimateResult ury_waste = test::as_is(ury_only);
        const auto u = compute_coverage(ury_waste, {}, nullptr, params());
        CHECK(row(u, "LAC").methane_sites_unknown == 2);
        CHECK_FALSE(row(u, "LAC").ch4_t_per_year.has_value());
        CHECK_FALSE(row(u, "LAC").co2e_t_per_year.has_value());
    }
}

TEST_CASE("coverage with a plan written by write_plan: shares served, haul, local solutions", "[coverage][plan]")
{
    const auto f = fixture();
    const auto w = fill_waste(f.sites, f.places, f.countries);
    RegionalPlan plan;
    plan.parameters = {{"max_haul_km", "100"}};
    plan.facilities.push_back({"ARG-F001", "ARG", "", false, "", "nuevo relleno", geodesic_direct(L_AT, 270.0, 50000.0),
                               8.0, 1, {}, 12.0, 12.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    plan.facilities.push_back({"ARG-F002", "ARG", "", true, "L", "L", L_AT, 100.0, 1, {}, 32.0, 32.0, std::nullopt,
                               std::nullopt, std::nullopt, std::nullopt});
    plan.assignments.push_back({"D1", "ARG", "", "ARG-F002", f.sites[1].location, 32.0, 100.0, std::nullopt,
                                std::nullopt, std::nullopt});
    plan.assignments.push_back({"D4", "ARG", "", "ARG-F001", f.sites[4].location, 12.0, 8.0, std::nullopt,
                                std::nullopt, std::nullopt});
    plan.unserved.push_back({"D2", "ARG", "", f.sites[2].location, "no_candidate_within_cutoff", 50.0, std::nullopt,
                             std::nullopt});
    plan.summary.push_back({"ARG", "", 3, 2, 1, 1, 1, 158.0, 108.0, 30.5, 32.0, 3296.0, 3296.0, 0.0, std::nullopt});
    const auto path = (test::unit_scratch_dir("coverage_plan") / "plan.gpkg").string();
    write_plan(plan, path);
    const auto back = read_plan(path);

    const auto r = compute_coverage(w, f.places, &back, params());
    const auto& arg = row(r, "ARG");
    CHECK(*arg.plan_facilities_proposed == 1);
    CHECK(*arg.plan_facilities_existing == 1);
    CHECK(*arg.plan_sites_served == 2);
    CHECK(*arg.plan_sites_local_solution == 1);  // D2
    CHECK(*arg.plan_share_sites_served == Approx(2.0 / 3.0));
    CHECK(*arg.plan_waste_served_t_per_day == Approx(108.0));
    CHECK(*arg.plan_share_waste_served == Approx(108.0 / 158.0));
    // population served: D1 2,000 (P2) + D4 10,000 (P1) of 2,000 + 10,000 + 700 (P4 -> D2)
    CHECK(*arg.plan_population_served == 12000);
    CHECK(*arg.plan_share_population_served == Approx(12000.0 / 12700.0));
    // waste-weighted haul: (100 x 32 + 8 x 12) / 108 = 3296 / 108 = 30.5185 km; max 32 km
    CHECK(*arg.plan_mean_haul_km == Approx(3296.0 / 108.0));
    CHECK(*arg.plan_max_haul_km == 32.0);
    const auto& lac = row(r, "LAC");
    CHECK(*lac.plan_sites_served == 2);
    CHECK(*lac.plan_mean_haul_km == Approx(3296.0 / 108.0));
    const auto& bra = row(r, "BRA");
    CHECK(*bra.plan_sites_served == 0);
    CHECK_FALSE(bra.plan_share_sites_served.has_value());

    SECTION("a plan naming a site the inventory lacks is refused by layer, record and id")
    {
        auto other = back;
        other.assignments.push_back({"XX-9", "ARG", "", "ARG-F001", L_AT, 1.0, 1.0, std::nullopt, std::nullopt,
                                     std::nullopt});
        auto p = params();
        p.plan_source = "plan.gpkg";
        try {
            compute_coverage(w, f.places, &other, p);
            FAIL("accepted a plan of another inventory");
        } catch (const input_error& e) {
            CHECK_THAT(e.what(), Catch::Contains("plan.gpkg layer assignments record 3") &&
                                     Catch::Contains("XX-9") && Catch::Contains("another inventory"));
        }
    }
}

TEST_CASE("coverage table: fixed column order, units in names, empty cells for unknown shares", "[coverage]")
{
    const auto f = fixture();
    const auto r = compute_coverage(fill_waste(f.sites, f.places, f.countries), f.places, nullptr, params());
    const auto t = coverage_table(r);
    REQUIRE(t.columns.size() == 44);
    CHECK(t.columns[0].name == "country");
    CHECK(t.columns[16].name == "inadequate_waste_t_per_day");
    for (const auto& row : t.rows)
        CHECK(row.size() == t.columns.size());
    CHECK(t.columns.back().name == "methane_sites_unknown");
    REQUIRE(t.rows.size() == 3);
    CHECK(std::holds_alternative<std::monostate>(t.rows[1][test::column_index(t, "share_sites_near_landfill")]));  // BRA
}

TEST_CASE("coverage by admin-1: a row per unit, units adding up to their country", "[coverage][admin1]")
{
    // Units by hand: L, D1, D4 in ARG-02 "Buenos Aires"; D2 in ARG-05 "Entre Ríos"; D3 unknown;
    // B1 in BRA-41. Places P1, P2, P3 in ARG-02, P4 in ARG-05. A plan facility at D1 (ARG-02).
    const auto f = fixture();
    const auto w = fill_waste(f.sites, f.places, f.countries);
    const Admin1Key ba{"ARG", "ARG-02", "Buenos Aires", false}, er{"ARG", "ARG-05", "Entre Ríos", false};
    const Admin1Key unknown{"ARG", "", "", false}, pr{"BRA", "41", "Paraná", false};
    Admin1Groups groups;
    groups.sites = {ba, ba, er, unknown, ba, pr};
    groups.places = {ba, ba, ba, er};
    RegionalPlan plan;
    plan.facilities.push_back({"ARG-F001", "ARG", "", false, "D1", "relleno", f.sites[1].location, 108.0, 2, {}, 20.0,
                               40.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    plan.assignments.push_back({"D1", "ARG", "", "ARG-F001", f.sites[1].location, 0.0, 100.0, std::nullopt,
                                std::nullopt, std::nullopt});
    plan.assignments.push_back({"D4", "ARG", "", "ARG-F001", f.sites[4].location, 70.0, 8.0, std::nullopt,
                                std::nullopt, std::nullopt});
    groups.facilities = {{"ARG-F001", ba}};
    auto p = params();
    p.by_admin1 = &groups;
    const auto r = compute_coverage(w, f.places, &plan, p);
    CHECK(r.by_admin1);
    // Order: each country's units (by code, the unknown unit last), then the country; LAC last.
    std::vector<std::string> order;
    for (const auto& c : r.countries)
        order.push_back(c.country_iso3 + ":" + (c.admin1 ? (c.admin1->known() ? c.admin1->code : "?") : "all"));
    CHECK(order == std::vector<std::string>{"ARG:ARG-02", "ARG:ARG-05", "ARG:?", "ARG:all", "BRA:41", "BRA:all", "LAC:all"});
    const auto& a2 = r.countries[0];
    const auto& a5 = r.countries[1];
    const auto& au = r.countries[2];
    const auto& arg = r.countries[3];
    CHECK(a2.admin1->name == "Buenos Aires");
    CHECK(a2.sites == 3);
    CHECK(a2.inadequate_active_sites == 2);                  // D1, D4
    CHECK(*a2.inadequate_waste_t_per_day == Approx(108.0));  // 100 observed + 8 estimated
    CHECK(a2.inadequate_sites_near_landfill == 2);           // 30 and 40 km from L
    CHECK(a5.inadequate_active_sites == 1);                  // D2, 80 km from L
    CHECK(a5.inadequate_sites_near_landfill == 0);
    CHECK(au.sites == 1);                                    // D3, closed
    CHECK(au.closed == 1);
    CHECK(*a2.plan_facilities_proposed == 1);
    CHECK(*a5.plan_facilities_proposed == 0);
    CHECK(*a2.plan_sites_served == 2);
    CHECK(*a2.plan_mean_haul_km == Approx((100.0 * 0.0 + 8.0 * 70.0) / 108.0));
    CHECK(*a5.plan_sites_local_solution == 1);
    // People: P1 (10,000, 0.9 km from D4) and P2 (2,000, 0.5 km from D1) within 1 km in ARG-02; P4 (700,
    // 1.5 km from D2) within 2 km in ARG-05; P3 is about 27 km from the nearest dump (D1).
    CHECK(a2.population_within_1km == 12000);
    CHECK(a2.population_within_5km == 12000);
    CHECK(a5.population_within_1km == 0);
    CHECK(a5.population_within_2km == 700);
    // Methane: D1 is the one emitter; D3 (closed, no closure year) is unknown, so its unit's total is unknown.
    const double d1_ch4 = 36500.0 * 0.16220 * 0.5 * 0.6 * (1.0 - std::exp(-0.09)) * 0.5 * 16.0 / 12.0;
    CHECK(a2.ch4_t_per_year.value() == Approx(d1_ch4).epsilon(1e-9));
    CHECK(a5.ch4_t_per_year.value() == 0.0);
    CHECK_FALSE(au.ch4_t_per_year.has_value());
    CHECK(au.methane_sites_unknown == 1);

    // The units add up to the country, which is the same row as without units.
    const auto plain = compute_coverage(w, f.places, &plan, params());
    const auto& arg_plain = plain.countries[0];
    REQUIRE(arg_plain.country_iso3 == "ARG");
    CHECK_FALSE(arg_plain.admin1.has_value());
    CHECK(a2.sites + a5.sites + au.sites == arg.sites);
    CHECK(arg.sites == arg_plain.sites);
    CHECK(a2.inadequate_active_sites + a5.inadequate_active_sites + au.inadequate_active_sites ==
          arg.inadequate_active_sites);
    CHECK(*a2.inadequate_waste_t_per_day + *a5.inadequate_waste_t_per_day + *au.inadequate_waste_t_per_day ==
          Approx(*arg.inadequate_waste_t_per_day));
    CHECK(*arg.inadequate_waste_t_per_day == Approx(*arg_plain.inadequate_waste_t_per_day));
    CHECK(a2.population_within_2km + a5.population_within_2km + au.population_within_2km == arg.population_within_2km);
    CHECK(arg.population_within_2km == arg_plain.population_within_2km);
    CHECK(*arg.plan_facilities_proposed == *arg_plain.plan_facilities_proposed);
    CHECK(*arg.plan_mean_haul_km == Approx(*arg_plain.plan_mean_haul_km));
    CHECK(arg.ch4_t_per_year.value() == Approx(arg_plain.ch4_t_per_year.value()));
    CHECK(r.countries.back().sites == plain.countries.back().sites);  // LAC counts each site once

    // The table: admin1 and admin1_name after country; "all" on a country's row, "unknown" for D3's unit.
    const auto t = coverage_table(r);
    CHECK(t.name == "admin1");
    REQUIRE(t.columns.size() == 46);
    CHECK(t.columns[1].name == "admin1");
    CHECK(t.columns[2].name == "admin1_name");
    CHECK(std::get<std::string>(t.rows[0][2]) == "Buenos Aires");
    CHECK(std::get<std::string>(t.rows[2][1]) == "unknown");
    CHECK(std::get<std::string>(t.rows[3][1]) == "all");
    CHECK(std::holds_alternative<std::monostate>(t.rows[3][2]));

    SECTION("units that do not match the sites are refused")
    {
        Admin1Groups short_groups = groups;
        short_groups.sites.pop_back();
        auto q = params();
        q.by_admin1 = &short_groups;
        CHECK_THROWS_AS(compute_coverage(w, f.places, nullptr, q), usage_error);
    }
}
