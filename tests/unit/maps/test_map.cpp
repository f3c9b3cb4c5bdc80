// Country maps: palettes, symbol scaling, the projection and layout, and the PNG/SVG/PDF/HTML
// outputs read back by independent readers (Cairo's PNG reader, libxml2, poppler's pdfinfo and
// pdftoppm, headless Chromium).
//
// Fixture (built in code): "Testland", the square lon -50..-48, lat -16..-14; a neighbour east of it,
// lon -48..-46; five sites of five categories; one proposed facility; one catchment.
// The projection centre is the bbox centre (-49, -15).
//
// Reference values:
//   cs2cs -f %.4f +proj=longlat +ellps=WGS84 +to +proj=laea +lat_0=-15 +lon_0=-49 +ellps=WGS84 +units=m
//     -50 -16    -> -107037.8541 -110895.8701
//     -47.5 -15.25 -> 161132.0113  -28207.1573
//   Colours are the palette tables of docs/methods/maps.md, written out here by hand.
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/maps/map.hpp"
#include "maps/map_draw_kit.hpp"

#include "map_readers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <ostream>

using namespace basural;
namespace fs = std::filesystem;

namespace basural {
// For Catch's failure messages.
std::ostream& operator<<(std::ostream& os, const Rgb& c)
{
    return os << c.hex();
}
}  // namespace basural

namespace {

MapPolygon box(double lon0, double lat0, double lon1, double lat1)
{
    return {{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}}};
}

MapPoint site(std::string id, LonLat at, std::string category, std::optional<double> size, bool estimated = false)
{
    MapPoint p;
    p.id = id;
    p.location = at;
    p.category = std::move(category);
    p.size_value = size;
    p.label = "Site " + id;
    p.properties = {{"Site id", id}, {"Municipality", "São João d'Aliança"}};
    p.estimated = estimated;
    return p;
}

MapScene fixture_scene()
{
    MapScene s;
    s.title = "Testland: disposal sites";
    s.subtitle = "Five sites, one proposed facility";
    s.attribution_lines = {"Boundaries: Natural Earth", "Sites: SNIS 2022 (Brazil)", "Places: GeoNames",
                           "Estimated sites are model outputs, not observations"};
    s.focus = {"TST", "Testland", {box(-50, -16, -48, -14)}};
    s.neighbours = {{"NXT", "Nextland", {box(-48, -16, -46, -14)}}};
    s.points = {site("1", {-49.5, -14.5}, "open_dump", 100.0),
                site("2", {-48.5, -14.5}, "controlled_dump", 25.0),
                site("3", {-48.5, -15.5}, "sanitary_landfill", 50.0),
                site("4", {-49.5, -15.5}, "other", std::nullopt),
                site("5", {-49.0, -14.3}, "transfer_station", 10.0, true)};
    MapFacility f;
    f.id = "F1";
    f.location = {-49.0, -15.0};
    f.kind = FacilityKind::proposed;
    f.label = "Regional landfill 1";
    f.size_value = 300.0;
    f.properties = {{"Capacity (t/day)", "300"}};
    s.facilities = {f};
    s.catchments = {{"Catchment of F1", {box(-49.9, -15.9, -49.1, -15.1)}}};
    s.size_label = "Waste received, t/day";
    return s;
}

