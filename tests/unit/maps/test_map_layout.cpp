// The map view (lib/src/maps/map_layout.cpp): LAEA projection against cs2cs, fitting, the scale bar.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

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
