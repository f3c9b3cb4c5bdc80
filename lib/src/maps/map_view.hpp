#pragma once
// What a country map is fitted to, and text clean-up, shared by the print renderer (map.cpp) and the HTML page
// (map_html.cpp) so that both show the same view.

#include "basural/maps/map.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace basural::detail {

/// The positions the view must contain: every vertex of the focus country's main polygons (the
/// largest ones that together hold 99% of its area, so that a speck of an island 3,000 km offshore,
/// such as Chile's Easter Island, does not shrink the mainland to a corner), plus every site and
/// facility within 1 degree of the country's full bounding box (a site on a remote island is
/// shown). Throws basural::error when the focus country has no polygon.
std::vector<LonLat> map_view_extent(const MapScene& scene);

/// `s` with every byte sequence that is not well-formed UTF-8 (RFC 3629) replaced by U+FFFD:
/// Cairo refuses to draw invalid UTF-8 (it would fail the whole map over one bad name), and a page
/// must not carry it either.
std::string valid_utf8(std::string_view s);

}  // namespace basural::detail
