// The printed plan summary: the total row by hand, the shares of estimated t/day, the fill counts.
#include "basural/base/locale.hpp"
#include "basural/base/messages.hpp"
#include "basural/planning/waste_estimate.hpp"
#include "basural/planning/plan_summary.hpp"
#include "basural/planning/regionalize.hpp"
#include "support/builders.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <variant>

using namespace basural;

namespace {

RegionalPlan two_country_plan()
{
    RegionalPlan plan;
    // country, part, demand, served, unserved, proposed, existing, t/day, served t/day, mean haul,
    // max haul, objective, lower bound, gap, estimated t/day
    plan.summary.push_back({"BRA", "", 4, 3, 1, 1, 1, 100.0, 80.0, 10.0, 30.0, 800.0, 790.0, 0.0125, 25.0});
    plan.summary.push_back({"URY", "", 2, 2, 0, 1, 0, 20.0, 20.0, 35.0, 45.0, 700.0, 650.0, 0.0714, std::nullopt});
    return plan;
}

}  // namespace

TEST_CASE("plan total: sums, haul weighted by the t/day served, gap from the summed bounds", "[plan_summary]")
{
    const auto t = plan_total(two_country_plan());
    CHECK(t.country_iso3 == "total");
    CHECK(t.demand_sites == 6);
    CHECK(t.sites_served == 5);
    CHECK(t.sites_unserved == 1);
    CHECK(t.facilities_proposed == 2);
    CHECK(t.facilities_existing == 1);
    CHECK(t.waste_t_per_day == 120.0);
    CHECK(t.waste_t_per_day_served == 100.0);
    // (10 km x 80 t/day + 35 km x 20 t/day) / 100 t/day = 15 km
    CHECK(t.mean_haul_km == Approx(15.0));
    CHECK(t.max_haul_km == 45.0);
    // (1500 - 1440) / 1500 = 0.04, not the mean of the two gaps
    CHECK(t.gap == Approx(0.04));
    CHECK(t.waste_t_per_day_estimated == 25.0);  // URY's absent estimate counts as 0
}

TEST_CASE("plan summary table: one row per summary row and the total, shares of estimated t/day", "[plan_summary]")
{
    auto plan = two_country_plan();
    plan.summary.push_back({"CHL", "", 1, 0, 1, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0});
    const auto t = plan_summary_table(plan);
    CHECK(t.name == "countries");
    REQUIRE(t.columns.size() == 16);
    REQUIRE(t.columns[9].name == "share_waste_estimated");
    REQUIRE(t.rows.size() == 4);
    for (const auto& row : t.rows)
        CHECK(row.size() == t.columns.size());
    CHECK(std::get<double>(t.rows[0][9]) == Approx(0.25));  // 25 of 100 t/day
    CHECK(std::get<double>(t.rows[1][9]) == 0.0);           // URY: no estimated part recorded
    CHECK(std::holds_alternative<std::monostate>(t.rows[2][9]));  // CHL: no t/day to share
    CHECK(std::get<std::string>(t.rows[3][0]) == "total");
    CHECK(std::get<double>(t.rows[3][9]) == Approx(25.0 / 120.0));
}

TEST_CASE("record_waste_sources counts the planned demand sites by the source of their tonnage", "[plan_summary]")
{
    std::vector<Site> sites{
        test::make_site("A1", "ARG", {-60.0, -30.0}, SiteType::open_dump, SiteStatus::active, 10.0),
        test::make_site("A2", "ARG", {-60.1, -30.0}, SiteType::open_dump, SiteStatus::unknown, 30.0),
        test::make_site("A3", "ARG", {-60.2, -30.0}, SiteType::open_dump, SiteStatus::active, std::nullopt),
        test::make_site("A4", "ARG", {-60.3, -30.0}, SiteType::open_dump, SiteStatus::closed, std::nullopt),
        test::make_site("L1", "ARG", {-60.4, -30.0}, SiteType::sanitary_landfill, SiteStatus::active, std::nullopt),
        test::make_site("U1", "URY", {-56.0, -34.0}, SiteType::open_dump, SiteStatus::active, std::nullopt),
    };
    WasteFillParams p;
    p.from_places = false;
    const auto waste = fill_waste(sites, {}, {}, p);
    RegionalPlan plan;
    plan.parameters["countries"] = "ARG";
    const auto c = record_waste_sources(plan, waste);
    // A1 and A2 given; A3 the median of 10 and 30; A4 closed and L1 a landfill are not demand; U1 not planned.
    CHECK(c.given == 2);
    CHECK(c.places == 0);
    CHECK(c.country_median == 1);
    CHECK(c.unknown == 0);
    CHECK(plan.parameters.at("demand_sites_waste_given") == "2");
    CHECK(plan.parameters.at("demand_sites_waste_country_median") == "1");
    plan.parameters["countries"] = "all";
    CHECK(record_waste_sources(plan, waste).unknown == 1);  // U1: Uruguay has no known tonnage
}

