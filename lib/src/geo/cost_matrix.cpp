#include "basural/geo/cost_matrix.hpp"

#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "basural/geo/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace basural {
namespace {

constexpr std::size_t NO_ROW = std::numeric_limits<std::size_t>::max();

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

void check_pair_count(std::size_t pairs)
{
    if (pairs > MAX_MATRIX_PAIRS)
        throw usage_error("cost matrix: more than " + std::to_string(MAX_MATRIX_PAIRS) +
                          " pairs, the most basural keeps (docs/reliability.md): lower the cutoff or split the problem");
}

}  // namespace

SparseCostMatrix SparseCostMatrix::from_triplets(std::size_t demand_count, std::size_t candidate_count,
                                                 std::vector<CostTriplet> triplets, double max_cost)
{
    check_cutoff(max_cost);
    check_pair_count(triplets.size());
    for (const auto& t : triplets) {
        if (t.demand >= demand_count || t.candidate >= candidate_count)
            throw error("cost matrix: pair (" + std::to_string(t.demand) + ", " + std::to_string(t.candidate) +
                        ") is outside the " + std::to_string(demand_count) + " x " +
                        std::to_string(candidate_count) + " matrix");
        if (!std::isfinite(t.cost) || t.cost < 0.0)
            throw error("cost matrix: pair (" + std::to_string(t.demand) + ", " + std::to_string(t.candidate) +
                        ") has cost " + format_value(t.cost) + "; costs must be finite and >= 0");
    }
    std::erase_if(triplets, [&](const CostTriplet& t) { return t.cost > max_cost; });

    SparseCostMatrix m;
    m.m_demand_count = demand_count;
    m.m_candidate_count = candidate_count;
    m.m_max_cost = max_cost;

    // Row view: bucket by demand (counting sort), then each row by cost, then candidate index
    // (stable tie-breaking); a pair repeated within a row is an error.
    m.m_row_start.assign(demand_count + 1, 0);
    for (const auto& t : triplets)
        ++m.m_row_start[t.demand + 1];
    for (std::size_t i = 0; i < demand_count; ++i)
        m.m_row_start[i + 1] += m.m_row_start[i];
    m.m_row_entries.resize(triplets.size());
    {
        std::vector<std::size_t> next(m.m_row_start.begin(), m.m_row_start.end() - 1);
        for (const auto& t : triplets) {
            m.m_row_entries[next[t.demand]++] = {t.candidate, t.cost};
            m.m_largest_cost = std::max(m.m_largest_cost, t.cost);
        }
    }
    triplets = {};
    std::vector<std::size_t> seen_in_row(candidate_count, NO_ROW);
    for (std::size_t i = 0; i < demand_count; ++i) {
        const auto first = m.m_row_entries.begin() + static_cast<std::ptrdiff_t>(m.m_row_start[i]);
        const auto last = m.m_row_entries.begin() + static_cast<std::ptrdiff_t>(m.m_row_start[i + 1]);
        for (auto e = first; e != last; ++e) {
            if (seen_in_row[e->candidate] == i)
                throw error("cost matrix: pair (" + std::to_string(i) + ", " + std::to_string(e->candidate) +
                            ") is given twice");
            seen_in_row[e->candidate] = i;
        }
        std::sort(first, last, [](const CandidateCost& a, const CandidateCost& b) {
            return a.cost != b.cost ? a.cost < b.cost : a.candidate < b.candidate;
        });
    }

    // Column view (by candidate, then demand): rows are visited in demand order, so a counting sort
    // by candidate leaves every column sorted by demand.
    m.m_col_start.assign(candidate_count + 1, 0);
    for (const auto& e : m.m_row_entries)
        ++m.m_col_start[e.candidate + 1];
    for (std::size_t j = 0; j < candidate_count; ++j)
        m.m_col_start[j + 1] += m.m_col_start[j];
    m.m_col_entries.resize(m.m_row_entries.size());
    std::vector<std::size_t> next(m.m_col_start.begin(), m.m_col_start.end() - 1);
    for (std::size_t i = 0; i < demand_count; ++i)
        for (std::size_t k = m.m_row_start[i]; k < m.m_row_start[i + 1]; ++k) {
            const auto& e = m.m_row_entries[k];
            m.m_col_entries[next[e.candidate]++] = {i, e.cost};
        }
    return m;
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

std::span<const CandidateCost> SparseCostMatrix::row(std::size_t demand) const
{
    if (demand >= m_demand_count)
        throw error("cost matrix: demand index " + std::to_string(demand) + " out of range");
    return {m_row_entries.data() + m_row_start[demand], m_row_start[demand + 1] - m_row_start[demand]};
}

std::span<const DemandCost> SparseCostMatrix::column(std::size_t candidate) const
{
    if (candidate >= m_candidate_count)
        throw error("cost matrix: candidate index " + std::to_string(candidate) + " out of range");
    return {m_col_entries.data() + m_col_start[candidate], m_col_start[candidate + 1] - m_col_start[candidate]};
}

std::optional<double> SparseCostMatrix::cost(std::size_t demand, std::size_t candidate) const
{
    const auto col = column(candidate);
    if (demand >= m_demand_count)
        throw error("cost matrix: demand index " + std::to_string(demand) + " out of range");
    const auto it = std::lower_bound(col.begin(), col.end(), demand,
                                     [](const DemandCost& e, std::size_t d) { return e.demand < d; });
    if (it == col.end() || it->demand != demand)
        return std::nullopt;
    return it->cost;
}

SparseCostMatrix SparseCostMatrix::with_cutoff(double max_cost) const
{
    check_cutoff(max_cost);
    std::vector<CostTriplet> triplets;
    for (std::size_t i = 0; i < m_demand_count; ++i)
        for (const auto& e : row(i))
            triplets.push_back({i, e.candidate, e.cost});
    return from_triplets(m_demand_count, m_candidate_count, std::move(triplets), std::min(max_cost, m_max_cost));
}

}  // namespace basural
