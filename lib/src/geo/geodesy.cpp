#include "basural/geo/geodesy.hpp"

#include <geodesic.h>

#include <cmath>

namespace basural {
namespace {

const geod_geodesic& wgs84()
{
    static const geod_geodesic g = [] {
        geod_geodesic tmp{};
        geod_init(&tmp, WGS84_A_M, WGS84_F);
        return tmp;
    }();
    return g;
}

}  // namespace

GeodesicInverse geodesic_inverse(const LonLat& a, const LonLat& b) noexcept
{
    GeodesicInverse r;
    geod_inverse(&wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &r.distance_m, &r.azimuth1_deg,
                 &r.azimuth2_deg);
    return r;
}

double geodesic_distance_m(const LonLat& a, const LonLat& b) noexcept
{
    double s12 = 0.0;
    geod_inverse(&wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &s12, nullptr, nullptr);
    return s12;
}

LonLat geodesic_direct(const LonLat& start, double azimuth_deg, double distance_m) noexcept
{
    LonLat out;
    geod_direct(&wgs84(), start.lat_deg, start.lon_deg, azimuth_deg, distance_m, &out.lat_deg, &out.lon_deg,
                nullptr);
    return out;
}

double geodesic_ring_area_m2(const std::vector<LonLat>& ring) noexcept
{
    std::size_t n = ring.size();
    if (n >= 2 && ring.front() == ring.back())
        --n;  // closed ring: the closing vertex repeats the first
    if (n < 3)
        return 0.0;
    std::vector<double> lats(n), lons(n);
    for (std::size_t i = 0; i < n; ++i) {
        lats[i] = ring[i].lat_deg;
        lons[i] = ring[i].lon_deg;
    }
    double area_m2 = 0.0;
    double perimeter_m = 0.0;
    geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(n), &area_m2, &perimeter_m);
    return std::fabs(area_m2);
}

}  // namespace basural
