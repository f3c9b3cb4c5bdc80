// basural map, run as the real binary: PNG, SVG, PDF and HTML outputs read back by independent
// readers (tests/map_readers.hpp), --all, the options and the error text and exit codes.
//
// Fixtures: countries_fixture.geojson (ARG BRA MEX URY, Natural Earth 1:50m simplified) and
// sites_map.csv, five sites in Uruguay:
//   U1 open_dump        -56.20 -34.85  100 t/day  observed
//   U2 open_dump        -56.30 -34.78   25 t/day  observed   (11 km from U1)
//   U3 controlled_dump  -56.10 -34.78   10 t/day  observed   (11 km from U1, 18 km from U2)
//   U4 sanitary_landfill -54.95 -34.90  50 t/day  observed   (115 km east)
//   U5 open_dump        -55.98 -31.71   40 t/day  estimated  (Tacuarembó, 350 km north)
// DBSCAN (30 km, 3 sites) makes U1-U3 one cluster; U4 and U5 are noise.
// Colours are the palette tables of docs/methods/maps.md, written out here by hand.
#include "cli/run_cli.hpp"
#include "map_readers.hpp"

#include "basural/inventory/countries.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/maps/map.hpp"
#include "basural/maps/map_scene.hpp"
#include "basural/planning/plan.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using basural::Rgb;
using basural::test::count_of;
using basural::test::count_svg_paths;
using basural::test::fixture;
using basural::test::have_tool;
using basural::test::pixel;
using basural::test::read_png;
using basural::test::run_cli;
using basural::test::run_tool;
using basural::test::scratch_dir;
using basural::test::slurp;
using basural::test::svg_colour;
using Catch::Contains;
namespace fs = std::filesystem;

namespace basural {
std::ostream& operator<<(std::ostream& os, const Rgb& c) { return os << c.hex(); }
}  // namespace basural

namespace {

const std::string COUNTRIES = fixture("countries_fixture.geojson");
const std::string SITES = fixture("sites_map.csv");

/// `basural map` on the fixture countries, without town names or states (the pixel checks below know
/// where the scene puts things; test_cli_map_labels.cpp covers names and states).
std::vector<std::string> map_args(std::vector<std::string> args)
{
    args.insert(args.begin(), "map");
    for (const char* a : {"--countries", COUNTRIES.c_str(), "--places", "none", "--admin1-boundaries", "none"})
        args.emplace_back(a);
    return args;
}

constexpr Rgb FOCUS{0xf5, 0xf1, 0xe6};
constexpr Rgb NEIGHBOUR{0xe3, 0xe3, 0xe3};
constexpr Rgb OPEN_DUMP{0xd7, 0x30, 0x1f};
constexpr Rgb CONTROLLED_DUMP{0xfc, 0x8d, 0x59};
constexpr Rgb SANITARY_LANDFILL{0x2b, 0x8c, 0xbe};
constexpr Rgb CLUSTER_1{0x1f, 0x77, 0xb4};
constexpr Rgb GREY{0xbd, 0xbd, 0xbd};  // "Unassigned" cluster, "Not scored" priority

/// Where the map of Uruguay puts a position: the layout of the scene the command draws (the frame
/// depends on the title and source lines; the projection itself is checked against cs2cs in
/// tests/unit/maps/test_map.cpp).
basural::PagePoint page_of(const basural::LonLat& p, const basural::MapStyle& style,
                           const basural::CountryMapOptions& options = {})
{
    const basural::CountryBoundaries countries(COUNTRIES);
    basural::LoadOptions load;
    load.countries = &countries;
    const auto inventory = basural::load_inventory(SITES, load);
    const basural::MapLayout layout(basural::build_country_scene(inventory.sites, countries, "URY", options), style);
    const auto q = layout.to_page(p);
    REQUIRE(q);
    return *q;
}

}  // namespace

