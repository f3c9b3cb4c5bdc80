// The Lagrangian bound (lagrangian.cpp): averaged subgradients against plain ones on OR-Library pmed1,
// whose proven optimum bounds them.
#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "location_cases.hpp"
#include "orlib_pmed.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <vector>

using namespace basural;
using namespace basural::test;

TEST_CASE("p-median: averaged subgradients raise pmed1's bound faster; the weight is checked", "[facility_location][lagrangian]")
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
