#include "basural/geo/spatial_index.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "geo/geodesic_bounds.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>
#include <cmath>
#include <string>

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

// Longitude in [-180, 180] for the tree (the same meridian; distances are unaffected).
double tree_lon(double lon_deg) noexcept { return std::fabs(lon_deg) > 180.0 ? std::remainder(lon_deg, 360.0) : lon_deg; }

bool by_distance_then_index(const Neighbour& a, const Neighbour& b)
{
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.index < b.index;
}
}  // namespace

struct SpatialIndex::Tree {
    bgi::rtree<Value, bgi::quadratic<16>> rtree;
    std::vector<detail::Ecef> ecef;

    /// A candidate of a k-nearest query with bounds on its geodesic distance.
    struct Bounded {
        std::size_t index;
        double lower_m;
        double upper_m;
    };

    void box_candidates(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const;

    /// The candidates that may be among the k nearest of `centre` (every one of the k nearest is
    /// there), with bounds on their distances; `kth_upper_m` is set to a distance that at least k of
    /// them do not exceed. A candidate whose lower bound exceeds kth_upper_m cannot be among the k
    /// nearest and is not returned.
    std::vector<Bounded> k_candidates(const std::vector<LonLat>& points, const LonLat& centre, std::size_t k,
                                      double& kth_upper_m) const;
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
    // On Bessel's auxiliary sphere (Karney 2013, Sec. 2: ds / (a dsigma) = dlambda / domega =
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
        values.emplace_back(BgPoint(tree_lon(m_points[i].lon_deg), m_points[i].lat_deg), i);
        m_tree->ecef.push_back(detail::to_ecef(m_points[i]));
    }
    m_tree->rtree = bgi::rtree<Value, bgi::quadratic<16>>(values.begin(), values.end());  // packing
}

SpatialIndex::~SpatialIndex() = default;
SpatialIndex::SpatialIndex(SpatialIndex&&) noexcept = default;
SpatialIndex& SpatialIndex::operator=(SpatialIndex&&) noexcept = default;

