// The SVG writer (lib/src/maps/map_svg.cpp) read back by libxml2: symbols, and every word a <text>.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

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
