#pragma once
// Uncapacitated search (p-median and, on the coverage view, MCLP), private to models/location:
// greedy + swap local search, Lagrangian bound with Lagrangian heuristic, then randomized-greedy
// restarts and variable neighbourhood search while a gap remains.

#include "common.hpp"

#include <cstddef>
#include <vector>

namespace basural::location {

struct SearchResult {
    std::vector<std::size_t> open;
    double objective = 0.0;
    double lower_bound = 0.0;
    std::size_t moves = 0;
    std::size_t bound_iterations = 0;
};

/// The best open set found on `wm` with p_total facilities (required_flag ones always open), its
/// objective and a lower bound on the optimum.
SearchResult search_uncapacitated(const WeightedMatrix& wm, const std::vector<char>& required_flag,
                                  std::size_t p_total, const SolveOptions& options);

}  // namespace basural::location
