#pragma once
/// \file catchments.hpp
/// The area a regional facility's sites come from, as polygons (private to the planning layer).

#include "basural/geo/lon_lat.hpp"
#include "detail/geos.hpp"

#include <vector>

namespace basural::planning_detail {

/// Concave hull of the facility and its sites, buffered by buffer_m, built on an azimuthal equidistant
/// projection centred on the facility (x = d sin az, y = d cos az from exact geodesics) and projected
/// back with geodesic_direct. Polygons -> rings (exterior first).
std::vector<std::vector<std::vector<LonLat>>> catchment_polygons(detail::GeosContext& ctx, const LonLat& centre,
                                                                 const std::vector<LonLat>& points, double ratio,
                                                                 double buffer_m);

}  // namespace basural::planning_detail