TEST_CASE("plan assumptions state the haul, limits, reuse, status rule, tonnage and weighting", "[plan_summary]")
{
    RegionalPlan plan = two_country_plan();
    plan.parameters = {{"max_haul_km", "50"},
                       {"haul_unit", "km"},
                       {"detour_factor", "1.3"},
                       {"min_t_per_day", "0"},
                       {"capacity_t_per_day", "unlimited"},
                       {"reuse_existing", "yes"},
                       {"demand_sites_status_unknown", "4"},
                       {"demand_sites_waste_given", "1"},
                       {"demand_sites_waste_from_places", "3"},
                       {"demand_sites_waste_country_median", "2"},
                       {"demand_sites_waste_unknown", "0"}};
    plan.unused_landfills.push_back({"L9", "BRA", "", {-47.0, -15.0}, "no_dump_within_reach", std::nullopt});
    const auto lines = plan_assumptions(plan);
    REQUIRE(lines.size() == 6);
    CHECK_THAT(lines[0], Catch::Contains("at most 50 km") && Catch::Contains("detour factor 1.3"));
    CHECK_THAT(lines[1], Catch::Contains("minimum throughput none") && Catch::Contains("capacity unlimited"));
    CHECK_THAT(lines[2], Catch::Contains("--reuse-existing") && Catch::Contains("1 not used (1 with no dump within reach"));
    CHECK_THAT(lines[3], Catch::Contains("unknown status is treated as receiving") && Catch::Contains("4 demand sites"));
    CHECK_THAT(lines[4], Catch::Contains("1 given, 3 estimated from places") && Catch::Contains("2 their country's median"));
    CHECK(lines[5] == "Weighting: by t/day.");

    plan.summary[1].weighted_by_site_count = true;
    plan.summary[1].demand_sites_waste_unknown = 2;
    plan.parameters["weighting"] = "site_count in URY; t_per_day elsewhere";
    plan.summary[0].demand_sites_waste_implausible = 1;
    plan.summary[0].waste_t_per_day_implausible = 60.0;
    const auto more = plan_assumptions(plan);
    REQUIRE(more.size() == 7);
    CHECK_THAT(more[5], Catch::Contains("by site count") && Catch::Contains("site_count in URY"));
    CHECK_THAT(more[6], Catch::Contains("1 demand site carries 60.0 t/day"));
    // The total's mean haul mixes t/day and sites: it is not given.
    CHECK(std::isnan(plan_total(plan).mean_haul_km));
    const auto t = plan_summary_table(plan);
    CHECK(std::holds_alternative<std::monostate>(t.rows[2][13]));
    CHECK(std::holds_alternative<std::monostate>(t.rows[1][8]));  // URY: all of its tonnages unknown
}

