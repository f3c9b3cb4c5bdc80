// basural map for reports, run as the real binary: states and towns, --admin1 zoom, --title, the map's
// words in es/pt/en, and the map's counts of facilities equal to the plan's. Outputs are read back by
// independent readers (tests/map_readers.hpp): libxml2 for the SVG's <text>, poppler's pdftotext,
// headless Chromium.
//
// Fixtures: sites_map.csv (five sites in Uruguay, see test_cli_map.cpp), admin1_uruguay.geojson (the 19
// departments, Natural Earth admin-1 generalized, with admin1_id/admin1_code URY-01..URY-19 by name),
// places_uruguay.csv (the six largest towns of GeoNames).
#include "cli/run_cli.hpp"
#include "map_readers.hpp"

#include "basural/planning/plan.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <tuple>

using basural::test::count_of;
using basural::test::count_svg_paths;
using basural::test::fixture;
using basural::test::have_tool;
using basural::test::run_cli;
using basural::test::run_tool;
using basural::test::scratch_dir;
using basural::test::slurp;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

const std::string COUNTRIES = fixture("countries_fixture.geojson");
const std::string SITES = fixture("sites_map.csv");
const std::string STATES = fixture("admin1_uruguay.geojson");
const std::string TOWNS = fixture("places_uruguay.csv");

