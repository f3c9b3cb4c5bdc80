// LSCP (set_cover.cpp) checked by hand-worked cases and brute-force enumeration of every facility set
// on small random instances.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "location_cases.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace basural;
using namespace basural::test;

TEST_CASE("LSCP: three facilities cover six points on a line, and the bound proves it", "[facility_location][set_cover]")
{
    // demand at 0 2 4 6 8 10; candidates at 1 5 9 3 7 (indices 0..4); cutoff 1.5 so each candidate
    // covers its two neighbours. 0 needs the candidate at 1, 10 needs the one at 9, and 4, 6 are both
    // covered by 5 alone: {1, 5, 9} = indices {0, 1, 2}, and no two candidates cover six points.
    LocationProblem pr;
    pr.costs = line_costs({0, 2, 4, 6, 8, 10}, {1, 5, 9, 3, 7}, 1.5);
    pr.demand_weights.assign(6, 1.0);
    const auto s = solve_lscp(pr);
    CHECK(s.objective == 3.0);
    CHECK(s.lower_bound == 3.0);
    CHECK(s.gap == 0.0);
    CHECK(s.proven_optimal);
    CHECK(facility_indices(s) == std::vector<std::size_t>{0, 1, 2});
    for (const auto& a : s.assignments) {
        CHECK(a.status == AssignmentStatus::assigned);
        CHECK(a.cost == 1.0);
    }
    // demand 4 and 6 both go to the candidate at 5 (index 1)
    CHECK(s.assignments[2].facility == std::optional<std::size_t>(1));
    CHECK(s.assignments[3].facility == std::optional<std::size_t>(1));
}

TEST_CASE("LSCP: a point with no candidate within the cutoff is reported, not fatal", "[facility_location][set_cover]")
{
    // as above plus a demand point at 20: nothing within 1.5 of it
    LocationProblem pr;
    pr.costs = line_costs({0, 2, 4, 6, 8, 10, 20}, {1, 5, 9, 3, 7}, 1.5);
    pr.demand_weights.assign(7, 1.0);
    const auto s = solve_lscp(pr);
    CHECK(s.objective == 3.0);
    CHECK(s.assignments[6].status == AssignmentStatus::no_candidate_within_cutoff);
    CHECK_FALSE(s.assignments[6].facility.has_value());
    CHECK(s.unserved_weight == 1.0);
}

TEST_CASE("LSCP: required facilities stay open and count", "[facility_location][set_cover]")
{
    // requiring the candidate at 3 (index 3): it covers 2 and 4; 0 still needs 1, 10 needs 9, 6 and 8
    // need 7 (or 5 and 9...): {1, 3, 7, 9} = 4 facilities, the best with 3 open.
    LocationProblem pr;
    pr.costs = line_costs({0, 2, 4, 6, 8, 10}, {1, 5, 9, 3, 7}, 1.5);
    pr.demand_weights.assign(6, 1.0);
    pr.required = {3};
    const auto s = solve_lscp(pr);
    CHECK(s.objective == 4.0);
    CHECK(s.proven_optimal);
    const auto f = facility_indices(s);
    CHECK(std::find(f.begin(), f.end(), 3) != f.end());
}

TEST_CASE("LSCP equals brute force on random instances; the bound never exceeds the optimum", "[facility_location][set_cover]")
{
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t n = 6 + static_cast<std::size_t>(trial % 5), m = 5 + static_cast<std::size_t>(trial % 4);
        auto pr = random_problem(rng, n, m);
        pr.costs = pr.costs.with_cutoff(40.0);  // sparse coverage
        std::size_t best = m + 1;
        for (std::size_t k = 0; k <= m && best > m; ++k)
            for_each_subset(m, k, [&](const std::vector<std::size_t>& s) {
                if (best <= m)
                    return;
                bool all = true;
                for (std::size_t i = 0; i < n && all; ++i)
                    if (!pr.costs.row(i).empty())
                        all = std::any_of(s.begin(), s.end(), [&](std::size_t j) { return pr.costs.cost(i, j).has_value(); });
                if (all)
                    best = k;
            });
        SolveOptions exact_off;
        exact_off.exact_node_limit = 0;
        const auto heuristic = solve_lscp(pr, exact_off);
        CHECK(heuristic.lower_bound <= static_cast<double>(best));
        CHECK(heuristic.objective >= static_cast<double>(best));
        const auto s = solve_lscp(pr);
        CHECK(s.objective == static_cast<double>(best));
        CHECK(s.proven_optimal);
    }
}