fs::path scratch(const std::string& name)
{
    const auto dir = fs::path(BASURAL_TEST_TMP_DIR) / "map" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

using test::chromium_dom;
using test::count_of;
using test::count_svg_paths;
using test::have_tool;
using test::pixel;
using test::read_png;
using test::run_tool;
using test::Surface;
using test::svg_colour;
std::string slurp(const fs::path& p) { return test::read_bytes(p); }

// The palette of docs/methods/maps.md.
constexpr Rgb SEA{0xd4, 0xe6, 0xf1};
constexpr Rgb FOCUS{0xf5, 0xf1, 0xe6};
constexpr Rgb NEIGHBOUR{0xe3, 0xe3, 0xe3};
constexpr Rgb OPEN_DUMP{0xd7, 0x30, 0x1f};
constexpr Rgb CONTROLLED_DUMP{0xfc, 0x8d, 0x59};
constexpr Rgb SANITARY_LANDFILL{0x2b, 0x8c, 0xbe};
constexpr Rgb OTHER{0x96, 0x96, 0x96};
constexpr Rgb QUALITATIVE_1{0x1f, 0x77, 0xb4};
constexpr Rgb EXTRA_1{0x94, 0x67, 0xbd};

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("colour_by names round-trip", "[map]")
{
    for (auto v : {ColourBy::type, ColourBy::status, ColourBy::priority, ColourBy::cluster})
        CHECK(parse_colour_by(to_string(v)) == v);
    CHECK_FALSE(parse_colour_by("colour").has_value());
    CHECK(Rgb{0xd7, 0x30, 0x1f}.hex() == "#d7301f");
}

TEST_CASE("site types get the fixed palette in schema order, other keys the qualitative one", "[map]")
{
    const MapScene s = fixture_scene();
    const PointColours c = colour_points(s, ColourBy::type);
    REQUIRE(c.colours.size() == 5);
    CHECK(c.colours[0] == OPEN_DUMP);
    CHECK(c.colours[1] == CONTROLLED_DUMP);
    CHECK(c.colours[2] == SANITARY_LANDFILL);
    CHECK(c.colours[3] == OTHER);
    CHECK(c.colours[4] == EXTRA_1);  // "transfer_station" is not a schema type
    CHECK(c.heading == "Site type");
    REQUIRE(c.legend.size() == 5);
    CHECK(c.legend[0].label == "Open dump");
    CHECK(c.legend[3].label == "Other");
    CHECK(c.legend[4].label == "Transfer station");
    CHECK(c.legend[4].count == 1);
    CHECK(c.legend_index == std::vector<std::size_t>{0, 1, 2, 3, 4});
}

TEST_CASE("statuses and empty categories", "[map]")
{
    MapScene s;
    s.points = {site("a", {}, "closed", 1.0), site("b", {}, "active", 1.0), site("c", {}, "", 1.0),
                site("d", {}, "active", 1.0)};
    const PointColours c = colour_points(s, ColourBy::status);
    CHECK(c.colours[0] == Rgb{0x91, 0xcf, 0x60});
    CHECK(c.colours[1] == Rgb{0xd7, 0x30, 0x27});
    CHECK(c.colours[2] == Rgb{0xbd, 0xbd, 0xbd});
    REQUIRE(c.legend.size() == 3);  // schema order: active, closed; then Unknown
    CHECK(c.legend[0].label == "Active");
    CHECK(c.legend[0].count == 2);
    CHECK(c.legend[1].label == "Closed");
    CHECK(c.legend[2].label == "Unknown");
    CHECK(c.legend_index == std::vector<std::size_t>{1, 0, 2, 0});
}

TEST_CASE("clusters are coloured in natural order, cycling through 9 colours", "[map]")
{
    MapScene s;
    for (int i = 10; i >= 0; --i)
        s.points.push_back(site(std::to_string(i), {}, std::to_string(i), 1.0));
    s.points.push_back(site("x", {}, "", 1.0));
    const PointColours c = colour_points(s, ColourBy::cluster);
    REQUIRE(c.legend.size() == 12);
    CHECK(c.legend[0].label == "Cluster 0");
    CHECK(c.legend[2].label == "Cluster 2");   // "2" before "10": numbers compare as numbers
    CHECK(c.legend[10].label == "Cluster 10");
    CHECK(c.legend[11].label == "Unassigned");
    CHECK(c.legend[0].colour == QUALITATIVE_1);
    CHECK(c.legend[9].colour == QUALITATIVE_1);  // the 10th cluster reuses the first colour
    CHECK(c.legend[1].colour == Rgb{0xff, 0x7f, 0x0e});
    CHECK(c.legend[11].colour == Rgb{0xbd, 0xbd, 0xbd});
    CHECK(c.colours[0] == c.legend[10].colour);  // point "10" is the first point
}

TEST_CASE("priority scores are coloured on the YlOrRd ramp", "[map]")
{
    MapScene s;
    s.points = {site("a", {}, "", 1.0), site("b", {}, "", 1.0), site("c", {}, "", 1.0), site("d", {}, "", 1.0),
                site("e", {}, "", 1.0)};
    s.points[0].priority = 0.0;
    s.points[1].priority = 1.0;
    s.points[2].priority = 0.5;
    s.points[3].priority = 0.125;  // halfway from #ffffb2 to #fecc5c: (254.5, 229.5, 135) rounded half up
    const PointColours c = colour_points(s, ColourBy::priority);
    CHECK(c.colours[0] == Rgb{0xff, 0xff, 0xb2});
    CHECK(c.colours[1] == Rgb{0xbd, 0x00, 0x26});
    CHECK(c.colours[2] == Rgb{0xfd, 0x8d, 0x3c});
    CHECK(c.colours[3] == Rgb{255, 230, 135});
    CHECK(c.colours[4] == Rgb{0xbd, 0xbd, 0xbd});
    REQUIRE(c.legend.size() == 6);
    CHECK(c.legend[5].label == "Not scored");
    CHECK(c.legend[5].count == 1);
    CHECK(c.legend_index == std::vector<std::size_t>{0, 4, 2, 1, 5});  // 0.125 * 4 = 0.5 rounds to stop 1
}

TEST_CASE("symbol area is proportional to the size value", "[map]")
{
    // r = 12 px * sqrt(v / max): v = max -> 12; v = max/4 -> 6 (a quarter of the area).
    CHECK(symbol_radius_px(100.0, 100.0) == Approx(12.0));
    CHECK(symbol_radius_px(25.0, 100.0) == Approx(6.0));
    const double r1 = symbol_radius_px(80.0, 100.0), r2 = symbol_radius_px(20.0, 100.0);
    CHECK(r1 * r1 / (r2 * r2) == Approx(4.0));
    // Below the minimum, unknown, zero and negative values get the smallest symbol.
    CHECK(symbol_radius_px(1.0, 100.0) == Approx(2.5));
    CHECK(symbol_radius_px(std::nullopt, 100.0) == Approx(2.5));
    CHECK(symbol_radius_px(0.0, 100.0) == Approx(2.5));
    CHECK(symbol_radius_px(-3.0, 100.0) == Approx(2.5));
    CHECK(symbol_radius_px(5.0, 0.0) == Approx(2.5));
}

TEST_CASE("the projection is LAEA centred on the country and matches cs2cs", "[map][projection]")
{
    const MapScene s = fixture_scene();
    const MapLayout layout(s, default_map_style());
    CHECK(layout.projection() == "+proj=laea +lat_0=-15.000000 +lon_0=-49.000000 +ellps=WGS84 +units=m");
    CHECK(layout.centre() == LonLat{-49.0, -15.0});
    const auto a = layout.project_m({-50, -16});
    REQUIRE(a);
    CHECK(a->first == Approx(-107037.8541).margin(1e-3));
    CHECK(a->second == Approx(-110895.8701).margin(1e-3));
    const auto b = layout.project_m({-47.5, -15.25});
    REQUIRE(b);
    CHECK(b->first == Approx(161132.0113).margin(1e-3));
    CHECK(b->second == Approx(-28207.1573).margin(1e-3));
    // Page coordinates: x grows east, y grows south, at metres_per_px.
    const auto pa = layout.to_page({-50, -16}), pb = layout.to_page({-47.5, -15.25});
    REQUIRE(pa);
    REQUIRE(pb);
    CHECK((pb->x_px - pa->x_px) * layout.metres_per_px() == Approx(161132.0113 + 107037.8541).margin(1e-3));
    CHECK((pa->y_px - pb->y_px) * layout.metres_per_px() == Approx(-28207.1573 + 110895.8701).margin(1e-3));
}

TEST_CASE("the country is fitted inside the map frame", "[map][projection]")
{
    const MapScene s = fixture_scene();
    const MapLayout layout(s, default_map_style());
    const PageRect& f = layout.map_frame();
    for (const LonLat& corner : s.focus.polygons[0][0]) {
        const auto p = layout.to_page(corner);
        REQUIRE(p);
        CHECK(p->x_px > f.x_px);
        CHECK(p->x_px < f.x_px + f.width_px);
        CHECK(p->y_px > f.y_px);
        CHECK(p->y_px < f.y_px + f.height_px);
    }
}

TEST_CASE("a speck of an island far offshore does not set the view, a site on it does", "[map][projection]")
{
    MapScene s = fixture_scene();
    // A 0.1 degree island 9 degrees east: 0.25% of the country's area, under the 1% left out.
    s.focus.polygons.push_back(box(-40.05, -15.05, -39.95, -14.95));
    const MapLayout mainland(s, default_map_style());
    CHECK(mainland.centre() == LonLat{-49.0, -15.0});
    const auto island = mainland.to_page({-40.0, -15.0});
    REQUIRE(island);
    CHECK(island->x_px > mainland.map_frame().x_px + mainland.map_frame().width_px);
    // A site far from the country (a bad coordinate) is not fitted either...
    s.points.push_back(site("far", {0.0, 0.0}, "open_dump", 1.0));
    CHECK(MapLayout(s, default_map_style()).centre() == LonLat{-49.0, -15.0});
    // ...but a site on the island is: the view now spans lon -50..-40, centred on -45.
    s.points.push_back(site("island", {-40.0, -15.0}, "open_dump", 1.0));
    const MapLayout with_site(s, default_map_style());
    CHECK(with_site.centre() == LonLat{-45.0, -15.0});
    const auto on_island = with_site.to_page({-40.0, -15.0});
    REQUIRE(on_island);
    CHECK(on_island->x_px < with_site.map_frame().x_px + with_site.map_frame().width_px);
}

TEST_CASE("the scale bar is a round number of km, true on the ground at the centre to 1%", "[map][projection]")
{
    const MapScene s = fixture_scene();
    const MapLayout layout(s, default_map_style());
    const ScaleBar bar = layout.scale_bar();
    const double mantissa = bar.length_km / std::pow(10.0, std::floor(std::log10(bar.length_km)));
    CHECK((mantissa == Approx(1.0) || mantissa == Approx(2.0) || mantissa == Approx(5.0)));
    CHECK(bar.length_px > 0.1 * layout.map_frame().width_px);
    CHECK(bar.length_px < 0.25 * layout.map_frame().width_px);
    // Walk the bar's length on the ellipsoid from the centre, east and north, and measure on the page.
    const LonLat c = layout.centre();
    const auto p0 = layout.to_page(c);
    REQUIRE(p0);
    for (double azimuth_deg : {90.0, 0.0}) {
        const auto p1 = layout.to_page(geodesic_direct(c, azimuth_deg, bar.length_km * 1000.0));
        REQUIRE(p1);
        const double on_page_px = std::hypot(p1->x_px - p0->x_px, p1->y_px - p0->y_px);
        CHECK(on_page_px == Approx(bar.length_px).epsilon(0.01));
    }
}

TEST_CASE("bad styles, paths and scenes are refused with clear errors", "[map]")
{
    const auto dir = scratch("errors");
    const MapScene s = fixture_scene();
    MapStyle style = default_map_style();
    CHECK_THROWS_AS(render_map(s, style, (dir / "map.jpg").string()), usage_error);
    CHECK_THROWS_WITH(render_map(s, style, (dir / "map.jpg").string()), Catch::Contains(".png, .svg, .pdf or .html"));
    style.width_px = 100;
    CHECK_THROWS_AS(render_map(s, style, (dir / "map.png").string()), usage_error);
    style = default_map_style();
    style.dpi = 0.0;
    CHECK_THROWS_AS(render_map(s, style, (dir / "map.png").string()), usage_error);
    MapScene empty = s;
    empty.focus.polygons.clear();
    CHECK_THROWS_WITH(render_map(empty, default_map_style(), (dir / "map.png").string()),
                      Catch::Contains("'TST' has no boundary polygon"));
    CHECK_THROWS_WITH(write_map_html(empty, (dir / "map.html").string()), Catch::Contains("'TST' has no boundary"));
    CHECK_THROWS_AS(render_map(s, default_map_style(), (dir / "missing" / "map.png").string()), basural::error);
    CHECK(fs::is_empty(dir));  // nothing half-written left behind
}

TEST_CASE("PNG: size from dpi, and the colours where the country, a site and the sea are", "[map][png]")
{
    const auto dir = scratch("png");
    const MapScene s = fixture_scene();
    const MapStyle style = default_map_style();  // 1123 x 794 layout px at 150 dpi
    const auto path = dir / "testland.png";
    render_map(s, style, path.string());
    const Surface img = read_png(path);
    // 1123 * 150/96 = 1754.69 -> 1755; 794 * 150/96 = 1240.63 -> 1241.
    CHECK(cairo_image_surface_get_width(img.get()) == 1755);
    CHECK(cairo_image_surface_get_height(img.get()) == 1241);

    const MapLayout layout(s, style);
    const double k = 150.0 / 96.0;
    const auto at = [&](LonLat p) {
        const auto q = layout.to_page(p);
        REQUIRE(q);
        return pixel(img.get(), q->x_px * k, q->y_px * k);
    };
    CHECK(at({-48.2, -15.0}) == FOCUS);       // inside Testland, away from every symbol
    CHECK(at({-47.8, -15.0}) == NEIGHBOUR);   // inside Nextland
    CHECK(at({-49.5, -14.5}) == OPEN_DUMP);   // site 1's centre
    CHECK(at({-48.5, -14.5}) == CONTROLLED_DUMP);
    CHECK(at({-48.5, -15.5}) == SANITARY_LANDFILL);
    CHECK(at({-49.5, -15.5}) == OTHER);       // site 4: sites are drawn over catchments
    CHECK(at({-49.0, -14.3}) == FOCUS);       // site 5 is estimated: hollow, the country shows through
    // Inside the catchment: 15% of its colour over the country's:
    // 0.85 * (245, 241, 230) + 0.15 * (106, 81, 163) = (224.15, 217.0, 219.95).
    const Rgb blend = at({-49.7, -15.3});
    CHECK(std::abs(blend.r - 224) <= 1);
    CHECK(std::abs(blend.g - 217) <= 1);
    CHECK(std::abs(blend.b - 220) <= 1);
    const PageRect& f = layout.map_frame();
    CHECK(pixel(img.get(), (f.x_px + 5) * k, (f.y_px + 5) * k) == SEA);
    CHECK(pixel(img.get(), 2, 2) == Rgb{255, 255, 255});  // page margin

    // Same scene, same bytes.
    const auto again = dir / "again.png";
    render_map(s, style, again.string());
    CHECK(slurp(path) == slurp(again));
}

TEST_CASE("invalid UTF-8 in a name does not stop the print map", "[map][png]")
{
    const auto dir = scratch("utf8");
    MapScene s = fixture_scene();
    s.title = "Bad \xFF byte, overlong \xC0\xAF, truncated \xE2\x82";
    s.attribution_lines.push_back("Sites: S\xE3o Paulo (Latin-1, not UTF-8)");
    const auto path = dir / "bad.png";
    render_map(s, default_map_style(), path.string());
    CHECK(fs::file_size(path) > 0);
    render_map(s, default_map_style(), (dir / "bad.html").string());
    const std::string html = slurp(dir / "bad.html");
    CHECK(html.find("<title>Bad \xEF\xBF\xBD byte, overlong \xEF\xBF\xBD\xEF\xBF\xBD, truncated "
                    "\xEF\xBF\xBD</title>") != std::string::npos);
    CHECK(html.find("\xFF") == std::string::npos);
}

TEST_CASE("SVG: well-formed, one symbol per site of a colour, deterministic", "[map][svg]")
{
    const auto dir = scratch("svg");
    const MapScene s = fixture_scene();
    const auto path = dir / "testland.svg";
    render_map(s, default_map_style(), path.string());

    const auto counts = count_svg_paths(path);
    CHECK(counts.root_name == "svg");
    // Page size in points: 1123 x 794 layout px * 0.75.
    const std::string svg = slurp(path);
    CHECK(svg.find("width=\"842.25pt\" height=\"595.5pt\"") != std::string::npos);

    // Each observed site is one filled path of its colour, plus its legend swatch.
    auto filled = counts.filled;
    auto stroked_only = counts.stroked_only;
    CHECK(filled[svg_colour(OPEN_DUMP)] == 2);          // site 1 + legend
    CHECK(filled[svg_colour(CONTROLLED_DUMP)] == 2);    // site 2 + legend
    CHECK(filled[svg_colour(SANITARY_LANDFILL)] == 2);  // site 3 + legend
    CHECK(filled[svg_colour(EXTRA_1)] == 1);        // site 5 is hollow: only its legend swatch is filled
    CHECK(stroked_only[svg_colour(EXTRA_1)] == 1);  // ...and the site is a ring in that colour

    const auto again = dir / "again.svg";
    render_map(s, default_map_style(), again.string());
    CHECK(svg == slurp(again));
}

TEST_CASE("PDF: opened by poppler with the page size asked for, and the map on it", "[map][pdf]")
{
    if (!have_tool("pdfinfo") || !have_tool("pdftoppm"))
        FAIL("pdfinfo and pdftoppm (Debian package poppler-utils) are needed: run scripts/install-deps.sh");
    const auto dir = scratch("pdf");
    const MapScene s = fixture_scene();
    const auto path = dir / "testland.pdf";
    render_map(s, default_map_style(), path.string());
    const std::string pdf = slurp(path);
    REQUIRE(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("CreationDate") == std::string::npos);  // no clock in the output

    REQUIRE(run_tool({"pdfinfo", path.string()}, dir / "info.txt", dir / "info.err") == 0);
    const std::string info = slurp(dir / "info.txt");
    CHECK(info.find("Pages:           1") != std::string::npos);
    CHECK(info.find("Page size:       842.25 x 595.5 pts") != std::string::npos);  // 1123 x 794 px * 0.75
    CHECK(info.find("Title:           Testland: disposal sites") != std::string::npos);

    // Rasterised by poppler at 96 dpi, layout pixels are image pixels.
    REQUIRE(run_tool({"pdftoppm", "-r", "96", "-png", "-singlefile", path.string(), (dir / "page").string()},
                     dir / "ppm.out", dir / "ppm.err") == 0);
    const Surface img = read_png(dir / "page.png");
    const MapLayout layout(s, default_map_style());
    const auto inside = layout.to_page({-48.2, -15.0});
    const auto dump = layout.to_page({-49.5, -14.5});
    REQUIRE(inside);
    REQUIRE(dump);
    CHECK(pixel(img.get(), inside->x_px, inside->y_px) == FOCUS);
    CHECK(pixel(img.get(), dump->x_px, dump->y_px) == OPEN_DUMP);

    const auto again = dir / "again.pdf";
    render_map(s, default_map_style(), again.string());
    CHECK(pdf == slurp(again));
}

TEST_CASE("HTML: self-contained, strings escaped, deterministic", "[map][html]")
{
    const auto dir = scratch("html");
    MapScene s = fixture_scene();
    s.title = "Testland </script><script>alert(1)</script> \"São Tomé\" & 'Príncipe'";
    s.points[0].label = "Lixão </script> \"do\" Morro";
    const auto path = dir / "testland.html";
    write_map_html(s, path.string());
    const std::string html = slurp(path);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    // Three scripts (error hook, Leaflet, the map) and no other "</script" anywhere: the data's
    // "</script>" is escaped, so it cannot end the data script early.
    CHECK(count_of(html, "<script>") == 3);
    CHECK(count_of(html, "</script") == 3);
    CHECK(html.find("Lix\xC3\xA3o \\u003c/script\\u003e \\\"do\\\" Morro") != std::string::npos);
    CHECK(html.find("<title>Testland &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;São Tomé&quot; "
                    "&amp; &#39;Príncipe&#39;</title>") != std::string::npos);
    // Offline: nothing loaded from elsewhere.
    CHECK(html.find("<script src") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("Leaflet 1.9.4") != std::string::npos);
    CHECK(html.find("BSD 2-Clause License") != std::string::npos);
    // render_map dispatches .html here too; same scene, same bytes.
    const auto again = dir / "again.html";
    render_map(s, default_map_style(), again.string());
    CHECK(html == slurp(again));
}

TEST_CASE("HTML: headless Chromium draws every site and facility without a script error", "[map][html][chromium]")
{
    const auto dir = scratch("chromium");
    MapScene s = fixture_scene();
    s.title = "Testland </script> \"São Tomé\"";
    s.points[0].label = "Lixão </script><script>document.title='pwned'</script>";
    // A site with no usable position is left out, not passed to Leaflet (which would throw).
    s.points.push_back(site("nowhere", {std::nan(""), 0.0}, "open_dump", 1.0));
    const auto path = dir / "testland.html";
    write_map_html(s, path.string());
    const std::string dom = chromium_dom(path, dir);
    INFO("page errors: " << dom.substr(0, 2000));
    CHECK(dom.find("data-basural-errors=\"0\"") != std::string::npos);
    CHECK(dom.find("data-basural-ready=\"true\"") != std::string::npos);
    CHECK(dom.find("data-basural-requests=\"0\"") != std::string::npos);  // no network request
    CHECK(dom.find("data-basural-sites=\"5\"") != std::string::npos);
    CHECK(dom.find("data-basural-facilities=\"1\"") != std::string::npos);
    // Leaflet's own elements: one SVG path per site marker, one icon per facility.
    CHECK(count_of(dom, "<path class=\"basural-site") == 5);
    CHECK(count_of(dom, "<path class=\"basural-site basural-estimated") == 1);
    CHECK(count_of(dom, "basural-facility basural-proposed") == 1);
    CHECK(count_of(dom, "class=\"leaflet-control-scale-line\"") == 1);
    CHECK(count_of(dom, "<div class=\"leaflet-control-layers leaflet-control-layers-expanded") == 1);
    // 9 toggles: neighbours, Testland, catchments, 5 site categories, proposed facilities.
    CHECK(count_of(dom, "<input type=\"checkbox\" class=\"leaflet-control-layers-selector\"") == 9);
    // The attribution control (not just the page's data) shows the sources; the legend is drawn.
    const auto attribution = dom.find("<div class=\"leaflet-control-attribution");
    REQUIRE(attribution != std::string::npos);
    const std::string attribution_div = dom.substr(attribution, dom.find("</div>", attribution) - attribution);
    CHECK(attribution_div.find(">Leaflet</a>") != std::string::npos);
    CHECK(attribution_div.find("Boundaries: Natural Earth, Sites: SNIS 2022 (Brazil), Places: GeoNames") !=
          std::string::npos);
    CHECK(dom.find("<div class=\"basural-legend leaflet-control\"><h4>Site type</h4>") != std::string::npos);
    CHECK(dom.find("<title>pwned</title>") == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Languages, text as text, states, towns

namespace {

Locale locale_of(std::string_view tag)
{
    const auto l = parse_locale(tag);
    REQUIRE(l);
    return *l;
}

/// Testland split into a west and an east state along lon -49 (one topology: they share that edge).
std::vector<MapRegion> testland_states()
{
    return {{"TST-W", "W", "TST", "Westprovinz", {box(-50, -16, -49, -14)}},
            {"TST-E", "E", "TST", "Ostprovinz", {box(-49, -16, -48, -14)}}};
}

}  // namespace

TEST_CASE("legend words come from the catalogue in the scene's language", "[map][lang]")
{
    MapScene s = fixture_scene();
    s.locale = locale_of("es");
    PointColours c = colour_points(s, ColourBy::type);
    CHECK(c.heading == "Tipo de sitio");
    CHECK(c.legend[0].label == "Botadero a cielo abierto");
    CHECK(c.legend[2].label == "Relleno sanitario");
    CHECK(c.legend[4].label == "Transfer station");  // not a schema value: the key made readable
    s.locale = locale_of("pt_BR");
    c = colour_points(s, ColourBy::type);
    CHECK(c.heading == "Tipo de local");
    CHECK(c.legend[0].label == "Lixão");
    s.locale = locale_of("es_MX");
    CHECK(colour_points(s, ColourBy::type).legend[0].label == "Tiradero a cielo abierto");
    CHECK(colour_points(s, ColourBy::priority).legend[0].label == "0.00 (mínima)");  // es-MX: decimal point
    s.locale = locale_of("pt");
    CHECK(colour_points(s, ColourBy::priority).legend[4].label == "1,00 (máxima)");
}

TEST_CASE("SVG: every word is a <text> element, in the scene's language", "[map][svg][lang]")
{
    const auto dir = scratch("svg_text");
    MapScene s = fixture_scene();
    s.locale = locale_of("es");
    const auto path = dir / "testland.svg";
    render_map(s, default_map_style(), path.string());
    const auto svg = count_svg_paths(path);
    const auto has = [&](const std::string& t) {
        return std::find(svg.texts.begin(), svg.texts.end(), t) != svg.texts.end();
    };
    CHECK(has("Testland: disposal sites"));  // the scene's own title, as given
    CHECK(has("Five sites, one proposed facility"));
    CHECK(has("Tipo de sitio"));
    CHECK(has("Botadero a cielo abierto (1)"));
    CHECK(has("Relleno sanitario regional propuesto (1)"));
    CHECK(has("N"));
    CHECK(has("Boundaries: Natural Earth"));
    CHECK(std::any_of(svg.texts.begin(), svg.texts.end(),
                      [](const std::string& t) { return t.size() > 3 && t.substr(t.size() - 3) == " km"; }));
    CHECK_FALSE(has("Site type"));
    // Glyphs are not drawn as shapes: a handful of paths (areas, stars, swatches), not thousands.
    std::size_t shapes = 0;
    for (const auto& [colour, n] : svg.filled)
        shapes += n;
    CHECK(shapes < 60);
}

TEST_CASE("states: shared boundaries drawn once, the zoomed state fills the view, the others are veiled",
          "[map][png][admin1]")
{
    const auto states = testland_states();
    const auto lines = detail::region_lines(states, "TST-E");
    REQUIRE(lines.shared.size() == 1);  // the edge along lon -49, and nothing of the outer coast
    CHECK(lines.shared[0].size() == 2);
    for (const auto& p : lines.shared[0])
        CHECK(p.lon_deg == -49.0);
    CHECK(lines.zoom.size() == 1);
    CHECK(detail::region_lines(states, "").zoom.empty());

    const auto dir = scratch("admin1");
    MapScene s = fixture_scene();
    // Only the east state's sites and facility, as build_country_scene shows a zoomed state.
    std::erase_if(s.points, [](const MapPoint& p) { return p.location.lon_deg <= -49.0; });
    s.facilities[0].location = {-48.5, -15.0};
    s.admin1 = states;
    s.zoom_admin1 = "TST-E";
    MapStyle style = default_map_style();
    style.dpi = 96;
    const MapLayout layout(s, style);
    CHECK(layout.centre() == LonLat{-48.5, -15.0});  // the east state's centre (its sites lie inside it)
    const auto path = dir / "east.png";
    render_map(s, style, path.string());
    const Surface img = read_png(path);
    const auto at = [&](LonLat p) {
        const auto q = layout.to_page(p);
        REQUIRE(q);
        return pixel(img.get(), q->x_px, q->y_px);
    };
    CHECK(at({-48.2, -15.0}) == FOCUS);
    // The west state under a 60% white veil: 0.4 * (245, 241, 230) + 0.6 * 255 = (251, 249.4, 245).
    const Rgb veiled = at({-49.8, -14.2});
    CHECK(std::abs(veiled.r - 251) <= 1);
    CHECK(std::abs(veiled.g - 249) <= 1);
    CHECK(std::abs(veiled.b - 245) <= 1);
    s.zoom_admin1 = "TST-X";
    CHECK_THROWS_WITH(MapLayout(s, style), Catch::Contains("zooms to the state 'TST-X'"));
}

TEST_CASE("town names are written where they fit, inside the frame", "[map][svg][labels]")
{
    const auto dir = scratch("places");
    MapScene s = fixture_scene();
    s.admin1 = testland_states();
    s.places = {{"Grosse Stadt", {-48.2, -14.8}, 500000}, {"Ferne Stadt", {10.0, 50.0}, 400000}};
    const auto path = dir / "places.svg";
    render_map(s, default_map_style(), path.string());
    const auto texts = count_svg_paths(path).texts;
    CHECK(std::count(texts.begin(), texts.end(), "Grosse Stadt") == 1);
    CHECK(std::count(texts.begin(), texts.end(), "Ferne Stadt") == 0);  // outside the frame
    CHECK(std::count(texts.begin(), texts.end(), "Westprovinz") == 1);   // state names inside their state
    CHECK(std::count(texts.begin(), texts.end(), "Ostprovinz") == 1);
}

TEST_CASE("HTML: sites at one point share one marker whose popup lists them all", "[map][html]")
{
    const auto dir = scratch("html_shared");
    MapScene s = fixture_scene();
    s.locale = locale_of("pt");
    s.points.push_back(site("1b", {-49.5, -14.5}, "open_dump", 20.0));  // at site 1's point, same colour
    const auto path = dir / "shared.html";
    write_map_html(s, path.string());
    const std::string html = slurp(path);
    CHECK(html.find("<html lang=\"pt\"") != std::string::npos);
    CHECK(html.find("\"heading\":\"2 locais neste ponto\"") != std::string::npos);
    CHECK(count_of(html, "\"members\":[") == 5);  // 6 sites, 5 markers
    CHECK(html.find("\"label\":\"Site 1\"") != std::string::npos);
    CHECK(html.find("\"label\":\"Site 1b\"") != std::string::npos);
    CHECK(html.find("\"proposed\":\"Aterros sanitários regionais propostos (1)\"") != std::string::npos);
}
