#pragma once
/// \file spatial_index.hpp
/// A static spatial index over WGS84 points (Boost.Geometry R-tree) answering radius and
/// k-nearest queries in geodesic metres. Results are exact on the ellipsoid: the tree only
/// pre-selects candidates by a bounding box that is guaranteed to contain every answer.

#include "basural/geo/lon_lat.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace basural {

/// One query answer: the point's index in the indexed vector and its geodesic distance.
struct Neighbour {
    std::size_t index = 0;
    double distance_m = 0.0;
    friend bool operator==(const Neighbour&, const Neighbour&) = default;
};

class SpatialIndex {
public:
    explicit SpatialIndex(std::vector<LonLat> points);
    ~SpatialIndex();
    SpatialIndex(SpatialIndex&&) noexcept;
    SpatialIndex& operator=(SpatialIndex&&) noexcept;

    std::size_t size() const noexcept { return m_points.size(); }
    const std::vector<LonLat>& points() const noexcept { return m_points; }

    /// Every indexed point at geodesic distance <= radius_m from `centre`, sorted by distance then index.
    std::vector<Neighbour> within_m(const LonLat& centre, double radius_m) const;

    /// The k nearest indexed points (fewer if the index is smaller), sorted by distance then index.
    std::vector<Neighbour> nearest(const LonLat& centre, std::size_t k) const;

    /// Geodesic distance from `centre` to its k-th nearest indexed point (k >= 1, counting a point at
    /// `centre` itself; capped at size()): nearest(centre, k).back().distance_m, computed with only the
    /// geodesics that the chord bounds cannot rank (usually one). 0 for an empty index or k = 0.
    double kth_nearest_distance_m(const LonLat& centre, std::size_t k) const;

    /// Indices of every indexed point at geodesic distance <= radius_m from `centre`, ascending: the
    /// same set as within_m, but without distances, so most points are decided by cheap rigorous bounds
    /// on the geodesic (chord <= geodesic <= arc of the tightest curvature) and only those near the
    /// boundary need a geodesic computation. Much faster for counting neighbours.
    std::vector<std::size_t> indices_within_m(const LonLat& centre, double radius_m) const;

    /// The same set into a caller's buffer (cleared first), in no particular order: for hot loops that
    /// reuse one buffer and do not need the order.
    void indices_within_m(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const;

    /// Number of indexed points at geodesic distance <= radius_m (the size of indices_within_m).
    std::size_t count_within_m(const LonLat& centre, double radius_m) const;

    /// Clears `out` and fills it with the indices inside the conservative search box of a radius query:
    /// a superset of indices_within_m (every point within radius_m plus some farther ones), in no
    /// particular order, with no distance computed. For callers that filter candidates before measuring.
    void candidates_within_m(const LonLat& centre, double radius_m, std::vector<std::size_t>& out) const;

    /// Calls visit(a, b, distance_m) once for every pair of indexed points a < b at geodesic distance
    /// <= radius_m (the self-join), with the distance measured once, from points()[a] to points()[b].
    /// With `wanted` (one flag per point) only pairs with at least one wanted point are measured.
    /// Pairs come in ascending a, then in no particular order of b. Only pairs with a in
    /// [a_begin, a_end) are visited (a_end is capped at size()): disjoint ranges on different threads
    /// share the work, each with its own `visit`.
    void for_each_pair_within_m(double radius_m, const std::function<void(std::size_t a, std::size_t b, double distance_m)>& visit,
                                const std::vector<char>* wanted = nullptr, std::size_t a_begin = 0,
                                std::size_t a_end = static_cast<std::size_t>(-1)) const;

private:
    struct Tree;  // the R-tree and the points' Earth-centred coordinates
    std::vector<LonLat> m_points;
    std::unique_ptr<Tree> m_tree;
};

/// Degrees of latitude and longitude that a geodesic circle of `radius_m` around `centre` spans at
/// most: used to build conservative search boxes. Longitude span is 180 when the circle comes within
/// 0.1 degree of a pole (or is too large for the bound).
struct DegreeSpan {
    double dlat_deg = 0.0;
    double dlon_deg = 0.0;
};
DegreeSpan conservative_degree_span(const LonLat& centre, double radius_m) noexcept;

}  // namespace basural
