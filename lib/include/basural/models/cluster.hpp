#pragma once
/// \file cluster.hpp
/// Density-based clustering of WGS84 points on geodesic distances: DBSCAN (Ester et al. 1996) and
/// HDBSCAN (Campello, Moulavi & Sander 2013). Models layer: points and weights only, no sites, no files.
/// Results are deterministic and independent of input order: the same set of points in any order gets
/// the same label for the same point. Method, tie rules and numbering: docs/methods/clustering.md.

#include "basural/base/progress.hpp"
#include "basural/geo/lon_lat.hpp"

#include <cstddef>
#include <vector>

namespace basural {

class SpatialIndex;

/// Label of a point that belongs to no cluster.
inline constexpr int NOISE_LABEL = -1;

/// One cluster of HDBSCAN's condensed tree (McInnes, Healy & Astels 2017): a connected component of
/// the mutual-reachability graph that has at least min_cluster_size points, from the distance at which
/// it separates from its parent (its birth) down to the distance at which it dissolves or splits.
struct CondensedCluster {
    int parent = -1;                     ///< index of the parent in condensed_tree; -1 for the root
    double birth_distance_m = 0.0;       ///< mutual-reachability distance at which it appears (root: +inf)
    double death_distance_m = 0.0;       ///< distance at which it splits or its last points fall out
    std::size_t size = 0;                ///< points when it appears
    double stability_per_km = 0.0;       ///< excess of mass: sum over its points of (lambda_leave - lambda_birth), lambda = 1/distance in 1/km
    bool selected = false;               ///< chosen as a final cluster
    int label = NOISE_LABEL;             ///< its label in ClusterResult when selected
};

/// Clustering of n input points. Labels are 0..cluster_count-1 or NOISE_LABEL, numbered canonically:
/// clusters in ascending order of their smallest (longitude, latitude) point, compared
/// lexicographically (for DBSCAN among the cluster's core points, for HDBSCAN among all its members).
struct ClusterResult {
    std::vector<int> label;     ///< per input point
    std::vector<bool> is_core;  ///< DBSCAN: core point. HDBSCAN: member with membership probability 1
    int cluster_count = 0;

    // HDBSCAN only (empty after DBSCAN):
    std::vector<double> core_distance_m;   ///< per point: distance to its min_samples-th nearest point, itself included
    std::vector<double> probability;       ///< per point: membership strength in [0, 1]; 0 for noise
    std::vector<double> outlier_score;     ///< per point: GLOSH score in [0, 1] (Campello et al. 2015)
    std::vector<double> cluster_stability_per_km;  ///< per label: the selected cluster's stability
    std::vector<CondensedCluster> condensed_tree;  ///< every cluster of the hierarchy, parents first; [0] is the root
};

/// DBSCAN as originally defined (Ester et al. 1996) on geodesic distances:
/// - a core point has at least `min_points` points (itself included) at distance <= eps_m;
/// - clusters are the connected components of core points, two core points being connected when
///   within eps_m of each other;
/// - a non-core point within eps_m of a core point is a border point: it joins the cluster of its
///   nearest core point, ties in distance going to the lowest cluster label;
/// - every other point is noise.
/// Throws usage_error when eps_m is negative or not finite, min_points is 0, or a point is not a
/// finite WGS84 position (latitude in [-90, 90]).
ClusterResult dbscan(const std::vector<LonLat>& points, double eps_m, std::size_t min_points);

/// The same on an existing index's points (DBSCAN does not need the R-tree: it builds its own grid).
ClusterResult dbscan(const SpatialIndex& index, double eps_m, std::size_t min_points);

struct HdbscanOptions {
    std::size_t min_cluster_size = 5;  ///< smallest group that counts as a cluster (>= 2)
    std::size_t min_samples = 0;       ///< k of the core distance, the point itself included; 0 = min_cluster_size
};

/// HDBSCAN* (Campello, Moulavi & Sander 2013) with excess-of-mass cluster selection, on geodesic
/// distances: core distances, mutual-reachability minimum spanning tree (exact, Boruvka over the
/// spatial index), the hierarchy with all merges at one distance taken together, the condensed tree
/// with min_cluster_size, selection by stability. The root cluster (all points) is never selected.
/// `min_samples` counts the point itself, as scikit-learn's HDBSCAN does (the hdbscan library's
/// min_samples is one less for the same clustering).
/// Throws usage_error for min_cluster_size < 2 or invalid points (as dbscan).
ClusterResult hdbscan(const std::vector<LonLat>& points, const HdbscanOptions& options, const ProgressFn& progress = {});

/// The same on an existing index (its points are the points clustered).
ClusterResult hdbscan(const SpatialIndex& index, const HdbscanOptions& options, const ProgressFn& progress = {});

/// Core distance of every point: geodesic distance to its k-th nearest point, itself included
/// (k = 1 gives 0; k is capped at the number of points).
std::vector<double> core_distances_m(const SpatialIndex& index, std::size_t k);

/// One edge of a spanning tree.
struct SpanningEdge {
    std::size_t a = 0;
    std::size_t b = 0;
    double weight_m = 0.0;
    friend bool operator==(const SpanningEdge&, const SpanningEdge&) = default;
};

/// An exact minimum spanning tree of the mutual-reachability graph,
/// weight(a, b) = max(core_a, core_b, geodesic distance(a, b)), as n - 1 edges with a < b, sorted by
/// (weight, a, b). `core_distance_m` gives one value per indexed point.
std::vector<SpanningEdge> mutual_reachability_mst(const SpatialIndex& index, const std::vector<double>& core_distance_m);

/// Per-cluster figures for reporting.
struct ClusterSummary {
    int label = 0;
    std::size_t size = 0;
    std::size_t core_count = 0;
    double total_weight = 0.0;
    /// Weighted mean position: the normalised weighted mean of the members' unit normals (n-vectors)
    /// converted back to geodetic latitude and longitude.
    LonLat centroid;
    /// The member nearest the centroid (ties: smallest (longitude, latitude)): an actual input point
    /// standing for the cluster.
    std::size_t central_index = 0;
    double max_distance_from_centroid_m = 0.0;
    double mean_distance_from_centroid_m = 0.0;  ///< weighted by the points' weights
};

/// One summary per cluster label, in label order. `weights` is empty (every point weighs 1) or has one
/// finite, non-negative value per point; a cluster of zero total weight gets the unweighted centroid.
/// Throws usage_error when sizes disagree or a weight is negative or not finite.
std::vector<ClusterSummary> cluster_summary(const std::vector<LonLat>& points, const std::vector<double>& weights,
                                            const ClusterResult& result);

}  // namespace basural
