// Location-allocation models: LSCP, p-median (uncapacitated and capacitated single-source), MCLP.
// The methods, formulations and sources are in docs/methods/location_models.md; the comments here
// name the step of the method each piece implements.
#include "basural/models/location/facility_location.hpp"

#include "basural/base/error.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <set>
#include <span>
#include <string>

namespace basural {
namespace {

constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
constexpr double INFINITY_COST = std::numeric_limits<double>::infinity();
/// The swap search keeps extra(f, r) for every candidate f and open facility r (candidates x open
/// doubles) when that is at most 8 doubles per stored pair and at most 2^24 of them (128 MiB):
/// scanning that table beats rebuilding extra from every column at every move.
constexpr std::size_t DENSE_SEARCH_MAX_CELLS = std::size_t{1} << 24;

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

class Stopwatch {
public:
    double ms() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

bool is_integral(double v) { return std::isfinite(v) && std::fabs(v) < 9.0e15 && std::floor(v) == v; }

/// A lower bound known to be below an integer-valued optimum can be rounded up; the tolerance keeps
/// rounding noise in the sum (a few ulps) from rounding a true 5819 up to 5820.
double round_up_bound(double bound, bool integral)
{
    if (!integral || !std::isfinite(bound))
        return bound;
    return std::ceil(bound - 1e-6 - 1e-9 * std::fabs(bound));
}

/// Improvement threshold relative to the magnitude of the objective, so rounding noise in sums of
/// doubles never counts as an improvement (and the search always terminates).
double improvement_tolerance(double objective) { return 1e-9 * std::max(1.0, std::fabs(objective)); }


// ---------------------------------------------------------------------------------------------
// The problem after validation: cutoff applied, loads and capacities filled in.

/// The problem's cost matrix, borrowed (not copied) unless a tighter cutoff made a new one.
class CostsView {
public:
    void borrow(const SparseCostMatrix& m) { m_matrix = std::shared_ptr<const SparseCostMatrix>(&m, [](const SparseCostMatrix*) {}); }
    void own(SparseCostMatrix m) { m_matrix = std::make_shared<const SparseCostMatrix>(std::move(m)); }
    std::span<const CandidateCost> row(std::size_t i) const { return m_matrix->row(i); }
    std::span<const DemandCost> column(std::size_t j) const { return m_matrix->column(j); }
    std::optional<double> cost(std::size_t i, std::size_t j) const { return m_matrix->cost(i, j); }
    double max_cost() const noexcept { return m_matrix->max_cost(); }
    double largest_cost() const noexcept { return m_matrix->largest_cost(); }

private:
    std::shared_ptr<const SparseCostMatrix> m_matrix = std::make_shared<const SparseCostMatrix>();
};

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
};

/// The solver options a caller may get wrong (the rest are counts and seeds, valid whatever they are).
void validate(const SolveOptions& o, LocationModel model)
{
    if (!(o.subgradient_weight > 0.0 && o.subgradient_weight <= 1.0))
        throw usage_error(std::string(to_string(model)) + ": subgradient weight must be in (0, 1], not " +
                          std::to_string(o.subgradient_weight));
}

Prepared prepare(const LocationProblem& pr, const SolveOptions& options, LocationModel model)
{
    validate(pr, model);
    validate(options, model);
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
    return p;
}

// ---------------------------------------------------------------------------------------------
// The weighted view the swap search and the Lagrangian bound work on: cost of serving demand point
// i from candidate j (weight x cost for p-median, 0 for coverage), and the cost of leaving it
// unserved (a dummy facility that is always open).

struct WeightedMatrix {
    std::size_t n = 0;
    std::size_t m = 0;
    std::vector<std::size_t> row_start;   // rows sorted by the original cost, then candidate index
    std::vector<std::uint32_t> row_cand;  // 32-bit indices: the hot loops are bound by memory
    std::vector<double> row_cost;
    std::vector<std::size_t> col_start;   // columns sorted by weighted cost, then demand index
    std::vector<std::uint32_t> col_dem;
    std::vector<double> col_cost;
    std::vector<double> penalty;          // per demand point: cost when unserved (0 if it has no candidate)
    bool integral = true;                 // every cost and penalty is an integer
};

/// coverage = true: MCLP view (serving costs 0, leaving a point uncovered costs its weight).
WeightedMatrix make_weighted(const Prepared& p, bool coverage)
{
    if (p.n >= UINT32_MAX || p.m >= UINT32_MAX)
        throw error("location problem: more than 2^32 - 1 demand points or candidates");
    WeightedMatrix wm;
    wm.n = p.n;
    wm.m = p.m;
    wm.row_start.assign(p.n + 1, 0);
    wm.penalty.assign(p.n, 0.0);
    for (std::size_t i = 0; i < p.n; ++i) {
        const auto row = p.costs.row(i);
        for (const auto& e : row) {
            const double c = coverage ? 0.0 : p.weight[i] * e.cost;
            wm.row_cand.push_back(static_cast<std::uint32_t>(e.candidate));
            wm.row_cost.push_back(c);
            wm.integral = wm.integral && is_integral(c);
        }
        wm.row_start[i + 1] = wm.row_cand.size();
        if (!row.empty())
            wm.penalty[i] = coverage ? p.weight[i] : p.weight[i] * p.unserved_per_unit;
        wm.integral = wm.integral && is_integral(wm.penalty[i]);
    }
    // Columns sorted by weighted cost (then demand index): a scan for the demand points a candidate
    // could serve more cheaply than some threshold stops at the first entry above it.
    wm.col_start.assign(p.m + 1, 0);
    std::vector<std::pair<double, std::size_t>> col;
    for (std::size_t j = 0; j < p.m; ++j) {
        col.clear();
        for (const auto& e : p.costs.column(j))
            col.emplace_back(coverage ? 0.0 : p.weight[e.demand] * e.cost, e.demand);
        std::sort(col.begin(), col.end());
        for (const auto& [c, i] : col) {
            wm.col_dem.push_back(static_cast<std::uint32_t>(i));
            wm.col_cost.push_back(c);
        }
        wm.col_start[j + 1] = wm.col_dem.size();
    }
    return wm;
}

// ---------------------------------------------------------------------------------------------
// Swap-based local search for the (uncapacitated) p-median in the style of Resende & Werneck (2004)
// "A hybrid heuristic for the p-median problem": for each demand point the closest and second
// closest open facility (phi1, phi2 at d1, d2) are kept; the profit of inserting f_in and removing
// f_out is gain(f_in) - loss(f_out) + extra(f_in, f_out), where
//   gain(f_in)  = sum_i max(0, d1(i) - c(i, f_in))
//   loss(f_out) = sum_{i: phi1(i) = f_out} (d2(i) - d1(i))
//   extra       = sum_{i: phi1(i) = f_out, c(i, f_in) < d2(i)} (d2(i) - max(c(i, f_in), d1(i))).
// extra is accumulated on the fly while scanning the column of f_in (only demand points within the
// cutoff of f_in contribute), so one pass over all columns (O(entries)) finds the best swap.

class SwapEngine {
public:
    SwapEngine(const WeightedMatrix& wm, const std::vector<char>& required_flag, std::size_t p_total)
        : m_wm(wm), m_required(required_flag), m_p(p_total), m_open(wm.m, 0), m_d1(wm.n), m_d2(wm.n),
          m_phi1(wm.n), m_phi2(wm.n), m_extra(wm.m, 0.0), m_mark(wm.m, 0), m_loss(wm.m, 0.0),
          m_excluded(wm.m, 0), m_keep(required_flag), m_mark_point(wm.n, 0)
    {
    }

    void open_set(const std::vector<std::size_t>& facilities)
    {
        m_gains_valid = false;
        std::fill(m_open.begin(), m_open.end(), 0);
        for (auto j : facilities)
            m_open[j] = 1;
        for (std::size_t i = 0; i < m_wm.n; ++i)
            recompute(i);
    }

    /// Greedy addition from the required facilities: repeatedly open the candidate with the largest
    /// gain (ties: smaller index). With rng, each step picks uniformly among the `rcl` best
    /// (randomized greedy). Gains only shrink as facilities open, so stale gains are upper bounds and
    /// are re-evaluated lazily (Minoux 1978): the choices are those of the plain greedy.
    void greedy(Rng* rng, std::size_t rcl)
    {
        std::vector<std::size_t> start;
        for (std::size_t j = 0; j < m_wm.m; ++j)
            if (m_required[j])
                start.push_back(j);
        open_set(start);
        std::size_t count = start.size();
        struct Entry {
            double gain;
            std::size_t j;
            std::size_t stamp;
        };
        auto lower = [](const Entry& a, const Entry& b) { return a.gain != b.gain ? a.gain < b.gain : a.j > b.j; };
        std::vector<Entry> heap;
        double max_d1 = largest_d1();
        for (std::size_t j = 0; j < m_wm.m; ++j)
            if (!m_open[j] && !m_excluded[j])
                heap.push_back({gain_of(j, max_d1), j, count});
        std::make_heap(heap.begin(), heap.end(), lower);
        std::vector<Entry> list;
        while (count < m_p && !heap.empty()) {
            max_d1 = largest_d1();
            const std::size_t take = rng ? std::max<std::size_t>(rcl, 1) : 1;
            list.clear();
            while (list.size() < take && !heap.empty()) {
                std::pop_heap(heap.begin(), heap.end(), lower);
                Entry e = heap.back();
                heap.pop_back();
                if (e.stamp == count) {
                    list.push_back(e);
                } else {
                    e.gain = gain_of(e.j, max_d1);
                    e.stamp = count;
                    heap.push_back(e);
                    std::push_heap(heap.begin(), heap.end(), lower);
                }
            }
            const std::size_t pick = rng ? rng->below(list.size()) : 0;
            for (std::size_t t = 0; t < list.size(); ++t)
                if (t != pick) {
                    heap.push_back(list[t]);
                    std::push_heap(heap.begin(), heap.end(), lower);
                }
            const std::size_t f = list[pick].j;
            m_open[f] = 1;
            ++count;
            for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k)
                recompute(m_wm.col_dem[k]);
        }
    }

