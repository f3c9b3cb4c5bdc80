// The drawing of a scene (lib/src/maps/map_drawing.cpp): states drawn once, zoom to one, the others veiled.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

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
