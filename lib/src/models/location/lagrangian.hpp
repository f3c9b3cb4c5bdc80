#pragma once
// Lagrangian relaxation of the assignment constraints of the p-median (uncapacitated and
// capacitated) and its subgradient optimisation, private to models/location (Beasley 1993,
// "Lagrangean heuristics for location problems", EJOR 65): with multipliers lambda_i on
// sum_j x_ij = 1,
//   L(lambda) = sum_i lambda_i + sum_i min(0, u_i - lambda_i) + sum_{j in R} V_j + (k smallest V_j, j not in R)
//   V_j = sum_i min(0, c_ij - lambda_i),  k = p - |R|,  u_i the unserved penalty (an always-open dummy).
// L(lambda) <= optimum for every lambda; subgradient optimisation (Held, Wolfe & Crowder 1974) raises it.
// Every few iterations the relaxation's facility set seeds the local search (Lagrangian heuristic).
// The capacitated relaxation (one knapsack per facility) is in capacitated.cpp.

#include "common.hpp"

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace basural::location {

/// What one facility contributes to the relaxation: V_j(lambda) and, for the facilities the
/// relaxation opens, how much of each demand point it serves (added to `served`).
struct FacilityRelaxation {
    /// V_j(lambda) of every candidate into `value` (m entries).
    std::function<void(const std::vector<double>& lambda, std::vector<double>& value)> values;
    /// Adds to `served` how much of each demand point the facilities flagged in `open` serve.
    std::function<void(const std::vector<double>& lambda, const std::vector<char>& open, std::vector<double>& served)>
        serve;
};

struct BoundResult {
    double lower_bound = -std::numeric_limits<double>::infinity();
    std::size_t iterations = 0;
    // the relaxation at the best multipliers, for reduced-cost fixing against later upper bounds
    std::vector<double> value;      ///< V_j
    std::vector<char> chosen;       ///< opened by the relaxation (required ones excluded)
    double kth = 0.0;               ///< largest V_j among the chosen free candidates
    double next = 0.0;              ///< smallest V_j among the free candidates not chosen
    bool has_next = false;
    /// the relaxation's open sets (required included) at the last few improvements of the bound
    std::vector<std::vector<std::size_t>> last_sets;
};

/// How the subgradient optimisation runs (the first three from SolveOptions, see
/// subgradient_options()) and what it tells the search running beside it.
struct SubgradientOptions {
    std::size_t max_iterations = 3000;  ///< SolveOptions::max_bound_iterations
    double min_step_factor = 1e-4;      ///< stop when the step factor falls below this
    double weight = 1.0;                ///< of the new subgradient in the direction (SolveOptions::subgradient_weight)
    /// The best known objective; it may improve while the bound runs (through `propose`).
    std::function<double()> upper_bound;
    /// Receives the relaxation's open set (required included) every `propose_every` iterations when
    /// it changed; may be empty.
    std::function<void(const std::vector<std::size_t>&)> propose;
    std::size_t propose_every = 5;
    /// Receives ("bound", iterations / max_iterations) every 16 iterations and 1 at the end; may be empty.
    ProgressFn progress;
};

/// The iteration limit, step floor and subgradient weight of `options`.
SubgradientOptions subgradient_options(const SolveOptions& options);

/// Reduced-cost fixing (Beasley 1993) at the best multipliers: a free candidate left closed by the
/// relaxation with L - kth + V_j >= UB is in no solution better than UB (exclude it); a chosen one
/// with L - V_j + next >= UB is in every such solution (pin it open).
void fix_by_reduced_cost(const BoundResult& b, const std::vector<char>& required_flag, double ub, bool integral,
                         std::vector<char>& excluded, std::vector<char>& pinned);

/// Subgradient optimisation of the Lagrangian dual of `relax` on `wm` with p_total facilities open
/// (the required ones included), from initial_multipliers(wm), along averaged subgradients (see
/// SolveOptions::subgradient_weight). Candidates that reduced-cost fixing proves useless against the
/// best known objective are flagged in `excluded`.
BoundResult subgradient_bound(const WeightedMatrix& wm, const std::vector<char>& required_flag, std::size_t p_total,
                              const FacilityRelaxation& relax, const SubgradientOptions& options,
                              std::vector<char>& excluded);

/// Initial multipliers: the cheapest way to serve each demand point (its cheapest candidate or its
/// penalty), which makes L(lambda) the sum of those, a valid but weak bound to start from.
std::vector<double> initial_multipliers(const WeightedMatrix& wm);

/// The relaxation of the uncapacitated p-median (and, on the coverage view, the MCLP).
FacilityRelaxation uncapacitated_relaxation(const WeightedMatrix& wm);

}  // namespace basural::location
