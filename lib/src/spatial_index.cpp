#include "basural/spatial_index.hpp"

#include "basural/geodesy.hpp"
#include "detail/geodesic_bounds.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>
#include <cmath>

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace basural {

namespace {
using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;  // (lon, lat) in degrees
using BgBox = bg::model::box<BgPoint>;
using Value = std::pair<BgPoint, std::size_t>;

// Smallest meridional radius of curvature on WGS84 (at the equator): a(1-e^2). A geodesic of length
// s changes latitude by at most s / M_min radians, so this bound is conservative everywhere.
constexpr double MERIDIAN_RADIUS_MIN_M = detail::WGS84_MIN_CURVATURE_RADIUS_M;
constexpr double WGS84_B_M = WGS84_A_M * (1.0 - WGS84_F);
constexpr double PI = 3.14159265358979323846;
constexpr double RAD_TO_DEG = 180.0 / PI;

bool by_distance_then_index(const Neighbour& a, const Neighbour& b)
{
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.index < b.index;
}
}  // namespace

struct SpatialIndex::Tree {
    bgi::rtree<Value, bgi::quadratic<16>> rtree;
    std::vector<detail::Ecef> ecef;
};

DegreeSpan conservative_degree_span(const LonLat& centre, double radius_m) noexcept
{
    DegreeSpan span;
    span.dlat_deg = radius_m / MERIDIAN_RADIUS_MIN_M * RAD_TO_DEG * 1.0001 + 1e-9;
    const double max_abs_lat = std::fabs(centre.lat_deg) + span.dlat_deg;
    if (!(max_abs_lat < 89.9)) {
        span.dlon_deg = 180.0;
        return span;
    }
    // On Bessel's auxiliary sphere (Karney 2013, eq. 7: ds / (a dsigma) = dlambda / domega =
    // sqrt(1 - e^2 cos^2 beta)) a geodesic of length s is a great-circle arc sigma <= s / b, and its
    // longitude changes by no more than the auxiliary longitude omega. By the haversine formula,
    // hav(sigma) >= cos(beta1) cos(beta2) hav(domega), and both reduced latitudes beta are at most the
    // reduced latitude of the highest latitude the circle reaches, so
    //   sin(dlambda / 2) <= sin(domega / 2) <= sin(sigma / 2) / cos(beta_max).
    const double sigma = radius_m / WGS84_B_M;
    const double tan_beta = (1.0 - WGS84_F) * std::tan(max_abs_lat / RAD_TO_DEG);
    const double cos_beta_max = 1.0 / std::sqrt(1.0 + tan_beta * tan_beta);
    const double x = std::sin(std::min(sigma, PI) / 2.0) / cos_beta_max;
    if (!(sigma < PI) || !(x < 1.0)) {
        span.dlon_deg = 180.0;
        return span;
    }
    span.dlon_deg = std::min(180.0, 2.0 * std::asin(x) * RAD_TO_DEG * 1.0001 + 1e-9);
    return span;
}

SpatialIndex::SpatialIndex(std::vector<LonLat> points) : m_points(std::move(points)), m_tree(std::make_unique<Tree>())
{
    std::vector<Value> values;
    values.reserve(m_points.size());
    m_tree->ecef.reserve(m_points.size());
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        values.emplace_back(BgPoint(m_points[i].lon_deg, m_points[i].lat_deg), i);
        m_tree->ecef.push_back(detail::to_ecef(m_points[i]));
    }
    m_tree->rtree = bgi::rtree<Value, bgi::quadratic<16>>(values.begin(), values.end());  // packing
}

SpatialIndex::~SpatialIndex() = default;
SpatialIndex::SpatialIndex(SpatialIndex&&) noexcept = default;
SpatialIndex& SpatialIndex::operator=(SpatialIndex&&) noexcept = default;

