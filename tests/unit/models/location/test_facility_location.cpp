// The public front of the location models (facility_location.cpp): problem validation, determinism,
// model names.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "location_cases.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace basural;
using namespace basural::test;

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
