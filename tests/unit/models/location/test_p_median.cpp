// The uncapacitated p-median (p_median.cpp) checked by hand-worked cases, brute-force enumeration of
// every facility set on small random instances, and the proven optimum of OR-Library pmed1; the
// minimum throughput (common.cpp) on the p-median.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "location_cases.hpp"
#include "orlib_pmed.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

using namespace basural;
using namespace basural::test;

TEST_CASE("p-median on a line: the 1-median is the median point, p = 3 takes one per cluster", "[facility_location][p_median]")
{
    // points 0 1 2 10 11 12 30, weight 1, candidates at the same places.
    // p = 1: the median point 10 costs 10+9+8+0+1+2+20 = 50 (11 costs 51, 2 costs 58).
    // p = 3: 1, 11, 30 cost 1+0+1 + 1+0+1 + 0 = 4.
    const std::vector<double> x{0, 1, 2, 10, 11, 12, 30};
    LocationProblem pr;
    pr.costs = line_costs(x, x);
    pr.demand_weights.assign(x.size(), 1.0);
    pr.p = 1;
    auto s = solve_p_median(pr);
    CHECK(s.objective == 50.0);
    CHECK(facility_indices(s) == std::vector<std::size_t>{3});
    CHECK(s.lower_bound <= 50.0);
    pr.p = 3;
    s = solve_p_median(pr);
    CHECK(s.objective == 4.0);
    CHECK(facility_indices(s) == std::vector<std::size_t>{1, 4, 6});
    CHECK(s.lower_bound == 4.0);  // integer data: the Lagrangian bound, rounded up, closes the gap
    CHECK(s.gap == 0.0);
    CHECK(s.facilities[0].demand_points == 3);
    CHECK(s.facilities[0].weight == 3.0);
    CHECK(s.assigned_cost == 4.0);
}

TEST_CASE("p-median weights move the median", "[facility_location][p_median]")
{
    // points 0 and 10, weights 1 and 3, one facility: at 10 costs 1 x 10 = 10, at 0 costs 3 x 10 = 30
    LocationProblem pr;
    pr.costs = line_costs({0, 10}, {0, 10});
    pr.demand_weights = {1.0, 3.0};
    pr.p = 1;
    const auto s = solve_p_median(pr);
    CHECK(s.objective == 10.0);
    CHECK(facility_indices(s) == std::vector<std::size_t>{1});
}

TEST_CASE("p-median equals brute force on random sparse instances; lower_bound <= optimum", "[facility_location][p_median]")
{
    std::mt19937_64 rng(42);
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 5 + static_cast<std::size_t>(trial % 4), m = 4 + static_cast<std::size_t>(trial % 5);
        auto pr = random_problem(rng, n, m);
        pr.p = 1 + static_cast<std::size_t>(trial % 3);
        if (trial % 4 == 3)
            pr.required = {static_cast<std::size_t>(trial) % m};
        double best = std::numeric_limits<double>::infinity();
        for_each_subset(m, pr.p, [&](const std::vector<std::size_t>& s) {
            for (auto r : pr.required)
                if (std::find(s.begin(), s.end(), r) == s.end())
                    return;
            best = std::min(best, p_median_value(pr, s));
        });
        const auto s = solve_p_median(pr);
        INFO("trial " << trial);
        CHECK(s.objective == Approx(best).epsilon(1e-12));
        CHECK(s.lower_bound <= best + 1e-9);
        CHECK(s.facilities.size() == pr.p);
    }
}

TEST_CASE("p-median with many facilities on very sparse rows equals brute force", "[facility_location][p_median]")
{
    // p close to the number of candidates and one or two candidates per demand point: the swap search
    // then scans columns at each move instead of keeping a candidates x facilities table (which it
    // does when that table is at most 8 doubles per stored pair), so this covers the other path.
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t m = 12 + static_cast<std::size_t>(trial % 3), n = 10, p = m - 3;
        std::uniform_int_distribution<std::size_t> pick(0, m - 1);
        std::uniform_int_distribution<int> cost(1, 99), weight(1, 5);
        std::vector<CostTriplet> t;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t a = pick(rng);
            t.push_back({i, a, static_cast<double>(cost(rng))});
            if (i < 3) {  // three points with a second candidate: stored pairs stay below m x p / 8
                std::size_t b = pick(rng);
                while (b == a)
                    b = pick(rng);
                t.push_back({i, b, static_cast<double>(cost(rng))});
            }
        }
        LocationProblem pr;
        pr.costs = SparseCostMatrix::from_triplets(n, m, t);
        for (std::size_t i = 0; i < n; ++i)
            pr.demand_weights.push_back(weight(rng));
        pr.p = p;
        REQUIRE(m * p > 8 * pr.costs.entry_count());
        double best = std::numeric_limits<double>::infinity();
        for_each_subset(m, p, [&](const std::vector<std::size_t>& set) { best = std::min(best, p_median_value(pr, set)); });
        const auto sol = solve_p_median(pr);
        INFO("trial " << trial);
        CHECK(sol.objective == Approx(best).epsilon(1e-12));
        CHECK(sol.lower_bound <= best + 1e-9);
    }
}

