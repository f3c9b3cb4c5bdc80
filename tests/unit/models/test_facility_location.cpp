// Location models checked by hand-worked cases, brute-force enumeration of every facility set on
// small random instances, and the proven optimum of OR-Library pmed1.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "orlib_pmed.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <random>

using namespace basural;

namespace {

/// Costs |x_i - y_j| between points on a line.
SparseCostMatrix line_costs(const std::vector<double>& demand_x, const std::vector<double>& cand_x,
                            double max_cost = NO_COST_CUTOFF)
{
    std::vector<double> d;
    for (double a : demand_x)
        for (double b : cand_x)
            d.push_back(std::fabs(a - b));
    return SparseCostMatrix::from_dense(demand_x.size(), cand_x.size(), d, max_cost);
}

std::vector<std::size_t> facility_indices(const LocationSolution& s)
{
    std::vector<std::size_t> out;
    for (const auto& f : s.facilities)
        out.push_back(f.candidate);
    return out;
}

/// Calls f on every k-subset of {0..m-1} (as a sorted vector).
void for_each_subset(std::size_t m, std::size_t k, const std::function<void(const std::vector<std::size_t>&)>& f)
{
    std::vector<std::size_t> s(k);
    std::function<void(std::size_t, std::size_t)> rec = [&](std::size_t start, std::size_t depth) {
        if (depth == k) {
            f(s);
            return;
        }
        for (std::size_t j = start; j < m; ++j) {
            s[depth] = j;
            rec(j + 1, depth + 1);
        }
    };
    rec(0, 0);
}

/// A random sparse instance: integer costs 1..99, about a fifth of the pairs missing (not allowed).
LocationProblem random_problem(std::mt19937_64& rng, std::size_t n, std::size_t m)
{
    std::uniform_int_distribution<int> cost(1, 99), weight(1, 5), coin(0, 4);
    std::vector<CostTriplet> t;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j)
            if (coin(rng) != 0)
                t.push_back({i, j, static_cast<double>(cost(rng))});
    LocationProblem pr;
    pr.costs = SparseCostMatrix::from_triplets(n, m, t);
    for (std::size_t i = 0; i < n; ++i)
        pr.demand_weights.push_back(weight(rng));
    return pr;
}

/// The documented p-median objective of an open set: sum over demand points with some candidate of
/// weight x min(cheapest open cost, unserved cost), unserved cost = 2 x largest allowed cost by default.
double p_median_value(const LocationProblem& pr, const std::vector<std::size_t>& open)
{
    const double unserved = pr.unserved_cost ? *pr.unserved_cost : 2.0 * pr.costs.largest_cost();
    double z = 0.0;
    for (std::size_t i = 0; i < pr.costs.demand_count(); ++i) {
        if (pr.costs.row(i).empty())
            continue;
        double best = unserved;
        for (auto j : open)
            if (auto c = pr.costs.cost(i, j))
                best = std::min(best, *c);
        z += pr.demand_weights[i] * best;
    }
    return z;
}

double covered_weight(const LocationProblem& pr, const std::vector<std::size_t>& open)
{
    double z = 0.0;
    for (std::size_t i = 0; i < pr.costs.demand_count(); ++i)
        if (std::any_of(open.begin(), open.end(), [&](std::size_t j) { return pr.costs.cost(i, j).has_value(); }))
            z += pr.demand_weights[i];
    return z;
}

}  // namespace

// ------------------------------------------------------------------------------------------ LSCP

TEST_CASE("LSCP: three facilities cover six points on a line, and the bound proves it", "[facility_location]")
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

TEST_CASE("LSCP: a point with no candidate within the cutoff is reported, not fatal", "[facility_location]")
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

TEST_CASE("LSCP: required facilities stay open and count", "[facility_location]")
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

TEST_CASE("LSCP equals brute force on random instances; the bound never exceeds the optimum", "[facility_location]")
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

// ------------------------------------------------------------------------------------- p-median

TEST_CASE("p-median on a line: the 1-median is the median point, p = 3 takes one per cluster", "[facility_location]")
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

TEST_CASE("p-median weights move the median", "[facility_location]")
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

TEST_CASE("p-median equals brute force on random sparse instances; lower_bound <= optimum", "[facility_location]")
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

TEST_CASE("p-median with many facilities on very sparse rows equals brute force", "[facility_location]")
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

TEST_CASE("p-median: required facilities stay open, inside p or on top of it", "[facility_location]")
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

TEST_CASE("p-median: a point beyond every open facility is unserved at the documented penalty", "[facility_location]")
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

TEST_CASE("capacitated p-median: capacity binds and moves a point to its second facility", "[facility_location]")
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

TEST_CASE("capacitated p-median: loads count against capacity, weights in the objective", "[facility_location]")
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

