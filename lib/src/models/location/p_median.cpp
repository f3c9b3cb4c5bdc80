// The p-median (uncapacitated and capacitated single-source): Resende & Werneck's swap search
// (swap_engine.hpp) in a variable neighbourhood search, bounded by the Lagrangian relaxation
// (lagrangian.hpp); the capacitated model is in capacitated.cpp. docs/methods/location_models.md.
#include "p_median.hpp"

#include "capacitated.hpp"
#include "lagrangian.hpp"
#include "swap_engine.hpp"

#include <algorithm>
#include <set>

namespace basural::location {
namespace {

/// Objective of a finished p-median solution: assigned cost plus the penalty of every unserved
/// demand point that has a candidate within the cutoff.
double p_median_objective(const Prepared& p, const LocationSolution& s)
{
    double z = s.assigned_cost;
    for (std::size_t i = 0; i < p.n; ++i)
        if (s.assignments[i].status != AssignmentStatus::assigned &&
            s.assignments[i].status != AssignmentStatus::no_candidate_within_cutoff)
            z += p.weight[i] * p.unserved_per_unit;
    return z;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Uncapacitated search (p-median and, on the coverage view, MCLP): greedy + swap local search,
// Lagrangian bound with Lagrangian heuristic, then randomized-greedy restarts while a gap remains.

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (greedy start, swaps, bound, restarts; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
SearchResult search_uncapacitated(const WeightedMatrix& wm, const std::vector<char>& required_flag,
                                  std::size_t p_total, const SolveOptions& options)
{
    SearchResult res;
    SwapEngine engine(wm, required_flag, p_total);
    engine.greedy(nullptr, 1);
    res.moves += engine.local_search();
    res.open = engine.open_facilities();
    res.objective = engine.objective();
    res.lower_bound = -std::numeric_limits<double>::infinity();

    Rng rng(options.seed);
    std::vector<char> excluded(wm.m, 0), pinned(wm.m, 0);
    BoundResult bound;
    auto proven = [&] { return res.lower_bound >= res.objective - improvement_tolerance(res.objective); };
    auto keep_if_better = [&] {
        const double z = engine.objective();
        if (z < res.objective - improvement_tolerance(res.objective)) {
            res.objective = z;
            res.open = engine.open_facilities();
            // a better incumbent lets the bound rule out (and pin) more candidates
            fix_by_reduced_cost(bound, required_flag, res.objective, wm.integral, excluded, pinned);
            engine.exclude(excluded);
            engine.pin(pinned);
            return true;
        }
        return false;
    };
    // Variable neighbourhood search (Hansen & Mladenovic 1997): shake the best solution with k random
    // swaps, search locally, restart from k = 1 on improvement, else try k + 1 (up to 10); stop after
    // `idle_limit` shakes in a row without improvement.
    std::vector<std::size_t> removable, closed;
    auto vns = [&](std::size_t idle_limit) {
        std::size_t k = 1;
        for (std::size_t idle = 0; idle < idle_limit && !proven(); ++idle) {
            engine.open_set(res.open);
            for (std::size_t t = 0; t < k; ++t) {
                removable.clear();
                closed.clear();
                for (std::size_t j = 0; j < wm.m; ++j)
                    if (engine.is_open(j)) {
                        if (!engine.is_kept(j))
                            removable.push_back(j);
                    } else if (!engine.is_excluded(j)) {
                        closed.push_back(j);
                    }
                if (removable.empty() || closed.empty())
                    break;
                engine.swap(closed[rng.below(closed.size())], removable[rng.below(removable.size())]);
            }
            res.moves += engine.local_search();
            if (keep_if_better()) {
                k = 1;
                idle = 0;
            } else {
                k = k % 10 + 1;
            }
        }
    };
    // a first round of shakes gives the bound a good target
    vns(options.perturbations / 4);

    // Lagrangian bound; every 5th relaxation set seeds a local search when it starts within 1% of the
    // best (at most 32 of them)
    std::set<std::vector<std::size_t>> seen;
    std::size_t searches = 0;
    auto consider = [&](const std::vector<std::size_t>& set) {
        if (!seen.insert(set).second)
            return;
        engine.exclude(excluded);
        engine.open_set(set);
        if (searches < 32 && engine.objective() <= res.objective * 1.01 + 1e-12) {
            ++searches;
            res.moves += engine.local_search();
        }
        if (engine.objective() < res.objective - improvement_tolerance(res.objective)) {
            res.objective = engine.objective();
            res.open = engine.open_facilities();
        }
    };
    SubgradientOptions bound_options = subgradient_options(options);
    bound_options.upper_bound = [&] { return res.objective; };
    bound_options.propose = consider;
    bound = subgradient_bound(wm, required_flag, p_total, uncapacitated_relaxation(wm), bound_options, excluded);
    res.bound_iterations = bound.iterations;
    // local search from the relaxation's sets at the best multipliers found (Lagrangian heuristic)
    for (const auto& set : bound.last_sets) {
        engine.open_set(set);
        res.moves += engine.local_search();
        if (engine.objective() < res.objective - improvement_tolerance(res.objective)) {
            res.objective = engine.objective();
            res.open = engine.open_facilities();
        }
    }
    res.lower_bound = std::min(round_up_bound(bound.lower_bound, wm.integral), res.objective);
    fix_by_reduced_cost(bound, required_flag, res.objective, wm.integral, excluded, pinned);
    engine.exclude(excluded);
    engine.pin(pinned);

    // randomized-greedy restarts (each step picks among the 2..5 best insertions), then more shakes
    for (std::size_t r = 0; r < options.restarts && !proven(); ++r) {
        engine.greedy(&rng, 2 + r % 4);
        res.moves += engine.local_search();
        keep_if_better();
    }
    vns(options.perturbations);
    res.lower_bound = std::min(res.lower_bound, res.objective);
    return res;
}

}  // namespace basural::location

namespace basural {

using namespace location;

LocationSolution solve_p_median(const LocationProblem& problem, const SolveOptions& options)
{
    const Stopwatch clock;
    const Prepared p = prepare(problem, options, LocationModel::p_median);
    const WeightedMatrix wm = make_weighted(p, false);
    LocationSolution s;
    if (p.capacitated) {
        auto r = search_capacitated(p, wm, options);
        s = finish(p, LocationModel::p_median, r.open, r.facility_of);
        s.lower_bound = r.lower_bound;
        s.iterations = r.moves;
        s.bound_iterations = r.bound_iterations;
    } else {
        auto r = search_uncapacitated(wm, p.required_flag, p.p_total, options);
        s = finish(p, LocationModel::p_median, r.open, closest_open(p, r.open));
        s.lower_bound = r.lower_bound;
        s.iterations = r.moves;
        s.bound_iterations = r.bound_iterations;
    }
    s.unserved_cost = p.unserved_per_unit;
    s.objective = p_median_objective(p, s);
    set_gap_minimise(s);
    s.time_ms = clock.ms();
    return s;
}

}  // namespace basural
