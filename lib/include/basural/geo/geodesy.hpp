#pragma once
/// \file geodesy.hpp
/// Geodesics on the WGS84 ellipsoid, through PROJ's geod_* (Karney's algorithms).
/// Distances in metres, areas in square metres or hectares, azimuths in degrees clockwise from north.

#include "basural/geo/lon_lat.hpp"

#include <vector>

namespace basural {

/// WGS84 semi-major axis and flattening, as used by every function here.
inline constexpr double WGS84_A_M = 6378137.0;
inline constexpr double WGS84_F = 1.0 / 298.257223563;

/// Result of the inverse geodesic problem between two points.
struct GeodesicInverse {
    double distance_m = 0.0;
    double azimuth1_deg = 0.0;  ///< forward azimuth at the first point
    double azimuth2_deg = 0.0;  ///< forward azimuth at the second point
};

/// Shortest distance on the WGS84 ellipsoid between two points, in metres.
double geodesic_distance_m(const LonLat& a, const LonLat& b) noexcept;

/// Distance and azimuths on the WGS84 ellipsoid.
GeodesicInverse geodesic_inverse(const LonLat& a, const LonLat& b) noexcept;

/// The point reached from `start` after `distance_m` along azimuth `azimuth_deg`.
LonLat geodesic_direct(const LonLat& start, double azimuth_deg, double distance_m) noexcept;

/// Absolute area of a simple ring of WGS84 vertices (closed or not), in square metres,
/// with edges as geodesics. Either orientation gives the same positive value.
double geodesic_ring_area_m2(const std::vector<LonLat>& ring) noexcept;

/// Square metres in one hectare.
inline constexpr double M2_PER_HA = 10000.0;

}  // namespace basural
