#pragma once
// What every location solver shares (models/location, private): the problem after validation
// (cutoff applied, loads and capacities filled in), the weighted view the swap search and the
// Lagrangian bounds work on, the seeded generator, tolerances, and the assembly of a solution from an
// open set (minimum throughput, statuses, totals). Methods and sources: docs/methods/location_models.md.

#include "basural/models/location/facility_location.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace basural::location {

inline constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
inline constexpr double INFINITY_COST = std::numeric_limits<double>::infinity();

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator whose sequence is the same on every
/// platform and standard library (std::uniform_int_distribution is not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t m_state;
};

/// Wall time since construction, for LocationSolution::time_ms.
class Stopwatch {
public:
    double ms() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

inline bool is_integral(double v) { return std::isfinite(v) && std::fabs(v) < 9.0e15 && std::floor(v) == v; }

/// A lower bound known to be below an integer-valued optimum can be rounded up; the tolerance keeps
/// rounding noise in the sum (a few ulps) from rounding a true 5819 up to 5820.
inline double round_up_bound(double bound, bool integral)
{
    if (!integral || !std::isfinite(bound))
        return bound;
    return std::ceil(bound - 1e-6 - 1e-9 * std::fabs(bound));
}

/// Improvement threshold relative to the magnitude of the objective, so rounding noise in sums of
/// doubles never counts as an improvement (and the search always terminates).
inline double improvement_tolerance(double objective) { return 1e-9 * std::max(1.0, std::fabs(objective)); }

// ---------------------------------------------------------------------------------------------
// The problem after validation: cutoff applied, loads and capacities filled in.

/// The problem's cost matrix, borrowed (not copied) unless a tighter cutoff made a new one.
class CostsView {
public:
    void borrow(const SparseCostMatrix& m) { m_matrix = std::shared_ptr<const SparseCostMatrix>(&m, [](const SparseCostMatrix*) {}); }
    void own(SparseCostMatrix m) { m_matrix = std::make_shared<const SparseCostMatrix>(std::move(m)); }
    SparseCostMatrix::Row row(std::size_t i) const { return m_matrix->row(i); }
    SparseCostMatrix::Column column(std::size_t j) const { return m_matrix->column(j); }
    const SparseCostMatrix& matrix() const noexcept { return *m_matrix; }
    std::optional<double> cost(std::size_t i, std::size_t j) const { return m_matrix->cost(i, j); }
    double max_cost() const noexcept { return m_matrix->max_cost(); }
    double largest_cost() const noexcept { return m_matrix->largest_cost(); }

private:
    std::shared_ptr<const SparseCostMatrix> m_matrix = std::make_shared<const SparseCostMatrix>();
};

/// The problem after validation (prepare()).
struct Prepared {
    std::size_t n = 0;
    std::size_t m = 0;
    CostsView costs;
    std::vector<double> weight;
    std::vector<double> load;
    std::vector<double> capacity;          // m entries, UNLIMITED_CAPACITY when none
    std::vector<char> required_flag;       // m entries
    std::vector<std::size_t> required;     // sorted, unique
    std::size_t p_total = 0;               // facilities open in total, required included
    double unserved_per_unit = 0.0;
    bool capacitated = false;
    double min_throughput = 0.0;
    std::size_t threads = 1;               // SolveOptions::threads
};

/// Validates the problem and the options for `model` (usage_error) and prepares it.
Prepared prepare(const LocationProblem& pr, const SolveOptions& options, LocationModel model);

// ---------------------------------------------------------------------------------------------
// The weighted view the swap search and the Lagrangian bound work on: cost of serving demand point
// i from candidate j (weight x cost for p-median, 0 for coverage), and the cost of leaving it
// unserved (a dummy facility that is always open).

/// The weighted view (make_weighted()), rows and columns compressed. The rows are the cost matrix's
/// own arrays (borrowed: the Prepared problem must outlive the view), with their costs multiplied by
/// the weights in a copy of its own unless every weight is 1; the columns are its own. A dense
/// 5,000 x 5,000 matrix thus takes 12 bytes per pair in the problem and 12 in the view.
struct WeightedMatrix {
    WeightedMatrix() = default;
    WeightedMatrix(const WeightedMatrix&) = delete;  // the spans may point into owned_row_cost
    WeightedMatrix& operator=(const WeightedMatrix&) = delete;
    WeightedMatrix(WeightedMatrix&&) noexcept = default;
    WeightedMatrix& operator=(WeightedMatrix&&) noexcept = default;

    std::size_t n = 0;
    std::size_t m = 0;
    std::span<const std::size_t> row_start;   // rows sorted by the original cost, then candidate index
    std::span<const std::uint32_t> row_cand;  // 32-bit indices: the hot loops are bound by memory
    std::span<const double> row_cost;         // weighted costs
    std::vector<std::size_t> col_start;       // columns sorted by weighted cost, then demand index
    std::vector<std::uint32_t> col_dem;
    std::vector<double> col_cost;
    std::vector<double> penalty;              // per demand point: cost when unserved (0 if it has no candidate)
    bool integral = true;                     // every cost and penalty is an integer
    /// Every row is in the order of (weighted cost, candidate index), as with unit weights (a weight
    /// can make two costs equal whose rows keep the order of the original costs): the closest open
    /// facilities of a point can then be found from columns, and updated when one facility opens,
    /// with the same choice among ties as a scan of its row.
    bool rows_by_cost_then_index = true;
    std::vector<double> owned_row_cost;       // the weighted row costs, unless they are the matrix's own
    std::size_t threads = 1;                  // for the steps that split into independent parts
};

/// coverage = true: MCLP view (serving costs 0, leaving a point uncovered costs its weight).
WeightedMatrix make_weighted(const Prepared& p, bool coverage);

// ---------------------------------------------------------------------------------------------
// Turning an open set and an assignment into a solution: minimum throughput, statuses, totals.

/// The solution of `model` for the facilities in `open_set` and the assignment `facility_of` (a
/// candidate or NONE per demand point), after closing the facilities below the minimum throughput
/// (not for LSCP). Objective, bounds and gap are the caller's.
LocationSolution finish(const Prepared& p, LocationModel model, const std::vector<std::size_t>& open_set,
                        std::vector<std::size_t> facility_of);

/// Upper bound = objective, gap and proven_optimal of a minimisation from its lower bound.
void set_gap_minimise(LocationSolution& s);

/// Assignment to the closest open facility within the cutoff (rows are sorted by cost).
std::vector<std::size_t> closest_open(const Prepared& p, const std::vector<std::size_t>& open_set);

}  // namespace basural::location