    /// Best-improvement swaps until none improves; returns the number of swaps made.
    std::size_t local_search()
    {
        const std::size_t open_count = static_cast<std::size_t>(std::count(m_open.begin(), m_open.end(), 1));
        if (open_count > 0 && m_wm.m * open_count <= std::min(8 * m_wm.row_cand.size(), DENSE_SEARCH_MAX_CELLS)) {
            return local_search_dense(open_count);
        }
        std::size_t moves = 0;
        std::vector<std::size_t> touched;
        std::vector<std::pair<double, std::size_t>> order;
        refresh_gains();
        for (;;) {
            // loss of every removable open facility, and the one losing least
            std::fill(m_loss.begin(), m_loss.end(), 0.0);
            for (std::size_t i = 0; i < m_wm.n; ++i)
                if (m_phi1[i] != NONE)
                    m_loss[m_phi1[i]] += m_d2[i] - m_d1[i];
            std::size_t least = NONE;
            for (std::size_t j = 0; j < m_wm.m; ++j)
                if (m_open[j] && !m_keep[j] && (least == NONE || m_loss[j] < m_loss[least]))
                    least = j;
            if (least == NONE)
                return moves;  // every open facility is required: nothing to swap
            const double tol = improvement_tolerance(objective());
            const double max_d2 = m_wm.n ? *std::max_element(m_d2.begin(), m_d2.end()) : 0.0;
            double best_profit = tol;
            std::size_t best_in = NONE, best_out = NONE;
            // profit(f, r) = gain(f) + extra(f, r) - loss(r) <= gain(f), as extra(f, r) <= loss(r):
            // candidates are examined by decreasing gain until no gain can beat the best profit (the
            // incrementally kept gains may drift by rounding: the slack covers it)
            order.clear();
            for (std::size_t f = 0; f < m_wm.m; ++f)
                if (!m_open[f] && !m_excluded[f])
                    order.emplace_back(-m_gain[f], f);
            std::sort(order.begin(), order.end());
            const double slack = 1e3 * tol;
            for (const auto& [negative_gain, f] : order) {
                if (-negative_gain + slack < best_profit)
                    break;
                double gain = 0.0;
                touched.clear();
                for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k) {
                    const double c = m_wm.col_cost[k];
                    if (!(c < max_d2))
                        break;  // columns are sorted by cost: no later entry is below any d2
                    const std::size_t i = m_wm.col_dem[k];
                    if (!(c < m_d2[i]))
                        continue;
                    if (c < m_d1[i])
                        gain += m_d1[i] - c;
                    const std::size_t r = m_phi1[i];
                    if (r == NONE || m_keep[r])
                        continue;
                    if (!m_mark[r]) {
                        m_mark[r] = 1;
                        touched.push_back(r);
                    }
                    m_extra[r] += m_d2[i] - std::max(c, m_d1[i]);
                }
                std::size_t out = least;
                double value = -m_loss[least];
                for (auto r : touched) {
                    const double v = m_extra[r] - m_loss[r];
                    if (v > value || (v == value && r < out)) {
                        value = v;
                        out = r;
                    }
                    m_extra[r] = 0.0;
                    m_mark[r] = 0;
                }
                if (gain + value > best_profit || (gain + value == best_profit && best_in != NONE && f < best_in)) {
                    best_profit = gain + value;
                    best_in = f;
                    best_out = out;
                }
            }
            if (best_in == NONE)
                return moves;
            swap(best_in, best_out);
            ++moves;
        }
    }

    /// The same search with extra(f, r) kept for every candidate f and open facility r (when that table
    /// is small enough, see DENSE_SEARCH_MAX_CELLS) and updated only for the demand points a swap
    /// changes (Resende & Werneck 2004, Sec. 3), instead of being rebuilt from every column at every
    /// move. The moves are those of the column scan (same profits, same tie-breaking: the smallest
    /// index).
    std::size_t local_search_dense(std::size_t open_count)
    {
        refresh_gains();
        const std::size_t slots = open_count;
        std::vector<std::size_t> slot_of(m_wm.m, NONE), facility_in(slots);
        for (std::size_t j = 0, s = 0; j < m_wm.m; ++j)
            if (m_open[j]) {
                slot_of[j] = s;
                facility_in[s++] = j;
            }
        std::vector<double> extra(m_wm.m * slots, 0.0);
        std::fill(m_loss.begin(), m_loss.end(), 0.0);
        // what demand point i adds to loss(phi1) and extra(f, phi1) (sign -1 takes it back)
        auto account = [&](std::size_t i, double sign) {
            const std::size_t r = m_phi1[i];
            if (r == NONE)
                return;
            const double d1 = m_d1[i], d2 = m_d2[i];
            m_loss[r] += sign * (d2 - d1);
            if (m_keep[r])
                return;  // never removed: its extra is never read
            double* row = extra.data() + slot_of[r];
            for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
                const double c = m_wm.row_cost[k];
                if (!(c < d2))
                    break;
                row[m_wm.row_cand[k] * slots] += sign * (d2 - std::max(c, d1));
            }
        };
        for (std::size_t i = 0; i < m_wm.n; ++i)
            account(i, 1.0);

        std::size_t moves = 0;
        std::vector<std::size_t> affected;
        std::vector<double> loss_in(slots);
        for (;;) {
            const double tol = improvement_tolerance(objective());
            double best_profit = tol;
            std::size_t best_in = NONE, best_out = NONE;
            // loss per slot, +infinity for a facility that may not be removed: the best removal for a
            // candidate is then a plain maximum over its row (ties resolved only when it matters)
            for (std::size_t s = 0; s < slots; ++s)
                loss_in[s] = m_keep[facility_in[s]] ? INFINITY_COST : m_loss[facility_in[s]];
            for (std::size_t f = 0; f < m_wm.m; ++f) {
                if (m_open[f] || m_excluded[f] || !(m_gain[f] + 1e3 * tol >= best_profit))
                    continue;  // profit(f, r) <= gain(f)
                const double* row = extra.data() + f * slots;
                double value = -INFINITY_COST;
                for (std::size_t s = 0; s < slots; ++s)
                    value = std::max(value, row[s] - loss_in[s]);
                if (!(m_gain[f] + value > best_profit))
                    continue;
                std::size_t out = NONE;  // the smallest facility index reaching the maximum
                for (std::size_t s = 0; s < slots; ++s)
                    if (row[s] - loss_in[s] == value && (out == NONE || facility_in[s] < out))
                        out = facility_in[s];
                best_profit = m_gain[f] + value;
                best_in = f;
                best_out = out;
            }
            if (best_in == NONE)
                return moves;
            // the demand points the swap can change: within reach of the facility opened or closed
            affected.clear();
            for (auto f : {best_out, best_in})
                for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k)
                    if (!m_mark_point[m_wm.col_dem[k]]) {
                        m_mark_point[m_wm.col_dem[k]] = 1;
                        affected.push_back(m_wm.col_dem[k]);
                    }
            for (auto i : affected)
                account(i, -1.0);
            const std::size_t s = slot_of[best_out];
            slot_of[best_out] = NONE;
            slot_of[best_in] = s;
            facility_in[s] = best_in;
            m_open[best_in] = 1;
            m_open[best_out] = 0;
            for (auto i : affected) {
                recompute(i);
                account(i, 1.0);
                m_mark_point[i] = 0;
            }
            ++moves;
        }
    }

    void swap(std::size_t f_in, std::size_t f_out)
    {
        m_open[f_in] = 1;
        m_open[f_out] = 0;
        for (auto f : {f_out, f_in})
            for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k)
                recompute(m_wm.col_dem[k]);
    }

    /// Sum of the cost of every demand point to its closest open facility (or its penalty).
    double objective() const
    {
        double z = 0.0;
        for (std::size_t i = 0; i < m_wm.n; ++i)
            z += m_d1[i];
        return z;
    }

    std::vector<std::size_t> open_facilities() const
    {
        std::vector<std::size_t> out;
        for (std::size_t j = 0; j < m_wm.m; ++j)
            if (m_open[j])
                out.push_back(j);
        return out;
    }

    /// The closest open facility of demand point i within the cutoff (NONE if unserved).
    std::size_t closest(std::size_t i) const { return m_phi1[i]; }
    bool is_open(std::size_t j) const { return m_open[j] != 0; }
    /// Candidates never to insert (the bound proved no better solution opens them).
    void exclude(const std::vector<char>& excluded) { m_excluded = excluded; }
    /// Open facilities never to remove: the required ones and those the bound pinned.
    void pin(const std::vector<char>& pinned)
    {
        for (std::size_t j = 0; j < m_wm.m; ++j)
            m_keep[j] = m_required[j] || pinned[j];
    }
    bool is_kept(std::size_t j) const { return m_keep[j] != 0; }
    bool is_excluded(std::size_t j) const { return m_excluded[j] != 0; }

    /// The gain of opening f now: sum_i max(0, d1(i) - c(i, f)).
    double gain_of(std::size_t f) const { return gain_of(f, largest_d1()); }
    double largest_d1() const { return m_wm.n ? *std::max_element(m_d1.begin(), m_d1.end()) : 0.0; }
    /// The same, given the largest d1 (only entries below it can gain).
    double gain_of(std::size_t f, double max_d1) const
    {
        double gain = 0.0;
        for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k) {
            const double c = m_wm.col_cost[k];
            if (!(c < max_d1))
                break;
            const std::size_t i = m_wm.col_dem[k];
            if (c < m_d1[i])
                gain += m_d1[i] - c;
        }
        return gain;
    }

private:
    /// gain_of() of every candidate, from scratch; recompute() keeps it up to date afterwards.
    void refresh_gains()
    {
        m_gain.assign(m_wm.m, 0.0);
        const double max_d1 = largest_d1();
        for (std::size_t f = 0; f < m_wm.m; ++f)
            m_gain[f] = gain_of(f, max_d1);
        m_gains_valid = true;
    }

    void recompute(std::size_t i)
    {
        if (m_gains_valid) {
            const double old_d1 = m_d1[i];
            recompute_closest(i);
            const double new_d1 = m_d1[i];
            if (old_d1 == new_d1)
                return;
            // a candidate's gain from i is max(0, d1 - c): only entries cheaper than the larger d1 change
            const double top = std::max(old_d1, new_d1);
            for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
                const double c = m_wm.row_cost[k];
                if (!(c < top))
                    break;
                m_gain[m_wm.row_cand[k]] += std::max(0.0, new_d1 - c) - std::max(0.0, old_d1 - c);
            }
            return;
        }
        recompute_closest(i);
    }

    void recompute_closest(std::size_t i)
    {
        const double pen = m_wm.penalty[i];
        m_d1[i] = m_d2[i] = pen;
        m_phi1[i] = m_phi2[i] = NONE;
        bool first = true;
        for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
            const double c = m_wm.row_cost[k];
            if (c > pen)
                break;
            const std::size_t j = m_wm.row_cand[k];
            if (!m_open[j])
                continue;
            if (first) {
                m_d1[i] = c;
                m_phi1[i] = j;
                first = false;
            } else {
                m_d2[i] = c;
                m_phi2[i] = j;
                break;
            }
        }
    }

    const WeightedMatrix& m_wm;
    const std::vector<char>& m_required;
    std::size_t m_p;
    std::vector<char> m_open;
    std::vector<double> m_d1, m_d2;
    std::vector<std::size_t> m_phi1, m_phi2;
    std::vector<double> m_extra;
    std::vector<char> m_mark;
    std::vector<double> m_loss;
    std::vector<char> m_excluded;
    std::vector<char> m_keep;
    std::vector<double> m_gain;  // gain_of() per candidate while m_gains_valid
    std::vector<char> m_mark_point;  // scratch flags per demand point (all 0 between calls)
    bool m_gains_valid = false;
};

