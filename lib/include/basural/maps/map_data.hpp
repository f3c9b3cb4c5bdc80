#pragma once
/// \file map_data.hpp
/// What one map shows (MapScene) and how it is drawn (MapStyle): plain data, no Site, no file, no GDAL.
/// `basural map` and `basural report` build a scene from an inventory and a plan (map_scene.hpp); the
/// renderers (map.hpp) draw any scene.

#include "basural/base/locale.hpp"
#include "basural/geo/lon_lat.hpp"
#include "basural/geo/polygon_rings.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basural {

/// A closed ring of WGS84 positions (basural/geo/polygon_rings.hpp).
using MapRing = Ring;
/// A polygon: the first ring is the exterior, the others are holes.
using MapPolygon = PolygonRings;

/// A country: the focus of the map or a neighbour (drawn grey).
struct MapCountry {
    std::string iso3;
    std::string name;
    std::vector<MapPolygon> polygons;
};

/// A first-level unit (state, province, department) of the focus country: its boundary is drawn as a
/// thin line and its name where it fits.
struct MapRegion {
    std::string id;    ///< unique over the layer ("MEX-15")
    std::string code;  ///< the code sites carry in admin1_code ("15"), as the layer gives it
    std::string iso3;  ///< the country it belongs to
    std::string name;
    std::vector<MapPolygon> polygons;
};

/// A town whose name is written on the map (the largest ones that fit without overlapping).
struct MapPlace {
    std::string name;
    LonLat location;
    std::optional<std::int64_t> population;
};

/// One site on the map.
struct MapPoint {
    std::string id;
    LonLat location;
    /// The key the palette colours by: a site type ("open_dump"), a status ("active") or a cluster
    /// label ("12"), as the caller chose for MapStyle::colour_by. Unused for ColourBy::priority.
    std::string category;
    /// Priority score in [0, 1] (1 = close first): coloured on a ramp under ColourBy::priority.
    std::optional<double> priority;
    /// What the symbol's area is proportional to (e.g. waste t/day); nullopt: the smallest symbol.
    std::optional<double> size_value;
    std::string label;  ///< a name for popups
    /// Shown, in this order, in the HTML popup: (heading, value) already in the map's language.
    std::vector<std::pair<std::string, std::string>> properties;
    /// Location or size comes from a model, not an observation: drawn hollow, and said so.
    bool estimated = false;
};

/// A regional facility of a plan, or an existing sanitary landfill the plan leaves unused.
enum class FacilityKind {
    proposed,         ///< a new regional landfill the plan proposes (star)
    existing,         ///< an existing sanitary landfill the plan uses (filled square)
    existing_unused,  ///< an existing active sanitary landfill the plan does not use (open square)
};

struct MapFacility {
    std::string id;
    LonLat location;
    FacilityKind kind = FacilityKind::proposed;
    std::string label;
    std::optional<double> size_value;  ///< e.g. t/day received: shown in the popup
    std::vector<std::pair<std::string, std::string>> properties;
};

/// The area a facility serves, drawn as a semi-transparent fill with an outline.
struct MapCatchment {
    std::string label;
    std::vector<MapPolygon> polygons;
};

/// Everything one map shows.
struct MapScene {
    std::string title;
    std::string subtitle;
    /// Sources and caveats, one per line, printed at the foot of the map, e.g. "Boundaries: Natural
    /// Earth", "Sites: SNIS 2022 (Brazil)", "Estimated sites are model outputs, not observations".
    std::vector<std::string> attribution_lines;
    MapCountry focus;
    std::vector<MapCountry> neighbours;
    /// The focus country's first-level units (boundaries and names); may be empty.
    std::vector<MapRegion> admin1;
    /// When not empty: the MapRegion::id of the state the map zooms to; the view is fitted to it
    /// instead of the focus country, and the rest of the country is veiled.
    std::string zoom_admin1;
    /// Towns to label, largest first; the renderer writes those that fit.
    std::vector<MapPlace> places;
    std::vector<MapPoint> points;
    std::vector<MapFacility> facilities;
    std::vector<MapCatchment> catchments;
    /// What MapPoint::size_value measures, for the legend (e.g. "Waste received, t/day").
    std::string size_label;
    /// The language of the map's own words (legend, scale, popups' notes); the text above is already
    /// in it.
    Locale locale;
};

/// What the site colours show.
enum class ColourBy { type, status, priority, cluster };
std::string_view to_string(ColourBy v) noexcept;
/// "type", "status", "priority" or "cluster"; std::nullopt otherwise.
std::optional<ColourBy> parse_colour_by(std::string_view s) noexcept;

/// How a map is drawn.
struct MapStyle {
    int width_px = 1123;   ///< layout pixels (1/96 in): 1123 x 794 is A4 landscape
    int height_px = 794;
    double dpi = 150.0;    ///< PNG resolution; 96 makes one layout pixel one image pixel
    ColourBy colour_by = ColourBy::type;
};

/// A4 landscape at 150 dpi, sites coloured by type.
MapStyle default_map_style();

/// Throws basural::usage_error for a page outside 320..16384 x 240..16384 layout pixels or a dpi
/// outside 24..1200.
void check_map_style(const MapStyle& style);

/// An sRGB colour.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
    /// "#rrggbb"
    std::string hex() const;
};

}  // namespace basural