void SpatialIndex::candidates_within_m(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const
{
    out.clear();
    if (!(radius_m >= 0.0) || m_points.empty())
        return;
    const auto span = conservative_degree_span(centre, radius_m);
    const double lat_lo = centre.lat_deg - span.dlat_deg, lat_hi = centre.lat_deg + span.dlat_deg;
    const double lon_lo = centre.lon_deg - span.dlon_deg, lon_hi = centre.lon_deg + span.dlon_deg;
    BgBox boxes[3];
    int box_count = 0;
    if (span.dlon_deg >= 180.0) {
        boxes[box_count++] = BgBox(BgPoint(-180.0, lat_lo), BgPoint(180.0, lat_hi));
    } else {
        boxes[box_count++] = BgBox(BgPoint(std::max(lon_lo, -180.0), lat_lo), BgPoint(std::min(lon_hi, 180.0), lat_hi));
        if (lon_lo < -180.0)  // wraps across the antimeridian
            boxes[box_count++] = BgBox(BgPoint(lon_lo + 360.0, lat_lo), BgPoint(180.0, lat_hi));
        if (lon_hi > 180.0)
            boxes[box_count++] = BgBox(BgPoint(-180.0, lat_lo), BgPoint(lon_hi - 360.0, lat_hi));
    }
    auto sink = boost::make_function_output_iterator([&out](const Value& v) { out.push_back(v.second); });
    for (int b = 0; b < box_count; ++b)
        m_tree->rtree.query(bgi::intersects(boxes[b]), sink);
    if (box_count > 1) {  // a point on a box edge (lon = +-180) may be reported twice
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
}

std::vector<Neighbour> SpatialIndex::within_m(const LonLat& centre, double radius_m) const
{
    std::vector<Neighbour> out;
    std::vector<std::size_t> candidates;
    candidates_within_m(centre, radius_m, candidates);
    const auto c = detail::to_ecef(centre);
    const auto t = detail::chord_thresholds(radius_m);
    for (const std::size_t idx : candidates) {
        if (detail::chord_squared_m2(c, m_tree->ecef[idx]) > t.reject_above_m2)
            continue;  // certainly farther than radius_m
        const double d = geodesic_distance_m(centre, m_points[idx]);
        if (d <= radius_m)
            out.push_back({idx, d});
    }
    std::sort(out.begin(), out.end(), by_distance_then_index);
    return out;
}

std::vector<std::size_t> SpatialIndex::indices_within_m(const LonLat& centre, double radius_m) const
{
    std::vector<std::size_t> candidates;
    candidates_within_m(centre, radius_m, candidates);
    const auto c = detail::to_ecef(centre);
    const auto t = detail::chord_thresholds(radius_m);
    std::size_t kept = 0;
    for (const std::size_t idx : candidates) {
        const double c2 = detail::chord_squared_m2(c, m_tree->ecef[idx]);
        if (c2 > t.reject_above_m2)
            continue;
        if (c2 <= t.accept_up_to_m2 || geodesic_distance_m(centre, m_points[idx]) <= radius_m)
            candidates[kept++] = idx;
    }
    candidates.resize(kept);
    std::sort(candidates.begin(), candidates.end());
    return candidates;
}

std::vector<Neighbour> SpatialIndex::nearest(const LonLat& centre, std::size_t k) const
{
    std::vector<Neighbour> out;
    k = std::min(k, m_points.size());
    if (k == 0)
        return out;
    // The k nearest in degree space bound the radius that holds the k geodesic nearest: take the
    // largest upper bound of their geodesic distances (or the distances themselves when the bound is
    // unavailable, for chords over 12 000 km).
    std::vector<Value> seeds;
    m_tree->rtree.query(bgi::nearest(BgPoint(centre.lon_deg, centre.lat_deg), static_cast<unsigned>(k)),
                        std::back_inserter(seeds));
    const auto c = detail::to_ecef(centre);
    double radius_m = 0.0;
    for (const auto& [pt, idx] : seeds)
        radius_m = std::max(radius_m, detail::geodesic_upper_bound_m(std::sqrt(detail::chord_squared_m2(c, m_tree->ecef[idx]))));
    if (!std::isfinite(radius_m)) {
        radius_m = 0.0;
        for (const auto& [pt, idx] : seeds)
            radius_m = std::max(radius_m, geodesic_distance_m(centre, m_points[idx]));
    }
    // Among the candidates, the k-th smallest upper bound is at least the k-th nearest distance:
    // a candidate whose lower bound exceeds it cannot be among the k nearest, so only the others need
    // their geodesic distance.
    std::vector<std::size_t> candidates;
    candidates_within_m(centre, radius_m, candidates);
    struct Bounded {
        std::size_t index;
        double lower_m;
        double upper_m;
    };
    std::vector<Bounded> bounded;
    bounded.reserve(candidates.size());
    for (const std::size_t idx : candidates) {
        const double chord_m = std::sqrt(detail::chord_squared_m2(c, m_tree->ecef[idx]));
        const double lower_m = detail::geodesic_lower_bound_m(chord_m);
        if (lower_m <= radius_m)
            bounded.push_back({idx, lower_m, detail::geodesic_upper_bound_m(chord_m)});
    }
    double kth_upper_m = radius_m;
    if (bounded.size() > k) {
        std::vector<double> uppers(bounded.size());
        std::transform(bounded.begin(), bounded.end(), uppers.begin(), [](const Bounded& b) { return b.upper_m; });
        std::nth_element(uppers.begin(), uppers.begin() + static_cast<std::ptrdiff_t>(k - 1), uppers.end());
        kth_upper_m = std::min(kth_upper_m, uppers[k - 1]);
    }
    for (const auto& b : bounded)
        if (b.lower_m <= kth_upper_m)
            out.push_back({b.index, geodesic_distance_m(centre, m_points[b.index])});
    std::sort(out.begin(), out.end(), by_distance_then_index);
    out.resize(std::min(out.size(), k));
    return out;
}

}  // namespace basural
