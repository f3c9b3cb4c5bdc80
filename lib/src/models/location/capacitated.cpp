// Capacitated p-median with single sourcing: for a given open set the assignment is a generalized
// assignment problem, solved by regret greedy (Martello & Toth 1981) then shift and swap moves;
// the open set is improved by facility swaps evaluated with that assignment. Lower bound: Lagrangian
// relaxation of the assignment constraints, which leaves one 0-1 knapsack per facility
// (Mulvey & Beck 1984; Lorena & Senne 2004).
#include "capacitated.hpp"

#include "lagrangian.hpp"
#include "p_median.hpp"
#include "swap_engine.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

namespace basural::location {
namespace {

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

SolveOptions uncapacitated_start_options(const SolveOptions& options)
{
    SolveOptions o = options;
    o.restarts = 2;
    o.perturbations = 20;
    o.max_bound_iterations = std::min<std::size_t>(options.max_bound_iterations, 300);
    return o;
}

}  // namespace

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (start, facility swaps, restarts, final exact assignment; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
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
    SubgradientOptions bound_options = subgradient_options(options);
    bound_options.upper_bound = [&] { return res.objective; };
    bound_options.propose = consider;
    const auto bound = subgradient_bound(wm, p.required_flag, p.p_total, capacitated_relaxation(p, wm), bound_options,
                                         excluded);
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

}  // namespace basural::location
