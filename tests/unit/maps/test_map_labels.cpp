// Town labels (lib/src/maps/map_labels.cpp): written where they fit, inside the frame.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

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