// ---------------------------------------------------------------------------------------------
// Lagrangian relaxation of the assignment constraints (Beasley 1993, "Lagrangean heuristics for
// location problems", EJOR 65): with multipliers lambda_i on sum_j x_ij = 1,
//   L(lambda) = sum_i lambda_i + sum_i min(0, u_i - lambda_i) + sum_{j in R} V_j + (k smallest V_j, j not in R)
//   V_j = sum_i min(0, c_ij - lambda_i),  k = p - |R|,  u_i the unserved penalty (an always-open dummy).
// L(lambda) <= optimum for every lambda; subgradient optimisation (Held, Wolfe & Crowder 1974) raises it.
// Every few iterations the relaxation's facility set seeds the local search (Lagrangian heuristic).


/// What one facility contributes to the relaxation: V_j(lambda) and, for the facilities the
/// relaxation opens, how much of each demand point it serves (added to `served`).
struct FacilityRelaxation {
    /// V_j(lambda) of every candidate into `value` (m entries).
    std::function<void(const std::vector<double>& lambda, std::vector<double>& value)> values;
    /// Adds to `served` how much of each demand point the facilities flagged in `open` serve.
    std::function<void(const std::vector<double>& lambda, const std::vector<char>& open, std::vector<double>& served)>
        serve;
};

struct BoundResult {
    double lower_bound = -std::numeric_limits<double>::infinity();
    std::size_t iterations = 0;
    // the relaxation at the best multipliers, for reduced-cost fixing against later upper bounds
    std::vector<double> value;      ///< V_j
    std::vector<char> chosen;       ///< opened by the relaxation (required ones excluded)
    double kth = 0.0;               ///< largest V_j among the chosen free candidates
    double next = 0.0;              ///< smallest V_j among the free candidates not chosen
    bool has_next = false;
    /// the relaxation's open sets (required included) at the last few improvements of the bound
    std::vector<std::vector<std::size_t>> last_sets;
};

/// Reduced-cost fixing (Beasley 1993) at the best multipliers: a free candidate left closed by the
/// relaxation with L - kth + V_j >= UB is in no solution better than UB (exclude it); a chosen one
/// with L - V_j + next >= UB is in every such solution (pin it open).
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

/// Subgradient optimisation of the Lagrangian dual, along averaged subgradients (`weight`: see
/// SolveOptions::subgradient_weight).
/// `upper_bound` returns the best known objective
/// (it may improve while the bound runs, through `propose`, which receives the relaxation's open set
/// every `propose_every` iterations when it changed).
BoundResult subgradient_bound(const WeightedMatrix& wm, const std::vector<char>& required_flag, std::size_t p_total,
                              std::vector<double> lambda, std::size_t max_iterations, double min_step_factor, double weight,
                              const std::function<double()>& upper_bound, bool integral,
                              const FacilityRelaxation& relax,
                              const std::function<void(const std::vector<std::size_t>&)>& propose,
                              std::size_t propose_every, std::vector<char>& excluded)
{
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

    for (std::size_t it = 0; it < max_iterations; ++it) {
        ++result.iterations;
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
            const double ubf = upper_bound();
            for (std::size_t t = k; t < order.size(); ++t) {
                const std::size_t j = order[t].second;
                if (!excluded[j] && round_up_bound(L - kth + order[t].first, integral) >= ubf - improvement_tolerance(ubf))
                    excluded[j] = 1;
            }
        }
        if (propose && (it % propose_every == 0) && open != last_proposed) {
            propose(open);
            last_proposed = open;
        }
        const double ub = upper_bound();
        const double lb = round_up_bound(result.lower_bound, integral);
        if (lb >= ub - improvement_tolerance(ub) || theta < min_step_factor)
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
            direction[i] = weight * (1.0 - served[i]) + (1.0 - weight) * direction[i];
        const double step = theta * (ub - L) / norm;
        for (std::size_t i = 0; i < wm.n; ++i)
            lambda[i] = std::max(0.0, lambda[i] + step * direction[i]);
    }
    return result;
}

/// Initial multipliers: the cheapest way to serve each demand point (its cheapest candidate or its
/// penalty), which makes L(lambda) the sum of those, a valid but weak bound to start from.
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

FacilityRelaxation uncapacitated_relaxation(const WeightedMatrix& wm)
{
    // V_j = sum_i min(0, c_ij - lambda_i) gathered row by row: rows are sorted by cost, so only the
    // entries cheaper than lambda_i are visited (usually the few candidates nearer than the point's
    // current facility), not whole columns.
    FacilityRelaxation r;
    r.values = [&wm](const std::vector<double>& lambda, std::vector<double>& value) {
        std::fill(value.begin(), value.end(), 0.0);
        for (std::size_t i = 0; i < wm.n; ++i)
            for (std::size_t k = wm.row_start[i]; k < wm.row_start[i + 1] && wm.row_cost[k] < lambda[i]; ++k)
                value[wm.row_cand[k]] += wm.row_cost[k] - lambda[i];
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

// ---------------------------------------------------------------------------------------------
// Uncapacitated search (p-median and, on the coverage view, MCLP): greedy + swap local search,
// Lagrangian bound with Lagrangian heuristic, then randomized-greedy restarts while a gap remains.

struct SearchResult {
    std::vector<std::size_t> open;
    double objective = 0.0;
    double lower_bound = 0.0;
    std::size_t moves = 0;
    std::size_t bound_iterations = 0;
};

SearchResult search_uncapacitated(const WeightedMatrix& wm, const std::vector<char>& required_flag,
                                  std::size_t p_total, const SolveOptions& options)
{
    SearchResult res;
    SwapEngine engine(wm, required_flag, p_total);
    engine.greedy(nullptr, 1);
    res.moves += engine.local_search();
    res.open = engine.open_facilities();
    res.objective = engine.objective();
    res.lower_bound = -std::numeric_limits<double>::infinity();

    Rng rng(options.seed);
    std::vector<char> excluded(wm.m, 0), pinned(wm.m, 0);
    BoundResult bound;
    auto proven = [&] { return res.lower_bound >= res.objective - improvement_tolerance(res.objective); };
    auto keep_if_better = [&] {
        const double z = engine.objective();
        if (z < res.objective - improvement_tolerance(res.objective)) {
            res.objective = z;
            res.open = engine.open_facilities();
            // a better incumbent lets the bound rule out (and pin) more candidates
            fix_by_reduced_cost(bound, required_flag, res.objective, wm.integral, excluded, pinned);
            engine.exclude(excluded);
            engine.pin(pinned);
            return true;
        }
        return false;
    };
    // Variable neighbourhood search (Hansen & Mladenovic 1997): shake the best solution with k random
    // swaps, search locally, restart from k = 1 on improvement, else try k + 1 (up to 10); stop after
    // `idle_limit` shakes in a row without improvement.
    std::vector<std::size_t> removable, closed;
    auto vns = [&](std::size_t idle_limit) {
        std::size_t k = 1;
        for (std::size_t idle = 0; idle < idle_limit && !proven(); ++idle) {
            engine.open_set(res.open);
            for (std::size_t t = 0; t < k; ++t) {
                removable.clear();
                closed.clear();
                for (std::size_t j = 0; j < wm.m; ++j)
                    if (engine.is_open(j)) {
                        if (!engine.is_kept(j))
                            removable.push_back(j);
                    } else if (!engine.is_excluded(j)) {
                        closed.push_back(j);
                    }
                if (removable.empty() || closed.empty())
                    break;
                engine.swap(closed[rng.below(closed.size())], removable[rng.below(removable.size())]);
            }
            res.moves += engine.local_search();
            if (keep_if_better()) {
                k = 1;
                idle = 0;
            } else {
                k = k % 10 + 1;
            }
        }
    };
    // a first round of shakes gives the bound a good target
    vns(options.perturbations / 4);

    // Lagrangian bound; every 5th relaxation set seeds a local search when it starts within 1% of the
    // best (at most 32 of them)
    std::set<std::vector<std::size_t>> seen;
    std::size_t searches = 0;
    auto consider = [&](const std::vector<std::size_t>& set) {
        if (!seen.insert(set).second)
            return;
        engine.exclude(excluded);
        engine.open_set(set);
        if (searches < 32 && engine.objective() <= res.objective * 1.01 + 1e-12) {
            ++searches;
            res.moves += engine.local_search();
        }
        if (engine.objective() < res.objective - improvement_tolerance(res.objective)) {
            res.objective = engine.objective();
            res.open = engine.open_facilities();
        }
    };
    bound = subgradient_bound(wm, required_flag, p_total, initial_multipliers(wm), options.max_bound_iterations,
                              options.min_step_factor, options.subgradient_weight, [&] { return res.objective; }, wm.integral,
                              uncapacitated_relaxation(wm), consider, 5, excluded);
    res.bound_iterations = bound.iterations;
    // local search from the relaxation's sets at the best multipliers found (Lagrangian heuristic)
    for (const auto& set : bound.last_sets) {
        engine.open_set(set);
        res.moves += engine.local_search();
        if (engine.objective() < res.objective - improvement_tolerance(res.objective)) {
            res.objective = engine.objective();
            res.open = engine.open_facilities();
        }
    }
    res.lower_bound = std::min(round_up_bound(bound.lower_bound, wm.integral), res.objective);
    fix_by_reduced_cost(bound, required_flag, res.objective, wm.integral, excluded, pinned);
    engine.exclude(excluded);
    engine.pin(pinned);

    // randomized-greedy restarts (each step picks among the 2..5 best insertions), then more shakes
    for (std::size_t r = 0; r < options.restarts && !proven(); ++r) {
        engine.greedy(&rng, 2 + r % 4);
        res.moves += engine.local_search();
        keep_if_better();
    }
    vns(options.perturbations);
    res.lower_bound = std::min(res.lower_bound, res.objective);
    return res;
}

// ---------------------------------------------------------------------------------------------
// Capacitated p-median with single sourcing: for a given open set the assignment is a generalized
// assignment problem, solved by regret greedy (Martello & Toth 1981) then shift and swap moves;
// the open set is improved by facility swaps evaluated with that assignment. Lower bound: Lagrangian
// relaxation of the assignment constraints, which leaves one 0-1 knapsack per facility
// (Mulvey & Beck 1984; Lorena & Senne 2004).

class CapacitatedAssigner {
public:
    CapacitatedAssigner(const Prepared& p, const WeightedMatrix& wm)
        : m_p(p), m_wm(wm), m_open(p.m, 0), m_remaining(p.m, 0.0), m_members(p.m)
    {
    }

    /// Assigns every demand point to an open facility (or leaves it unserved at its penalty) and
    /// returns the objective. facility_of[i] = candidate or NONE.
    double assign(const std::vector<std::size_t>& open, std::vector<std::size_t>& facility_of)
    {
        std::fill(m_open.begin(), m_open.end(), 0);
        for (auto j : open) {
            m_open[j] = 1;
            m_remaining[j] = m_p.capacity[j];
            m_members[j].clear();
        }
        const std::size_t n = m_p.n;
        facility_of.assign(n, NONE);
        m_cost.assign(n, 0.0);
        regret_greedy(facility_of);
        improve(facility_of);
        double z = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            z += m_cost[i];
        if (m_exact_below > 0) {
            std::size_t active = 0;
            for (std::size_t i = 0; i < n; ++i)
                active += m_wm.row_start[i + 1] > m_wm.row_start[i] ? 1 : 0;
            if (active <= m_exact_below)
                z = assign_exact(open, facility_of, z, 200000);
        }
        return z;
    }

    /// Small problems (at most this many demand points with a candidate) get an exact assignment.
    void exact_below(std::size_t count) { m_exact_below = count; }

    /// Exact single-source assignment for an open set by depth-first branch and bound (demand points
    /// by decreasing load, cheapest option first, bound = cost so far + cheapest option of every
    /// later point), starting from the assignment in facility_of with objective z. Stops after
    /// node_limit nodes keeping the best assignment found; returns its objective.
    double assign_exact(const std::vector<std::size_t>& open, std::vector<std::size_t>& facility_of, double z,
                        std::size_t node_limit)
    {
        struct Option {
            double cost;
            std::size_t facility;
        };
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < m_p.n; ++i)
            if (m_wm.row_start[i + 1] > m_wm.row_start[i])
                order.push_back(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return m_p.load[a] > m_p.load[b]; });
        std::vector<char> is_open(m_p.m, 0);
        for (auto j : open)
            is_open[j] = 1;
        std::vector<std::vector<Option>> options(order.size());
        std::vector<double> suffix(order.size() + 1, 0.0);
        for (std::size_t t = 0; t < order.size(); ++t) {
            const std::size_t i = order[t];
            for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k)
                if (is_open[m_wm.row_cand[k]] && m_wm.row_cost[k] <= m_wm.penalty[i])
                    options[t].push_back({m_wm.row_cost[k], m_wm.row_cand[k]});
            options[t].push_back({m_wm.penalty[i], NONE});  // rows are sorted: cheapest first
        }
        for (std::size_t t = order.size(); t-- > 0;)
            suffix[t] = suffix[t + 1] + options[t].front().cost;
        std::vector<double> room(m_p.m, 0.0);
        for (auto j : open)
            room[j] = m_p.capacity[j];
        std::vector<std::size_t> pick(order.size(), NONE), best_pick;
        double best = z;
        std::size_t nodes = 0;
        const double tol = improvement_tolerance(z);
        std::function<void(std::size_t, double)> dfs = [&](std::size_t t, double cost) {
            if (++nodes > node_limit)
                return;
            if (t == order.size()) {
                if (cost < best - tol) {
                    best = cost;
                    best_pick = pick;
                }
                return;
            }
            const std::size_t i = order[t];
            for (const auto& o : options[t]) {
                if (cost + o.cost + suffix[t + 1] >= best - tol)
                    break;  // options are sorted by cost
                if (o.facility != NONE && room[o.facility] + EPS < m_p.load[i])
                    continue;
                if (o.facility != NONE)
                    room[o.facility] -= m_p.load[i];
                pick[t] = o.facility;
                dfs(t + 1, cost + o.cost);
                if (o.facility != NONE)
                    room[o.facility] += m_p.load[i];
                if (nodes > node_limit)
                    return;
            }
        };
        dfs(0, 0.0);
        if (best_pick.empty())
            return z;
        for (std::size_t t = 0; t < order.size(); ++t) {
            const std::size_t i = order[t];
            facility_of[i] = best_pick[t];
            m_cost[i] = options[t].front().cost;
            for (const auto& o : options[t])
                if (o.facility == best_pick[t])
                    m_cost[i] = o.cost;
        }
        return best;
    }

