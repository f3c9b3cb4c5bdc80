#pragma once
/// \file cost_matrix.hpp
/// Demand x candidate costs for location models, stored sparsely: only the pairs whose cost is
/// within a cutoff (`max_cost`) are kept, row-wise by demand point (CSR) and column-wise by
/// candidate (the transposed view). A country of 5,000 sites never builds a dense 25-million-cell
/// matrix: with a cutoff of a few hundred kilometres each row holds a few hundred entries.
///
/// Costs are non-negative, finite numbers in one unit chosen by the builder: kilometres for
/// from_geodesic_km(), whatever the table says (km, minutes...) for from_triplets(), the caller's
/// unit for from_dense(). A pair that is not stored is not allowed (it is beyond the cutoff).

#include "basural/geo/lon_lat.hpp"

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace basural {

/// No cutoff: every pair given is kept.
inline constexpr double NO_COST_CUTOFF = std::numeric_limits<double>::infinity();

/// One given pair: demand point index, candidate index, cost.
struct CostTriplet {
    std::size_t demand = 0;
    std::size_t candidate = 0;
    double cost = 0.0;
};

/// A row entry: a candidate within the cutoff of a demand point and its cost.
struct CandidateCost {
    std::size_t candidate = 0;
    double cost = 0.0;
    friend bool operator==(const CandidateCost&, const CandidateCost&) = default;
};

/// A column entry: a demand point within the cutoff of a candidate and its cost.
struct DemandCost {
    std::size_t demand = 0;
    double cost = 0.0;
    friend bool operator==(const DemandCost&, const DemandCost&) = default;
};

class SparseCostMatrix {
public:
    /// An empty 0 x 0 matrix.
    SparseCostMatrix() = default;

    /// From (demand, candidate, cost) triplets in any order. Pairs with cost > max_cost are dropped.
    /// Throws basural::error for an index out of range, a negative, NaN or infinite cost, a repeated
    /// pair, or a negative or NaN max_cost.
    static SparseCostMatrix from_triplets(std::size_t demand_count, std::size_t candidate_count,
                                          std::vector<CostTriplet> triplets, double max_cost = NO_COST_CUTOFF);

    /// From a dense row-major matrix (`demand_count` rows of `candidate_count` costs), e.g. the
    /// all-pairs shortest paths of a benchmark graph. Pairs with cost > max_cost are dropped.
    static SparseCostMatrix from_dense(std::size_t demand_count, std::size_t candidate_count,
                                       const std::vector<double>& costs_row_major,
                                       double max_cost = NO_COST_CUTOFF);

    /// Costs in kilometres from WGS84 geodesic distances, multiplied by `detour_factor` (road
    /// circuity: road distance / straight-line distance, >= 1; 1 = straight line). Only pairs with
    /// cost <= max_cost_km are computed (a SpatialIndex radius query around each demand point with
    /// radius max_cost_km / detour_factor), so max_cost_km must be finite and positive.
    /// Throws basural::usage_error for a non-finite or non-positive max_cost_km or a detour factor < 1.
    static SparseCostMatrix from_geodesic_km(const std::vector<LonLat>& demand_points,
                                             const std::vector<LonLat>& candidate_points, double max_cost_km,
                                             double detour_factor = 1.0);

    std::size_t demand_count() const noexcept { return m_demand_count; }
    std::size_t candidate_count() const noexcept { return m_candidate_count; }
    /// Number of stored pairs.
    std::size_t entry_count() const noexcept { return m_row_entries.size(); }
    /// The cutoff the matrix was built with (NO_COST_CUTOFF if none).
    double max_cost() const noexcept { return m_max_cost; }
    /// The largest stored cost (0 for an empty matrix).
    double largest_cost() const noexcept { return m_largest_cost; }

    /// Candidates within the cutoff of demand point `demand`, sorted by cost then candidate index.
    std::span<const CandidateCost> row(std::size_t demand) const;
    /// Demand points within the cutoff of candidate `candidate`, sorted by demand index.
    std::span<const DemandCost> column(std::size_t candidate) const;
    /// The stored cost of a pair, std::nullopt if the pair is beyond the cutoff (not stored).
    std::optional<double> cost(std::size_t demand, std::size_t candidate) const;

    /// A copy keeping only the pairs with cost <= max_cost (the smaller of both cutoffs is kept).
    SparseCostMatrix with_cutoff(double max_cost) const;

private:
    std::size_t m_demand_count = 0;
    std::size_t m_candidate_count = 0;
    double m_max_cost = NO_COST_CUTOFF;
    double m_largest_cost = 0.0;
    std::vector<std::size_t> m_row_start{0};     // demand_count + 1 offsets into m_row_entries
    std::vector<CandidateCost> m_row_entries;
    std::vector<std::size_t> m_col_start{0};     // candidate_count + 1 offsets into m_col_entries
    std::vector<DemandCost> m_col_entries;
};

}  // namespace basural
