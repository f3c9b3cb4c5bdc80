// Location-allocation models: LSCP, p-median (uncapacitated and capacitated single-source), MCLP.
// This file is the public API's front: names, problem validation and the dispatcher. The solvers
// are one file per concept beside it: common (the prepared problem, the solution's assembly),
// swap_engine (the p-median swap search), lagrangian (the subgradient bound), p_median, capacitated,
// mclp, set_cover (LSCP). The methods, formulations and sources are in
// docs/methods/location_models.md; the comments in those files name the step of the method each piece
// implements.
#include "basural/models/location/facility_location.hpp"

#include "basural/base/error.hpp"
#include "basural/base/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace basural {

std::string_view to_string(LocationModel m) noexcept
{
    switch (m) {
    case LocationModel::lscp: return "lscp";
    case LocationModel::p_median: return "p-median";
    case LocationModel::mclp: return "mclp";
    }
    return "p-median";
}

std::optional<LocationModel> parse_location_model(std::string_view s) noexcept
{
    for (auto m : {LocationModel::lscp, LocationModel::p_median, LocationModel::mclp})
        if (s == to_string(m))
            return m;
    return std::nullopt;
}

std::string_view to_string(AssignmentStatus s) noexcept
{
    switch (s) {
    case AssignmentStatus::assigned: return "assigned";
    case AssignmentStatus::no_candidate_within_cutoff: return "no_candidate_within_cutoff";
    case AssignmentStatus::no_open_facility_within_cutoff: return "no_open_facility_within_cutoff";
    case AssignmentStatus::capacity_exhausted: return "capacity_exhausted";
    case AssignmentStatus::below_min_throughput: return "below_min_throughput";
    }
    return "assigned";
}

void validate(const LocationProblem& pr, LocationModel model)
{
    const std::size_t n = pr.costs.demand_count(), m = pr.costs.candidate_count();
    const std::string name(to_string(model));
    auto fail = [&](const std::string& what) { throw usage_error(name + ": " + what); };
    if (pr.demand_weights.size() != n)
        fail(std::to_string(pr.demand_weights.size()) + " demand weights for " + std::to_string(n) +
             " demand points in the cost matrix");
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(pr.demand_weights[i]) || pr.demand_weights[i] < 0.0)
            fail("demand point " + std::to_string(i) + " has weight " + format_value(pr.demand_weights[i]) +
                 "; weights must be finite and >= 0");
    if (!pr.demand_loads.empty()) {
        if (pr.demand_loads.size() != n)
            fail(std::to_string(pr.demand_loads.size()) + " demand loads for " + std::to_string(n) + " demand points");
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isfinite(pr.demand_loads[i]) || pr.demand_loads[i] < 0.0)
                fail("demand point " + std::to_string(i) + " has load " + format_value(pr.demand_loads[i]) +
                     "; loads must be finite and >= 0");
    }
    if (std::isnan(pr.max_cost) || pr.max_cost < 0.0)
        fail("the cutoff max_cost must be >= 0");
    if (!pr.candidate_capacity.empty()) {
        if (pr.candidate_capacity.size() != m)
            fail(std::to_string(pr.candidate_capacity.size()) + " capacities for " + std::to_string(m) + " candidates");
        for (std::size_t j = 0; j < m; ++j)
            if (std::isnan(pr.candidate_capacity[j]) || pr.candidate_capacity[j] < 0.0)
                fail("candidate " + std::to_string(j) + " has capacity " + format_value(pr.candidate_capacity[j]) +
                     "; capacities must be >= 0");
        const bool limited = std::any_of(pr.candidate_capacity.begin(), pr.candidate_capacity.end(),
                                         [](double c) { return std::isfinite(c); });
        if (limited && model != LocationModel::p_median)
            fail("capacities are supported by the p-median model only");
    }
    if (!std::isfinite(pr.min_throughput) || pr.min_throughput < 0.0)
        fail("the minimum throughput must be finite and >= 0");
    if (pr.min_throughput > 0.0 && model == LocationModel::lscp)
        fail("a minimum throughput is supported by p-median and mclp, not lscp (closing a facility would "
             "break the coverage the model exists for)");
    std::vector<char> seen(m, 0);
    for (auto j : pr.required) {
        if (j >= m)
            fail("required candidate " + std::to_string(j) + " is out of range (" + std::to_string(m) +
                 " candidates)");
        if (seen[j])
            fail("required candidate " + std::to_string(j) + " is listed twice");
        seen[j] = 1;
    }
    if (model != LocationModel::lscp) {
        const std::size_t total = pr.required_count_towards_p ? pr.p : pr.p + pr.required.size();
        if (pr.required_count_towards_p && pr.p < pr.required.size())
            fail("p = " + std::to_string(pr.p) + " is smaller than the " + std::to_string(pr.required.size()) +
                 " required facilities it counts");
        if (total == 0)
            fail("p must be at least 1");
        if (total > m)
            fail(std::to_string(total) + " facilities to open but only " + std::to_string(m) + " candidates");
    }
    if (pr.unserved_cost) {
        const double effective_cutoff = std::min(pr.max_cost, pr.costs.max_cost());
        const double largest = std::isfinite(effective_cutoff) ? effective_cutoff : pr.costs.largest_cost();
        if (!std::isfinite(*pr.unserved_cost) || *pr.unserved_cost < largest)
            fail("the unserved cost " + format_value(*pr.unserved_cost) +
                 " must be finite and at least the largest allowed cost " + format_value(largest) +
                 " (lower the cutoff instead)");
    }
}

LocationSolution solve_location(LocationModel model, const LocationProblem& problem, const SolveOptions& options)
{
    switch (model) {
    case LocationModel::lscp: return solve_lscp(problem, options);
    case LocationModel::mclp: return solve_mclp(problem, options);
    case LocationModel::p_median: break;
    }
    return solve_p_median(problem, options);
}

}  // namespace basural