basural::test::CliResult map_uruguay(const fs::path& out, std::vector<std::string> extra)
{
    std::vector<std::string> args{"map",      SITES,  "--country", "URY",  "--countries", COUNTRIES,
                                  "--admin1-boundaries", STATES, "--places", TOWNS, "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

bool has_text(const std::vector<std::string>& texts, const std::string& t)
{
    return std::find(texts.begin(), texts.end(), t) != texts.end();
}

std::string all_text(const std::vector<std::string>& texts)
{
    std::string out;
    for (const auto& t : texts)
        out += t + "\n";
    return out;
}

}  // namespace

TEST_CASE("map draws the states with their names and labels the largest towns", "[cli][map][admin1]")
{
    const auto dir = scratch_dir("cli_map_states");
    const auto out = dir / "uruguay.svg";
    const auto r = map_uruguay(out, {});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto svg = count_svg_paths(out);
    INFO(all_text(svg.texts));
    CHECK(has_text(svg.texts, "Uruguay: disposal sites"));
    CHECK(has_text(svg.texts, "Tacuarembó"));  // a department's name, inside it
    CHECK(has_text(svg.texts, "Montevideo"));  // the largest town
    CHECK(has_text(svg.texts, "Salto"));
    CHECK(has_text(svg.texts, "State or province"));
    CHECK(has_text(svg.texts, "States and provinces: Natural Earth"));
    CHECK(has_text(svg.texts, "Town names: GeoNames (CC BY 4.0)"));
}

TEST_CASE("map --admin1 zooms to one state and shows only its sites", "[cli][map][admin1]")
{
    const auto dir = scratch_dir("cli_map_zoom");
    const auto out = dir / "montevideo.svg";
    // By name, without accents or case; U1 and U2 have admin1_name Montevideo.
    const auto r = map_uruguay(out, {"--admin1", "MONTEVIDEO"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "URY: 2 sites, 0 facilities -> " + out.string() + "\n");
    const auto svg = count_svg_paths(out);
    CHECK(has_text(svg.texts, "Montevideo, Uruguay: disposal sites"));
    CHECK(has_text(svg.texts, "2 sites: 2 open dumps"));
    // By code, and a department by its name with an accent given without it.
    CHECK_THAT(map_uruguay(dir / "t.svg", {"--admin1", "URY-18"}).out, Contains("URY: 1 site"));  // Tacuarembó
    CHECK_THAT(map_uruguay(dir / "t.svg", {"--admin1", "tacuarembo"}).out, Contains("URY: 1 site"));

    const auto bad = map_uruguay(dir / "bad.svg", {"--admin1", "Atlantis"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Contains("'Atlantis' is not a state of URY; give a name or code of: Artigas (URY-01)"));
    CHECK_FALSE(fs::exists(dir / "bad.svg"));
    const auto all = run_cli({"map", SITES, "--all", "--admin1", "Salto", "-o", (dir / "all").string()});
    CHECK(all.exit_code == 2);
    CHECK_THAT(all.err, Contains("--admin1 requires --country"));
}

TEST_CASE("map --title replaces the title", "[cli][map]")
{
    const auto dir = scratch_dir("cli_map_title");
    const auto out = dir / "t.svg";
    REQUIRE(map_uruguay(out, {"--title", "Uruguay 2025 <borrador> & notas"}).exit_code == 0);
    CHECK(has_text(count_svg_paths(out).texts, "Uruguay 2025 <borrador> & notas"));
}

TEST_CASE("map text in Spanish and Portuguese: SVG text, PDF text and the HTML page", "[cli][map][lang]")
{
    const auto dir = scratch_dir("cli_map_lang");
    const auto es = dir / "es.svg";
    REQUIRE(map_uruguay(es, {"--lang", "es"}).exit_code == 0);
    const auto texts = count_svg_paths(es).texts;
    INFO(all_text(texts));
    CHECK(has_text(texts, "Uruguay: sitios de disposición final"));
    CHECK(has_text(texts, "5 sitios: 3 botaderos a cielo abierto, 1 botadero controlado, 1 relleno sanitario; 1 estimado"));
    CHECK(has_text(texts, "Tipo de sitio"));
    CHECK(has_text(texts, "Botadero a cielo abierto (3)"));
    CHECK(has_text(texts, "Residuos recibidos, t/día"));
    CHECK(has_text(texts, "Límites: Natural Earth (dominio público)"));
    CHECK_FALSE(has_text(texts, "Site type"));

    if (!have_tool("pdftotext"))
        FAIL("pdftotext (Debian package poppler-utils) is needed: run scripts/install-deps.sh");
    const auto pt = dir / "pt.pdf";
    REQUIRE(map_uruguay(pt, {"--lang", "pt"}).exit_code == 0);
    REQUIRE(run_tool({"pdftotext", pt.string(), (dir / "pt.txt").string()}, dir / "p.out", dir / "p.err") == 0);
    const std::string text = slurp(dir / "pt.txt");
    CHECK_THAT(text, Contains("Uruguai: locais de disposição final"));
    CHECK_THAT(text, Contains("3 lixões"));
    CHECK_THAT(text, Contains("Tipo de local"));
    CHECK_THAT(text, Contains("Os locais estimados são resultados de modelo, não observações"));
}

TEST_CASE("the map's counts of facilities are the plan's own, and unused landfills are told apart",
          "[cli][map][plan][chromium]")
{
    const auto dir = scratch_dir("cli_map_plan_counts");
    const auto plan_path = dir / "plan.gpkg";
    const auto made = run_cli({"regionalize", SITES, "--countries", COUNTRIES, "--reuse-existing",
                               "--no-waste-estimate", "-o", plan_path.string()});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    const auto plan = basural::read_plan(plan_path.string());
    REQUIRE(plan.summary.size() == 1);
    const auto proposed = plan.summary[0].facilities_proposed;
    const auto reused = plan.summary[0].facilities_existing;
    REQUIRE(proposed > 0);
    // The inventory's one active sanitary landfill (U4) and whether the plan uses it.
    const bool u4_used = std::any_of(plan.facilities.begin(), plan.facilities.end(),
                                     [](const basural::PlanFacility& f) { return f.site_id == "U4"; });
    const std::size_t unused = u4_used ? 0 : 1;

    const auto svg_path = dir / "plan.svg";
    const auto r = map_uruguay(svg_path, {"--plan", plan_path.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(std::to_string(proposed + reused) + " facilit"));
    const auto texts = count_svg_paths(svg_path).texts;
    INFO(all_text(texts));
    const std::string plan_words = "plan: " + std::to_string(proposed) + " proposed regional landfill" +
                                   (proposed == 1 ? "" : "s") + ", " + std::to_string(reused) + " existing landfill" +
                                   (reused == 1 ? "" : "s") + " reused";
    CHECK_THAT(all_text(texts), Contains(plan_words));
    CHECK(has_text(texts, "Proposed regional landfill (" + std::to_string(proposed) + ")"));
    if (unused > 0) {
        CHECK_THAT(all_text(texts), Contains("(1 more not used by the plan)"));
        CHECK(has_text(texts, "Existing landfill, not used (1)"));
    }

    // The HTML page: the same counts, in Spanish, and popups with the plan's view of each site.
    const auto html = dir / "plan.html";
    REQUIRE(map_uruguay(html, {"--plan", plan_path.string(), "--lang", "es"}).exit_code == 0);
    const std::string page = slurp(html);
    CHECK_THAT(page, Contains("<html lang=\"es\""));
    CHECK_THAT(page, Contains("[\"Plan\",\"va a URY-F"));
    CHECK_THAT(page, Contains("[\"Distancia de transporte, km\","));
    CHECK_THAT(page, Contains("[\"Residuos, t/día\",\"100,0 (reportado)\"]"));  // U1, 100 t/day observed
    CHECK(page.find("\"waste_in_place_t\"") == std::string::npos);  // no dump of raw schema fields
    const std::string dom = basural::test::chromium_dom(html, dir);
    INFO(dom.substr(0, 2000));
    CHECK_THAT(dom, Contains("data-basural-errors=\"0\""));
    CHECK_THAT(dom, Contains("data-basural-requests=\"0\""));  // no network request
    CHECK_THAT(dom, Contains("data-basural-sites=\"5\""));
    CHECK_THAT(dom, Contains("data-basural-facilities=\"" + std::to_string(proposed + reused) + "\""));
    CHECK(count_of(dom, "basural-facility basural-proposed") == proposed);
    CHECK(count_of(dom, "basural-facility basural-existing-unused") == unused);
    CHECK_THAT(dom, Contains("<h4>Tipo de sitio</h4>"));
    CHECK(count_of(dom, "class=\"leaflet-marker-icon basural-place") == 6);
}

TEST_CASE("map popups say when the plan flags a site's tonnage as an implausible estimate", "[cli][map][plan]")
{
    // The plan of the fixture, with U1's tonnage (100 t/day) made an estimate flagged implausible (as
    // fill_waste flags an estimate above its country's ceiling) and its facility's load with it; the
    // other sites unflagged.
    const auto dir = scratch_dir("cli_map_implausible");
    const auto made_path = dir / "made.gpkg";
    REQUIRE(run_cli({"regionalize", SITES, "--countries", COUNTRIES, "--no-waste-estimate", "-o", made_path.string()})
                .exit_code == 0);
    auto plan = basural::read_plan(made_path.string());
    const auto u1 = std::find_if(plan.assignments.begin(), plan.assignments.end(),
                                 [](const basural::PlanAssignment& a) { return a.site_id == "U1"; });
    REQUIRE(u1 != plan.assignments.end());
    REQUIRE(u1->waste_t_per_day);
    u1->waste_provenance = basural::Provenance::estimated;
    u1->waste_implausible = true;
    const auto facility = std::find_if(plan.facilities.begin(), plan.facilities.end(),
                                       [&](const basural::PlanFacility& f) { return f.facility_id == u1->facility_id; });
    REQUIRE(facility != plan.facilities.end());
    facility->waste_t_per_day_implausible = *u1->waste_t_per_day;
    const auto plan_path = dir / "plan.gpkg";
    basural::write_plan(plan, plan_path.string());

    for (const auto& [lang, site_words, facility_words] :
         {std::tuple{"es", "\"100,0 (estimado, inverosímil: verifíquelo)\"", "[\"de ellas estimaciones inverosímiles, t/día\",\"100,0\"]"},
          std::tuple{"pt", "\"100,0 (estimado, implausível: verifique-o)\"", "[\"das quais estimativas implausíveis, t/dia\",\"100,0\"]"},
          std::tuple{"en", "\"100.0 (estimated, implausible: check it)\"", "[\"of which implausible estimates, t/day\",\"100.0\"]"}}) {
        INFO(lang);
        const auto html = dir / (std::string(lang) + ".html");
        const auto r = map_uruguay(html, {"--plan", plan_path.string(), "--lang", lang});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const std::string page = slurp(html);
        CHECK(count_of(page, site_words) == 1);  // U1 only
        CHECK_THAT(page, Contains(facility_words));
    }
    // The plan as regionalize wrote it flags nothing: no such words.
    const auto plain = dir / "plain.html";
    REQUIRE(map_uruguay(plain, {"--plan", made_path.string(), "--lang", "en"}).exit_code == 0);
    CHECK_THAT(slurp(plain), !Contains("implausible"));
}
