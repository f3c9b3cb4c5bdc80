#include "basural/spatial_index.hpp"

#include "basural/geodesy.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

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
constexpr double MERIDIAN_RADIUS_MIN_M = WGS84_A_M * (1.0 - WGS84_F * (2.0 - WGS84_F));
constexpr double PI = 3.14159265358979323846;
constexpr double RAD_TO_DEG = 180.0 / PI;

bool by_distance_then_index(const Neighbour& a, const Neighbour& b)
{
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.index < b.index;
}
}  // namespace

struct SpatialIndex::Tree {
    bgi::rtree<Value, bgi::quadratic<16>> rtree;
};

DegreeSpan conservative_degree_span(const LonLat& centre, double radius_m) noexcept
{
    DegreeSpan span;
    span.dlat_deg = radius_m / MERIDIAN_RADIUS_MIN_M * RAD_TO_DEG * 1.0001 + 1e-9;
    const double max_abs_lat = std::fabs(centre.lat_deg) + span.dlat_deg;
    if (max_abs_lat >= 89.9) {
        span.dlon_deg = 180.0;
        return span;
    }
    // Parallel radius at the highest latitude the circle reaches; the geodesic is longer than the
    // arc along that parallel, so this bounds the longitude change.
    const double phi = max_abs_lat / RAD_TO_DEG;
    const double e2 = WGS84_F * (2.0 - WGS84_F);
    const double parallel_radius_m = WGS84_A_M * std::cos(phi) / std::sqrt(1.0 - e2 * std::sin(phi) * std::sin(phi));
    span.dlon_deg = std::min(180.0, radius_m / parallel_radius_m * RAD_TO_DEG * 1.0001 * PI / 2.0 + 1e-9);
    return span;
}

SpatialIndex::SpatialIndex(std::vector<LonLat> points) : m_points(std::move(points)), m_tree(std::make_unique<Tree>())
{
    std::vector<Value> values;
    values.reserve(m_points.size());
    for (std::size_t i = 0; i < m_points.size(); ++i)
        values.emplace_back(BgPoint(m_points[i].lon_deg, m_points[i].lat_deg), i);
    m_tree->rtree = bgi::rtree<Value, bgi::quadratic<16>>(values.begin(), values.end());  // packing
}

SpatialIndex::~SpatialIndex() = default;
SpatialIndex::SpatialIndex(SpatialIndex&&) noexcept = default;
SpatialIndex& SpatialIndex::operator=(SpatialIndex&&) noexcept = default;

std::vector<Neighbour> SpatialIndex::within_m(const LonLat& centre, double radius_m) const
{
    std::vector<Neighbour> out;
    if (radius_m < 0.0 || m_points.empty())
        return out;
    const auto span = conservative_degree_span(centre, radius_m);
    const double lat_lo = centre.lat_deg - span.dlat_deg, lat_hi = centre.lat_deg + span.dlat_deg;
    double lon_lo = centre.lon_deg - span.dlon_deg, lon_hi = centre.lon_deg + span.dlon_deg;
    std::vector<BgBox> boxes;
    if (span.dlon_deg >= 180.0) {
        boxes.emplace_back(BgPoint(-180.0, lat_lo), BgPoint(180.0, lat_hi));
    } else {
        boxes.emplace_back(BgPoint(std::max(lon_lo, -180.0), lat_lo), BgPoint(std::min(lon_hi, 180.0), lat_hi));
        if (lon_lo < -180.0)  // wraps across the antimeridian
            boxes.emplace_back(BgPoint(lon_lo + 360.0, lat_lo), BgPoint(180.0, lat_hi));
        if (lon_hi > 180.0)
            boxes.emplace_back(BgPoint(-180.0, lat_lo), BgPoint(lon_hi - 360.0, lat_hi));
    }
    std::vector<Value> hits;
    for (const auto& box : boxes)
        m_tree->rtree.query(bgi::intersects(box), std::back_inserter(hits));
    std::sort(hits.begin(), hits.end(), [](const Value& a, const Value& b) { return a.second < b.second; });
    hits.erase(std::unique(hits.begin(), hits.end(),
                           [](const Value& a, const Value& b) { return a.second == b.second; }),
               hits.end());
    for (const auto& [pt, idx] : hits) {
        const double d = geodesic_distance_m(centre, m_points[idx]);
        if (d <= radius_m)
            out.push_back({idx, d});
    }
    std::sort(out.begin(), out.end(), by_distance_then_index);
    return out;
}

std::vector<Neighbour> SpatialIndex::nearest(const LonLat& centre, std::size_t k) const
{
    std::vector<Neighbour> out;
    k = std::min(k, m_points.size());
    if (k == 0)
        return out;
    // Start from the k nearest in degree space, take the farthest of them geodesically as a radius
    // that holds at least k points, then answer exactly with a radius query.
    std::vector<Value> seeds;
    m_tree->rtree.query(bgi::nearest(BgPoint(centre.lon_deg, centre.lat_deg), static_cast<unsigned>(k)),
                        std::back_inserter(seeds));
    double radius_m = 0.0;
    for (const auto& [pt, idx] : seeds)
        radius_m = std::max(radius_m, geodesic_distance_m(centre, m_points[idx]));
    out = within_m(centre, radius_m);
    out.resize(std::min(out.size(), k));
    return out;
}

}  // namespace basural
