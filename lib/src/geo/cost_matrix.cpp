#include "basural/geo/cost_matrix.hpp"

#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "basural/geo/spatial_index.hpp"
#include "base/huge_pages.hpp"
#include "base/parallel.hpp"
#include "base/sort_by_cost.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace basural {
namespace {

constexpr std::uint32_t NO_CANDIDATE = std::numeric_limits<std::uint32_t>::max();

void check_cutoff(double max_cost)
{
    if (std::isnan(max_cost) || max_cost < 0.0)
        throw error("cost matrix: the cutoff max_cost must be >= 0 (got " + format_value(max_cost) + ")");
}

void check_geodesic_arguments(double max_cost_km, double detour_factor)
{
    if (!std::isfinite(max_cost_km) || max_cost_km <= 0.0)
        throw usage_error("geodesic costs need a finite, positive cutoff in km (got " + format_value(max_cost_km) +
                          "): a dense matrix of every pair is never built");
    if (!std::isfinite(detour_factor) || detour_factor < 1.0)
        throw usage_error("the detour factor must be >= 1 (road distance over straight-line distance), got " +
                          format_value(detour_factor));
}

void check_dimensions(std::size_t demand_count, std::size_t candidate_count)
{
    if (demand_count >= std::numeric_limits<std::uint32_t>::max() ||
        candidate_count >= std::numeric_limits<std::uint32_t>::max())
        throw usage_error("cost matrix: more than 2^32 - 1 demand points or candidates");
}

void check_pair_count(std::size_t pairs)
{
    if (pairs > MAX_MATRIX_PAIRS)
        throw usage_error("cost matrix: more than " + std::to_string(MAX_MATRIX_PAIRS) +
                          " pairs, the most basural keeps (docs/reliability.md): lower the cutoff or split the problem");
}

/// What sort_rows() found: the entries kept per row (at its start), and the first pair repeated.
struct SortedRows {
    std::vector<std::size_t> kept;
    std::optional<std::pair<std::size_t, std::size_t>> repeated;  // (demand, candidate), the lowest row
};

/// Sorts every row [start[i], start[i + 1]) of (cand, cost) by cost, then candidate index, its entries
/// above max_cost dropped (the kept ones first). Rows are shared among one thread per CPU in blocks of
/// about as many entries (each row on its own: the result is the same for any number of threads). A
/// pair repeated in a row is found even above the cutoff; the rest of that block is then left as it
/// is (the caller throws).
SortedRows sort_rows(const std::vector<std::size_t>& start, std::vector<std::uint32_t>& cand, std::vector<double>& cost,
                     std::size_t candidate_count, double max_cost)
{
    const std::size_t n = start.size() - 1;
    SortedRows out;
    out.kept.assign(n, 0);
    std::vector<std::uint32_t> repeated(n, NO_CANDIDATE);
    const std::size_t threads = detail::thread_count(0, n);
    std::vector<std::size_t> block_start(threads + 1, n), blocks(threads);
    for (std::size_t t = 0; t < threads; ++t) {
        const std::size_t entry = cand.size() / threads * t;
        block_start[t] = t == 0 ? 0 : static_cast<std::size_t>(std::lower_bound(start.begin(), start.end() - 1, entry) - start.begin());
        blocks[t] = t;
    }
    detail::run_jobs(blocks, threads, [&](std::size_t t) {
        std::vector<std::uint32_t> seen_in_row(candidate_count, NO_CANDIDATE);  // the row (< 2^32 - 1) that had j
        detail::CostSortScratch scratch;
        for (std::size_t i = block_start[t]; i < std::max(block_start[t], block_start[t + 1]); ++i) {
            std::size_t kept = start[i];  // the entries within the cutoff move to the row's start, in order
            for (std::size_t k = start[i]; k < start[i + 1]; ++k) {
                const auto j = cand[k];
                if (seen_in_row[j] == i) {
                    repeated[i] = j;
                    return;
                }
                seen_in_row[j] = static_cast<std::uint32_t>(i);
                if (!(cost[k] > max_cost)) {
                    cost[kept] = cost[k];
                    cand[kept++] = j;
                }
            }
            detail::sort_by_cost_then_index(cost.data() + start[i], cand.data() + start[i], kept - start[i], scratch);
            out.kept[i] = kept - start[i];
        }
    });
    for (std::size_t i = 0; i < n; ++i)
        if (repeated[i] != NO_CANDIDATE) {
            out.repeated = std::make_pair(i, std::size_t{repeated[i]});
            break;
        }
    return out;
}

}  // namespace