private:
    static constexpr double EPS = 1e-9;

    bool fits(std::size_t j, std::size_t i) const { return m_remaining[j] + EPS >= m_p.load[i]; }

    /// Cheapest and second cheapest open facility with room for i (NONE = unserved at the penalty).
    void options_for(std::size_t i, std::size_t& f1, double& c1, std::size_t& f2, double& c2) const
    {
        f1 = f2 = NONE;
        c1 = c2 = m_wm.penalty[i];
        for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
            const double c = m_wm.row_cost[k];
            if (c > m_wm.penalty[i])
                break;
            const std::size_t j = m_wm.row_cand[k];
            if (!m_open[j] || !fits(j, i))
                continue;
            if (f1 == NONE) {
                f1 = j;
                c1 = c;
            } else {
                f2 = j;
                c2 = c;
                return;
            }
        }
    }

    void place(std::size_t i, std::size_t j, double c, std::vector<std::size_t>& facility_of)
    {
        facility_of[i] = j;
        m_cost[i] = c;
        if (j != NONE) {
            m_remaining[j] -= m_p.load[i];
            m_members[j].push_back(i);
        }
    }

    void unplace(std::size_t i, std::vector<std::size_t>& facility_of)
    {
        const std::size_t j = facility_of[i];
        if (j != NONE) {
            m_remaining[j] += m_p.load[i];
            auto& mem = m_members[j];
            mem.erase(std::find(mem.begin(), mem.end(), i));
        }
        facility_of[i] = NONE;
    }

    void regret_greedy(std::vector<std::size_t>& facility_of)
    {
        const std::size_t n = m_p.n;
        std::vector<std::size_t> f1(n), f2(n);
        std::vector<double> c1(n), c2(n);
        std::vector<char> pending(n, 0);
        std::size_t left = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (m_wm.row_start[i + 1] == m_wm.row_start[i])
                continue;  // no candidate within the cutoff: not part of the problem
            options_for(i, f1[i], c1[i], f2[i], c2[i]);
            pending[i] = 1;
            ++left;
        }
        // largest regret first, ties by the smaller index; stale heap entries (older versions) skipped
        struct Entry {
            double regret;
            std::size_t i;
            std::size_t version;
        };
        auto lower = [](const Entry& a, const Entry& b) { return a.regret != b.regret ? a.regret < b.regret : a.i > b.i; };
        std::vector<std::size_t> version(n, 0);
        std::vector<Entry> heap;
        for (std::size_t i = 0; i < n; ++i)
            if (pending[i])
                heap.push_back({c2[i] - c1[i], i, 0});
        std::make_heap(heap.begin(), heap.end(), lower);
        while (left > 0 && !heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), lower);
            const Entry top = heap.back();
            heap.pop_back();
            if (!pending[top.i] || top.version != version[top.i])
                continue;
            const std::size_t pick = top.i;
            pending[pick] = 0;
            --left;
            const std::size_t j = f1[pick];
            place(pick, j, c1[pick], facility_of);
            if (j == NONE)
                continue;
            for (std::size_t k = m_wm.col_start[j]; k < m_wm.col_start[j + 1]; ++k) {
                const std::size_t i = m_wm.col_dem[k];
                if (pending[i] && (f1[i] == j || f2[i] == j) && !fits(j, i)) {
                    options_for(i, f1[i], c1[i], f2[i], c2[i]);
                    heap.push_back({c2[i] - c1[i], i, ++version[i]});
                    std::push_heap(heap.begin(), heap.end(), lower);
                }
            }
        }
    }

    /// Cost of serving i from j (NONE: the penalty); nullopt if j is not allowed for i.
    std::optional<double> cost_of(std::size_t i, std::size_t j) const
    {
        if (j == NONE)
            return m_wm.penalty[i];
        const auto c = m_p.costs.cost(i, j);
        if (!c)
            return std::nullopt;
        const double wc = m_p.weight[i] * *c;
        if (wc > m_wm.penalty[i])
            return std::nullopt;
        return wc;
    }

    /// Shift (move one demand point to another open facility with room) and swap (exchange two demand
    /// points between facilities) moves, best move per demand point, until no move improves.
    void improve(std::vector<std::size_t>& facility_of)
    {
        const std::size_t n = m_p.n;
        for (int pass = 0; pass < 100; ++pass) {
            bool improved = false;
            for (std::size_t i = 0; i < n; ++i) {
                if (m_wm.row_start[i + 1] == m_wm.row_start[i])
                    continue;
                const std::size_t a = facility_of[i];
                const double ca = m_cost[i];
                const double tol = improvement_tolerance(ca);
                // shift
                double best_delta = -tol;
                std::size_t best_j = NONE, best_k = NONE, best_dest = NONE;
                double best_cj = 0.0, best_ck = 0.0;
                for (std::size_t e = m_wm.row_start[i]; e < m_wm.row_start[i + 1]; ++e) {
                    const double c = m_wm.row_cost[e];
                    if (!(c - ca < best_delta))
                        break;  // rows are sorted: nothing cheaper follows
                    const std::size_t j = m_wm.row_cand[e];
                    if (j == a || !m_open[j])
                        continue;
                    if (fits(j, i)) {
                        best_delta = c - ca;
                        best_j = j;
                        best_cj = c;
                        best_k = NONE;
                        break;
                    }
                    // make room at j by moving one of its members k: to a (swap), or to a third
                    // open facility with room (ejection chain of length two)
                    for (auto k : m_members[j]) {
                        if (m_remaining[j] + m_p.load[k] + EPS < m_p.load[i])
                            continue;
                        if (a == NONE || m_remaining[a] + m_p.load[i] + EPS >= m_p.load[k]) {
                            const auto cka = cost_of(k, a);
                            if (cka && c + *cka - ca - m_cost[k] < best_delta) {
                                best_delta = c + *cka - ca - m_cost[k];
                                best_j = j;
                                best_cj = c;
                                best_k = k;
                                best_dest = a;
                                best_ck = *cka;
                            }
                        }
                        for (std::size_t f = m_wm.row_start[k]; f < m_wm.row_start[k + 1]; ++f) {
                            const double ckd = m_wm.row_cost[f];
                            const double delta = c - ca + ckd - m_cost[k];
                            if (!(delta < best_delta) || ckd > m_wm.penalty[k])
                                break;
                            const std::size_t d = m_wm.row_cand[f];
                            if (d == a || d == j || !m_open[d] || !fits(d, k))
                                continue;
                            best_delta = delta;
                            best_j = j;
                            best_cj = c;
                            best_k = k;
                            best_dest = d;
                            best_ck = ckd;
                            break;
                        }
                    }
                }
                if (best_j == NONE)
                    continue;
                improved = true;
                if (best_k == NONE) {
                    unplace(i, facility_of);
                    place(i, best_j, best_cj, facility_of);
                } else {
                    unplace(i, facility_of);
                    unplace(best_k, facility_of);
                    place(i, best_j, best_cj, facility_of);
                    place(best_k, best_dest, best_ck, facility_of);
                }
            }
            if (!improved)
                break;
        }
    }

    const Prepared& m_p;
    const WeightedMatrix& m_wm;
    std::vector<char> m_open;
    std::vector<double> m_remaining;
    std::vector<std::vector<std::size_t>> m_members;
    std::vector<double> m_cost;
    std::size_t m_exact_below = 12;
};

