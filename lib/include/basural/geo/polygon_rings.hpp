#pragma once
/// \file polygon_rings.hpp
/// Polygons as rings of WGS84 vertices: the one shape of country boundaries, first-level units and the
/// polygons a map draws.

#include "basural/geo/lon_lat.hpp"

#include <vector>

namespace basural {

/// A ring of WGS84 vertices, closed (the last vertex repeats the first).
using Ring = std::vector<LonLat>;
/// A polygon: its exterior ring first, then its holes.
using PolygonRings = std::vector<Ring>;
/// The polygons of one feature (a country's mainland and islands...).
using MultiPolygonRings = std::vector<PolygonRings>;

}  // namespace basural