TEST_CASE("p-median: required facilities stay open, inside p or on top of it", "[facility_location][p_median]")
{
    // points 0 1 2; candidates at 1 and 50 (index 1). Required 50.
    LocationProblem pr;
    pr.costs = line_costs({0, 1, 2}, {1, 50});
    pr.demand_weights.assign(3, 1.0);
    pr.required = {1};
    pr.p = 1;  // counts the required one: only 50 is open, cost 50+49+48 = 147
    auto s = solve_p_median(pr);
    CHECK(facility_indices(s) == std::vector<std::size_t>{1});
    CHECK(s.objective == 147.0);
    CHECK(s.facilities[0].required);
    pr.required_count_towards_p = false;  // one new facility besides it: 1 opens, cost 1+0+1 = 2
    s = solve_p_median(pr);
    CHECK(facility_indices(s) == std::vector<std::size_t>{0, 1});
    CHECK(s.objective == 2.0);
    CHECK(s.facilities[1].demand_points == 0);
}

TEST_CASE("p-median: a point beyond every open facility is unserved at the documented penalty", "[facility_location][p_median]")
{
    // points 0 and 100; candidates at 0 and 100; cutoff 10; p = 1.
    // Either facility serves one point; the other has a candidate within the cutoff that is closed:
    // unserved at 2 x cutoff = 20 per unit weight. Weights 1 and 2: open 100 (serves weight 2),
    // objective = 0 + 1 x 20 = 20.
    LocationProblem pr;
    pr.costs = line_costs({0, 100}, {0, 100}, 10.0);
    pr.max_cost = 10.0;
    pr.demand_weights = {1.0, 2.0};
    pr.p = 1;
    const auto s = solve_p_median(pr);
    CHECK(facility_indices(s) == std::vector<std::size_t>{1});
    CHECK(s.unserved_cost == 20.0);
    CHECK(s.objective == 20.0);
    CHECK(s.assigned_cost == 0.0);
    CHECK(s.unserved_weight == 1.0);
    CHECK(s.assignments[0].status == AssignmentStatus::no_open_facility_within_cutoff);
}

TEST_CASE("minimum throughput closes a small facility and reports who is left", "[facility_location][p_median]")
{
    // points 0, 1 (weight 5 each) and 20 (weight 1); candidates at 0 and 20; p = 2.
    // The facility at 20 would take load 1 < 2: it is closed.
    LocationProblem pr;
    pr.costs = line_costs({0, 1, 20}, {0, 20});
    pr.demand_weights = {5.0, 5.0, 1.0};
    pr.p = 2;
    pr.min_throughput = 2.0;
    // no cutoff: the point at 20 moves to the facility at 0 (cost 20): objective 5 x 1 + 1 x 20 = 25
    auto s = solve_p_median(pr);
    CHECK(facility_indices(s) == std::vector<std::size_t>{0});
    CHECK(s.closed_below_min_throughput == std::vector<std::size_t>{1});
    CHECK(s.assignments[2].facility == std::optional<std::size_t>(0));
    CHECK(s.objective == 25.0);
    // cutoff 10: nothing else is within reach: it needs a local solution
    pr.costs = line_costs({0, 1, 20}, {0, 20}, 10.0);
    s = solve_p_median(pr);
    CHECK(facility_indices(s) == std::vector<std::size_t>{0});
    CHECK(s.assignments[2].status == AssignmentStatus::below_min_throughput);
    CHECK(s.unserved_weight == 1.0);
    CHECK(s.lower_bound <= s.objective);
}

TEST_CASE("minimum throughput never closes a required facility", "[facility_location][p_median]")
{
    LocationProblem pr;
    pr.costs = line_costs({0, 1, 20}, {0, 20});
    pr.demand_weights = {5.0, 5.0, 1.0};
    pr.p = 2;
    pr.min_throughput = 2.0;
    pr.required = {1};
    const auto s = solve_p_median(pr);
    CHECK(facility_indices(s) == std::vector<std::size_t>{0, 1});
    CHECK(s.closed_below_min_throughput.empty());
}

