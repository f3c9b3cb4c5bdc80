#pragma once
/// \file map.hpp
/// Country maps: print-quality PNG, SVG and PDF drawn with Cairo, and one self-contained offline
/// HTML page (Leaflet inlined). The input is plain data (MapScene): no Site, no file, no GDAL here;
/// the `basural map` command builds the scene from an inventory and a plan.
///
/// Method (docs/methods/maps.md): the map is drawn in a Lambert azimuthal equal-area projection on
/// the WGS84 ellipsoid centred on the focus country's bounding-box centre, so symbol densities and
/// catchment sizes compare truly across the map and the scale bar is exact at the centre.
/// Site symbols have an area proportional to their size value (radius ~ sqrt(value)).
///
/// Page geometry is in layout pixels: CSS pixels of 1/96 inch. A PNG has
/// round(width_px * dpi / 96) x round(height_px * dpi / 96) pixels; SVG and PDF pages measure
/// width_px * 0.75 x height_px * 0.75 points.

#include "basural/geo/lon_lat.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basural {

/// A closed ring of WGS84 positions (closing vertex optional).
using MapRing = std::vector<LonLat>;
/// A polygon: the first ring is the exterior, the others are holes.
using MapPolygon = std::vector<MapRing>;

/// A country: the focus of the map or a neighbour (drawn grey).
struct MapCountry {
    std::string iso3;
    std::string name;
    std::vector<MapPolygon> polygons;
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
    /// Shown, in this order, in the HTML popup.
    std::vector<std::pair<std::string, std::string>> properties;
    /// Location or size comes from a model, not an observation: drawn hollow, and said so.
    bool estimated = false;
};

enum class FacilityKind { proposed, existing };

/// A proposed regional facility or an existing sanitary landfill.
struct MapFacility {
    std::string id;
    LonLat location;
    FacilityKind kind = FacilityKind::proposed;
    std::string label;
    std::optional<double> size_value;  ///< e.g. capacity in t/day: shown in the popup
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
    std::vector<MapPoint> points;
    std::vector<MapFacility> facilities;
    std::vector<MapCatchment> catchments;
    /// What MapPoint::size_value measures, for the legend (e.g. "Waste received, t/day").
    std::string size_label;
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

/// An sRGB colour.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
    /// "#rrggbb"
    std::string hex() const;
};

/// One line of the colour legend.
struct LegendEntry {
    std::string label;
    Rgb colour;
    std::size_t count = 0;  ///< points with this colour (0 for ramp stops)
};

/// The colour of every point under a ColourBy, and the legend that explains it. One function serves
/// both renderers, so the print map and the HTML page always agree.
struct PointColours {
    std::string heading;               ///< "Site type", "Status", "Closure priority" or "Cluster"
    std::vector<Rgb> colours;          ///< one per MapScene::points, same order
    std::vector<LegendEntry> legend;   ///< in display order
    /// One per point: its legend entry (for priority, the nearest ramp stop; "Not scored" if none).
    std::vector<std::size_t> legend_index;
};

/// type and status: a fixed palette per value of the schema (site.hpp); other keys get 5 further
/// hues (cycling) and "" is grey "Unknown". cluster: a qualitative palette of 9 colours cycling
/// over the labels in natural order ("2" before "10"). priority: a sequential ramp (ColorBrewer
/// YlOrRd) over [0, 1], grey when unscored. Palettes are tabulated in docs/methods/maps.md.
PointColours colour_points(const MapScene& scene, ColourBy by);

/// Symbol radius in layout pixels for a size value, given the largest size value on the map:
/// area proportional to the value, r = MAX_R * sqrt(value / max_value), at least MIN_R;
/// MIN_R for an unknown (nullopt), zero or negative value.
double symbol_radius_px(std::optional<double> value, double max_value) noexcept;
inline constexpr double SYMBOL_MIN_RADIUS_PX = 2.5;
inline constexpr double SYMBOL_MAX_RADIUS_PX = 12.0;

/// A position on the page, in layout pixels from the top-left corner, y down.
struct PagePoint {
    double x_px = 0.0;
    double y_px = 0.0;
};

/// A rectangle on the page, in layout pixels.
struct PageRect {
    double x_px = 0.0, y_px = 0.0, width_px = 0.0, height_px = 0.0;
};

/// The scale bar: a round number of kilometres and its length on the page.
struct ScaleBar {
    double length_km = 0.0;
    double length_px = 0.0;
};

/// Where everything lands on the page: the projection, the map frame and the scale. Built from the
/// focus country; render_map uses it, and tests and callers can ask where a position is drawn.
class MapLayout {
public:
    /// Throws basural::usage_error for a bad style (size or dpi out of range) and basural::error
    /// when the focus country has no polygon.
    MapLayout(const MapScene& scene, const MapStyle& style);
    ~MapLayout();
    MapLayout(MapLayout&&) noexcept;
    MapLayout& operator=(MapLayout&&) noexcept;
    MapLayout(const MapLayout&) = delete;
    MapLayout& operator=(const MapLayout&) = delete;

    /// The projection's PROJ string (e.g. "+proj=laea +lat_0=-14.2 +lon_0=-51.9 +ellps=WGS84").
    const std::string& projection() const noexcept;
    /// The projection centre: the centre of the focus country's longitude/latitude bounding box.
    LonLat centre() const noexcept;
    /// Projected metres, for a WGS84 position; std::nullopt where the projection is undefined.
    std::optional<std::pair<double, double>> project_m(const LonLat& p) const;
    /// Page position of a WGS84 position; std::nullopt where the projection is undefined.
    std::optional<PagePoint> to_page(const LonLat& p) const;
    /// Page positions of many WGS84 positions in one PROJ call, same order; positions the
    /// projection cannot place are left out.
    std::vector<PagePoint> to_page(const std::vector<LonLat>& points) const;
    /// The rectangle the map is drawn in (the rest of the page holds title, legend and sources).
    const PageRect& map_frame() const noexcept;
    /// Projected metres per layout pixel; true on the ground at the centre (LAEA's scale is 1 there).
    double metres_per_px() const noexcept;
    /// A round length (1, 2 or 5 x 10^k km) about a fifth of the frame's width.
    ScaleBar scale_bar() const noexcept;
    const MapStyle& style() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Draws the map to `path`, the format chosen by its extension: .png, .svg, .pdf, or .html (which
/// calls write_map_html). Written atomically; same input, same bytes (PNG, SVG, and PDF whose
/// creation date is fixed). Throws basural::usage_error for an unknown extension or a bad style,
/// basural::error when the file cannot be written.
void render_map(const MapScene& scene, const MapStyle& style, const std::string& path);

/// Writes one self-contained HTML page that works offline: Leaflet 1.9.4 and its CSS inlined, the
/// scene as inline GeoJSON, layer toggles, a legend, a scale and the attribution lines. Written
/// atomically; deterministic.
void write_map_html(const MapScene& scene, const std::string& path,
                    const MapStyle& style = default_map_style());

}  // namespace basural
