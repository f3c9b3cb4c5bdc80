// What every location solver shares: preparing the problem, the weighted view, and turning an open
// set into a solution.
#include "common.hpp"

#include "base/huge_pages.hpp"
#include "base/parallel.hpp"
#include "base/sort_by_cost.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "basural/base/number_text.hpp"

#include <string>

namespace basural::location {
namespace {

/// The solver options a caller may get wrong (the rest are counts and seeds, valid whatever they are).
void validate_options(const SolveOptions& o, LocationModel model)
{
    if (!(o.subgradient_weight > 0.0 && o.subgradient_weight <= 1.0))
        throw usage_error(std::string(to_string(model)) + ": subgradient weight must be in (0, 1], not " +
                          format_value(o.subgradient_weight));
    if (o.threads > MAX_THREADS)
        throw usage_error(std::string(to_string(model)) + ": threads must be at most " + std::to_string(MAX_THREADS) +
                          " (0 = one per CPU), not " + std::to_string(o.threads));
}

/// The cost of candidate j in a row that holds it (rows are sorted by cost, and an assigned facility
/// is usually among the first entries: a scan beats building the column index of a large matrix).
double cost_in_row(const SparseCostMatrix::Row& row, std::size_t j)
{
    for (const auto& e : row)
        if (e.candidate == j)
            return e.cost;
    throw error("location problem: an assignment to candidate " + std::to_string(j) + " outside its row");
}

/// Facilities below the minimum throughput are closed one at a time (smallest load first, ties by
/// index); their demand points move to the cheapest other open facility within the cutoff that has
/// room, or are left needing a local solution.
void apply_min_throughput(const Prepared& p, std::vector<char>& open, std::vector<std::size_t>& facility_of,
                          std::vector<char>& left_by_closure, std::vector<std::size_t>& closed)
{
    if (!(p.min_throughput > 0.0))
        return;
    std::vector<double> load(p.m, 0.0);
    for (std::size_t i = 0; i < p.n; ++i)
        if (facility_of[i] != NONE)
            load[facility_of[i]] += p.load[i];
    for (;;) {
        std::size_t worst = NONE;
        for (std::size_t j = 0; j < p.m; ++j)
            if (open[j] && !p.required_flag[j] && load[j] < p.min_throughput &&
                (worst == NONE || load[j] < load[worst]))
                worst = j;
        if (worst == NONE)
            return;
        open[worst] = 0;
        closed.push_back(worst);
        for (std::size_t i = 0; i < p.n; ++i) {
            if (facility_of[i] != worst)
                continue;
            facility_of[i] = NONE;
            load[worst] -= p.load[i];
            for (const auto& e : p.costs.row(i))
                if (open[e.candidate] && load[e.candidate] + p.load[i] <= p.capacity[e.candidate] + 1e-9) {
                    facility_of[i] = e.candidate;
                    load[e.candidate] += p.load[i];
                    break;
                }
            if (facility_of[i] == NONE)
                left_by_closure[i] = 1;
        }
    }
}

/// Columns sorted by weighted cost (then demand index): a scan for the demand points a candidate
/// could serve more cheaply than some threshold stops at the first entry above it. Built from the rows
/// by a counting sort (which leaves each column in demand order), then each column sorted.
void build_weighted_columns(WeightedMatrix& wm)
{
    wm.col_start.assign(wm.m + 1, 0);
    for (const auto j : wm.row_cand)
        ++wm.col_start[j + 1];
    for (std::size_t j = 0; j < wm.m; ++j)
        wm.col_start[j + 1] += wm.col_start[j];
    detail::resize_huge(wm.col_dem, wm.row_cand.size());
    detail::resize_huge(wm.col_cost, wm.row_cand.size());
    {
        std::vector<std::size_t> next(wm.col_start.begin(), wm.col_start.end() - 1);
        for (std::size_t i = 0; i < wm.n; ++i)
            for (std::size_t k = wm.row_start[i]; k < wm.row_start[i + 1]; ++k) {
                const std::size_t at = next[wm.row_cand[k]]++;
                wm.col_dem[at] = static_cast<std::uint32_t>(i);
                wm.col_cost[at] = wm.row_cost[k];
            }
    }
    detail::for_ranges(wm.m, wm.threads, [&wm](std::size_t first_column, std::size_t last_column) {
        detail::CostSortScratch scratch;
        for (std::size_t j = first_column; j < last_column; ++j) {
            const std::size_t first = wm.col_start[j], last = wm.col_start[j + 1];
            detail::sort_by_cost_then_index(wm.col_cost.data() + first, wm.col_dem.data() + first, last - first, scratch);
        }
    });
}

}  // namespace

Prepared prepare(const LocationProblem& pr, const SolveOptions& options, LocationModel model)
{
    validate(pr, model);
    validate_options(options, model);
    Prepared p;
    p.n = pr.costs.demand_count();
    p.m = pr.costs.candidate_count();
    if (pr.max_cost < pr.costs.max_cost())
        p.costs.own(pr.costs.with_cutoff(pr.max_cost));
    else
        p.costs.borrow(pr.costs);
    p.weight = pr.demand_weights;
    p.load = pr.demand_loads.empty() ? pr.demand_weights : pr.demand_loads;
    p.capacity = pr.candidate_capacity.empty() ? std::vector<double>(p.m, UNLIMITED_CAPACITY) : pr.candidate_capacity;
    p.capacitated = std::any_of(p.capacity.begin(), p.capacity.end(), [](double c) { return std::isfinite(c); });
    p.required_flag.assign(p.m, 0);
    for (auto j : pr.required)
        p.required_flag[j] = 1;
    for (std::size_t j = 0; j < p.m; ++j)
        if (p.required_flag[j])
            p.required.push_back(j);
    p.p_total = pr.required_count_towards_p ? pr.p : pr.p + p.required.size();
    if (pr.unserved_cost) {
        p.unserved_per_unit = *pr.unserved_cost;
    } else {
        const double reference = std::isfinite(p.costs.max_cost()) ? p.costs.max_cost() : p.costs.largest_cost();
        p.unserved_per_unit = reference > 0.0 ? 2.0 * reference : 1.0;
    }
    p.min_throughput = pr.min_throughput;
    p.threads = options.threads;
    return p;
}

WeightedMatrix make_weighted(const Prepared& p, bool coverage)
{
    if (p.n >= UINT32_MAX || p.m >= UINT32_MAX)
        throw error("location problem: more than 2^32 - 1 demand points or candidates");
    const SparseCostMatrix& costs = p.costs.matrix();
    WeightedMatrix wm;
    wm.n = p.n;
    wm.m = p.m;
    wm.threads = p.threads;
    wm.row_start = costs.row_offsets();
    wm.row_cand = costs.row_candidates();
    const auto cost = costs.row_costs();
    const bool unit_weights =
        !coverage && std::all_of(p.weight.begin(), p.weight.end(), [](double w) { return w == 1.0; });
    if (unit_weights) {
        wm.row_cost = cost;
    } else {
        detail::resize_huge(wm.owned_row_cost, cost.size());
        for (std::size_t i = 0; i < p.n; ++i)
            for (std::size_t k = wm.row_start[i]; k < wm.row_start[i + 1]; ++k)
                wm.owned_row_cost[k] = coverage ? 0.0 : p.weight[i] * cost[k];
        wm.row_cost = wm.owned_row_cost;
    }
    wm.penalty.assign(p.n, 0.0);
    for (std::size_t i = 0; i < p.n; ++i) {
        for (std::size_t k = wm.row_start[i]; k < wm.row_start[i + 1] && wm.integral; ++k)
            wm.integral = is_integral(wm.row_cost[k]);
        for (std::size_t k = wm.row_start[i] + 1; k < wm.row_start[i + 1] && wm.rows_by_cost_then_index; ++k)
            wm.rows_by_cost_then_index = wm.row_cost[k - 1] < wm.row_cost[k] ||
                                         (wm.row_cost[k - 1] == wm.row_cost[k] && wm.row_cand[k - 1] < wm.row_cand[k]);
        if (wm.row_start[i + 1] > wm.row_start[i])
            wm.penalty[i] = coverage ? p.weight[i] : p.weight[i] * p.unserved_per_unit;
        wm.integral = wm.integral && is_integral(wm.penalty[i]);
    }
    build_weighted_columns(wm);
    return wm;
}

LocationSolution finish(const Prepared& p, LocationModel model, const std::vector<std::size_t>& open_set,
                        std::vector<std::size_t> facility_of)
{
    LocationSolution s;
    s.model = model;
    std::vector<char> open(p.m, 0);
    for (auto j : open_set)
        open[j] = 1;
    std::vector<char> left_by_closure(p.n, 0);
    if (model != LocationModel::lscp)
        apply_min_throughput(p, open, facility_of, left_by_closure, s.closed_below_min_throughput);
    std::sort(s.closed_below_min_throughput.begin(), s.closed_below_min_throughput.end());

    std::vector<std::size_t> slot(p.m, NONE);
    for (std::size_t j = 0; j < p.m; ++j)
        if (open[j]) {
            slot[j] = s.facilities.size();
            OpenFacility f;
            f.candidate = j;
            f.required = p.required_flag[j] != 0;
            f.capacity = p.capacity[j];
            s.facilities.push_back(f);
        }
    s.assignments.resize(p.n);
    for (std::size_t i = 0; i < p.n; ++i) {
        auto& a = s.assignments[i];
        const auto row = p.costs.row(i);
        if (facility_of[i] != NONE) {
            const std::size_t j = facility_of[i];
            a.status = AssignmentStatus::assigned;
            a.facility = j;
            a.cost = cost_in_row(row, j);
            auto& f = s.facilities[slot[j]];
            ++f.demand_points;
            f.weight += p.weight[i];
            f.load += p.load[i];
            s.served_weight += p.weight[i];
            s.assigned_cost += p.weight[i] * a.cost;
            continue;
        }
        s.unserved_weight += p.weight[i];
        if (row.empty())
            a.status = AssignmentStatus::no_candidate_within_cutoff;
        else if (left_by_closure[i])
            a.status = AssignmentStatus::below_min_throughput;
        else if (std::any_of(row.begin(), row.end(), [&](const CandidateCost& e) { return open[e.candidate] != 0; }))
            a.status = AssignmentStatus::capacity_exhausted;
        else
            a.status = AssignmentStatus::no_open_facility_within_cutoff;
    }
    return s;
}

void set_gap_minimise(LocationSolution& s)
{
    s.upper_bound = s.objective;
    s.lower_bound = std::min(s.lower_bound, s.objective);
    if (s.objective - s.lower_bound <= improvement_tolerance(s.objective))
        s.lower_bound = s.objective;  // equal up to rounding in the sums
    s.gap = s.objective > 0.0 ? (s.objective - s.lower_bound) / s.objective : 0.0;
    s.proven_optimal = s.objective - s.lower_bound <= improvement_tolerance(s.objective);
}

std::vector<std::size_t> closest_open(const Prepared& p, const std::vector<std::size_t>& open_set)
{
    std::vector<char> open(p.m, 0);
    for (auto j : open_set)
        open[j] = 1;
    std::vector<std::size_t> facility_of(p.n, NONE);
    for (std::size_t i = 0; i < p.n; ++i)
        for (const auto& e : p.costs.row(i))
            if (open[e.candidate]) {
                facility_of[i] = e.candidate;
                break;
            }
    return facility_of;
}

}  // namespace basural::location
