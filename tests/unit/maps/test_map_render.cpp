// Rendering a scene (lib/src/maps/map_render.cpp, map_cairo.cpp): bad styles refused, PNG read back by
// Cairo, PDF by poppler.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

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
