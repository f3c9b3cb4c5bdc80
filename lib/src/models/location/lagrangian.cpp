// Lagrangian bound of the p-median by subgradient optimisation, with reduced-cost fixing: see
// lagrangian.hpp and docs/methods/location_models.md.
#include "lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace basural::location {

SubgradientOptions subgradient_options(const SolveOptions& options)
{
    SubgradientOptions o;
    o.max_iterations = options.max_bound_iterations;
    o.min_step_factor = options.min_step_factor;
    o.weight = options.subgradient_weight;
    o.progress = options.progress;
    return o;
}

void fix_by_reduced_cost(const BoundResult& b, const std::vector<char>& required_flag, double ub, bool integral,
                         std::vector<char>& excluded, std::vector<char>& pinned)
{
    if (b.value.empty())
        return;
    const double tol = improvement_tolerance(ub);
    for (std::size_t j = 0; j < b.value.size(); ++j) {
        if (required_flag[j])
            continue;
        if (!b.chosen[j]) {
            if (round_up_bound(b.lower_bound - b.kth + b.value[j], integral) >= ub - tol)
                excluded[j] = 1;
        } else if (b.has_next && round_up_bound(b.lower_bound - b.value[j] + b.next, integral) >= ub - tol) {
            pinned[j] = 1;
        }
    }
}

std::vector<double> initial_multipliers(const WeightedMatrix& wm)
{
    std::vector<double> lambda(wm.n, 0.0);
    for (std::size_t i = 0; i < wm.n; ++i) {
        lambda[i] = wm.penalty[i];
        if (wm.row_start[i + 1] > wm.row_start[i])
            lambda[i] = std::min(lambda[i], wm.row_cost[wm.row_start[i]]);
    }
    return lambda;
}

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (multipliers, relaxed facilities, step, heuristic, fixing; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
BoundResult subgradient_bound(const WeightedMatrix& wm, const std::vector<char>& required_flag, std::size_t p_total,
                              const FacilityRelaxation& relax, const SubgradientOptions& options,
                              std::vector<char>& excluded)
{
    const bool integral = wm.integral;
    std::vector<double> lambda = initial_multipliers(wm);
    BoundResult result;
    std::vector<std::size_t> required;
    std::vector<std::size_t> free_candidates;
    for (std::size_t j = 0; j < wm.m; ++j)
        (required_flag[j] ? required : free_candidates).push_back(j);
    const std::size_t k = std::min(p_total - std::min(p_total, required.size()), free_candidates.size());
    std::vector<double> value(wm.m, 0.0);
    std::vector<std::pair<double, std::size_t>> order;
    std::vector<double> served(wm.n, 0.0);
    std::vector<std::size_t> open, last_proposed;
    std::vector<char> open_flag(wm.m, 0);
    std::vector<double> direction(wm.n, 0.0);
    double theta = 2.0;
    std::size_t since_improvement = 0;

    for (std::size_t it = 0; it < options.max_iterations; ++it) {
        ++result.iterations;
        if (options.progress && it % 16 == 0)
            options.progress("bound", static_cast<double>(it) / static_cast<double>(options.max_iterations));
        double L = 0.0;
        for (std::size_t i = 0; i < wm.n; ++i)
            L += lambda[i] + std::min(0.0, wm.penalty[i] - lambda[i]);
        relax.values(lambda, value);
        open = required;
        for (auto j : required)
            L += value[j];
        order.clear();
        for (auto j : free_candidates)
            order.emplace_back(value[j], j);
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end());
        for (std::size_t t = 0; t < k; ++t) {
            L += order[t].first;
            open.push_back(order[t].second);
        }
        std::sort(open.begin(), open.end());

        if (L > result.lower_bound + 1e-12 * std::max(1.0, std::fabs(L))) {
            result.lower_bound = L;
            since_improvement = 0;
            result.value = value;
            result.chosen.assign(wm.m, 0);
            for (std::size_t t = 0; t < k; ++t)
                result.chosen[order[t].second] = 1;
            result.kth = k > 0 ? order[k - 1].first : 0.0;
            result.has_next = k > 0 && order.size() > k;
            result.next = result.has_next ? std::min_element(order.begin() + static_cast<std::ptrdiff_t>(k), order.end())->first : 0.0;
            if (std::find(result.last_sets.begin(), result.last_sets.end(), open) == result.last_sets.end()) {
                result.last_sets.push_back(open);
                if (result.last_sets.size() > 8)
                    result.last_sets.erase(result.last_sets.begin());
            }
        } else if (++since_improvement >= 30) {
            theta /= 2.0;
            since_improvement = 0;
        }
        // Reduced-cost fixing (Beasley 1993): opening a candidate j the relaxation left closed costs
        // at least L - (k-th smallest V) + V_j; if that cannot beat the best known objective, no
        // better solution opens j, and the search never inserts it.
        if (k > 0) {
            const double kth = order[k - 1].first;
            const double ubf = options.upper_bound();
            for (std::size_t t = k; t < order.size(); ++t) {
                const std::size_t j = order[t].second;
                if (!excluded[j] && round_up_bound(L - kth + order[t].first, integral) >= ubf - improvement_tolerance(ubf))
                    excluded[j] = 1;
            }
        }
        if (options.propose && (it % options.propose_every == 0) && open != last_proposed) {
            options.propose(open);
            last_proposed = open;
        }
        const double ub = options.upper_bound();
        const double lb = round_up_bound(result.lower_bound, integral);
        if (lb >= ub - improvement_tolerance(ub) || theta < options.min_step_factor)
            break;

        // subgradient g_i = 1 - (how much of i the relaxation serves)
        std::fill(served.begin(), served.end(), 0.0);
        for (std::size_t i = 0; i < wm.n; ++i)
            if (wm.penalty[i] - lambda[i] < 0.0)
                served[i] += 1.0;
        std::fill(open_flag.begin(), open_flag.end(), 0);
        for (auto j : open)
            open_flag[j] = 1;
        relax.serve(lambda, open_flag, served);
        double norm = 0.0;
        for (std::size_t i = 0; i < wm.n; ++i) {
            const double g = 1.0 - served[i];
            norm += g * g;
        }
        if (norm == 0.0)
            break;  // the relaxed solution is feasible: L is the optimum of the relaxation
        // along the averaged direction d = a g + (1 - a) d_prev, by the plain subgradient's step length
        for (std::size_t i = 0; i < wm.n; ++i)
            direction[i] = options.weight * (1.0 - served[i]) + (1.0 - options.weight) * direction[i];
        const double step = theta * (ub - L) / norm;
        for (std::size_t i = 0; i < wm.n; ++i)
            lambda[i] = std::max(0.0, lambda[i] + step * direction[i]);
    }
    if (options.progress)
        options.progress("bound", 1.0);
    return result;
}

