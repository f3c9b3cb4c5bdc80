#pragma once
/// \file lon_lat.hpp
/// A WGS84 position: the coordinate pair every layer above geo/ builds on.

namespace basural {

/// A WGS84 position in degrees, longitude first (whatever the source's axis order was).
struct LonLat {
    double lon_deg = 0.0;
    double lat_deg = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

}  // namespace basural