/// 0-1 knapsack: maximise sum profit x subject to sum weight x <= capacity. Exact dynamic programming
/// when the weights and capacity are integers and the table is small; otherwise the LP relaxation
/// (Dantzig 1957), an upper bound on the profit, which keeps the Lagrangian bound valid.
/// `take` (when not null) receives the chosen amount (0/1, or a fraction in the LP case) per item.
struct KnapsackItem {
    double profit = 0.0;
    double weight = 0.0;
};

double knapsack(const std::vector<KnapsackItem>& items, double capacity, std::vector<double>* take)
{
    if (take)
        take->assign(items.size(), 0.0);
    double total_weight = 0.0, total_profit = 0.0;
    for (const auto& it : items) {
        total_weight += it.weight;
        total_profit += it.profit;
    }
    if (!std::isfinite(capacity) || total_weight <= capacity + 1e-9) {
        if (take)
            take->assign(items.size(), 1.0);
        return total_profit;
    }
    const bool integral = std::all_of(items.begin(), items.end(), [](const KnapsackItem& it) {
        return is_integral(it.weight);
    });
    const double cap_floor = std::floor(capacity + 1e-9);
    if (integral && cap_floor >= 0.0 && static_cast<double>(items.size()) * (cap_floor + 1.0) <= 2.0e7) {
        const auto cap = static_cast<std::size_t>(cap_floor);
        std::vector<double> best(cap + 1, 0.0);
        std::vector<char> keep(items.size() * (cap + 1), 0);
        for (std::size_t t = 0; t < items.size(); ++t) {
            const auto w = static_cast<std::size_t>(items[t].weight);
            if (w > cap)
                continue;
            for (std::size_t c = cap + 1; c-- > w;) {
                const double v = best[c - w] + items[t].profit;
                if (v > best[c]) {
                    best[c] = v;
                    keep[t * (cap + 1) + c] = 1;
                }
            }
        }
        if (take) {
            std::size_t c = cap;
            for (std::size_t t = items.size(); t-- > 0;)
                if (keep[t * (cap + 1) + c]) {
                    (*take)[t] = 1.0;
                    c -= static_cast<std::size_t>(items[t].weight);
                }
        }
        return best[cap];
    }
    // LP relaxation: by profit per unit weight, the last item fractional
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double ra = items[a].profit * items[b].weight, rb = items[b].profit * items[a].weight;
        return ra != rb ? ra > rb : a < b;
    });
    double room = capacity, profit = 0.0;
    for (auto t : order) {
        if (items[t].weight <= room) {
            room -= items[t].weight;
            profit += items[t].profit;
            if (take)
                (*take)[t] = 1.0;
        } else {
            const double f = room / items[t].weight;
            profit += f * items[t].profit;
            if (take)
                (*take)[t] = f;
            break;
        }
    }
    return profit;
}

FacilityRelaxation capacitated_relaxation(const Prepared& p, const WeightedMatrix& wm)
{
    // V_j = -(best knapsack of the demand points with positive reduced profit lambda_i - c_ij)
    auto items_of = [&p, &wm](std::size_t j, const std::vector<double>& lambda, std::vector<KnapsackItem>& items,
                              std::vector<std::size_t>& who) {
        items.clear();
        who.clear();
        for (std::size_t k = wm.col_start[j]; k < wm.col_start[j + 1]; ++k) {
            const std::size_t i = wm.col_dem[k];
            const double profit = lambda[i] - wm.col_cost[k];
            if (profit > 0.0) {
                items.push_back({profit, p.load[i]});
                who.push_back(i);
            }
        }
    };
    FacilityRelaxation r;
    r.values = [&p, items_of](const std::vector<double>& lambda, std::vector<double>& value) {
        std::vector<KnapsackItem> items;
        std::vector<std::size_t> who;
        for (std::size_t j = 0; j < p.m; ++j) {
            items_of(j, lambda, items, who);
            value[j] = -knapsack(items, p.capacity[j], nullptr);
        }
    };
    r.serve = [&p, items_of](const std::vector<double>& lambda, const std::vector<char>& open,
                             std::vector<double>& served) {
        std::vector<KnapsackItem> items;
        std::vector<std::size_t> who;
        std::vector<double> take;
        for (std::size_t j = 0; j < p.m; ++j) {
            if (!open[j])
                continue;
            items_of(j, lambda, items, who);
            knapsack(items, p.capacity[j], &take);
            for (std::size_t t = 0; t < who.size(); ++t)
                served[who[t]] += take[t];
        }
    };
    return r;
}

struct CapacitatedResult {
    std::vector<std::size_t> open;
    std::vector<std::size_t> facility_of;
    double objective = 0.0;
    double lower_bound = 0.0;
    std::size_t moves = 0;
    std::size_t bound_iterations = 0;
};

SolveOptions uncapacitated_start_options(const SolveOptions& options)
{
    SolveOptions o = options;
    o.restarts = 2;
    o.perturbations = 20;
    o.max_bound_iterations = std::min<std::size_t>(options.max_bound_iterations, 300);
    return o;
}

CapacitatedResult search_capacitated(const Prepared& p, const WeightedMatrix& wm, const SolveOptions& options)
{
    CapacitatedResult res;
    CapacitatedAssigner assigner(p, wm);
    SwapEngine engine(wm, p.required_flag, p.p_total);
    std::vector<std::size_t> facility_of;
    res.objective = std::numeric_limits<double>::infinity();

    // the best few distinct sets seen, for a final exact assignment
    std::set<std::pair<double, std::vector<std::size_t>>> elite;
    auto evaluate = [&](const std::vector<std::size_t>& open) {
        const double z = assigner.assign(open, facility_of);
        elite.emplace(z, open);
        if (elite.size() > 8)
            elite.erase(std::prev(elite.end()));
        return z;
    };
    auto record = [&](const std::vector<std::size_t>& open, double z) {
        if (res.open.empty() || z < res.objective - improvement_tolerance(res.objective)) {
            res.objective = z;
            res.open = open;
        }
    };
    // Facility swaps, best improvement. With many pairs, insertions are limited to the 24 candidates
    // with the largest uncapacitated gain for the current set.
    // Facility swaps. Small neighbourhoods (p x (m - p) <= 4000 pairs): every pair, best improvement.
    // Larger ones: the 24 insertions with the largest uncapacitated gain, each paired with the (at most
    // 4) open facilities now serving most of the demand points it could serve; first improvement.
    auto local_search = [&](std::vector<std::size_t> open) {
        double z = evaluate(open);
        for (;;) {
            std::vector<char> is_open(p.m, 0);
            for (auto j : open)
                is_open[j] = 1;
            std::vector<std::size_t> insert;
            for (std::size_t j = 0; j < p.m; ++j)
                if (!is_open[j])
                    insert.push_back(j);
            std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (position in open, candidate in)
            const bool large = insert.size() * open.size() > 4000;
            if (!large) {
                for (std::size_t a = 0; a < open.size(); ++a)
                    if (!p.required_flag[open[a]])
                        for (auto j : insert)
                            pairs.emplace_back(a, j);
            } else {
                const auto current = facility_of;  // the assignment of `open` (evaluated last)
                engine.open_set(open);
                std::vector<std::pair<double, std::size_t>> ranked;
                for (auto j : insert)
                    ranked.emplace_back(-engine.gain_of(j), j);
                const std::size_t top = std::min<std::size_t>(24, ranked.size());
                std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end());
                std::vector<std::size_t> position(p.m, NONE), count(p.m, 0);
                for (std::size_t a = 0; a < open.size(); ++a)
                    position[open[a]] = a;
                for (std::size_t t = 0; t < top; ++t) {
                    const std::size_t j = ranked[t].second;
                    std::vector<std::size_t> serving;
                    for (std::size_t k = wm.col_start[j]; k < wm.col_start[j + 1]; ++k) {
                        const std::size_t f = current[wm.col_dem[k]];
                        if (f == NONE || p.required_flag[f])
                            continue;
                        if (count[f]++ == 0)
                            serving.push_back(f);
                    }
                    std::sort(serving.begin(), serving.end(), [&](std::size_t a, std::size_t b) {
                        return count[a] != count[b] ? count[a] > count[b] : a < b;
                    });
                    for (std::size_t u = 0; u < serving.size() && u < 4; ++u)
                        pairs.emplace_back(position[serving[u]], j);
                    for (auto f : serving)
                        count[f] = 0;
                }
            }
            double best = z - improvement_tolerance(z);
            std::vector<std::size_t> best_set;
            for (const auto& [a, j] : pairs) {
                auto trial = open;
                trial[a] = j;
                std::sort(trial.begin(), trial.end());
                const double zt = evaluate(trial);
                if (zt < best) {
                    best = zt;
                    best_set = trial;
                    if (large)
                        break;
                }
            }
            if (best_set.empty())
                break;
            open = best_set;
            z = evaluate(open);
            ++res.moves;
        }
        record(open, z);
        return z;
    };

    // start: the uncapacitated p-median solution
    SearchResult uncap = search_uncapacitated(wm, p.required_flag, p.p_total, uncapacitated_start_options(options));
    local_search(uncap.open);

    std::set<std::vector<std::size_t>> seen;
    std::size_t searches = 0;
    std::vector<char> excluded(p.m, 0);
    auto consider = [&](const std::vector<std::size_t>& set) {
        if (!seen.insert(set).second)
            return;
        const double z = evaluate(set);
        record(set, z);
        if (searches < 16 && z <= res.objective * 1.03) {
            ++searches;
            local_search(set);
        }
    };
    const auto bound = subgradient_bound(wm, p.required_flag, p.p_total, initial_multipliers(wm),
                                         options.max_bound_iterations, options.min_step_factor, options.subgradient_weight,
                                         [&] { return res.objective; }, wm.integral, capacitated_relaxation(p, wm),
                                         consider, 5, excluded);
    res.bound_iterations = bound.iterations;
    res.lower_bound = round_up_bound(bound.lower_bound, wm.integral);

    // restarts: perturb the best set (two random swaps) and search again
    Rng rng(options.seed);
    for (std::size_t r = 0; r < options.restarts; ++r) {
        if (res.lower_bound >= res.objective - improvement_tolerance(res.objective))
            break;
        auto set = res.open;
        std::vector<char> is_open(p.m, 0);
        for (auto j : set)
            is_open[j] = 1;
        for (int s = 0; s < 2; ++s) {
            std::vector<std::size_t> removable, closed;
            for (std::size_t a = 0; a < set.size(); ++a)
                if (!p.required_flag[set[a]])
                    removable.push_back(a);
            for (std::size_t j = 0; j < p.m; ++j)
                if (!is_open[j])
                    closed.push_back(j);
            if (removable.empty() || closed.empty())
                break;
            const std::size_t a = removable[rng.below(removable.size())];
            const std::size_t j = closed[rng.below(closed.size())];
            is_open[set[a]] = 0;
            is_open[j] = 1;
            set[a] = j;
        }
        std::sort(set.begin(), set.end());
        local_search(set);
    }
    // polish: exact assignment (branch and bound, node-limited) for the best sets seen
    res.objective = evaluate(res.open);
    res.facility_of = facility_of;
    const auto finalists = elite;
    for (const auto& [z0, set] : finalists) {
        const double z = assigner.assign_exact(set, facility_of, assigner.assign(set, facility_of), 300000);
        if (z < res.objective - improvement_tolerance(res.objective)) {
            res.objective = z;
            res.open = set;
            res.facility_of = facility_of;
        }
    }
    res.lower_bound = std::min(res.lower_bound, res.objective);
    return res;
}