TEST_CASE("map --help lists every option", "[cli][map]")
{
    const auto r = run_cli({"map", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    for (const char* opt : {"--country", "--all", "--plan", "--ranking", "--color-by", "--width", "--height", "--dpi",
                            "--format", "--output", "--countries", "Exit codes"})
        CHECK_THAT(r.out, Contains(opt));
    CHECK_THAT(run_cli({"--help"}).out, Contains("map"));
}

TEST_CASE("map PNG: size from width, height and dpi; country, neighbours and sites in their colours", "[cli][map]")
{
    const auto dir = scratch_dir("cli_map_png");
    const auto out = dir / "uruguay.png";
    const auto r = run_cli(map_args({SITES, "--country", "ury", "--width", "800", "--height", "600", "--dpi", "120",
                                     "-o", out.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("URY: 5 sites, 0 facilities -> " + out.string()));

    const auto img = read_png(out);
    // 800 * 120/96 = 1000; 600 * 120/96 = 750.
    CHECK(cairo_image_surface_get_width(img.get()) == 1000);
    CHECK(cairo_image_surface_get_height(img.get()) == 750);
    basural::MapStyle style;
    style.width_px = 800;
    style.height_px = 600;
    style.dpi = 120;
    const double k = 120.0 / 96.0;
    const auto at = [&](basural::LonLat p) {
        const auto q = page_of(p, style);
        return pixel(img.get(), q.x_px * k, q.y_px * k);
    };
    CHECK(at({-55.8, -32.8}) == FOCUS);          // inland Uruguay, away from every site
    CHECK(at({-53.0, -30.5}) == NEIGHBOUR);      // Rio Grande do Sul, Brazil
    CHECK(at({-59.3, -32.0}) == NEIGHBOUR);      // Entre Ríos, Argentina
    CHECK(at({-56.20, -34.85}) == OPEN_DUMP);    // U1
    CHECK(at({-56.30, -34.78}) == OPEN_DUMP);    // U2
    CHECK(at({-56.10, -34.78}) == CONTROLLED_DUMP);  // U3
    CHECK(at({-54.95, -34.90}) == SANITARY_LANDFILL);  // U4
    CHECK(at({-55.98, -31.71}) == FOCUS);        // U5 is estimated: a hollow ring, the country shows through
}

TEST_CASE("map draws the shipped world context (non-LAC countries) near the country", "[cli][map]")
{
    // world_context_fixture.geojson: "Testisland", a square [-53.0, -52.6] x [-34.6, -34.2] in the
    // Atlantic east of Uruguay, and a square in Europe that is nowhere near.
    const auto dir = scratch_dir("cli_map_context");
    const auto data = dir / "data";
    fs::create_directories(data);
    fs::copy_file(SITES, data / "lac_sites.csv");
    fs::copy_file(COUNTRIES, data / "lac_countries.geojson");
    basural::MapStyle style;
    style.dpi = 96;
    const auto island = page_of({-52.8, -34.4}, style);

    const auto without = dir / "without.png";
    REQUIRE(run_cli({"map", "--country", "URY", "--dpi", "96", "-o", without.string()},
                    {"BASURAL_DATA_DIR=" + data.string()})
                .exit_code == 0);
    CHECK(pixel(read_png(without).get(), island.x_px, island.y_px) == Rgb{0xd4, 0xe6, 0xf1});  // sea

    fs::copy_file(fixture("world_context_fixture.geojson"), data / "world_context.geojson");
    const auto with = dir / "with.png";
    REQUIRE(run_cli({"map", "--country", "URY", "--dpi", "96", "-o", with.string()},
                    {"BASURAL_DATA_DIR=" + data.string()})
                .exit_code == 0);
    CHECK(pixel(read_png(with).get(), island.x_px, island.y_px) == NEIGHBOUR);
}

TEST_CASE("map SVG: one symbol per site; clusters by DBSCAN without a plan", "[cli][map]")
{
    const auto dir = scratch_dir("cli_map_svg");
    const auto by_type = dir / "type.svg";
    REQUIRE(run_cli(map_args({SITES, "--country", "URY", "-o", by_type.string()})).exit_code == 0);
    const auto type_counts = count_svg_paths(by_type);
    CHECK(type_counts.root_name == "svg");
    // Filled: each observed site plus its legend swatch. U5 (estimated open dump) is an outline only.
    CHECK(type_counts.filled.at(svg_colour(OPEN_DUMP)) == 3);          // U1, U2, legend
    CHECK(type_counts.filled.at(svg_colour(CONTROLLED_DUMP)) == 2);    // U3, legend
    CHECK(type_counts.filled.at(svg_colour(SANITARY_LANDFILL)) == 2);  // U4, legend
    CHECK(type_counts.stroked_only.at(svg_colour(OPEN_DUMP)) == 1);    // U5

    const auto by_cluster = dir / "cluster.svg";
    const auto r = run_cli(map_args({SITES, "--country", "URY", "--color-by", "cluster", "-o", by_cluster.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto c = count_svg_paths(by_cluster);
    CHECK(c.filled.at(svg_colour(CLUSTER_1)) == 4);  // U1, U2, U3 and the legend
    // U4 (noise), the legend's "Unassigned" and the legend's two reference circles of size (grey too).
    CHECK(c.filled.at(svg_colour(GREY)) == 4);
    CHECK(c.stroked_only.at(svg_colour(GREY)) == 1); // U5 (noise, estimated)
}

TEST_CASE("map --color-by priority colours sites by their ranking score", "[cli][map]")
{
    const auto dir = scratch_dir("cli_map_priority");
    const auto out = dir / "priority.png";
    const auto r = run_cli(map_args({SITES, "--country", "URY", "--color-by", "priority", "--ranking",
                                     fixture("ranking_map.csv"), "--dpi", "96", "-o", out.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto img = read_png(out);
    basural::MapStyle style;
    style.dpi = 96;
    const std::map<std::string, double> scores{{"U1", 0.9}, {"U2", 0.5}, {"U3", 0.0}};  // ranking_map.csv
    basural::CountryMapOptions options;
    options.colour_by = basural::ColourBy::priority;
    options.priority_scores = &scores;
    const auto at = [&](basural::LonLat p) {
        const auto q = page_of(p, style, options);
        return pixel(img.get(), q.x_px, q.y_px);
    };
    // YlOrRd stops 0.75 #f03b20 (240,59,32) and 1 #bd0026 (189,0,38): 0.9 is 0.6 of the way,
    // (240 - 0.6*51, 59 - 0.6*59, 32 + 0.6*6) = (209.4, 23.6, 35.6).
    const Rgb u1 = at({-56.20, -34.85});
    CHECK(std::abs(u1.r - 209) <= 1);
    CHECK(std::abs(u1.g - 24) <= 1);
    CHECK(std::abs(u1.b - 36) <= 1);
    CHECK(at({-56.30, -34.78}) == Rgb{0xfd, 0x8d, 0x3c});  // U2, score 0.5: the middle stop
    CHECK(at({-56.10, -34.78}) == Rgb{0xff, 0xff, 0xb2});  // U3, score 0: the first stop
    CHECK(at({-54.95, -34.90}) == GREY);                   // U4 is not in the ranking
}

TEST_CASE("map PDF: poppler opens it; title, counts and sources are on the page", "[cli][map]")
{
    if (!have_tool("pdfinfo") || !have_tool("pdftotext"))
        FAIL("pdfinfo and pdftotext (Debian package poppler-utils) are needed: run scripts/install-deps.sh");
    const auto dir = scratch_dir("cli_map_pdf");
    const auto out = dir / "uruguay.pdf";
    REQUIRE(run_cli(map_args({SITES, "--country", "URY", "-o", out.string()})).exit_code == 0);
    REQUIRE(run_tool({"pdfinfo", out.string()}, dir / "info.txt", dir / "info.err") == 0);
    const std::string info = slurp(dir / "info.txt");
    CHECK_THAT(info, Contains("Pages:           1"));
    CHECK_THAT(info, Contains("Page size:       842.25 x 595.5 pts"));  // default 1123 x 794 px * 0.75
    CHECK_THAT(info, Contains("Title:           Uruguay: disposal sites"));
    REQUIRE(run_tool({"pdftotext", "-layout", out.string(), (dir / "text.txt").string()}, dir / "t.out",
                     dir / "t.err") == 0);
    const std::string text = slurp(dir / "text.txt");
    CHECK_THAT(text, Contains("Uruguay: disposal sites"));
    CHECK_THAT(text, Contains("5 sites: 3 open dumps, 1 controlled dump, 1 sanitary landfill; 1 estimated"));
    CHECK_THAT(text, Contains("Boundaries: Natural Earth"));
    CHECK_THAT(text, Contains("Sites: map fixture, observed"));
    CHECK_THAT(text, Contains("Estimated sites are model outputs, not observations"));
    CHECK_THAT(text, Contains("GeoNames"));
    CHECK_THAT(text, Contains("What a Waste 2.0"));

    // A country with no site is still drawn, and says so.
    const auto empty = dir / "argentina.pdf";
    const auto r = run_cli(map_args({SITES, "--country", "ARG", "-o", empty.string()}));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("ARG: 0 sites"));
    REQUIRE(run_tool({"pdftotext", empty.string(), (dir / "empty.txt").string()}, dir / "e.out", dir / "e.err") == 0);
    CHECK_THAT(slurp(dir / "empty.txt"), Contains("No site of Argentina in the inventory"));
}

TEST_CASE("map HTML with a plan: Chromium draws every site, facility and catchment without a script error",
          "[cli][map][chromium]")
{
    const auto dir = scratch_dir("cli_map_html");
    // A plan: one proposed facility serving U1-U3, U4 reused as an existing landfill, one catchment.
    basural::RegionalPlan plan;
    basural::PlanFacility proposed;
    proposed.facility_id = "URY-F001";
    proposed.country_iso3 = "URY";
    proposed.name = "Regional landfill Montevideo";
    proposed.location = {-56.0, -34.7};
    proposed.waste_t_per_day = 135;
    proposed.sites_served = 3;
    basural::PlanFacility existing = proposed;
    existing.facility_id = "URY-F002";
    existing.existing = true;
    existing.site_id = "U4";
    existing.name = "Relleno Maldonado";
    existing.location = {-54.95, -34.90};
    existing.sites_served = 1;
    plan.facilities = {proposed, existing};
    for (const char* id : {"U1", "U2", "U3"}) {
        basural::PlanAssignment a;
        a.site_id = id;
        a.country_iso3 = "URY";
        a.facility_id = "URY-F001";
        plan.assignments.push_back(a);
    }
    plan.catchments = {{"URY-F001", "URY",
                        {{{{-56.4, -34.9}, {-55.9, -34.9}, {-55.9, -34.6}, {-56.4, -34.6}, {-56.4, -34.9}}}}}};
    const auto plan_path = dir / "plan.gpkg";
    basural::write_plan(plan, plan_path.string());

    const auto out = dir / "uruguay.html";
    const auto r = run_cli(map_args({SITES, "--country", "URY", "--plan", plan_path.string(), "--color-by", "cluster",
                                     "-o", out.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // U4 is in the plan as existing: drawn once as a facility, not twice.
    CHECK_THAT(r.out, Contains("URY: 5 sites, 2 facilities"));
    const std::string dom = basural::test::chromium_dom(out, dir);
    INFO("page: " << dom.substr(0, 2000));
    CHECK_THAT(dom, Contains("data-basural-errors=\"0\""));
    CHECK_THAT(dom, Contains("data-basural-ready=\"true\""));
    CHECK_THAT(dom, Contains("data-basural-sites=\"5\""));
    CHECK_THAT(dom, Contains("data-basural-facilities=\"2\""));
    CHECK(count_of(dom, "<path class=\"basural-site") == 5);
    CHECK(count_of(dom, "<path class=\"basural-site basural-estimated") == 1);
    CHECK(count_of(dom, "basural-facility basural-proposed") == 1);
    CHECK(count_of(dom, "basural-facility basural-existing") == 1);
    // The size key, as on the print map: the largest site is U1's 100 t/day, so 100 (radius 12 px,
    // the largest symbol) and nice_floor(100 / 4) = 20 (12 * sqrt(20 / 100) = 5.37 px); 5 t/day
    // (2.68 px) would not be told apart from the smallest symbol (2.5 px) and is left out.
    CHECK(count_of(dom, "stroke-width=\"0.8\"></circle></svg>") == 2);  // drawn circles, not the script's text
    CHECK_THAT(dom, Contains("r=\"12\" fill=\"#bdbdbd\" stroke=\"#333333\" stroke-width=\"0.8\"></circle></svg>100<"));
    CHECK_THAT(dom, Contains("r=\"5.37\" fill=\"#bdbdbd\" stroke=\"#333333\" stroke-width=\"0.8\"></circle></svg>20<"));
    // The legend lists the plan's facility as the cluster of U1-U3.
    CHECK_THAT(dom, Contains("URY-F001"));
    CHECK_THAT(dom, Contains("Facilities and catchments: basural regionalize plan"));

    // Less clutter: markers grow as the reader zooms in, by sqrt(2) per zoom level. U1's circle
    // (100 t/day, the largest: radius 12 px) is an SVG arc of radius 12 at the first view, and of
    // 12 * 2 = 24 two levels in (Leaflet writes a circle as "a<r>,<r> 0 1,0 <2r>,0" and leaves the
    // markers out of view empty).
    CHECK_THAT(dom, Contains("data-basural-marker-scale=\"1\""));
    CHECK_THAT(dom, Contains("a12,12 0 1,0 24,0"));
    CHECK_THAT(dom, Contains("a6,6 0 1,0 12,0"));  // U2, 25 t/day: 12 * sqrt(25 / 100)
    std::string page = slurp(out);
    const auto end = page.rfind("</body>");
    REQUIRE(end != std::string::npos);
    page.insert(end, "<script>basuralMap.setView([-34.85, -56.2], basuralMap.getZoom() + 2, { animate: false });"
                     "</script>\n");  // two levels in, centred on U1
    const auto zoomed = dir / "zoomed" / "uruguay.html";
    fs::create_directories(zoomed.parent_path());
    std::ofstream(zoomed, std::ios::binary) << page;
    const std::string zoomed_dom = basural::test::chromium_dom(zoomed, zoomed.parent_path());
    CHECK_THAT(zoomed_dom, Contains("data-basural-errors=\"0\""));
    CHECK_THAT(zoomed_dom, Contains("data-basural-marker-scale=\"2\""));
    CHECK_THAT(zoomed_dom, Contains("a24,24 0 1,0 48,0"));
    CHECK_THAT(zoomed_dom, Contains("a12,12 0 1,0 24,0"));  // U2, 25 t/day: 6 px, now 12
    CHECK(zoomed_dom.find("a6,6 0 1,0 12,0") == std::string::npos);
}

TEST_CASE("map --all writes one file per country with sites", "[cli][map]")
{
    const auto dir = scratch_dir("cli_map_all");
    const auto maps = dir / "maps";
    const auto r = run_cli(map_args({fixture("sites_schema.csv"), "--all", "--format", "svg", "-o", maps.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());  // no progress bar when stderr is not a terminal
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(maps))
        files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    // sites_schema.csv has one or two sites in each of the four fixture countries.
    CHECK(files == std::vector<std::string>{"ARG.svg", "BRA.svg", "MEX.svg", "URY.svg"});
    CHECK_THAT(r.out, Contains("BRA: 2 sites, 0 facilities"));
    CHECK_THAT(r.out, Contains("ARG: 1 site, 0 facilities"));
    CHECK(count_svg_paths(maps / "BRA.svg").root_name == "svg");

    // Without an inventory: the shipped one, from BASURAL_DATA_DIR.
    const auto data = dir / "data";
    fs::create_directories(data);
    fs::copy_file(SITES, data / "lac_sites.csv");
    fs::copy_file(COUNTRIES, data / "lac_countries.geojson");
    const auto shipped = run_cli({"map", "--all", "-o", (dir / "shipped").string()},
                                 {"BASURAL_DATA_DIR=" + data.string()});
    INFO(shipped.err);
    REQUIRE(shipped.exit_code == 0);
    CHECK(fs::exists(dir / "shipped" / "URY.png"));
    CHECK(std::distance(fs::directory_iterator(dir / "shipped"), fs::directory_iterator{}) == 1);
}

TEST_CASE("map refuses bad command lines with exit 2 and failed work with exit 1", "[cli][map]")
{
    const auto dir = scratch_dir("cli_map_errors");
    const auto png = (dir / "m.png").string();
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        std::string message;
    };
    const std::vector<Case> cases{
        {{SITES, "-o", png}, 2, "give either --country ISO3 or --all"},
        {{SITES, "--country", "URY", "--all", "-o", png}, 2, "--country excludes --all"},
        {{SITES, "--country", "XYZ", "-o", png}, 2, "unknown country 'XYZ'"},
        {{SITES, "--country", "URY", "-o", (dir / "m.jpg").string()}, 2, "must end in .png, .svg, .pdf or .html"},
        {{SITES, "--country", "URY", "--color-by", "priority", "-o", png}, 2, "--color-by priority needs --ranking"},
        {{SITES, "--country", "URY", "--color-by", "size", "-o", png}, 2, "--color-by: size not in"},
        {{SITES, "--country", "URY", "--format", "svg", "-o", png}, 2, "--format requires --all"},
        {{SITES, "--country", "URY", "--dpi", "5000", "-o", png}, 2, "dpi"},
        {{SITES, "--country", "CHL", "-o", png}, 1, "has no boundary for 'CHL'"},
        {{fixture("no_such_file.csv"), "--country", "URY", "-o", png}, 1, "no_such_file.csv"},
        {{SITES, "--country", "URY", "--color-by", "priority", "--ranking", fixture("ranking_bad_score.csv"), "-o",
          png},
         1, "ranking_bad_score.csv record 2: score '1.5' is not a number in [0, 1]"},
        {{SITES, "--country", "URY", "--plan", fixture("no_such_plan.gpkg"), "-o", png}, 1, "no_such_plan.gpkg"},
        {{SITES, "--country", "URY", "-o", (dir / "missing" / "m.png").string()}, 1, "m.png"},
    };
    for (const auto& c : cases) {
        const auto r = run_cli(map_args(c.args));
        INFO(r.err);
        CHECK(r.exit_code == c.exit_code);
        CHECK_THAT(r.err, Contains(c.message));
    }
    CHECK(fs::is_empty(dir));  // nothing written by a failed run
}
