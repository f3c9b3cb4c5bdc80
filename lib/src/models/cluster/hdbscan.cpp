// HDBSCAN* (Campello, Moulavi & Sander 2013): core distances, the mutual-reachability minimum
// spanning tree (Boruvka over the spatial index), the hierarchy, the condensed tree and selection by
// stability; docs/methods/clustering.md.
#include "basural/models/cluster.hpp"

#include "cluster_common.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "geo/geodesic_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

namespace basural {

using namespace clustering;

namespace {

// A radius whose search box covers the whole Earth (longer than any geodesic, 20 004 km).
constexpr double WHOLE_EARTH_M = 2.1e7;

}  // namespace

std::vector<double> core_distances_m(const SpatialIndex& index, std::size_t k)
{
    if (k == 0)
        throw usage_error("hdbscan: min_samples must be at least 1 (the point itself counts)");
    std::vector<double> core(index.size(), 0.0);
    for (std::size_t i = 0; i < index.size(); ++i) {
        core[i] = index.kth_nearest_distance_m(index.points()[i], k);
    }
    return core;
}

namespace {

struct EdgeKey {
    double weight_m = INF;
    std::size_t a = NONE;  // a < b
    std::size_t b = NONE;
    bool operator<(const EdgeKey& o) const noexcept
    {
        if (weight_m != o.weight_m)
            return weight_m < o.weight_m;
        if (a != o.a)
            return a < o.a;
        return b < o.b;
    }
};

std::vector<SpanningEdge> boruvka_mst(const SpatialIndex& index, const std::vector<double>& core,
                                      const ProgressFn& progress)
{
    const auto& points = index.points();
    const std::size_t n = points.size();
    std::vector<SpanningEdge> tree;
    if (n < 2)
        return tree;
    tree.reserve(n - 1);
    std::vector<detail::Ecef> ecef(n);
    for (std::size_t i = 0; i < n; ++i)
        ecef[i] = detail::to_ecef(points[i]);

    DisjointSets<std::size_t> sets(n);
    std::vector<std::size_t> comp(n);
    std::vector<EdgeKey> best(n);
    std::vector<std::size_t> candidates;
    while (tree.size() < n - 1) {
        for (std::size_t i = 0; i < n; ++i) {
            comp[i] = sets.find(i);
            best[i] = EdgeKey{};
        }
        // Boruvka round: the lightest edge leaving every component, under the total order
        // (weight, a, b), so that the chosen edges never close a cycle.
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t c = comp[i];
            EdgeKey& b = best[c];
            if (core[i] > b.weight_m)
                continue;  // every edge from i weighs at least core[i]
            double radius_m = std::isfinite(b.weight_m) ? b.weight_m : std::max(core[i], 1.0);
            for (;;) {
                index.candidates_within_m(points[i], radius_m, candidates);
                for (const std::size_t j : candidates) {
                    if (comp[j] == c)
                        continue;
                    const double chord_m = std::sqrt(detail::chord_squared_m2(ecef[i], ecef[j]));
                    const double core_m = std::max(core[i], core[j]);
                    if (std::max(core_m, detail::geodesic_lower_bound_m(chord_m)) > b.weight_m)
                        continue;
                    // Where both core distances exceed the distance's upper bound the weight is known
                    // without computing the geodesic (most edges inside dense groups).
                    const double w_m = core_m >= detail::geodesic_upper_bound_m(chord_m)
                                           ? core_m
                                           : std::max(core_m, symmetric_distance_m(points[i], points[j]));
                    const EdgeKey e{w_m, std::min(i, j), std::max(i, j)};
                    if (e < b)
                        b = e;
                }
                // Every point within radius_m has been seen; any other edge weighs more than radius_m.
                if (b.weight_m <= radius_m || radius_m >= WHOLE_EARTH_M)
                    break;
                radius_m = std::min(WHOLE_EARTH_M, std::isfinite(b.weight_m) ? b.weight_m : 2.0 * radius_m);
            }
        }
        bool merged = false;
        for (std::size_t c = 0; c < n; ++c) {
            if (comp[c] != c || best[c].a == NONE)
                continue;
            if (sets.unite(best[c].a, best[c].b)) {
                tree.push_back({best[c].a, best[c].b, best[c].weight_m});
                merged = true;
            }
        }
        if (!merged)
            throw error("hdbscan: internal error: the spanning tree stopped growing");  // cannot happen
        if (progress)
            progress("spanning tree", static_cast<double>(tree.size()) / static_cast<double>(n - 1));
    }
    std::sort(tree.begin(), tree.end(), [](const SpanningEdge& x, const SpanningEdge& y) {
        return EdgeKey{x.weight_m, x.a, x.b} < EdgeKey{y.weight_m, y.a, y.b};
    });
    return tree;
}

/// A node of the single-linkage hierarchy in which every merge at one distance is one node:
/// leaves 0..n-1 are the points.
struct HierarchyNode {
    double level_m = 0.0;
    std::size_t size = 1;
    LonLat key;  // smallest (lon, lat) among its points
    std::vector<std::size_t> children;
};

std::vector<HierarchyNode> build_hierarchy(const std::vector<LonLat>& points, const std::vector<SpanningEdge>& tree)
{
    const std::size_t n = points.size();
    std::vector<HierarchyNode> nodes(n);
    for (std::size_t i = 0; i < n; ++i)
        nodes[i].key = points[i];
    DisjointSets<std::size_t> sets(n);
    std::vector<std::size_t> node_of(n);
    std::iota(node_of.begin(), node_of.end(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> roots;  // (root before, root after) for one level
    for (std::size_t e = 0; e < tree.size();) {
        const double level_m = tree[e].weight_m;
        std::size_t end = e;
        roots.clear();
        while (end < tree.size() && tree[end].weight_m == level_m) {
            roots.emplace_back(sets.find(tree[end].a), 0);
            roots.emplace_back(sets.find(tree[end].b), 0);
            ++end;
        }
        for (std::size_t k = e; k < end; ++k)
            sets.unite(tree[k].a, tree[k].b);
        for (auto& [before, after] : roots)
            after = sets.find(before);
        std::sort(roots.begin(), roots.end(), [](const auto& x, const auto& y) {
            return x.second != y.second ? x.second < y.second : x.first < y.first;
        });
        roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
        for (std::size_t r = 0; r < roots.size();) {
            std::size_t s = r;
            HierarchyNode node;
            node.level_m = level_m;
            node.size = 0;
            node.key = nodes[node_of[roots[r].first]].key;
            for (; s < roots.size() && roots[s].second == roots[r].second; ++s) {
                const auto& child = nodes[node_of[roots[s].first]];
                node.children.push_back(node_of[roots[s].first]);
                node.size += child.size;
                if (lonlat_less(child.key, node.key))
                    node.key = child.key;
            }
            // Children in canonical order: by their smallest point, then size (equal keys happen only
            // for single coincident points, which are interchangeable).
            std::sort(node.children.begin(), node.children.end(), [&](std::size_t x, std::size_t y) {
                if (lonlat_less(nodes[x].key, nodes[y].key))
                    return true;
                if (lonlat_less(nodes[y].key, nodes[x].key))
                    return false;
                return nodes[x].size < nodes[y].size;
            });
            nodes.push_back(std::move(node));
            node_of[roots[r].second] = nodes.size() - 1;
            r = s;
        }
        e = end;
    }
    return nodes;
}

}  // namespace

std::vector<SpanningEdge> mutual_reachability_mst(const SpatialIndex& index, const std::vector<double>& core_distance_m)
{
    if (core_distance_m.size() != index.size())
        throw usage_error("mutual_reachability_mst: " + std::to_string(core_distance_m.size()) +
                          " core distances for " + std::to_string(index.size()) + " points");
    check_points("mutual_reachability_mst", index.points());
    return boruvka_mst(index, core_distance_m, {});
}

ClusterResult hdbscan(const std::vector<LonLat>& points, const HdbscanOptions& options, const ProgressFn& progress)
{
    check_points("hdbscan", points);
    const SpatialIndex index(points);
    return hdbscan(index, options, progress);
}

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (core distances, minimum spanning tree, hierarchy, condensed tree, selection, labels; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
ClusterResult hdbscan(const SpatialIndex& index, const HdbscanOptions& options, const ProgressFn& progress)
{
    if (options.min_cluster_size < 2)
        throw usage_error("hdbscan: min_cluster_size must be at least 2, got " + std::to_string(options.min_cluster_size));
    const std::size_t k = options.min_samples == 0 ? options.min_cluster_size : options.min_samples;
    const auto& points = index.points();
    check_points("hdbscan", points);
    const std::size_t n = points.size();
    const std::size_t mcs = options.min_cluster_size;

    ClusterResult result;
    result.label.assign(n, NOISE_LABEL);
    result.is_core.assign(n, false);
    result.probability.assign(n, 0.0);
    result.outlier_score.assign(n, 0.0);
    if (n == 0)
        return result;

    if (progress)
        progress("core distances", 0.0);
    result.core_distance_m = core_distances_m(index, k);
    if (progress)
        progress("core distances", 1.0);
    const auto tree = boruvka_mst(index, result.core_distance_m, progress);
    const auto nodes = build_hierarchy(points, tree);
    const std::size_t root_node = nodes.size() - 1;

    // Condensed tree. lambda = 1 / distance, in 1/km; a distance of 0 (coincident points) is lambda +inf.
    auto lambda_of = [](double level_m) { return level_m > 0.0 ? 1000.0 / level_m : INF; };
    auto& clusters = result.condensed_tree;
    std::vector<double> birth_lambda{0.0};
    std::vector<double> death_lambda{0.0};  // max lambda of anything leaving the cluster directly
    clusters.push_back(CondensedCluster{-1, INF, 0.0, n, 0.0, false, NOISE_LABEL});
    std::vector<std::size_t> point_cluster(n, 0);
    std::vector<double> point_lambda(n, 0.0);

    std::vector<std::size_t> leaf_stack;
    auto fall_out = [&](std::size_t node, std::size_t c, double lambda) {
        leaf_stack.assign(1, node);
        while (!leaf_stack.empty()) {
            const std::size_t x = leaf_stack.back();
            leaf_stack.pop_back();
            if (x < n) {
                point_cluster[x] = c;
                point_lambda[x] = lambda;
                clusters[c].stability_per_km += lambda - birth_lambda[c];
            } else {
                for (const std::size_t ch : nodes[x].children)
                    leaf_stack.push_back(ch);
            }
        }
        death_lambda[c] = std::max(death_lambda[c], lambda);
    };

    std::vector<std::pair<std::size_t, std::size_t>> work{{root_node, 0}};  // (node, cluster)
    while (!work.empty()) {
        const auto [node, c] = work.back();
        work.pop_back();
        if (node < n) {  // a single point as the whole hierarchy
            fall_out(node, c, birth_lambda[c]);
            continue;
        }
        const double lambda = lambda_of(nodes[node].level_m);
        std::size_t big = 0;
        for (const std::size_t ch : nodes[node].children)
            big += nodes[ch].size >= mcs ? 1 : 0;
        // Children are pushed in reverse so that they are processed (and numbered) in canonical order.
        std::vector<std::pair<std::size_t, std::size_t>> next;
        for (const std::size_t ch : nodes[node].children) {
            if (nodes[ch].size < mcs || big == 0) {
                fall_out(ch, c, lambda);
            } else if (big == 1) {
                next.emplace_back(ch, c);  // the cluster goes on, shrunk
            } else {
                const std::size_t id = clusters.size();
                clusters.push_back(CondensedCluster{static_cast<int>(c), nodes[node].level_m, 0.0, nodes[ch].size,
                                                    0.0, false, NOISE_LABEL});
                birth_lambda.push_back(lambda);
                death_lambda.push_back(0.0);
                clusters[c].stability_per_km += static_cast<double>(nodes[ch].size) * (lambda - birth_lambda[c]);
                death_lambda[c] = std::max(death_lambda[c], lambda);
                next.emplace_back(ch, id);
            }
        }
        for (auto it = next.rbegin(); it != next.rend(); ++it)
            work.push_back(*it);
    }
    const std::size_t m = clusters.size();
    for (std::size_t c = 0; c < m; ++c)
        clusters[c].death_distance_m = death_lambda[c] > 0.0 ? 1000.0 / death_lambda[c] : INF;

    // Excess-of-mass selection, leaves up (children have larger ids than parents); the root is never selected.
    std::vector<std::vector<std::size_t>> children(m);
    for (std::size_t c = 1; c < m; ++c)
        children[static_cast<std::size_t>(clusters[c].parent)].push_back(c);
    std::vector<double> subtree(m, 0.0);
    std::vector<bool> chosen(m, false);
    for (std::size_t c = m; c-- > 1;) {
        double sum = 0.0;
        for (const std::size_t ch : children[c])
            sum += subtree[ch];
        if (!children[c].empty() && sum > clusters[c].stability_per_km) {
            subtree[c] = sum;
        } else {
            subtree[c] = clusters[c].stability_per_km;
            chosen[c] = true;
        }
    }
    std::vector<std::size_t> selected_of(m, NONE);  // the selected cluster at or above c
    for (std::size_t c = 1; c < m; ++c) {
        const std::size_t above = selected_of[static_cast<std::size_t>(clusters[c].parent)];
        if (above != NONE)
            selected_of[c] = above;
        else if (chosen[c])
            selected_of[c] = c;
        clusters[c].selected = selected_of[c] == c;
    }

    // Labels, numbered by each selected cluster's smallest member.
    std::vector<std::size_t> group_of(n, NONE);
    for (std::size_t i = 0; i < n; ++i)
        group_of[i] = selected_of[point_cluster[i]];
    const auto label_of_cluster = canonical_labels(points, group_of, m);
    for (std::size_t c = 0; c < m; ++c)
        if (clusters[c].selected)
            clusters[c].label = label_of_cluster[c];
    result.cluster_count = static_cast<int>(std::count_if(clusters.begin(), clusters.end(),
                                                          [](const CondensedCluster& x) { return x.selected; }));
    result.cluster_stability_per_km.assign(static_cast<std::size_t>(result.cluster_count), 0.0);
    for (const auto& x : clusters)
        if (x.selected)
            result.cluster_stability_per_km[static_cast<std::size_t>(x.label)] = x.stability_per_km;

    // Membership probability (as the hdbscan library): lambda at which the point leaves, capped at the
    // largest lambda leaving its selected cluster directly, over that largest lambda.
    // GLOSH outlier score: 1 - lambda_point / (largest lambda in the subtree of the cluster it leaves).
    std::vector<double> subtree_max_lambda(death_lambda);
    for (std::size_t c = m; c-- > 1;) {
        const auto p = static_cast<std::size_t>(clusters[c].parent);
        subtree_max_lambda[p] = std::max(subtree_max_lambda[p], subtree_max_lambda[c]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double lambda = point_lambda[i];
        const std::size_t s = group_of[i];
        if (s != NONE) {
            result.label[i] = label_of_cluster[s];
            const double top = death_lambda[s];
            result.probability[i] = (top == 0.0 || !std::isfinite(lambda)) ? 1.0 : std::min(lambda, top) / top;
            result.is_core[i] = result.probability[i] == 1.0;
        }
        const double top = subtree_max_lambda[point_cluster[i]];
        if (!std::isfinite(lambda) || top == 0.0)
            result.outlier_score[i] = 0.0;
        else if (!std::isfinite(top))
            result.outlier_score[i] = 1.0;
        else
            result.outlier_score[i] = (top - lambda) / top;
    }
    return result;
}

}  // namespace basural