// ---------------------------------------------------------------------------------------------
// Turning an open set and an assignment into a solution: minimum throughput, statuses, totals.

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
            a.cost = *p.costs.cost(i, j);
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

/// Objective of a finished p-median solution: assigned cost plus the penalty of every unserved
/// demand point that has a candidate within the cutoff.
double p_median_objective(const Prepared& p, const LocationSolution& s)
{
    double z = s.assigned_cost;
    for (std::size_t i = 0; i < p.n; ++i)
        if (s.assignments[i].status != AssignmentStatus::assigned &&
            s.assignments[i].status != AssignmentStatus::no_candidate_within_cutoff)
            z += p.weight[i] * p.unserved_per_unit;
    return z;
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

// ---------------------------------------------------------------------------------------------
// LSCP (Toregas, Swain, ReVelle & Bergman 1971): greedy set cover (Chvatal 1979) with redundant-
// facility removal and randomized restarts; Lagrangian bound of the set-covering relaxation
// (Beasley 1990); exact depth-first branch and bound for small instances.

/// Which candidates cover which points, as 32-bit indices only (rows and columns): the set cover
/// never reads costs, and its hot loops then read a quarter of the memory.
class CoverIndex {
public:
    explicit CoverIndex(const Prepared& p)
    {
        if (p.n >= UINT32_MAX || p.m >= UINT32_MAX)
            throw error("set cover: more than 2^32 - 1 points or candidates");
        m_row_start.reserve(p.n + 1);
        m_row_start.push_back(0);
        for (std::size_t i = 0; i < p.n; ++i) {
            for (const auto& e : p.costs.row(i))
                m_row.push_back(static_cast<std::uint32_t>(e.candidate));
            m_row_start.push_back(m_row.size());
        }
        m_col_start.reserve(p.m + 1);
        m_col_start.push_back(0);
        for (std::size_t j = 0; j < p.m; ++j) {
            for (const auto& e : p.costs.column(j))
                m_col.push_back(static_cast<std::uint32_t>(e.demand));
            m_col_start.push_back(m_col.size());
        }
    }
    std::span<const std::uint32_t> row(std::size_t i) const
    {
        return {m_row.data() + m_row_start[i], m_row_start[i + 1] - m_row_start[i]};
    }
    std::span<const std::uint32_t> column(std::size_t j) const
    {
        return {m_col.data() + m_col_start[j], m_col_start[j + 1] - m_col_start[j]};
    }

private:
    std::vector<std::size_t> m_row_start, m_col_start;
    std::vector<std::uint32_t> m_row, m_col;
};

class SetCover {
public:
    SetCover(const Prepared& p) : m_p(p), m_ix(p), m_count(p.n, 0), m_open(p.m, 0), m_fresh(p.m, 0) {}

    const CoverIndex& index() const noexcept { return m_ix; }

    /// Opens the required facilities and `start`, completes the cover greedily (most newly covered
    /// points first, ties by index; with rng, uniformly among the `rcl` best; stale counts re-evaluated
    /// lazily as they only shrink), then closes redundant facilities, those with the largest
    /// `removal_priority` first (default: the last opened first). Returns the open set.
    std::vector<std::size_t> complete(const std::vector<std::size_t>& start, Rng* rng, std::size_t rcl,
                                      const std::vector<double>* removal_priority)
    {
        std::fill(m_count.begin(), m_count.end(), 0);
        std::fill(m_open.begin(), m_open.end(), 0);
        std::vector<std::size_t> order;  // non-required facilities in the order they were opened
        for (auto j : m_p.required)
            open(j);
        for (auto j : start)
            if (!m_open[j]) {
                open(j);
                order.push_back(j);
            }
        // Newly covered counts, exact at all times: gathered from the rows of the uncovered points
        // (few once a start set is open) and lowered as points get covered. Heap keys only lag
        // behind (they are upper bounds): a popped key that is no longer the count goes back with the
        // count, so the picks are those of a greedy that recounts every candidate at every step.
        std::size_t uncovered = 0;
        std::fill(m_fresh.begin(), m_fresh.end(), 0);
        for (std::size_t i = 0; i < m_p.n; ++i)
            if (!m_ix.row(i).empty() && m_count[i] == 0) {
                ++uncovered;
                for (const auto e : m_ix.row(i))
                    ++m_fresh[e];
            }
        struct Entry {
            std::size_t fresh;
            std::size_t j;
        };
        auto lower = [](const Entry& a, const Entry& b) { return a.fresh != b.fresh ? a.fresh < b.fresh : a.j > b.j; };
        std::vector<Entry> heap;
        for (std::size_t j = 0; j < m_p.m; ++j)
            if (!m_open[j] && m_fresh[j] > 0)
                heap.push_back({m_fresh[j], j});
        std::make_heap(heap.begin(), heap.end(), lower);
        std::vector<Entry> list;
        while (uncovered > 0 && !heap.empty()) {
            const std::size_t take = rng ? std::max<std::size_t>(rcl, 1) : 1;
            list.clear();
            while (list.size() < take && !heap.empty()) {
                std::pop_heap(heap.begin(), heap.end(), lower);
                const Entry e = heap.back();
                heap.pop_back();
                if (e.fresh == m_fresh[e.j]) {
                    if (e.fresh > 0)
                        list.push_back(e);
                } else {  // stale: its count fell since it was pushed
                    heap.push_back({m_fresh[e.j], e.j});
                    std::push_heap(heap.begin(), heap.end(), lower);
                }
            }
            if (list.empty())
                break;
            const std::size_t pick = rng ? rng->below(list.size()) : 0;
            for (std::size_t t = 0; t < list.size(); ++t)
                if (t != pick) {
                    heap.push_back(list[t]);
                    std::push_heap(heap.begin(), heap.end(), lower);
                }
            const std::size_t j = list[pick].j;
            uncovered -= list[pick].fresh;
            for (const auto e : m_ix.column(j))
                if (m_count[e] == 0)  // covered now: no longer fresh for any candidate
                    for (const auto f : m_ix.row(e))
                        --m_fresh[f];
            open(j);
            order.push_back(j);
        }
        // redundant facilities
        std::vector<std::size_t> removal(order.rbegin(), order.rend());
        if (removal_priority)
            std::stable_sort(removal.begin(), removal.end(), [&](std::size_t a, std::size_t b) {
                return (*removal_priority)[a] > (*removal_priority)[b];
            });
        for (auto j : removal)
            if (redundant(j))
                close(j);
        return open_set();
    }

    /// improve() from a given open set.
    std::vector<std::size_t> improve(const std::vector<std::size_t>& set)
    {
        std::fill(m_count.begin(), m_count.end(), 0);
        std::fill(m_open.begin(), m_open.end(), 0);
        for (auto j : set)
            open(j);
        improve();
        return open_set();
    }

    /// Local search: open a closed candidate c if that makes at least two open facilities near it
    /// redundant (they are closed), until no candidate does.
    ///
    /// An open facility j can only become redundant by opening c if every demand point that j alone
    /// covers is also covered by c. So the search keeps, for each demand point covered exactly once,
    /// its sole facility, and for each open facility the number of points it alone covers; opening c
    /// can make j redundant only when c's column holds all of them. Only those facilities are then
    /// checked exactly, in increasing index order as before, so the moves made are the same as a
    /// check of every open facility near c, at a fraction of the work on large dense parts.
    void improve()
    {
        std::vector<std::size_t> sole(m_p.n, NONE);
        std::vector<std::size_t> alone(m_p.m, 0);  // points covered by this open facility only
        auto find_sole = [&](std::size_t i) -> std::size_t {
            for (const auto f : m_ix.row(i))
                if (m_open[f])
                    return f;
            return NONE;
        };
        auto forget = [&](std::size_t i) {
            if (sole[i] != NONE) {
                --alone[sole[i]];
                sole[i] = NONE;
            }
        };
        auto learn = [&](std::size_t i) {
            if (m_count[i] == 1) {
                sole[i] = find_sole(i);
                ++alone[sole[i]];
            }
        };
        for (std::size_t i = 0; i < m_p.n; ++i)
            learn(i);

        // Opening c can make j redundant only if c covers every point j alone covers, so c lies in the
        // row of any one of them: the candidates worth a look are those in the rows of such points of
        // at least two facilities (one point each, the one with the shortest row). Recomputed after
        // every move, this visits the same candidates in the same order as a scan of them all.
        std::vector<std::size_t> representative(m_p.m, NONE), reach(m_p.m, 0), eligible;
        auto find_eligible = [&](std::size_t after) {
            std::fill(representative.begin(), representative.end(), NONE);
            for (std::size_t i = 0; i < m_p.n; ++i) {
                const std::size_t j = sole[i];
                if (j != NONE && !m_p.required_flag[j] &&
                    (representative[j] == NONE || m_ix.row(i).size() < m_ix.row(representative[j]).size()))
                    representative[j] = i;
            }
            eligible.clear();
            for (std::size_t j = 0; j < m_p.m; ++j)
                if (representative[j] != NONE)
                    for (const auto c : m_ix.row(representative[j]))
                        if (!m_open[c] && (after == NONE || c > after) && reach[c]++ == 1)
                            eligible.push_back(c);
            for (std::size_t j = 0; j < m_p.m; ++j)
                if (representative[j] != NONE)
                    for (const auto c : m_ix.row(representative[j]))
                        reach[c] = 0;
            std::sort(eligible.begin(), eligible.end());
        };
        std::vector<std::size_t> hit(m_p.m, 0), touched, candidates, dropped, affected;
        for (bool improved = true; improved;) {
            improved = false;
            find_eligible(NONE);
            for (std::size_t t = 0; t < eligible.size();) {
                const std::size_t c = eligible[t++];
                if (m_open[c])
                    continue;
                touched.clear();
                for (const auto e : m_ix.column(c)) {
                    const std::size_t j = sole[e];
                    if (j == NONE || m_p.required_flag[j])
                        continue;
                    if (hit[j]++ == 0)
                        touched.push_back(j);
                }
                candidates.clear();
                for (auto j : touched) {
                    if (hit[j] == alone[j])
                        candidates.push_back(j);
                    hit[j] = 0;
                }
                if (candidates.size() < 2)
                    continue;
                std::sort(candidates.begin(), candidates.end());
                open(c);
                dropped.clear();
                for (auto j : candidates)
                    if (redundant(j)) {
                        close(j);
                        dropped.push_back(j);
                    }
                if (dropped.size() < 2) {
                    for (auto j : dropped)
                        open(j);
                    close(c);
                    continue;
                }
                improved = true;
                // Refresh the sole-facility bookkeeping of every point whose count changed.
                affected.clear();
                for (const auto e : m_ix.column(c))
                    affected.push_back(e);
                for (auto j : dropped)
                    for (const auto e : m_ix.column(j))
                        affected.push_back(e);
                std::sort(affected.begin(), affected.end());
                affected.erase(std::unique(affected.begin(), affected.end()), affected.end());
                for (auto i : affected)
                    forget(i);
                for (auto i : affected)
                    learn(i);
                find_eligible(c);  // the rest of the pass, under the new bookkeeping
                t = 0;
            }
        }
    }

    std::vector<std::size_t> open_set() const
    {
        std::vector<std::size_t> out;
        for (std::size_t j = 0; j < m_p.m; ++j)
            if (m_open[j])
                out.push_back(j);
        return out;
    }

private:
    bool redundant(std::size_t j) const
    {
        const auto col = m_ix.column(j);
        return std::all_of(col.begin(), col.end(), [&](std::uint32_t e) { return m_count[e] >= 2; });
    }
    void open(std::size_t j)
    {
        m_open[j] = 1;
        for (const auto e : m_ix.column(j))
            ++m_count[e];
    }
    void close(std::size_t j)
    {
        m_open[j] = 0;
        for (const auto e : m_ix.column(j))
            --m_count[e];
    }

    const Prepared& m_p;
    CoverIndex m_ix;
    std::vector<std::size_t> m_count;
    std::vector<char> m_open;
    std::vector<std::size_t> m_fresh;  // complete(): uncovered points each candidate would cover
};

/// Lagrangian bound of the set cover (Beasley 1990): with multipliers u_i >= 0 on the covering
/// constraints,
///   L(u) = |R| + sum_i u_i + sum_{j not in R} min(0, 1 - sum_{i in N_j} u_i)
/// over the demand points not covered by the required facilities R. Every 5th iteration the
/// candidates with negative reduced cost 1 - sum u_i start a greedy completion (Lagrangian heuristic)
/// that may improve `best`.
BoundResult set_cover_bound(const Prepared& p, std::vector<std::size_t>& best, std::size_t max_iterations,
                            double min_step_factor, SetCover& cover)
{
    BoundResult res;
    std::vector<char> active(p.n, 0);
    for (std::size_t i = 0; i < p.n; ++i)
        active[i] = !cover.index().row(i).empty();
    for (auto j : p.required)
        for (const auto e : cover.index().column(j))
            active[e] = 0;
    std::vector<double> u(p.n, 0.0), g(p.n, 0.0), reduced(p.m, 0.0), covered_u(p.m, 0.0);
    std::vector<std::size_t> active_covered(p.m, 0);  // active points each candidate covers
    for (std::size_t j = 0; j < p.m; ++j)
        for (const auto d : cover.index().column(j))
            active_covered[j] += active[d] ? 1 : 0;
    for (std::size_t i = 0; i < p.n; ++i)
        if (active[i]) {
            // start: 1 / (largest number of active points a candidate of i covers)
            std::size_t most = 1;
            for (const auto e : cover.index().row(i))
                most = std::max(most, active_covered[e]);
            u[i] = 1.0 / static_cast<double>(most);
        }
    double theta = 2.0;
    std::size_t since = 0;
    std::vector<std::size_t> start;
    for (std::size_t it = 0; it < max_iterations; ++it) {
        ++res.iterations;
        const double ub = static_cast<double>(best.size());
        double L = static_cast<double>(p.required.size());
        for (std::size_t i = 0; i < p.n; ++i) {
            L += active[i] ? u[i] : 0.0;
            g[i] = active[i] ? 1.0 : 0.0;
        }
        start.clear();
        // reduced costs 1 - sum of u over the points a candidate covers, gathered row by row so that
        // the (many) points whose multiplier is 0 cost nothing
        // (summed in ascending point order, as a column scan would)
        std::fill(covered_u.begin(), covered_u.end(), 0.0);
        for (std::size_t i = 0; i < p.n; ++i)
            if (active[i] && u[i] > 0.0)
                for (const auto e : cover.index().row(i))
                    covered_u[e] += u[i];
        for (std::size_t j = 0; j < p.m; ++j) {
            if (p.required_flag[j])
                continue;
            reduced[j] = 1.0 - covered_u[j];
            if (reduced[j] < 0.0) {
                L += reduced[j];
                start.push_back(j);
                for (const auto e : cover.index().column(j))
                    g[e] -= active[e] ? 1.0 : 0.0;
            }
        }
        if (L > res.lower_bound + 1e-12) {
            res.lower_bound = L;
            since = 0;
        } else if (++since >= 30) {
            theta /= 2.0;
            since = 0;
        }
        if (it % 5 == 0) {
            auto set = cover.complete(start, nullptr, 1, &reduced);
            if (set.size() <= best.size() + 2) {
                set = cover.improve(set);
            }
            if (set.size() < best.size())
                best = std::move(set);
        }
        if (round_up_bound(res.lower_bound, true) >= static_cast<double>(best.size()) || theta < min_step_factor)
            break;
        double norm = 0.0;
        for (std::size_t i = 0; i < p.n; ++i)
            norm += g[i] * g[i];
        if (norm == 0.0)
            break;
        const double step = theta * (ub - L) / norm;
        for (std::size_t i = 0; i < p.n; ++i)
            if (active[i])
                u[i] = std::max(0.0, u[i] + step * g[i]);
    }
    res.lower_bound = std::max(res.lower_bound, static_cast<double>(p.required.size()));
    return res;
}

/// Exact set cover by depth-first branch and bound: branch on the uncovered demand point with the
/// fewest usable candidates, one branch per candidate (the earlier ones excluded in later branches);
/// prune with count + ceil(uncovered / largest fresh coverage). Returns false if it hit the node limit.
class SetCoverExact {
public:
    SetCoverExact(const Prepared& p, std::size_t node_limit, std::vector<std::size_t> incumbent)
        : m_p(p), m_limit(node_limit), m_best(std::move(incumbent)), m_count(p.n, 0), m_open(p.m, 0),
          m_excluded(p.m, 0)
    {
    }

    bool run()
    {
        for (auto j : m_p.required)
            open(j);
        m_uncovered = 0;
        for (std::size_t i = 0; i < m_p.n; ++i)
            if (!m_p.costs.row(i).empty() && m_count[i] == 0)
                ++m_uncovered;
        dfs(m_p.required.size());
        return !m_aborted;
    }
    const std::vector<std::size_t>& best() const { return m_best; }
    std::size_t nodes() const { return m_nodes; }

private:
    std::size_t fresh(std::size_t j) const
    {
        std::size_t f = 0;
        for (const auto& e : m_p.costs.column(j))
            f += m_count[e.demand] == 0 ? 1 : 0;
        return f;
    }
    void open(std::size_t j)
    {
        m_open[j] = 1;
        for (const auto& e : m_p.costs.column(j))
            if (m_count[e.demand]++ == 0)
                --m_uncovered;
    }
    void close(std::size_t j)
    {
        m_open[j] = 0;
        for (const auto& e : m_p.costs.column(j))
            if (--m_count[e.demand] == 0)
                ++m_uncovered;
    }

    void dfs(std::size_t count)
    {
        if (m_aborted)
            return;
        if (++m_nodes > m_limit) {
            m_aborted = true;
            return;
        }
        if (m_uncovered == 0) {
            if (count < m_best.size()) {
                m_best.clear();
                for (std::size_t j = 0; j < m_p.m; ++j)
                    if (m_open[j])
                        m_best.push_back(j);
            }
            return;
        }
        std::size_t most = 0;
        for (std::size_t j = 0; j < m_p.m; ++j)
            if (!m_open[j] && !m_excluded[j])
                most = std::max(most, fresh(j));
        if (most == 0)
            return;
        const std::size_t need = (m_uncovered + most - 1) / most;
        if (count + need >= m_best.size())
            return;
        // the uncovered point with the fewest usable candidates
        std::size_t pick = NONE, fewest = NONE;
        for (std::size_t i = 0; i < m_p.n; ++i) {
            if (m_count[i] != 0 || m_p.costs.row(i).empty())
                continue;
            std::size_t usable = 0;
            for (const auto& e : m_p.costs.row(i))
                usable += m_excluded[e.candidate] ? 0 : 1;
            if (usable < fewest) {
                fewest = usable;
                pick = i;
            }
        }
        if (fewest == 0)
            return;
        std::vector<std::pair<std::size_t, std::size_t>> branches;  // (-fresh, j)
        for (const auto& e : m_p.costs.row(pick))
            if (!m_excluded[e.candidate])
                branches.emplace_back(m_p.n - fresh(e.candidate), e.candidate);
        std::sort(branches.begin(), branches.end());
        std::vector<std::size_t> excluded_here;
        for (const auto& [key, j] : branches) {
            open(j);
            dfs(count + 1);
            close(j);
            m_excluded[j] = 1;
            excluded_here.push_back(j);
            if (m_aborted)
                break;
        }
        for (auto j : excluded_here)
            m_excluded[j] = 0;
    }

    const Prepared& m_p;
    std::size_t m_limit;
    std::vector<std::size_t> m_best;
    std::vector<std::size_t> m_count;
    std::vector<char> m_open;
    std::vector<char> m_excluded;
    std::size_t m_uncovered = 0;
    std::size_t m_nodes = 0;
    bool m_aborted = false;
};

/// Assignment to the closest open facility within the cutoff (rows are sorted by cost).
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

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string_view to_string(LocationModel m) noexcept
{
    switch (m) {
    case LocationModel::lscp: return "lscp";
    case LocationModel::p_median: return "p-median";
    case LocationModel::mclp: return "mclp";
    }
    return "p-median";
}

std::optional<LocationModel> parse_location_model(std::string_view s) noexcept
{
    for (auto m : {LocationModel::lscp, LocationModel::p_median, LocationModel::mclp})
        if (s == to_string(m))
            return m;
    return std::nullopt;
}

std::string_view to_string(AssignmentStatus s) noexcept
{
    switch (s) {
    case AssignmentStatus::assigned: return "assigned";
    case AssignmentStatus::no_candidate_within_cutoff: return "no_candidate_within_cutoff";
    case AssignmentStatus::no_open_facility_within_cutoff: return "no_open_facility_within_cutoff";
    case AssignmentStatus::capacity_exhausted: return "capacity_exhausted";
    case AssignmentStatus::below_min_throughput: return "below_min_throughput";
    }
    return "assigned";
}

void validate(const LocationProblem& pr, LocationModel model)
{
    const std::size_t n = pr.costs.demand_count(), m = pr.costs.candidate_count();
    const std::string name(to_string(model));
    auto fail = [&](const std::string& what) { throw usage_error(name + ": " + what); };
    if (pr.demand_weights.size() != n)
        fail(std::to_string(pr.demand_weights.size()) + " demand weights for " + std::to_string(n) +
             " demand points in the cost matrix");
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(pr.demand_weights[i]) || pr.demand_weights[i] < 0.0)
            fail("demand point " + std::to_string(i) + " has weight " + std::to_string(pr.demand_weights[i]) +
                 "; weights must be finite and >= 0");
    if (!pr.demand_loads.empty()) {
        if (pr.demand_loads.size() != n)
            fail(std::to_string(pr.demand_loads.size()) + " demand loads for " + std::to_string(n) + " demand points");
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isfinite(pr.demand_loads[i]) || pr.demand_loads[i] < 0.0)
                fail("demand point " + std::to_string(i) + " has load " + std::to_string(pr.demand_loads[i]) +
                     "; loads must be finite and >= 0");
    }
    if (std::isnan(pr.max_cost) || pr.max_cost < 0.0)
        fail("the cutoff max_cost must be >= 0");
    if (!pr.candidate_capacity.empty()) {
        if (pr.candidate_capacity.size() != m)
            fail(std::to_string(pr.candidate_capacity.size()) + " capacities for " + std::to_string(m) + " candidates");
        for (std::size_t j = 0; j < m; ++j)
            if (std::isnan(pr.candidate_capacity[j]) || pr.candidate_capacity[j] < 0.0)
                fail("candidate " + std::to_string(j) + " has capacity " + std::to_string(pr.candidate_capacity[j]) +
                     "; capacities must be >= 0");
        const bool limited = std::any_of(pr.candidate_capacity.begin(), pr.candidate_capacity.end(),
                                         [](double c) { return std::isfinite(c); });
        if (limited && model != LocationModel::p_median)
            fail("capacities are supported by the p-median model only");
    }
    if (!std::isfinite(pr.min_throughput) || pr.min_throughput < 0.0)
        fail("the minimum throughput must be finite and >= 0");
    if (pr.min_throughput > 0.0 && model == LocationModel::lscp)
        fail("a minimum throughput is supported by p-median and mclp, not lscp (closing a facility would "
             "break the coverage the model exists for)");
    std::vector<char> seen(m, 0);
    for (auto j : pr.required) {
        if (j >= m)
            fail("required candidate " + std::to_string(j) + " is out of range (" + std::to_string(m) +
                 " candidates)");
        if (seen[j])
            fail("required candidate " + std::to_string(j) + " is listed twice");
        seen[j] = 1;
    }
    if (model != LocationModel::lscp) {
        const std::size_t total = pr.required_count_towards_p ? pr.p : pr.p + pr.required.size();
        if (pr.required_count_towards_p && pr.p < pr.required.size())
            fail("p = " + std::to_string(pr.p) + " is smaller than the " + std::to_string(pr.required.size()) +
                 " required facilities it counts");
        if (total == 0)
            fail("p must be at least 1");
        if (total > m)
            fail(std::to_string(total) + " facilities to open but only " + std::to_string(m) + " candidates");
    }
    if (pr.unserved_cost) {
        const double effective_cutoff = std::min(pr.max_cost, pr.costs.max_cost());
        const double largest = std::isfinite(effective_cutoff) ? effective_cutoff : pr.costs.largest_cost();
        if (!std::isfinite(*pr.unserved_cost) || *pr.unserved_cost < largest)
            fail("the unserved cost " + std::to_string(*pr.unserved_cost) +
                 " must be finite and at least the largest allowed cost " + std::to_string(largest) +
                 " (lower the cutoff instead)");
    }
}

