#pragma once
// What the parts of a print map's drawing share (map_drawing.cpp, map_legend.cpp, map_labels.cpp):
// the colours of docs/methods/maps.md, the symbols, and a builder that appends operations and fits text.

#include "basural/maps/map_palette.hpp"
#include "maps/map_drawing.hpp"
#include "maps/map_text.hpp"

#include <string>
#include <vector>

namespace basural::detail {

constexpr Rgb colour_of(unsigned v)
{
    return Rgb{static_cast<std::uint8_t>((v >> 16) & 0xffU), static_cast<std::uint8_t>((v >> 8) & 0xffU),
               static_cast<std::uint8_t>(v & 0xffU)};
}

inline constexpr Rgb PAGE_COLOUR = colour_of(0xffffff);
inline constexpr Rgb SEA_COLOUR = colour_of(0xd4e6f1);
inline constexpr Rgb NEIGHBOUR_FILL = colour_of(0xe3e3e3);
inline constexpr Rgb NEIGHBOUR_LINE = colour_of(0xa6a6a6);
inline constexpr Rgb FOCUS_FILL = colour_of(0xf5f1e6);
inline constexpr Rgb FOCUS_LINE = colour_of(0x4d4d4d);
inline constexpr Rgb ADMIN1_LINE = colour_of(0x9a9a9a);
inline constexpr Rgb ADMIN1_TEXT = colour_of(0x6e6e6e);
inline constexpr double ZOOM_VEIL_ALPHA = 0.6;  // white over the states a zoomed map does not show
inline constexpr Rgb CATCHMENT_COLOUR = colour_of(0x6a51a3);
inline constexpr double CATCHMENT_FILL_ALPHA = 0.15;
inline constexpr Rgb PROPOSED_COLOUR = colour_of(0x4a1486);
inline constexpr Rgb EXISTING_COLOUR = colour_of(0x252525);
inline constexpr Rgb SYMBOL_LINE = colour_of(0x333333);
inline constexpr Rgb TEXT_COLOUR = colour_of(0x1a1a1a);
inline constexpr Rgb MUTED_TEXT = colour_of(0x555555);
inline constexpr Rgb SIZE_KEY_COLOUR = colour_of(0xbdbdbd);
inline constexpr double FACILITY_RADIUS_PX = 8.0;

/// Appends operations to a drawing; measures and fits text.
class DrawingBuilder {
public:
    explicit DrawingBuilder(MapDrawing& drawing) : m_drawing(drawing) {}

    void add(DrawOp op) { m_drawing.ops.push_back(std::move(op)); }
    void begin(std::string id, std::optional<PageRect> clip = std::nullopt,
               std::vector<std::vector<PagePoint>> clip_rings = {});
    void end() { add(EndGroup{}); }

    /// A line of text with its baseline at (x, y), shrunk (down to 60%) to fit `max_width_px`.
    /// Returns the width it takes.
    struct TextStyle {
        double size_px = 11.0;
        bool bold = false;
        bool italic = false;
        Rgb colour = TEXT_COLOUR;
        TextAnchor anchor = TextAnchor::start;
        std::optional<Rgb> halo = std::nullopt;
    };
    double text(const std::string& raw_text, double x, double y, double max_width_px, const TextStyle& style);
    double text(const std::string& raw_text, double x, double y, double max_width_px)
    {
        return text(raw_text, x, y, max_width_px, TextStyle{});
    }

    const TextMeasure& measure() const noexcept { return m_measure; }

private:
    MapDrawing& m_drawing;
    TextMeasure m_measure;
};

/// A rectangle as a closed path.
DrawPath rect_path(const PageRect& r, std::optional<Fill> fill, std::optional<Stroke> stroke);

/// A site: a disc in its colour with a thin dark outline, or, when estimated, a ring in its colour.
DrawCircle site_symbol(PagePoint at, double radius_px, Rgb colour, bool estimated);

/// A facility: a star (proposed), a filled square (existing, used by the plan) or an open square
/// (existing, not used).
DrawPath facility_symbol(PagePoint at, FacilityKind kind);

/// True when two rectangles overlap.
bool overlaps(const PageRect& a, const PageRect& b) noexcept;

/// The legend column: colours, estimated, size, what else is on the map.
void add_legend(DrawingBuilder& b, const MapScene& scene, const PointColours& colours, double max_size,
                const PageRect& box);

/// The scale bar (bottom left of the frame) and north arrow (top right); returns the rectangles they
/// take so labels keep clear of them.
std::vector<PageRect> add_scale_and_north(DrawingBuilder& b, const MapLayout& layout, const Locale& locale);

/// Names of the states and of the largest towns, placed where they fit without overlapping each
/// other or `occupied` (which receives the labels placed).
void add_labels(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, std::vector<PageRect>& occupied);

/// Internal boundaries between a country's first-level units: the ring segments two units share
/// (the units come from one topology), joined into lines; and those of the unit `zoom_id` alone.
struct RegionLines {
    std::vector<std::vector<LonLat>> shared;
    std::vector<std::vector<LonLat>> zoom;  ///< the zoomed unit's boundary with its neighbours
};
RegionLines region_lines(const std::vector<MapRegion>& regions, const std::string& zoom_id);

}  // namespace basural::detail
