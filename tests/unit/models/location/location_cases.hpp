#pragma once
// What the location model tests share: small instances on a line, random sparse instances, and the
// brute-force references (every facility set enumerated) they are checked against.
#include "basural/models/location/facility_location.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

namespace basural::test {

/// Costs |x_i - y_j| between points on a line.
inline SparseCostMatrix line_costs(const std::vector<double>& demand_x, const std::vector<double>& cand_x,
                            double max_cost = NO_COST_CUTOFF)
{
    std::vector<double> d;
    for (double a : demand_x)
        for (double b : cand_x)
            d.push_back(std::fabs(a - b));
    return SparseCostMatrix::from_dense(demand_x.size(), cand_x.size(), d, max_cost);
}

inline std::vector<std::size_t> facility_indices(const LocationSolution& s)
{
    std::vector<std::size_t> out;
    for (const auto& f : s.facilities)
        out.push_back(f.candidate);
    return out;
}

/// Calls f on every k-subset of {0..m-1} (as a sorted vector).
inline void for_each_subset(std::size_t m, std::size_t k, const std::function<void(const std::vector<std::size_t>&)>& f)
{
    std::vector<std::size_t> s(k);
    std::function<void(std::size_t, std::size_t)> rec = [&](std::size_t start, std::size_t depth) {
        if (depth == k) {
            f(s);
            return;
        }
        for (std::size_t j = start; j < m; ++j) {
            s[depth] = j;
            rec(j + 1, depth + 1);
        }
    };
    rec(0, 0);
}

/// A random sparse instance: integer costs 1..99, about a fifth of the pairs missing (not allowed).
inline LocationProblem random_problem(std::mt19937_64& rng, std::size_t n, std::size_t m)
{
    std::uniform_int_distribution<int> cost(1, 99), weight(1, 5), coin(0, 4);
    std::vector<CostTriplet> t;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j)
            if (coin(rng) != 0)
                t.push_back({i, j, static_cast<double>(cost(rng))});
    LocationProblem pr;
    pr.costs = SparseCostMatrix::from_triplets(n, m, t);
    for (std::size_t i = 0; i < n; ++i)
        pr.demand_weights.push_back(weight(rng));
    return pr;
}

/// The documented p-median objective of an open set: sum over demand points with some candidate of
/// weight x min(cheapest open cost, unserved cost), unserved cost = 2 x largest allowed cost by default.
inline double p_median_value(const LocationProblem& pr, const std::vector<std::size_t>& open)
{
    const double unserved = pr.unserved_cost ? *pr.unserved_cost : 2.0 * pr.costs.largest_cost();
    double z = 0.0;
    for (std::size_t i = 0; i < pr.costs.demand_count(); ++i) {
        if (pr.costs.row(i).empty())
            continue;
        double best = unserved;
        for (auto j : open)
            if (auto c = pr.costs.cost(i, j))
                best = std::min(best, *c);
        z += pr.demand_weights[i] * best;
    }
    return z;
}

inline double covered_weight(const LocationProblem& pr, const std::vector<std::size_t>& open)
{
    double z = 0.0;
    for (std::size_t i = 0; i < pr.costs.demand_count(); ++i)
        if (std::any_of(open.begin(), open.end(), [&](std::size_t j) { return pr.costs.cost(i, j).has_value(); }))
            z += pr.demand_weights[i];
    return z;
}

}  // namespace basural::test