LocationSolution solve_lscp(const LocationProblem& problem, const SolveOptions& options)
{
    const Stopwatch clock;
    const Prepared p = prepare(problem, options, LocationModel::lscp);
    // The set cover splits into independent parts (candidates linked by a demand point they can both
    // cover): each is solved and bounded on its own, and the bounds add up.
    std::vector<std::size_t> parent(p.m);
    std::iota(parent.begin(), parent.end(), 0);
    std::function<std::size_t(std::size_t)> root = [&](std::size_t j) {
        while (parent[j] != j)
            j = parent[j] = parent[parent[j]];
        return j;
    };
    for (std::size_t i = 0; i < p.n; ++i) {
        const auto row = p.costs.row(i);
        for (std::size_t t = 1; t < row.size(); ++t) {
            const std::size_t a = root(row[0].candidate), b = root(row[t].candidate);
            if (a != b)
                parent[std::max(a, b)] = std::min(a, b);
        }
    }
    std::vector<std::vector<std::size_t>> part_candidates(p.m), part_demand(p.m);
    for (std::size_t j = 0; j < p.m; ++j)
        part_candidates[root(j)].push_back(j);
    for (std::size_t i = 0; i < p.n; ++i)
        if (!p.costs.row(i).empty())
            part_demand[root(p.costs.row(i)[0].candidate)].push_back(i);

    std::vector<std::size_t> chosen;
    double lower = 0.0;
    std::size_t effort = 0, node_budget = options.exact_node_limit;
    Rng rng(options.seed);
    std::vector<std::size_t> local(p.m, NONE);
    for (std::size_t r = 0; r < p.m; ++r) {
        const auto& cands = part_candidates[r];
        const auto& dems = part_demand[r];
        if (cands.empty())
            continue;
        if (dems.empty()) {  // nothing to cover: only required facilities stay open
            for (auto j : cands)
                if (p.required_flag[j]) {
                    chosen.push_back(j);
                    lower += 1.0;
                }
            continue;
        }
        // the part as a problem of its own, in local indices
        Prepared sub;
        sub.n = dems.size();
        sub.m = cands.size();
        for (std::size_t t = 0; t < cands.size(); ++t)
            local[cands[t]] = t;
        if (sub.n == p.n && sub.m == p.m) {
            sub.costs = p.costs;  // one part holding everything: local indices are the problem's own
        } else {
            std::vector<CostTriplet> triplets;
            for (std::size_t t = 0; t < dems.size(); ++t)
                for (const auto& e : p.costs.row(dems[t]))
                    triplets.push_back({t, local[e.candidate], e.cost});
            sub.costs.own(SparseCostMatrix::from_triplets(sub.n, sub.m, std::move(triplets)));
        }
        sub.required_flag.assign(sub.m, 0);
        for (std::size_t t = 0; t < cands.size(); ++t)
            if (p.required_flag[cands[t]]) {
                sub.required_flag[t] = 1;
                sub.required.push_back(t);
            }
        SetCover cover(sub);
        auto best = cover.improve(cover.complete({}, nullptr, 1, nullptr));
        for (std::size_t k = 0; k < options.restarts; ++k) {
            auto set = cover.improve(cover.complete({}, &rng, 2 + k % 3, nullptr));
            if (set.size() < best.size())
                best = std::move(set);
        }
        const auto bound = set_cover_bound(sub, best, options.max_bound_iterations, options.min_step_factor, cover);
        double part_lower = round_up_bound(bound.lower_bound, true);
        effort += bound.iterations;
        // the branch and bound's bound is weak: it is for small parts (the common case with a cutoff)
        if (part_lower < static_cast<double>(best.size()) && node_budget > 0 && sub.m <= 400) {
            // each node scans the part's candidates: cap the work at about 2e7 candidate visits
            SetCoverExact exact(sub, std::min(node_budget, 20000000 / sub.m + 1), best);
            const bool complete = exact.run();
            effort += exact.nodes();
            node_budget -= std::min(node_budget, exact.nodes());
            best = exact.best();
            if (complete)
                part_lower = static_cast<double>(best.size());
        }
        lower += std::min(part_lower, static_cast<double>(best.size()));
        for (auto t : best)
            chosen.push_back(cands[t]);
    }
    std::sort(chosen.begin(), chosen.end());
    auto s = finish(p, LocationModel::lscp, chosen, closest_open(p, chosen));
    s.objective = static_cast<double>(chosen.size());
    s.lower_bound = lower;
    set_gap_minimise(s);
    s.bound_iterations = effort;
    s.time_ms = clock.ms();
    return s;
}