struct SparseCostMatrix::Columns {
    std::once_flag built;
    std::vector<std::size_t> start;       // candidate_count + 1 offsets
    std::vector<std::uint32_t> demand;    // by candidate, then demand index
    std::vector<std::uint32_t> position;  // of the pair in the row arrays
};

SparseCostMatrix::SparseCostMatrix() : m_columns(std::make_unique<Columns>()) {}

SparseCostMatrix::SparseCostMatrix(const SparseCostMatrix& other)
    : m_demand_count(other.m_demand_count), m_candidate_count(other.m_candidate_count), m_max_cost(other.m_max_cost),
      m_largest_cost(other.m_largest_cost), m_row_start(other.m_row_start), m_row_cand(other.m_row_cand),
      m_row_cost(other.m_row_cost), m_columns(std::make_unique<Columns>())
{
}

SparseCostMatrix& SparseCostMatrix::operator=(const SparseCostMatrix& other)
{
    if (this != &other)
        *this = SparseCostMatrix(other);
    return *this;
}

SparseCostMatrix::SparseCostMatrix(SparseCostMatrix&&) noexcept = default;
SparseCostMatrix& SparseCostMatrix::operator=(SparseCostMatrix&&) noexcept = default;
SparseCostMatrix::~SparseCostMatrix() = default;

SparseCostMatrix SparseCostMatrix::from_triplets(std::size_t demand_count, std::size_t candidate_count,
                                                 std::vector<CostTriplet> triplets, double max_cost)
{
    check_cutoff(max_cost);
    check_pair_count(triplets.size());
    check_dimensions(demand_count, candidate_count);
    std::vector<CostPair> pairs;
    pairs.reserve(triplets.size());
    for (const auto& t : triplets) {
        if (t.demand >= demand_count || t.candidate >= candidate_count)
            throw error("cost matrix: pair (" + std::to_string(t.demand) + ", " + std::to_string(t.candidate) +
                        ") is outside the " + std::to_string(demand_count) + " x " +
                        std::to_string(candidate_count) + " matrix");
        pairs.push_back({static_cast<std::uint32_t>(t.demand), static_cast<std::uint32_t>(t.candidate), t.cost});
    }
    triplets = {};
    return from_pairs(demand_count, candidate_count, std::move(pairs), max_cost);
}