FacilityRelaxation uncapacitated_relaxation(const WeightedMatrix& wm)
{
    // V_j = sum_i min(0, c_ij - lambda_i) gathered row by row: rows are sorted by cost, so only the
    // entries cheaper than lambda_i are visited (usually the few candidates nearer than the point's
    // current facility), not whole columns.
    FacilityRelaxation r;
    // The bound's hot loop (#17): the rows' first entries two rows ahead are fetched before they are
    // read (a dense matrix's rows are far apart in memory), and nothing is re-read from memory
    // after each store; the same sums in the same order.
    r.values = [&wm](const std::vector<double>& lambda, std::vector<double>& value) {
        std::fill(value.begin(), value.end(), 0.0);
        double* const v = value.data();
        const double* const cost = wm.row_cost.data();
        const std::uint32_t* const cand = wm.row_cand.data();
        const std::size_t* const start = wm.row_start.data();
        const std::size_t entries = wm.row_cand.size();
        for (std::size_t i = 0, n = wm.n; i < n; ++i) {
            if (i + 2 < n) {  // the first 64 costs and candidates of row i + 2 (8 and 4 cache lines)
                const std::size_t ahead = start[i + 2], stop = std::min(entries, ahead + 64);
                for (std::size_t k = ahead; k < stop; k += 8)
                    __builtin_prefetch(cost + k);
                for (std::size_t k = ahead; k < stop; k += 16)
                    __builtin_prefetch(cand + k);
            }
            const double l = lambda[i];
            for (std::size_t k = start[i], end = start[i + 1]; k < end && cost[k] < l; ++k)
                v[cand[k]] += cost[k] - l;
        }
    };
    // How much of each point the open facilities serve (the count of open j with c_ij < lambda_i): from
    // the open facilities' columns when they are short together (few facilities), else row by row.
    r.serve = [&wm](const std::vector<double>& lambda, const std::vector<char>& open, std::vector<double>& served) {
        std::size_t column_entries = 0;
        for (std::size_t j = 0; j < wm.m; ++j)
            if (open[j])
                column_entries += wm.col_start[j + 1] - wm.col_start[j];
        if (2 * column_entries < wm.col_dem.size()) {
            const double max_lambda = wm.n ? *std::max_element(lambda.begin(), lambda.end()) : 0.0;
            for (std::size_t j = 0; j < wm.m; ++j)
                if (open[j])  // columns are sorted by cost: nothing at or above the largest multiplier counts
                    for (std::size_t k = wm.col_start[j]; k < wm.col_start[j + 1] && wm.col_cost[k] < max_lambda; ++k)
                        if (wm.col_cost[k] < lambda[wm.col_dem[k]])
                            served[wm.col_dem[k]] += 1.0;
            return;
        }
        for (std::size_t i = 0; i < wm.n; ++i)
            for (std::size_t k = wm.row_start[i]; k < wm.row_start[i + 1] && wm.row_cost[k] < lambda[i]; ++k)
                if (open[wm.row_cand[k]])
                    served[i] += 1.0;
    };
    return r;
}

}  // namespace basural::location