LocationSolution solve_p_median(const LocationProblem& problem, const SolveOptions& options)
{
    const Stopwatch clock;
    const Prepared p = prepare(problem, options, LocationModel::p_median);
    const WeightedMatrix wm = make_weighted(p, false);
    LocationSolution s;
    if (p.capacitated) {
        auto r = search_capacitated(p, wm, options);
        s = finish(p, LocationModel::p_median, r.open, r.facility_of);
        s.lower_bound = r.lower_bound;
        s.iterations = r.moves;
        s.bound_iterations = r.bound_iterations;
    } else {
        auto r = search_uncapacitated(wm, p.required_flag, p.p_total, options);
        s = finish(p, LocationModel::p_median, r.open, closest_open(p, r.open));
        s.lower_bound = r.lower_bound;
        s.iterations = r.moves;
        s.bound_iterations = r.bound_iterations;
    }
    s.unserved_cost = p.unserved_per_unit;
    s.objective = p_median_objective(p, s);
    set_gap_minimise(s);
    s.time_ms = clock.ms();
    return s;
}

LocationSolution solve_mclp(const LocationProblem& problem, const SolveOptions& options)
{
    const Stopwatch clock;
    const Prepared p = prepare(problem, options, LocationModel::mclp);
    const WeightedMatrix wm = make_weighted(p, true);
    double coverable = 0.0;
    for (std::size_t i = 0; i < p.n; ++i)
        coverable += wm.penalty[i];
    // maximising the covered weight = minimising the uncovered weight (a p-median with 0/1 costs)
    auto r = search_uncapacitated(wm, p.required_flag, p.p_total, options);
    auto s = finish(p, LocationModel::mclp, r.open, closest_open(p, r.open));
    s.objective = s.served_weight;
    s.lower_bound = s.objective;
    s.upper_bound = std::max(s.objective, coverable - r.lower_bound);
    s.gap = s.upper_bound > 0.0 ? (s.upper_bound - s.objective) / s.upper_bound : 0.0;
    s.proven_optimal = s.upper_bound - s.objective <= improvement_tolerance(s.upper_bound);
    if (s.proven_optimal) {
        s.upper_bound = s.objective;
        s.gap = 0.0;
    }
    s.iterations = r.moves;
    s.bound_iterations = r.bound_iterations;
    s.time_ms = clock.ms();
    return s;
}

LocationSolution solve_location(LocationModel model, const LocationProblem& problem, const SolveOptions& options)
{
    switch (model) {
    case LocationModel::lscp: return solve_lscp(problem, options);
    case LocationModel::mclp: return solve_mclp(problem, options);
    case LocationModel::p_median: break;
    }
    return solve_p_median(problem, options);
}

}  // namespace basural