SparseCostMatrix SparseCostMatrix::from_pairs(std::size_t demand_count, std::size_t candidate_count,
                                              std::vector<CostPair> pairs, double max_cost,
                                              const std::function<void(std::size_t, std::size_t)>& on_duplicate)
{
    check_cutoff(max_cost);
    check_pair_count(pairs.size());
    check_dimensions(demand_count, candidate_count);
    for (const auto& t : pairs) {
        if (t.demand >= demand_count || t.candidate >= candidate_count)
            throw error("cost matrix: pair (" + std::to_string(t.demand) + ", " + std::to_string(t.candidate) +
                        ") is outside the " + std::to_string(demand_count) + " x " +
                        std::to_string(candidate_count) + " matrix");
        if (!std::isfinite(t.cost) || t.cost < 0.0 || t.cost > MAX_PAIR_COST)
            throw error("cost matrix: pair (" + std::to_string(t.demand) + ", " + std::to_string(t.candidate) +
                        ") has cost " + format_value(t.cost) + "; costs must be finite, >= 0 and <= 1e12");
    }
    SparseCostMatrix m;
    m.m_demand_count = demand_count;
    m.m_candidate_count = candidate_count;
    m.m_max_cost = max_cost;
    m.m_columns = std::make_unique<Columns>();

    // Rows: bucket by demand (counting sort), then each row by cost, then candidate index (stable
    // tie-breaking); a pair repeated within a row is an error, even beyond the cutoff; the pairs beyond
    // the cutoff are then dropped, the rows closing up.
    m.m_row_start.assign(demand_count + 1, 0);
    for (const auto& t : pairs)
        ++m.m_row_start[t.demand + 1];
    for (std::size_t i = 0; i < demand_count; ++i)
        m.m_row_start[i + 1] += m.m_row_start[i];
    detail::resize_huge(m.m_row_cand, pairs.size());
    detail::resize_huge(m.m_row_cost, pairs.size());
    {
        std::vector<std::size_t> next(m.m_row_start.begin(), m.m_row_start.end() - 1);
        for (const auto& t : pairs) {
            const std::size_t k = next[t.demand]++;
            m.m_row_cand[k] = t.candidate;
            m.m_row_cost[k] = t.cost;
        }
    }
    pairs = {};
    const SortedRows sorted = sort_rows(m.m_row_start, m.m_row_cand, m.m_row_cost, candidate_count, max_cost);
    if (sorted.repeated) {
        const auto [i, j] = *sorted.repeated;
        if (on_duplicate)
            on_duplicate(i, j);
        throw error("cost matrix: pair (" + std::to_string(i) + ", " + std::to_string(j) + ") is given twice");
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < demand_count; ++i) {  // close up the rows (their pairs beyond the cutoff gone)
        const std::size_t first = m.m_row_start[i], count = sorted.kept[i];
        if (kept != first) {  // kept < first: the row moves down, never over unread entries
            std::copy_n(m.m_row_cand.begin() + static_cast<std::ptrdiff_t>(first), count,
                        m.m_row_cand.begin() + static_cast<std::ptrdiff_t>(kept));
            std::copy_n(m.m_row_cost.begin() + static_cast<std::ptrdiff_t>(first), count,
                        m.m_row_cost.begin() + static_cast<std::ptrdiff_t>(kept));
        }
        m.m_row_start[i] = kept;
        kept += count;
        if (count > 0)
            m.m_largest_cost = std::max(m.m_largest_cost, m.m_row_cost[kept - 1]);
    }
    m.m_row_start[demand_count] = kept;
    m.m_row_cand.resize(kept);
    m.m_row_cand.shrink_to_fit();
    m.m_row_cost.resize(kept);
    m.m_row_cost.shrink_to_fit();
    return m;
}

const SparseCostMatrix::Columns& SparseCostMatrix::columns() const
{
    if (!m_columns)
        throw error("cost matrix: used after it was moved from");
    std::call_once(m_columns->built, [this] {
        // by candidate, then demand: rows are visited in demand order, so a counting sort by candidate
        // leaves every column sorted by demand
        auto& c = *m_columns;
        c.start.assign(m_candidate_count + 1, 0);
        for (const auto j : m_row_cand)
            ++c.start[j + 1];
        for (std::size_t j = 0; j < m_candidate_count; ++j)
            c.start[j + 1] += c.start[j];
        c.demand.resize(m_row_cand.size());
        c.position.resize(m_row_cand.size());
        std::vector<std::size_t> next(c.start.begin(), c.start.end() - 1);
        for (std::size_t i = 0; i < m_demand_count; ++i)
            for (std::size_t k = m_row_start[i]; k < m_row_start[i + 1]; ++k) {
                const std::size_t at = next[m_row_cand[k]]++;
                c.demand[at] = static_cast<std::uint32_t>(i);
                c.position[at] = static_cast<std::uint32_t>(k);
            }
    });
    return *m_columns;
}

