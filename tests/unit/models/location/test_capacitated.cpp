// The capacitated single-source p-median (capacitated.cpp) checked by hand-worked cases and brute force
// over every facility set and single-source assignment.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "location_cases.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace basural;
using namespace basural::test;

TEST_CASE("capacitated p-median: capacity binds and moves a point to its second facility", "[facility_location][capacitated]")
{
    // points A=0 (weight 3), B=1, C=2, D=10 (weight 1 each); candidates at 0 and 10; p = 2; capacity 4.
    // Uncapacitated: A, B, C go to 0 (load 5 > 4), objective 0+1+2+0 = 3.
    // Capacitated: A+B at 0 (load 4) and C to 10 costs 0 + 1 + 8 + 0 = 9; A+C at 0 with B to 10 costs
    // 0 + 2 + 9 = 11; A cannot share with both. Optimum 9.
    LocationProblem pr;
    pr.costs = line_costs({0, 1, 2, 10}, {0, 10});
    pr.demand_weights = {3.0, 1.0, 1.0, 1.0};
    pr.p = 2;
    auto s = solve_p_median(pr);
    CHECK(s.objective == 3.0);
    CHECK(s.facilities[0].load == 5.0);
    pr.candidate_capacity = {4.0, 4.0};
    s = solve_p_median(pr);
    CHECK(s.objective == 9.0);
    CHECK(s.facilities[0].load == 4.0);
    CHECK(s.facilities[1].load == 2.0);
    CHECK(s.assignments[2].facility == std::optional<std::size_t>(1));
    CHECK(s.lower_bound <= 9.0);
}

TEST_CASE("capacitated p-median: loads count against capacity, weights in the objective", "[facility_location][capacitated]")
{
    // the same four points, weight 1 each, loads 3 1 1 1: as above with the objective unweighted:
    // A+B at 0, C+D at 10: 0 + 1 + 8 + 0 = 9
    LocationProblem pr;
    pr.costs = line_costs({0, 1, 2, 10}, {0, 10});
    pr.demand_weights = {1.0, 1.0, 1.0, 1.0};
    pr.demand_loads = {3.0, 1.0, 1.0, 1.0};
    pr.candidate_capacity = {4.0, 4.0};
    pr.p = 2;
    const auto s = solve_p_median(pr);
    CHECK(s.objective == 9.0);
    CHECK(s.facilities[0].load == 4.0);
    CHECK(s.facilities[0].weight == 2.0);
}

TEST_CASE("capacitated p-median equals brute force over sets and single-source assignments", "[facility_location][capacitated]")
{
    std::mt19937_64 rng(3);
    std::uniform_int_distribution<int> load(1, 4);
    for (int trial = 0; trial < 25; ++trial) {
        const std::size_t n = 6, m = 4;
        auto pr = random_problem(rng, n, m);
        pr.p = 2;
        for (std::size_t i = 0; i < n; ++i)
            pr.demand_loads.push_back(load(rng));
        pr.candidate_capacity.assign(m, 8.0);
        const double unserved = 2.0 * pr.costs.largest_cost();
        double best = std::numeric_limits<double>::infinity();
        for_each_subset(m, pr.p, [&](const std::vector<std::size_t>& s) {
            // every assignment of each point to one of the open facilities or to "unserved"
            std::vector<std::size_t> choice(n, 0);
            const std::size_t options = s.size() + 1;
            std::size_t combos = 1;
            for (std::size_t i = 0; i < n; ++i)
                combos *= options;
            for (std::size_t code = 0; code < combos; ++code) {
                std::size_t c = code;
                std::vector<double> used(m, 0.0);
                double z = 0.0;
                bool ok = true;
                for (std::size_t i = 0; i < n && ok; ++i, c /= options) {
                    const std::size_t pick = c % options;
                    if (pr.costs.row(i).empty())
                        continue;
                    if (pick == s.size()) {
                        z += pr.demand_weights[i] * unserved;
                        continue;
                    }
                    const auto cost = pr.costs.cost(i, s[pick]);
                    if (!cost) {
                        ok = false;
                        break;
                    }
                    used[s[pick]] += pr.demand_loads[i];
                    z += pr.demand_weights[i] * *cost;
                }
                for (auto j : s)
                    ok = ok && used[j] <= 8.0;
                if (ok)
                    best = std::min(best, z);
            }
        });
        const auto s = solve_p_median(pr);
        INFO("trial " << trial);
        CHECK(s.objective == Approx(best).epsilon(1e-12));
        CHECK(s.lower_bound <= best + 1e-9);
        for (const auto& f : s.facilities)
            CHECK(f.load <= 8.0);
    }
}
