// MCLP (mclp.cpp) checked by a hand-worked case and brute-force enumeration of every facility set on
// small random instances.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "location_cases.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace basural;
using namespace basural::test;

TEST_CASE("MCLP: one facility covers the heavier cluster", "[facility_location][mclp]")
{
    // points 0 1 2 (weight 1) and 10 11 (weight 2); candidates at 1 and 10.5; cutoff 1.
    // Candidate 1 covers 0 1 2 = 3; candidate 10.5 covers 10 11 = 4. p = 1: 4 covered; p = 2: all 7.
    LocationProblem pr;
    pr.costs = line_costs({0, 1, 2, 10, 11}, {1, 10.5}, 1.0);
    pr.demand_weights = {1, 1, 1, 2, 2};
    pr.p = 1;
    auto s = solve_mclp(pr);
    CHECK(s.objective == 4.0);
    CHECK(facility_indices(s) == std::vector<std::size_t>{1});
    CHECK(s.upper_bound >= 4.0);
    CHECK(s.lower_bound == 4.0);
    CHECK(s.assignments[0].status == AssignmentStatus::no_open_facility_within_cutoff);
    CHECK(s.assignments[3].cost == 0.5);
    pr.p = 2;
    s = solve_mclp(pr);
    CHECK(s.objective == 7.0);
    CHECK(s.upper_bound == 7.0);
    CHECK(s.gap == 0.0);
}

TEST_CASE("MCLP equals brute force on random instances; upper bound >= optimum", "[facility_location][mclp]")
{
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 6 + static_cast<std::size_t>(trial % 5), m = 4 + static_cast<std::size_t>(trial % 5);
        auto pr = random_problem(rng, n, m);
        pr.max_cost = 35.0;
        pr.costs = pr.costs.with_cutoff(35.0);
        pr.p = 1 + static_cast<std::size_t>(trial % 3);
        double best = 0.0;
        for_each_subset(m, pr.p, [&](const std::vector<std::size_t>& s) { best = std::max(best, covered_weight(pr, s)); });
        const auto s = solve_mclp(pr);
        INFO("trial " << trial);
        CHECK(s.objective == best);
        CHECK(s.upper_bound >= best - 1e-9);
    }
}
