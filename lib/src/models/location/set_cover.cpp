// LSCP (Toregas, Swain, ReVelle & Bergman 1971): greedy set cover (Chvatal 1979) with redundant-
// facility removal and randomized restarts; Lagrangian bound of the set-covering relaxation
// (Beasley 1990); exact depth-first branch and bound for small instances.
// docs/methods/location_models.md.
#include "basural/models/location/facility_location.hpp"

#include "common.hpp"
#include "lagrangian.hpp"

#include "basural/base/error.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <span>
#include <utility>

namespace basural {

using namespace location;

namespace {

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
    // Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
    // its working arrays (redundant facilities, swaps; marked by comments inside).
    // Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
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
// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (multipliers, bound, step, Lagrangian heuristic; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
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

}  // namespace

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (components, greedy cover, improvement, bound, exact search; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
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

}  // namespace basural