SparseCostMatrix SparseCostMatrix::from_dense(std::size_t demand_count, std::size_t candidate_count,
                                              const std::vector<double>& costs_row_major, double max_cost)
{
    if (costs_row_major.size() != demand_count * candidate_count)
        throw error("cost matrix: a dense " + std::to_string(demand_count) + " x " + std::to_string(candidate_count) +
                    " matrix needs " + std::to_string(demand_count * candidate_count) + " costs, got " +
                    std::to_string(costs_row_major.size()));
    check_cutoff(max_cost);
    std::vector<CostTriplet> triplets;
    triplets.reserve(costs_row_major.size());
    for (std::size_t i = 0; i < demand_count; ++i)
        for (std::size_t j = 0; j < candidate_count; ++j) {
            const double c = costs_row_major[i * candidate_count + j];
            if (!(c > max_cost))
                triplets.push_back({i, j, c});
        }
    return from_triplets(demand_count, candidate_count, std::move(triplets), max_cost);
}

SparseCostMatrix SparseCostMatrix::from_geodesic_km(const std::vector<LonLat>& demand_points,
                                                    const std::vector<LonLat>& candidate_points, double max_cost_km,
                                                    double detour_factor)
{
    check_geodesic_arguments(max_cost_km, detour_factor);
    const SpatialIndex index(candidate_points);
    const double radius_m = max_cost_km / detour_factor * 1000.0;
    std::vector<CostTriplet> triplets;
    for (std::size_t i = 0; i < demand_points.size(); ++i) {
        for (const auto& n : index.within_m(demand_points[i], radius_m)) {
            const double cost_km = n.distance_m / 1000.0 * detour_factor;
            if (cost_km <= max_cost_km)
                triplets.push_back({i, n.index, cost_km});
        }
        check_pair_count(triplets.size());  // before a cutoff of thousands of km fills the memory
    }
    return from_triplets(demand_points.size(), candidate_points.size(), std::move(triplets), max_cost_km);
}

SparseCostMatrix::Row SparseCostMatrix::row(std::size_t demand) const
{
    if (demand >= m_demand_count)
        throw error("cost matrix: demand index " + std::to_string(demand) + " out of range");
    return Row(RowSource{m_row_cand.data(), m_row_cost.data()}, m_row_start[demand], m_row_start[demand + 1]);
}

SparseCostMatrix::Column SparseCostMatrix::column(std::size_t candidate) const
{
    if (candidate >= m_candidate_count)
        throw error("cost matrix: candidate index " + std::to_string(candidate) + " out of range");
    const Columns& c = columns();
    return Column(ColumnSource{c.demand.data(), c.position.data(), m_row_cost.data()}, c.start[candidate],
                  c.start[candidate + 1]);
}

std::optional<double> SparseCostMatrix::cost(std::size_t demand, std::size_t candidate) const
{
    if (candidate >= m_candidate_count)
        throw error("cost matrix: candidate index " + std::to_string(candidate) + " out of range");
    if (demand >= m_demand_count)
        throw error("cost matrix: demand index " + std::to_string(demand) + " out of range");
    const Columns& c = columns();
    const auto first = c.demand.begin() + static_cast<std::ptrdiff_t>(c.start[candidate]);
    const auto last = c.demand.begin() + static_cast<std::ptrdiff_t>(c.start[candidate + 1]);
    const auto it = std::lower_bound(first, last, static_cast<std::uint32_t>(demand));
    if (it == last || *it != demand)
        return std::nullopt;
    return m_row_cost[c.position[static_cast<std::size_t>(it - c.demand.begin())]];
}

SparseCostMatrix SparseCostMatrix::with_cutoff(double max_cost) const
{
    check_cutoff(max_cost);
    std::vector<CostPair> pairs;
    for (std::size_t i = 0; i < m_demand_count; ++i)
        for (std::size_t k = m_row_start[i]; k < m_row_start[i + 1]; ++k)
            if (!(m_row_cost[k] > max_cost))
                pairs.push_back({static_cast<std::uint32_t>(i), m_row_cand[k], m_row_cost[k]});
    return from_pairs(m_demand_count, m_candidate_count, std::move(pairs), std::min(max_cost, m_max_cost));
}

}  // namespace basural
