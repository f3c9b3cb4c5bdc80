#pragma once
// Shared by the map's layout (map_layout.cpp), its drawing (map_drawing.cpp) and the HTML page
// (map_html.cpp), so that all show the same view with the same sizes.

#include "basural/maps/map_data.hpp"

#include <vector>

namespace basural::detail {

// Text sizes of the page, in layout pixels.
inline constexpr double MAP_TITLE_SIZE_PX = 22.0;
inline constexpr double MAP_SUBTITLE_SIZE_PX = 13.0;
inline constexpr double MAP_ATTRIBUTION_SIZE_PX = 10.0;
inline constexpr double MAP_ATTRIBUTION_LINE_PX = 13.0;

/// The positions the view must contain: every vertex of the main polygons of the zoomed state (when
/// the scene zooms to one) or of the focus country (the largest polygons that together hold 99% of
/// its area, so that a speck of an island 3,000 km offshore, such as Chile's Easter Island, does not
/// shrink the mainland to a corner), plus every site and facility within 1 degree of their bounding
/// box (a site on a remote island is shown). Throws basural::error when there is no polygon.
std::vector<LonLat> map_view_extent(const MapScene& scene);

/// The state a scene zooms to (MapScene::zoom_admin1), or nullptr when it shows the whole country;
/// throws basural::error when the scene names a state it does not have.
const MapRegion* zoom_region(const MapScene& scene);

/// 1, 2 or 5 x 10^k, the largest not above v (v > 0): scale bars and legend reference values.
double nice_floor(double v);

/// The reference values of the size key, largest first: the largest 1-2-5 value not above
/// max_size, then about a quarter and a twentieth of it, keeping those whose symbols
/// (symbol_radius_px) are told apart from the smallest symbol. Empty when max_size <= 0.
std::vector<double> size_key_values(double max_size);

}  // namespace basural::detail
