// The maximal covering location problem (Church & ReVelle 1974) as a p-median with 0/1 costs: the
// uncapacitated search (p_median.hpp) on the coverage view. docs/methods/location_models.md.
#include "basural/models/location/facility_location.hpp"

#include "common.hpp"
#include "p_median.hpp"

#include <algorithm>

namespace basural {

using namespace location;

LocationSolution solve_mclp(const LocationProblem& problem, const SolveOptions& options)
{
    const Stopwatch clock;
    const Prepared p = prepare(problem, options, LocationModel::mclp);
    const WeightedMatrix wm = make_weighted(p, true);
    double coverable = 0.0;
    for (std::size_t i = 0; i < p.n; ++i)
        coverable += wm.penalty[i];
    // maximising the covered weight = minimising the uncovered weight (a p-median with 0/1 costs)
    auto r = search_uncapacitated(wm, p.required_flag, p.p_total, options);
    auto s = finish(p, LocationModel::mclp, r.open, closest_open(p, r.open));
    s.objective = s.served_weight;
    s.lower_bound = s.objective;
    s.upper_bound = std::max(s.objective, coverable - r.lower_bound);
    s.gap = s.upper_bound > 0.0 ? (s.upper_bound - s.objective) / s.upper_bound : 0.0;
    s.proven_optimal = s.upper_bound - s.objective <= improvement_tolerance(s.upper_bound);
    if (s.proven_optimal) {
        s.upper_bound = s.objective;
        s.gap = 0.0;
    }
    s.iterations = r.moves;
    s.bound_iterations = r.bound_iterations;
    s.time_ms = clock.ms();
    return s;
}

}  // namespace basural
