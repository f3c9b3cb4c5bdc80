#pragma once
// A map page (map.hpp) drawn into memory, for the HTML report: PNG bytes.

#include "basural/maps/map.hpp"

#include <string>

namespace basural::detail {

/// The map of `scene` as a PNG of round(width_px x scale) x round(height_px x scale) pixels
/// (scale 1: one layout pixel per image pixel). Throws usage_error for a bad style, error when Cairo fails.
std::string map_png(const MapScene& scene, const MapStyle& style, double scale);

}  // namespace basural::detail
