#pragma once
// Capacitated p-median with single sourcing, private to models/location (Mulvey & Beck 1984;
// Lorena & Senne 2004): see capacitated.cpp and docs/methods/location_models.md.

#include "common.hpp"

#include <cstddef>
#include <vector>

namespace basural::location {

struct CapacitatedResult {
    std::vector<std::size_t> open;
    std::vector<std::size_t> facility_of;
    double objective = 0.0;
    double lower_bound = 0.0;
    std::size_t moves = 0;
    std::size_t bound_iterations = 0;
};

/// The best open set and single-source assignment found for the capacitated problem `p` (weighted
/// view `wm`), with a Lagrangian lower bound.
CapacitatedResult search_capacitated(const Prepared& p, const WeightedMatrix& wm, const SolveOptions& options);

}  // namespace basural::location