TEST_CASE("capacitated p-median equals brute force over sets and single-source assignments", "[facility_location]")
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

TEST_CASE("minimum throughput closes a small facility and reports who is left", "[facility_location]")
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

TEST_CASE("minimum throughput never closes a required facility", "[facility_location]")
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

TEST_CASE("p-median: OR-Library pmed1 reaches its proven optimum 5819", "[facility_location]")
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

TEST_CASE("p-median: averaged subgradients raise pmed1's bound faster; the weight is checked", "[facility_location]")
{
    // With a short budget (50 iterations, Beasley's step floor, no restarts or shakes) the bound must
    // stay valid (at most the proven optimum 5819) and, with averaged subgradients, come within 0.5% of
    // it; plain subgradient steps reach 5773 there (0.8% below).
    std::ifstream in(std::filesystem::path(BASURAL_TEST_DATA_DIR) / "pmed1.txt");
    REQUIRE(in);
    const auto instance = orlib::read_pmed(in);
    LocationProblem pr;
    pr.costs = SparseCostMatrix::from_dense(instance.n, instance.n, instance.distance);
    pr.demand_weights.assign(instance.n, 1.0);
    pr.p = instance.p;
    SolveOptions o;
    o.max_bound_iterations = 50;
    o.min_step_factor = 0.005;
    o.restarts = 0;
    o.perturbations = 0;
    const auto plain = solve_p_median(pr, o);
    o.subgradient_weight = 0.5;
    const auto averaged = solve_p_median(pr, o);
    CHECK(plain.lower_bound <= 5819.0);
    CHECK(averaged.lower_bound <= 5819.0);
    CHECK(averaged.lower_bound >= 0.995 * 5819.0);
    CHECK(averaged.lower_bound > plain.lower_bound);
    CHECK(averaged.objective == 5819.0);
    for (const double bad : {0.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
        o.subgradient_weight = bad;
        CHECK_THROWS_AS(solve_p_median(pr, o), usage_error);
    }
}

// ------------------------------------------------------------------------------------------ MCLP

TEST_CASE("MCLP: one facility covers the heavier cluster", "[facility_location]")
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

TEST_CASE("MCLP equals brute force on random instances; upper bound >= optimum", "[facility_location]")
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

// ------------------------------------------------------------------------- validation, determinism

TEST_CASE("invalid problems are usage errors that say what is wrong", "[facility_location]")
{
    LocationProblem pr;
    pr.costs = line_costs({0, 1}, {0, 1});
    pr.demand_weights = {1.0, 1.0};
    pr.p = 3;
    CHECK_THROWS_WITH(solve_p_median(pr), Catch::Contains("3 facilities to open but only 2 candidates"));
    pr.p = 0;
    CHECK_THROWS_WITH(solve_mclp(pr), Catch::Contains("p must be at least 1"));
    pr.p = 1;
    pr.demand_weights = {1.0, -2.0};
    CHECK_THROWS_WITH(solve_p_median(pr), Catch::Contains("weight"));
    pr.demand_weights = {1.0, 1.0};
    pr.candidate_capacity = {5.0, 5.0};
    CHECK_THROWS_WITH(solve_mclp(pr), Catch::Contains("capacities are supported by the p-median model only"));
    pr.candidate_capacity.clear();
    pr.min_throughput = 1.0;
    CHECK_THROWS_AS(solve_lscp(pr), usage_error);
    pr.min_throughput = 0.0;
    pr.required = {0, 1};
    CHECK_THROWS_WITH(solve_p_median(pr), Catch::Contains("smaller than the 2 required"));
    pr.required = {0, 0};
    CHECK_THROWS_WITH(solve_lscp(pr), Catch::Contains("listed twice"));
}

TEST_CASE("the same problem gives the same solution", "[facility_location]")
{
    std::mt19937_64 rng(5);
    auto pr = random_problem(rng, 40, 30);
    pr.p = 6;
    const auto a = solve_p_median(pr);
    const auto b = solve_p_median(pr);
    CHECK(facility_indices(a) == facility_indices(b));
    CHECK(a.objective == b.objective);
    CHECK(a.lower_bound == b.lower_bound);
    CHECK(a.iterations == b.iterations);
    for (std::size_t i = 0; i < a.assignments.size(); ++i)
        CHECK(a.assignments[i].facility == b.assignments[i].facility);
}

TEST_CASE("model names parse and print", "[facility_location]")
{
    CHECK(parse_location_model("p-median") == LocationModel::p_median);
    CHECK(parse_location_model("lscp") == LocationModel::lscp);
    CHECK(parse_location_model("mclp") == LocationModel::mclp);
    CHECK_FALSE(parse_location_model("pmedian").has_value());
    CHECK(to_string(AssignmentStatus::below_min_throughput) == "below_min_throughput");
}