TEST_CASE("plan assumptions in Spanish and Portuguese, each count in its plural form", "[plan_summary][messages]")
{
    RegionalPlan plan = two_country_plan();
    plan.parameters = {{"max_haul_km", "50"},
                       {"haul_unit", "km"},
                       {"detour_factor", "1.3"},
                       {"min_t_per_day", "20"},
                       {"capacity_t_per_day", "unlimited"},
                       {"reuse_existing", "no"},
                       {"per_admin1", "yes"},
                       {"status_rule", std::string(STATUS_RULE)},
                       {"demand_sites_status_unknown", "1"},
                       {"demand_sites_waste_given", "1"},
                       {"demand_sites_waste_from_places", "3"},
                       {"demand_sites_waste_country_median", "2"},
                       {"demand_sites_waste_country_median_scaled", "2"},
                       {"demand_sites_waste_unknown", "0"},
                       {"demand_sites_waste_unknown_no_room", "0"}};
    plan.summary[0].demand_sites_waste_implausible = 2;
    plan.summary[0].waste_t_per_day_implausible = 12345.6;
    const auto es = plan_assumptions(plan, *parse_locale("es"));
    REQUIRE(es.size() == 7);
    CHECK(es[0] == "Recorrido: como máximo 50 km, km geodésicos x factor de desvío 1.3; dentro de cada país, cada "
                   "estado (primer nivel) por separado; nunca a través del mar.");
    CHECK(es[1] == "Instalaciones: flujo mínimo 20 t/día, capacidad ilimitada.");
    CHECK(es[2] == "Rellenos existentes (estado activo o desconocido): candidatos, abiertos cuando el modelo los elige "
                   "(--reuse-existing los mantiene todos abiertos); 0 sin usar (0 sin botadero al alcance, 0 no "
                   "elegidos): capa unused_landfills.");
    CHECK(es[3] == "Estado: los botaderos con estado activo, en cierre o desconocido reciben residuos (el estado "
                   "desconocido se trata como si recibiera); 1 sitio de la demanda tiene estado desconocido.");
    CHECK(es[4] == "Tonelaje de los sitios de la demanda: 1 dados, 3 estimados a partir de localidades y tasas del país, "
                   "2 la mediana de su país (2 reducidos al presupuesto de residuos del país), 0 desconocidos "
                   "(docs/methods/waste_estimate.md, docs/methods/site_rules.md).");
    CHECK(es[5] == "Ponderación: por t/día.");
    CHECK_THAT(es[6], Catch::StartsWith("Estimaciones inverosímiles: 2 sitios de la demanda llevan 12\u202f345,6 t/día"));
    const auto pt = plan_assumptions(plan, *parse_locale("pt"));
    REQUIRE(pt.size() == 7);
    CHECK(pt[1] == "Instalações: fluxo mínimo 20 t/dia, capacidade ilimitada.");
    CHECK_THAT(pt[3], Catch::EndsWith("; 1 local da demanda tem situação desconhecida."));
    CHECK_THAT(pt[6], Catch::StartsWith("Estimativas implausíveis: 2 locais da demanda carregam 12.345,6 t/dia"));
    // English: the plural of one, and no English left in the others.
    plan.parameters["demand_sites_status_unknown"] = "2";
    CHECK_THAT(plan_assumptions(plan)[3], Catch::EndsWith("; 2 demand sites have an unknown status."));
    // the dumps the country's waste budget scaled down or left unknown (docs/methods/site_rules.md)
    plan.parameters["demand_sites_waste_unknown"] = "1401";
    plan.parameters["demand_sites_waste_unknown_no_room"] = "1401";
    CHECK_THAT(plan_assumptions(plan)[4],
               Catch::Contains("2 their country's median (2 scaled down to the country's waste budget), 1,401 unknown "
                               "(1,401 with no room left in the country's waste budget)"));
    CHECK_THAT(plan_assumptions(plan, *parse_locale("pt"))[4],
               Catch::Contains("(1.401 sem margem no orçamento de resíduos do país)"));
    for (const auto& line : es)
        CHECK_THAT(line, !Catch::Contains("demand site") && !Catch::Contains("Haul") && !Catch::Contains("unknown status"));
}

TEST_CASE("the catalogue's English rules are the engine's own, word for word", "[plan_summary][messages]")
{
    // The plan records the rules in English (STATUS_RULE, DEMAND_RULE, CANDIDATE_RULE); the report and
    // the summaries give them from the catalogue: the English entries must say the same.
    const Locale en = *parse_locale("en");
    CHECK(tr(en, "plan.rule.status_rule") == STATUS_RULE);
    CHECK(tr(en, "plan.rule.demand_rule") == DEMAND_RULE);
    CHECK(tr(en, "plan.rule.candidate_rule") == CANDIDATE_RULE);
}

TEST_CASE("the tonnage sources line in each language, counts in the reader's digits", "[plan_summary][messages]")
{
    WasteEstimateResult w;
    w.counts.given = 12;
    w.counts.places = 1;
    w.counts.country_median = 0;
    w.counts.unknown = 0;
    w.counts.implausible = 1;
    Site s;
    s.waste_t_per_day = 5315.5;
    w.sites = {s};
    w.implausible = {1};
    CHECK(waste_sources_line(w) == "Tonnage of the 13 receiving sites: 12 given, 1 estimated from places and country "
                                   "rates, 0 their country's median, 0 unknown; 1 implausible estimates (5,315.5 t/day; "
                                   "docs/methods/waste_estimate.md).");
    CHECK(waste_sources_line(w, *parse_locale("es")) ==
          "Tonelaje de los 13 sitios que reciben residuos: 12 dados, 1 estimados a partir de localidades y tasas del "
          "país, 0 la mediana de su país, 0 desconocidos; 1 estimaciones inverosímiles (5315,5 t/día; "
          "docs/methods/waste_estimate.md).");
    CHECK(waste_sources_line(w, *parse_locale("pt")) ==
          "Tonelagem dos 13 locais que recebem resíduos: 12 informadas, 1 estimadas a partir de localidades e taxas do "
          "país, 0 a mediana de seu país, 0 desconhecidas; 1 estimativas implausíveis (5.315,5 t/dia; "
          "docs/methods/waste_estimate.md).");
}
