#pragma once
/// \file map_palette.hpp
/// Site colours and symbol sizes, shared by the print map and the HTML page so that both agree.
/// Palettes are tabulated in docs/methods/maps.md.

#include "basural/maps/map_data.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace basural {

/// One line of the colour legend.
struct LegendEntry {
    std::string label;
    Rgb colour;
    std::size_t count = 0;  ///< points with this colour (0 for ramp stops)
};

/// The colour of every point under a ColourBy, and the legend that explains it, in the scene's language.
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
/// YlOrRd) over [0, 1], grey when unscored. Labels are in scene.locale's language.
PointColours colour_points(const MapScene& scene, ColourBy by);

/// Symbol radius in layout pixels for a size value, given the largest size value on the map:
/// area proportional to the value, r = MAX_R * sqrt(value / max_value), at least MIN_R;
/// MIN_R for an unknown (nullopt), zero or negative value.
double symbol_radius_px(std::optional<double> value, double max_value) noexcept;
inline constexpr double SYMBOL_MIN_RADIUS_PX = 2.5;
inline constexpr double SYMBOL_MAX_RADIUS_PX = 12.0;

/// The largest finite size value of the scene's points (0 when none).
double max_size_value(const MapScene& scene) noexcept;

}  // namespace basural
