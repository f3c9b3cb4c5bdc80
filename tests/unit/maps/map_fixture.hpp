#pragma once
// The fixture of the map unit tests (tests/unit/maps/test_map_*.cpp): "Testland", the square
// lon -50..-48, lat -16..-14; a neighbour east of it, lon -48..-46; five sites of five categories; one
// proposed facility; one catchment. The projection centre is the bbox centre (-49, -15).
//
// Reference values:
//   cs2cs -f %.4f +proj=longlat +ellps=WGS84 +to +proj=laea +lat_0=-15 +lon_0=-49 +ellps=WGS84 +units=m
//     -50 -16    -> -107037.8541 -110895.8701
//     -47.5 -15.25 -> 161132.0113  -28207.1573
//   Colours are the palette tables of docs/methods/maps.md, written out here by hand.
#include "basural/base/error.hpp"
#include "basural/base/locale.hpp"
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
#include <string_view>

namespace basural {
// For Catch's failure messages.
inline std::ostream& operator<<(std::ostream& os, const Rgb& c)
{
    return os << c.hex();
}
}  // namespace basural

namespace basural::test::maps {

namespace fs = std::filesystem;

inline MapPolygon box(double lon0, double lat0, double lon1, double lat1)
{
    return {{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}}};
}

inline MapPoint site(std::string id, LonLat at, std::string category, std::optional<double> size, bool estimated = false)
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

inline MapScene fixture_scene()
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

inline fs::path scratch(const std::string& name)
{
    const auto dir = fs::path(BASURAL_TEST_TMP_DIR) / "map" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

using basural::test::chromium_dom;
using basural::test::count_of;
using basural::test::count_svg_paths;
using basural::test::have_tool;
using basural::test::pixel;
using basural::test::read_png;
using basural::test::run_tool;
using basural::test::Surface;
using basural::test::svg_colour;
inline std::string slurp(const fs::path& p) { return test::read_bytes(p); }

// The palette of docs/methods/maps.md.
inline constexpr Rgb SEA{0xd4, 0xe6, 0xf1};
inline constexpr Rgb FOCUS{0xf5, 0xf1, 0xe6};
inline constexpr Rgb NEIGHBOUR{0xe3, 0xe3, 0xe3};
inline constexpr Rgb OPEN_DUMP{0xd7, 0x30, 0x1f};
inline constexpr Rgb CONTROLLED_DUMP{0xfc, 0x8d, 0x59};
inline constexpr Rgb SANITARY_LANDFILL{0x2b, 0x8c, 0xbe};
inline constexpr Rgb OTHER{0x96, 0x96, 0x96};
inline constexpr Rgb QUALITATIVE_1{0x1f, 0x77, 0xb4};
inline constexpr Rgb EXTRA_1{0x94, 0x67, 0xbd};


inline Locale locale_of(std::string_view tag)
{
    const auto l = parse_locale(tag);
    REQUIRE(l);
    return *l;
}

/// Testland split into a west and an east state along lon -49 (one topology: they share that edge).
inline std::vector<MapRegion> testland_states()
{
    return {{"TST-W", "W", "TST", "Westprovinz", {box(-50, -16, -49, -14)}},
            {"TST-E", "E", "TST", "Ostprovinz", {box(-49, -16, -48, -14)}}};
}

}  // namespace basural::test::maps
