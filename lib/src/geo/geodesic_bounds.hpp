#pragma once
// Cheap, rigorous bounds on the WGS84 geodesic distance from the straight-line (chord) distance
// between Earth-centred, Earth-fixed (ECEF) positions. They decide most `distance <= r` questions
// without calling geod_inverse (about 1.4 µs a call); only pairs whose bounds straddle r need it.
// Private: not installed, not part of the public API.
//
//   lower bound: a chord is the shortest path in space, so s >= c.
//   upper bound: a geodesic's curvature in space equals the surface's normal curvature in its
//     direction, at most 1/rho with rho = a(1 - e^2) (the meridional radius at the equator). By
//     Schur's comparison theorem a curve of length s <= pi*rho whose curvature never exceeds 1/rho has
//     a chord no shorter than the circular arc of radius rho and the same length:
//     c >= 2 rho sin(s / (2 rho)), so s <= 2 rho asin(c / (2 rho)). A shortest geodesic longer than
//     pi*rho (19 904 km) ends within 101 km of the antipode (half a meridian is 20 004 km), so its chord
//     exceeds 12 570 km: below a 12 000 km chord the bound always applies; above it we give none.
// Both bounds carry a slack of 1 µm + 1e-12 of the distance, far above the rounding of the chord
// (~1e-8 m) plus geod_inverse's error (~15 nm), so they bound the *computed* geodesic_distance_m too.

#include "basural/geo/geodesy.hpp"
#include "basural/geo/lon_lat.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace basural::detail {

struct Ecef {
    double x_m = 0.0;
    double y_m = 0.0;
    double z_m = 0.0;
};

inline constexpr double BOUND_PI = 3.14159265358979323846;
inline constexpr double WGS84_E2 = WGS84_F * (2.0 - WGS84_F);
/// Smallest radius of curvature of the WGS84 ellipsoid (meridional, at the equator): a(1 - e^2).
inline constexpr double WGS84_MIN_CURVATURE_RADIUS_M = WGS84_A_M * (1.0 - WGS84_E2);
/// Chords up to this length satisfy the Schur upper bound (see above).
inline constexpr double SCHUR_MAX_CHORD_M = 12.0e6;

/// A point on the ellipsoid surface (height 0) in ECEF metres.
inline Ecef to_ecef(const LonLat& p) noexcept
{
    const double phi = p.lat_deg * (BOUND_PI / 180.0);
    const double lam = p.lon_deg * (BOUND_PI / 180.0);
    const double sphi = std::sin(phi), cphi = std::cos(phi);
    const double n_m = WGS84_A_M / std::sqrt(1.0 - WGS84_E2 * sphi * sphi);
    return {n_m * cphi * std::cos(lam), n_m * cphi * std::sin(lam), n_m * (1.0 - WGS84_E2) * sphi};
}

inline double chord_squared_m2(const Ecef& a, const Ecef& b) noexcept
{
    const double dx = a.x_m - b.x_m, dy = a.y_m - b.y_m, dz = a.z_m - b.z_m;
    return dx * dx + dy * dy + dz * dz;
}

inline double bound_slack_m(double distance_m) noexcept { return 1e-6 + 1e-12 * distance_m; }

/// Never more than the computed geodesic distance between the two points whose chord this is.
inline double geodesic_lower_bound_m(double chord_m) noexcept { return chord_m - bound_slack_m(chord_m); }

/// Never less than the computed geodesic distance; +infinity for chords over SCHUR_MAX_CHORD_M.
inline double geodesic_upper_bound_m(double chord_m) noexcept
{
    if (!(chord_m <= SCHUR_MAX_CHORD_M))
        return std::numeric_limits<double>::infinity();
    const double rho = WGS84_MIN_CURVATURE_RADIUS_M;
    const double s_m = 2.0 * rho * std::asin(chord_m / (2.0 * rho));
    return s_m + bound_slack_m(s_m);
}

/// Squared-chord thresholds that answer `computed geodesic distance <= radius_m` without a geodesic:
/// c^2 > reject_above_m2 means certainly farther, c^2 <= accept_up_to_m2 certainly within;
/// in between the geodesic must be computed.
struct ChordThresholds {
    double accept_up_to_m2 = -1.0;
    double reject_above_m2 = 0.0;
};

inline ChordThresholds chord_thresholds(double radius_m) noexcept
{
    ChordThresholds t;
    // lower bound c - slack(c) > r  <=  c > (r + 1e-6) / (1 - 1e-12), widened a little more.
    const double reject_m = (radius_m + 2e-6) * (1.0 + 4e-12);
    t.reject_above_m2 = reject_m * reject_m;
    // upper bound <= r  <=  2 rho asin(c / 2 rho) (1 + 1e-12) + 1e-6 <= r.
    const double rho = WGS84_MIN_CURVATURE_RADIUS_M;
    const double s_max_m = (radius_m - 2e-6) * (1.0 - 4e-12);
    if (s_max_m > 0.0 && s_max_m < BOUND_PI * rho) {
        const double accept_m = std::min(2.0 * rho * std::sin(s_max_m / (2.0 * rho)), SCHUR_MAX_CHORD_M) * (1.0 - 1e-12);
        t.accept_up_to_m2 = accept_m * accept_m;
    }
    return t;
}

}  // namespace basural::detail
