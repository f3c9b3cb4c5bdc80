// Map palettes (lib/src/maps/map_palette.cpp): colours by type, status, cluster and priority, and the symbol
// area by size value.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

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
