// Sparse demand x candidate cost matrices: storage order, cutoffs, errors, and geodesic costs
// checked against GeographicLib's GeodSolve.
#include "basural/geo/cost_matrix.hpp"
#include "basural/base/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

using namespace basural;

TEST_CASE("rows are sorted by cost then candidate, columns by demand, and the cutoff drops pairs", "[cost_matrix]")
{
    // 2 demand points x 3 candidates, given in scrambled order; cutoff 10 drops (1, 2) = 12.
    const auto m = SparseCostMatrix::from_triplets(
        2, 3, {{1, 2, 12.0}, {0, 2, 5.0}, {0, 0, 7.0}, {1, 0, 3.0}, {0, 1, 5.0}}, 10.0);
    CHECK(m.demand_count() == 2);
    CHECK(m.candidate_count() == 3);
    CHECK(m.entry_count() == 4);
    CHECK(m.max_cost() == 10.0);
    CHECK(m.largest_cost() == 7.0);
    // demand 0: candidates 1 and 2 both cost 5 (tie broken by index), then 0 at 7
    const auto r0 = m.row(0);
    REQUIRE(r0.size() == 3);
    CHECK(r0[0] == CandidateCost{1, 5.0});
    CHECK(r0[1] == CandidateCost{2, 5.0});
    CHECK(r0[2] == CandidateCost{0, 7.0});
    REQUIRE(m.row(1).size() == 1);
    CHECK(m.row(1)[0] == CandidateCost{0, 3.0});
    const auto c0 = m.column(0);
    REQUIRE(c0.size() == 2);
    CHECK(c0[0] == DemandCost{0, 7.0});
    CHECK(c0[1] == DemandCost{1, 3.0});
    CHECK(m.column(2).size() == 1);
    CHECK(m.cost(0, 2) == std::optional<double>(5.0));
    CHECK_FALSE(m.cost(1, 2).has_value());  // beyond the cutoff
    CHECK_FALSE(m.cost(1, 1).has_value());  // never given
}

TEST_CASE("a pair exactly at the cutoff is kept", "[cost_matrix]")
{
    const auto m = SparseCostMatrix::from_triplets(1, 2, {{0, 0, 10.0}, {0, 1, 10.000001}}, 10.0);
    CHECK(m.entry_count() == 1);
    CHECK(m.cost(0, 0) == std::optional<double>(10.0));
}

TEST_CASE("dense matrices equal the same triplets; with_cutoff narrows", "[cost_matrix]")
{
    const std::vector<double> dense{0, 4, 9,  //
                                    4, 0, 5};
    const auto d = SparseCostMatrix::from_dense(2, 3, dense);
    const auto t = SparseCostMatrix::from_triplets(2, 3, {{0, 0, 0}, {0, 1, 4}, {0, 2, 9}, {1, 0, 4}, {1, 1, 0}, {1, 2, 5}});
    CHECK(d.entry_count() == 6);
    for (std::size_t i = 0; i < 2; ++i)
        CHECK(std::equal(d.row(i).begin(), d.row(i).end(), t.row(i).begin(), t.row(i).end()));
    const auto narrow = d.with_cutoff(4.5);
    CHECK(narrow.entry_count() == 4);  // 9 and 5 dropped
    CHECK(narrow.max_cost() == 4.5);
    CHECK_FALSE(narrow.cost(1, 2).has_value());
    CHECK_THROWS_AS(SparseCostMatrix::from_dense(2, 3, {1, 2, 3}), error);
}

TEST_CASE("bad triplets are refused with the pair named", "[cost_matrix]")
{
    CHECK_THROWS_WITH(SparseCostMatrix::from_triplets(2, 2, {{0, 1, 1.0}, {0, 1, 2.0}}),
                      Catch::Contains("(0, 1) is given twice"));
    CHECK_THROWS_WITH(SparseCostMatrix::from_triplets(2, 2, {{1, 0, -1.0}}), Catch::Contains("finite, >= 0"));
    CHECK_THROWS_WITH(SparseCostMatrix::from_triplets(2, 2, {{1, 0, std::nan("")}}), Catch::Contains("finite"));
    CHECK_THROWS_WITH(SparseCostMatrix::from_triplets(2, 2, {{2, 0, 1.0}}), Catch::Contains("outside the 2 x 2"));
    CHECK_THROWS_AS(SparseCostMatrix::from_triplets(1, 1, {}, -1.0), error);
}

