#pragma once
/// \file cost_matrix.hpp
/// Demand x candidate costs for location models, stored sparsely: only the pairs whose cost is
/// within a cutoff (`max_cost`) are kept, row-wise by demand point (CSR) and column-wise by
/// candidate (the transposed view). A country of 5,000 sites never builds a dense 25-million-cell
/// matrix: with a cutoff of a few hundred kilometres each row holds a few hundred entries.
///
/// Storage is compact, as a routing engine's dense table of a whole state (5,000 x 5,000 pairs) must
/// fit in memory with the solver's own view: a pair takes 12 bytes in the rows (a 32-bit candidate
/// index and a double) and, once column() or cost() is first called, 8 more in the columns (a 32-bit
/// demand index and the pair's position in the rows). At most MAX_MATRIX_PAIRS (base/limits.hpp)
/// pairs and 2^32 - 1 demand points or candidates.
///
/// Costs are non-negative, finite numbers in one unit chosen by the builder: kilometres for
/// from_geodesic_km(), whatever the table says (km, minutes...) for from_triplets(), the caller's
/// unit for from_dense(). A pair that is not stored is not allowed (it is beyond the cutoff).

#include "basural/geo/lon_lat.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <memory>
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

/// A given pair in compact form (16 bytes): what readers of large tables collect.
struct CostPair {
    std::uint32_t demand = 0;
    std::uint32_t candidate = 0;
    double cost = 0.0;
};

/// A read-only view of the entries of one row or column: a random-access range whose elements are
/// built on access (CandidateCost or DemandCost values), so `for (const auto& e : m.row(i))`,
/// `row[k]`, `row.size()` and the standard algorithms work as on a span.
template <class Entry, class Source>
class CostEntries {
public:
    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Entry;
        using difference_type = std::ptrdiff_t;
        using reference = Entry;
        using pointer = void;
        iterator() = default;
        iterator(const Source* s, std::size_t k) : m_s(s), m_k(k) {}
        Entry operator*() const { return m_s->entry(m_k); }
        Entry operator[](difference_type d) const { return m_s->entry(m_k + static_cast<std::size_t>(d)); }
        iterator& operator++() { ++m_k; return *this; }
        iterator operator++(int) { auto t = *this; ++m_k; return t; }
        iterator& operator--() { --m_k; return *this; }
        iterator operator--(int) { auto t = *this; --m_k; return t; }
        iterator& operator+=(difference_type d) { m_k = static_cast<std::size_t>(static_cast<difference_type>(m_k) + d); return *this; }
        iterator& operator-=(difference_type d) { return *this += -d; }
        friend iterator operator+(iterator a, difference_type d) { return a += d; }
        friend iterator operator+(difference_type d, iterator a) { return a += d; }
        friend iterator operator-(iterator a, difference_type d) { return a -= d; }
        friend difference_type operator-(const iterator& a, const iterator& b)
        {
            return static_cast<difference_type>(a.m_k) - static_cast<difference_type>(b.m_k);
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.m_k == b.m_k; }
        friend auto operator<=>(const iterator& a, const iterator& b) { return a.m_k <=> b.m_k; }

    private:
        const Source* m_s = nullptr;
        std::size_t m_k = 0;
    };

    CostEntries(Source s, std::size_t first, std::size_t last) : m_source(s), m_first(first), m_last(last) {}
    std::size_t size() const noexcept { return m_last - m_first; }
    bool empty() const noexcept { return m_last == m_first; }
    Entry operator[](std::size_t k) const { return m_source.entry(m_first + k); }
    Entry front() const { return (*this)[0]; }
    iterator begin() const { return {&m_source, m_first}; }
    iterator end() const { return {&m_source, m_last}; }

private:
    Source m_source;
    std::size_t m_first, m_last;
};

class SparseCostMatrix {
    struct RowSource {
        const std::uint32_t* candidate;
        const double* cost;
        CandidateCost entry(std::size_t k) const { return {candidate[k], cost[k]}; }
    };
    struct ColumnSource {
        const std::uint32_t* demand;
        const std::uint32_t* position;
        const double* row_cost;
        DemandCost entry(std::size_t k) const { return {demand[k], row_cost[position[k]]}; }
    };

public:
    using Row = CostEntries<CandidateCost, RowSource>;
    using Column = CostEntries<DemandCost, ColumnSource>;

    /// An empty 0 x 0 matrix.
    SparseCostMatrix();
    SparseCostMatrix(const SparseCostMatrix& other);
    SparseCostMatrix& operator=(const SparseCostMatrix& other);
    SparseCostMatrix(SparseCostMatrix&&) noexcept;
    SparseCostMatrix& operator=(SparseCostMatrix&&) noexcept;
    ~SparseCostMatrix();

    /// From (demand, candidate, cost) triplets in any order. Pairs with cost > max_cost are dropped.
    /// Throws basural::error for an index out of range, a negative, NaN or infinite cost, a repeated
    /// pair, or a negative or NaN max_cost.
    static SparseCostMatrix from_triplets(std::size_t demand_count, std::size_t candidate_count,
                                          std::vector<CostTriplet> triplets, double max_cost = NO_COST_CUTOFF);

    /// From compact pairs (see CostPair), as from_triplets(). A pair given twice is an error:
    /// `on_duplicate(demand, candidate)` is called first (it may throw a better message, naming the
    /// records of a file), then basural::error is thrown.
    static SparseCostMatrix from_pairs(std::size_t demand_count, std::size_t candidate_count, std::vector<CostPair> pairs,
                                       double max_cost = NO_COST_CUTOFF,
                                       const std::function<void(std::size_t, std::size_t)>& on_duplicate = {});

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
    std::size_t entry_count() const noexcept { return m_row_cost.size(); }
    /// The cutoff the matrix was built with (NO_COST_CUTOFF if none).
    double max_cost() const noexcept { return m_max_cost; }
    /// The largest stored cost (0 for an empty matrix).
    double largest_cost() const noexcept { return m_largest_cost; }

    /// Candidates within the cutoff of demand point `demand`, sorted by cost then candidate index.
    Row row(std::size_t demand) const;
    /// Demand points within the cutoff of candidate `candidate`, sorted by demand index. The column
    /// view is built on first use (thread-safe).
    Column column(std::size_t candidate) const;
    /// The stored cost of a pair, std::nullopt if the pair is beyond the cutoff (not stored).
    std::optional<double> cost(std::size_t demand, std::size_t candidate) const;

    /// The rows' storage, for solvers that scan it directly: row i holds the entries
    /// [row_offsets()[i], row_offsets()[i + 1]) of row_candidates() and row_costs().
    std::span<const std::size_t> row_offsets() const noexcept { return m_row_start; }
    std::span<const std::uint32_t> row_candidates() const noexcept { return m_row_cand; }
    std::span<const double> row_costs() const noexcept { return m_row_cost; }

    /// A copy keeping only the pairs with cost <= max_cost (the smaller of both cutoffs is kept).
    SparseCostMatrix with_cutoff(double max_cost) const;

private:
    struct Columns;
    const Columns& columns() const;

    std::size_t m_demand_count = 0;
    std::size_t m_candidate_count = 0;
    double m_max_cost = NO_COST_CUTOFF;
    double m_largest_cost = 0.0;
    std::vector<std::size_t> m_row_start{0};  // demand_count + 1 offsets into the row arrays
    std::vector<std::uint32_t> m_row_cand;
    std::vector<double> m_row_cost;
    std::unique_ptr<Columns> m_columns;  // the column view, built on first use
};

}  // namespace basural