TEST_CASE("p-median: OR-Library pmed1 reaches its proven optimum 5819", "[facility_location][p_median]")
{
    // Beasley (1990) OR-Library pmed1: 100 vertices, 200 edges, p = 5; distances are all-pairs shortest
    // paths, read as the benchmark reads them (bench/orlib_pmed.hpp). Optimum 5819 (pmedopt).
    std::ifstream in(std::filesystem::path(BASURAL_TEST_DATA_DIR) / "pmed1.txt");
    REQUIRE(in);
    const auto instance = orlib::read_pmed(in);
    REQUIRE(instance.n == 100);
    REQUIRE(instance.p == 5);
    LocationProblem pr;
    pr.costs = SparseCostMatrix::from_dense(instance.n, instance.n, instance.distance);
    pr.demand_weights.assign(instance.n, 1.0);
    pr.p = instance.p;
    const auto s = solve_p_median(pr);
    CHECK(s.objective == 5819.0);
    CHECK(s.lower_bound <= 5819.0);
    CHECK(s.facilities.size() == 5);
}

namespace {

/// A dense n x m problem (every pair given) with costs drawn from `costs`, weights 1..4.
LocationProblem dense_problem(std::mt19937_64& rng, std::size_t n, std::size_t m, std::uniform_int_distribution<int> costs)
{
    std::vector<double> c(n * m);
    for (auto& v : c)
        v = costs(rng);
    LocationProblem pr;
    pr.costs = SparseCostMatrix::from_dense(n, m, c);
    std::uniform_int_distribution<int> weight(1, 4);
    for (std::size_t i = 0; i < n; ++i)
        pr.demand_weights.push_back(weight(rng));
    return pr;
}

}  // namespace

TEST_CASE("p-median equals brute force on dense instances full of ties (the points a swap recomputes)",
          "[facility_location][p_median]")
{
    // costs 1..4 on every pair: many points have a second facility at the cost of the one swapped
    // in, where the row order decides which one is their second (issue #17's recompute filter)
    std::mt19937_64 rng(17);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t n = 8 + static_cast<std::size_t>(trial % 5), m = 6 + static_cast<std::size_t>(trial % 4);
        auto pr = dense_problem(rng, n, m, std::uniform_int_distribution<int>(1, trial % 2 ? 4 : 40));
        pr.p = 2 + static_cast<std::size_t>(trial % 3);
        double best = std::numeric_limits<double>::infinity();
        for_each_subset(m, pr.p, [&](const std::vector<std::size_t>& s) { best = std::min(best, p_median_value(pr, s)); });
        INFO("trial " << trial);
        const auto s = solve_p_median(pr);
        CHECK(s.objective == Approx(best).epsilon(1e-12));
        CHECK(s.lower_bound <= best + 1e-9);
    }
}

TEST_CASE("p-median and mclp give the same answer for any number of threads", "[facility_location][p_median]")
{
    std::mt19937_64 rng(5);
    auto pr = dense_problem(rng, 400, 300, std::uniform_int_distribution<int>(1, 5000));
    pr.p = 12;
    SolveOptions one;
    one.threads = 1;
    const auto a = solve_p_median(pr, one);
    for (const std::size_t threads : {2, 3, 0}) {
        INFO("threads " << threads);
        SolveOptions more;
        more.threads = threads;
        const auto b = solve_p_median(pr, more);
        CHECK(b.objective == a.objective);
        CHECK(b.lower_bound == a.lower_bound);
        CHECK(facility_indices(b) == facility_indices(a));
        REQUIRE(b.assignments.size() == a.assignments.size());
        for (std::size_t i = 0; i < a.assignments.size(); ++i)
            CHECK(b.assignments[i].facility == a.assignments[i].facility);
    }
    pr.max_cost = 1500.0;
    const auto c1 = solve_location(LocationModel::mclp, pr, one);
    SolveOptions two;
    two.threads = 2;
    const auto c2 = solve_location(LocationModel::mclp, pr, two);
    CHECK(c2.objective == c1.objective);
    CHECK(facility_indices(c2) == facility_indices(c1));
    SolveOptions too_many;
    too_many.threads = 257;
    CHECK_THROWS_AS(solve_p_median(pr, too_many), usage_error);
}