void SpatialIndex::candidates_within_m(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const
{
    m_tree->box_candidates(centre, radius_m, out);
}

void SpatialIndex::Tree::box_candidates(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const
{
    out.clear();
    if (!(radius_m >= 0.0) || ecef.empty())
        return;
    const auto span = conservative_degree_span(centre, radius_m);
    const double lat_lo = centre.lat_deg - span.dlat_deg, lat_hi = centre.lat_deg + span.dlat_deg;
    const double lon_deg = tree_lon(centre.lon_deg);
    const double lon_lo = lon_deg - span.dlon_deg, lon_hi = lon_deg + span.dlon_deg;
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
        rtree.query(bgi::intersects(boxes[b]), sink);
    if (box_count > 1) {  // a point on a box edge (lon = +-180) may be reported twice
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
}

void SpatialIndex::for_each_pair_within_m(double radius_m,
                                          const std::function<void(std::size_t, std::size_t, double)>& visit,
                                          const std::vector<char>* wanted, std::size_t a_begin,
                                          std::size_t a_end) const
{
    if (wanted && wanted->size() != m_points.size())
        throw error("spatial index: " + std::to_string(wanted->size()) + " flags for " +
                    std::to_string(m_points.size()) + " points");
    const auto t = detail::chord_thresholds(radius_m);
    std::vector<std::size_t> candidates;
    for (std::size_t a = a_begin; a < std::min(a_end, m_points.size()); ++a) {
        candidates_within_m(m_points[a], radius_m, candidates);
        const bool a_wanted = !wanted || (*wanted)[a];
        for (const std::size_t b : candidates) {
            if (b <= a || !(a_wanted || (*wanted)[b]))
                continue;
            if (detail::chord_squared_m2(m_tree->ecef[a], m_tree->ecef[b]) > t.reject_above_m2)
                continue;  // certainly farther than radius_m
            const double d = geodesic_distance_m(m_points[a], m_points[b]);
            if (d <= radius_m)
                visit(a, b, d);
        }
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

void SpatialIndex::indices_within_m(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const
{
    candidates_within_m(centre, radius_m, out);
    const auto c = detail::to_ecef(centre);
    const auto t = detail::chord_thresholds(radius_m);
    std::size_t kept = 0;
    for (const std::size_t idx : out) {
        const double c2 = detail::chord_squared_m2(c, m_tree->ecef[idx]);
        if (c2 > t.reject_above_m2)
            continue;  // certainly farther
        if (c2 <= t.accept_up_to_m2 || geodesic_distance_m(centre, m_points[idx]) <= radius_m)
            out[kept++] = idx;  // certainly within, or measured within
    }
    out.resize(kept);
}

std::vector<std::size_t> SpatialIndex::indices_within_m(const LonLat& centre, double radius_m) const
{
    std::vector<std::size_t> out;
    indices_within_m(centre, radius_m, out);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t SpatialIndex::count_within_m(const LonLat& centre, double radius_m) const
{
    thread_local std::vector<std::size_t> buffer;
    indices_within_m(centre, radius_m, buffer);
    return buffer.size();
}

std::vector<SpatialIndex::Tree::Bounded> SpatialIndex::Tree::k_candidates(const std::vector<LonLat>& points,
                                                                         const LonLat& centre, std::size_t k,
                                                                         double& kth_upper_m) const
{
    // The k nearest in degree space bound the radius that holds the k geodesic nearest: take the
    // largest upper bound of their geodesic distances (or the distances themselves when the bound is
    // unavailable, for chords over 12 000 km).
    std::vector<Value> seeds;
    rtree.query(bgi::nearest(BgPoint(tree_lon(centre.lon_deg), centre.lat_deg), static_cast<unsigned>(k)),
                std::back_inserter(seeds));
    const auto c = detail::to_ecef(centre);
    double radius_m = 0.0;
    for (const auto& [pt, idx] : seeds)
        radius_m = std::max(radius_m, detail::geodesic_upper_bound_m(std::sqrt(detail::chord_squared_m2(c, ecef[idx]))));
    if (!std::isfinite(radius_m)) {
        radius_m = 0.0;
        for (const auto& [pt, idx] : seeds)
            radius_m = std::max(radius_m, geodesic_distance_m(centre, points[idx]));
    }
    std::vector<std::size_t> candidates;
    box_candidates(centre, radius_m, candidates);
    std::vector<Bounded> bounded;
    bounded.reserve(candidates.size());
    for (const std::size_t idx : candidates) {
        const double chord_m = std::sqrt(detail::chord_squared_m2(c, ecef[idx]));
        const double lower_m = detail::geodesic_lower_bound_m(chord_m);
        if (lower_m <= radius_m)
            bounded.push_back({idx, lower_m, detail::geodesic_upper_bound_m(chord_m)});
    }
    // The k-th smallest upper bound is at least the k-th nearest distance: a candidate whose lower
    // bound exceeds it cannot be among the k nearest.
    kth_upper_m = radius_m;
    if (bounded.size() > k) {
        std::vector<double> uppers(bounded.size());
        std::transform(bounded.begin(), bounded.end(), uppers.begin(), [](const Bounded& b) { return b.upper_m; });
        std::nth_element(uppers.begin(), uppers.begin() + static_cast<std::ptrdiff_t>(k - 1), uppers.end());
        kth_upper_m = std::min(kth_upper_m, uppers[k - 1]);
    }
    const double limit_m = kth_upper_m;
    bounded.erase(std::remove_if(bounded.begin(), bounded.end(), [limit_m](const Bounded& b) { return b.lower_m > limit_m; }),
                  bounded.end());
    return bounded;
}

std::vector<Neighbour> SpatialIndex::nearest(const LonLat& centre, std::size_t k) const
{
    std::vector<Neighbour> out;
    k = std::min(k, m_points.size());
    if (k == 0)
        return out;
    double kth_upper_m = 0.0;
    for (const auto& b : m_tree->k_candidates(m_points, centre, k, kth_upper_m))
        out.push_back({b.index, geodesic_distance_m(centre, m_points[b.index])});
    std::sort(out.begin(), out.end(), by_distance_then_index);
    out.resize(std::min(out.size(), k));
    return out;
}

double SpatialIndex::kth_nearest_distance_m(const LonLat& centre, std::size_t k) const
{
    k = std::min(k, m_points.size());
    if (k == 0)
        return 0.0;
    double kth_upper_m = 0.0;
    auto bounded = m_tree->k_candidates(m_points, centre, k, kth_upper_m);
    // With L the k-th smallest lower bound (L <= the k-th distance), a candidate whose upper bound is
    // below L is certainly nearer than the k-th and needs no geodesic; the k-th distance is then the
    // (k - certain)-th smallest among the others.
    std::vector<double> lowers(bounded.size());
    std::transform(bounded.begin(), bounded.end(), lowers.begin(), [](const Tree::Bounded& b) { return b.lower_m; });
    std::nth_element(lowers.begin(), lowers.begin() + static_cast<std::ptrdiff_t>(k - 1), lowers.end());
    const double kth_lower_m = lowers[k - 1];
    std::size_t certain = 0;
    std::vector<double> exact_m;
    for (const auto& b : bounded) {
        if (b.upper_m < kth_lower_m)
            ++certain;
        else
            exact_m.push_back(geodesic_distance_m(centre, m_points[b.index]));
    }
    const std::size_t rank = k - certain;  // >= 1: at most k - 1 candidates lie wholly below kth_lower_m
    std::nth_element(exact_m.begin(), exact_m.begin() + static_cast<std::ptrdiff_t>(rank - 1), exact_m.end());
    return exact_m[rank - 1];
}

}  // namespace basural