TEST_CASE("geodesic costs in km match GeodSolve, times the detour factor, within the cutoff", "[cost_matrix]")
{
    // GeodSolve -i -p 9 (GeographicLib), WGS84, along the equator from (0, -60):
    //   to (0, -59.5): 55659.745396637 m; to (0, -59): 111319.490793274 m; to (0, -58.8): 133583.388951929 m
    // and Lima (-12.0464, -77.0428) to (-12.5, -77.0): 50394.832383908 m
    const std::vector<LonLat> demand{{-60.0, 0.0}, {-77.0428, -12.0464}};
    const std::vector<LonLat> cand{{-59.5, 0.0}, {-59.0, 0.0}, {-58.8, 0.0}, {-77.0, -12.5}};
    const auto m = SparseCostMatrix::from_geodesic_km(demand, cand, 120.0);
    REQUIRE(m.row(0).size() == 2);
    CHECK(m.row(0)[0].candidate == 0);
    CHECK(m.row(0)[0].cost == Approx(55.659745396637).margin(1e-6));  // 1 mm
    CHECK(m.row(0)[1].cost == Approx(111.319490793274).margin(1e-6));
    REQUIRE(m.row(1).size() == 1);
    CHECK(m.row(1)[0].candidate == 3);
    CHECK(m.row(1)[0].cost == Approx(50.394832383908).margin(1e-6));

    // detour 1.3: 55.66 x 1.3 = 72.36 km kept, 111.32 x 1.3 = 144.72 km beyond 120 km
    const auto road = SparseCostMatrix::from_geodesic_km(demand, cand, 120.0, 1.3);
    REQUIRE(road.row(0).size() == 1);
    CHECK(road.row(0)[0].cost == Approx(55.659745396637 * 1.3).margin(1e-6));
    // a larger cutoff reaches the third candidate: 133.58 km
    CHECK(SparseCostMatrix::from_geodesic_km(demand, cand, 140.0).row(0).size() == 3);
}

TEST_CASE("geodesic costs need a finite cutoff and a detour factor >= 1", "[cost_matrix]")
{
    const std::vector<LonLat> pts{{0, 0}};
    CHECK_THROWS_AS(SparseCostMatrix::from_geodesic_km(pts, pts, NO_COST_CUTOFF), usage_error);
    CHECK_THROWS_AS(SparseCostMatrix::from_geodesic_km(pts, pts, 0.0), usage_error);
    CHECK_THROWS_AS(SparseCostMatrix::from_geodesic_km(pts, pts, 10.0, 0.9), usage_error);
}

TEST_CASE("compact pairs: the same matrix as triplets, duplicates reported first to the caller", "[cost_matrix]")
{
    const auto a = SparseCostMatrix::from_triplets(2, 3, {{1, 2, 12.0}, {0, 2, 5.0}, {0, 0, 7.0}, {1, 0, 3.0}}, 10.0);
    const auto b = SparseCostMatrix::from_pairs(2, 3, {{1, 2, 12.0}, {0, 2, 5.0}, {0, 0, 7.0}, {1, 0, 3.0}}, 10.0);
    REQUIRE(b.entry_count() == a.entry_count());
    for (std::size_t i = 0; i < 2; ++i)
        CHECK(std::vector<CandidateCost>(b.row(i).begin(), b.row(i).end()) ==
              std::vector<CandidateCost>(a.row(i).begin(), a.row(i).end()));
    for (std::size_t j = 0; j < 3; ++j)
        CHECK(std::vector<DemandCost>(b.column(j).begin(), b.column(j).end()) ==
              std::vector<DemandCost>(a.column(j).begin(), a.column(j).end()));
    // the rows' storage as the solvers scan it: offsets, candidates, costs
    CHECK(std::vector<std::size_t>(b.row_offsets().begin(), b.row_offsets().end()) == std::vector<std::size_t>{0, 2, 3});
    CHECK(std::vector<std::uint32_t>(b.row_candidates().begin(), b.row_candidates().end()) ==
          std::vector<std::uint32_t>{2, 0, 0});
    CHECK(std::vector<double>(b.row_costs().begin(), b.row_costs().end()) == std::vector<double>{5.0, 7.0, 3.0});

    // a pair given twice is an error even when both are beyond the cutoff; the caller hears of it first
    std::vector<std::pair<std::size_t, std::size_t>> told;
    CHECK_THROWS_WITH(SparseCostMatrix::from_pairs(2, 3, {{1, 2, 12.0}, {0, 0, 1.0}, {1, 2, 13.0}}, 10.0,
                                                   [&](std::size_t i, std::size_t j) { told.emplace_back(i, j); }),
                      Catch::Contains("(1, 2) is given twice"));
    CHECK(told == std::vector<std::pair<std::size_t, std::size_t>>{{1, 2}});
    CHECK_THROWS_WITH(SparseCostMatrix::from_pairs(1, 1, {{0, 0, -1.0}}),
                      Catch::Contains("costs must be finite, >= 0 and <= 1e12"));
    // beyond 1e12 a double loses the small costs beside it and a local search cycled (fuzz_cost_matrix)
    CHECK_THROWS_WITH(SparseCostMatrix::from_pairs(1, 1, {{0, 0, 1.01e12}}), Catch::Contains("<= 1e12"));
    CHECK_NOTHROW(SparseCostMatrix::from_pairs(1, 1, {{0, 0, 1e12}}));
}

TEST_CASE("a copied matrix answers like the original, before and after its columns are built", "[cost_matrix]")
{
    const auto m = SparseCostMatrix::from_triplets(2, 2, {{0, 0, 1.0}, {0, 1, 2.0}, {1, 1, 3.0}});
    const SparseCostMatrix before = m;  // columns not built yet
    CHECK(m.cost(1, 1) == std::optional<double>(3.0));  // builds m's columns
    const SparseCostMatrix after = m;
    for (const auto* c : {&before, &after}) {
        CHECK(c->cost(0, 1) == std::optional<double>(2.0));
        CHECK_FALSE(c->cost(1, 0).has_value());
        REQUIRE(c->column(1).size() == 2);
        CHECK(c->column(1)[1] == DemandCost{1, 3.0});
    }
}
